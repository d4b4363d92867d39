// Test support for the kiosk-central tests: a fresh database per test (a SQLite file, or a new
// database in the throwaway PostgreSQL cluster that tests/sync/pg/cluster.sh started), row
// counts by SQL, an enrolled "kiosk", and kiosk-central child processes on random ports.
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <pqxx/pqxx>
#include <sstream>
#include <string>
#include <vector>

#include "sync/protocol/encoding.hpp"
#include "sync/protocol/envelope.hpp"
#include "sync/protocol/wire.hpp"

namespace kiosk::sync::test {

// The protocol's error body {v, epoch, error:{code, message}} of a reply that must have `status`;
// an empty ErrorResponse (and a test failure) when there is no reply or it does not decode.
inline ErrorResponse error_reply(const httplib::Result& res, int status) {
    EXPECT_TRUE(res);
    if (!res) {
        return {};
    }
    EXPECT_EQ(res->status, status) << res->body;
    auto e = decode_error_response(res->body);
    EXPECT_TRUE(e.ok()) << res->body;
    return e.ok() ? *e : ErrorResponse{};
}

inline std::filesystem::path make_temp_dir() {
    auto dir = std::filesystem::temp_directory_path() / ("kiosk-central-test-" + random_id());
    std::filesystem::create_directories(dir);
    return dir;
}

// The cluster's admin URL: $KIOSK_PG_URL, or the file named by $KIOSK_PG_URL_FILE (written by
// the CTest fixture once the cluster listens). Empty when neither is there.
inline std::string pg_admin_url() {
    if (const char* url = std::getenv("KIOSK_PG_URL"); url && *url) {
        return url;
    }
    const char* file = std::getenv("KIOSK_PG_URL_FILE");
    if (!file) {
        return {};
    }
    std::ifstream in(file);
    std::string url;
    std::getline(in, url);
    return url;
}

// A database for one test: PostgreSQL when `postgres`, else a SQLite file in `dir`. Fails the
// test (never skips) when the PostgreSQL cluster is not there.
inline std::string fresh_db_url(bool postgres, const std::filesystem::path& dir) {
    if (!postgres) {
        return (dir / "central.sqlite").string();
    }
    const std::string admin = pg_admin_url();
    EXPECT_FALSE(admin.empty()) << "no PostgreSQL cluster: set KIOSK_PG_URL or run the "
                                   "sync_pg_cluster_start fixture (ctest -R 'sync_pg|^pg[.]')";
    if (admin.empty()) {
        return {};
    }
    const std::string name = "kt_" + random_id();
    pqxx::connection c(admin);
    pqxx::nontransaction n(c);
    n.exec("CREATE DATABASE " + name);
    const auto slash = admin.rfind('/');
    return admin.substr(0, slash + 1) + name;
}

inline void drop_db(bool postgres, const std::string& url) {
    if (!postgres || url.empty()) {
        return;
    }
    const std::string name = url.substr(url.rfind('/') + 1);
    pqxx::connection c(pg_admin_url());
    pqxx::nontransaction n(c);
    n.exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
}

// One integer from SQL, straight from the database (not through the store under test).
inline long long query_int(const std::string& url, const std::string& sql) {
    if (url.rfind("postgresql://", 0) == 0) {
        pqxx::connection c(url);
        pqxx::nontransaction n(c);
        return n.exec(sql)[0][0].as<long long>();
    }
    sqlite3* db = nullptr;
    sqlite3_open_v2(url.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    long long v = -1;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        v = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

// A kiosk as the server sees it after enrolment.
struct Kiosk {
    std::string device_id;
    std::string token;
    SignKeyPair key;
    std::uint64_t next_seq = 1;
};

// A sealed record of made-up personal data for `kiosk`.
inline PushRecord make_record(Kiosk& kiosk, const std::string& server_public_key,
                              const std::string& kind = "registration") {
    RecordContent c{random_id(),
                    kiosk.device_id,
                    kind,
                    1,
                    "2026-01",
                    nlohmann::json{{"given_name", "Test " + random_id().substr(0, 6)},
                                   {"city", "Sampletown"},
                                   {"year_of_birth", 1990}}};
    const std::uint64_t seq = kiosk.next_seq++;
    auto env = seal_record(c, seq, server_public_key, kiosk.key);
    EXPECT_TRUE(env.ok());
    return PushRecord{c.record_id, seq, kind, 1, 1790000000, *env};
}

inline httplib::Headers bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
}

// Enrols a new kiosk with `code` over HTTP.
inline Kiosk enrol_over_http(httplib::Client& cli, const std::string& code) {
    Kiosk k{random_id(), "", SignKeyPair::generate(), 1};
    auto res = cli.Post(std::string(kPathEnroll),
                        encode(EnrollRequest{code, k.device_id, k.key.public_key}),
                        std::string(kJsonContentType));
    EXPECT_TRUE(res) << "no answer from the server";
    if (!res) {
        return k;
    }
    EXPECT_EQ(res->status, 200) << res->body;
    auto decoded = decode_enroll_response(res->body);
    EXPECT_TRUE(decoded.ok()) << res->body;
    if (decoded) {
        k.token = decoded->token;
    }
    return k;
}

// A child process (kiosk-central) with its stdout on a pipe.
class Child {
  public:
    explicit Child(const std::vector<std::string>& argv) {
        int out[2];
        if (::pipe2(out, O_CLOEXEC) != 0) {
            ADD_FAILURE() << "pipe failed";
            return;
        }
        pid_ = ::fork();
        if (pid_ == 0) {
            ::dup2(out[1], STDOUT_FILENO);
            std::vector<char*> args;
            for (const auto& a : argv) {
                args.push_back(const_cast<char*>(a.c_str()));
            }
            args.push_back(nullptr);
            ::execv(args[0], args.data());
            ::_exit(127);
        }
        ::close(out[1]);
        fd_ = out[0];
    }
    ~Child() {
        stop();
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    // Reads stdout until a line starts with `prefix` (or timeout); returns that line.
    std::string wait_for_line(const std::string& prefix, std::chrono::seconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            const auto nl = buffer_.find('\n');
            if (nl != std::string::npos) {
                std::string line = buffer_.substr(0, nl);
                buffer_.erase(0, nl + 1);
                if (line.rfind(prefix, 0) == 0) {
                    return line;
                }
                continue;
            }
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 100) > 0) {
                char buf[4096];
                const ssize_t n = ::read(fd_, buf, sizeof buf);
                if (n <= 0) {
                    break;
                }
                buffer_.append(buf, static_cast<std::size_t>(n));
            }
        }
        return {};
    }

    // SIGTERM, then the exit status (-1 if it had to be killed).
    int stop() {
        if (pid_ <= 0) {
            return status_;
        }
        ::kill(pid_, SIGTERM);
        int st = 0;
        for (int i = 0; i < 100; ++i) {
            if (::waitpid(pid_, &st, WNOHANG) == pid_) {
                pid_ = -1;
                status_ = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
                return status_;
            }
            ::usleep(50'000);
        }
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &st, 0);
        pid_ = -1;
        return status_;
    }

  private:
    pid_t pid_ = -1;
    int fd_ = -1;
    int status_ = -1;
    std::string buffer_;
};

// Runs a command to completion; returns {exit status, stdout}.
inline std::pair<int, std::string> run_command(const std::vector<std::string>& argv) {
    std::string cmd;
    for (const auto& a : argv) {
        cmd += "'" + a + "' ";
    }
    FILE* p = ::popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    std::size_t n = 0;
    while (p && (n = std::fread(buf, 1, sizeof buf, p)) > 0) {
        out.append(buf, n);
    }
    const int st = p ? ::pclose(p) : -1;
    return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, out};
}

inline std::string kiosk_central() {
    return std::string(KIOSK_CENTRAL_BIN);
}

// The port from a "listening HOST:PORT" line.
inline int port_of(const std::string& line) {
    const auto colon = line.rfind(':');
    return colon == std::string::npos ? 0 : std::atoi(line.c_str() + colon + 1);
}

}  // namespace kiosk::sync::test

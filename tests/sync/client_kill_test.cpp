// kill -9 loops (FIELD-NOTES, "Sync failure modes", 5): the real `kiosk-sync run` is killed with
// SIGKILL at random points while it pushes a backlog of 5,000 sealed registrations to the real
// kiosk-central (SQLite, random loopback port), at least 200 times. After each kill the two
// databases are compared (nothing the kiosk counts as acked is missing on the server, nothing is
// on the server twice or under another device_seq); after the last one a clean `kiosk-sync once`
// must leave an empty queue and every record on the server exactly once.
//
// Where the kills land. A batch of 100 records travels in a few milliseconds on loopback, so
// fixed delays would either kill the daemon before it claims anything or let it drain the whole
// backlog in a few rounds. Most rounds therefore wait for the daemon's first commit on the kiosk
// database (seen through PRAGMA data_version: its crash recovery or its first claim), then kill
// after a random delay within a window; the rest kill at a random moment after the start, so
// start-up and crash recovery are hit too. The window follows how many records the rounds move,
// so that the backlog lasts for all the rounds whatever the machine's speed.
//
// Replay: the seed is printed; KIOSK_KILL_SEED=<seed> repeats the same random choices (the moments
// themselves still depend on the machine's timing). A failure prints the per-round log.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kiosk/store/outbox.hpp"
#include "kiosk/store/registrations.hpp"
#include "kiosk/store/sqlite.hpp"
#include "server_support.hpp"
#include "sync/client/client.hpp"

namespace kiosk::sync::client {
namespace {

using namespace kiosk::sync::test;
using Clock = std::chrono::steady_clock;
using Micros = std::chrono::microseconds;

constexpr int kRecords = 5000;
constexpr int kKills = 200;

// [SECTION] The seed

std::uint64_t kill_seed() {
    if (const char* s = std::getenv("KIOSK_KILL_SEED"); s != nullptr && *s != '\0') {
        return std::strtoull(s, nullptr, 10);
    }
    std::random_device device;
    return (std::uint64_t{device()} << 32) | device();
}

// A uniform double in [0, 1) from the top 53 bits (the same on every standard library).
double unit(std::mt19937_64& rng) {
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

// [SECTION] kiosk-sync as a child that can die at any moment

// `kiosk-sync run`, its stdout and stderr appended to `log` (read back when something fails).
class SyncDaemon {
  public:
    SyncDaemon(const std::string& db_path, const std::string& log) {
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                         O_WRONLY | O_CREAT | O_APPEND, 0600);
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
        // A long period: after draining, the daemon idles instead of starting new passes.
        std::vector<std::string> argv{KIOSK_SYNC_BIN, "run", "--db", db_path, "--period", "600"};
        std::vector<char*> args;
        for (auto& a : argv) {
            args.push_back(a.data());
        }
        args.push_back(nullptr);
        if (::posix_spawn(&pid_, KIOSK_SYNC_BIN, &actions, nullptr, args.data(), ::environ) != 0) {
            pid_ = -1;
        }
        posix_spawn_file_actions_destroy(&actions);
    }
    ~SyncDaemon() { kill_and_reap(); }
    SyncDaemon(const SyncDaemon&) = delete;
    SyncDaemon& operator=(const SyncDaemon&) = delete;

    bool started() const { return pid_ > 0; }

    // True once the process has ended on its own (reaps it).
    bool ended() {
        if (pid_ > 0 && ::waitpid(pid_, &status_, WNOHANG) == pid_) {
            pid_ = -1;
            reaped_ = true;
        }
        return reaped_;
    }

    // SIGKILL and wait, so its flock on sync.lock is gone before the next daemon starts. Returns
    // true when the kill is what ended it (false: it had already exited by itself).
    bool kill_and_reap() {
        if (ended() || pid_ <= 0) {
            return false;
        }
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status_, 0);
        pid_ = -1;
        reaped_ = true;
        return WIFSIGNALED(status_) && WTERMSIG(status_) == SIGKILL;
    }

    std::string how_it_ended() const {
        if (WIFEXITED(status_)) {
            return "exited with status " + std::to_string(WEXITSTATUS(status_));
        }
        return WIFSIGNALED(status_) ? "killed by signal " + std::to_string(WTERMSIG(status_))
                                    : "still running";
    }

  private:
    pid_t pid_ = -1;
    int status_ = 0;
    bool reaped_ = false;
};

// [SECTION] The real kiosk-central and the kiosk's directory

struct TempDir {
    std::filesystem::path path = make_temp_dir();
    TempDir() = default;
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() { std::filesystem::remove_all(path); }
};

class Central {
  public:
    Central() {
        auto [rc, out] = central({"init", "--db", db_, "--keys", keys_});
        EXPECT_EQ(rc, 0) << out;
        auto pk = read_key_file(keys_ + "/server.pub", 32);
        EXPECT_TRUE(pk.ok());
        public_key_ = pk ? *pk : std::string();
        server_ = std::make_unique<Child>(std::vector<std::string>{
            kiosk_central(), "serve", "--db", db_, "--keys", keys_, "--listen", "127.0.0.1:0"});
        const std::string line = server_->wait_for_line("listening ", std::chrono::seconds(15));
        EXPECT_FALSE(line.empty()) << "kiosk-central serve printed no port";
        url_ = "http://127.0.0.1:" + std::to_string(port_of(line));
    }
    ~Central() {
        server_.reset();
        std::filesystem::remove_all(dir_);
    }

    // A one-time enrolment code: the first line `enrol-code` prints.
    std::string enrol_code() {
        auto [rc, out] = central({"enrol-code", "--db", db_, "--centre", "Kill Test Centre"});
        EXPECT_EQ(rc, 0) << out;
        return out.substr(0, out.find('\n'));
    }

    const std::string& db() const { return db_; }
    const std::string& url() const { return url_; }
    const std::string& public_key() const { return public_key_; }

  private:
    static std::pair<int, std::string> central(std::vector<std::string> args) {
        args.insert(args.begin(), kiosk_central());
        return run_command(args);
    }

    std::filesystem::path dir_ = make_temp_dir();
    std::string db_ = (dir_ / "central.sqlite").string();
    std::string keys_ = (dir_ / "keys").string();
    std::string public_key_;
    std::unique_ptr<Child> server_;
    std::string url_;
};

// [SECTION] Reading both databases

struct SqliteCloser {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using SqliteHandle = std::unique_ptr<sqlite3, SqliteCloser>;

SqliteHandle open_read_only(const std::string& file) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    EXPECT_EQ(rc, SQLITE_OK) << file;
    return SqliteHandle(db);
}

// Calls on_row(row) for each row of `sql`.
template <typename OnRow>
void each_row(sqlite3* db, const std::string& sql, OnRow on_row) {
    auto stmt = store::Statement::prepare(db, sql);
    ASSERT_TRUE(stmt.ok()) << sql << ": " << stmt.error().message;
    const store::Statement& row = *stmt;
    auto done = store::for_each_row(*stmt, [&] {
        on_row(row);
        return true;
    });
    EXPECT_TRUE(done.ok()) << sql << ": " << (done ? "" : done.error().message);
}

std::string text_of(sqlite3* db, const std::string& sql) {
    auto v = store::query_text(db, sql);
    return v ? *v : "<error: " + v.error().message + ">";
}

// What one look at both databases found.
struct Snapshot {
    std::int64_t on_server = 0;
    std::int64_t queued = 0;
    std::int64_t sending = 0;
    std::int64_t acked = 0;
    std::int64_t rejected = 0;
    std::int64_t sending_on_server = 0;  // lost acks: stored, but the kiosk still sends them
    std::vector<std::string> problems;   // losses, duplicates, strangers; empty when all is well
};

// Compares the kiosk's outbox with the server's records table, record by record.
// `queued_seq` is every record the test queued, with the device_seq the store gave it.
Snapshot compare(sqlite3* kiosk, sqlite3* server,
                 const std::unordered_map<std::string, std::int64_t>& queued_seq,
                 const std::string& device_id) {
    Snapshot s;
    auto problem = [&s](std::string text) { s.problems.push_back(std::move(text)); };
    std::unordered_set<std::string> on_server;
    std::unordered_set<std::int64_t> seqs;
    each_row(server, "SELECT record_id, device_seq, device_id FROM records",
             [&](const store::Statement& row) {
                 const std::string id = row.column_text(0);
                 const std::int64_t seq = row.column_int64(1);
                 ++s.on_server;
                 if (row.column_text(2) != device_id) {
                     problem("record " + id + " is on the server under another device");
                 }
                 if (!on_server.insert(id).second) {
                     problem("record " + id + " is on the server twice");
                 }
                 if (!seqs.insert(seq).second) {
                     problem("device_seq " + std::to_string(seq) + " is on the server twice");
                 }
                 const auto it = queued_seq.find(id);
                 if (it == queued_seq.end()) {
                     problem("record " + id + " on the server was never queued");
                 } else if (it->second != seq) {
                     problem("record " + id + " has device_seq " + std::to_string(seq) +
                             " on the server, " + std::to_string(it->second) + " on the kiosk");
                 }
             });
    std::size_t rows = 0;
    each_row(kiosk, "SELECT record_id, device_seq, state FROM outbox",
             [&](const store::Statement& row) {
                 const std::string id = row.column_text(0);
                 const std::int64_t seq = row.column_int64(1);
                 const std::string state = row.column_text(2);
                 const bool there = on_server.count(id) > 0;
                 ++rows;
                 if (state == "queued") {
                     ++s.queued;
                 } else if (state == "sending") {
                     ++s.sending;
                     s.sending_on_server += there ? 1 : 0;
                 } else if (state == "acked") {
                     ++s.acked;
                     if (!there) {
                         problem("record " + id + " (device_seq " + std::to_string(seq) +
                                 ") is acked on the kiosk but not on the server: lost");
                     }
                 } else {
                     ++s.rejected;
                     problem("record " + id + " was rejected");
                 }
                 const auto it = queued_seq.find(id);
                 if (it == queued_seq.end() || it->second != seq) {
                     problem("outbox row " + id + " is not the one queued");
                 }
             });
    if (rows != queued_seq.size()) {
        problem("the outbox holds " + std::to_string(rows) + " rows, " +
                std::to_string(queued_seq.size()) + " were queued");
    }
    return s;
}

// [SECTION] Queueing the backlog

// Submits n made-up registrations sealed to the server's key through the kiosk's own
// submit_registration (receipt row + outbox row). This connection skips the fsync of each commit
// (synchronous=OFF, for this connection only) so 5,000 submits take a second, not a minute; the
// daemon's own connection keeps synchronous=FULL, so the push under test is as in the field.
std::unordered_map<std::string, std::int64_t> queue_backlog(store::Database& db, int n,
                                                            const std::string& device_id,
                                                            const std::string& server_pk) {
    std::unordered_map<std::string, std::int64_t> seq_of;
    EXPECT_TRUE(db.exec("PRAGMA synchronous=OFF").ok());
    static constexpr const char* kCities[] = {"Sampletown", "Exampleville", "Testburg"};
    for (int i = 0; i < n; ++i) {
        RecordContent content{random_id(),
                              device_id,
                              "registration",
                              1,
                              "2026-01",
                              nlohmann::json{{"given_name", "Testperson " + std::to_string(i)},
                                             {"family_name", "Example"},
                                             {"year_of_birth", 1960 + i % 45},
                                             {"city", kCities[i % 3]},
                                             {"languages", {"en", "ar"}}}};
        auto sealed = seal_content(content, server_pk);
        EXPECT_TRUE(sealed.ok());
        if (!sealed) {
            break;
        }
        store::NewRegistration r;
        r.record_id = content.record_id;
        r.reference_code = "K9-" + std::to_string(100000 + i);
        r.created_at_device = 1'790'000'000 + i;
        r.consent_version = content.consent_version;
        r.schema = 1;
        r.body.assign(sealed->begin(), sealed->end());
        auto receipt = store::submit_registration(db, r);
        EXPECT_TRUE(receipt.ok()) << (receipt ? "" : receipt.error().message);
        if (!receipt) {
            break;
        }
        seq_of.emplace(receipt->record_id, receipt->device_seq);
    }
    EXPECT_TRUE(db.exec("PRAGMA synchronous=FULL").ok());
    return seq_of;
}

// [SECTION] Where each kill landed

struct Round {
    bool anchored = false;        // waited for the daemon's first commit before the delay
    std::int64_t anchor_us = -1;  // start → first commit seen, when anchored
    std::int64_t delay_us = 0;    // the random delay before SIGKILL
    std::int64_t moved = 0;       // records the server gained in this round
    std::int64_t sending = 0;     // rows the kill left in `sending`
    std::int64_t lost_acks = 0;   // of those, already stored by the server
    std::int64_t left = 0;        // queued + sending after the round
};

std::string describe(const Round& r) {
    std::ostringstream o;
    o << (r.anchored ? "after first commit (" + std::to_string(r.anchor_us) + " us) + "
                     : "after start + ")
      << r.delay_us << " us: moved " << r.moved << ", left sending " << r.sending << " (lost acks "
      << r.lost_acks << "), still to push " << r.left;
    return o.str();
}

// How long to wait after the daemon's first commit. The window grows after a round that moved
// nothing and shrinks after one that moved a batch, settling where a round moves something with
// the probability that makes the backlog last past the last round, with some records left for the
// final clean pass (a stochastic approximation of that quantile; a batch is the worker's default
// size).
class KillWindow {
  public:
    Micros pick(std::mt19937_64& rng) const {
        return Micros{static_cast<std::int64_t>(unit(rng) * window_us_)};
    }

    void learn(std::int64_t moved, std::int64_t left, int rounds_left) {
        const double batch = static_cast<double>(WorkerOptions{}.max_records);
        const double spare = static_cast<double>(std::max<std::int64_t>(left - kKeepForLast, 0));
        const double wanted = std::clamp(spare / (std::max(rounds_left, 1) * batch), 0.02, 0.6);
        window_us_ *= std::exp(kRate * (wanted - (moved > 0 ? 1.0 : 0.0)));
        window_us_ = std::clamp(window_us_, 100.0, 2'000'000.0);
    }

    double window_us() const { return window_us_; }

  private:
    static constexpr double kRate = 0.3;
    static constexpr std::int64_t kKeepForLast = 300;
    double window_us_ = 20'000;
};

// Waits until another connection commits to the kiosk database (PRAGMA data_version changes) or
// the daemon ends; gives the time since `start`, or -1 when no commit was seen.
std::int64_t wait_for_first_commit(sqlite3* kiosk, SyncDaemon& daemon, Clock::time_point start) {
    const auto version = [&] {
        auto v = store::query_int64(kiosk, "PRAGMA data_version");
        return v ? *v : -1;
    };
    const std::int64_t before = version();
    const auto give_up = start + std::chrono::seconds(10);
    while (Clock::now() < give_up && !daemon.ended()) {
        if (version() != before) {
            return std::chrono::duration_cast<Micros>(Clock::now() - start).count();
        }
        std::this_thread::sleep_for(Micros{100});
    }
    return -1;
}

// [SECTION] The test

TEST(KillNine, TwoHundredKillsDuringAFiveThousandRecordPushLoseAndDuplicateNothing) {
    const auto test_start = Clock::now();
    const std::uint64_t seed = kill_seed();
    std::cout << "kill seed " << seed << " (replay with KIOSK_KILL_SEED=" << seed << ")"
              << std::endl;
    std::mt19937_64 rng(seed);

    Central central;
    ASSERT_FALSE(central.public_key().empty());
    const TempDir dir;  // removed after the handles below are closed
    const std::string kiosk_path = (dir.path / "kiosk.db").string();
    const std::string daemon_log = (dir.path / "kiosk-sync.log").string();
    auto opened = store::Database::open(kiosk_path);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store::Database kiosk = std::move(*opened);
    auto identity = ensure_identity(kiosk);  // the kiosk app does this at first start
    ASSERT_TRUE(identity.ok()) << identity.error().message;
    const std::string device_id = identity->device_id;

    const auto queued = queue_backlog(kiosk, kRecords, device_id, central.public_key());
    ASSERT_EQ(queued.size(), static_cast<std::size_t>(kRecords));
    const auto queued_at = Clock::now();

    {
        auto [rc, out] = run_command({KIOSK_SYNC_BIN, "enroll", "--db", kiosk_path, "--server",
                                      central.url(), "--code", central.enrol_code()});
        ASSERT_EQ(rc, 0) << out;
    }
    SqliteHandle server = open_read_only(central.db());
    ASSERT_NE(server, nullptr);

    std::vector<Round> rounds;
    rounds.reserve(kKills);
    // On any failure below: the seed, the rounds so far and the end of the daemons' output.
    struct Postmortem {
        const std::vector<Round>& rounds;
        const std::string& log;
        std::uint64_t seed;
        ~Postmortem() {
            if (!::testing::Test::HasFailure()) {
                return;
            }
            std::cout << "seed " << seed << ", rounds run: " << rounds.size() << "\n";
            for (std::size_t i = 0; i < rounds.size(); ++i) {
                std::cout << "  round " << i << ": " << describe(rounds[i]) << "\n";
            }
            const auto [rc, tail] = run_command({"tail", "-n", "20", log});
            std::cout << "last lines of kiosk-sync's output:\n" << tail << std::flush;
        }
    } postmortem{rounds, daemon_log, seed};

    KillWindow window;
    double anchor_mean_us = 10'000;  // start → first commit, a running mean for unanchored kills
    std::int64_t on_server = 0;
    std::int64_t left = kRecords;
    for (int i = 0; i < kKills; ++i) {
        Round r;
        // One round in eight kills at a random moment after the start: in start-up, in crash
        // recovery or in the first batch.
        r.anchored = rng() % 8 != 0;
        const Micros delay =
            r.anchored ? window.pick(rng)
                       : Micros{static_cast<std::int64_t>(unit(rng) * 1.5 * anchor_mean_us)};
        const auto start = Clock::now();
        SyncDaemon daemon(kiosk_path, daemon_log);
        ASSERT_TRUE(daemon.started()) << "cannot start " << KIOSK_SYNC_BIN;
        if (r.anchored) {
            r.anchor_us = wait_for_first_commit(kiosk.handle(), daemon, start);
            if (r.anchor_us >= 0) {
                anchor_mean_us += 0.1 * (static_cast<double>(r.anchor_us) - anchor_mean_us);
            }
        }
        std::this_thread::sleep_for(delay);
        r.delay_us = delay.count();
        ASSERT_TRUE(daemon.kill_and_reap()) << "round " << i << ": kiosk-sync run ended by itself ("
                                            << daemon.how_it_ended() << ") before the kill";

        const Snapshot s = compare(kiosk.handle(), server.get(), queued, device_id);
        r.moved = s.on_server - on_server;
        r.sending = s.sending;
        r.lost_acks = s.sending_on_server;
        r.left = s.queued + s.sending;
        on_server = s.on_server;
        left = r.left;
        rounds.push_back(r);
        ASSERT_TRUE(s.problems.empty())
            << "round " << i << " (" << describe(r) << "):\n  " << s.problems.front() << "\n  ("
            << s.problems.size() << " problem(s) in all)";
        window.learn(r.moved, left, kKills - i - 1);
    }
    const auto kills_done = Clock::now();

    // Where the kills landed.
    int in_flight = 0;
    int lost_ack = 0;
    int between_batches = 0;
    int before_claim = 0;
    int after_drain = 0;
    std::map<std::int64_t, int> rounds_moving;  // records moved → rounds
    std::int64_t still_to_push = kRecords;
    for (const Round& r : rounds) {
        if (still_to_push == 0) {
            ++after_drain;
        } else if (r.sending > 0) {
            ++in_flight;
            lost_ack += r.lost_acks > 0 ? 1 : 0;
        } else if (r.moved > 0) {
            ++between_batches;
        } else {
            ++before_claim;
        }
        ++rounds_moving[r.moved];
        still_to_push = r.left;
    }
    std::cout << "kills: " << rounds.size() << "; mid-push: " << in_flight + between_batches << " ("
              << in_flight << " with a batch in flight, " << lost_ack
              << " of them after the server had stored it (lost ack), " << between_batches
              << " between batches); before the first claim: " << before_claim
              << "; after the queue had drained: " << after_drain << "\n"
              << "records moved per round (records x rounds):";
    for (const auto& [moved, n] : rounds_moving) {
        std::cout << " " << moved << " x" << n;
    }
    std::cout << "; " << on_server << " in all, left for the final pass: " << left
              << "; kill window at the end: " << static_cast<std::int64_t>(window.window_us())
              << " us, first commit after about " << static_cast<std::int64_t>(anchor_mean_us)
              << " us" << std::endl;
    EXPECT_GT(in_flight, kKills / 4) << "too few kills landed with a batch in flight";

    // One clean pass finishes the job.
    auto [rc, out] = run_command({KIOSK_SYNC_BIN, "once", "--db", kiosk_path});
    ASSERT_EQ(rc, 0) << out;
    EXPECT_NE(out.find("sync ok"), std::string::npos) << out;

    const Snapshot end = compare(kiosk.handle(), server.get(), queued, device_id);
    for (const std::string& p : end.problems) {
        ADD_FAILURE() << p;
    }
    EXPECT_EQ(end.queued, 0);
    EXPECT_EQ(end.sending, 0);
    EXPECT_EQ(end.rejected, 0);
    EXPECT_EQ(end.acked, kRecords);
    EXPECT_EQ(end.on_server, kRecords);
    // The same facts straight from the server's SQL, independent of compare().
    EXPECT_EQ(query_int(central.db(), "SELECT count(*) FROM records"), kRecords);
    EXPECT_EQ(query_int(central.db(), "SELECT count(DISTINCT record_id) FROM records"), kRecords);
    EXPECT_EQ(query_int(central.db(), "SELECT count(DISTINCT device_seq) FROM records"), kRecords);
    std::unordered_set<std::string> stored;
    each_row(server.get(), "SELECT record_id FROM records",
             [&](const store::Statement& row) { stored.insert(row.column_text(0)); });
    std::size_t missing = 0;
    for (const auto& [id, seq] : queued) {
        if (stored.count(id) == 0 && ++missing <= 10) {
            ADD_FAILURE() << "record " << id << " (device_seq " << seq
                          << ") never reached the server";
        }
    }
    EXPECT_EQ(missing, 0U);
    EXPECT_EQ(text_of(kiosk.handle(), "PRAGMA integrity_check"), "ok");
    EXPECT_EQ(query_int(kiosk_path, "SELECT count(*) FROM registrations"), kRecords);
    EXPECT_EQ(text_of(server.get(), "PRAGMA integrity_check"), "ok");

    const auto ms = [](auto d) {
        return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
    };
    std::cout << "time: queueing " << ms(queued_at - test_start) << " ms, " << rounds.size()
              << " kills " << ms(kills_done - queued_at) << " ms, final pass and checks "
              << ms(Clock::now() - kills_done) << " ms" << std::endl;
}

}  // namespace
}  // namespace kiosk::sync::client

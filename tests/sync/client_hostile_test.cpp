// sync_client against a table of hostile servers (issue 4). Each row is one canned misbehaviour of
// whatever answers the kiosk (a broken server, a captive portal, a proxy, a dying link) on
// POST /v1/push and/or GET /v1/changes, and what must hold afterwards. The kiosk is a real SQLite
// file holding three real sealed registrations; the pass is the real SyncWorker::run_pass, run in
// a child process (this binary again) so that a crash or a hang fails its row instead of killing
// the binary, and so that ru_maxrss measures that one pass.
//
// The fake is a raw HTTP/1.1 server on a random loopback port: every byte it sends is the row's,
// so it can lie about lengths, cut a chunk, reset the connection, drip, or never answer. A second
// one on 127.0.0.2 is "another host" for redirects to point at.
//
// Besides its own expectations, every row checks:
//   I1 the child exited normally within kChildDeadline (no crash, no hang);
//   I2 no record is left `sending`, and each record is queued, acked or rejected exactly as the
//      row says: nothing is acked without a valid ack for that record, and nothing is rejected
//      without a valid rejection;
//   I3 the pull cursor and the stored offers are as the row says (untouched by a bad page);
//   I4 the pass grew the peak RSS of its process by less than kRssBoundKib;
//   I5 last_error holds a failed pass's code (and is cleared by a good one); "enrolment needed" is
//      set exactly when the verdict asks for staff;
//   I6 every record the client sent was signed by the kiosk and opens with the server's key, and
//      no request reached the other host;
//   I7 then a well-behaved server gets what is still queued, and only that (no rejected record
//      again, no acked record twice), and acks it; after a 401/403 the next pass calls nobody.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/store/outbox.hpp"
#include "kiosk/store/registrations.hpp"
#include "kiosk/store/settings.hpp"
#include "kiosk/store/sync_state.hpp"
#include "sync/client/client.hpp"
#include "sync/protocol/encoding.hpp"
#include "sync/protocol/envelope.hpp"
#include "sync/protocol/gzip.hpp"
#include "sync/protocol/wire.hpp"

namespace kiosk::sync::client {
namespace {

using namespace std::chrono_literals;

// [SECTION] Limits of every pass

// The reply cap of every pass here: a server that sends more is cut off at this size.
constexpr std::size_t kCap = 64 * 1024;
// What one pass may add to the peak RSS of its process. Legitimately it allocates the reply (at
// most kCap, twice while a std::string grows), curl's and zlib's buffers (tens of KiB), SQLite's
// page cache (at most 2 MiB by default) and the library pages that libcurl, OpenSSL and
// libsodium touch on first use: 4-7 MiB per pass here, whatever the row. The rows that would
// break the cap send 128 MiB or more (the endless bodies, the announced 10 GiB, the 256 MiB gzip
// bomb), so a missing cap shows as 100+ MiB (with the cap set to 1 GiB, the endless body grew
// the peak by 530 MiB and the bomb by 260 MiB), far over this bound; no timing is involved.
// Endless headers are stopped by curl itself (at 300 KiB).
constexpr long kRssBoundKib = 24 * 1024;
// A pass that has not ended by then is a hang (every timeout below is far shorter).
constexpr auto kChildDeadline = 30s;
// Endless replies stop by themselves after this many bytes, so that a client without a cap fails
// its row instead of running forever.
constexpr std::size_t kEndless = 128 * 1024 * 1024;

TransportConfig transport_config() {
    TransportConfig c;
    c.connect_timeout = 2000ms;
    c.total_timeout = 5000ms;
    c.low_speed_bytes_per_second = 1000;  // a drip or a silence ends after low_speed_time
    c.low_speed_time = 1000ms;
    c.max_response_bytes = kCap;
    return c;
}

WorkerOptions worker_options() {
    WorkerOptions w;
    w.max_pages_per_pass = 5;  // "more": true forever must stop there
    return w;
}

// [SECTION] Requests and canned replies

struct Request {
    std::string method;
    std::string path;              // without the query
    std::string since;             // GET /v1/changes?since=
    std::vector<std::string> ids;  // POST /v1/push: the records sent, in order
};

enum class End {
    keep_alive,  // wait for the next request on this connection
    close,       // FIN
    reset,       // RST (SO_LINGER 0)
    hold,        // send nothing more; keep the connection until the client gives up
};

// What the fake sends for one request, and how.
struct Act {
    std::string bytes;  // status line, headers, body: whatever the row says
    End end = End::keep_alive;
    Millis drip{0};                // > 0: `bytes` one at a time, this far apart
    std::string stream;            // then this, again and again, ...
    std::size_t stream_bytes = 0;  // ... up to this many bytes or until the client hangs up
};

struct Scene {
    std::string epoch;                 // the server's
    std::string other_host;            // "http://127.0.0.2:PORT", where redirects point
    std::vector<std::string> records;  // the kiosk's record ids in device_seq order
};

using Respond = Act (*)(const Scene&, const Request&);

std::string_view reason_phrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 204:
            return "No Content";
        case 302:
            return "Found";
        case 304:
            return "Not Modified";
        case 307:
            return "Temporary Redirect";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 410:
            return "Gone";
        case 413:
            return "Payload Too Large";
        case 429:
            return "Too Many Requests";
        case 500:
            return "Internal Server Error";
        case 502:
            return "Bad Gateway";
        case 503:
            return "Service Unavailable";
        default:
            return "Whatever";
    }
}

// A complete HTTP/1.1 reply with Content-Length. `type` "": no Content-Type; `headers`: more
// lines, each ending in \r\n.
std::string http(int status, std::string_view type, std::string_view body,
                 std::string_view headers = "") {
    std::string r =
        "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason_phrase(status)) + "\r\n";
    if (!type.empty()) {
        r += "Content-Type: " + std::string(type) + "\r\n";
    }
    r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    r += headers;
    r += "\r\n";
    r += body;
    return r;
}

Act send(std::string bytes, End end = End::keep_alive) {
    Act a;
    a.bytes = std::move(bytes);
    a.end = end;
    return a;
}

Act json(std::string_view body) {
    return send(http(200, kJsonContentType, body));
}

constexpr std::string_view kPortal =
    "<!DOCTYPE html><html><head><title>Guest Wi-Fi</title></head><body><form action=\"/login\">"
    "Accept the terms of use to continue <button>Accept</button></form></body></html>";

std::string acks(const Scene& s, const std::vector<std::string>& ids,
                 AckStatus status = AckStatus::created, const std::string& reason = "") {
    PushResponse r{s.epoch, {}};
    for (const auto& id : ids) {
        r.acks.push_back(Ack{id, status, reason});
    }
    return encode(r);
}

std::string cursor(const Scene& s, std::uint64_t seq) {
    return s.epoch + "-" + std::to_string(seq);
}

std::uint64_t since_seq(const Request& r) {
    auto c = parse_cursor(r.since);
    return c ? c->seq : 0;
}

std::string page(const Scene& s, const std::string& next, bool more = false,
                 std::vector<std::string> tombstones = {}) {
    return encode(ChangesPage{s.epoch, {}, std::move(tombstones), next, more});
}

std::string error_reply(const Scene& s, const std::string& code, const std::string& message) {
    return encode(ErrorResponse{s.epoch, code, message});
}

// `text` with its first `from` replaced by `to` (every one when `all`).
std::string replaced(std::string text, std::string_view from, std::string_view to,
                     bool all = false) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
        if (!all) {
            break;
        }
    }
    return text;
}

// A well-behaved page's text with one offer spliced in as raw JSON: for offers no encoder makes.
std::string page_with_raw_upserts(const Scene& s, const Request& r, std::string_view upserts) {
    return replaced(page(s, cursor(s, since_seq(r) + 1)), "\"upserts\":[]",
                    "\"upserts\":[" + std::string(upserts) + "]");
}

std::string nested(std::size_t depth) {
    return std::string(depth, '[') + std::string(depth, ']');
}

// 256 MiB of zeros as one gzip member of about 1.1 MiB (deflate level 1; made once, on first use).
const std::string& gzip_bomb() {
    static const std::string bomb = [] {
        z_stream z{};
        const int init = deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
        EXPECT_EQ(init, Z_OK);
        std::string zeros(1 << 20, '\0');
        std::string out;
        std::vector<char> buffer(1 << 16);
        for (int i = 0; i < 256; ++i) {
            z.next_in = reinterpret_cast<Bytef*>(zeros.data());
            z.avail_in = static_cast<uInt>(zeros.size());
            const int flush = i == 255 ? Z_FINISH : Z_NO_FLUSH;
            do {
                z.next_out = reinterpret_cast<Bytef*>(buffer.data());
                z.avail_out = static_cast<uInt>(buffer.size());
                deflate(&z, flush);
                out.append(buffer.data(), buffer.size() - z.avail_out);
            } while (z.avail_out == 0);
        }
        deflateEnd(&z);
        return out;
    }();
    return bomb;
}

Act well_behaved_push(const Scene& s, const Request& r) {
    return json(acks(s, r.ids));
}

Act well_behaved_changes(const Scene& s, const Request& r) {
    return json(page(s, r.since));
}

// [SECTION] The fake server: raw HTTP/1.1 on a loopback port

class FakeServer {
  public:
    explicit FakeServer(const char* host) {
        listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = 0;
        ::inet_pton(AF_INET, host, &addr.sin_addr);
        socklen_t len = sizeof addr;
        const bool bound =
            listen_fd_ >= 0 &&
            ::bind(listen_fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0 &&
            ::listen(listen_fd_, 16) == 0 &&
            ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0;
        EXPECT_TRUE(bound) << "cannot listen on " << host << ": " << std::strerror(errno);
        host_ = host;
        port_ = ntohs(addr.sin_port);
        acceptor_ = std::thread([this] { accept_loop(); });
    }
    ~FakeServer() {
        stop_ = true;
        acceptor_.join();
        for (auto& t : connections_) {
            t.join();
        }
        ::close(listen_fd_);
    }
    FakeServer(const FakeServer&) = delete;
    FakeServer& operator=(const FakeServer&) = delete;

    std::string url(std::string_view scheme = "http") const {
        return std::string(scheme) + "://" + host_ + ":" + std::to_string(port_);
    }

    // What it answers from now on; nullptr: the well-behaved answer. `raw`: answer whatever a
    // new connection sends first with push's reply, unparsed (the client may speak TLS).
    void script(Scene scene, Respond push, Respond changes, bool raw) {
        const std::lock_guard lock(mu_);
        scene_ = std::move(scene);
        push_ = push;
        changes_ = changes;
        raw_ = raw;
    }
    // Every pushed record must be signed by `device` and open with `server`.
    void verify(const Identity& device, const BoxKeyPair& server) {
        const std::lock_guard lock(mu_);
        device_ = device;
        server_key_ = server;
    }

    int requests() const { return pushes + pulls + others; }
    std::vector<std::string> pushed() const {
        const std::lock_guard lock(mu_);
        return pushed_;
    }

    std::atomic<int> pushes{0};
    std::atomic<int> pulls{0};
    std::atomic<int> others{0};
    std::atomic<int> bad_requests{0};  // a push batch that does not decode
    std::atomic<int> bad_records{0};   // a pushed record that does not verify and open
    std::atomic<bool> stream_completed{false};

  private:
    void accept_loop() {
        while (!stop_) {
            pollfd p{listen_fd_, POLLIN, 0};
            if (::poll(&p, 1, 10) <= 0) {
                continue;
            }
            const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0) {
                continue;
            }
            // Sends give up now and then to look at stop_ (a client may stop reading).
            timeval tv{0, 100'000};
            ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
            const std::lock_guard lock(mu_);
            connections_.emplace_back([this, fd] { serve(fd); });
        }
    }

    void serve(int fd) {
        std::string buffer;
        for (;;) {
            Act act;
            bool raw = false;
            {
                const std::lock_guard lock(mu_);
                raw = raw_;
            }
            if (raw) {
                if (!receive(fd, buffer)) {
                    break;
                }
                const std::lock_guard lock(mu_);
                ++others;
                act = push_(scene_, Request{});
            } else {
                Request request;
                if (!read_request(fd, buffer, request)) {
                    break;
                }
                act = answer(request);
            }
            if (!perform(fd, act)) {
                break;
            }
        }
        ::close(fd);
    }

    // Appends what arrives; false on EOF, an error, or stop_.
    bool receive(int fd, std::string& buffer) {
        while (!stop_) {
            pollfd p{fd, POLLIN, 0};
            const int ready = ::poll(&p, 1, 10);
            if (ready == 0 || (ready < 0 && errno == EINTR)) {
                continue;
            }
            if (ready < 0) {
                return false;
            }
            char chunk[65536];
            const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
            if (n <= 0) {
                return false;
            }
            buffer.append(chunk, static_cast<std::size_t>(n));
            return true;
        }
        return false;
    }

    bool send_all(int fd, std::string_view data) {
        while (!data.empty()) {
            if (stop_) {
                return false;
            }
            const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
            if (n < 0) {
                if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                    continue;
                }
                return false;
            }
            data.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    }

    bool read_request(int fd, std::string& buffer, Request& request) {
        std::size_t head_end = 0;
        while ((head_end = buffer.find("\r\n\r\n")) == std::string::npos) {
            if (buffer.size() > 64 * 1024 || !receive(fd, buffer)) {
                return false;
            }
        }
        const std::string head = buffer.substr(0, head_end);
        const std::size_t line_end = std::min(head.find("\r\n"), head.size());
        const std::string line = head.substr(0, line_end);
        const auto sp1 = line.find(' ');
        const auto sp2 = line.rfind(' ');
        if (sp1 == std::string::npos || sp2 == sp1) {
            return false;
        }
        request.method = line.substr(0, sp1);
        const std::string target = line.substr(sp1 + 1, sp2 - sp1 - 1);
        std::size_t length = 0;
        bool gzip = false;
        for (std::size_t at = line_end + 2; at < head.size();) {
            const std::size_t end = std::min(head.find("\r\n", at), head.size());
            const std::string header = head.substr(at, end - at);
            at = end + 2;
            const auto colon = header.find(':');
            if (colon == std::string::npos) {
                continue;
            }
            std::string name = header.substr(0, colon);
            std::transform(name.begin(), name.end(), name.begin(), [](char c) {
                return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
            });
            std::string value = header.substr(colon + 1);
            value.erase(0, value.find_first_not_of(' '));
            if (name == "content-length") {
                (void)std::from_chars(value.data(), value.data() + value.size(), length);
            } else if (name == "content-encoding") {
                gzip = value == "gzip";
            }
        }
        const std::size_t total = head_end + 4 + length;
        while (buffer.size() < total) {
            if (!receive(fd, buffer)) {
                return false;
            }
        }
        std::string body = buffer.substr(head_end + 4, length);
        buffer.erase(0, total);

        const auto query = target.find('?');
        request.path = target.substr(0, query);
        if (query != std::string::npos) {
            const auto since = target.find("since=", query);
            if (since != std::string::npos) {
                const auto from = since + 6;
                request.since = target.substr(from, target.find('&', from) - from);
            }
        }
        if (gzip) {
            auto inflated = gzip_decompress(body, kMaxBodyBytes);
            body = inflated ? *inflated : std::string();
        }
        if (request.method == "POST" && request.path == kPathPush) {
            check_batch(body, request);
        }
        return true;
    }

    void check_batch(const std::string& body, Request& request) {
        auto batch = decode_push_batch(body);
        if (!batch) {
            ++bad_requests;
            return;
        }
        const std::lock_guard lock(mu_);
        for (const auto& rec : batch->records) {
            request.ids.push_back(rec.record_id);
            pushed_.push_back(rec.record_id);
            if (device_ && server_key_ &&
                !open_record(rec, device_->device_id, device_->key.public_key, *server_key_)) {
                ++bad_records;
            }
        }
    }

    Act answer(const Request& request) {
        const std::lock_guard lock(mu_);
        if (request.method == "POST" && request.path == kPathPush) {
            ++pushes;
            return (push_ != nullptr ? push_ : well_behaved_push)(scene_, request);
        }
        if (request.method == "GET" && request.path == kPathChanges) {
            ++pulls;
            return (changes_ != nullptr ? changes_ : well_behaved_changes)(scene_, request);
        }
        ++others;
        return send(http(404, "text/plain", "not here"));
    }

    // Sends one reply as `act` says; true to keep serving the connection.
    bool perform(int fd, const Act& act) {
        if (act.drip > Millis{0}) {
            for (const char c : act.bytes) {
                if (!send_all(fd, std::string_view(&c, 1))) {
                    return false;
                }
                for (auto slept = 0ms; slept < act.drip && !stop_; slept += 10ms) {
                    std::this_thread::sleep_for(10ms);
                }
            }
        } else if (!send_all(fd, act.bytes)) {
            return false;
        }
        if (!act.stream.empty()) {
            std::size_t sent = 0;
            while (sent < act.stream_bytes && send_all(fd, act.stream)) {
                sent += act.stream.size();
            }
            if (sent >= act.stream_bytes) {
                stream_completed = true;
            }
        }
        switch (act.end) {
            case End::keep_alive:
                return true;
            case End::close:
                return false;
            case End::reset: {
                const linger now{1, 0};
                ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &now, sizeof now);
                return false;
            }
            case End::hold: {
                std::string ignored;
                while (receive(fd, ignored)) {
                }
                return false;
            }
        }
        return false;
    }

    int listen_fd_ = -1;
    std::string host_;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::thread acceptor_;
    mutable std::mutex mu_;
    std::vector<std::thread> connections_;  // guarded by mu_ while the acceptor runs
    Scene scene_;                           // guarded by mu_, like everything below
    Respond push_ = nullptr;
    Respond changes_ = nullptr;
    bool raw_ = false;
    std::vector<std::string> pushed_;
    std::optional<Identity> device_;
    std::optional<BoxKeyPair> server_key_;
};

// [SECTION] The kiosk: a real database file

struct Snapshot {
    std::string records;  // a letter per record, device_seq order: Queued Sending Acked Rejected
    std::string reasons;  // the reasons kept with the rejected records, comma separated
    std::string cursor;
    std::string offers;      // "id=body" per stored offer, by id, one per line
    std::string offer_ids;   // "id,id"
    std::string last_error;  // "" when none
    bool enrolment_needed = false;
};

std::filesystem::path make_dir() {
    auto dir = std::filesystem::temp_directory_path() / ("kiosk-hostile-" + random_id());
    std::filesystem::create_directories(dir);
    return dir;
}

std::vector<std::vector<std::string>> rows(store::Database& db, const char* sql) {
    std::vector<std::vector<std::string>> out;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db.handle(), sql, -1, &st, nullptr) != SQLITE_OK) {
        ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db.handle());
        return out;
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
        std::vector<std::string> row;
        for (int i = 0; i < sqlite3_column_count(st); ++i) {
            const unsigned char* text = sqlite3_column_text(st, i);
            row.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
        }
        out.push_back(std::move(row));
    }
    sqlite3_finalize(st);
    return out;
}

// Enrolled (server URL and token set), three made-up registrations sealed to the server's key and
// queued, and a change feed read up to cursor <epoch>-5 with two offers. The harness holds no
// connection while a pass runs.
class Kiosk {
  public:
    Kiosk(const std::string& server_public_key, const std::string& epoch) {
        store::Database db = open();
        auto id = ensure_identity(db);
        EXPECT_TRUE(id.ok()) << (id ? "" : id.error().message);
        if (id) {
            identity_ = *id;
        }
        EXPECT_TRUE(store::set_setting(db, keys::kToken, "test-token").ok());
        EXPECT_TRUE(store::reset_offers(db, epoch).ok());
        const std::vector<store::JobOffer> offers{{"job-1", R"({"title":"Cook"})"},
                                                  {"job-2", R"({"title":"Tailor"})"}};
        EXPECT_TRUE(store::apply_offer_page(db, offers, {}, epoch + "-5", epoch).ok());
        for (int i = 0; i < 3; ++i) {
            RecordContent c{random_id(),
                            identity_.device_id,
                            "registration",
                            1,
                            "2026-01",
                            nlohmann::json{{"given_name", "Sample " + std::to_string(i)},
                                           {"city", "Exampleville"}}};
            auto sealed = seal_content(c, server_public_key);
            EXPECT_TRUE(sealed.ok());
            store::NewRegistration r;
            r.record_id = c.record_id;
            r.reference_code = "H-" + c.record_id.substr(0, 8);
            r.created_at_device = 1'790'000'000;
            r.consent_version = "2026-01";
            r.schema = 1;
            r.body.assign(sealed->begin(), sealed->end());
            EXPECT_TRUE(store::submit_registration(db, r).ok());
            ids_.push_back(c.record_id);
        }
    }
    ~Kiosk() { std::filesystem::remove_all(dir_); }
    Kiosk(const Kiosk&) = delete;
    Kiosk& operator=(const Kiosk&) = delete;

    std::string path() const { return (dir_ / "kiosk.db").string(); }
    const Identity& identity() const { return identity_; }
    const std::vector<std::string>& ids() const { return ids_; }

    void set_server(const std::string& url) const {
        store::Database db = open();
        EXPECT_TRUE(store::set_setting(db, keys::kServerUrl, url).ok());
    }

    Snapshot snapshot() const {
        store::Database db = open();
        Snapshot s;
        for (const auto& row : rows(db, "SELECT state FROM outbox ORDER BY device_seq")) {
            s.records += row[0] == "queued"     ? 'Q'
                         : row[0] == "sending"  ? 'S'
                         : row[0] == "acked"    ? 'A'
                         : row[0] == "rejected" ? 'R'
                                                : '?';
        }
        if (auto rejected = store::list_rejected(db); rejected) {
            for (const auto& r : *rejected) {
                s.reasons += (s.reasons.empty() ? "" : ",") + r.reason;
            }
        }
        if (auto st = store::read_sync_state(db); st) {
            s.cursor = st->pull_cursor;
        }
        for (const auto& row : rows(db, "SELECT id, body FROM job_offers ORDER BY id")) {
            s.offers += row[0] + "=" + row[1] + "\n";
            s.offer_ids += (s.offer_ids.empty() ? "" : ",") + row[0];
        }
        if (auto e = store::get_setting(db, keys::kLastError); e && *e) {
            s.last_error = **e;
        }
        if (auto needed = store::get_bool_setting(db, keys::kEnrolmentNeeded); needed) {
            s.enrolment_needed = needed->value_or(false);
        }
        return s;
    }

  private:
    store::Database open() const {
        auto db = store::Database::open(dir_ / "kiosk.db");
        EXPECT_TRUE(db.ok()) << (db ? "" : db.error().message);
        return std::move(*db);
    }

    std::filesystem::path dir_ = make_dir();
    Identity identity_;
    std::vector<std::string> ids_;
};

// [SECTION] One pass in a child process
//
// The harness starts this binary again (fork and exec: a fork alone would carry the fake
// servers' threads into a child that makes threads of its own, which ThreadSanitizer refuses)
// with kPassDbEnv set. Then the binary holds a single test, HostilePass.Run: one pass on that
// database, its outcome written as "key value" lines to the file named by kPassReportEnv.

constexpr const char* kPassDbEnv = "KIOSK_HOSTILE_PASS_DB";
constexpr const char* kPassReportEnv = "KIOSK_HOSTILE_PASS_REPORT";

struct Observed {
    std::string died;  // "" when the child ended normally and reported
    bool ok = false;
    Verdict verdict = Verdict::ok;
    std::string code;
    std::string message;
    std::optional<Millis> retry_after;
    PassReport report;
    long batch = 0;
    long rss_growth_kib = 0;
};

long peak_rss_kib() {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

// The resident set now (the second field of /proc/self/statm, in pages).
long rss_kib() {
    std::ifstream statm("/proc/self/statm");
    long size = 0;
    long resident = 0;
    statm >> size >> resident;
    return resident * (::sysconf(_SC_PAGESIZE) / 1024);
}

// The child's side. An exception escaping the pass would end kiosk-sync (std::terminate); here
// it is reported as a death rather than as a gtest failure of the child.
void run_one_pass(const std::string& db_path, const std::string& report_path) {
    // The peak during the pass over the resident set at its start (not over the earlier peak,
    // which start-up may have set higher than anything the pass then needs).
    const long before = rss_kib();
    std::ostringstream out;
    try {
        auto db = store::Database::open(db_path);
        if (!db) {
            out << "died cannot open the database: " << db.error().message << "\n";
        } else {
            const SystemClock clock;
            SyncWorker worker(*db, clock, transport_config(), worker_options());
            const PassOutcome o = worker.run_pass();
            std::string message = o.error.message;
            std::replace_if(
                message.begin(), message.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
            out << "ok " << (o.ok ? 1 : 0) << "\nverdict " << static_cast<int>(o.verdict)
                << "\ncode " << o.error.code << "\nmessage " << message << "\nretry_after "
                << (o.retry_after ? o.retry_after->count() : -1) << "\nacked " << o.report.acked
                << "\nrejected " << o.report.rejected << "\npages " << o.report.pages << "\nbatch "
                << worker.batch_records() << "\n";
        }
    } catch (const std::exception& e) {
        out.str("");
        out << "died an exception escaped the pass (kiosk-sync would terminate): " << e.what()
            << "\n";
    } catch (...) {
        out.str("");
        out << "died an exception escaped the pass (kiosk-sync would terminate)\n";
    }
    out << "rss_growth_kib " << (peak_rss_kib() - before) << "\n";
    std::ofstream(report_path) << out.str();
}

class PassRunner : public ::testing::Test {
  public:
    void TestBody() override { run_one_pass(std::getenv(kPassDbEnv), std::getenv(kPassReportEnv)); }
};

// Registered only in a child started by pass_in_child: never listed, never run otherwise.
[[maybe_unused]] const bool kPassRunnerRegistered = [] {
    if (std::getenv(kPassDbEnv) != nullptr && std::getenv(kPassReportEnv) != nullptr) {
        ::testing::RegisterTest("HostilePass", "Run", nullptr, nullptr, __FILE__, __LINE__,
                                []() -> PassRunner* { return new PassRunner; });
    }
    return true;
}();

Observed parse_outcome(const std::string& text) {
    Observed o;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        const auto space = line.find(' ');
        const std::string key = line.substr(0, space);
        const std::string value = space == std::string::npos ? "" : line.substr(space + 1);
        const long number = std::atol(value.c_str());
        if (key == "died") {
            o.died = value;
        } else if (key == "ok") {
            o.ok = number == 1;
        } else if (key == "verdict") {
            o.verdict = static_cast<Verdict>(number);
        } else if (key == "code") {
            o.code = value;
        } else if (key == "message") {
            o.message = value;
        } else if (key == "retry_after" && number >= 0) {
            o.retry_after = Millis{number};
        } else if (key == "acked") {
            o.report.acked = static_cast<std::size_t>(number);
        } else if (key == "rejected") {
            o.report.rejected = static_cast<std::size_t>(number);
        } else if (key == "pages") {
            o.report.pages = static_cast<std::size_t>(number);
        } else if (key == "batch") {
            o.batch = number;
        } else if (key == "rss_growth_kib") {
            o.rss_growth_kib = number;
        }
    }
    return o;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream text;
    if (in) {
        text << in.rdbuf();
    }
    return text.str();
}

// Runs one pass on `db_path` in a new process of this binary; waits at most kChildDeadline.
Observed pass_in_child(const std::string& db_path) {
    const std::string report = db_path + ".report";
    const std::string log = db_path + ".log";  // the child's gtest output, for a post-mortem
    std::filesystem::remove(report);
    const std::string exe = std::filesystem::read_symlink("/proc/self/exe").string();
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e) {
        if (std::strncmp(*e, "GTEST_", 6) != 0) {  // e.g. an XML output file of the parent's
            env.emplace_back(*e);
        }
    }
    env.push_back(std::string(kPassDbEnv) + "=" + db_path);
    env.push_back(std::string(kPassReportEnv) + "=" + report);
    std::vector<char*> envp;
    for (auto& e : env) {
        envp.push_back(e.data());
    }
    envp.push_back(nullptr);
    std::string filter = "--gtest_filter=HostilePass.Run";
    std::string program = exe;
    std::vector<char*> argv{program.data(), filter.data(), nullptr};

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    Observed o;
    if (spawned != 0) {
        o.died = std::string("posix_spawn failed: ") + std::strerror(spawned);
        return o;
    }
    int status = 0;
    bool ended = false;
    for (const auto deadline = std::chrono::steady_clock::now() + kChildDeadline;
         std::chrono::steady_clock::now() < deadline;) {
        if (::waitpid(pid, &status, WNOHANG) == pid) {
            ended = true;
            break;
        }
        std::this_thread::sleep_for(2ms);
    }
    if (!ended) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
    }
    const std::string text = read_file(report);
    o = parse_outcome(text);
    std::string tail = read_file(log);
    tail = tail.substr(tail.size() - std::min<std::size_t>(tail.size(), 600));
    if (!ended) {
        o.died = "no outcome within the deadline (a hang)";
    } else if (WIFSIGNALED(status)) {
        o.died = "killed by signal " + std::to_string(WTERMSIG(status)) + " (" +
                 strsignal(WTERMSIG(status)) + "); its output ended with: " + tail;
    } else if (WEXITSTATUS(status) != 0) {
        o.died = "exit status " + std::to_string(WEXITSTATUS(status)) +
                 "; its output ended with: " + tail;
    } else if (o.died.empty() && text.find("\nbatch ") == std::string::npos) {
        o.died = "no report; its output ended with: " + tail;
    }
    return o;
}

// [SECTION] The table

enum class Link {
    http,
    https_to_plain_http,  // the kiosk speaks TLS; what answers does not
};

struct Expect {
    bool ok = false;
    Verdict verdict = Verdict::transient;  // when !ok
    const char* code = "";                 // the pass's error code ("" when ok)
    const char* message = "";      // part of the error message, where it tells the case apart
    const char* records = "QQQ";   // after the pass, device_seq order: Queued Acked Rejected
    const char* reason = "";       // the reason kept with each rejected record
    const char* cursor = nullptr;  // nullptr: unchanged; else the cursor after, "@" = the epoch
    const char* offers = nullptr;  // nullptr: unchanged; else the offer ids after
    std::optional<Millis> retry_after = std::nullopt;
    int pulls = -1;          // GET /v1/changes requests (-1: not checked)
    int batch = 100;         // the worker's batch size after the pass (-1: not checked)
    bool cut_short = false;  // the reply was endless: the client must have hung up early
};

struct Row {
    const char* name;           // the test's name
    const char* what;           // the misbehaviour
    Respond push = nullptr;     // nullptr: well-behaved (acks every record it was sent)
    Respond changes = nullptr;  // nullptr: well-behaved (an empty page at the same cursor)
    // Builds, before the pass, what a reply needs and takes long to make: made while the
    // client waits, it would stall the reply past the low-speed limit on a busy machine.
    void (*prepare)() = nullptr;
    Expect expect = {};
    Link link = Link::http;
    bool control = false;  // a well-behaved server: shows that success is visible
};

void PrintTo(const Row& row, std::ostream* os) {
    *os << row.name;
}

constexpr const char* kBadReply = "sync.bad_reply";

const Row kRows[] = {
    // Controls.
    {.name = "control_well_behaved",
     .what = "a well-behaved server",
     .expect = {.ok = true, .records = "AAA", .pulls = 1},
     .control = true},
    {.name = "control_json_with_charset",
     .what = "a well-behaved server that adds ; charset=utf-8 to its content type",
     .push =
         [](const Scene& s, const Request& r) {
             return send(http(200, "application/json; charset=utf-8", acks(s, r.ids)));
         },
     .expect = {.ok = true, .records = "AAA"},
     .control = true},
    {.name = "control_413_for_one_record",
     .what = "the server's own 413 for every batch holding the second record: it alone is "
             "dead-lettered",
     .push =
         [](const Scene& s, const Request& r) {
             if (std::find(r.ids.begin(), r.ids.end(), s.records[1]) != r.ids.end()) {
                 return send(http(413, kJsonContentType,
                                  error_reply(s, "request.too_large", "over 4 MiB")));
             }
             return json(acks(s, r.ids));
         },
     .expect = {.ok = true, .records = "ARA", .reason = "request.too_large", .batch = -1},
     .control = true},

    // Push: what answers is not the server.
    {.name = "portal_html_200",
     .what = "a captive portal answers the push with its HTML login page and 200",
     .push = [](const Scene&, const Request&) { return send(http(200, "text/html", kPortal)); },
     .expect = {.code = kBadReply, .message = "text/html"}},
    {.name = "portal_302_to_another_host",
     .what = "a portal redirects the push (302) to its login page on another host",
     .push =
         [](const Scene& s, const Request&) {
             return send(
                 http(302, "text/html", kPortal, "Location: " + s.other_host + "/login\r\n"));
         },
     .expect = {.code = "sync.http_302"}},
    {.name = "redirect_307_to_another_host",
     .what = "a 307 (the method is kept) sends the push with its records to another host",
     .push =
         [](const Scene& s, const Request&) {
             return send(http(307, "", "", "Location: " + s.other_host + "/v1/push\r\n"));
         },
     .expect = {.code = "sync.http_307"}},
    {.name = "proxy_403_html",
     .what = "a filtering proxy answers 403 with its own HTML page",
     .push =
         [](const Scene&, const Request&) {
             return send(http(403, "text/html", "<html>Blocked by policy</html>"));
         },
     .expect = {.code = "sync.http_403"}},
    {.name = "proxy_502_html",
     .what = "a proxy in front of the server answers 502 Bad Gateway",
     .push =
         [](const Scene&, const Request&) {
             return send(http(502, "text/html", "<html>502 Bad Gateway</html>"));
         },
     .expect = {.code = "sync.http_502"}},
    {.name = "proxy_413_for_everything",
     .what = "a proxy answers 413 with HTML to every push, whatever its size",
     .push =
         [](const Scene&, const Request&) {
             return send(http(413, "text/html", "<html>413 Request Entity Too Large</html>"));
         },
     .expect = {.verdict = Verdict::too_large, .code = "sync.http_413", .batch = -1}},
    {.name = "tls_answered_in_plain_http",
     .what = "the kiosk speaks TLS and a portal answers it in plain HTTP",
     .push = [](const Scene&,
                const Request&) { return send(http(200, "text/html", kPortal), End::close); },
     .expect = {.code = "sync.network", .message = "(35)"},
     .link = Link::https_to_plain_http},

    // Push: the reply's body is not an ack.
    {.name = "json_truncated",
     .what = "a correct ack body cut in half (Content-Length says the half)",
     .push =
         [](const Scene& s, const Request& r) {
             const std::string body = acks(s, r.ids);
             return json(body.substr(0, body.size() / 2));
         },
     .expect = {.code = kBadReply, .message = "not valid JSON"}},
    {.name = "binary_garbage",
     .what = "binary garbage labelled application/json",
     .push =
         [](const Scene&, const Request&) {
             return json(std::string_view("\x00\x01\x7f\xfe\xff\x1f\x8b garbage", 15));
         },
     .expect = {.code = kBadReply, .message = "not valid JSON"}},
    {.name = "empty_200",
     .what = "200 with an empty JSON body",
     .push = [](const Scene&, const Request&) { return json(""); },
     .expect = {.code = kBadReply}},
    {.name = "json_array",
     .what = "the acks as a bare JSON array, not an object",
     .push =
         [](const Scene& s, const Request& r) {
             return json(nlohmann::json::parse(acks(s, r.ids))["acks"].dump());
         },
     .expect = {.code = kBadReply, .message = "expected an object"}},
    {.name = "version_2",
     .what = "a well-formed reply of protocol version 2",
     .push = [](const Scene& s,
                const Request& r) { return json(replaced(acks(s, r.ids), "\"v\":1", "\"v\":2")); },
     .expect = {.code = kBadReply, .message = "version"}},
    {.name = "epoch_missing",
     .what = "acks for every record but no epoch",
     .push =
         [](const Scene& s, const Request& r) {
             return json(replaced(acks(s, r.ids), "\"epoch\":\"" + s.epoch + "\",", ""));
         },
     .expect = {.code = kBadReply, .message = "epoch: missing"}},
    {.name = "unknown_field",
     .what = "acks for every record plus a field the protocol does not have",
     .push =
         [](const Scene& s, const Request& r) {
             return json(replaced(acks(s, r.ids), "\"v\":1", "\"ok\":true,\"v\":1"));
         },
     .expect = {.code = kBadReply, .message = "unknown field"}},
    {.name = "ack_status_unknown",
     .what = "acks whose status is \"stored\", not a protocol status",
     .push =
         [](const Scene& s, const Request& r) {
             return json(replaced(acks(s, r.ids), "\"created\"", "\"stored\"", true));
         },
     .expect = {.code = kBadReply, .message = "unknown status"}},
    {.name = "rejected_without_reason",
     .what = "every record rejected with an empty reason",
     .push = [](const Scene& s,
                const Request& r) { return json(acks(s, r.ids, AckStatus::rejected, "")); },
     .expect = {.code = kBadReply, .message = "needs a reason"}},
    {.name = "ack_ids_upper_case",
     .what = "acks naming the records in upper-case hex",
     .push =
         [](const Scene& s, const Request& r) {
             std::vector<std::string> upper = r.ids;
             for (auto& id : upper) {
                 std::transform(id.begin(), id.end(), id.begin(), [](char c) {
                     return c >= 'a' && c <= 'f' ? static_cast<char>(c - 'a' + 'A') : c;
                 });
             }
             return json(acks(s, upper));
         },
     .expect = {.code = kBadReply, .message = "lowercase hex"}},
    {.name = "reply_meant_for_changes",
     .what = "a valid change-feed page as the reply to a push (a confused cache)",
     .push = [](const Scene& s, const Request&) { return json(page(s, cursor(s, 9))); },
     .expect = {.code = kBadReply, .message = "unknown field"}},
    {.name = "huge_number",
     .what = "acks with \"v\": 1e400, a number no double holds",
     .push =
         [](const Scene& s, const Request& r) {
             return json(replaced(acks(s, r.ids), "\"v\":1", "\"v\":1e400"));
         },
     .expect = {.code = kBadReply}},
    {.name = "invalid_utf8",
     .what = "rejections whose reason is not valid UTF-8",
     .push =
         [](const Scene& s, const Request& r) {
             return json(replaced(acks(s, r.ids, AckStatus::rejected, "conflict"), "conflict",
                                  "confl\xff\xfe", true));
         },
     .expect = {.code = kBadReply, .message = "not valid JSON"}},
    {.name = "deep_nesting",
     .what = "acks nested 20,000 arrays deep",
     .push =
         [](const Scene& s, const Request& r) {
             return json(
                 replaced(acks(s, r.ids), "\"acks\":[", "\"acks\":[" + nested(20'000) + ","));
         },
     .expect = {.code = kBadReply, .message = "nested deeper"}},

    // Push: well-formed acks that do not answer what was sent.
    {.name = "acks_for_unknown_ids",
     .what = "well-formed acks, all for record ids the kiosk never sent",
     .push =
         [](const Scene& s, const Request& r) {
             std::vector<std::string> strangers;
             for (std::size_t i = 0; i < r.ids.size(); ++i) {
                 strangers.push_back(random_id());
             }
             return json(acks(s, strangers));
         },
     .expect = {.code = "sync.no_ack"}},
    {.name = "acks_for_the_first_record_only",
     .what = "one ack for a batch of three (a wrong count)",
     .push = [](const Scene& s, const Request& r) { return json(acks(s, {r.ids.front()})); },
     .expect = {.code = "sync.no_ack", .records = "AQQ"}},
    {.name = "acks_reordered",
     .what = "acks for every record, in reverse order",
     .push =
         [](const Scene& s, const Request& r) {
             return json(acks(s, {r.ids.rbegin(), r.ids.rend()}));
         },
     .expect = {.ok = true, .records = "AAA"}},
    {.name = "ack_twice_conflicting",
     .what = "the first record answered twice, created and rejected",
     .push =
         [](const Scene& s, const Request& r) {
             PushResponse p{s.epoch,
                            {Ack{r.ids[0], AckStatus::created, ""},
                             Ack{r.ids[0], AckStatus::rejected, "conflict"}}};
             for (std::size_t i = 1; i < r.ids.size(); ++i) {
                 p.acks.push_back(Ack{r.ids[i], AckStatus::created, ""});
             }
             return json(encode(p));
         },
     .expect = {.code = kBadReply}},
    {.name = "acks_mixed_with_a_stranger",
     .what = "an ack for a stranger, a rejection, a duplicate and a retry_later in one reply",
     .push =
         [](const Scene& s, const Request& r) {
             return json(encode(PushResponse{s.epoch,
                                             {Ack{random_id(), AckStatus::created, ""},
                                              Ack{r.ids[1], AckStatus::rejected, "conflict"},
                                              Ack{r.ids[0], AckStatus::duplicate, ""},
                                              Ack{r.ids[2], AckStatus::retry_later, ""}}}));
         },
     .expect = {.code = "sync.no_ack", .records = "ARQ", .reason = "conflict"}},

    // Push: statuses.
    {.name = "http_500_text",
     .what = "500 with a plain-text body",
     .push = [](const Scene&,
                const Request&) { return send(http(500, "text/plain", "Internal Server Error")); },
     .expect = {.code = "sync.http_500"}},
    {.name = "http_503_busy_retry_after",
     .what = "503 store.busy with Retry-After: 2",
     .push =
         [](const Scene& s, const Request&) {
             return send(http(503, kJsonContentType, error_reply(s, "store.busy", "busy"),
                              "Retry-After: 2\r\n"));
         },
     .expect = {.code = "store.busy", .retry_after = 2000ms}},
    {.name = "http_429_retry_after",
     .what = "429 with Retry-After: 7",
     .push =
         [](const Scene&, const Request&) {
             return send(http(429, "text/plain", "slow down", "Retry-After: 7\r\n"));
         },
     .expect = {.code = "sync.http_429", .retry_after = 7000ms}},
    {.name = "retry_after_absurd",
     .what = "503 with Retry-After: 1000000000000 (31,700 years)",
     .push =
         [](const Scene&, const Request&) {
             return send(http(503, "text/plain", "later", "Retry-After: 1000000000000\r\n"));
         },
     .expect = {.code = "sync.http_503", .retry_after = 3'600'000ms}},
    {.name = "retry_after_negative",
     .what = "503 with Retry-After: -5",
     .push =
         [](const Scene&, const Request&) {
             return send(http(503, "text/plain", "later", "Retry-After: -5\r\n"));
         },
     .expect = {.code = "sync.http_503"}},
    {.name = "retry_after_http_date",
     .what = "503 with Retry-After as an HTTP date (the kiosk's clock may be wrong)",
     .push =
         [](const Scene&, const Request&) {
             return send(http(503, "text/plain", "later",
                              "Retry-After: Wed, 21 Oct 2026 07:28:00 GMT\r\n"));
         },
     .expect = {.code = "sync.http_503"}},
    {.name = "http_401_revoked",
     .what = "the server's own 401 auth.revoked",
     .push =
         [](const Scene& s, const Request&) {
             return send(http(401, kJsonContentType, error_reply(s, "auth.revoked", "revoked")));
         },
     .expect = {.verdict = Verdict::enrolment_needed, .code = "auth.revoked"}},
    {.name = "http_410_on_push",
     .what = "the server's own 410 to a push (410 only means something for the change feed)",
     .push =
         [](const Scene& s, const Request&) {
             return send(http(410, kJsonContentType, error_reply(s, "push.gone", "gone")));
         },
     .expect = {.verdict = Verdict::reset, .code = "push.gone"}},
    {.name = "http_304_not_modified",
     .what = "304 Not Modified to a push",
     .push = [](const Scene&, const Request&) { return send("HTTP/1.1 304 Not Modified\r\n\r\n"); },
     .expect = {.code = "sync.http_304"}},
    {.name = "http_204_no_content",
     .what = "204 No Content to a push",
     .push = [](const Scene&, const Request&) { return send("HTTP/1.1 204 No Content\r\n\r\n"); },
     .expect = {.code = kBadReply}},

    // Push: content type.
    {.name = "html_type_with_valid_acks",
     .what = "valid acks for every record, labelled text/html (decision: refused)",
     .push = [](const Scene& s,
                const Request& r) { return send(http(200, "text/html", acks(s, r.ids))); },
     .expect = {.code = kBadReply, .message = "text/html"}},
    {.name = "no_content_type_with_valid_acks",
     .what = "valid acks for every record with no Content-Type at all",
     .push = [](const Scene& s, const Request& r) { return send(http(200, "", acks(s, r.ids))); },
     .expect = {.code = kBadReply, .message = "not application/json"}},

    // Push: the body's size and framing.
    {.name = "endless_body_without_length",
     .what = "an endless body without Content-Length",
     .push =
         [](const Scene&, const Request&) {
             Act a = send(
                 "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: "
                 "close\r\n\r\n[",
                 End::close);
             a.stream = std::string(64 * 1024, ' ');
             a.stream_bytes = kEndless;
             return a;
         },
     .expect = {.code = "sync.reply_too_large", .cut_short = true}},
    {.name = "announced_10_gib",
     .what = "Content-Length: 10 GiB, and a body that keeps coming",
     .push =
         [](const Scene&, const Request&) {
             Act a = send(
                 "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                 "10737418240\r\n\r\n",
                 End::close);
             a.stream = std::string(64 * 1024, ' ');
             a.stream_bytes = kEndless;
             return a;
         },
     .expect = {.code = "sync.reply_too_large", .cut_short = true}},
    {.name = "gzip_bomb",
     .what = "a 1.1 MiB gzip body that inflates to 256 MiB (no Content-Length)",
     .push =
         [](const Scene&, const Request&) {
             return send(
                 "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: "
                 "gzip\r\nConnection: close\r\n\r\n" +
                     gzip_bomb(),
                 End::close);
         },
     .prepare = [] { gzip_bomb(); },  // ~1 s of deflate, 3 s on a loaded machine
     .expect = {.code = "sync.reply_too_large"}},
    {.name = "gzip_garbage",
     .what = "Content-Encoding: gzip on a body that is not gzip",
     .push =
         [](const Scene&, const Request&) {
             return send(http(200, kJsonContentType, "{\"v\":1} is not gzip",
                              "Content-Encoding: gzip\r\n"));
         },
     .expect = {.code = "sync.network", .message = "(61)"}},
    {.name = "endless_headers",
     .what = "a status line and then header lines that never end",
     .push =
         [](const Scene&, const Request&) {
             Act a = send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n", End::close);
             a.stream = "X-Padding: " + std::string(1000, 'a') + "\r\n";
             a.stream_bytes = kEndless;
             return a;
         },
     .expect = {.code = "sync.network", .message = "(56)", .cut_short = true}},
    {.name = "length_longer_than_body_then_close",
     .what = "Content-Length: 5000, a shorter body, then the connection closes",
     .push =
         [](const Scene& s, const Request& r) {
             return send(
                 "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                 "5000\r\n\r\n" +
                     acks(s, r.ids),
                 End::close);
         },
     .expect = {.code = "sync.network", .message = "(18)"}},
    {.name = "length_shorter_than_body",
     .what = "Content-Length says half of the correct ack body that follows",
     .push =
         [](const Scene& s, const Request& r) {
             const std::string body = acks(s, r.ids);
             return send(replaced(http(200, kJsonContentType, body),
                                  "Content-Length: " + std::to_string(body.size()),
                                  "Content-Length: " + std::to_string(body.size() / 2)));
         },
     .expect = {.code = kBadReply, .message = "not valid JSON"}},
    {.name = "reset_mid_body",
     .what = "the connection is reset (RST) in the middle of a correct ack body",
     .push =
         [](const Scene& s, const Request& r) {
             const std::string whole = http(200, kJsonContentType, acks(s, r.ids));
             return send(whole.substr(0, whole.size() - 40), End::reset);
         },
     .expect = {.code = "sync.network", .message = "(56)"}},
    {.name = "chunked_cut_mid_chunk",
     .what = "a chunked body whose first chunk is cut off by a close",
     .push =
         [](const Scene& s, const Request& r) {
             const std::string body = acks(s, r.ids);
             std::ostringstream size;
             size << std::hex << body.size();
             return send(
                 "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: "
                 "chunked\r\n\r\n" +
                     size.str() + "\r\n" + body.substr(0, body.size() / 2),
                 End::close);
         },
     .expect = {.code = "sync.network", .message = "(18)"}},
    {.name = "second_response_smuggled",
     .what = "a correct ack followed on the same connection by an unasked change-feed reply "
             "(withdraws job-1, cursor 99)",
     .push =
         [](const Scene& s, const Request& r) {
             return send(http(200, kJsonContentType, acks(s, r.ids)) +
                         http(200, kJsonContentType, page(s, cursor(s, 99), false, {"job-1"})));
         },
     .expect = {.ok = true, .records = "AAA"}},

    // Push: the link.
    {.name = "slow_drip",
     .what = "a correct ack dripped one byte every 100 ms",
     .push =
         [](const Scene& s, const Request& r) {
             Act a = send(http(200, kJsonContentType, acks(s, r.ids)));
             a.drip = 100ms;
             return a;
         },
     .expect = {.code = "sync.timeout", .batch = 50}},
    {.name = "never_answers",
     .what = "the connection is accepted, the request read, and nothing ever comes back",
     .push = [](const Scene&, const Request&) { return send("", End::hold); },
     .expect = {.code = "sync.timeout", .batch = 50}},
    {.name = "closes_without_a_word",
     .what = "the request is read and the connection closed with no reply at all",
     .push = [](const Scene&, const Request&) { return send("", End::close); },
     .expect = {.code = "sync.network", .message = "(52)"}},
    {.name = "not_http_at_all",
     .what = "something that is not HTTP answers (an SSH banner)",
     .push = [](const Scene&,
                const Request&) { return send("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n", End::close); },
     .expect = {.code = "sync.network", .message = "(1)"}},

    // The change feed (the push is well-behaved: all three records are acked).
    {.name = "changes_portal_html_200",
     .what = "a captive portal answers the change feed with its HTML page and 200",
     .changes = [](const Scene&, const Request&) { return send(http(200, "text/html", kPortal)); },
     .expect = {.code = kBadReply, .records = "AAA"}},
    {.name = "changes_html_type_with_a_valid_page",
     .what = "a valid page withdrawing job-1, labelled text/html",
     .changes =
         [](const Scene& s, const Request& r) {
             return send(
                 http(200, "text/html", page(s, cursor(s, since_seq(r) + 1), false, {"job-1"})));
         },
     .expect = {.code = kBadReply, .records = "AAA"}},
    {.name = "changes_truncated",
     .what = "a page withdrawing job-1, cut in half",
     .changes =
         [](const Scene& s, const Request& r) {
             const std::string body = page(s, cursor(s, since_seq(r) + 1), false, {"job-1"});
             return json(body.substr(0, body.size() / 2));
         },
     .expect = {.code = kBadReply, .records = "AAA"}},
    {.name = "changes_next_from_another_epoch",
     .what = "a page whose next cursor belongs to another epoch",
     .changes =
         [](const Scene& s, const Request&) {
             return json(encode(ChangesPage{s.epoch, {}, {"job-1"}, random_id() + "-9", false}));
         },
     .expect = {.code = kBadReply, .message = "another epoch", .records = "AAA"}},
    {.name = "changes_next_going_backwards",
     .what = "a page whose next cursor is behind the one asked for (5 -> 2)",
     .changes = [](const Scene& s, const Request&) { return json(page(s, cursor(s, 2))); },
     .expect = {.code = kBadReply, .records = "AAA"}},
    {.name = "changes_offer_not_an_object",
     .what = "an upsert whose offer is a string",
     .changes =
         [](const Scene& s, const Request& r) {
             return json(page_with_raw_upserts(s, r, R"({"id":"job-9","offer":"Baker"})"));
         },
     .expect = {.code = kBadReply, .message = "expected an object", .records = "AAA"}},
    {.name = "changes_offer_id_is_a_path",
     .what = "an upsert whose offer id is ../../etc/passwd",
     .changes =
         [](const Scene& s, const Request& r) {
             return json(
                 page_with_raw_upserts(s, r, R"({"id":"../../etc/passwd","offer":{"title":"X"}})"));
         },
     .expect = {.code = kBadReply, .records = "AAA"}},
    {.name = "changes_same_offer_twice",
     .what = "one page upserting the same offer id twice",
     .changes =
         [](const Scene& s, const Request& r) {
             return json(page_with_raw_upserts(
                 s, r,
                 R"({"id":"job-9","offer":{"title":"A"}},{"id":"job-9","offer":{"title":"B"}})"));
         },
     .expect = {.code = kBadReply, .message = "appears twice", .records = "AAA"}},
    {.name = "changes_duplicate_key",
     .what = "an offer object with the same key twice",
     .changes =
         [](const Scene& s, const Request& r) {
             return json(page_with_raw_upserts(
                 s, r, R"({"id":"job-9","offer":{"title":"A","title":"B"}})"));
         },
     .expect = {.code = kBadReply, .message = "duplicate key", .records = "AAA"}},
    {.name = "changes_deep_nesting",
     .what = "an offer nested 20,000 arrays deep",
     .changes =
         [](const Scene& s, const Request& r) {
             return json(page_with_raw_upserts(
                 s, r, "{\"id\":\"job-9\",\"offer\":{\"x\":" + nested(20'000) + "}}"));
         },
     .expect = {.code = kBadReply, .message = "nested deeper", .records = "AAA"}},
    {.name = "changes_huge_number",
     .what = "an offer holding the number 1e400",
     .changes =
         [](const Scene& s, const Request& r) {
             return json(page_with_raw_upserts(s, r, R"({"id":"job-9","offer":{"hours":1e400}})"));
         },
     .expect = {.code = kBadReply, .records = "AAA"}},
    {.name = "changes_invalid_utf8",
     .what = "an offer title that is not valid UTF-8",
     .changes =
         [](const Scene& s, const Request& r) {
             return json(page_with_raw_upserts(
                 s, r, "{\"id\":\"job-9\",\"offer\":{\"title\":\"\xc3\x28\"}}"));
         },
     .expect = {.code = kBadReply, .message = "not valid JSON", .records = "AAA"}},
    {.name = "changes_tombstones_for_unknown_ids",
     .what = "a page withdrawing offers the kiosk never had",
     .changes =
         [](const Scene& s, const Request& r) {
             return json(page(s, cursor(s, since_seq(r) + 1), false, {"job-404", "job-405"}));
         },
     .expect = {.ok = true, .records = "AAA", .cursor = "@-6", .pulls = 1}},
    {.name = "changes_more_forever",
     .what = "every page says more: true",
     .changes = [](const Scene& s,
                   const Request& r) { return json(page(s, cursor(s, since_seq(r) + 1), true)); },
     .expect = {.ok = true, .records = "AAA", .cursor = "@-10", .pulls = 5}},
    {.name = "changes_410_forever",
     .what = "410 changes.reset for every cursor, 0 included",
     .changes =
         [](const Scene& s, const Request&) {
             return send(http(410, kJsonContentType, error_reply(s, "changes.reset", "again")));
         },
     .expect = {.verdict = Verdict::reset,
                .code = "changes.reset",
                .records = "AAA",
                .cursor = "0",
                .pulls = 2}},
    {.name = "changes_401",
     .what = "the server's own 401 to the change feed after accepting the push",
     .changes =
         [](const Scene& s, const Request&) {
             return send(
                 http(401, kJsonContentType, error_reply(s, "auth.unknown_token", "unknown")));
         },
     .expect = {.verdict = Verdict::enrolment_needed,
                .code = "auth.unknown_token",
                .records = "AAA"}},
    {.name = "changes_500",
     .what = "500 to the change feed",
     .changes =
         [](const Scene&, const Request&) {
             return send(http(500, "text/plain", "Internal Server Error"));
         },
     .expect = {.code = "sync.http_500", .records = "AAA"}},
    {.name = "changes_endless_body",
     .what = "an endless change-feed body without Content-Length",
     .changes =
         [](const Scene&, const Request&) {
             Act a = send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n", End::close);
             a.stream = std::string(64 * 1024, ' ');
             a.stream_bytes = kEndless;
             return a;
         },
     .expect = {.code = "sync.reply_too_large", .records = "AAA", .cut_short = true}},
    {.name = "changes_never_answer",
     .what = "the change-feed request is read and never answered",
     .changes = [](const Scene&, const Request&) { return send("", End::hold); },
     .expect = {.code = "sync.timeout", .records = "AAA"}},
};

// [SECTION] Running a row

class Problems {
  public:
    void add(std::string text) { list_.push_back(std::move(text)); }
    void eq(const std::string& what, const std::string& got, const std::string& want) {
        if (got != want) {
            add(what + ": got \"" + got + "\", want \"" + want + "\"");
        }
    }
    bool empty() const { return list_.empty(); }
    std::string text() const {
        std::string out;
        for (const auto& p : list_) {
            out += "\n  " + p;
        }
        return out;
    }

  private:
    std::vector<std::string> list_;
};

std::string show(const std::optional<Millis>& m) {
    return m ? std::to_string(m->count()) + " ms" : "none";
}

// Checks I1-I6 and the row's own expectations after the hostile pass.
void check_pass(const Row& row, const Scene& scene, const Snapshot& before, const Observed& seen,
                const Snapshot& after, const FakeServer& fake, const FakeServer& other,
                Problems& p) {
    const Expect& want = row.expect;
    if (!seen.died.empty()) {
        p.add("I1 the pass did not end normally: " + seen.died);
    } else {
        p.eq("pass ok", seen.ok ? "yes" : "no", want.ok ? "yes" : "no");
        p.eq("verdict", std::string(to_string(seen.verdict)),
             std::string(to_string(want.ok ? Verdict::ok : want.verdict)));
        p.eq("error code", seen.code, want.code);
        if (seen.message.find(want.message) == std::string::npos) {
            p.add("error message \"" + seen.message + "\" does not say \"" + want.message + "\"");
        }
        p.eq("Retry-After passed on", show(seen.retry_after), show(want.retry_after));
        if (want.batch >= 0) {
            p.eq("batch size after the pass", std::to_string(seen.batch),
                 std::to_string(want.batch));
        }
        if (seen.rss_growth_kib >= kRssBoundKib) {
            p.add("I4 the pass grew the peak RSS by " + std::to_string(seen.rss_growth_kib) +
                  " KiB (bound " + std::to_string(kRssBoundKib) + " KiB)");
        }
    }
    p.eq("I2 records (Queued Sending Acked Rejected)", after.records, want.records);
    std::string reasons;
    for (const char* c = want.records; *c != '\0'; ++c) {
        if (*c == 'R') {
            reasons += (reasons.empty() ? "" : ",") + std::string(want.reason);
        }
    }
    p.eq("I2 rejection reasons", after.reasons, reasons);
    p.eq("I3 cursor", after.cursor,
         want.cursor != nullptr ? replaced(want.cursor, "@", scene.epoch) : before.cursor);
    if (want.offers != nullptr) {
        p.eq("I3 offers", after.offer_ids, want.offers);
    } else {
        p.eq("I3 offers", after.offers, before.offers);
    }
    if (want.ok) {
        p.eq("I5 last_error", after.last_error, "");
    } else if (after.last_error.rfind(std::string(want.code) + ": ", 0) != 0) {
        p.add("I5 last_error \"" + after.last_error + "\" does not start with the code");
    }
    p.eq("I5 enrolment needed", after.enrolment_needed ? "yes" : "no",
         !want.ok && want.verdict == Verdict::enrolment_needed ? "yes" : "no");
    if (fake.bad_requests > 0 || fake.bad_records > 0) {
        p.add("I6 the client sent " + std::to_string(fake.bad_requests.load()) +
              " undecodable batch(es) and " + std::to_string(fake.bad_records.load()) +
              " record(s) that do not verify");
    }
    if (other.requests() > 0) {
        p.add("I6 the client followed a redirect to another host");
    }
    if (want.pulls >= 0) {
        p.eq("GET /v1/changes requests", std::to_string(fake.pulls.load()),
             std::to_string(want.pulls));
    }
    if (want.cut_short && fake.stream_completed) {
        p.add("the client read an endless reply to its end instead of hanging up");
    }
}

// I7: a well-behaved server after the hostile one.
void check_recovery(const Row& row, const Scene& scene, const Kiosk& kiosk, FakeServer& fake,
                    const Snapshot& after, Problems& p) {
    const int requests = fake.requests();
    const std::size_t sent_before = fake.pushed().size();
    fake.script(scene, nullptr, nullptr, false);
    kiosk.set_server(fake.url());
    const Observed again = pass_in_child(kiosk.path());
    const Snapshot last = kiosk.snapshot();
    if (!again.died.empty()) {
        p.add("I7 the next pass did not end normally: " + again.died);
        return;
    }
    if (!row.expect.ok && row.expect.verdict == Verdict::enrolment_needed) {
        p.eq("I7 next pass while waiting for staff", std::string(to_string(again.verdict)),
             std::string(to_string(Verdict::enrolment_needed)));
        p.eq("I7 requests made while waiting for staff", std::to_string(fake.requests() - requests),
             "0");
        p.eq("I7 records while waiting for staff", last.records, after.records);
        return;
    }
    std::string want_records = after.records;
    std::string want_sent;
    for (std::size_t i = 0; i < want_records.size(); ++i) {
        if (want_records[i] == 'Q' || want_records[i] == 'S') {
            want_records[i] = 'A';
            want_sent += kiosk.ids()[i] + " ";
        }
    }
    const std::vector<std::string> pushed = fake.pushed();
    std::string sent;
    for (std::size_t i = sent_before; i < pushed.size(); ++i) {
        sent += pushed[i] + " ";
    }
    if (!again.ok) {
        p.add("I7 the well-behaved server's pass failed: " + again.code + ": " + again.message);
    }
    p.eq("I7 records after a well-behaved server", last.records, want_records);
    p.eq("I7 records sent to the well-behaved server", sent, want_sent);
}

class HostileServer : public ::testing::TestWithParam<Row> {};

TEST_P(HostileServer, Row) {
    const Row& row = GetParam();
    if (row.prepare != nullptr) {
        row.prepare();
    }
    const BoxKeyPair server_key = BoxKeyPair::generate();
    const std::string epoch = random_id();
    const Kiosk kiosk(server_key.public_key, epoch);
    FakeServer other("127.0.0.2");
    other.script(
        Scene{}, [](const Scene&, const Request&) { return send(http(200, "text/html", kPortal)); },
        [](const Scene&, const Request&) { return send(http(200, "text/html", kPortal)); }, false);
    FakeServer fake("127.0.0.1");
    const Scene scene{epoch, other.url(), kiosk.ids()};
    fake.script(scene, row.push, row.changes, row.link == Link::https_to_plain_http);
    fake.verify(kiosk.identity(), server_key);
    kiosk.set_server(fake.url(row.link == Link::https_to_plain_http ? "https" : "http"));

    const Snapshot before = kiosk.snapshot();
    const Observed seen = pass_in_child(kiosk.path());
    const Snapshot after = kiosk.snapshot();
    Problems problems;
    check_pass(row, scene, before, seen, after, fake, other, problems);
    check_recovery(row, scene, kiosk, fake, after, problems);
    std::cout << "  " << row.name << ": "
              << (!seen.died.empty() ? seen.died
                  : seen.ok          ? std::string("ok")
                                     : seen.code + " (" + seen.message + ")")
              << "; peak RSS +" << seen.rss_growth_kib << " KiB\n";

    if (!problems.empty()) {
        ADD_FAILURE() << row.what << problems.text();
    }
}

std::string row_name(const ::testing::TestParamInfo<Row>& param) {
    return param.param.name;
}

INSTANTIATE_TEST_SUITE_P(Table, HostileServer, ::testing::ValuesIn(kRows), row_name);

TEST(HostileTable, HasAtLeastThirtyDistinctMisbehaviours) {
    std::set<std::string> names;
    std::set<std::string> whats;
    int misbehaviours = 0;
    for (const Row& row : kRows) {
        EXPECT_TRUE(names.insert(row.name).second) << "two rows named " << row.name;
        EXPECT_TRUE(whats.insert(row.what).second) << "two rows for " << row.what;
        misbehaviours += row.control ? 0 : 1;
    }
    EXPECT_GE(misbehaviours, 30);
    std::cout << misbehaviours << " misbehaviours and "
              << static_cast<int>(std::size(kRows)) - misbehaviours << " controls\n";
}

}  // namespace
}  // namespace kiosk::sync::client

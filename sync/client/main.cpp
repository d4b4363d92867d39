// kiosk-sync: the kiosk's sync daemon and its staff commands. main() only parses the command
// line and wires sync_client together.
//
//   kiosk-sync enroll --db PATH --server URL --code CODE [--ca-file PATH] [--pin sha256//...]
//   kiosk-sync once   --db PATH      one full pass; exit 0 only when it finished cleanly
//   kiosk-sync status --db PATH      queue counts, enrolment, last success, last error
//   kiosk-sync run    --db PATH [--period SECONDS]   daemon; stops on SIGTERM/SIGINT
//
// Exit status: 0 success, 1 failure (retry later), 2 usage, 3 enrolment needed (staff).
#include <signal.h>

#include <atomic>
#include <cstring>
#include <iostream>
#include <map>
#include <string>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/random.hpp"
#include "kiosk/store/database.hpp"
#include "sync/client/client.hpp"
#include "sync/client/daemon.hpp"

namespace {

using namespace kiosk;
using namespace kiosk::sync::client;

constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitEnrolmentNeeded = 3;

// Set by the SIGTERM/SIGINT handler; a lock-free atomic is safe to store from a handler.
std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free);

void on_signal(int) {
    g_stop.store(true);
}

int usage() {
    std::cerr << "usage:\n"
                 "  kiosk-sync enroll --db PATH --server URL --code CODE [--ca-file PATH] "
                 "[--pin sha256//KEY]\n"
                 "  kiosk-sync once --db PATH\n"
                 "  kiosk-sync status --db PATH\n"
                 "  kiosk-sync run --db PATH [--period SECONDS]\n";
    return kExitUsage;
}

int fail(const Error& e) {
    std::cerr << "kiosk-sync: " << e.code << ": " << e.message << "\n";
    return kExitFailed;
}

int exit_for(const PassOutcome& out) {
    if (out.ok) {
        return 0;
    }
    return out.verdict == Verdict::enrolment_needed ? kExitEnrolmentNeeded : kExitFailed;
}

void print_pass(const PassOutcome& out) {
    const PassReport& r = out.report;
    std::cout << (out.ok ? "sync ok" : "sync failed") << ": acked " << r.acked << ", rejected "
              << r.rejected << ", released " << r.released << ", pages " << r.pages << ", offers +"
              << r.upserts << " -" << r.tombstones
              << (r.epoch_changed ? ", server epoch changed" : "") << std::endl;
    if (!out.ok) {
        std::cerr << "kiosk-sync: " << to_string(out.verdict) << ": " << out.error.code << ": "
                  << out.error.message << std::endl;
    }
}

int cmd_enroll(store::Database& db, const std::map<std::string, std::string>& opt) {
    const auto server = opt.find("server");
    const auto code = opt.find("code");
    if (server == opt.end() || code == opt.end()) {
        return usage();
    }
    TransportConfig config;
    config.base_url = server->second;
    if (const auto it = opt.find("ca-file"); it != opt.end()) {
        config.ca_file = it->second;
    }
    if (const auto it = opt.find("pin"); it != opt.end()) {
        config.pinned_public_key = it->second;
    }
    if (auto s = enroll(db, config, code->second); !s) {
        return fail(s.error());
    }
    auto st = read_status(db);
    std::cout << "enrolled device " << (st ? st->device_id.value_or("?") : "?") << " with "
              << config.base_url << (st && st->centre ? " for centre \"" + *st->centre + "\"" : "")
              << "\n";
    return 0;
}

int cmd_status(store::Database& db) {
    auto st = read_status(db);
    if (!st) {
        return fail(st.error());
    }
    std::cout << "device: " << st->device_id.value_or("(none yet)") << "\n"
              << "server: " << st->server_url.value_or("(none)") << "\n"
              << "enrolled: " << (st->enrolled ? "yes" : "no")
              << (st->enrolment_needed ? " (refused by the server: enrolment needed)" : "") << "\n"
              << "queued: " << st->queue.queued << "\n"
              << "sending: " << st->queue.sending << "\n"
              << "rejected: " << st->queue.rejected << "\n"
              << "acked, kept for a server restore: " << st->queue.acked << "\n"
              << "server epoch: " << st->epoch.value_or("(none yet)") << "\n"
              << "offers: " << st->offers << "\n"
              << "cursor: " << st->cursor << "\n"
              << "last success: "
              << (st->last_success ? std::to_string(*st->last_success) : std::string("never"))
              << "\n"
              << "last error: " << st->last_error.value_or("none") << "\n";
    return st->enrolment_needed ? kExitEnrolmentNeeded : 0;
}

int cmd_run(const std::string& db_path, const std::map<std::string, std::string>& opt) {
    DaemonOptions options;
    if (const auto it = opt.find("period"); it != opt.end()) {
        try {
            options.period = Millis{std::stoll(it->second) * 1000};
        } catch (const std::exception&) {
            return usage();
        }
        if (options.period <= Millis{0}) {
            return usage();
        }
    }
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    ::signal(SIGPIPE, SIG_IGN);
    const SystemClock clock;
    core::SystemRandom random;
    auto s = run_daemon(
        db_path, options, clock, random, g_stop, [](const PassOutcome& out, Millis next_in) {
            print_pass(out);
            std::cout << "next pass in " << next_in.count() / 1000 << " s" << std::endl;
        });
    if (!s) {
        return fail(s.error());
    }
    std::cout << "stopped" << std::endl;
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        return usage();
    }
    const std::string command = argv[1];
    std::map<std::string, std::string> opt;
    for (int i = 2; i < argc; i += 2) {  // --name value pairs
        if (std::strncmp(argv[i], "--", 2) != 0 || i + 1 >= argc) {
            return usage();
        }
        opt[argv[i] + 2] = argv[i + 1];
    }
    const auto db_it = opt.find("db");
    if (db_it == opt.end()) {
        std::cerr << "kiosk-sync: --db PATH is required (the kiosk's database file)\n";
        return usage();
    }
    if (command == "run") {
        return cmd_run(db_it->second, opt);
    }
    auto db = store::Database::open(db_it->second);
    if (!db) {
        return fail(db.error());
    }
    if (command == "enroll") {
        return cmd_enroll(*db, opt);
    }
    if (command == "status") {
        return cmd_status(*db);
    }
    if (command == "once") {
        auto lock = WorkerLock::acquire(*db);
        if (!lock) {
            return fail(lock.error());
        }
        const SystemClock clock;
        SyncWorker worker(*db, clock);
        const PassOutcome out = worker.run_pass();
        print_pass(out);
        return exit_for(out);
    }
    return usage();
}

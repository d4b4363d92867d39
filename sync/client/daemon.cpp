// The daemon loop's triggers and backoff (daemon.hpp).
#include "sync/client/daemon.hpp"

#include <algorithm>
#include <thread>

#include "kiosk/store/sqlite.hpp"

namespace kiosk::sync::client {
namespace {

constexpr Millis kSleepSlice{100};  // how soon a stop request is noticed while idle

// PRAGMA data_version on a connection changes when another connection commits.
std::int64_t data_version(store::Database& watcher) {
    auto v = store::query_int64(watcher.handle(), "PRAGMA data_version");
    return v ? *v : -1;
}

}  // namespace

Status run_daemon(const std::filesystem::path& db_file, const DaemonOptions& options,
                  const Clock& clock, core::Random& random, const std::atomic<bool>& stop,
                  const std::function<void(const PassOutcome&, Millis next_in)>& on_pass) {
    auto db = store::Database::open(db_file);
    if (!db) {
        return db.error();
    }
    auto lock = WorkerLock::acquire(*db);
    if (!lock) {
        return lock.error();
    }
    // The watcher is a second connection, so the worker's own commits also show up there;
    // the version is re-read after each pass so they do not trigger another one.
    auto watcher = store::Database::open(db_file);
    if (!watcher) {
        return watcher.error();
    }
    TransportConfig transport = options.transport;
    transport.cancel = &stop;
    SyncWorker worker(*db, clock, transport, options.worker);
    Backoff backoff(options.backoff, random);

    Millis next_due = clock.monotonic();
    bool backing_off = false;
    std::int64_t seen = data_version(*watcher);
    Millis next_poll = clock.monotonic();
    while (!stop.load()) {
        const Millis now = clock.monotonic();
        if (now >= next_poll) {
            next_poll = now + options.poll;
            const std::int64_t v = data_version(*watcher);
            if (v != seen) {
                seen = v;
                if (!backing_off) {
                    next_due = now;
                }
            }
        }
        if (now >= next_due) {
            const PassOutcome out = worker.run_pass();
            seen = data_version(*watcher);
            Millis wait = options.period;
            if (out.ok || out.verdict == Verdict::enrolment_needed) {
                // Enrolment needed: nothing to retry until staff act; re-enrolment is a commit,
                // which wakes the loop through data_version.
                backoff.reset();
                backing_off = false;
            } else if (stop.load()) {
                break;
            } else {
                // The backoff may exceed the period: after an outage, kiosks must not all come
                // back every minute in step.
                wait = backoff.next_delay(out.retry_after);
                backing_off = true;
            }
            next_due = clock.monotonic() + wait;
            if (on_pass) {
                on_pass(out, wait);
            }
            continue;
        }
        const Millis until = std::min(next_due, next_poll) - clock.monotonic();
        std::this_thread::sleep_for(std::clamp(until, Millis{1}, kSleepSlice));
    }
    return Ok{};
}

}  // namespace kiosk::sync::client

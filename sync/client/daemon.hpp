// kiosk-sync's daemon loop: when to run a sync pass (DESIGN.md, "Triggers"; FIELD-NOTES, sync
// failure mode 1: a queue must drain even when nothing new is written).
//
// Triggers, checked every `poll` (default 1 s):
//   1. at start;
//   2. a new commit by another connection (the UI queued a record): PRAGMA data_version on the
//      daemon's own read connection changes; cheap, no file watching. Ignored while backing off;
//   3. the periodic timer (default 60 s) after the last pass, whatever happened: it always
//      re-checks the outbox;
//   4. after a failed pass, the backoff delay (Retry-After honoured).
// Stops within one poll interval (and aborts a transfer in progress) once `stop` is set.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/random.hpp"
#include "kiosk/core/result.hpp"
#include "sync/client/backoff.hpp"
#include "sync/client/client.hpp"

namespace kiosk::sync::client {

struct DaemonOptions {
    Millis period{60'000};
    Millis poll{1'000};
    BackoffConfig backoff;
    WorkerOptions worker;
    TransportConfig transport;  // timeouts and limits; URL and TLS options come from settings
};

// Runs passes on the database at `db_file` until `stop` is true. on_pass (optional) sees each
// pass's outcome, e.g. to log it. Errors: the database cannot be opened.
Status run_daemon(const std::filesystem::path& db_file, const DaemonOptions& options,
                  const Clock& clock, core::Random& random, const std::atomic<bool>& stop,
                  const std::function<void(const PassOutcome&, Millis next_in)>& on_pass = {});

}  // namespace kiosk::sync::client

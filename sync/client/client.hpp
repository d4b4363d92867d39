// The kiosk's side of the sync protocol (sync/README.md): the device identity, enrolment, one
// sync pass (drain the outbox, then read the change feed), and the status staff see.
//
// Where things live: the pull cursor, server epoch and job offers in the store's sync_state and
// job_offers tables (kiosk/store/sync_state.hpp); device id, server URL, bearer token, centre,
// TLS options, the "enrolment needed" flag and last success / last error in the `settings` table
// (keys in namespace `keys` below). The device's Ed25519 secret key is a file
// next to the database, mode 0600 (sync/README.md, "Before enrolment").
//
// A pass, in order:
//   P1 recover_after_crash (first pass of a worker only: rows a killed worker left `sending`).
//   P2 claim a batch (≤ max_records, ≤ max_bytes), sign each record (device_seq is known now),
//      POST /v1/push. Per record: created/duplicate → mark_acked; rejected → mark_rejected
//      (reason kept); retry_later or no ack for that exact id → release. Only a 2xx that decodes
//      strictly as a PushResponse acks anything. Pipelined: up to max_in_flight batches are on
//      the wire at once (one connection each) while the next is claimed and signed; replies are
//      settled in the order sent; a prepared batch that is not sent goes back to `queued`
//      untouched (store::unclaim). So at most max_in_flight + 1 batches are `sending`.
//   P3 413 or a timeout halves the batch (a single record that still gets 413 is dead-lettered);
//      each success doubles it back up to the normal size.
//   P4 GET /v1/changes from the stored cursor; each page's offers and its cursor commit in one
//      transaction; 410 → cursor "0"; a new epoch → cursor "0" and offers re-read from scratch.
//   Epoch change (seen in a push reply or a page): the server was restored from a backup or
//      recreated, so acked and rejected records are requeued (store::requeue_for_new_epoch) and
//      pushed again; the server answers `duplicate` for those it still holds. A change first seen
//      while pulling triggers a second push in the same pass.
//   P5 purge acked records beyond WorkerOptions::acked_retention: during the pass in the
//      transaction of an ack (once store::kPurgeSliceRows were acked since the last purge), the
//      rest at its end in slices; then checkpoint the WAL so purged sealed bodies leave it too.
//   P2-P5 commit with synchronous=NORMAL on the worker's connection (the UI's stays FULL): a
//      power cut can only take the database back to an earlier moment of the pass, which costs
//      re-sends the server answers `duplicate`; the argument is at RelaxedDurability in
//      client.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/result.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/store/outbox.hpp"
#include "sync/client/transport.hpp"
#include "sync/protocol/envelope.hpp"

namespace kiosk::sync::client {

namespace keys {
inline constexpr std::string_view kDeviceId = "sync.device_id";
inline constexpr std::string_view kServerUrl = "sync.server_url";
inline constexpr std::string_view kToken = "sync.token";
inline constexpr std::string_view kCentre = "sync.centre";
inline constexpr std::string_view kCaFile = "sync.ca_file";
inline constexpr std::string_view kPinnedKey = "sync.pinned_public_key";
inline constexpr std::string_view kEnrolmentNeeded = "sync.enrolment_needed";  // bool
inline constexpr std::string_view kLastSuccess = "sync.last_success";          // unix seconds
inline constexpr std::string_view kLastError = "sync.last_error";              // "code: message"
}  // namespace keys

// [SECTION] Identity

struct Identity {
    std::string device_id;  // 32 hex
    SignKeyPair key;
};

// Where the device key lives: "device.key" next to the database file.
std::filesystem::path device_key_path(const store::Database& db);

// The device id and Ed25519 pair, made at first use and kept from then on. Error
// "sync.identity_lost" when the id exists but its key file is gone or unreadable (records
// signed with a new key would be refused by the server; staff must re-enrol the kiosk).
Result<Identity> ensure_identity(store::Database& db);

// [SECTION] Enrolment

// TLS options and the server URL from settings over `base` (timeouts, limits).
Result<TransportConfig> transport_config_from(store::Database& db, TransportConfig base = {});

// POST /v1/enroll with a one-time code; stores the server URL, token, centre and epoch and clears
// "enrolment needed". base.base_url is the server. Errors: the server's code ("enrol.bad_code",
// "enrol.device_exists"), "sync.bad_reply", transport codes.
Status enroll(store::Database& db, const TransportConfig& base, std::string_view code);

// [SECTION] One worker per database

// outbox.hpp invariant 5: only one sync worker may run per database (a second one's
// recover_after_crash would hand out rows the first is sending). An exclusive flock on
// "sync.lock" next to the database, released when this object dies (or the process does, even
// by kill -9). Error "sync.busy" when another worker holds it.
class WorkerLock {
  public:
    static Result<WorkerLock> acquire(const store::Database& db);
    WorkerLock(WorkerLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    WorkerLock& operator=(WorkerLock&&) = delete;
    WorkerLock(const WorkerLock&) = delete;
    WorkerLock& operator=(const WorkerLock&) = delete;
    ~WorkerLock();

  private:
    explicit WorkerLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

// [SECTION] Sync passes

struct WorkerOptions {
    std::size_t max_records = 100;
    std::size_t max_bytes = 256 * 1024;
    // Batches on the wire at once, each on its own connection (P2): with 2 the gzip and upload
    // of one overlap the server's work on the other. 1: one at a time.
    std::size_t max_in_flight = 2;
    std::size_t page_limit = 100;
    std::size_t max_pages_per_pass = 1000;  // bounds one pass after a very long absence
    // Acked records kept for a server restore (outbox.hpp invariant 3).
    std::size_t acked_retention = store::kDefaultAckedRetention;
    // The pass's own commits at synchronous=NORMAL (RelaxedDurability in client.cpp). false:
    // FULL throughout, an fsync per claim and per ack, as before; sync_client_bench uses it to
    // measure a naive client.
    bool relaxed_durability = true;
};

struct PassReport {
    std::size_t acked = 0;
    std::size_t rejected = 0;
    std::size_t released = 0;
    std::size_t batches = 0;
    std::size_t pages = 0;
    std::size_t upserts = 0;
    std::size_t tombstones = 0;
    bool epoch_changed = false;
};

struct PassOutcome {
    bool ok = false;
    Verdict verdict = Verdict::ok;  // why it stopped when !ok
    Error error;
    std::optional<Millis> retry_after;
    PassReport report;
};

class HttpThread;  // client.cpp: HTTP requests on a thread that owns its curl handle

// Drives passes for one kiosk database from one thread; each pass does its HTTP on threads of its
// own, each owning its curl handle (up to WorkerOptions::max_in_flight for the push), so the next
// batch is claimed and signed while others are on the wire.
class SyncWorker {
  public:
    // `transport` supplies timeouts and limits; URL and TLS options are read from settings at
    // each pass (re-enrolment may change them).
    SyncWorker(store::Database& db, const Clock& clock, TransportConfig transport = {},
               WorkerOptions options = {});

    PassOutcome run_pass();

    // Current batch size (halved after 413/timeouts, doubled back after successes).
    std::size_t batch_records() const { return batch_records_; }

  private:
    // A claimed batch, signed and encoded, not sent yet.
    struct Prepared {
        std::vector<std::string> ids;  // in the order of the records in body
        RequestBody body;              // the PushBatch as JSON, gzip when large
    };
    // What became of a batch that was sent: kNext (settled, go on), kResized (given back after a
    // 413, the batch size changed), kStop (the pass stops; its outcome is set).
    enum class Settled { kNext, kResized, kStop };

    PassOutcome push(HttpThread& http, const TransportConfig& config, const Identity& identity,
                     const std::string& token);
    Result<std::optional<Prepared>> prepare(const Identity& identity, const TransportConfig& config,
                                            PassReport& report);
    Settled settle(const std::vector<std::string>& ids, const Reply& reply, PassReport& report,
                   PassOutcome& failure);
    PassOutcome pull(HttpThread& http, const std::string& token);
    void shrink();
    void grow();

    store::Database& db_;
    const Clock& clock_;
    TransportConfig transport_base_;
    WorkerOptions options_;
    bool recovered_ = false;
    std::size_t unpurged_ = 0;  // records acked since the last purge (P5)
    std::size_t batch_records_;
    std::size_t batch_bytes_;
};

// [SECTION] Status

struct SyncStatus {
    std::optional<std::string> device_id;
    std::optional<std::string> server_url;
    std::optional<std::string> centre;
    bool enrolled = false;
    bool enrolment_needed = false;
    std::optional<std::string> epoch;
    std::string cursor;  // "0" when none
    store::OutboxCounts queue;
    std::optional<std::int64_t> last_success;  // unix seconds
    std::optional<std::string> last_error;
    std::int64_t offers = 0;
};
Result<SyncStatus> read_status(store::Database& db);

// One job offer as last pulled (canonical JSON); nullopt when absent or withdrawn.
Result<std::optional<std::string>> stored_offer(store::Database& db, std::string_view id);

}  // namespace kiosk::sync::client

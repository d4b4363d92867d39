// The outbox: records (sealed bodies) waiting to reach the central server, and the state machine
// the sync worker drives them through. Order is device_seq (a counter in the database), never a
// clock.
//
//                T1 enqueue (submit_registration / enqueue_record)
//                              |
//                              v
//        +---------------->  queued  <------------------------------------------+
//        |                     |                                                  |
//        |                     | T2 claim_batch (device_seq order, within a       | T7 requeue_
//        |                     v    byte budget)                                  |  for_new_epoch
//        +-- T5 release ---- sending ---- T4 mark_rejected ---->  rejected -------+  (server
//        |   (no final         |  |                               (kept for staff |   restored:
//        |    answer)          |  |                                with the       |   new epoch)
//        +-- T6 recover -------+  | T3 mark_acked                  server's reason)|
//        |   after crash       |  v (created or duplicate)                        |
//        +-- T5b unclaim ------+ acked ------------------------------------------+
//            (claimed, never      |
//             sent)               |
//                                 | T8 purge_acked (all but the newest keep_last_n acked rows,
//                                 |    in slices; secure_delete on, then a WAL checkpoint), or a
//                                 v    slice of it with T3 (mark_acked_and_purge)
//                              (purged: the row and its sealed body are gone)
//
// Invariants:
//   1. Every transition is one SQLite transaction: a crash leaves each row in exactly one state.
//   2. Only the sync worker moves rows out of `queued`/`sending`/`acked`; the UI only enqueues.
//   3. Acked rows keep their sealed body (never readable here) for a bounded window: the newest
//      kDefaultAckedRetention acked records by device_seq. If the central server is restored from
//      an older backup it reports a new epoch, and T7 sends them again; the server answers
//      `duplicate` for what it still has and `created` for what the restore lost. Records purged
//      before the restore cannot be recovered: the window must cover the backup interval.
//   4. T3, T4, T5 and T5b apply only to rows in `sending`; others are left alone (an ack for a
//      row already purged, say, is counted out, not an error).
//   5. T6 is called by the sync worker itself when it starts, before its first claim_batch
//      (and by nobody else: run while a worker is sending, it would hand the same rows out
//      twice). The server's per-record idempotence makes a re-send after a crash harmless.
//   6. T7 leaves `queued` and `sending` rows alone; rejected rows are retried because the
//      restored server may judge them differently (their reason is cleared).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.hpp"
#include "kiosk/store/database.hpp"

namespace kiosk::store {

enum class OutboxState { Queued, Sending, Acked, Rejected };

// The text stored in outbox.state: "queued", "sending", "acked", "rejected".
std::string_view to_string(OutboxState state);
std::optional<OutboxState> parse_outbox_state(std::string_view text);

// What the sync client pushes: one element of POST /v1/push.
struct OutboxRecord {
    std::string record_id;
    std::int64_t device_seq = 0;
    std::string kind;  // "registration", "interest", ...
    int schema = 0;    // version of the body's format
    std::int64_t created_at_device = 0;
    std::vector<std::uint8_t> body;  // sealed by the caller at submit time; opaque here
    int attempts = 0;                // earlier sends that got no final answer
};

// A dead-lettered record, for the staff screen. No body: staff cannot read it anyway.
struct RejectedRecord {
    std::string record_id;
    std::int64_t device_seq = 0;
    std::string kind;
    int schema = 0;
    std::int64_t created_at_device = 0;
    int attempts = 0;
    std::string reason;            // the server's reason
    std::int64_t rejected_at = 0;  // unix seconds; recorded only
};

struct OutboxCounts {
    std::int64_t queued = 0;
    std::int64_t sending = 0;
    std::int64_t rejected = 0;
    std::int64_t acked = 0;  // kept for a possible server restore (invariant 3)
};

// How many acked records the sync worker keeps (invariant 3). At roughly 2 KiB of sealed body
// each this is about 20 MiB at most: far more than a centre registers between two server backups.
inline constexpr std::size_t kDefaultAckedRetention = 10'000;

// T1's shared part: takes the next device_seq from sync_state and inserts a `queued` row.
// Must be called inside the caller's transaction (asserted), so the record and whatever else the
// caller writes commit together. Arguments are validated by the caller.
struct NewOutboxRecord {
    std::string_view kind;
    std::string_view record_id;
    int schema = 0;
    std::int64_t created_at_device = 0;
    std::span<const std::uint8_t> body;
};
Result<std::int64_t> insert_queued_in_transaction(Database& db, const NewOutboxRecord& record);

// T2: moves the oldest queued records (device_seq order) to `sending` and returns them. At most
// `max_records` (> 0) records and at most `max_bytes` of body in total, except that the first
// queued record is always returned even if it alone is larger (the server then answers 413 and
// the client rejects it). Empty when nothing is queued.
Result<std::vector<OutboxRecord>> claim_batch(Database& db, std::size_t max_records,
                                              std::size_t max_bytes);

// T3: the server stored these records (created or duplicate): they become `acked` and keep their
// body until T8. Returns how many rows moved (ids not in `sending` are skipped).
Result<std::size_t> mark_acked(Database& db, std::span<const std::string> record_ids);

// T3 followed by a slice of T8 in the same transaction: the sync worker's ack during a pass.
// After acking, deletes the oldest acked rows beyond the newest `keep_last_n`, at most
// `max_purged` of them (none when nothing was acked). Purging as the acks come keeps each of the
// worker's transactions short; one purge of tens of thousands of rows at the end of a long pass
// held the write lock for hundreds of milliseconds while the UI waited to save.
struct AckedAndPurged {
    std::size_t acked = 0;
    std::size_t purged = 0;
};
Result<AckedAndPurged> mark_acked_and_purge(Database& db, std::span<const std::string> record_ids,
                                            std::size_t keep_last_n, std::size_t max_purged);

// T4: the server refused this record for good. `reason` is kept for staff (no personal data).
// store.wrong_state if the record is not in `sending` (unknown ids included).
Status mark_rejected(Database& db, std::string_view record_id, std::string_view reason);

// T5: no final answer for these records (network error, 5xx, retry_later): back to `queued`,
// attempts+1, last_error = `error`. Returns how many rows moved.
Result<std::size_t> release(Database& db, std::span<const std::string> record_ids,
                            std::string_view error);

// T5b: records the worker claimed but never sent (it claims and signs the next batch while the
// previous one is on the wire, and drops that batch when the pass stops or the batch size
// changes): back to `queued` as if never claimed (attempts and last_error unchanged). Returns
// how many rows moved.
Result<std::size_t> unclaim(Database& db, std::span<const std::string> record_ids);

// T6: every `sending` row back to `queued` (attempts unchanged: the answer is unknown). Called by
// the sync worker at start-up, see invariant 5. Returns how many rows moved.
Result<std::size_t> recover_after_crash(Database& db);

// T7: the server's epoch changed (it was restored or recreated): every `acked` and `rejected` row
// back to `queued` (last_error cleared, attempts unchanged). Returns how many rows moved.
Result<std::size_t> requeue_for_new_epoch(Database& db);

// T8: deletes all acked rows except the newest `keep_last_n` (by device_seq), oldest first, in
// transactions of at most kPurgeSliceRows rows (each row goes in exactly one), then checkpoints
// the WAL (best effort: a busy reader postpones it to the worker's next checkpoint) so the deleted
// sealed bodies leave it too. Returns how many rows were purged.
inline constexpr std::size_t kPurgeSliceRows = 256;  // a few ms of secure_delete here
Result<std::size_t> purge_acked(Database& db, std::size_t keep_last_n);

Result<OutboxCounts> counts(Database& db);

// Rejected records, oldest first.
Result<std::vector<RejectedRecord>> list_rejected(Database& db);

}  // namespace kiosk::store

// The outbox state machine's transitions (diagram and invariants in outbox.hpp).
#include "kiosk/store/outbox.hpp"

#include <algorithm>
#include <cassert>
#include <limits>

#include "kiosk/store/sqlite.hpp"

namespace kiosk::store {

namespace {

std::size_t changes(Database& db) {
    return static_cast<std::size_t>(sqlite3_changes64(db.handle()));
}

// Runs `sql` once per id (bound as parameter 1 after `bind_rest`) in the caller's transaction
// and returns the number of rows changed in total.
template <typename BindRest>
Result<std::size_t> run_for_each_id(Database& db, std::string_view sql,
                                    std::span<const std::string> record_ids, BindRest bind_rest) {
    auto stmt = Statement::prepare(db.handle(), sql);
    if (!stmt) {
        return stmt.error();
    }
    std::size_t changed = 0;
    for (const std::string& id : record_ids) {
        stmt->bind(1, std::string_view(id));
        bind_rest(*stmt);
        if (auto ran = stmt->run(); !ran) {
            return ran.error();
        }
        changed += changes(db);
        stmt->reset();
    }
    return changed;
}

// The same in a transaction of its own.
template <typename BindRest>
Result<std::size_t> for_each_id(Database& db, std::string_view sql,
                                std::span<const std::string> record_ids, BindRest bind_rest) {
    if (record_ids.empty()) {
        return std::size_t{0};
    }
    return in_transaction<std::size_t>(
        db, [&] { return run_for_each_id(db, sql, record_ids, bind_rest); });
}

// The columns OutboxRecord and RejectedRecord share, selected first and in this order.
#define KIOSK_OUTBOX_COMMON_COLUMNS \
    "record_id, device_seq, kind, schema, created_at_device, attempts"

template <typename Record>
void read_common_columns(const Statement& row, Record& record) {
    record.record_id = row.column_text(0);
    record.device_seq = row.column_int64(1);
    record.kind = row.column_text(2);
    record.schema = row.column_int(3);
    record.created_at_device = row.column_int64(4);
    record.attempts = row.column_int(5);
}

}  // namespace

std::string_view to_string(OutboxState state) {
    switch (state) {
        case OutboxState::Queued:
            return "queued";
        case OutboxState::Sending:
            return "sending";
        case OutboxState::Acked:
            return "acked";
        case OutboxState::Rejected:
            return "rejected";
    }
    assert(false && "to_string: not an OutboxState");
    return "";
}

std::optional<OutboxState> parse_outbox_state(std::string_view text) {
    for (OutboxState state :
         {OutboxState::Queued, OutboxState::Sending, OutboxState::Acked, OutboxState::Rejected}) {
        if (text == to_string(state)) {
            return state;
        }
    }
    return std::nullopt;
}

// T1 (shared part).
Result<std::int64_t> insert_queued_in_transaction(Database& db, const NewOutboxRecord& record) {
    assert(sqlite3_get_autocommit(db.handle()) == 0 &&
           "insert_queued_in_transaction outside a transaction");
    auto seq = query_int64(db.handle(),
                           "UPDATE sync_state SET next_device_seq = next_device_seq + 1 "
                           "WHERE id = 1 RETURNING next_device_seq - 1");
    if (!seq) {
        return seq.error();
    }
    auto insert = Statement::prepare(
        db.handle(),
        "INSERT INTO outbox (record_id, device_seq, kind, schema, created_at_device, body, state, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', unixepoch())");
    if (!insert) {
        return insert.error();
    }
    insert->bind(1, record.record_id)
        .bind(2, *seq)
        .bind(3, record.kind)
        .bind(4, std::int64_t{record.schema})
        .bind(5, record.created_at_device)
        .bind(6, record.body);
    if (auto ran = insert->run(); !ran) {
        return ran.error();
    }
    return *seq;
}

// T2
namespace {

// Reads the oldest queued records within the limits (the caller holds the write transaction).
Result<std::vector<OutboxRecord>> select_batch(Database& db, std::size_t max_records,
                                               std::size_t max_bytes) {
    auto select =
        Statement::prepare(db.handle(), "SELECT " KIOSK_OUTBOX_COMMON_COLUMNS
                                        ", length(body), body FROM outbox "
                                        "WHERE state = 'queued' ORDER BY device_seq LIMIT ?");
    if (!select) {
        return select.error();
    }
    select->bind(1, static_cast<std::int64_t>(max_records));
    std::vector<OutboxRecord> batch;
    std::size_t total_bytes = 0;
    const Statement& row = *select;
    auto selected = for_each_row(*select, [&] {
        const auto size = static_cast<std::size_t>(row.column_int64(6));
        // The first record always goes, so one oversized record cannot stall the queue here.
        if (!batch.empty() && total_bytes + size > max_bytes) {
            return false;
        }
        total_bytes += size;
        OutboxRecord record;
        read_common_columns(row, record);
        record.body = row.column_blob(7);  // only read for records that are taken
        batch.push_back(std::move(record));
        return true;
    });
    if (!selected) {
        return selected.error();
    }
    return batch;
}

}  // namespace

Result<std::vector<OutboxRecord>> claim_batch(Database& db, std::size_t max_records,
                                              std::size_t max_bytes) {
    assert(max_records > 0 && "claim_batch: max_records must be positive");
    using Batch = std::vector<OutboxRecord>;
    return in_transaction<Batch>(db, [&]() -> Result<Batch> {
        auto batch = select_batch(db, max_records, max_bytes);
        if (!batch || batch->empty()) {
            return batch;
        }
        // The batch is exactly the queued rows up to its last device_seq (same transaction).
        auto update =
            Statement::prepare(db.handle(),
                               "UPDATE outbox SET state = 'sending', updated_at = unixepoch() "
                               "WHERE state = 'queued' AND device_seq <= ?");
        if (!update) {
            return update.error();
        }
        update->bind(1, batch->back().device_seq);
        if (auto ran = update->run(); !ran) {
            return ran.error();
        }
        assert(changes(db) == batch->size() && "claim_batch: claimed rows differ from the batch");
        return batch;
    });
}

namespace {

constexpr std::string_view kMarkAcked =
    "UPDATE outbox SET state = 'acked', last_error = NULL, "
    "updated_at = unixepoch() WHERE record_id = ? AND state = 'sending'";

// T8's work inside the caller's transaction: the oldest acked rows beyond the newest
// `keep_last_n`, at most `max_rows` of them. The (keep_last_n + 1)-th newest acked row is found
// on the (state, device_seq) index (a walk of keep_last_n entries, ~0.3 ms for 10,000 here);
// with fewer acked rows than that it is NULL and nothing goes.
Result<std::size_t> purge_oldest_acked(Database& db, std::size_t keep_last_n,
                                       std::size_t max_rows) {
    auto purge = Statement::prepare(
        db.handle(),
        "DELETE FROM outbox WHERE rowid IN (SELECT rowid FROM outbox WHERE state = 'acked' AND "
        "device_seq <= (SELECT device_seq FROM outbox WHERE state = 'acked' "
        "ORDER BY device_seq DESC LIMIT 1 OFFSET ?1) ORDER BY device_seq LIMIT ?2)");
    if (!purge) {
        return purge.error();
    }
    purge->bind(1, static_cast<std::int64_t>(keep_last_n))
        .bind(2, static_cast<std::int64_t>(
                     std::min<std::size_t>(max_rows, std::numeric_limits<std::int64_t>::max())));
    if (auto ran = purge->run(); !ran) {
        return ran.error();
    }
    return changes(db);
}

}  // namespace

// T3 (the row and its sealed body stay until T8).
Result<std::size_t> mark_acked(Database& db, std::span<const std::string> record_ids) {
    return for_each_id(db, kMarkAcked, record_ids, [](Statement&) {});
}

// T3, then T8 for at most max_purged rows, in one transaction.
Result<AckedAndPurged> mark_acked_and_purge(Database& db, std::span<const std::string> record_ids,
                                            std::size_t keep_last_n, std::size_t max_purged) {
    if (record_ids.empty()) {
        return AckedAndPurged{};
    }
    return in_transaction<AckedAndPurged>(db, [&]() -> Result<AckedAndPurged> {
        AckedAndPurged done;
        auto acked = run_for_each_id(db, kMarkAcked, record_ids, [](Statement&) {});
        if (!acked) {
            return acked.error();
        }
        done.acked = *acked;
        if (done.acked > 0 && max_purged > 0) {
            auto purged = purge_oldest_acked(db, keep_last_n, max_purged);
            if (!purged) {
                return purged.error();
            }
            done.purged = *purged;
        }
        return done;
    });
}

// T4
Status mark_rejected(Database& db, std::string_view record_id, std::string_view reason) {
    auto update = Statement::prepare(
        db.handle(),
        "UPDATE outbox SET state = 'rejected', attempts = attempts + 1, last_error = ?, "
        "updated_at = unixepoch() WHERE record_id = ? AND state = 'sending'");
    if (!update) {
        return update.error();
    }
    update->bind(1, reason).bind(2, record_id);
    if (auto ran = update->run(); !ran) {
        return ran.error();
    }
    if (changes(db) == 0) {
        return make_error(errc::kWrongState, "cannot reject record " + std::string(record_id) +
                                                 ": it is not being sent");
    }
    return Ok{};
}

// T5
Result<std::size_t> release(Database& db, std::span<const std::string> record_ids,
                            std::string_view error) {
    return for_each_id(db,
                       "UPDATE outbox SET state = 'queued', attempts = attempts + 1, "
                       "last_error = ?2, updated_at = unixepoch() "
                       "WHERE record_id = ?1 AND state = 'sending'",
                       record_ids, [error](Statement& stmt) { stmt.bind(2, error); });
}

// T5b
Result<std::size_t> unclaim(Database& db, std::span<const std::string> record_ids) {
    return for_each_id(db,
                       "UPDATE outbox SET state = 'queued', updated_at = unixepoch() "
                       "WHERE record_id = ? AND state = 'sending'",
                       record_ids, [](Statement&) {});
}

// T6
Result<std::size_t> recover_after_crash(Database& db) {
    if (auto ran = db.exec("UPDATE outbox SET state = 'queued', updated_at = unixepoch() "
                           "WHERE state = 'sending'");
        !ran) {
        return ran.error();
    }
    return changes(db);
}

// T7
Result<std::size_t> requeue_for_new_epoch(Database& db) {
    if (auto ran = db.exec("UPDATE outbox SET state = 'queued', last_error = NULL, "
                           "updated_at = unixepoch() WHERE state IN ('acked', 'rejected')");
        !ran) {
        return ran.error();
    }
    return changes(db);
}

// T8, one slice per transaction so that a writer on another connection (the UI) waits for one
// slice at most, never for the whole purge.
Result<std::size_t> purge_acked(Database& db, std::size_t keep_last_n) {
    std::size_t purged = 0;
    for (;;) {
        auto slice = in_transaction<std::size_t>(
            db, [&] { return purge_oldest_acked(db, keep_last_n, kPurgeSliceRows); });
        if (!slice) {
            return slice.error();
        }
        purged += *slice;
        if (*slice < kPurgeSliceRows) {
            break;
        }
    }
    // secure_delete zeroes the freed pages in the database; the WAL still holds their old images
    // until it is checkpointed and truncated. The deletes have committed, so a checkpoint blocked
    // by a reader is not a failure of the purge: the sync worker checkpoints after every pass.
    if (purged > 0) {
        (void)db.checkpoint();
    }
    return purged;
}

Result<OutboxCounts> counts(Database& db) {
    auto select =
        Statement::prepare(db.handle(), "SELECT state, count(*) FROM outbox GROUP BY state");
    if (!select) {
        return select.error();
    }
    OutboxCounts result;
    const Statement& row = *select;
    auto selected = for_each_row(*select, [&] {
        const auto state = parse_outbox_state(row.column_text(0));
        assert(state && "outbox.state holds a value the CHECK constraint should refuse");
        const std::int64_t n = row.column_int64(1);
        switch (*state) {
            case OutboxState::Queued:
                result.queued = n;
                break;
            case OutboxState::Sending:
                result.sending = n;
                break;
            case OutboxState::Rejected:
                result.rejected = n;
                break;
            case OutboxState::Acked:
                result.acked = n;
                break;
        }
        return true;
    });
    if (!selected) {
        return selected.error();
    }
    return result;
}

Result<std::vector<RejectedRecord>> list_rejected(Database& db) {
    auto select =
        Statement::prepare(db.handle(), "SELECT " KIOSK_OUTBOX_COMMON_COLUMNS
                                        ", coalesce(last_error, ''), updated_at "
                                        "FROM outbox WHERE state = 'rejected' ORDER BY device_seq");
    if (!select) {
        return select.error();
    }
    std::vector<RejectedRecord> rejected;
    const Statement& row = *select;
    auto selected = for_each_row(*select, [&] {
        RejectedRecord record;
        read_common_columns(row, record);
        record.reason = row.column_text(6);
        record.rejected_at = row.column_int64(7);
        rejected.push_back(std::move(record));
        return true;
    });
    if (!selected) {
        return selected.error();
    }
    return rejected;
}

#undef KIOSK_OUTBOX_COMMON_COLUMNS

}  // namespace kiosk::store

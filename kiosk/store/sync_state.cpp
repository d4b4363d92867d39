// The pull cursor, server epoch and job offers (sync_state.hpp).
#include "kiosk/store/sync_state.hpp"

#include <unordered_map>
#include <vector>

#include "kiosk/store/job_index.hpp"
#include "kiosk/store/sqlite.hpp"

namespace kiosk::store {

namespace {

Status run_with_text(Database& db, std::string_view sql, std::string_view text) {
    auto stmt = Statement::prepare(db.handle(), sql);
    if (!stmt) {
        return stmt.error();
    }
    return stmt->bind(1, text).run();
}

// Every offer dropped, with its search index (emptied first, at once: the delete triggers then
// find nothing to take apart); the caller holds the transaction.
Status drop_all_offers_in_transaction(Database& db) {
    if (auto s = clear_offer_index_in_transaction(db); !s) {
        return s;
    }
    return db.exec("DELETE FROM job_offers");
}

// Cursor back to the start and every offer dropped; the caller holds the transaction.
Status clear_offers_in_transaction(Database& db) {
    if (auto s = drop_all_offers_in_transaction(db); !s) {
        return s;
    }
    return run_with_text(db, "UPDATE sync_state SET pull_cursor = ? WHERE id = 1", kCursorStart);
}

}  // namespace

Result<SyncState> read_sync_state(Database& db) {
    auto select = first_row(
        db.handle(),
        "SELECT pull_cursor, server_epoch, (SELECT count(*) FROM job_offers) FROM sync_state "
        "WHERE id = 1");
    if (!select) {
        return select.error();
    }
    SyncState state;
    state.pull_cursor = select->column_text(0);
    state.server_epoch = select->column_optional_text(1);
    state.offers = select->column_int64(2);
    return state;
}

Status apply_offer_page(Database& db, std::span<const JobOffer> upserts,
                        std::span<const std::string> tombstones, std::string_view next_cursor,
                        std::string_view epoch) {
    if (next_cursor.empty() || epoch.empty()) {
        return make_error(errc::kInvalidArgument, "an offer page needs a cursor and an epoch");
    }
    for (const JobOffer& offer : upserts) {
        if (offer.id.empty()) {
            return make_error(errc::kInvalidArgument, "an offer page holds an offer without id");
        }
    }
    // Each offer is indexed as the page leaves it: its last upsert, unless a tombstone follows.
    // Reading and folding them is most of the work of indexing: done here, before the write
    // lock is taken.
    std::unordered_map<std::string_view, std::size_t> last;
    for (std::size_t i = 0; i < upserts.size(); ++i) {
        last[upserts[i].id] = i;
    }
    for (const std::string& id : tombstones) {
        last.erase(id);
    }
    std::vector<const JobOffer*> kept;
    for (std::size_t i = 0; i < upserts.size(); ++i) {
        if (const auto it = last.find(upserts[i].id); it != last.end() && it->second == i) {
            kept.push_back(&upserts[i]);
        }
    }
    const std::vector<IndexEntry> entries = prepare_index_entries(kept);
    return in_transaction<Ok>(db, [&]() -> Status {
        auto cursor = query_text(db.handle(), "SELECT pull_cursor FROM sync_state WHERE id = 1");
        if (!cursor) {
            return cursor.error();
        }
        if (*cursor == kCursorStart) {
            if (auto s = drop_all_offers_in_transaction(db); !s) {
                return s;
            }
        }
        // Each upsert gets the next updated_seq. Read the highest once: asking for max() in
        // every upsert scanned the table each time (quadratic in a snapshot of many offers).
        auto last_seq =
            query_int64(db.handle(), "SELECT coalesce(max(updated_seq), 0) FROM job_offers");
        if (!last_seq) {
            return last_seq.error();
        }
        auto upsert =
            Statement::prepare(db.handle(),
                               "INSERT INTO job_offers (id, body, updated_seq) VALUES (?1, ?2, ?3) "
                               "ON CONFLICT (id) DO UPDATE SET body = excluded.body, "
                               "updated_seq = excluded.updated_seq");
        if (!upsert) {
            return upsert.error();
        }
        // The search index follows in this same transaction, in three steps ordered for FTS5:
        // it flushes its pending terms to a new segment at every statement that opens a
        // savepoint (the upsert below does, for its triggers), so interleaving index writes
        // with upserts wrote one segment per offer and merged them endlessly. Instead:
        // (1) one statement removes the index rows of every offer the page touches (the
        // triggers then find nothing); (2) the offers are written; (3) the index rows of what
        // is left are added, with no savepoint in between, and flushed once at commit.
        std::vector<std::string> touched;
        touched.reserve(upserts.size() + tombstones.size());
        for (const JobOffer& offer : upserts) {
            touched.push_back(offer.id);
        }
        touched.insert(touched.end(), tombstones.begin(), tombstones.end());
        if (auto s = unindex_offers_in_transaction(db, touched); !s) {
            return s;
        }
        std::int64_t seq = *last_seq;
        for (const JobOffer& offer : upserts) {
            upsert->bind(1, std::string_view(offer.id))
                .bind(2, std::string_view(offer.body))
                .bind(3, ++seq);
            if (auto s = upsert->run(); !s) {
                Error error = s.error();
                if (error.code == errc::kConstraint) {
                    error.code = errc::kInvalidArgument;
                    error.message = "offer " + offer.id + " has a body that is not JSON";
                }
                return error;
            }
            upsert->reset();
        }
        auto drop = Statement::prepare(db.handle(), "DELETE FROM job_offers WHERE id = ?");
        if (!drop) {
            return drop.error();
        }
        for (const std::string& id : tombstones) {
            if (auto s = drop->bind(1, std::string_view(id)).run(); !s) {
                return s;
            }
            drop->reset();
        }
        auto index = OfferIndexWriter::prepare(db);
        if (!index) {
            return index.error();
        }
        for (const IndexEntry& entry : entries) {
            if (auto indexed = index->add(entry); !indexed) {
                return indexed.error();
            }
        }
        auto update = Statement::prepare(
            db.handle(), "UPDATE sync_state SET pull_cursor = ?, server_epoch = ? WHERE id = 1");
        if (!update) {
            return update.error();
        }
        return update->bind(1, next_cursor).bind(2, epoch).run();
    });
}

Status reset_offers(Database& db, std::string_view epoch) {
    return in_transaction<Ok>(db, [&]() -> Status {
        if (auto s = clear_offers_in_transaction(db); !s) {
            return s;
        }
        return run_with_text(db, "UPDATE sync_state SET server_epoch = ? WHERE id = 1", epoch);
    });
}

Status restart_pull(Database& db) {
    return run_with_text(db, "UPDATE sync_state SET pull_cursor = ? WHERE id = 1", kCursorStart);
}

Result<std::optional<std::string>> find_offer(Database& db, std::string_view id) {
    return query_text_by_key(db.handle(), "SELECT body FROM job_offers WHERE id = ?", id);
}

}  // namespace kiosk::store

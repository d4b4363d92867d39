// The sync client's durable bookkeeping in the store: the pull cursor and server epoch (columns of
// the one-row sync_state table) and the job offers pulled from the change feed. A page of offers
// and the cursor after it commit in one transaction, so a crash never leaves offers applied with
// an old cursor (they would be re-applied, harmlessly) or a new cursor without its offers (lost).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "kiosk/core/result.hpp"
#include "kiosk/store/database.hpp"

namespace kiosk::store {

// The cursor value that means "read the whole feed from the start".
inline constexpr std::string_view kCursorStart = "0";

struct SyncState {
    std::string pull_cursor{kCursorStart};
    std::optional<std::string> server_epoch;  // nullopt until a server reply was seen
    std::int64_t offers = 0;                  // rows in job_offers
};

struct JobOffer {
    std::string id;
    std::string body;  // JSON text as the server sent it
};

Result<SyncState> read_sync_state(Database& db);

// Applies one page of the change feed in ONE transaction: upserts, tombstones (unknown ids are
// fine), then pull_cursor = next_cursor and server_epoch = epoch. If the stored cursor is
// kCursorStart the page is the start of a full snapshot, so every stored offer is dropped first.
// The search index (job_search.hpp) follows in the same transaction: each upserted offer is
// indexed again, a tombstoned or dropped one leaves it. A body that is JSON but not an offer is
// stored and not indexed (it cannot be listed).
// Errors: store.invalid_argument (empty id or next_cursor, body that is not JSON; nothing is
// written), or any store error (nothing is written either).
Status apply_offer_page(Database& db, std::span<const JobOffer> upserts,
                        std::span<const std::string> tombstones, std::string_view next_cursor,
                        std::string_view epoch);

// The server has a new epoch (restored or recreated): records `epoch`, puts the cursor back to
// kCursorStart and drops every offer and its search index, in one transaction. Use
// requeue_for_new_epoch (outbox.hpp) for the records.
Status reset_offers(Database& db, std::string_view epoch);

// Only the cursor back to kCursorStart (the server answered 410: the cursor is too old); offers
// stay until the snapshot's first page replaces them.
Status restart_pull(Database& db);

// One offer's JSON body; nullopt when absent or withdrawn.
Result<std::optional<std::string>> find_offer(Database& db, std::string_view id);

}  // namespace kiosk::store

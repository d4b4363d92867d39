// Job offers at the central office: reading an import file (JSON or CSV, docs/job-offers.md),
// publishing its offers through the change feed, and withdrawing expired ones.
//
// Every offer goes through ServerStore::put_offer / withdraw_offer, the same path as
// `kiosk-central offer-put`, so each change takes a feed sequence and reaches the kiosks as an
// upsert or a tombstone. A bad row never stops the others: it is returned with its place in the
// file (CSV line, or JSON array index) and its field errors.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.hpp"
#include "sync/protocol/offer.hpp"
#include "sync/server/store.hpp"

namespace kiosk::sync {

enum class OfferFileFormat { json, csv };

// One offer of an import file, good or bad.
struct OfferRow {
    std::string where;  // "line 7" (CSV, the line the row starts on) or "[3]" (JSON array index)
    std::string id;     // as written, "" when missing (for messages)
    std::optional<JobOffer> offer;   // set when the row is good
    std::vector<OfferError> errors;  // empty when the row is good
};

// JSON: an array of offer objects. CSV: a header row naming the columns, then one offer a row
// (RFC 4180 quoting, UTF-8, an optional BOM; separator ',' or ';' as the header uses).
// Whole-file problems are errors ("jobs.bad_file": not JSON, not an array, an unknown or
// missing CSV column); everything about one offer is in its row. An id that appears again
// makes the later row bad. CSV rows that are entirely empty are skipped.
Result<std::vector<OfferRow>> read_offer_file(std::string_view text, OfferFileFormat format);

// The CSV column a field path comes from ("title.tr" -> "title_tr", "languages[1].level" ->
// "languages"), for messages to people who edit the spreadsheet.
std::string csv_column_of(std::string_view field);

struct ImportSummary {
    std::size_t published = 0;        // new or changed: one feed entry each
    std::size_t unchanged = 0;        // already published with the same body: no feed entry
    std::size_t bad = 0;              // rows with errors, not published
    std::size_t already_expired = 0;  // published, but past their last day (kiosks hide them)
};

// Publishes every good row. An offer whose stored body is already the same is left alone, so
// importing the same file again sends nothing to the kiosks. A store error stops the import
// (what was published stays published; importing again is safe).
Result<ImportSummary> publish_offers(ServerStore& store, const std::vector<OfferRow>& rows,
                                     std::string_view today);

// Withdraws every published offer whose expiry date is before `today` (YYYY-MM-DD), so the
// kiosks get tombstones. Offers without a readable "expires" (written by offer-put) are left
// alone. Returns the ids withdrawn.
Result<std::vector<std::string>> expire_offers(ServerStore& store, std::string_view today);

}  // namespace kiosk::sync

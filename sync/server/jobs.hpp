// Job offers at the central office: reading an import file (JSON or CSV, docs/job-offers.md),
// publishing its offers through the change feed, and withdrawing expired ones.
//
// Every change goes through ServerStore::write_offers, in transactions of up to
// kOffersPerTransaction offers, so each change takes a feed sequence and reaches the kiosks as an
// upsert or a tombstone. A bad row never stops the others: it is returned with its place in the
// file (CSV line, or JSON array index) and its field errors. The CLI (`kiosk-central jobs`) and
// the staff API (/v1/admin/jobs, server.cpp) both run these functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.hpp"
#include "sync/protocol/offer.hpp"
#include "sync/server/store.hpp"

namespace kiosk::sync {

enum class OfferFileFormat { json, csv };

// One transaction per offer costs a disk flush each (SQLite, synchronous=FULL: ~4 ms an offer);
// a few hundred per transaction cost one flush for all of them, while a kiosk's request still
// waits for at most one batch.
inline constexpr std::size_t kOffersPerTransaction = 500;

// Today's local date, YYYY-MM-DD: an offer is open through its expiry day where the centre is.
std::string local_today();

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

// One problem of one row, as reported to people: the CLI prints each on a line, the API
// returns them as JSON.
struct RowProblem {
    std::string where;    // "line 7" or "[3]"
    std::string id;       // "" when the row has no readable id
    std::string field;    // "languages[1].level", or "(csv)" for the row's shape
    std::string column;   // CSV only: the column the field came from, when it is not the field
    std::string message;  // "expected a CEFR level ..."
};
std::vector<RowProblem> row_problems(const std::vector<OfferRow>& rows, OfferFileFormat format);

struct ImportSummary {
    std::size_t published = 0;        // new or changed: one feed entry each
    std::size_t unchanged = 0;        // already published with the same body: no feed entry
    std::size_t bad = 0;              // rows with errors, not published
    std::size_t already_expired = 0;  // published, but past their last day (kiosks hide them)
};

// Publishes every good row, in file order, kOffersPerTransaction to a transaction. An offer whose
// stored body is already the same is left alone, so importing the same file again sends nothing
// to the kiosks. A store error stops the import (the batches before it stay published;
// importing again is safe).
Result<ImportSummary> publish_offers(ServerStore& store, const std::vector<OfferRow>& rows,
                                     std::string_view today);

// Withdraws every published offer whose expiry date is before `today` (YYYY-MM-DD), so the
// kiosks get tombstones. Offers without a readable "expires" (written by offer-put) are left
// alone. Returns the ids withdrawn (not those someone else withdrew meanwhile).
Result<std::vector<std::string>> expire_offers(ServerStore& store, std::string_view today);

// The offers the feed knows, published or withdrawn, in id order, without bodies: up to
// `limit` whose ids sort after `after` ("" for the first page).
struct OfferState {
    std::string id;
    std::uint64_t seq = 0;  // of its latest change
    bool published = false;
};
struct OfferStatePage {
    std::vector<OfferState> offers;
    bool more = false;  // offers follow the last of these
};
inline constexpr std::size_t kAdminListLimit = 1000;
Result<OfferStatePage> list_offers(ServerStore& store, std::string_view after, std::size_t limit);

}  // namespace kiosk::sync

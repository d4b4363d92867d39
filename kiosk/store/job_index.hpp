// Writing the job offer search index (tables of schema step 3, see migrations.cpp). Only the
// store's own writers of job_offers call these, inside the transaction that writes the offers
// (sync_state.cpp: apply_offer_page, reset_offers), and the migration step that creates the
// index. Reading the index is job_search.hpp.
//
// What an offer is found by: the folded words (job_search.hpp, "Matching") of every title and
// description in every language, the employer, the city and the region; plus tokens that no
// typed word can reach (a typed word never starts with "_", a punctuation mark, so never with
// one of these either): its occupation ("_occupation:5120"), which a query reaches through the
// occupation names of the catalogue (OccupationWords), and the facets the filters select by
// ("_place:izmir" for the city and the region, "_sector:I", "_contract:part_time"). Filtering
// inside the full-text index lets FTS5 intersect sorted lists and stop at the page's last row,
// where an SQL filter would visit every candidate row.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/store/sqlite.hpp"
#include "kiosk/store/sync_state.hpp"
#include "sync/protocol/offer.hpp"

namespace kiosk::store {

// The tokens that stand for an occupation (ISCO-08 unit group "5120"), a place key
// (fold_place: "veliko tarnovo" → "_place:veliko_tarnovo"), a sector letter and a contract.
std::string occupation_token(std::string_view isco_code);
std::string place_token(std::string_view place_key);
std::string sector_token(std::string_view sector);
std::string contract_token(sync::Contract contract);

// The words the index stores for an offer: folded, each once, sorted, separated by one space.
// A word that starts with the Arabic article is stored with and without it ("المطبخ" and
// "مطبخ"), as the pickers match it (kiosk/i18n/search_fold.hpp).
std::string offer_search_words(const sync::JobOffer& offer);

// An offer read and folded for the index: all of the CPU work of indexing it and none of the
// SQL, so it is done before the write transaction starts (which then holds the database's write
// lock for less time) and, for a page of offers, on two threads.
struct IndexEntry {
    std::string id;
    // False when the body does not read as an offer (sync::read_offer, unknown fields ignored:
    // a newer server may add some): such an offer is not indexed and cannot be listed.
    bool indexable = false;
    sync::JobOffer offer;
    std::string city_key;    // fold_place(offer.city)
    std::string region_key;  // fold_place(offer.region)
    std::string words;       // offer_search_words(offer)
};

IndexEntry prepare_index_entry(std::string_view id, std::string_view body);

// The entries of many offers, in order: the second half on a second thread when there are
// enough of them (and a second core) for that to pay.
std::vector<IndexEntry> prepare_index_entries(std::span<const JobOffer* const> offers);

// Adds the search rows of offers whose job_offers row was just written; the caller holds the
// write transaction. Keeps its statements prepared: make one per page, not one per offer.
class OfferIndexWriter {
  public:
    static Result<OfferIndexWriter> prepare(Database& db);

    // The offer of `entry`, whose job_offers row now holds the body it was prepared from (the
    // triggers have removed any older search row). Returns whether it was indexed (see
    // IndexEntry::indexable; an offer that cannot be listed is not an error).
    Result<bool> add(const IndexEntry& entry);
    Result<bool> add(std::string_view id, std::string_view body) {
        return add(prepare_index_entry(id, body));
    }

  private:
    OfferIndexWriter(Database& db, Statement row, Statement content, Statement fts,
                     Statement language)
        : db_(&db),
          row_(std::move(row)),
          content_(std::move(content)),
          fts_(std::move(fts)),
          language_(std::move(language)) {}
    Database* db_;
    Statement row_;       // job_offer_search
    Statement content_;   // job_offer_content
    Statement fts_;       // job_offer_fts
    Statement language_;  // job_offer_languages
};

// Removes the search rows of the offers with these ids (unknown ids are fine): one lookup per
// id, then, if any is indexed, one statement per table; the caller holds the transaction. The
// triggers would do the same per offer, but FTS5 writes a segment for each statement that way
// (see apply_offer_page).
Status unindex_offers_in_transaction(Database& db, std::span<const std::string> ids);

// Empties the index (before every offer is dropped); the caller holds the transaction.
Status clear_offer_index_in_transaction(Database& db);

// Indexes every stored offer from scratch, in the order they were stored; the caller holds the
// transaction. Schema step 3 runs it for the offers a version 2 file already had.
Status index_all_offers_in_transaction(Database& db);

}  // namespace kiosk::store

// Finding job offers at the kiosk, offline: the browse screen's search box and filters, and the
// offers "Jobs for you" ranks (kiosk/core/ranking.hpp). Reads the index that schema step 3
// creates and job_index.hpp keeps in step with job_offers, in the transaction of each write.
//
// Matching (one folding for the offers and for what is typed: kiosk/i18n/search_fold.hpp, the
// same as the pickers, so a word found in the language list is found here the same way):
//   1. Every word of the query must start a word of the offer (prefix match, for search as you
//      type): "kuaf izm" finds "Kuaför, İzmir". Words are split at spaces and punctuation.
//   2. An offer's words are those of every title and description in every language it has, the
//      employer, the city and the region; and the names of its occupation in every language of
//      the occupations catalogue, when the query is given one (OccupationWords): "cook" finds an
//      offer titled "Aşçı yardımcısı" whose occupation is isco.5120. Only query words of 3 or
//      more characters reach occupation names (fewer would name most of the catalogue).
//   3. Case never matters, in any script: "ISTANBUL", "Istanbul", "СОФИЯ", "софия".
//   4. Turkish i (decided): İ, I, ı and i are one letter for search. "istanbul", "İstanbul",
//      "ISTANBUL" and "ıstanbul" all find "İstanbul" and each other; "ısı" and "isi" find each
//      other (and, as prefixes, "ışık" too). In Turkish "I" is the capital of "ı", but people
//      type on whatever keyboard the kiosk shows or they are used to (many without ı and İ),
//      so a strict rule would miss the offers a person is looking for; an extra row costs less
//      than a missing one.
//   5. Accents and other marks on Latin, Greek and Cyrillic letters do not matter: "asci" finds
//      "aşçı", "sofia" finds "Sofía"; ё is е. Cyrillic й, ї and ў stay letters of their own.
//   6. Arabic: harakat and tatweel do not matter ("مُساعِد", "مساعد" and "مســاعد" find one
//      another), nor the alef forms (أ إ آ → ا), hamza seats, alef maksura (ى → ي) or teh
//      marbuta (ة → ه); Persian yeh and kaf match the Arabic ones. A word also matches after the
//      article "ال": "مطبخ" finds "المطبخ".
//   7. Digits of any script are the same digits ("٣" finds "3").
//   8. Scripts are not transliterated: "sofia" finds "Sofia", not "София".
//
// Filters and order:
//   - Expired offers (expires before `today`, a YYYY-MM-DD the caller reads from its clock) are
//     never returned, even when kiosk-central has not withdrawn them yet or the kiosk is offline.
//   - city: folded like the words; an offer matches when it is its city or its region ("İzmir"
//     also lists Bornova, İzmir). sector: the ISIC letter. contract: one kind.
//   - speaks ("my languages are enough"): only offers whose every required language the person
//     speaks at the required level or above (spoken level; an offer without requirements always
//     passes).
//   - Results come newest first: the offer stored or changed most recently at this kiosk (in a
//     full snapshot, the central office's publication order). Relevance is not ranked here: the
//     person's own fit is core/ranking.hpp's job, and a stable order keeps a scrolled list still
//     while offers arrive.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/ranking.hpp"
#include "kiosk/core/registration.hpp"
#include "kiosk/core/result.hpp"
#include "kiosk/i18n/occupations.hpp"
#include "kiosk/store/database.hpp"
#include "sync/protocol/offer.hpp"

namespace kiosk::store {

// [SECTION] Folding

// A place name as a key for comparing places: folded words separated by one space
// ("  İZMİR " → "izmir", "Veliko Tarnovo" → "veliko tarnovo"). The ranking's PlaceFold.
std::string fold_place(std::string_view name);

// The occupation names of the catalogue, folded once (when the app loads the catalogue), so a
// query can reach offers by their occupation's name in any language (Matching, rule 2).
class OccupationWords {
  public:
    OccupationWords() = default;
    // Every "isco.NNNN" entry with its names in every language; skills are not occupations.
    static OccupationWords from_catalogue(const i18n::OccupationCatalogue& catalogue);

    // The ISCO codes ("5120") of the occupations with a name word starting with the folded
    // `word` (also after the Arabic article).
    std::vector<std::string> codes_for(std::string_view folded_word) const;

  private:
    struct Entry {
        std::string code;
        std::vector<std::string> words;
    };
    std::vector<Entry> entries_;
};

// What the person typed, folded once; give it to search_offers and count_offers.
class OfferQuery {
  public:
    OfferQuery() = default;
    // `occupations` may be null (no occupation names); it is read only here.
    explicit OfferQuery(std::string_view typed, const OccupationWords* occupations = nullptr);

    // Nothing to match (empty, only spaces or punctuation): every open offer.
    bool empty() const { return match_.empty(); }
    // The FTS5 expression, for tests and logs (holds only folded words and occupation tokens).
    const std::string& match_expression() const { return match_; }

  private:
    std::string match_;
};

// [SECTION] Searching

struct OfferFilters {
    std::string city;    // "" = any
    std::string sector;  // "" = any; ISIC section letter
    std::optional<sync::Contract> contract;
    // Set: "my languages are enough" for a person with these languages (Registration's).
    std::optional<std::vector<core::LanguageSkill>> speaks;
};

// Up to `limit` open offers matching `query` and `filters`, newest first, skipping the first
// `offset` (the list loads a page at a time). Each holds every field a list row shows, but no
// description (checking the descriptions again would be most of a page's time); the detail
// screen reads the whole offer with find_offer (sync_state.hpp). The title in the
// person's language is offer_text_in(offer.title, language).
// Errors: store.invalid_argument (`today` not YYYY-MM-DD, negative limit or offset), store
// errors.
Result<std::vector<sync::JobOffer>> search_offers(Database& db, const OfferQuery& query,
                                                  const OfferFilters& filters,
                                                  std::string_view today, int limit,
                                                  int offset = 0);

// How many offers search_offers would list without limit, counting no further than `at_most`
// (a label says "1000+"; each offer counted is one row read, so an exact count of a
// one-letter query over 100,000 offers reads most of them). Same errors, and a negative
// at_most.
inline constexpr std::int64_t kCountAll = std::numeric_limits<std::int64_t>::max();
Result<std::int64_t> count_offers(Database& db, const OfferQuery& query,
                                  const OfferFilters& filters, std::string_view today,
                                  std::int64_t at_most = kCountAll);

struct CityCount {
    std::string city;  // as the most recently stored offer there writes it
    std::string key;   // fold_place(city): give it back as OfferFilters::city
    std::int64_t offers = 0;
};

// The cities of the open offers, for the city filter: most offers first, then by key.
Result<std::vector<CityCount>> offer_cities(Database& db, std::string_view today);

// The text in `language`, else English, else the first language the offer has ("" when the
// map is empty): titles and descriptions are written in only some languages.
std::string_view offer_text_in(const std::map<std::string, std::string>& texts,
                               std::string_view language);

// [SECTION] Ranking input

struct RankableOffer {
    std::string id;
    core::OfferFacts facts;
};

// What ranking reads of an offer (places folded with fold_place).
core::OfferFacts offer_facts(const sync::JobOffer& offer);

// The facts of every open offer matching `filters`, newest first, read from the index without
// parsing any JSON: the input of core::rank_offers for "Jobs for you".
Result<std::vector<RankableOffer>> load_rankable_offers(Database& db, std::string_view today,
                                                        const OfferFilters& filters = {});

// [SECTION] Maintenance

// Builds the index again from job_offers, in one transaction. Needed only when the folding
// rules change (an ICU or search_fold update): a schema step then calls
// index_all_offers_in_transaction (job_index.hpp).
Status rebuild_offer_index(Database& db);

}  // namespace kiosk::store

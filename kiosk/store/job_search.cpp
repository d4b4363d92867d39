// Reading the job offer search index (job_search.hpp). Index:
//   [SECTION] Folding and the query
//   [SECTION] SQL for a query and filters
//   [SECTION] Searching
//   [SECTION] Ranking input
#include "kiosk/store/job_search.hpp"

#include <algorithm>
#include <variant>

#include "kiosk/i18n/search_fold.hpp"
#include "kiosk/store/job_index.hpp"
#include "kiosk/store/sqlite.hpp"

namespace kiosk::store {

namespace {

// [SECTION] Folding and the query

constexpr std::string_view kArabicArticle = "\u0627\u0644";
// A longer query is cut here: nobody types more on a touch keyboard, and each word is one more
// term for FTS5 to intersect.
constexpr std::size_t kMaxQueryWords = 12;
// Query words shorter than this do not reach occupation names (job_search.hpp, rule 2).
constexpr std::size_t kOccupationMinCodePoints = 3;

std::size_t code_points(std::string_view utf8) {
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// An FTS5 string: in double quotes, a quote doubled. Folded words hold no quote (it is
// punctuation, a separator), but the expression must stay well-formed whatever comes.
std::string fts_string(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        out.push_back(c);
        if (c == '"') {
            out.push_back('"');
        }
    }
    out.push_back('"');
    return out;
}

bool is_day(std::string_view text) {
    return sync::is_offer_date(text);
}

// [SECTION] SQL for a query and filters

using Value = std::variant<std::int64_t, std::string>;

// The FROM and WHERE of a search: the FTS5 index first when there is text (CROSS JOIN keeps
// it the outer loop, so the match runs once, not once per offer), then the filters.
struct Selection {
    std::string from;
    std::string where;
    std::string newest_first;  // ORDER BY
    std::vector<Value> values;
};

Selection select_offers(const OfferQuery& query, const OfferFilters& filters,
                        std::string_view today, bool for_listing) {
    // The text and the facet filters are one FTS5 expression (job_index.hpp).
    std::string match = query.match_expression();
    const auto also = [&match](const std::string& token) {
        match += (match.empty() ? "" : " AND ") + fts_string(token);
    };
    if (!filters.city.empty()) {
        // A key that folds to nothing (only punctuation) matches no place.
        const std::string key = fold_place(filters.city);
        also(key.empty() ? std::string("_place:") : place_token(key));
    }
    if (!filters.sector.empty()) {
        also(sector_token(filters.sector));
    }
    if (filters.contract) {
        also(contract_token(*filters.contract));
    }
    Selection s;
    if (match.empty()) {
        s.from = " FROM job_offer_search s";
        s.where = " WHERE ";
        s.newest_first = " ORDER BY s.doc DESC";
    } else {
        // CROSS JOIN keeps the index the outer loop: the match runs once, in rowid order.
        s.from = " FROM job_offer_fts CROSS JOIN job_offer_search s ON s.doc = job_offer_fts.rowid";
        s.where = " WHERE job_offer_fts MATCH ? AND ";
        s.values.emplace_back(match);
        s.newest_first = " ORDER BY job_offer_fts.rowid DESC";
    }
    // A list wants the newest rows first and stops at the limit: walking doc order is the plan
    // that allows it, so the expiry index must not be chosen (+). A count reads every match and
    // may use it.
    s.where += for_listing ? "+s.expires >= ?" : "s.expires >= ?";
    s.values.emplace_back(std::string(today));
    if (filters.speaks) {
        // No required language the person does not speak well enough.
        std::string spoken;
        for (const core::LanguageSkill& skill : *filters.speaks) {
            if (!skill.spoken) {
                continue;
            }
            spoken += spoken.empty() ? "" : " OR ";
            spoken += "(l.code = ? AND l.level <= ?)";
            s.values.emplace_back(skill.code);
            s.values.emplace_back(std::int64_t{static_cast<int>(*skill.spoken)});
        }
        s.where +=
            " AND NOT EXISTS (SELECT 1 FROM job_offer_languages l WHERE l.doc = s.doc AND NOT (" +
            (spoken.empty() ? std::string("0") : spoken) + "))";
    }
    return s;
}

void bind_all(Statement& stmt, const std::vector<Value>& values) {
    int index = 1;
    for (const Value& v : values) {
        if (const auto* number = std::get_if<std::int64_t>(&v)) {
            stmt.bind(index++, *number);
        } else {
            stmt.bind(index++, std::string_view(std::get<std::string>(v)));
        }
    }
}

Status check_today(std::string_view today) {
    if (!is_day(today)) {
        return make_error(errc::kInvalidArgument, "today must be a date YYYY-MM-DD");
    }
    return Ok{};
}

// [SECTION] Ranking input

core::ContractKind contract_kind(std::string_view text) {
    switch (sync::parse_contract(text).value_or(sync::Contract::full_time)) {
        case sync::Contract::part_time:
            return core::ContractKind::PartTime;
        case sync::Contract::seasonal:
            return core::ContractKind::Seasonal;
        case sync::Contract::full_time:
            break;
    }
    return core::ContractKind::FullTime;
}

// "tur:B1 eng:A2", as job_index.cpp writes it.
std::vector<core::LanguageNeed> parse_languages(std::string_view text) {
    std::vector<core::LanguageNeed> out;
    while (!text.empty()) {
        const std::size_t space = text.find(' ');
        const std::string_view item = text.substr(0, space);
        text = space == std::string_view::npos ? std::string_view{} : text.substr(space + 1);
        const std::size_t colon = item.find(':');
        if (colon == std::string_view::npos) {
            continue;
        }
        if (const auto level = core::parse_cefr(item.substr(colon + 1))) {
            out.push_back({std::string(item.substr(0, colon)), *level});
        }
    }
    return out;
}

bool has_word(std::string_view list, std::string_view word) {
    std::size_t at = 0;
    while ((at = list.find(word, at)) != std::string_view::npos) {
        const std::size_t end = at + word.size();
        if ((at == 0 || list[at - 1] == ' ') && (end == list.size() || list[end] == ' ')) {
            return true;
        }
        at = end;
    }
    return false;
}

}  // namespace

// [SECTION] Folding and the query

std::string fold_place(std::string_view name) {
    const i18n::SearchQuery folded(name, {});
    std::string out;
    for (const std::string& word : folded.words()) {
        out += out.empty() ? "" : " ";
        out += word;
    }
    return out;
}

OccupationWords OccupationWords::from_catalogue(const i18n::OccupationCatalogue& catalogue) {
    constexpr std::string_view kIsco = "isco.";
    OccupationWords out;
    for (const i18n::OccupationEntry& entry : catalogue.entries()) {
        if (!entry.id.starts_with(kIsco)) {
            continue;
        }
        Entry e{entry.id.substr(kIsco.size()), {}};
        for (std::size_t column = 0; column < entry.names.size(); ++column) {
            const std::string_view language = column < catalogue.languages().size()
                                                  ? std::string_view(catalogue.languages()[column])
                                                  : std::string_view{};
            const i18n::SearchQuery folded(entry.names[column], language);
            for (const std::string& word : folded.words()) {
                e.words.push_back(word);
                if (word.starts_with(kArabicArticle) && word.size() > kArabicArticle.size()) {
                    e.words.push_back(word.substr(kArabicArticle.size()));
                }
            }
        }
        std::sort(e.words.begin(), e.words.end());
        e.words.erase(std::unique(e.words.begin(), e.words.end()), e.words.end());
        out.entries_.push_back(std::move(e));
    }
    return out;
}

std::vector<std::string> OccupationWords::codes_for(std::string_view folded_word) const {
    std::vector<std::string> codes;
    if (folded_word.empty()) {
        return codes;
    }
    for (const Entry& e : entries_) {
        // Sorted words: the first one not before the prefix is the only candidate.
        const auto it = std::lower_bound(e.words.begin(), e.words.end(), folded_word);
        if (it != e.words.end() && it->starts_with(folded_word)) {
            codes.push_back(e.code);
        }
    }
    return codes;
}

OfferQuery::OfferQuery(std::string_view typed, const OccupationWords* occupations) {
    const i18n::SearchQuery folded(typed, {});
    std::size_t count = 0;
    for (const std::string& word : folded.words()) {
        if (++count > kMaxQueryWords) {
            break;
        }
        std::string term = fts_string(word) + "*";
        if (occupations != nullptr && code_points(word) >= kOccupationMinCodePoints) {
            const std::vector<std::string> codes = occupations->codes_for(word);
            if (!codes.empty()) {
                term = "(" + term;
                for (const std::string& code : codes) {
                    term += " OR " + fts_string(occupation_token(code));
                }
                term += ")";
            }
        }
        match_ += match_.empty() ? "" : " AND ";
        match_ += term;
    }
}

// [SECTION] Searching

Result<std::vector<sync::JobOffer>> search_offers(Database& db, const OfferQuery& query,
                                                  const OfferFilters& filters,
                                                  std::string_view today, int limit, int offset) {
    if (auto checked = check_today(today); !checked) {
        return checked.error();
    }
    if (limit < 0 || offset < 0) {
        return make_error(errc::kInvalidArgument, "limit and offset must not be negative");
    }
    Selection sel = select_offers(query, filters, today, true);
    sel.values.emplace_back(std::int64_t{limit});
    sel.values.emplace_back(std::int64_t{offset});
    auto stmt = Statement::prepare(
        db.handle(), "SELECT o.body" + sel.from + " JOIN job_offers o ON o.id = s.id" + sel.where +
                         sel.newest_first + " LIMIT ? OFFSET ?");
    if (!stmt) {
        return stmt.error();
    }
    bind_all(*stmt, sel.values);
    std::vector<sync::JobOffer> offers;
    auto walked = for_each_row(*stmt, [&]() {
        // The body was read strictly when it was indexed. A list row does not show the
        // descriptions: checking them again (most of an offer's text) is left to the detail
        // screen, which reads the whole offer with find_offer.
        nlohmann::json j = nlohmann::json::parse(stmt->column_text(0), nullptr, false);
        if (j.is_object()) {
            j.erase("description");
        }
        sync::OfferRead read = sync::read_offer(j, sync::UnknownFields::ignore);
        if (read.ok()) {
            offers.push_back(std::move(read.offer));
        }
        return true;
    });
    if (!walked) {
        return walked.error();
    }
    return offers;
}

Result<std::int64_t> count_offers(Database& db, const OfferQuery& query,
                                  const OfferFilters& filters, std::string_view today,
                                  std::int64_t at_most) {
    if (auto checked = check_today(today); !checked) {
        return checked.error();
    }
    if (at_most < 0) {
        return make_error(errc::kInvalidArgument, "at_most must not be negative");
    }
    Selection sel = select_offers(query, filters, today, false);
    sel.values.emplace_back(at_most);
    auto stmt = Statement::prepare(
        db.handle(), "SELECT count(*) FROM (SELECT 1" + sel.from + sel.where + " LIMIT ?)");
    if (!stmt) {
        return stmt.error();
    }
    bind_all(*stmt, sel.values);
    auto row = stmt->step();
    if (!row) {
        return row.error();
    }
    return stmt->column_int64(0);
}

Result<std::vector<CityCount>> offer_cities(Database& db, std::string_view today) {
    if (auto checked = check_today(today); !checked) {
        return checked.error();
    }
    // SQLite gives the bare column `city` from the row that holds max(doc): the newest spelling.
    auto stmt = Statement::prepare(
        db.handle(),
        "SELECT city, city_key, count(*), max(doc) FROM job_offer_search WHERE expires >= ? "
        "GROUP BY city_key ORDER BY count(*) DESC, city_key");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, today);
    std::vector<CityCount> cities;
    auto walked = for_each_row(*stmt, [&]() {
        cities.push_back({stmt->column_text(0), stmt->column_text(1), stmt->column_int64(2)});
        return true;
    });
    if (!walked) {
        return walked.error();
    }
    return cities;
}

std::string_view offer_text_in(const std::map<std::string, std::string>& texts,
                               std::string_view language) {
    if (const auto it = texts.find(std::string(language)); it != texts.end()) {
        return it->second;
    }
    if (const auto it = texts.find("en"); it != texts.end()) {
        return it->second;
    }
    return texts.empty() ? std::string_view{} : std::string_view(texts.begin()->second);
}

// [SECTION] Ranking input

core::OfferFacts offer_facts(const sync::JobOffer& offer) {
    core::OfferFacts f;
    f.occupation = offer.occupation;
    for (const sync::RequiredLanguage& need : offer.languages) {
        f.languages.push_back({need.code, need.level});
    }
    f.min_education = offer.min_education;
    f.city = offer.city;
    f.city_key = fold_place(offer.city);
    f.region_key = fold_place(offer.region);
    f.sector = offer.sector;
    f.contract = contract_kind(sync::to_string(offer.contract));
    f.permit_required = offer.work_permit == sync::PermitRule::required;
    const auto has = [&offer](sync::OfferFlag flag) {
        return std::find(offer.flags.begin(), offer.flags.end(), flag) != offer.flags.end();
    };
    f.women_only = has(sync::OfferFlag::women_only);
    f.training_provided = has(sync::OfferFlag::training_provided);
    f.start_date = offer.start_date;
    return f;
}

Result<std::vector<RankableOffer>> load_rankable_offers(Database& db, std::string_view today,
                                                        const OfferFilters& filters) {
    if (auto checked = check_today(today); !checked) {
        return checked.error();
    }
    const Selection sel = select_offers(OfferQuery{}, filters, today, true);
    auto stmt = Statement::prepare(
        db.handle(),
        "SELECT s.id, s.occupation, s.languages, s.min_education, s.city, s.city_key, "
        "s.region_key, s.sector, s.contract, s.work_permit, s.flags, s.start_date" +
            sel.from + sel.where + sel.newest_first);
    if (!stmt) {
        return stmt.error();
    }
    bind_all(*stmt, sel.values);
    const std::string women_only(sync::to_string(sync::OfferFlag::women_only));
    const std::string training(sync::to_string(sync::OfferFlag::training_provided));
    const std::string permit_required(sync::to_string(sync::PermitRule::required));
    std::vector<RankableOffer> offers;
    auto walked = for_each_row(*stmt, [&]() {
        RankableOffer r;
        r.id = stmt->column_text(0);
        core::OfferFacts& f = r.facts;
        f.occupation = stmt->column_text(1);
        f.languages = parse_languages(stmt->column_text(2));
        f.min_education = stmt->column_int(3);
        f.city = stmt->column_text(4);
        f.city_key = stmt->column_text(5);
        f.region_key = stmt->column_text(6);
        f.sector = stmt->column_text(7);
        f.contract = contract_kind(stmt->column_text(8));
        f.permit_required = stmt->column_text(9) == permit_required;
        const std::string flags = stmt->column_text(10);
        f.women_only = has_word(flags, women_only);
        f.training_provided = has_word(flags, training);
        f.start_date = stmt->column_text(11);
        offers.push_back(std::move(r));
        return true;
    });
    if (!walked) {
        return walked.error();
    }
    return offers;
}

// [SECTION] Maintenance

Status rebuild_offer_index(Database& db) {
    return in_transaction<Ok>(db, [&]() -> Status { return index_all_offers_in_transaction(db); });
}

}  // namespace kiosk::store

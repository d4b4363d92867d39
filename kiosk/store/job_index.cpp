// Writing the job offer search index (job_index.hpp).
#include "kiosk/store/job_index.hpp"

#include <algorithm>
#include <array>
#include <future>
#include <thread>
#include <vector>

#include "kiosk/i18n/search_fold.hpp"
#include "kiosk/store/job_search.hpp"

namespace kiosk::store {

namespace {

// Joined to the noun it determines: "المطبخ" (the kitchen). search_fold.cpp matches after it.
constexpr std::string_view kArabicArticle = "\u0627\u0644";

// Keeps the folded texts alive while their words are sorted as views (no copy per word).
struct FoldedTexts {
    std::vector<i18n::SearchQuery> texts;
    void add(std::string_view text, std::string_view language) {
        if (!text.empty()) {
            texts.emplace_back(text, language);
        }
    }
};

// The words of an offer whose city and region keys are already folded.
std::string search_words(const sync::JobOffer& offer, const std::string& city_key,
                         const std::string& region_key) {
    FoldedTexts folded;
    folded.texts.reserve(offer.title.size() + 3);
    // Title and description of one language folded together: one pass instead of two.
    std::string text;
    for (const auto& [tag, title] : offer.title) {
        text = title;
        if (const auto d = offer.description.find(tag); d != offer.description.end()) {
            text += '\n';
            text += d->second;
        }
        folded.add(text, tag);
    }
    for (const auto& [tag, description] : offer.description) {
        if (!offer.title.contains(tag)) {
            folded.add(description, tag);
        }
    }
    folded.add(offer.employer, {});
    std::vector<std::string> tokens = {occupation_token(offer.occupation),
                                       sector_token(offer.sector), contract_token(offer.contract)};
    // The place names' words come from their keys (fold_place: the same words).
    std::vector<std::string_view> words;
    for (const std::string* key : {&city_key, &region_key}) {
        if (!key->empty()) {
            tokens.push_back(place_token(*key));
            std::string_view rest = *key;
            while (!rest.empty()) {
                const std::size_t space = rest.find(' ');
                words.push_back(rest.substr(0, space));
                rest =
                    space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
            }
        }
    }
    words.insert(words.end(), tokens.begin(), tokens.end());
    for (const i18n::SearchQuery& q : folded.texts) {
        for (const std::string& word : q.words()) {
            words.emplace_back(word);
            if (word.starts_with(kArabicArticle) && word.size() > kArabicArticle.size()) {
                words.push_back(std::string_view(word).substr(kArabicArticle.size()));
            }
        }
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    std::string out;
    for (const std::string_view word : words) {
        if (!out.empty()) {
            out.push_back(' ');
        }
        out += word;
    }
    return out;
}

}  // namespace

std::string occupation_token(std::string_view isco_code) {
    return "_occupation:" + std::string(isco_code);
}

std::string place_token(std::string_view place_key) {
    std::string token = "_place:" + std::string(place_key);
    std::replace(token.begin(), token.end(), ' ', '_');  // one token, as the tokenizer splits
    return token;
}

std::string sector_token(std::string_view sector) {
    return "_sector:" + std::string(sector);
}

std::string contract_token(sync::Contract contract) {
    return "_contract:" + std::string(sync::to_string(contract));
}

std::string offer_search_words(const sync::JobOffer& offer) {
    return search_words(offer, fold_place(offer.city), fold_place(offer.region));
}

Result<OfferIndexWriter> OfferIndexWriter::prepare(Database& db) {
    auto row = Statement::prepare(
        db.handle(),
        "INSERT INTO job_offer_search (id, expires, city, city_key, region_key, sector, "
        "contract, occupation, min_education, languages, work_permit, flags, start_date) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    if (!row) {
        return row.error();
    }
    // The content row, then the same words into the full-text index (external content).
    auto content = Statement::prepare(db.handle(),
                                      "INSERT INTO job_offer_content (doc, words) VALUES (?1, ?2)");
    if (!content) {
        return content.error();
    }
    auto fts =
        Statement::prepare(db.handle(), "INSERT INTO job_offer_fts (rowid, words) VALUES (?1, ?2)");
    if (!fts) {
        return fts.error();
    }
    auto language = Statement::prepare(
        db.handle(), "INSERT INTO job_offer_languages (doc, code, level) VALUES (?1, ?2, ?3)");
    if (!language) {
        return language.error();
    }
    return OfferIndexWriter(db, std::move(row).value(), std::move(content).value(),
                            std::move(fts).value(), std::move(language).value());
}

IndexEntry prepare_index_entry(std::string_view id, std::string_view body) {
    IndexEntry entry;
    entry.id = id;
    sync::OfferRead read = sync::read_offer_text(body, sync::UnknownFields::ignore);
    if (!read.ok()) {
        return entry;
    }
    entry.indexable = true;
    entry.offer = std::move(read.offer);
    entry.city_key = fold_place(entry.offer.city);
    entry.region_key = fold_place(entry.offer.region);
    entry.words = search_words(entry.offer, entry.city_key, entry.region_key);
    return entry;
}

std::vector<IndexEntry> prepare_index_entries(std::span<const JobOffer* const> offers) {
    std::vector<IndexEntry> entries(offers.size());
    const auto prepare = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            entries[i] = prepare_index_entry(offers[i]->id, offers[i]->body);
        }
    };
    // Below this a second thread costs more to start than it saves.
    constexpr std::size_t kWorthASecondThread = 16;
    if (offers.size() < kWorthASecondThread || std::thread::hardware_concurrency() < 2) {
        prepare(0, offers.size());
        return entries;
    }
    const std::size_t half = offers.size() / 2;
    auto second = std::async(std::launch::async, prepare, half, offers.size());
    prepare(0, half);
    second.get();  // rethrows what the thread threw (only std::bad_alloc can be)
    return entries;
}

Result<bool> OfferIndexWriter::add(const IndexEntry& entry) {
    if (!entry.indexable) {
        return false;
    }
    const sync::JobOffer& offer = entry.offer;
    std::string languages;
    for (const sync::RequiredLanguage& need : offer.languages) {
        languages += (languages.empty() ? "" : " ") + need.code + ":" +
                     std::string(core::to_string(need.level));
    }
    std::string flags;
    for (const sync::OfferFlag flag : offer.flags) {
        flags += (flags.empty() ? "" : " ") + std::string(sync::to_string(flag));
    }
    row_.bind(1, std::string_view(entry.id))
        .bind(2, std::string_view(offer.expires))
        .bind(3, std::string_view(offer.city))
        .bind(4, std::string_view(entry.city_key))
        .bind(5, std::string_view(entry.region_key))
        .bind(6, std::string_view(offer.sector))
        .bind(7, sync::to_string(offer.contract))
        .bind(8, std::string_view(offer.occupation))
        .bind(9, std::int64_t{offer.min_education})
        .bind(10, std::string_view(languages))
        .bind(11, sync::to_string(offer.work_permit))
        .bind(12, std::string_view(flags))
        .bind(13, std::string_view(offer.start_date));
    auto inserted = row_.run();
    row_.reset();
    if (!inserted) {
        return inserted.error();
    }
    const std::int64_t doc = sqlite3_last_insert_rowid(db_->handle());
    const std::string_view text = entry.words;
    auto stored = content_.bind(1, doc).bind(2, text).run();
    content_.reset();
    if (!stored) {
        return stored.error();
    }
    auto indexed = fts_.bind(1, doc).bind(2, text).run();
    fts_.reset();
    if (!indexed) {
        return indexed.error();
    }
    for (const sync::RequiredLanguage& need : offer.languages) {
        auto added = language_.bind(1, doc)
                         .bind(2, std::string_view(need.code))
                         .bind(3, std::int64_t{static_cast<int>(need.level)})
                         .run();
        language_.reset();
        if (!added) {
            return added.error();
        }
    }
    return true;
}

Status unindex_offers_in_transaction(Database& db, std::span<const std::string> ids) {
    if (ids.empty()) {
        return Ok{};
    }
    // First the docs of the ids that are indexed, one lookup each: most offers of a feed are
    // new, and a page of new offers then costs no more. (Matching the ids inside the four
    // statements below made SQLite build and drop a temporary table of them in each.)
    auto find = Statement::prepare(db.handle(), "SELECT doc FROM job_offer_search WHERE id = ?1");
    if (!find) {
        return find.error();
    }
    std::vector<std::int64_t> docs;
    for (const std::string& id : ids) {
        find->bind(1, std::string_view(id));
        auto found = for_each_row(*find, [&]() {
            docs.push_back(find->column_int64(0));
            return true;
        });
        find->reset();
        if (!found) {
            return found;
        }
    }
    if (docs.empty()) {
        return Ok{};
    }
    // The docs as one JSON array, read back by json_each: one statement for any number.
    const std::string list = nlohmann::json(docs).dump();
    constexpr std::array<std::string_view, 4> kSteps = {
        "INSERT INTO job_offer_fts (job_offer_fts, rowid, words) "
        "SELECT 'delete', doc, words FROM job_offer_content "
        "WHERE doc IN (SELECT value FROM json_each(?1))",
        "DELETE FROM job_offer_content WHERE doc IN (SELECT value FROM json_each(?1))",
        "DELETE FROM job_offer_languages WHERE doc IN (SELECT value FROM json_each(?1))",
        "DELETE FROM job_offer_search WHERE doc IN (SELECT value FROM json_each(?1))",
    };
    for (const std::string_view sql : kSteps) {
        auto stmt = Statement::prepare(db.handle(), sql);
        if (!stmt) {
            return stmt.error();
        }
        if (auto done = stmt->bind(1, std::string_view(list)).run(); !done) {
            return done;
        }
    }
    return Ok{};
}

Status clear_offer_index_in_transaction(Database& db) {
    // 'delete-all' empties an external-content index at once; deleting row by row would read
    // and take apart every offer's words.
    return db.exec(
        "INSERT INTO job_offer_fts (job_offer_fts) VALUES ('delete-all');"
        "DELETE FROM job_offer_content;"
        "DELETE FROM job_offer_languages;"
        "DELETE FROM job_offer_search;");
}

Status index_all_offers_in_transaction(Database& db) {
    if (auto cleared = clear_offer_index_in_transaction(db); !cleared) {
        return cleared;
    }
    auto writer = OfferIndexWriter::prepare(db);
    if (!writer) {
        return writer.error();
    }
    auto offers = Statement::prepare(db.handle(),
                                     "SELECT id, body FROM job_offers ORDER BY updated_seq, rowid");
    if (!offers) {
        return offers.error();
    }
    Status status = Ok{};
    auto walked = for_each_row(*offers, [&]() {
        auto added = writer->add(offers->column_text(0), offers->column_text(1));
        if (!added) {
            status = added.error();
            return false;
        }
        return true;
    });
    if (!walked) {
        return walked;
    }
    return status;
}

}  // namespace kiosk::store

// Job offers at the kiosk (issue 5): search latency over 1,000 / 10,000 / 100,000 made-up
// offers, ranking 10,000 offers for a profile, and applying a 10,000-offer change feed through
// apply_offer_page (the function the pull uses), on real database files (WAL,
// synchronous=FULL). Targets (BENCHMARKS.md): search p99 < 10 ms at 100,000; ranking 10,000
// < 20 ms; change feed >= 5,000 offers/s.
//
// Run: build/<dir>/tests/bench/job_search_bench
// The offers are generated from made-up words (Turkish-, Bulgarian-, Arabic- and English-looking
// syllables) with a fixed seed: the same run builds the same files.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <sys/resource.h>

#include "kiosk/core/ranking.hpp"
#include "kiosk/store/job_index.hpp"
#include "kiosk/store/job_search.hpp"
#include "kiosk/store/sync_state.hpp"
#include "tests/store/store_test_support.hpp"

namespace {

using kiosk::store::Database;
using kiosk::store::testing::TempDir;
namespace core = kiosk::core;
namespace store = kiosk::store;
namespace sync = kiosk::sync;

constexpr std::string_view kToday = "2027-03-01";
constexpr std::size_t kFeedPage = 100;  // sync::client's default page_limit
constexpr int kListPage = 50;           // rows the browse list loads at a time

Database open_or_abort(const std::filesystem::path& file) {
    auto db = Database::open(file);
    if (!db) {
        std::fprintf(stderr, "job_search_bench: %s\n", db.error().message.c_str());
        std::abort();
    }
    return std::move(db).value();
}

// [SECTION] Made-up offers

struct Language {
    std::string tag;  // title/description tag
    std::vector<std::string> syllables;
};

std::vector<Language> languages() {
    return {
        {"tr", {"ka", "ba", "ça", "şe", "gü", "lı", "mi", "ör", "de", "ya", "tı",
                "nu", "ke", "po", "sa", "ği", "ro", "zi", "fa", "hö", "İs", "ıl"}},
        {"bg", {"ра", "бо", "тни", "ко", "ст", "ла", "ве", "ми", "до", "жи",
                "пе", "ща", "ъл",  "ни", "го", "ту", "се", "ри", "хо", "ца"}},
        {"ar", {"مَ",  "سا", "عد", "طب", "خ", "عا", "مل", "ست", "ود", "كت", "ب",
                "ري", "سة", "لم", "ني", "ف", "ق",  "حُ",  "ج",  "ز",  "ـ"}},
        {"en", {"wor", "ker", "ma",    "chi", "ne",   "pack", "ing", "ser", "vi", "ce",
                "lo",  "ad",  "clean", "er",  "help", "dri",  "ver", "sto", "re", "night"}},
    };
}

const std::vector<std::string> kCities = {
    "İstanbul", "İzmir", "Gaziantep", "Şanlıurfa", "Mersin",   "Bursa",       "Ankara",
    "Kilis",    "Hatay", "Konya",     "София",     "Пловдив",  "Варна",       "Бургас",
    "Русе",     "Sofia", "Plovdiv",   "Хасково",   "Харманли", "Стара Загора"};
constexpr std::size_t kCitiesInTurkiye = 10;  // the first ten above
const std::vector<std::string> kSectors = {"A", "C", "F", "G", "H", "I", "J", "N", "P", "Q", "S"};
const std::vector<std::string> kOccupations = {
    "5120", "9412", "5131", "7512", "9112", "9111", "5311", "5322", "8322", "8332", "9333", "8344",
    "9329", "8153", "7531", "7115", "7112", "9313", "9211", "6121", "5223", "5230", "4222", "2512"};
const std::vector<std::string> kSpoken = {"tur", "bul", "ara", "eng"};

class Generator {
  public:
    Generator() : rng_(20270301) {
        for (const Language& lang : languages()) {
            std::vector<std::string> words;
            for (int i = 0; i < 2000; ++i) {
                words.push_back(word(lang));
            }
            vocabulary_.push_back(std::move(words));
        }
        // A title per occupation and language: two or three vocabulary words.
        for (std::size_t o = 0; o < kOccupations.size(); ++o) {
            std::vector<std::string> titles;
            for (std::size_t l = 0; l < vocabulary_.size(); ++l) {
                titles.push_back(phrase(l, 2 + pick(2)));
            }
            titles_.push_back(std::move(titles));
        }
    }

    sync::JobOffer offer(std::size_t n) {
        sync::JobOffer o;
        o.id = "bench-" + std::to_string(n);
        const std::size_t occupation = pick(kOccupations.size());
        const std::vector<Language> langs = languages();
        for (std::size_t l = 0; l < langs.size(); ++l) {
            o.title[langs[l].tag] = titles_[occupation][l] + " " + vocabulary_[l][pick(2000)];
            if (l < 2 || pick(2) == 0) {
                o.description[langs[l].tag] = phrase(l, 25 + pick(16)) + ".";
            }
        }
        o.employer = "Firma " + std::to_string(pick(2000)) + " (made up)";
        const std::size_t city = pick(kCities.size());
        o.city = kCities[city];
        o.country = city < kCitiesInTurkiye ? "TR" : "BG";
        o.sector = kSectors[pick(kSectors.size())];
        o.occupation = kOccupations[occupation];
        o.contract = static_cast<sync::Contract>(pick(3));
        o.hours_per_week = 20 + static_cast<int>(pick(25));
        for (std::size_t k = pick(3); k > 0; --k) {
            const std::string& code = kSpoken[pick(kSpoken.size())];
            if (std::none_of(o.languages.begin(), o.languages.end(),
                             [&code](const sync::RequiredLanguage& r) { return r.code == code; })) {
                o.languages.push_back({code, static_cast<core::Cefr>(pick(4))});
            }
        }
        o.min_education = pick(4) == 0 ? static_cast<int>(pick(7)) : 0;
        o.work_permit =
            pick(2) == 0 ? sync::PermitRule::required : sync::PermitRule::employer_applies;
        if (pick(5) == 0) {
            o.flags = {sync::OfferFlag::training_provided};
        }
        o.expires = pick(10) == 0 ? "2027-02-15" : "2027-06-30";  // a tenth have expired
        return o;
    }

    // A query as a person types it: a prefix of a word an offer has, a whole word, two words,
    // a city; some with filters.
    struct Query {
        std::string text;
        store::OfferFilters filters;
        std::size_t kind = 0;  // which case below made it
    };
    static constexpr std::size_t kQueryKinds = 8;
    // The cases of query(), in order: prefixes of 1-3 letters, a whole word, a word and a
    // city, a whole title, the city and sector filters alone, 2 letters with "my languages".
    static constexpr std::array<std::string_view, kQueryKinds> kKindNames = {
        "p1", "p2", "p3", "word", "word_city", "title", "filters", "p2_speaks"};
    Query query() {
        Query q;
        const std::size_t l = pick(vocabulary_.size());
        const std::string& w = vocabulary_[l][pick(300)];  // words that many offers have
        q.kind = pick(kQueryKinds);
        switch (q.kind) {
            case 0:
                q.text = prefix(w, 1);
                break;
            case 1:
                q.text = prefix(w, 2);
                break;
            case 2:
                q.text = prefix(w, 3);
                break;
            case 3:
                q.text = w;
                break;
            case 4:
                q.text = w + " " + kCities[pick(kCities.size())];
                break;
            case 5:
                q.text = titles_[pick(titles_.size())][l];
                break;
            case 6:
                q.filters.city = kCities[pick(kCities.size())];
                q.filters.sector = kSectors[pick(kSectors.size())];
                break;
            default:
                q.text = prefix(w, 2);
                q.filters.speaks =
                    std::vector<core::LanguageSkill>{{"tur", core::Cefr::B1, core::Written::A1},
                                                     {"ara", core::Cefr::C2, core::Written::C2}};
                break;
        }
        return q;
    }

  private:
    std::size_t pick(std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
    }

    std::string word(const Language& lang) {
        std::string w;
        for (std::size_t s = 2 + pick(3); s > 0; --s) {
            w += lang.syllables[pick(lang.syllables.size())];
        }
        return w;
    }
    std::string phrase(std::size_t language, std::size_t words) {
        std::string out;
        for (std::size_t i = 0; i < words; ++i) {
            out += (i == 0 ? "" : " ") + vocabulary_[language][pick(2000)];
        }
        return out;
    }
    static std::string prefix(const std::string& w, std::size_t code_points) {
        std::size_t at = 0;
        for (std::size_t n = 0; n < code_points && at < w.size(); ++n) {
            do {
                ++at;
            } while (at < w.size() && (static_cast<unsigned char>(w[at]) & 0xC0) == 0x80);
        }
        return w.substr(0, at);
    }

    std::mt19937_64 rng_;
    std::vector<std::vector<std::string>> vocabulary_;
    std::vector<std::vector<std::string>> titles_;
};

std::vector<store::JobOffer> feed(std::size_t first, std::size_t count) {
    Generator gen;
    std::vector<store::JobOffer> out;
    out.reserve(count);
    for (std::size_t n = 0; n < first + count; ++n) {
        sync::JobOffer o = gen.offer(n);
        if (n >= first) {
            out.push_back({o.id, sync::canonical_offer_text(o)});
        }
    }
    return out;
}

// Applies `offers` page by page as the pull does; returns false (and says why) on an error.
bool apply_feed(Database& db, const std::vector<store::JobOffer>& offers, std::size_t page,
                std::size_t& cursor) {
    for (std::size_t at = 0; at < offers.size(); at += page) {
        const std::size_t end = std::min(offers.size(), at + page);
        const std::vector<store::JobOffer> slice(offers.begin() + static_cast<long>(at),
                                                 offers.begin() + static_cast<long>(end));
        auto applied = store::apply_offer_page(db, slice, {}, "e-" + std::to_string(++cursor), "e");
        if (!applied) {
            std::fprintf(stderr, "apply_offer_page: %s\n", applied.error().message.c_str());
            return false;
        }
    }
    return true;
}

// One database per size, built once per run.
struct Corpus {
    TempDir dir;
    std::unique_ptr<Database> db;
    double build_seconds = 0;
};

Corpus& corpus(std::size_t offers) {
    static std::map<std::size_t, std::unique_ptr<Corpus>> built;
    auto& slot = built[offers];
    if (!slot) {
        slot = std::make_unique<Corpus>();
        slot->db = std::make_unique<Database>(open_or_abort(slot->dir / "kiosk.db"));
        const auto start = std::chrono::steady_clock::now();
        std::size_t cursor = 0;
        if (!apply_feed(*slot->db, feed(0, offers), 1000, cursor)) {
            std::abort();
        }
        slot->build_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    return *slot;
}

// CPU seconds of the whole process so far (every thread, user and system): the change feed's
// work is on two threads, and its wall time depends on what else the machine runs.
double process_cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(at, values.size() - 1)];
}

// [SECTION] Search

// One page of results per iteration, queries rotating through a fixed mix.
void BM_SearchOffers(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    Corpus& c = corpus(n);
    Generator gen;
    std::vector<Generator::Query> queries;
    for (int i = 0; i < 400; ++i) {
        queries.push_back(gen.query());
    }
    std::vector<double> ms;
    std::vector<std::vector<double>> by_kind(Generator::kQueryKinds);
    std::size_t i = 0;
    std::int64_t rows = 0;
    for (auto _ : state) {
        const Generator::Query& q = queries[i++ % queries.size()];
        const auto start = std::chrono::steady_clock::now();
        auto found =
            store::search_offers(*c.db, store::OfferQuery(q.text), q.filters, kToday, kListPage);
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
        by_kind[q.kind].push_back(ms.back());
        if (!found) {
            state.SkipWithError(found.error().message.c_str());
            break;
        }
        rows += static_cast<std::int64_t>(found->size());
    }
    state.counters["p50_ms"] = percentile(ms, 0.50);
    state.counters["p99_ms"] = percentile(ms, 0.99);
    state.counters["max_ms"] = percentile(ms, 1.0);
    for (std::size_t k = 0; k < by_kind.size(); ++k) {
        state.counters["p99_" + std::string(Generator::kKindNames[k])] =
            percentile(by_kind[k], 0.99);
    }
    state.counters["rows_per_query"] =
        static_cast<double>(rows) / static_cast<double>(std::max<std::size_t>(ms.size(), 1));
    state.counters["db_MB"] =
        static_cast<double>(std::filesystem::file_size(c.db->path())) / (1024.0 * 1024.0);
    state.counters["build_s"] = c.build_seconds;
}
BENCHMARK(BM_SearchOffers)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(100000)
    ->Iterations(2000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The "N offers" line above the list: count_offers with the same queries, counting at most
// range(1) offers (0: an exact count).
void BM_CountOffers(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const std::int64_t at_most = state.range(1) == 0 ? store::kCountAll : state.range(1);
    Corpus& c = corpus(n);
    Generator gen;
    std::vector<Generator::Query> queries;
    for (int i = 0; i < 400; ++i) {
        queries.push_back(gen.query());
    }
    std::vector<double> ms;
    std::size_t i = 0;
    for (auto _ : state) {
        const Generator::Query& q = queries[i++ % queries.size()];
        const auto start = std::chrono::steady_clock::now();
        auto counted =
            store::count_offers(*c.db, store::OfferQuery(q.text), q.filters, kToday, at_most);
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
        if (!counted) {
            state.SkipWithError(counted.error().message.c_str());
            break;
        }
    }
    state.counters["p50_ms"] = percentile(ms, 0.50);
    state.counters["p99_ms"] = percentile(ms, 0.99);
    state.counters["max_ms"] = percentile(ms, 1.0);
}
BENCHMARK(BM_CountOffers)
    ->Args({1000, 0})
    ->Args({10000, 0})
    ->Args({100000, 0})
    ->Args({100000, 1000})
    ->Iterations(2000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// [SECTION] Ranking

core::RankingProfile made_up_profile() {
    core::Registration r;
    r.city = "Gaziantep";
    r.languages = {{"ara", core::Cefr::C2, core::Written::C1},
                   {"tur", core::Cefr::B1, core::Written::A2}};
    r.education.isced_level = 3;
    r.occupations = {{"isco.5120", ""}, {"skill.forklift", ""}};
    r.availability = {core::AvailableFrom::WithinAMonth, core::Hours::FullTime};
    r.work_permit = core::WorkPermit::Applied;
    r.gender = core::Gender::Female;
    r.preferences = {{"I", "C"}, std::nullopt, {"Kilis", "İzmir"}};
    return core::ranking_profile(r, store::fold_place);
}

// core::rank_offers alone, on 10,000 offers already loaded.
void BM_RankOffers(benchmark::State& state) {
    Corpus& c = corpus(10000);
    auto loaded = store::load_rankable_offers(*c.db, kToday);
    if (!loaded) {
        state.SkipWithError(loaded.error().message.c_str());
        return;
    }
    std::vector<core::OfferFacts> facts;
    for (const auto& r : *loaded) {
        facts.push_back(r.facts);
    }
    const core::RankingProfile person = made_up_profile();
    for (auto _ : state) {
        auto ranked = core::rank_offers(person, facts, kToday);
        benchmark::DoNotOptimize(ranked.data());
    }
    state.counters["offers"] = static_cast<double>(facts.size());
}
BENCHMARK(BM_RankOffers)->Unit(benchmark::kMillisecond)->UseRealTime();

// What "Jobs for you" does: read the facts of every open offer from the store, then rank.
void BM_LoadAndRankOffers(benchmark::State& state) {
    Corpus& c = corpus(10000);
    const core::RankingProfile person = made_up_profile();
    std::size_t offers = 0;
    for (auto _ : state) {
        auto loaded = store::load_rankable_offers(*c.db, kToday);
        if (!loaded) {
            state.SkipWithError(loaded.error().message.c_str());
            break;
        }
        std::vector<core::OfferFacts> facts;
        facts.reserve(loaded->size());
        for (auto& r : *loaded) {
            facts.push_back(std::move(r.facts));
        }
        auto ranked = core::rank_offers(person, facts, kToday);
        benchmark::DoNotOptimize(ranked.data());
        offers = facts.size();
    }
    state.counters["offers"] = static_cast<double>(offers);
}
BENCHMARK(BM_LoadAndRankOffers)->Unit(benchmark::kMillisecond)->UseRealTime();

// [SECTION] Change feed

// 10,000 offers in pages of 100, each page one transaction with its cursor (as the pull
// applies them). range(0) = 0: new offers into an empty database; 1: every offer updated in a
// database that already holds them (each update removes and re-adds its index rows).
// range(1) = 0: synchronous=FULL, the store's default; 1: synchronous=NORMAL, as kiosk-sync's
// pass sets it on its own connection (sync/client/client.cpp, RelaxedDurability).
void BM_ApplyChangeFeed(benchmark::State& state) {
    constexpr std::size_t kOffers = 10000;
    const bool updates = state.range(0) == 1;
    const bool as_the_worker = state.range(1) == 1;
    const std::vector<store::JobOffer> offers = feed(0, kOffers);
    std::vector<store::JobOffer> changed = offers;
    for (auto& o : changed) {
        o.body.insert(o.body.find("\"title\":{") + 9, "\"kmr\":\"Karkerê nû\",");
    }
    double cpu_seconds = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto dir = std::make_unique<TempDir>();
        Database db = open_or_abort(*dir / "kiosk.db");
        if (as_the_worker && !db.exec("PRAGMA synchronous=NORMAL").ok()) {
            state.SkipWithError("cannot set synchronous=NORMAL");
            break;
        }
        std::size_t cursor = 0;
        if (updates && !apply_feed(db, offers, 1000, cursor)) {
            state.SkipWithError("setup failed");
            break;
        }
        state.ResumeTiming();
        const double cpu_start = process_cpu_seconds();
        if (!apply_feed(db, updates ? changed : offers, kFeedPage, cursor)) {
            state.SkipWithError("apply failed");
            break;
        }
        cpu_seconds += process_cpu_seconds() - cpu_start;
        state.PauseTiming();
        if (updates && *store::count_offers(db, store::OfferQuery("karker"), {}, kToday) == 0) {
            state.SkipWithError("the updates were not indexed");
        }
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kOffers));
    // Both threads' CPU per offer: what the feed costs whatever the load.
    state.counters["cpu_us_per_offer"] =
        cpu_seconds * 1e6 / static_cast<double>(state.iterations() * kOffers);
}
BENCHMARK(BM_ApplyChangeFeed)
    ->Args({0, 0})
    ->Args({0, 1})
    ->Args({1, 0})
    ->Args({1, 1})
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Where the time of one upsert goes, without SQLite: reading the body as an offer, and its
// folded words.
void BM_ReadOfferBody(benchmark::State& state) {
    const std::vector<store::JobOffer> offers = feed(0, 1000);
    std::size_t i = 0;
    for (auto _ : state) {
        auto read =
            sync::read_offer_text(offers[i++ % offers.size()].body, sync::UnknownFields::ignore);
        benchmark::DoNotOptimize(read.offer.id.data());
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ReadOfferBody)->Unit(benchmark::kMicrosecond);

void BM_OfferSearchWords(benchmark::State& state) {
    Generator gen;
    std::vector<sync::JobOffer> offers;
    for (std::size_t n = 0; n < 1000; ++n) {
        offers.push_back(gen.offer(n));
    }
    std::size_t i = 0;
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string words = store::offer_search_words(offers[i++ % offers.size()]);
        bytes += words.size();
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["words_bytes"] =
        static_cast<double>(bytes) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_OfferSearchWords)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();

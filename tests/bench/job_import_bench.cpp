// Job offer import at the central office: `publish_offers` (what `kiosk-central jobs import`
// and POST /v1/admin/jobs/import run) over 5,000 made-up offers read from one JSON file, on a
// SQLite file (WAL, synchronous=FULL) and on PostgreSQL (skipped without $KIOSK_PG_URL, see
// sync_bench_pg.hpp). Three cases each: all new offers, the same file again (all unchanged:
// nothing written), and every offer changed (5,000 updates). BENCHMARKS.md, "Job import".
//
// Run: build/<dir>/tests/bench/job_import_bench
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "sync/protocol/encoding.hpp"
#include "sync/server/jobs.hpp"
#include "sync/server/store.hpp"
#include "tests/bench/sync_bench_pg.hpp"

namespace kiosk::sync {
namespace {

using nlohmann::json;

constexpr int kOffers = 5000;
constexpr std::string_view kToday = "2027-01-01";

// kOffers offers in four languages, ~1.2 KiB of JSON each; `variant` goes into every title, so
// another variant changes every offer.
std::string offers_file(int variant) {
    const char* cities[] = {"İzmir", "Bursa", "София", "Пловдив", "Mersin"};
    json offers = json::array();
    for (int i = 0; i < kOffers; ++i) {
        const std::string n = std::to_string(i);
        offers.push_back(
            json{{"id", "bench-" + n},
                 {"title",
                  {{"tr", "Aşçı yardımcısı " + n},
                   {"en", "Assistant cook " + n + " v" + std::to_string(variant)},
                   {"ar", "مساعد طبّاخ " + n},
                   {"bg", "Помощник-готвач " + n}}},
                 {"description",
                  {{"en", "You help prepare lunch in a school kitchen. Made up for a benchmark."},
                   {"tr", "Bir okul mutfağında öğle yemeği hazırlanmasına yardım edersiniz."}}},
                 {"employer", "Bench Catering " + std::to_string(i % 97) + " (made up)"},
                 {"city", cities[i % 5]},
                 {"country", i % 5 < 2 || i % 5 == 4 ? "TR" : "BG"},
                 {"sector", "I"},
                 {"occupation", "9412"},
                 {"contract", i % 3 == 0 ? "part_time" : "full_time"},
                 {"hours_per_week", 20 + i % 25},
                 {"pay", {{"min", 180}, {"max", 210}, {"currency", "TRY"}, {"period", "hour"}}},
                 {"languages", json::array({{{"code", "tur"}, {"level", "A2"}}})},
                 {"work_permit", "employer_applies"},
                 {"flags", json::array({"refugee_friendly"})},
                 {"expires", "2027-04-30"}});
    }
    return offers.dump();
}

std::vector<OfferRow> rows_of(int variant) {
    auto rows = read_offer_file(offers_file(variant), OfferFileFormat::json);
    if (!rows) {
        std::fprintf(stderr, "job_import_bench: %s\n", rows.error().message.c_str());
        std::abort();
    }
    return *rows;
}

enum class Case { fresh, unchanged, updated };

// Each iteration imports into a fresh database; the set-up (and, for the re-imports, the first
// import) is outside the timing.
void run_import(benchmark::State& state, const std::string& db_url, Case what) {
    const std::vector<OfferRow> first = rows_of(0);
    const std::vector<OfferRow> second = what == Case::updated ? rows_of(1) : first;
    const auto dir = std::filesystem::temp_directory_path() / ("kiosk-import-bench-" + random_id());
    std::filesystem::create_directories(dir);
    int round = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const std::string url =
            db_url.empty() ? (dir / ("central-" + std::to_string(round++) + ".sqlite")).string()
                           : db_url;
        auto store = open_store(url);
        if (!store || !(*store)->init_schema()) {
            state.SkipWithError("cannot open the database");
            break;
        }
        if (what != Case::fresh) {
            (void)publish_offers(**store, first, kToday);
        }
        state.ResumeTiming();
        auto summary = publish_offers(**store, what == Case::fresh ? first : second, kToday);
        if (!summary) {
            state.SkipWithError(summary.error().message.c_str());
            break;
        }
        const std::size_t expected = what == Case::unchanged ? 0 : kOffers;
        if (summary->published != expected) {
            state.SkipWithError("unexpected number of offers published");
            break;
        }
        state.PauseTiming();
        store->reset();
        if (!db_url.empty()) {
            // One PostgreSQL database for every iteration: empty it.
            pqxx::connection c(db_url);
            pqxx::work w(c);
            w.exec("DELETE FROM offers");
            w.exec("UPDATE feed_counter SET seq = 0");
            w.commit();
        }
        state.ResumeTiming();
    }
    state.counters["offers/s"] =
        benchmark::Counter(static_cast<double>(kOffers) * static_cast<double>(state.iterations()),
                           benchmark::Counter::kIsRate);
    std::filesystem::remove_all(dir);
}

void BM_ImportSqlite(benchmark::State& state, Case what) {
    run_import(state, {}, what);
}

void BM_ImportPg(benchmark::State& state, Case what) {
    const bench::PgDatabase db(state);
    if (db.ok()) {
        run_import(state, db.url(), what);
    }
}

// Three runs each (one is ~0.1-20 s), in wall time: the import waits for fsync, not the CPU.
void register_all() {
    const std::pair<const char*, Case> cases[] = {{"new_5000", Case::fresh},
                                                  {"unchanged_5000", Case::unchanged},
                                                  {"updated_5000", Case::updated}};
    for (const auto& [name, what] : cases) {
        for (const auto& [db, fn] : {std::pair{"BM_ImportSqlite/", &BM_ImportSqlite},
                                     std::pair{"BM_ImportPg/", &BM_ImportPg}}) {
            benchmark::RegisterBenchmark((std::string(db) + name).c_str(), fn, what)
                ->Unit(benchmark::kMillisecond)
                ->Iterations(3)
                ->UseRealTime();
        }
    }
}

}  // namespace
}  // namespace kiosk::sync

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    kiosk::sync::register_all();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

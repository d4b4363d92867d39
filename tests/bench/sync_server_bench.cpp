// kiosk-central throughput: a real server (in this process, real loopback socket) ingesting
// sealed records from one keep-alive client, at batch sizes 1, 100 and 500, on a SQLite file
// (synchronous=FULL) and on PostgreSQL (skipped without $KIOSK_PG_URL, see sync_bench_pg.hpp);
// and the cost of the per-record crypto on each side.
#include <benchmark/benchmark.h>
#include <httplib.h>

#include <filesystem>
#include <thread>

#include "kiosk/core/clock.hpp"
#include "sync/protocol/encoding.hpp"
#include "sync/protocol/envelope.hpp"
#include "sync/protocol/wire.hpp"
#include "sync/server/credentials.hpp"
#include "sync/server/server.hpp"
#include "sync/server/store.hpp"
#include "tests/bench/sync_bench_pg.hpp"

namespace kiosk::sync {
namespace {

using nlohmann::json;

json registration() {
    return json{
        {"given_name", "Bench"},
        {"family_name", "Person"},
        {"phone", {{"calling_code", "+90"}, {"national_number", "0532 000 00 01"}}},
        {"year_of_birth", 1990},
        {"gender", "female"},
        {"nationality", "SY"},
        {"city", "Sampletown"},
        {"languages", json::array({{{"code", "ara"}, {"spoken", "C2"}, {"written", "C2"}},
                                   {{"code", "tur"}, {"spoken", "B1"}, {"written", "A2"}}})},
        {"education", {{"isced_level", 3}, {"isced_field", "07"}}},
        {"availability", {{"when", "now"}, {"hours", "part_time"}}},
        {"work_permit", "applied"},
        {"consent_version", "2026-01"},
        {"consent_unix_seconds", 1790000000}};
}

// A server on a fresh database (a SQLite file in `dir`, or `db_url`) with one enrolled kiosk.
struct Rig {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("kiosk-bench-" + random_id());
    std::unique_ptr<ServerStore> store;
    BoxKeyPair keys = BoxKeyPair::generate();
    SignKeyPair device = SignKeyPair::generate();
    std::string device_id = random_id();
    std::string token;
    SystemClock clock;
    std::unique_ptr<CentralServer> server;
    std::thread thread;
    int port = 0;
    std::uint64_t seq = 0;

    explicit Rig(const std::string& db_url = {}) {
        std::filesystem::create_directories(dir);
        store = open_store(db_url.empty() ? (dir / "central.sqlite").string() : db_url).value();
        (void)store->init_schema();
        const std::string code = make_enrol_code();
        (void)store->add_enrol_code(enrol_code_hash(code), "Bench", 0);
        token = make_token();
        (void)store->enrol(enrol_code_hash(code), device_id, token_hash(token), device.public_key,
                           0);
        server = std::make_unique<CentralServer>(*store, keys, clock);
        port = *server->bind("127.0.0.1", 0);
        thread = std::thread([this] { server->run(); });
        httplib::Client probe("127.0.0.1", port);
        while (!probe.Get(std::string(kPathHealth))) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
    ~Rig() {
        server->stop();
        thread.join();
        server.reset();
        store.reset();
        std::filesystem::remove_all(dir);
    }

    PushRecord record() {
        RecordContent c{random_id(), device_id, "registration", 1, "2026-01", registration()};
        ++seq;
        return PushRecord{c.record_id, seq,        c.kind,
                          1,           1790000000, *seal_record(c, seq, keys.public_key, device)};
    }
};

void ingest(benchmark::State& state, Rig& rig) {
    httplib::Client cli("127.0.0.1", rig.port);
    cli.set_keep_alive(true);
    cli.set_tcp_nodelay(true);
    const httplib::Headers auth{{"Authorization", "Bearer " + rig.token}};
    const auto batch_size = static_cast<std::size_t>(state.range(0));
    for (auto _ : state) {
        state.PauseTiming();  // sealing is the kiosk's cost, measured below
        PushBatch batch;
        for (std::size_t i = 0; i < batch_size; ++i) {
            batch.records.push_back(rig.record());
        }
        const std::string body = encode(batch);
        state.ResumeTiming();
        auto res = cli.Post(std::string(kPathPush), auth, body, std::string(kJsonContentType));
        if (!res || res->status != 200) {
            state.SkipWithError("push failed");
            break;
        }
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(batch_size));
    state.counters["records/s"] = benchmark::Counter(
        static_cast<double>(state.iterations() * static_cast<std::int64_t>(batch_size)),
        benchmark::Counter::kIsRate);
}

void BM_IngestSqlite(benchmark::State& state) {
    Rig rig;
    ingest(state, rig);
}
BENCHMARK(BM_IngestSqlite)
    ->Arg(1)
    ->Arg(100)
    ->Arg(500)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

void BM_IngestPg(benchmark::State& state) {
    bench::PgDatabase pg(state);
    if (!pg.ok()) {
        return;
    }
    Rig rig(pg.url());
    ingest(state, rig);
}
BENCHMARK(BM_IngestPg)->Arg(1)->Arg(100)->Arg(500)->UseRealTime()->Unit(benchmark::kMillisecond);

// The floor under ingest: one request that reads the epoch and writes nothing.
void BM_HealthRoundTrip(benchmark::State& state) {
    Rig rig;
    httplib::Client cli("127.0.0.1", rig.port);
    cli.set_keep_alive(true);
    cli.set_tcp_nodelay(true);
    for (auto _ : state) {
        auto res = cli.Get(std::string(kPathHealth));
        if (!res || res->status != 200) {
            state.SkipWithError("health failed");
            break;
        }
    }
}
BENCHMARK(BM_HealthRoundTrip)->UseRealTime()->Unit(benchmark::kMicrosecond);

void BM_SealRecord(benchmark::State& state) {
    const BoxKeyPair server = BoxKeyPair::generate();
    const SignKeyPair device = SignKeyPair::generate();
    const RecordContent c{random_id(), random_id(), "registration", 1, "2026-01", registration()};
    for (auto _ : state) {
        benchmark::DoNotOptimize(seal_record(c, 1, server.public_key, device));
    }
}
BENCHMARK(BM_SealRecord)->Unit(benchmark::kMicrosecond);

void BM_OpenAndVerifyRecord(benchmark::State& state) {
    const BoxKeyPair server = BoxKeyPair::generate();
    const SignKeyPair device = SignKeyPair::generate();
    const std::string device_id = random_id();
    const RecordContent c{random_id(), device_id, "registration", 1, "2026-01", registration()};
    const PushRecord r{c.record_id, 1, c.kind, 1, 0, *seal_record(c, 1, server.public_key, device)};
    for (auto _ : state) {
        auto opened = open_record(r, device_id, device.public_key, server);
        if (!opened) {
            state.SkipWithError("open failed");
            break;
        }
        benchmark::DoNotOptimize(opened);
    }
}
// Threads(2): how much a second core adds (the server verifies a batch on every core).
BENCHMARK(BM_OpenAndVerifyRecord)
    ->Threads(1)
    ->Threads(2)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace kiosk::sync

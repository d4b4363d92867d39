// Backlog drain, end to end: a kiosk database with queued sealed registrations, one SyncWorker
// pass (claim, sign, gzip, POST, per-record acks, purge, checkpoint) against a real kiosk-central
// (in this process, real loopback socket, its own SQLite file). Sealing happens at submit time
// in the UI, so it is outside the timed part. Figures: records/s by batch size, and a 50,000
// record backlog (a long offline period) drained at the default batch with the peak RSS.
#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <filesystem>
#include <thread>

#include "kiosk/core/clock.hpp"
#include "kiosk/store/registrations.hpp"
#include "kiosk/store/sqlite.hpp"
#include "sync/client/client.hpp"
#include "sync/protocol/encoding.hpp"
#include "sync/server/credentials.hpp"
#include "sync/server/server.hpp"
#include "sync/server/store.hpp"

namespace kiosk::sync::client {
namespace {

constexpr int kBacklog = 500;

// A made-up registration of typical size (~1 KiB of JSON before sealing).
nlohmann::json person(int i) {
    return nlohmann::json{
        {"given_name", "Bench " + std::to_string(i)},
        {"family_name", "Person"},
        {"phone", "+90 532 000 00 01"},
        {"year_of_birth", 1990},
        {"city", "Sampletown"},
        {"languages", nlohmann::json::array({{{"code", "ara"}, {"spoken", "C2"}},
                                             {{"code", "tur"}, {"spoken", "B1"}}})},
        {"occupations", nlohmann::json::array({"cook", "kitchen assistant", "cleaner"})},
        {"work_history", std::string(600, 'w')}};
}

struct Central {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("kiosk-client-bench-" + random_id());
    std::unique_ptr<ServerStore> store;
    BoxKeyPair keys = BoxKeyPair::generate();
    SystemClock clock;
    std::unique_ptr<CentralServer> server;
    std::thread thread;
    std::string url;

    Central() {
        std::filesystem::create_directories(dir);
        store = open_store((dir / "central.sqlite").string()).value();
        (void)store->init_schema();
        server = std::make_unique<CentralServer>(*store, keys, clock);
        url = "http://127.0.0.1:" + std::to_string(*server->bind("127.0.0.1", 0));
        thread = std::thread([this] { server->run(); });
    }
    ~Central() {
        server->stop();
        thread.join();
        server.reset();
        store.reset();
        std::filesystem::remove_all(dir);
    }

    std::string code() {
        const std::string c = make_enrol_code();
        (void)store->add_enrol_code(enrol_code_hash(c), "Bench", 0);
        return c;
    }
};

// Enrols the kiosk database with the benchmark's central server; on failure the benchmark is
// marked skipped with the reason.
bool enrolled(store::Database& db, Central& central, benchmark::State& state) {
    TransportConfig config;
    config.base_url = central.url;
    if (auto s = enroll(db, config, central.code()); !s) {
        state.SkipWithError(s.error().message.c_str());
        return false;
    }
    return true;
}

void BM_DrainBacklog(benchmark::State& state) {
    Central central;
    auto db = store::Database::open(central.dir / "kiosk" / "kiosk.db").value();
    if (!enrolled(db, central, state)) {
        return;
    }
    const Identity identity = ensure_identity(db).value();
    WorkerOptions options;
    options.max_records = static_cast<std::size_t>(state.range(0));
    const SystemClock clock;
    SyncWorker worker(db, clock, {}, options);
    int n = 0;
    for (auto _ : state) {
        state.PauseTiming();
        for (int i = 0; i < kBacklog; ++i, ++n) {
            RecordContent c{random_id(), identity.device_id, "registration",
                            1,           "2026-01",          person(n)};
            const std::string sealed = seal_content(c, central.keys.public_key).value();
            store::NewRegistration r;
            r.record_id = c.record_id;
            r.reference_code = "B" + c.record_id.substr(0, 12);
            r.consent_version = "2026-01";
            r.schema = 1;
            r.body.assign(sealed.begin(), sealed.end());
            (void)store::submit_registration(db, r).value();
        }
        state.ResumeTiming();
        const PassOutcome out = worker.run_pass();
        if (!out.ok || out.report.acked != static_cast<std::size_t>(kBacklog)) {
            state.SkipWithError(("pass failed: " + out.error.message).c_str());
            return;
        }
    }
    state.SetItemsProcessed(state.iterations() * kBacklog);
}
BENCHMARK(BM_DrainBacklog)->Arg(1)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond)->UseRealTime();

// A backlog after weeks offline: queued in one transaction (fast set-up), then drained by
// passes at the default batch size. peak_rss_mb shows memory stays bounded by the batch, not
// the backlog.
void BM_DrainLargeBacklog(benchmark::State& state) {
    Central central;
    auto db = store::Database::open(central.dir / "kiosk" / "kiosk.db").value();
    if (!enrolled(db, central, state)) {
        return;
    }
    const Identity identity = ensure_identity(db).value();
    const auto backlog = static_cast<int>(state.range(0));
    const SystemClock clock;
    SyncWorker worker(db, clock);
    for (auto _ : state) {
        state.PauseTiming();
        auto queued = store::in_transaction<Ok>(db, [&]() -> Status {
            for (int i = 0; i < backlog; ++i) {
                RecordContent c{random_id(), identity.device_id, "interest",
                                1,           "2026-01",          person(i)};
                const std::string sealed = seal_content(c, central.keys.public_key).value();
                const std::vector<std::uint8_t> body(sealed.begin(), sealed.end());
                auto seq = store::insert_queued_in_transaction(
                    db, store::NewOutboxRecord{"interest", c.record_id, 1, 0, body});
                if (!seq) {
                    return seq.error();
                }
            }
            return Ok{};
        });
        if (!queued) {
            state.SkipWithError(queued.error().message.c_str());
            return;
        }
        state.ResumeTiming();
        std::size_t acked = 0;
        while (acked < static_cast<std::size_t>(backlog)) {
            const PassOutcome out = worker.run_pass();
            if (!out.ok || out.report.acked == 0) {
                state.SkipWithError(("pass failed: " + out.error.message).c_str());
                return;
            }
            acked += out.report.acked;
        }
    }
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    state.counters["peak_rss_mb"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
    state.SetItemsProcessed(state.iterations() * backlog);
}
BENCHMARK(BM_DrainLargeBacklog)
    ->Arg(50'000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace kiosk::sync::client

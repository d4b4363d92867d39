// Backlog drain, end to end: a kiosk database with queued sealed registrations, SyncWorker passes
// (claim, sign, gzip, POST, per-record acks, purge, checkpoint) against a real kiosk-central (in
// this process, real loopback socket) on its own SQLite file or on PostgreSQL (skipped without
// $KIOSK_PG_URL, see sync_bench_pg.hpp). Sealing happens at submit time in the UI, so it is
// outside the timed part. Figures: records/s by batch size, and a 50,000-record backlog (a long
// offline period) drained at the default batch, with the peak RSS and the latency of the UI's
// submit_registration on a second connection to the same kiosk database meanwhile.
#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <optional>
#include <thread>
#include <vector>

#include "kiosk/core/clock.hpp"
#include "kiosk/store/registrations.hpp"
#include "kiosk/store/sqlite.hpp"
#include "sync/client/client.hpp"
#include "sync/protocol/encoding.hpp"
#include "sync/protocol/gzip.hpp"
#include "sync/protocol/wire.hpp"
#include "sync/server/credentials.hpp"
#include "sync/server/server.hpp"
#include "sync/server/store.hpp"
#include "tests/bench/sync_bench_pg.hpp"

namespace kiosk::sync::client {
namespace {

constexpr int kBacklog = 500;  // records queued before each timed pass of BM_DrainBacklog

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

// kiosk-central on a fresh database: a SQLite file in `dir`, or `db_url`.
struct Central {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("kiosk-client-bench-" + random_id());
    std::unique_ptr<ServerStore> store;
    BoxKeyPair keys = BoxKeyPair::generate();
    SystemClock clock;
    std::unique_ptr<CentralServer> server;
    std::thread thread;
    std::string url;

    explicit Central(const std::string& db_url = {}) {
        std::filesystem::create_directories(dir);
        store = open_store(db_url.empty() ? (dir / "central.sqlite").string() : db_url).value();
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

// Queues `n` sealed records in one transaction (fast set-up; the UI writes one per transaction),
// then checkpoints: a backlog builds up over days with checkpoints on the way, so the timed drain
// must not start by copying the set-up's WAL (~1 MB per 1,000 records) into the database.
Status queue_backlog(store::Database& db, const Identity& identity, const Central& central, int n,
                     int first) {
    auto queued = store::in_transaction<Ok>(db, [&]() -> Status {
        for (int i = 0; i < n; ++i) {
            RecordContent c{random_id(), identity.device_id, "interest",
                            1,           "2026-01",          person(first + i)};
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
        return queued;
    }
    return db.checkpoint();
}

// Passes at batch state.range(0) with state.range(1) batches on the wire at once until a backlog
// of kBacklog records is acked, per iteration. state.range(2) 0: the pass commits with
// synchronous=FULL (WorkerOptions::relaxed_durability false); with range(1) 1 that is a naive
// client, one request at a time and an fsync per claim and per ack.
void drain_backlog(benchmark::State& state, Central& central) {
    auto db = store::Database::open(central.dir / "kiosk" / "kiosk.db").value();
    if (!enrolled(db, central, state)) {
        return;
    }
    const Identity identity = ensure_identity(db).value();
    WorkerOptions options;
    options.max_records = static_cast<std::size_t>(state.range(0));
    options.max_in_flight = static_cast<std::size_t>(state.range(1));
    options.relaxed_durability = state.range(2) != 0;
    const SystemClock clock;
    SyncWorker worker(db, clock, {}, options);
    int n = 0;
    for (auto _ : state) {
        state.PauseTiming();
        if (auto queued = queue_backlog(db, identity, central, kBacklog, n); !queued) {
            state.SkipWithError(queued.error().message.c_str());
            return;
        }
        n += kBacklog;
        state.ResumeTiming();
        const PassOutcome out = worker.run_pass();
        if (!out.ok || out.report.acked != static_cast<std::size_t>(kBacklog)) {
            state.SkipWithError(("pass failed: " + out.error.message).c_str());
            return;
        }
    }
    state.SetItemsProcessed(state.iterations() * kBacklog);
}

void BM_DrainBacklog(benchmark::State& state) {
    Central central;
    drain_backlog(state, central);
}
BENCHMARK(BM_DrainBacklog)
    ->Args({1, 2, 1})
    ->Args({10, 2, 1})
    ->Args({100, 2, 1})
    ->Args({500, 2, 1})
    ->Args({100, 1, 1})  // one batch at a time: what the second connection adds
    ->Args({1, 1, 0})    // a naive client: one record per request, one at a time, FULL
    ->Args({100, 1, 0})  // the same with batches of 100
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_DrainBacklogPg(benchmark::State& state) {
    bench::PgDatabase pg(state);
    if (!pg.ok()) {
        return;
    }
    Central central(pg.url());
    drain_backlog(state, central);
}
BENCHMARK(BM_DrainBacklogPg)
    ->Args({1, 2, 1})
    ->Args({100, 2, 1})
    ->Args({500, 2, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// [SECTION] The push body: JSON encoding, signing and gzip

// One batch of state.range(0) sealed records as SyncWorker::prepare builds it, split into its
// steps (everything but the claim): sign each record, encode the batch as JSON, gzip it at level
// state.range(1) (0: not at all). Per-record costs from the timings below and the counters:
// wire_pct_of_json is the gzip body against the batch's JSON, wire_pct_of_plain the same body
// against the records' plaintext JSON before sealing (the README's "~53 % of its JSON" is the
// envelope alone, before gzip).
void BM_PushBody(benchmark::State& state) {
    const auto n = static_cast<int>(state.range(0));
    const int level = static_cast<int>(state.range(1));
    const BoxKeyPair server = BoxKeyPair::generate();
    const SignKeyPair device = SignKeyPair::generate();
    const std::string device_id = random_id();
    struct Sealed {
        std::string record_id;
        std::string sealed;
    };
    std::vector<Sealed> records;
    std::size_t plain_bytes = 0;
    for (int i = 0; i < n; ++i) {
        RecordContent c{random_id(), device_id, "interest", 1, "2026-01", person(i)};
        plain_bytes += encode_plaintext(c).size();
        records.push_back(Sealed{c.record_id, seal_content(c, server.public_key).value()});
    }
    std::size_t json_bytes = 0;
    std::size_t wire_bytes = 0;
    for (auto _ : state) {
        PushBatch wire;
        wire.records.reserve(records.size());
        std::uint64_t seq = 1;
        for (const auto& r : records) {
            std::string sig =
                sign_record(r.record_id, seq, "interest", 1, r.sealed, device).value();
            wire.records.push_back(PushRecord{r.record_id, seq++, "interest", 1, 0,
                                              Envelope{r.sealed, std::move(sig)}});
        }
        const std::string json = encode(wire);
        json_bytes = json.size();
        wire_bytes = level > 0 ? gzip_compress(json, level).size() : json.size();
        benchmark::DoNotOptimize(wire_bytes);
    }
    const auto per_record = [n](std::size_t bytes) { return static_cast<double>(bytes) / n; };
    state.counters["json_bytes_per_record"] = per_record(json_bytes);
    state.counters["wire_bytes_per_record"] = per_record(wire_bytes);
    state.counters["wire_pct_of_json"] = 100.0 * per_record(wire_bytes) / per_record(json_bytes);
    state.counters["wire_pct_of_plain"] = 100.0 * per_record(wire_bytes) / per_record(plain_bytes);
    state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_PushBody)
    ->Args({100, 0})
    ->Args({100, 1})
    ->Args({100, 6})
    ->Unit(benchmark::kMicrosecond);

// Each step of BM_PushBody alone, per batch of state.range(0) records: 0 sign, 1 encode,
// 2 gzip at level 1, 3 gzip at level 6.
void BM_PushBodyStep(benchmark::State& state) {
    const auto n = static_cast<int>(state.range(0));
    const auto step = state.range(1);
    const BoxKeyPair server = BoxKeyPair::generate();
    const SignKeyPair device = SignKeyPair::generate();
    PushBatch wire;
    for (int i = 0; i < n; ++i) {
        RecordContent c{random_id(), random_id(), "interest", 1, "2026-01", person(i)};
        std::string sealed = seal_content(c, server.public_key).value();
        std::string sig = sign_record(c.record_id, 1, "interest", 1, sealed, device).value();
        wire.records.push_back(PushRecord{c.record_id, static_cast<std::uint64_t>(i + 1),
                                          "interest", 1, 0,
                                          Envelope{std::move(sealed), std::move(sig)}});
    }
    const std::string json = encode(wire);
    for (auto _ : state) {
        switch (step) {
            case 0:
                for (const auto& r : wire.records) {
                    benchmark::DoNotOptimize(sign_record(r.record_id, r.device_seq, r.kind,
                                                         r.schema, r.body.sealed, device));
                }
                break;
            case 1:
                benchmark::DoNotOptimize(encode(wire));
                break;
            default:
                benchmark::DoNotOptimize(gzip_compress(json, step == 2 ? 1 : 6));
                break;
        }
    }
    state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_PushBodyStep)->ArgsProduct({{100}, {0, 1, 2, 3}})->Unit(benchmark::kMicrosecond);

// [SECTION] The UI while a backlog drains

// The kiosk UI: its own connection to the kiosk database (synchronous=FULL), one
// submit_registration every `interval`, timing each call. Records are sealed before they are
// needed: only the store call is timed, as the person waits for it after "Save".
class UiWriter {
  public:
    UiWriter(const std::filesystem::path& db_file, const Identity& identity, const Central& central,
             int records, std::chrono::milliseconds interval)
        : db_(store::Database::open(db_file).value()), interval_(interval) {
        for (int i = 0; i < records; ++i) {
            RecordContent c{random_id(), identity.device_id, "registration",
                            1,           "2026-01",          person(i)};
            const std::string sealed = seal_content(c, central.keys.public_key).value();
            store::NewRegistration r;
            r.record_id = c.record_id;
            r.reference_code = "U" + c.record_id.substr(0, 12);
            r.consent_version = "2026-01";
            r.schema = 1;
            r.body.assign(sealed.begin(), sealed.end());
            pending_.push_back(std::move(r));
        }
    }

    // Submits until stop() or until the sealed records run out; latencies in ms.
    void start() {
        thread_ = std::thread([this] {
            auto next = std::chrono::steady_clock::now();
            for (auto& r : pending_) {
                if (stop_.load()) {
                    break;
                }
                std::this_thread::sleep_until(next);  // pacing, not synchronisation
                next += interval_;
                const auto t0 = std::chrono::steady_clock::now();
                const auto receipt = store::submit_registration(db_, r);
                const auto t1 = std::chrono::steady_clock::now();
                if (!receipt) {
                    ++failures_;
                    continue;
                }
                latencies_ms_.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            }
        });
    }
    void stop() {
        stop_.store(true);
        if (thread_.joinable()) {
            thread_.join();
        }
    }
    ~UiWriter() { stop(); }

    // p in [0, 1] of the latencies so far (call after stop()); 0 when there are none.
    double percentile(double p) {
        if (latencies_ms_.empty()) {
            return 0;
        }
        std::vector<double> sorted = latencies_ms_;
        std::sort(sorted.begin(), sorted.end());
        const auto i = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
        return sorted[std::min(i, sorted.size() - 1)];
    }
    std::size_t writes() const { return latencies_ms_.size(); }
    int failures() const { return failures_; }

  private:
    store::Database db_;
    std::chrono::milliseconds interval_;
    std::vector<store::NewRegistration> pending_;
    std::vector<double> latencies_ms_;
    int failures_ = 0;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

// A backlog after weeks offline: queued in one transaction (fast set-up), then drained by
// passes at the default batch size; with range(1) > 0 the UI meanwhile submits a registration
// every range(1) ms (far more often than people do, for enough samples). peak_rss_mb (of this
// whole process: server, kiosk-sync and UI together) shows memory stays bounded by the batch,
// not the backlog. ui_idle_* is the UI's submit latency over one second before the drain, ui_*
// during it.
void drain_large_backlog(benchmark::State& state, Central& central) {
    const auto db_file = central.dir / "kiosk" / "kiosk.db";
    auto db = store::Database::open(db_file).value();
    if (!enrolled(db, central, state)) {
        return;
    }
    const Identity identity = ensure_identity(db).value();
    const auto backlog = static_cast<int>(state.range(0));
    const std::chrono::milliseconds ui_every(state.range(1));
    const bool with_ui = ui_every.count() > 0;
    const SystemClock clock;
    SyncWorker worker(db, clock);
    for (auto _ : state) {
        state.PauseTiming();
        if (auto queued = queue_backlog(db, identity, central, backlog, 0); !queued) {
            state.SkipWithError(queued.error().message.c_str());
            return;
        }
        std::optional<UiWriter> ui;
        if (with_ui) {
            UiWriter idle(db_file, identity, central, 1000 / static_cast<int>(ui_every.count()),
                          ui_every);
            idle.start();
            std::this_thread::sleep_for(std::chrono::seconds(1));  // a fixed sample, not a wait
            idle.stop();
            state.counters["ui_idle_p50_ms"] = idle.percentile(0.50);
            state.counters["ui_idle_p99_ms"] = idle.percentile(0.99);
            // Enough sealed records for a drain of up to 60 s.
            ui.emplace(db_file, identity, central, 60'000 / static_cast<int>(ui_every.count()),
                       ui_every);
        }
        state.ResumeTiming();

        if (ui) {
            ui->start();
        }
        std::size_t acked = 0;
        while (acked < static_cast<std::size_t>(backlog)) {
            const PassOutcome out = worker.run_pass();
            if (!out.ok || out.report.acked == 0) {
                state.SkipWithError(("pass failed: " + out.error.message).c_str());
                return;
            }
            acked += out.report.acked;
        }
        if (ui) {
            ui->stop();
            state.counters["ui_p50_ms"] = ui->percentile(0.50);
            state.counters["ui_p99_ms"] = ui->percentile(0.99);
            state.counters["ui_max_ms"] = ui->percentile(1.0);
            state.counters["ui_writes"] = static_cast<double>(ui->writes());
            state.counters["ui_failures"] = ui->failures();
        }
        state.counters["acked"] = static_cast<double>(acked);
    }
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    state.counters["peak_rss_mb"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
    state.SetItemsProcessed(state.iterations() * backlog);
}

void BM_DrainLargeBacklog(benchmark::State& state) {
    Central central;
    drain_large_backlog(state, central);
}
BENCHMARK(BM_DrainLargeBacklog)
    ->Args({50'000, 0})
    ->Args({50'000, 20})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_DrainLargeBacklogPg(benchmark::State& state) {
    bench::PgDatabase pg(state);
    if (!pg.ok()) {
        return;
    }
    Central central(pg.url());
    drain_large_backlog(state, central);
}
BENCHMARK(BM_DrainLargeBacklogPg)
    ->Args({50'000, 0})
    ->Args({50'000, 20})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace kiosk::sync::client

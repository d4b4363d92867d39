// Store throughput on a real database file (WAL, synchronous=FULL, so every commit waits for
// fdatasync): submitting registrations one per transaction as the kiosk does, and the sync
// worker's claim + ack of a batch. Run: build/<dir>/tests/bench/store_bench
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "kiosk/store/outbox.hpp"
#include "kiosk/store/registrations.hpp"
#include "tests/store/store_test_support.hpp"

namespace {

using kiosk::store::Database;
using kiosk::store::testing::make_registration;
using kiosk::store::testing::TempDir;

constexpr std::size_t kBodyBytes = 2048;  // about a sealed registration envelope

Database open_or_abort(const std::filesystem::path& file) {
    auto db = Database::open(file);
    if (!db) {
        std::fprintf(stderr, "store_bench: %s\n", db.error().message.c_str());
        std::abort();
    }
    return std::move(db).value();
}

// One registration per transaction: what a person waits for after pressing "Submit".
void BM_SubmitRegistration(benchmark::State& state) {
    TempDir dir;
    Database db = open_or_abort(dir / "kiosk.db");
    std::uint64_t n = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const auto registration = make_registration(++n, kBodyBytes);
        state.ResumeTiming();
        auto receipt = kiosk::store::submit_registration(db, registration);
        if (!receipt) {
            state.SkipWithError(receipt.error().message.c_str());
            break;
        }
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(kBodyBytes));
}
// Real time: the cost is waiting for the disk, which CPU time does not see.
BENCHMARK(BM_SubmitRegistration)->Unit(benchmark::kMicrosecond)->UseRealTime();

// The sync worker's side: claim a batch of N records (2 KiB each), then ack them all (purged
// with secure_delete). The backlog is refilled outside the timed region, with fsync off.
void BM_ClaimAndAckBatch(benchmark::State& state) {
    const auto batch_size = static_cast<std::size_t>(state.range(0));
    TempDir dir;
    Database db = open_or_abort(dir / "kiosk.db");
    std::uint64_t n = 0;
    std::size_t queued = 0;
    for (auto _ : state) {
        if (queued < batch_size) {
            state.PauseTiming();
            (void)db.exec("PRAGMA synchronous=OFF");
            for (std::size_t i = 0; i < 20 * batch_size; ++i) {
                (void)kiosk::store::submit_registration(db, make_registration(++n, kBodyBytes));
            }
            (void)db.exec("PRAGMA synchronous=FULL");
            queued += 20 * batch_size;
            state.ResumeTiming();
        }
        auto batch = kiosk::store::claim_batch(db, batch_size, batch_size * kBodyBytes);
        if (!batch || batch->size() != batch_size) {
            state.SkipWithError("claim_batch returned a short batch");
            break;
        }
        std::vector<std::string> ids;
        ids.reserve(batch->size());
        for (const auto& record : *batch) {
            ids.push_back(record.record_id);
        }
        auto acked = kiosk::store::mark_acked(db, ids);
        if (!acked || *acked != batch_size) {
            state.SkipWithError("mark_acked did not ack the batch");
            break;
        }
        // Acked rows are kept for a server restore; the worker purges past its window.
        if (!kiosk::store::purge_acked(db, 0)) {
            state.SkipWithError("purge_acked failed");
            break;
        }
        queued -= batch_size;
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ClaimAndAckBatch)->Arg(100)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();

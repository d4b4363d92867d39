// The outbox state machine (outbox.hpp): each transition, ordering by device_seq, the byte budget,
// dead letters that do not block the queue, crash recovery, and purging with secure_delete.
#include "kiosk/store/outbox.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "kiosk/store/registrations.hpp"
#include "kiosk/store/sqlite.hpp"
#include "tests/store/store_fixture.hpp"

namespace kiosk::store {
namespace {

using testing::make_registration;
using testing::RawSqlite;

constexpr std::size_t kNoByteLimit = std::size_t{1} << 30;

class Outbox : public testing::StoreTest {
  protected:
    // Submits registrations numbered first..last (body_size bytes each) and returns their ids.
    std::vector<std::string> submit(std::uint64_t first, std::uint64_t last,
                                    std::size_t body_size = 64) {
        std::vector<std::string> ids;
        for (std::uint64_t n = first; n <= last; ++n) {
            auto receipt = submit_registration(db(), make_registration(n, body_size));
            EXPECT_TRUE(receipt.ok()) << receipt.error().message;
            ids.push_back(make_registration(n).record_id);
        }
        return ids;
    }
    std::vector<OutboxRecord> claim(std::size_t max_records, std::size_t max_bytes = kNoByteLimit) {
        auto batch = claim_batch(db(), max_records, max_bytes);
        EXPECT_TRUE(batch.ok()) << batch.error().message;
        return batch.ok() ? std::move(batch).value() : std::vector<OutboxRecord>{};
    }
    OutboxCounts count() {
        auto c = counts(db());
        EXPECT_TRUE(c.ok());
        return c.ok() ? *c : OutboxCounts{};
    }
    std::string column_of(const std::string& column, const std::string& record_id) {
        return RawSqlite(file_).text("SELECT " + column + " FROM outbox WHERE record_id = '" +
                                     record_id + "'");
    }

    static std::vector<std::string> ids_of(const std::vector<OutboxRecord>& batch) {
        std::vector<std::string> ids;
        for (const auto& r : batch) {
            ids.push_back(r.record_id);
        }
        return ids;
    }
};

TEST_F(Outbox, AnEmptyOutboxCountsZeroAndClaimsNothing) {
    const OutboxCounts c = count();
    EXPECT_EQ(c.queued + c.sending + c.rejected, 0);
    EXPECT_TRUE(claim(10).empty());
    EXPECT_TRUE(list_rejected(db()).value().empty());
}

TEST_F(Outbox, ClaimTakesTheOldestQueuedInDeviceSeqOrderAndMarksThemSending) {
    const auto ids = submit(1, 5);
    const auto first = claim(3);
    ASSERT_EQ(ids_of(first), std::vector<std::string>(ids.begin(), ids.begin() + 3));
    for (std::size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(first[i].device_seq, static_cast<std::int64_t>(i) + 1);
        EXPECT_EQ(first[i].kind, "registration");
        EXPECT_EQ(first[i].schema, 1);
        EXPECT_EQ(first[i].body, make_registration(i + 1).body);
        EXPECT_EQ(column_of("state", ids[i]), "sending");
    }
    OutboxCounts c = count();
    EXPECT_EQ(c.queued, 2);
    EXPECT_EQ(c.sending, 3);

    // Records already being sent are not handed out again.
    EXPECT_EQ(ids_of(claim(10)), std::vector<std::string>(ids.begin() + 3, ids.end()));
    EXPECT_TRUE(claim(10).empty());
    EXPECT_EQ(count().sending, 5);
}

TEST_F(Outbox, ClaimStaysWithinTheByteBudgetButAlwaysTakesOneRecord) {
    const auto ids = submit(1, 4, 100);
    EXPECT_EQ(ids_of(claim(10, 250)), std::vector<std::string>(ids.begin(), ids.begin() + 2));
    EXPECT_EQ(ids_of(claim(10, 200)), std::vector<std::string>(ids.begin() + 2, ids.end()));

    // A record bigger than the whole budget still goes out alone rather than blocking the queue.
    const auto big = submit(10, 11, 5000);
    EXPECT_EQ(ids_of(claim(10, 1000)), std::vector<std::string>{big[0]});
    EXPECT_EQ(ids_of(claim(10, 0)), std::vector<std::string>{big[1]});
}

TEST_F(Outbox, AckMovesOnlyRecordsBeingSentAndKeepsThemAcked) {
    const auto ids = submit(1, 4);
    const auto batch = claim(2);
    // ids[2] is still queued and the last id is unknown: neither may be touched.
    const std::vector<std::string> acks{ids[0], ids[1], ids[2], testing::record_id_for(999)};
    auto acked = mark_acked(db(), acks);
    ASSERT_TRUE(acked.ok()) << acked.error().message;
    EXPECT_EQ(*acked, 2u);
    // Acked rows stay (with their sealed body) until purge_acked, so a restored server can get
    // them again.
    EXPECT_EQ(RawSqlite(file_).integer("SELECT count(*) FROM outbox"), 4);
    EXPECT_EQ(column_of("state", ids[0]), "acked");
    EXPECT_EQ(column_of("state", ids[1]), "acked");
    EXPECT_EQ(count().acked, 2);
    EXPECT_EQ(column_of("state", ids[2]), "queued");
    // The receipts stay: they are how staff find a reference code later.
    EXPECT_EQ(RawSqlite(file_).integer("SELECT count(*) FROM registrations"), 4);
    EXPECT_EQ(mark_acked(db(), std::vector<std::string>{}).value(), 0u);
}

TEST_F(Outbox, ARejectedRecordIsKeptForStaffAndDoesNotBlockTheNextClaim) {
    const auto ids = submit(1, 3);
    ASSERT_EQ(ids_of(claim(1)), std::vector<std::string>{ids[0]});
    ASSERT_TRUE(mark_rejected(db(), ids[0], "schema 1 body failed validation").ok());

    EXPECT_EQ(ids_of(claim(1)), std::vector<std::string>{ids[1]});
    OutboxCounts c = count();
    EXPECT_EQ(c.rejected, 1);
    EXPECT_EQ(c.sending, 1);
    EXPECT_EQ(c.queued, 1);

    auto rejected = list_rejected(db());
    ASSERT_TRUE(rejected.ok());
    ASSERT_EQ(rejected->size(), 1u);
    EXPECT_EQ(rejected->front().record_id, ids[0]);
    EXPECT_EQ(rejected->front().device_seq, 1);
    EXPECT_EQ(rejected->front().reason, "schema 1 body failed validation");
    EXPECT_EQ(rejected->front().attempts, 1);

    // Rejected records are never retried, not even after a crash recovery.
    ASSERT_TRUE(recover_after_crash(db()).ok());
    EXPECT_EQ(ids_of(claim(10)), (std::vector<std::string>{ids[1], ids[2]}));
}

TEST_F(Outbox, RejectingARecordThatIsNotBeingSentIsAWrongStateError) {
    const auto ids = submit(1, 1);
    auto queued = mark_rejected(db(), ids[0], "too late");
    ASSERT_FALSE(queued.ok());
    EXPECT_EQ(queued.error().code, errc::kWrongState);
    auto unknown = mark_rejected(db(), testing::record_id_for(77), "who?");
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, errc::kWrongState);
    EXPECT_EQ(column_of("state", ids[0]), "queued");
}

TEST_F(Outbox, ReleaseRequeuesWithOneMoreAttemptAndTheError) {
    const auto ids = submit(1, 3);
    const auto batch = claim(2);
    auto released = release(db(), ids_of(batch), "network: connection reset");
    ASSERT_TRUE(released.ok());
    EXPECT_EQ(*released, 2u);
    EXPECT_EQ(count().queued, 3);
    EXPECT_EQ(column_of("last_error", ids[0]), "network: connection reset");

    // They come back first, in their original order, carrying their attempt count.
    const auto again = claim(10);
    ASSERT_EQ(ids_of(again), ids);
    EXPECT_EQ(again[0].attempts, 1);
    EXPECT_EQ(again[1].attempts, 1);
    EXPECT_EQ(again[2].attempts, 0);
    // Releasing something not being sent changes nothing.
    ASSERT_TRUE(mark_acked(db(), std::vector<std::string>{ids[2]}).ok());
    EXPECT_EQ(release(db(), std::vector<std::string>{ids[2]}, "x").value(), 0u);
}

TEST_F(Outbox, RecoverAfterCrashRequeuesWhatADeadWorkerWasSending) {
    const auto ids = submit(1, 3);
    ASSERT_EQ(claim(2).size(), 2u);
    reopen();  // the worker died with two records in `sending`
    EXPECT_EQ(count().sending, 2);
    EXPECT_TRUE(claim(10).size() == 1) << "only the queued record is claimable before recovery";
    auto recovered = recover_after_crash(db());
    ASSERT_TRUE(recovered.ok());
    EXPECT_EQ(*recovered, 3u);  // the two from before the crash + the one just claimed
    const auto again = claim(10);
    EXPECT_EQ(ids_of(again), ids);
    EXPECT_EQ(again[0].attempts, 0);  // no answer was seen, so no attempt is counted
    EXPECT_EQ(recover_after_crash(db()).value(), 3u);
    EXPECT_EQ(recover_after_crash(db()).value(), 0u);
}

TEST_F(Outbox, TheUiAndTheSyncWorkerCanUseTheirOwnConnections) {
    auto worker = Database::open(file_);
    ASSERT_TRUE(worker.ok());
    const auto ids = submit(1, 2);  // through the UI's connection
    auto batch = claim_batch(*worker, 10, kNoByteLimit);
    ASSERT_TRUE(batch.ok());
    EXPECT_EQ(ids_of(*batch), ids);
    submit(3, 3);  // the UI keeps writing while the worker holds claimed records
    ASSERT_EQ(mark_acked(*worker, ids).value(), 2u);
    const OutboxCounts c = count();
    EXPECT_EQ(c.queued, 1);
    EXPECT_EQ(c.sending, 0);
}

bool contains(const std::vector<char>& haystack, const std::vector<std::uint8_t>& needle) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                       [](char a, std::uint8_t b) { return static_cast<std::uint8_t>(a) == b; }) !=
           haystack.end();
}

TEST_F(Outbox, AnAckedBodyLeavesNoBytesInTheFileOnceCheckpointed) {
    std::vector<std::uint8_t> body(2048);
    for (std::size_t i = 0; i < body.size(); ++i) {
        body[i] = static_cast<std::uint8_t>(0xa5 ^ (i * 13));
    }
    const std::vector<std::uint8_t> needle(body.begin() + 100, body.begin() + 164);
    NewRegistration r = make_registration(1);
    r.body = body;
    ASSERT_TRUE(submit_registration(db(), r).ok());
    ASSERT_TRUE(db().checkpoint().ok());
    // Control: the scan does find a body that is still queued.
    ASSERT_TRUE(contains(testing::read_bytes(file_), needle));

    ASSERT_EQ(claim(1).size(), 1u);
    ASSERT_EQ(mark_acked(db(), std::vector<std::string>{r.record_id}).value(), 1u);
    ASSERT_TRUE(db().checkpoint().ok());
    // Acked but inside the retention window: the body is kept for a server restore.
    ASSERT_TRUE(contains(testing::read_bytes(file_), needle));
    ASSERT_EQ(purge_acked(db(), 0).value(), 1u);  // purge_acked checkpoints by itself
    EXPECT_FALSE(contains(testing::read_bytes(file_), needle));
    EXPECT_EQ(std::filesystem::file_size(dir_ / "kiosk.db-wal"), 0u);
}

TEST(OutboxState, TextFormRoundTrips) {
    for (OutboxState s :
         {OutboxState::Queued, OutboxState::Sending, OutboxState::Acked, OutboxState::Rejected}) {
        EXPECT_EQ(parse_outbox_state(to_string(s)), s);
    }
    EXPECT_EQ(to_string(OutboxState::Rejected), "rejected");
    EXPECT_EQ(parse_outbox_state("delivered"), std::nullopt);
}

}  // namespace
}  // namespace kiosk::store

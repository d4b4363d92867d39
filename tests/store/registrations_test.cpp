// submit_registration / enqueue_record: both rows or neither, device_seq from the stored counter,
// input refused before anything is written, and the reference-code lookup.
#include "kiosk/store/registrations.hpp"

#include <gtest/gtest.h>

#include "kiosk/store/outbox.hpp"
#include "kiosk/store/sqlite.hpp"
#include "tests/store/store_fixture.hpp"

namespace kiosk::store {
namespace {

using testing::make_registration;
using testing::RawSqlite;
using testing::record_id_for;

class Registrations : public testing::StoreTest {
  protected:
    // Counts through a second connection: sees only what was committed.
    std::int64_t committed_rows(const std::string& table, const std::string& where = "1") {
        return RawSqlite(file_).integer("SELECT count(*) FROM " + table + " WHERE " + where);
    }
};

TEST_F(Registrations, SubmitWritesTheReceiptAndTheQueuedOutboxEntryWithOneRecordId) {
    NewRegistration r = make_registration(1, 300);
    r.staff_assisted = true;
    r.staff_id = "staff-04";
    auto receipt = submit_registration(db(), r);
    ASSERT_TRUE(receipt.ok()) << receipt.error().message;
    EXPECT_EQ(receipt->record_id, r.record_id);
    EXPECT_EQ(receipt->device_seq, 1);

    RawSqlite raw(file_);
    const std::string id = "'" + r.record_id + "'";
    EXPECT_EQ(raw.text("SELECT reference_code FROM registrations WHERE record_id = " + id),
              r.reference_code);
    EXPECT_EQ(raw.text("SELECT staff_id FROM registrations WHERE record_id = " + id), "staff-04");
    EXPECT_EQ(raw.integer("SELECT created_at_device FROM registrations WHERE record_id = " + id),
              r.created_at_device);
    EXPECT_EQ(raw.text("SELECT kind || '/' || state || '/' || schema || '/' || attempts "
                       "FROM outbox WHERE record_id = " +
                       id),
              "registration/queued/1/0");
    EXPECT_EQ(raw.integer("SELECT device_seq FROM outbox WHERE record_id = " + id), 1);
    EXPECT_EQ(raw.integer("SELECT length(body) FROM outbox WHERE record_id = " + id), 300);
    // The personal data exists only as the (sealed) body: byte-for-byte what was handed in.
    auto claimed = claim_batch(db(), 10, 1 << 20);
    ASSERT_TRUE(claimed.ok());
    ASSERT_EQ(claimed->size(), 1u);
    EXPECT_EQ(claimed->front().body, r.body);
}

TEST_F(Registrations, DeviceSeqStrictlyIncreasesSurvivesReopenAndIsNeverReused) {
    std::int64_t last = 0;
    for (std::uint64_t n = 1; n <= 3; ++n) {
        auto receipt = submit_registration(db(), make_registration(n));
        ASSERT_TRUE(receipt.ok()) << receipt.error().message;
        EXPECT_GT(receipt->device_seq, last);
        last = receipt->device_seq;
    }
    // Deliver everything: the outbox is empty, but the counter must not start again.
    auto batch = claim_batch(db(), 10, 1 << 20);
    ASSERT_TRUE(batch.ok());
    std::vector<std::string> ids;
    for (const auto& record : *batch) {
        ids.push_back(record.record_id);
    }
    ASSERT_EQ(mark_acked(db(), ids).value(), 3u);
    ASSERT_EQ(purge_acked(db(), 0).value(), 3u);
    reopen();

    auto receipt = submit_registration(db(), make_registration(4));
    ASSERT_TRUE(receipt.ok());
    EXPECT_GT(receipt->device_seq, last);
    auto interest = enqueue_record(db(), "staff_note", record_id_for(5), 1, 0,
                                   std::vector<std::uint8_t>{1, 2, 3});
    ASSERT_TRUE(interest.ok()) << interest.error().message;
    EXPECT_GT(interest->device_seq, receipt->device_seq);
}

TEST_F(Registrations, ADuplicateReferenceCodeIsRefusedAndWritesNoOutboxRow) {
    ASSERT_TRUE(submit_registration(db(), make_registration(1)).ok());
    NewRegistration twin = make_registration(2);
    twin.reference_code = make_registration(1).reference_code;

    auto second = submit_registration(db(), twin);
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().code, errc::kDuplicate);
    EXPECT_NE(second.error().message.find("reference_code"), std::string::npos)
        << second.error().message;
    EXPECT_EQ(committed_rows("registrations"), 1);
    EXPECT_EQ(committed_rows("outbox"), 1);
    EXPECT_EQ(committed_rows("outbox", "record_id = '" + twin.record_id + "'"), 0);
}

TEST_F(Registrations, ADuplicateRecordIdIsRefused) {
    ASSERT_TRUE(submit_registration(db(), make_registration(1)).ok());
    NewRegistration again = make_registration(1);
    again.reference_code = "K7-other";
    auto second = submit_registration(db(), again);
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().code, errc::kDuplicate);
    EXPECT_EQ(committed_rows("registrations"), 1);
    EXPECT_EQ(committed_rows("registrations", "reference_code = 'K7-other'"), 0);
}

TEST_F(Registrations, AFailureAfterTheRegistrationInsertLeavesNeitherRow) {
    // Fails the outbox insert, i.e. after the registration row was written in the transaction.
    ASSERT_TRUE(db().exec("CREATE TEMP TRIGGER inject_failure BEFORE INSERT ON outbox "
                          "BEGIN SELECT RAISE(ABORT, 'injected'); END")
                    .ok());
    const NewRegistration r = make_registration(7);
    auto receipt = submit_registration(db(), r);
    ASSERT_FALSE(receipt.ok());
    EXPECT_EQ(receipt.error().code, errc::kConstraint);
    EXPECT_NE(receipt.error().message.find("injected"), std::string::npos);
    EXPECT_EQ(committed_rows("registrations"), 0);
    EXPECT_EQ(committed_rows("outbox"), 0);
    // The same connection sees nothing either (rolled back, not merely uncommitted).
    EXPECT_EQ(RawSqlite::query_text(db().handle(), "SELECT count(*) FROM registrations"), "0");
    EXPECT_NE(sqlite3_get_autocommit(db().handle()), 0) << "transaction left open";

    // Nothing was left behind: the same registration goes through once the fault is gone, and
    // the failed attempt did not consume a sequence number.
    ASSERT_TRUE(db().exec("DROP TRIGGER inject_failure").ok());
    auto retry = submit_registration(db(), r);
    ASSERT_TRUE(retry.ok()) << retry.error().message;
    EXPECT_EQ(retry->device_seq, 1);
}

TEST_F(Registrations, ADiskFullDuringSubmitIsAnIoErrorAndWritesNothing) {
    ASSERT_TRUE(submit_registration(db(), make_registration(1)).ok());
    // Cap the file at its current size for this connection: the next page allocation fails
    // with SQLITE_FULL, as on a full disk.
    const auto pages = RawSqlite::query_text(db().handle(), "PRAGMA page_count");
    ASSERT_TRUE(db().exec("PRAGMA max_page_count = " + pages).ok());
    auto big = submit_registration(db(), make_registration(2, 64 * 1024));
    ASSERT_FALSE(big.ok());
    EXPECT_EQ(big.error().code, errc::kIo) << big.error().message;
    EXPECT_EQ(committed_rows("registrations"), 1);
    EXPECT_EQ(committed_rows("outbox"), 1);
}

TEST_F(Registrations, InvalidInputIsRefusedBeforeAnythingIsWritten) {
    std::vector<NewRegistration> bad(8, make_registration(1));
    bad[0].record_id = "FEED0000000000000000000000000001";  // upper case
    bad[1].record_id.pop_back();                            // 31 characters
    bad[2].record_id[5] = 'g';                              // not hex
    bad[3].reference_code.clear();
    bad[4].body.clear();
    bad[5].schema = 0;
    bad[6].staff_id = "staff-01";  // but not staff-assisted
    bad[7].body.resize(kMaxBodyBytes + 1);
    for (std::size_t i = 0; i < bad.size(); ++i) {
        auto receipt = submit_registration(db(), bad[i]);
        ASSERT_FALSE(receipt.ok()) << "case " << i;
        EXPECT_EQ(receipt.error().code, errc::kInvalidArgument) << "case " << i;
    }
    EXPECT_EQ(committed_rows("registrations"), 0);
    EXPECT_EQ(committed_rows("outbox"), 0);
    EXPECT_EQ(RawSqlite(file_).integer("SELECT next_device_seq FROM sync_state"), 1);
}

TEST_F(Registrations, RecordIdsAre32LowercaseHexCharacters) {
    EXPECT_TRUE(is_valid_record_id("0123456789abcdef0123456789abcdef"));
    EXPECT_FALSE(is_valid_record_id("0123456789ABCDEF0123456789abcdef"));
    EXPECT_FALSE(is_valid_record_id("0123456789abcdef0123456789abcde"));
    EXPECT_FALSE(is_valid_record_id("0123456789abcdef0123456789abcdef0"));
    EXPECT_FALSE(is_valid_record_id("0123456789abcdef-123456789abcdef"));
    EXPECT_FALSE(is_valid_record_id(""));
}

TEST_F(Registrations, EnqueueRecordQueuesOtherKindsWithoutAReceiptRow) {
    const std::vector<std::uint8_t> body{9, 8, 7};
    auto receipt = enqueue_record(db(), "staff_note", record_id_for(40), 2, 1'790'000'123, body);
    ASSERT_TRUE(receipt.ok()) << receipt.error().message;
    EXPECT_EQ(committed_rows("outbox", "kind = 'staff_note' AND schema = 2 AND state = 'queued'"),
              1);
    EXPECT_EQ(committed_rows("registrations"), 0);

    auto duplicate = enqueue_record(db(), "staff_note", record_id_for(40), 2, 0, body);
    ASSERT_FALSE(duplicate.ok());
    EXPECT_EQ(duplicate.error().code, errc::kDuplicate);

    auto registration = enqueue_record(db(), "registration", record_id_for(41), 1, 0, body);
    ASSERT_FALSE(registration.ok());
    EXPECT_EQ(registration.error().code, errc::kInvalidArgument);
    auto interest = enqueue_record(db(), "interest", record_id_for(43), 1, 0, body);
    ASSERT_FALSE(interest.ok());
    EXPECT_EQ(interest.error().code, errc::kInvalidArgument);
    auto bad_kind = enqueue_record(db(), "Interest!", record_id_for(42), 1, 0, body);
    ASSERT_FALSE(bad_kind.ok());
    EXPECT_EQ(bad_kind.error().code, errc::kInvalidArgument);
    EXPECT_EQ(committed_rows("outbox"), 1);
}

TEST_F(Registrations, AnInterestIsWrittenWithItsOutboxEntryInOneTransaction) {
    auto reg = submit_registration(db(), make_registration(50));
    ASSERT_TRUE(reg.ok());
    NewInterest linked{record_id_for(51),
                       "demo-tr-izmir-1",
                       record_id_for(50),
                       1'790'000'000,
                       1,
                       std::vector<std::uint8_t>{5, 6, 7}};
    auto receipt = submit_interest(db(), linked);
    ASSERT_TRUE(receipt.ok()) << receipt.error().message;
    EXPECT_GT(receipt->device_seq, reg->device_seq);
    NewInterest by_code{
        record_id_for(52),           "demo-tr-izmir-1", std::nullopt, 1'790'000'001, 1,
        std::vector<std::uint8_t>{8}};
    ASSERT_TRUE(submit_interest(db(), by_code).ok());

    reopen();  // committed, not just visible to this connection
    EXPECT_EQ(committed_rows("outbox", "kind = 'interest' AND state = 'queued'"), 2);
    EXPECT_EQ(committed_rows("interests", "registration_id IS NULL"), 1);
    EXPECT_EQ(count_interests(db(), "demo-tr-izmir-1").value(), 2);
    EXPECT_EQ(count_interests(db(), "another-offer").value(), 0);
}

TEST_F(Registrations, ABadInterestWritesNeitherItsRowNorItsOutboxEntry) {
    const NewInterest good{record_id_for(60),           "offer-1", std::nullopt, 0, 1,
                           std::vector<std::uint8_t>{1}};
    NewInterest no_job = good;
    no_job.job_id.clear();
    NewInterest bad_link = good;
    bad_link.registration_id = "K4M7Q2PHX";  // a reference code is not a record id
    NewInterest empty = good;
    empty.body.clear();
    for (const NewInterest& bad : {no_job, bad_link, empty}) {
        auto refused = submit_interest(db(), bad);
        ASSERT_FALSE(refused.ok());
        EXPECT_EQ(refused.error().code, errc::kInvalidArgument);
    }
    ASSERT_TRUE(submit_interest(db(), good).ok());
    // The same record id again: the outbox refuses it, and the receipt row goes back with it.
    NewInterest twin = good;
    twin.job_id = "offer-2";
    auto duplicate = submit_interest(db(), twin);
    ASSERT_FALSE(duplicate.ok());
    EXPECT_EQ(duplicate.error().code, errc::kDuplicate);
    EXPECT_EQ(committed_rows("interests"), 1);
    EXPECT_EQ(committed_rows("outbox"), 1);
    EXPECT_EQ(count_interests(db(), "offer-2").value(), 0);
}

TEST_F(Registrations, StaffFindAReferenceCodeAndSeeWhetherItWasDelivered) {
    NewRegistration r = make_registration(3);
    r.staff_assisted = true;
    r.staff_id = "staff-09";
    ASSERT_TRUE(submit_registration(db(), r).ok());

    auto found = find_registration_by_reference(db(), r.reference_code);
    ASSERT_TRUE(found.ok()) << found.error().message;
    ASSERT_TRUE(found->has_value());
    const RegistrationInfo& info = **found;
    EXPECT_EQ(info.record_id, r.record_id);
    EXPECT_EQ(info.consent_version, r.consent_version);
    EXPECT_EQ(info.created_at_device, r.created_at_device);
    EXPECT_TRUE(info.staff_assisted);
    EXPECT_EQ(info.staff_id, std::optional<std::string>("staff-09"));
    EXPECT_EQ(info.outbox_state, OutboxState::Queued);

    auto batch = claim_batch(db(), 1, 1 << 20);
    ASSERT_TRUE(batch.ok());
    ASSERT_EQ(mark_acked(db(), std::vector<std::string>{r.record_id}).value(), 1u);
    auto delivered = find_registration_by_reference(db(), r.reference_code);
    ASSERT_TRUE(delivered.ok() && delivered->has_value());
    EXPECT_EQ((*delivered)->outbox_state, OutboxState::Acked);
    ASSERT_EQ(purge_acked(db(), 0).value(), 1u);
    auto purged = find_registration_by_reference(db(), r.reference_code);
    ASSERT_TRUE(purged.ok() && purged->has_value());
    EXPECT_EQ((*purged)->outbox_state, std::nullopt);

    auto missing = find_registration_by_reference(db(), "K7-NOPE");
    ASSERT_TRUE(missing.ok());
    EXPECT_FALSE(missing->has_value());
}

}  // namespace
}  // namespace kiosk::store

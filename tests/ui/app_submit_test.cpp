// Tests for kiosk/app/submit.hpp on a real SQLite file: a registration (and an interest) is
// sealed to the server's key, stored with its outbox entry, and the server (and only the server)
// can open it again.
#include "kiosk/app/submit.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "kiosk/core/reference_code.hpp"
#include "kiosk/store/outbox.hpp"
#include "kiosk/store/registrations.hpp"
#include "sync/client/client.hpp"
#include "sync/protocol/envelope.hpp"
#include "tests/core/sample_registration.hpp"
#include "tests/store/store_test_support.hpp"

namespace kiosk::app {
namespace {

class Submit : public ::testing::Test {
  protected:
    store::testing::TempDir dir_;
    store::Database db_ = store::Database::open(dir_.path() / "kiosk.db").value();
    sync::BoxKeyPair server_ = sync::BoxKeyPair::generate();
    core::SeededRandom random_{42};

    // The first queued record of `kind`, signed as kiosk-sync would and opened with `keys`;
    // the queue is left as it was.
    Result<sync::RecordContent> open_queued(std::string_view kind, const sync::BoxKeyPair& keys) {
        auto batch = store::claim_batch(db_, 10, 1 << 20);
        EXPECT_TRUE(batch);
        std::vector<std::string> ids;
        for (const store::OutboxRecord& row : batch.value()) {
            ids.push_back(row.record_id);
        }
        EXPECT_TRUE(store::unclaim(db_, ids));
        for (const store::OutboxRecord& row : batch.value()) {
            if (row.kind != kind) {
                continue;
            }
            auto identity = sync::client::ensure_identity(db_);
            EXPECT_TRUE(identity);
            sync::PushRecord push;
            push.record_id = row.record_id;
            push.device_seq = static_cast<std::uint64_t>(row.device_seq);
            push.kind = row.kind;
            push.schema = static_cast<std::uint32_t>(row.schema);
            push.created_at_device = row.created_at_device;
            push.body.sealed.assign(row.body.begin(), row.body.end());
            auto signature = sync::sign_record(push.record_id, push.device_seq, push.kind,
                                               push.schema, push.body.sealed, identity.value().key);
            EXPECT_TRUE(signature);
            push.body.signature = signature.value();
            return sync::open_record(push, identity.value().device_id,
                                     identity.value().key.public_key, keys);
        }
        return make_error("test.none", "no queued record of that kind");
    }
};

TEST_F(Submit, TheStoredRecordOpensOnlyWithTheServersKeyToTheSameAnswers) {
    const core::Registration reg = core::normalized(core::sample_registration());
    auto saved = store_registration(db_, reg, server_.public_key, random_, 1'790'000'000);
    ASSERT_TRUE(saved) << saved.error().message;
    const auto parsed = core::ReferenceCode::parse(saved.value().reference_code);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed.value().display(), saved.value().reference_code);

    auto local = store::find_registration_by_reference(db_, parsed.value().canonical());
    ASSERT_TRUE(local && local.value());
    EXPECT_EQ(local.value()->consent_version, reg.consent_version);
    EXPECT_EQ(local.value()->record_id, saved.value().record_id);

    auto batch = store::claim_batch(db_, 10, 1 << 20);
    ASSERT_TRUE(batch);
    ASSERT_EQ(batch.value().size(), 1U);
    const std::string body(batch.value()[0].body.begin(), batch.value()[0].body.end());
    EXPECT_EQ(body.find("Amal"), std::string::npos);  // nothing readable in the database
    EXPECT_EQ(body.find("Haddad"), std::string::npos);
    ASSERT_TRUE(store::unclaim(db_, std::vector<std::string>{saved.value().record_id}));

    auto opened = open_queued("registration", server_);
    ASSERT_TRUE(opened) << opened.error().message;
    EXPECT_EQ(opened.value().record_id, saved.value().record_id);
    EXPECT_EQ(opened.value().schema, kRegistrationSchema);
    EXPECT_EQ(opened.value().data, registration_json(reg, parsed.value().canonical()));
    EXPECT_EQ(opened.value().data["given_name"], "Amal");
    EXPECT_EQ(opened.value().data["reference_code"], parsed.value().canonical());
    EXPECT_EQ(opened.value().data["languages"][1]["written"], "does_not_write");
    EXPECT_EQ(opened.value().data["work_history"][1]["to_year"], nullptr);

    EXPECT_FALSE(open_queued("registration", sync::BoxKeyPair::generate()));
}

TEST_F(Submit, AnInterestIsSealedWithItsLinkAndAReceiptRow) {
    auto saved = store_registration(db_, core::normalized(core::sample_registration()),
                                    server_.public_key, random_, 1'790'000'000);
    ASSERT_TRUE(saved);
    const std::string code = core::ReferenceCode::parse(saved.value().reference_code)->canonical();
    InterestContent linked{{"demo-tr-izmir-17", saved.value().record_id, code}, "ar", false, ""};
    auto stored = store_interest(db_, linked, "1", server_.public_key, random_, 1'790'000'100);
    ASSERT_TRUE(stored) << stored.error().message;
    EXPECT_EQ(store::count_interests(db_, "demo-tr-izmir-17").value(), 1);

    auto opened = open_queued("interest", server_);
    ASSERT_TRUE(opened) << opened.error().message;
    EXPECT_EQ(opened.value().record_id, stored.value());
    EXPECT_EQ(opened.value().schema, kInterestSchema);
    EXPECT_EQ(opened.value().consent_version, "1");
    EXPECT_EQ(opened.value().data["job_id"], "demo-tr-izmir-17");
    EXPECT_EQ(opened.value().data["registration_id"], saved.value().record_id);
    EXPECT_EQ(opened.value().data["reference_code"], code);
    EXPECT_EQ(opened.value().data["language"], "ar");

    // By a typed code only: no registration id, in the sealed data or in the receipt.
    InterestContent by_code{{"demo-bg-sofia-3", "", "K4M7Q2PH5"}, "bg", true, "staff-04"};
    ASSERT_TRUE(store_interest(db_, by_code, "1", server_.public_key, random_, 1'790'000'200));
    EXPECT_EQ(interest_json(by_code)["registration_id"], nullptr);
    EXPECT_EQ(interest_json(by_code)["staff_id"], "staff-04");
    EXPECT_EQ(store::counts(db_).value().queued, 3);

    auto refused = store_interest(db_, by_code, "1", "", random_, 1'790'000'300);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "app.no_server_key");
    EXPECT_EQ(store::counts(db_).value().queued, 3);
}

TEST_F(Submit, WithoutAServerKeyNothingIsStored) {
    auto code = store_registration(db_, core::sample_registration(), "", random_, 1'790'000'000);
    ASSERT_FALSE(code);
    EXPECT_EQ(code.error().code, "app.no_server_key");
    auto counts = store::counts(db_);
    ASSERT_TRUE(counts);
    EXPECT_EQ(counts.value().queued, 0);
}

TEST_F(Submit, EveryRegistrationGetsItsOwnCodeAndRecord) {
    std::vector<std::string> codes;
    for (int i = 0; i < 20; ++i) {
        auto saved = store_registration(db_, core::sample_registration(), server_.public_key,
                                        random_, 1'790'000'000 + i);
        ASSERT_TRUE(saved);
        codes.push_back(saved.value().reference_code);
    }
    std::sort(codes.begin(), codes.end());
    EXPECT_EQ(std::unique(codes.begin(), codes.end()), codes.end());
    EXPECT_EQ(store::counts(db_).value().queued, 20);
}

}  // namespace
}  // namespace kiosk::app

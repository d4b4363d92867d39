// Tests for kiosk/app/submit.hpp on a real SQLite file: a registration is sealed to the server's
// key, stored with its outbox entry, and the server (and only the server) can open it again.
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
};

TEST_F(Submit, TheStoredRecordOpensOnlyWithTheServersKeyToTheSameAnswers) {
    const core::Registration reg = core::normalized(core::sample_registration());
    auto code = store_registration(db_, reg, server_.public_key, random_, 1'790'000'000);
    ASSERT_TRUE(code) << code.error().message;
    const auto parsed = core::ReferenceCode::parse(code.value());
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed.value().display(), code.value());

    auto local = store::find_registration_by_reference(db_, parsed.value().canonical());
    ASSERT_TRUE(local && local.value());
    EXPECT_EQ(local.value()->consent_version, reg.consent_version);

    auto batch = store::claim_batch(db_, 10, 1 << 20);
    ASSERT_TRUE(batch);
    ASSERT_EQ(batch.value().size(), 1U);
    const store::OutboxRecord& row = batch.value()[0];
    EXPECT_EQ(row.record_id, local.value()->record_id);
    EXPECT_EQ(row.kind, "registration");
    const std::string body(row.body.begin(), row.body.end());
    EXPECT_EQ(body.find("Amal"), std::string::npos);  // nothing readable in the database
    EXPECT_EQ(body.find("Haddad"), std::string::npos);

    auto identity = sync::client::ensure_identity(db_);
    ASSERT_TRUE(identity);
    sync::PushRecord push;
    push.record_id = row.record_id;
    push.device_seq = static_cast<std::uint64_t>(row.device_seq);
    push.kind = row.kind;
    push.schema = static_cast<std::uint32_t>(row.schema);
    push.created_at_device = row.created_at_device;
    push.body.sealed = body;
    auto signature = sync::sign_record(push.record_id, push.device_seq, push.kind, push.schema,
                                       body, identity.value().key);
    ASSERT_TRUE(signature);
    push.body.signature = signature.value();
    auto opened = sync::open_record(push, identity.value().device_id,
                                    identity.value().key.public_key, server_);
    ASSERT_TRUE(opened) << opened.error().message;
    EXPECT_EQ(opened.value().data, registration_json(reg));
    EXPECT_EQ(opened.value().data["given_name"], "Amal");
    EXPECT_EQ(opened.value().data["languages"][1]["written"], "does_not_write");
    EXPECT_EQ(opened.value().data["work_history"][1]["to_year"], nullptr);

    const sync::BoxKeyPair stranger = sync::BoxKeyPair::generate();
    EXPECT_FALSE(sync::open_record(push, identity.value().device_id,
                                   identity.value().key.public_key, stranger));
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
        auto code = store_registration(db_, core::sample_registration(), server_.public_key,
                                       random_, 1'790'000'000 + i);
        ASSERT_TRUE(code);
        codes.push_back(code.value());
    }
    std::sort(codes.begin(), codes.end());
    EXPECT_EQ(std::unique(codes.begin(), codes.end()), codes.end());
    EXPECT_EQ(store::counts(db_).value().queued, 20);
}

}  // namespace
}  // namespace kiosk::app

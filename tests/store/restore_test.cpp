// Schema step 2 and what it is for: the v1 → v2 upgrade in place, job offers and the pull cursor
// committed together, acked records kept for a bounded window, and requeueing them when the
// central server was restored from an older backup (new epoch).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kiosk/store/migrations.hpp"
#include "kiosk/store/outbox.hpp"
#include "kiosk/store/registrations.hpp"
#include "kiosk/store/sqlite.hpp"
#include "kiosk/store/sync_state.hpp"
#include "tests/store/store_fixture.hpp"

namespace kiosk::store {
namespace {

using testing::make_registration;
using testing::RawSqlite;

constexpr std::size_t kNoByteLimit = std::size_t{1} << 30;

// A version-1 file exactly as the first release wrote it: only step 1, then the stamps.
void write_v1_database(const std::filesystem::path& file) {
    const MigrationStep& step1 = migration_steps().front();
    ASSERT_EQ(step1.version, 1);
    RawSqlite raw(file, RawSqlite::Mode::Create);
    raw.exec("BEGIN");
    raw.exec(std::string(step1.sql));
    raw.exec("INSERT INTO schema_log VALUES (1, '" + std::string(step1.name) + "', 1)");
    raw.exec("PRAGMA user_version = 1");
    raw.exec("PRAGMA application_id = " + std::to_string(Database::kApplicationId));
    raw.exec("COMMIT");
}

TEST(Migration, AVersion1DatabaseUpgradesInPlaceAndKeepsItsData) {
    testing::TempDir dir;
    const auto file = dir / "kiosk.db";
    write_v1_database(file);
    {
        RawSqlite raw(file);
        raw.exec(
            "INSERT INTO registrations VALUES ('" + testing::record_id_for(1) +
            "', 'K7-1', 100, 'consent-3', 0, NULL);"
            "INSERT INTO outbox (record_id, device_seq, kind, schema, created_at_device, body, "
            "state, updated_at) VALUES ('" +
            testing::record_id_for(1) +
            "', 1, 'registration', 1, 100, x'0102', 'queued', 100);"
            "UPDATE sync_state SET next_device_seq = 2;"
            "INSERT INTO settings VALUES ('kiosk.language', 'ar');");
        ASSERT_EQ(raw.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'job_offers'"), 0);
    }

    {
        auto db = Database::open(file);
        ASSERT_TRUE(db.ok()) << db.error().message;
        EXPECT_EQ(db->schema_version(), Database::kSchemaVersion);
    }

    RawSqlite raw(file);
    EXPECT_EQ(raw.integer("PRAGMA user_version"), Database::kSchemaVersion);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM schema_log"),
              static_cast<std::int64_t>(migration_steps().size()));
    EXPECT_EQ(raw.text("SELECT reference_code FROM registrations"), "K7-1");
    EXPECT_EQ(raw.text("SELECT hex(body) || state FROM outbox"), "0102queued");
    EXPECT_EQ(raw.integer("SELECT next_device_seq FROM sync_state"), 2);
    EXPECT_EQ(raw.text("SELECT value FROM settings WHERE key = 'kiosk.language'"), "ar");
    EXPECT_EQ(raw.text("SELECT pull_cursor FROM sync_state"), "0");
    EXPECT_EQ(raw.integer("SELECT server_epoch IS NULL FROM sync_state"), 1);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM job_offers"), 0);
}

class Restore : public testing::StoreTest {
  protected:
    std::vector<std::string> submit_and_ack(std::uint64_t first, std::uint64_t last) {
        std::vector<std::string> ids;
        for (std::uint64_t n = first; n <= last; ++n) {
            EXPECT_TRUE(submit_registration(db(), make_registration(n)).ok());
            ids.push_back(testing::record_id_for(n));
        }
        auto batch = claim_batch(db(), 1000, kNoByteLimit);
        EXPECT_TRUE(batch.ok() && batch->size() == ids.size());
        auto moved = mark_acked(db(), ids);
        EXPECT_TRUE(moved.ok() && *moved == ids.size());
        return ids;
    }
    std::string state_of(const std::string& id) {
        return RawSqlite(file_).text("SELECT state FROM outbox WHERE record_id = '" + id + "'");
    }
    std::string offer(const std::string& id) {
        auto found = find_offer(db(), id);
        EXPECT_TRUE(found.ok());
        return found.ok() ? found->value_or("<none>") : "<error>";
    }
    SyncState sync_state() {
        auto state = read_sync_state(db());
        EXPECT_TRUE(state.ok()) << state.error().message;
        return state.ok() ? *state : SyncState{};
    }
};

TEST_F(Restore, AnOfferPageAndItsCursorCommitTogether) {
    const std::vector<JobOffer> first{{"job-1", R"({"title":"Cook"})"},
                                      {"job-2", R"({"title":"Driver"})"}};
    ASSERT_TRUE(apply_offer_page(db(), first, {}, "e1-2", "e1").ok());
    EXPECT_EQ(sync_state().pull_cursor, "e1-2");
    EXPECT_EQ(sync_state().server_epoch, std::optional<std::string>("e1"));
    EXPECT_EQ(sync_state().offers, 2);

    // The cursor update fails after the offers were written: all of it must roll back.
    ASSERT_TRUE(db().exec("CREATE TEMP TRIGGER fail_cursor BEFORE UPDATE ON sync_state "
                          "BEGIN SELECT RAISE(ABORT, 'injected'); END")
                    .ok());
    const std::vector<JobOffer> second{{"job-3", R"({"title":"Tailor"})"},
                                       {"job-1", R"({"title":"Head cook"})"}};
    const std::vector<std::string> gone{"job-2"};
    auto failed = apply_offer_page(db(), second, gone, "e1-5", "e1");
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(sync_state().pull_cursor, "e1-2");
    EXPECT_EQ(sync_state().offers, 2);
    EXPECT_EQ(offer("job-1"), R"({"title":"Cook"})");
    EXPECT_EQ(offer("job-2"), R"({"title":"Driver"})");
    EXPECT_EQ(offer("job-3"), "<none>");

    ASSERT_TRUE(db().exec("DROP TRIGGER fail_cursor").ok());
    ASSERT_TRUE(apply_offer_page(db(), second, gone, "e1-5", "e1").ok());
    EXPECT_EQ(sync_state().pull_cursor, "e1-5");
    EXPECT_EQ(offer("job-1"), R"({"title":"Head cook"})");
    EXPECT_EQ(offer("job-2"), "<none>");
    EXPECT_EQ(offer("job-3"), R"({"title":"Tailor"})");
}

TEST_F(Restore, BadOfferInputIsRefusedAndWritesNothing) {
    ASSERT_TRUE(
        apply_offer_page(db(), std::vector<JobOffer>{{"job-1", "{}"}}, {}, "e-1", "e").ok());
    const std::vector<JobOffer> not_json{{"job-2", "{}"}, {"job-3", "not json"}};
    auto refused = apply_offer_page(db(), not_json, {}, "e-3", "e");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, errc::kInvalidArgument);
    EXPECT_EQ(offer("job-2"), "<none>");
    EXPECT_EQ(sync_state().pull_cursor, "e-1");

    EXPECT_EQ(
        apply_offer_page(db(), std::vector<JobOffer>{{"", "{}"}}, {}, "e-3", "e").error().code,
        errc::kInvalidArgument);
    EXPECT_EQ(apply_offer_page(db(), {}, {}, "", "e").error().code, errc::kInvalidArgument);
    EXPECT_EQ(sync_state().offers, 1);
}

TEST_F(Restore, APageReadFromTheStartReplacesEveryStoredOffer) {
    ASSERT_TRUE(apply_offer_page(db(), std::vector<JobOffer>{{"job-1", "{}"}, {"job-2", "{}"}}, {},
                                 "e1-2", "e1")
                    .ok());
    ASSERT_TRUE(reset_offers(db(), "e2").ok());
    EXPECT_EQ(sync_state().pull_cursor, "0");
    EXPECT_EQ(sync_state().server_epoch, std::optional<std::string>("e2"));
    EXPECT_EQ(sync_state().offers, 0);

    // A 410 restart keeps the offers until the snapshot's first page replaces them.
    ASSERT_TRUE(apply_offer_page(db(), std::vector<JobOffer>{{"job-1", "{}"}, {"job-2", "{}"}}, {},
                                 "e2-2", "e2")
                    .ok());
    ASSERT_TRUE(restart_pull(db()).ok());
    EXPECT_EQ(sync_state().offers, 2);
    ASSERT_TRUE(
        apply_offer_page(db(), std::vector<JobOffer>{{"job-9", "{}"}}, {}, "e2-9", "e2").ok());
    EXPECT_EQ(offer("job-1"), "<none>");
    EXPECT_EQ(offer("job-9"), "{}");
    EXPECT_EQ(sync_state().offers, 1);
}

TEST_F(Restore, PurgeKeepsOnlyTheNewestAckedRecords) {
    const auto acked = submit_and_ack(1, 5);
    ASSERT_TRUE(submit_registration(db(), make_registration(6)).ok());  // still queued
    EXPECT_EQ(counts(db()).value().acked, 5);

    EXPECT_EQ(purge_acked(db(), 2).value(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(state_of(acked[i]), "") << "record " << i << " should be purged";
    }
    EXPECT_EQ(state_of(acked[3]), "acked");
    EXPECT_EQ(state_of(acked[4]), "acked");
    EXPECT_EQ(state_of(testing::record_id_for(6)), "queued");
    EXPECT_EQ(purge_acked(db(), 2).value(), 0u);
    EXPECT_EQ(purge_acked(db(), 0).value(), 2u);
    EXPECT_EQ(counts(db()).value().acked, 0);
    EXPECT_EQ(counts(db()).value().queued, 1);
}

TEST_F(Restore, ANewEpochRequeuesAckedAndRejectedRecordsInTheirOrder) {
    const auto acked = submit_and_ack(1, 3);
    ASSERT_TRUE(submit_registration(db(), make_registration(4)).ok());
    ASSERT_TRUE(submit_registration(db(), make_registration(5)).ok());
    ASSERT_TRUE(submit_registration(db(), make_registration(6)).ok());
    auto batch = claim_batch(db(), 2, kNoByteLimit);  // 4 and 5 are being sent
    ASSERT_TRUE(batch.ok() && batch->size() == 2);
    ASSERT_TRUE(mark_rejected(db(), testing::record_id_for(4), "schema.unknown").ok());

    auto moved = requeue_for_new_epoch(db());
    ASSERT_TRUE(moved.ok()) << moved.error().message;
    EXPECT_EQ(*moved, 4u);                                      // three acked, one rejected
    EXPECT_EQ(state_of(testing::record_id_for(5)), "sending");  // the worker still owns it
    EXPECT_EQ(RawSqlite(file_).integer("SELECT count(*) FROM outbox WHERE last_error IS NOT NULL"),
              0);
    auto again = claim_batch(db(), 10, kNoByteLimit);
    ASSERT_TRUE(again.ok());
    std::vector<std::string> ids;
    for (const auto& record : *again) {
        ids.push_back(record.record_id);
        EXPECT_FALSE(record.body.empty());
    }
    const std::vector<std::string> expected{acked[0], acked[1], acked[2], testing::record_id_for(4),
                                            testing::record_id_for(6)};
    EXPECT_EQ(ids, expected);
    EXPECT_EQ(requeue_for_new_epoch(db()).value(), 0u);
}

}  // namespace
}  // namespace kiosk::store

// Database::open: migrations, connection settings, and the files it must refuse untouched.
#include "kiosk/store/database.hpp"

#include <gtest/gtest.h>

#include <set>

#include "kiosk/store/migrations.hpp"
#include "kiosk/store/sqlite.hpp"
#include "tests/store/store_test_support.hpp"

namespace kiosk::store {
namespace {

using testing::RawSqlite;
using testing::TempDir;
namespace fs = std::filesystem;

std::string pragma(const Database& db, const std::string& name) {
    return RawSqlite::query_text(db.handle(), "PRAGMA " + name);
}

std::set<std::string> table_names(const fs::path& file) {
    RawSqlite raw(file);
    std::set<std::string> names;
    for (const char* table : {"registrations", "outbox", "settings", "sync_state", "schema_log"}) {
        if (raw.integer(std::string("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
                                    "name = '") +
                        table + "'") == 1) {
            names.insert(table);
        }
    }
    return names;
}

TEST(Database, OpeningANewFileCreatesParentsAndMigratesToTheCurrentVersion) {
    TempDir dir;
    const fs::path file = dir.path() / "var" / "lib" / "kiosk" / "kiosk.db";
    auto db = Database::open(file);
    ASSERT_TRUE(db.ok()) << db.error().code << ": " << db.error().message;
    EXPECT_TRUE(fs::is_regular_file(file));
    EXPECT_EQ(db->schema_version(), Database::kSchemaVersion);

    RawSqlite raw(file);
    EXPECT_EQ(raw.integer("PRAGMA user_version"), Database::kSchemaVersion);
    EXPECT_EQ(raw.integer("PRAGMA application_id"), Database::kApplicationId);
    EXPECT_EQ(table_names(file), (std::set<std::string>{"registrations", "outbox", "settings",
                                                        "sync_state", "schema_log"}));
}

TEST(Database, AnExistingEmptyFileIsMigratedAndGetsTheConnectionSettings) {
    TempDir dir;
    const fs::path file = dir / "kiosk.db";
    testing::write_bytes(file, "");
    auto db = Database::open(file);
    ASSERT_TRUE(db.ok()) << db.error().message;
    EXPECT_EQ(RawSqlite(file).integer("PRAGMA user_version"), Database::kSchemaVersion);

    EXPECT_EQ(pragma(*db, "journal_mode"), "wal");
    EXPECT_EQ(pragma(*db, "synchronous"), "2");  // FULL
    EXPECT_EQ(pragma(*db, "foreign_keys"), "1");
    EXPECT_EQ(pragma(*db, "secure_delete"), "1");
    EXPECT_EQ(pragma(*db, "busy_timeout"), "5000");
}

TEST(Database, ReopeningRunsNoStepTwiceAndKeepsTheData) {
    TempDir dir;
    const fs::path file = dir / "kiosk.db";
    {
        auto db = Database::open(file);
        ASSERT_TRUE(db.ok()) << db.error().message;
        ASSERT_TRUE(
            db->exec("INSERT INTO settings (key, value) VALUES ('kiosk.name', 'Hall A')").ok());
    }
    for (int i = 0; i < 2; ++i) {
        auto db = Database::open(file);
        ASSERT_TRUE(db.ok()) << db.error().message;
        EXPECT_EQ(db->schema_version(), Database::kSchemaVersion);
    }
    RawSqlite raw(file);
    const auto steps = migration_steps();
    EXPECT_EQ(raw.integer("SELECT count(*) FROM schema_log"), static_cast<int>(steps.size()));
    for (const MigrationStep& step : steps) {
        EXPECT_EQ(
            raw.text("SELECT name FROM schema_log WHERE version = " + std::to_string(step.version)),
            std::string(step.name));
    }
    EXPECT_EQ(raw.text("SELECT value FROM settings WHERE key = 'kiosk.name'"), "Hall A");
    EXPECT_EQ(raw.integer("SELECT next_device_seq FROM sync_state"), 1);
}

TEST(Database, StepsAreNumberedConsecutivelyUpToTheSchemaVersion) {
    const auto steps = migration_steps();
    ASSERT_FALSE(steps.empty());
    for (std::size_t i = 0; i < steps.size(); ++i) {
        EXPECT_EQ(steps[i].version, static_cast<int>(i) + 1);
        EXPECT_FALSE(steps[i].name.empty());
    }
    EXPECT_EQ(steps.back().version, Database::kSchemaVersion);
}

// A newer kiosk may have left the file in either journal mode; in rollback mode, switching to WAL
// before the version check would rewrite the header, so both are tried.
class NewerSchema : public ::testing::TestWithParam<const char*> {};

TEST_P(NewerSchema, IsRefusedAndTheFileIsNotModified) {
    TempDir dir;
    const fs::path file = dir / "kiosk.db";
    ASSERT_TRUE(Database::open(file).ok());
    {
        RawSqlite raw(file);
        raw.exec(std::string("PRAGMA journal_mode = ") + GetParam());
        raw.exec("PRAGMA user_version = " + std::to_string(Database::kSchemaVersion + 1));
    }
    const auto before = testing::read_bytes(file);
    ASSERT_FALSE(before.empty());

    auto db = Database::open(file);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, errc::kNewerSchema);
    EXPECT_NE(db.error().message.find("version " + std::to_string(Database::kSchemaVersion + 1)),
              std::string::npos)
        << db.error().message;
    EXPECT_NE(db.error().message.find("up to version " + std::to_string(Database::kSchemaVersion)),
              std::string::npos)
        << db.error().message;
    EXPECT_EQ(testing::read_bytes(file), before);
}

INSTANTIATE_TEST_SUITE_P(JournalModes, NewerSchema, ::testing::Values("WAL", "DELETE"));

TEST(Database, AFileOfGarbageIsRefusedUntouchedWithNoSqliteFilesBesideIt) {
    TempDir dir;
    const fs::path file = dir / "kiosk.db";
    std::string garbage = "name,phone\n";
    for (int i = 0; i < 400; ++i) {
        garbage += "not a database row " + std::to_string(i) + "\n";
    }
    testing::write_bytes(file, garbage);

    auto db = Database::open(file);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, errc::kNotADatabase);
    EXPECT_NE(db.error().message.find("not a SQLite database"), std::string::npos);
    const auto after = testing::read_bytes(file);
    EXPECT_EQ(std::string(after.begin(), after.end()), garbage);
    EXPECT_FALSE(fs::exists(dir / "kiosk.db-wal"));
    EXPECT_FALSE(fs::exists(dir / "kiosk.db-shm"));
}

TEST(Database, AFileShorterThanAHeaderIsRefused) {
    TempDir dir;
    const fs::path file = dir / "kiosk.db";
    testing::write_bytes(file, "SQLi");
    auto db = Database::open(file);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, errc::kNotADatabase);
    EXPECT_EQ(testing::read_bytes(file).size(), 4u);
}

TEST(Database, ASqliteHeaderFollowedByGarbageIsRefusedUntouched) {
    TempDir dir;
    const fs::path file = dir / "kiosk.db";
    std::string bytes("SQLite format 3\0", 16);
    for (int i = 0; bytes.size() < 8192; ++i) {
        bytes.push_back(static_cast<char>((i * 37 + 11) & 0xff));
    }
    testing::write_bytes(file, bytes);
    auto db = Database::open(file);
    ASSERT_FALSE(db.ok());
    EXPECT_TRUE(db.error().code == errc::kNotADatabase || db.error().code == errc::kCorrupt)
        << db.error().code << ": " << db.error().message;
    const auto after = testing::read_bytes(file);
    EXPECT_EQ(std::string(after.begin(), after.end()), bytes);
}

TEST(Database, AnotherApplicationsSqliteFileIsRefusedUntouched) {
    TempDir dir;
    const fs::path file = dir / "contacts.db";
    {
        RawSqlite raw(file, RawSqlite::Mode::Create);
        raw.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Test Person');");
    }
    const auto before = testing::read_bytes(file);
    auto db = Database::open(file);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, errc::kForeignDatabase);
    EXPECT_EQ(testing::read_bytes(file), before);
}

TEST(Database, AnUnwritableLocationGivesAClearError) {
    TempDir dir;
    // A regular file where a directory should be: not even root can create the database there.
    testing::write_bytes(dir / "not-a-dir", "x");
    auto db = Database::open(dir / "not-a-dir" / "kiosk.db");
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, errc::kOpen);
    EXPECT_NE(db.error().message.find("cannot create directory"), std::string::npos)
        << db.error().message;
}

TEST(Database, ADirectoryInPlaceOfTheFileGivesAClearError) {
    TempDir dir;
    fs::create_directory(dir / "kiosk.db");
    auto db = Database::open(dir / "kiosk.db");
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, errc::kOpen);
    EXPECT_NE(db.error().message.find("not a regular file"), std::string::npos);
}

TEST(Database, MovingKeepsOneOwnerOfTheConnection) {
    TempDir dir;
    auto opened = Database::open(dir / "kiosk.db");
    ASSERT_TRUE(opened.ok());
    sqlite3* handle = opened->handle();
    Database moved = std::move(opened).value();
    EXPECT_EQ(moved.handle(), handle);
    auto other = Database::open(dir / "other.db");
    ASSERT_TRUE(other.ok());
    Database assigned = std::move(other).value();
    assigned = std::move(moved);  // closes other.db's connection, takes kiosk.db's
    EXPECT_EQ(assigned.handle(), handle);
    EXPECT_EQ(moved.handle(), nullptr);  // NOLINT(bugprone-use-after-move): checking the move
    EXPECT_TRUE(assigned.exec("SELECT 1").ok());
}

}  // namespace
}  // namespace kiosk::store

// The kiosk's one SQLite database: opening it safely (refusing files that are not ours or are
// newer than this code), the connection settings every connection must have, and migrations.
//
// Rules every connection follows (set in Database::open):
//   1. journal_mode=WAL: the UI and the sync worker read while the other writes.
//   2. synchronous=FULL: a COMMIT that returned OK survives power loss (NORMAL can lose it).
//      One exception: kiosk-sync's own connection during a pass runs NORMAL (RelaxedDurability
//      in sync/client/client.cpp): a power cut only rolls its work back to an earlier moment of
//      the pass, which it recovers from as after kill -9; the UI's saves stay FULL.
//   3. foreign_keys=ON, busy_timeout=5 s.
//   4. secure_delete=ON: purged acked records (purge_acked) are overwritten, not left in free
//   pages.
//   5. Nothing is written before the file is known to be a kiosk database of a version this code
//      understands; a refused file is left byte-for-byte as it was.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

#include "kiosk/core/result.hpp"

namespace kiosk::store {

class Database {
  public:
    // The schema version this code writes; steps are listed in migrations.cpp.
    static constexpr int kSchemaVersion = 4;
    // PRAGMA application_id of a kiosk database ('KIOS'): tells our files from other SQLite files.
    static constexpr std::int32_t kApplicationId = 0x4B494F53;
    static constexpr std::chrono::milliseconds kBusyTimeout{5000};

    // Creates missing parent directories, opens or creates `file`, applies the connection rules
    // above and runs pending migrations. Errors: store.open, store.not_a_database,
    // store.foreign_database, store.newer_schema, store.migration, store.io, store.busy.
    static Result<Database> open(const std::filesystem::path& file);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    // The schema version of the open file (== kSchemaVersion once open() succeeded).
    int schema_version() const { return schema_version_; }
    const std::filesystem::path& path() const { return path_; }

    // Runs one or more SQL statements that return no rows. Used by the repositories, and by
    // tests to inject failures (e.g. a TEMP trigger that aborts an insert).
    Status exec(const std::string& sql);

    // Copies the WAL into the database file and truncates the WAL to zero bytes, so pages of
    // purged records do not linger there either (the sync worker calls it after draining).
    Status checkpoint();

    // The raw connection, for the store's own code and for tests that inspect PRAGMAs. Never
    // close it; never share the Database between threads without a lock.
    sqlite3* handle() const { return db_; }

  private:
    Database(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
    Status configure();
    Status migrate();
    void close() noexcept;

    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
    int schema_version_ = 0;
};

}  // namespace kiosk::store

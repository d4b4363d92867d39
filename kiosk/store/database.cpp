// Database::open: checks before writing, connection settings, migrations (see database.hpp).
#include "kiosk/store/database.hpp"

#include <array>
#include <cassert>
#include <fstream>
#include <string_view>
#include <system_error>
#include <utility>

#include "kiosk/store/migrations.hpp"
#include "kiosk/store/sqlite.hpp"

namespace kiosk::store {

namespace {

namespace fs = std::filesystem;

// Every SQLite 3 file starts with these 16 bytes (the 16th is NUL).
constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};

// Refuses, without opening it through SQLite, a non-empty file that is not SQLite: SQLite would
// only notice on the first read, and we want no -wal/-shm files next to someone else's file.
Status check_file_before_open(const fs::path& file) {
    std::error_code ec;
    const fs::file_status status = fs::status(file, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
        return make_error(errc::kOpen, "cannot inspect " + file.string() + ": " + ec.message());
    }
    if (!fs::exists(status)) {
        return Ok{};
    }
    if (!fs::is_regular_file(status)) {
        return make_error(errc::kOpen, file.string() + " exists and is not a regular file");
    }
    const auto size = fs::file_size(file, ec);
    if (ec) {
        return make_error(errc::kOpen, "cannot inspect " + file.string() + ": " + ec.message());
    }
    if (size == 0) {
        return Ok{};  // SQLite treats an empty file as a new database
    }
    std::ifstream in(file, std::ios::binary);
    std::array<char, kSqliteMagic.size()> header{};
    in.read(header.data(), static_cast<std::streamsize>(header.size()));
    if (!in) {
        return make_error(errc::kNotADatabase,
                          file.string() +
                              " is not a SQLite database (shorter than a header); "
                              "left untouched");
    }
    if (std::string_view(header.data(), header.size()) != kSqliteMagic) {
        return make_error(errc::kNotADatabase, file.string() +
                                                   " is not a SQLite database (no SQLite header); "
                                                   "left untouched");
    }
    return Ok{};
}

Status ensure_parent_directory(const fs::path& file) {
    const fs::path parent = file.parent_path();
    if (parent.empty()) {
        return Ok{};
    }
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) {
        return make_error(errc::kOpen,
                          "cannot create directory " + parent.string() + ": " + ec.message());
    }
    return Ok{};
}

}  // namespace

Result<Database> Database::open(const fs::path& file) {
    if (auto made = ensure_parent_directory(file); !made) {
        return made.error();
    }
    if (auto checked = check_file_before_open(file); !checked) {
        return checked.error();
    }

    sqlite3* raw = nullptr;
    const int rc =
        sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        Error error = sqlite_error(raw, rc, "open " + file.string());
        error.code = errc::kOpen;
        sqlite3_close(raw);  // SQLite may allocate a handle even when open fails
        return error;
    }
    Database db(raw, file);
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, static_cast<int>(kBusyTimeout.count()));

    if (auto configured = db.configure(); !configured) {
        return configured.error();
    }
    if (auto migrated = db.migrate(); !migrated) {
        return migrated.error();
    }
    return db;
}

// Only reads until the file is known to be ours and not newer; then sets the connection rules.
Status Database::configure() {
    const std::string where = path_.string();
    // The first real read: SQLite validates the header and the schema here.
    auto objects = query_int64(db_, "SELECT count(*) FROM sqlite_schema");
    if (!objects) {
        Error error = objects.error();
        if (error.code == errc::kNotADatabase || error.code == errc::kCorrupt) {
            error.message = where + " is not a readable SQLite database; left untouched (" +
                            error.message + ")";
        }
        return error;
    }
    auto version = query_int64(db_, "PRAGMA user_version");
    if (!version) {
        return version.error();
    }
    auto app_id = query_int64(db_, "PRAGMA application_id");
    if (!app_id) {
        return app_id.error();
    }
    if ((*version == 0 && *objects > 0) || (*version > 0 && *app_id != kApplicationId)) {
        return make_error(errc::kForeignDatabase,
                          where + " is a SQLite database of another application; left untouched");
    }
    if (*version > kSchemaVersion) {
        return make_error(errc::kNewerSchema,
                          where + " has schema version " + std::to_string(*version) +
                              " but this kiosk software knows only up to version " +
                              std::to_string(kSchemaVersion) +
                              "; update the software (the file was not modified)");
    }
    schema_version_ = static_cast<int>(*version);

    auto mode = query_text(db_, "PRAGMA journal_mode=WAL");
    if (!mode) {
        return mode.error();
    }
    if (*mode != "wal") {
        return make_error(errc::kOpen,
                          where + ": WAL journal mode is not available (got '" + *mode + "')");
    }
    return exec(
        "PRAGMA synchronous=FULL;"
        "PRAGMA foreign_keys=ON;"
        "PRAGMA secure_delete=ON;");
}

Status Database::migrate() {
    for (const MigrationStep& step : migration_steps()) {
        if (step.version <= schema_version_) {
            continue;
        }
        auto reached = in_transaction<int>(*this, [&]() -> Result<int> {
            // Another process may have migrated between our first read and taking the lock.
            auto current = query_int64(db_, "PRAGMA user_version");
            if (!current) {
                return current.error();
            }
            if (*current >= step.version) {
                return static_cast<int>(*current);  // nothing to write
            }
            assert(*current == step.version - 1 && "migration steps must be consecutive");
            if (auto applied = exec(std::string(step.sql)); !applied) {
                return applied.error();
            }
            if (step.after_sql != nullptr) {
                if (auto finished = step.after_sql(*this); !finished) {
                    return finished.error();
                }
            }
            auto log = Statement::prepare(
                db_,
                "INSERT INTO schema_log (version, name, applied_at) VALUES (?, ?, unixepoch())");
            if (!log) {
                return log.error();
            }
            if (auto logged = log->bind(1, std::int64_t{step.version}).bind(2, step.name).run();
                !logged) {
                return logged.error();
            }
            // PRAGMAs take no bound parameters; both values are our own integers.
            if (auto stamped = exec("PRAGMA user_version=" + std::to_string(step.version) +
                                    ";PRAGMA application_id=" + std::to_string(kApplicationId));
                !stamped) {
                return stamped.error();
            }
            return step.version;
        });
        if (!reached) {
            return make_error(errc::kMigration, "schema step " + std::to_string(step.version) +
                                                    " (" + std::string(step.name) +
                                                    ") failed: " + reached.error().message);
        }
        schema_version_ = *reached;
    }
    return Ok{};
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      path_(std::move(other.path_)),
      schema_version_(other.schema_version_) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        close();
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
        schema_version_ = other.schema_version_;
    }
    return *this;
}

Database::~Database() {
    close();
}

void Database::close() noexcept {
    if (db_ == nullptr) {
        return;
    }
    // Every Statement is finalized by its owner before this point; close_v2 would defer the
    // close and hide a leak, so a busy close is a bug.
    [[maybe_unused]] const int rc = sqlite3_close(std::exchange(db_, nullptr));
    assert(rc == SQLITE_OK && "Database closed while statements are still alive");
}

Status Database::checkpoint() {
    int wal_frames = 0;
    int checkpointed = 0;
    const int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &wal_frames,
                                             &checkpointed);
    if (rc != SQLITE_OK) {
        return sqlite_error(db_, rc, "checkpoint");
    }
    return Ok{};
}

Status Database::exec(const std::string& sql) {
    assert(db_ != nullptr && "Database::exec on a moved-from Database");
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        return sqlite_error(db_, rc, "exec");
    }
    return Ok{};
}

}  // namespace kiosk::store

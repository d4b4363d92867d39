// Statement, Transaction and the SQLite → kiosk::Error mapping (see sqlite.hpp).
#include "kiosk/store/sqlite.hpp"

#include <cassert>
#include <limits>
#include <utility>

#include "kiosk/store/database.hpp"

namespace kiosk::store {

namespace {

constexpr std::uint8_t kEmptyBlob = 0;

const char* error_code_for(int extended_rc) {
    switch (extended_rc) {
        case SQLITE_CONSTRAINT_PRIMARYKEY:
        case SQLITE_CONSTRAINT_UNIQUE:
            return errc::kDuplicate;
        default:
            break;
    }
    switch (extended_rc & 0xff) {
        case SQLITE_CONSTRAINT:
            return errc::kConstraint;
        case SQLITE_IOERR:
        case SQLITE_FULL:
        case SQLITE_READONLY:
        case SQLITE_PERM:
            return errc::kIo;
        case SQLITE_CANTOPEN:
            return errc::kOpen;
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return errc::kBusy;
        case SQLITE_CORRUPT:
            return errc::kCorrupt;
        case SQLITE_NOTADB:
            return errc::kNotADatabase;
        default:
            return errc::kSqlite;
    }
}

}  // namespace

Error sqlite_error(sqlite3* db, int rc, std::string_view context) {
    // The connection's message is only meaningful if it reports the same failure.
    const int reported = db != nullptr ? sqlite3_extended_errcode(db) : rc;
    const int extended = (reported & 0xff) == (rc & 0xff) ? reported : rc;
    std::string message(context);
    message += ": ";
    message += (db != nullptr && reported == extended) ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    message += " (sqlite " + std::to_string(extended) + ")";
    return make_error(error_code_for(extended), std::move(message));
}

// --- Statement ---

Result<Statement> Statement::prepare(sqlite3* db, std::string_view sql) {
    assert(db != nullptr && "Statement::prepare on a closed database");
    assert(sql.size() < static_cast<std::size_t>(std::numeric_limits<int>::max()) &&
           "SQL text too long");
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return sqlite_error(db, rc, "prepare");
    }
    assert(stmt != nullptr && "Statement::prepare given empty SQL");
    return Statement(db, stmt);
}

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(stmt_);
        db_ = std::exchange(other.db_, nullptr);
        stmt_ = std::exchange(other.stmt_, nullptr);
    }
    return *this;
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value) {
    [[maybe_unused]] const int rc = sqlite3_bind_int64(stmt_, index, value);
    assert(rc == SQLITE_OK && "bind int64: bad parameter index");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    assert(text.size() < static_cast<std::size_t>(std::numeric_limits<int>::max()) &&
           "bind text: too long");
    // SQLITE_TRANSIENT: SQLite copies, so the caller's buffer may go away before step().
    [[maybe_unused]] const int rc = sqlite3_bind_text(
        stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    assert(rc == SQLITE_OK && "bind text: bad parameter index");
    return *this;
}

Statement& Statement::bind(int index, std::span<const std::uint8_t> blob) {
    // A zero-length blob must still be a blob, not NULL: pass a non-null pointer.
    const void* data = blob.empty() ? &kEmptyBlob : blob.data();
    [[maybe_unused]] const int rc = sqlite3_bind_blob64(
        stmt_, index, data, static_cast<sqlite3_uint64>(blob.size()), SQLITE_TRANSIENT);
    assert(rc == SQLITE_OK && "bind blob: bad parameter index or too big");
    return *this;
}

Statement& Statement::bind_optional(int index, const std::optional<std::string>& text) {
    return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

Statement& Statement::bind_null(int index) {
    [[maybe_unused]] const int rc = sqlite3_bind_null(stmt_, index);
    assert(rc == SQLITE_OK && "bind null: bad parameter index");
    return *this;
}

Result<bool> Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    return sqlite_error(db_, rc, "step");
}

Status Statement::run() {
    return for_each_row(*this, [] { return true; });
}

void Statement::reset() {
    // reset() repeats the last step's error, which the caller has already seen.
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::column_int64(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

int Statement::column_int(int column) const {
    return sqlite3_column_int(stmt_, column);
}

std::string Statement::column_text(int column) const {
    const unsigned char* text = sqlite3_column_text(stmt_, column);
    const int size = sqlite3_column_bytes(stmt_, column);
    if (text == nullptr) {
        return {};
    }
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

std::optional<std::string> Statement::column_optional_text(int column) const {
    if (is_null(column)) {
        return std::nullopt;
    }
    return column_text(column);
}

std::vector<std::uint8_t> Statement::column_blob(int column) const {
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
    const int size = sqlite3_column_bytes(stmt_, column);
    if (data == nullptr) {
        return {};
    }
    return std::vector<std::uint8_t>(data, data + size);
}

Result<Statement> first_row(sqlite3* db, std::string_view sql) {
    auto stmt = Statement::prepare(db, sql);
    if (!stmt) {
        return stmt.error();
    }
    auto row = stmt->step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return make_error(errc::kCorrupt, "expected a row from: " + std::string(sql));
    }
    return std::move(stmt).value();
}

Result<std::optional<std::string>> query_text_by_key(sqlite3* db, std::string_view sql,
                                                     std::string_view key) {
    auto select = Statement::prepare(db, sql);
    if (!select) {
        return select.error();
    }
    select->bind(1, key);
    auto row = select->step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return std::optional<std::string>{};
    }
    return std::optional<std::string>{select->column_text(0)};
}

Result<std::int64_t> query_int64(sqlite3* db, std::string_view sql) {
    auto stmt = first_row(db, sql);
    if (!stmt) {
        return stmt.error();
    }
    return stmt->column_int64(0);
}

Result<std::string> query_text(sqlite3* db, std::string_view sql) {
    auto stmt = first_row(db, sql);
    if (!stmt) {
        return stmt.error();
    }
    return stmt->column_text(0);
}

// --- Transaction ---

Result<Transaction> Transaction::begin_immediate(Database& db) {
    assert(sqlite3_get_autocommit(db.handle()) != 0 &&
           "Transaction::begin_immediate inside another transaction");
    if (auto begun = db.exec("BEGIN IMMEDIATE"); !begun) {
        return begun.error();
    }
    return Transaction(db.handle());
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Transaction::~Transaction() {
    rollback();
}

Status Transaction::commit() {
    assert(db_ != nullptr && "Transaction::commit twice or after rollback");
    const int rc = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        Error error = sqlite_error(db_, rc, "commit");
        rollback();  // a failed COMMIT may leave the transaction open (e.g. SQLITE_BUSY)
        return error;
    }
    db_ = nullptr;
    return Ok{};
}

void Transaction::rollback() noexcept {
    if (db_ == nullptr) {
        return;
    }
    // SQLite may already have rolled back by itself (e.g. after SQLITE_FULL or an I/O error).
    if (sqlite3_get_autocommit(db_) == 0) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    db_ = nullptr;
}

}  // namespace kiosk::store

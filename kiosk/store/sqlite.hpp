// A thin RAII layer over the SQLite C API used by the store's repositories: prepared statements,
// a write-transaction guard, and the mapping from SQLite result codes to kiosk::Error codes.
// No ORM: repositories write their SQL by hand and bind values through Statement.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.hpp"

namespace kiosk::store {

class Database;

// Error codes produced by the store (Error::code). Stable: the app and sync client switch on them.
namespace errc {
inline constexpr const char* kOpen = "store.open";                    // cannot create/open the file
inline constexpr const char* kNotADatabase = "store.not_a_database";  // file is not SQLite
inline constexpr const char* kForeignDatabase = "store.foreign_database";  // SQLite, not ours
inline constexpr const char* kNewerSchema = "store.newer_schema";          // written by newer code
inline constexpr const char* kMigration = "store.migration";               // an upgrade step failed
inline constexpr const char* kDuplicate = "store.duplicate";    // unique key already present
inline constexpr const char* kConstraint = "store.constraint";  // other constraint/trigger
inline constexpr const char* kInvalidArgument = "store.invalid_argument";  // refused before SQL
inline constexpr const char* kIo = "store.io";            // disk full, I/O error, read-only disk
inline constexpr const char* kBusy = "store.busy";        // locked by another connection too long
inline constexpr const char* kCorrupt = "store.corrupt";  // SQLite reports corruption
inline constexpr const char* kWrongState = "store.wrong_state";  // outbox transition not allowed
inline constexpr const char* kBadSetting = "store.bad_setting";  // stored value has wrong type
inline constexpr const char* kSqlite = "store.sqlite";           // anything else SQLite reports
}  // namespace errc

// Turns a failed SQLite call into an Error. `context` says what the store was doing; the SQLite
// message names tables/columns only, never values, so no personal data reaches the message.
Error sqlite_error(sqlite3* db, int rc, std::string_view context);

// One prepared statement. Move-only; finalized on destruction. Parameters are 1-based as in
// SQLite, columns 0-based.
class Statement {
  public:
    static Result<Statement> prepare(sqlite3* db, std::string_view sql);

    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Binding never fails for valid indexes and in-range sizes; a failure is a bug (asserted).
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::span<const std::uint8_t> blob);
    Statement& bind_optional(int index, const std::optional<std::string>& text);  // nullopt: NULL
    Statement& bind_null(int index);

    // true: a row is available; false: the statement is done.
    Result<bool> step();
    // Runs a statement that returns no rows (or whose rows are ignored) to completion.
    Status run();
    // Makes the statement reusable with new bindings.
    void reset();

    bool is_null(int column) const;
    std::int64_t column_int64(int column) const;
    int column_int(int column) const;
    std::string column_text(int column) const;
    std::optional<std::string> column_optional_text(int column) const;
    std::vector<std::uint8_t> column_blob(int column) const;

  private:
    Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

// Steps through the rows of `stmt`, calling on_row() for each until it returns false.
template <typename OnRow>
Status for_each_row(Statement& stmt, OnRow on_row) {
    for (;;) {
        auto row = stmt.step();
        if (!row) {
            return row.error();
        }
        if (!*row || !on_row()) {
            return Ok{};
        }
    }
}

// Run a query expected to return one row and give its first column (a count, a PRAGMA value,
// the sync_state counter). No row is reported as store.corrupt: our queries only ask for rows
// the schema guarantees.
Result<std::int64_t> query_int64(sqlite3* db, std::string_view sql);
// Prepares `sql` and steps to its first row; no row is store.corrupt as above.
Result<Statement> first_row(sqlite3* db, std::string_view sql);
// Runs `sql` with `key` bound as parameter 1 and gives the first column of its row as text;
// nullopt when there is no row (a missing setting, a withdrawn offer).
Result<std::optional<std::string>> query_text_by_key(sqlite3* db, std::string_view sql,
                                                     std::string_view key);
Result<std::string> query_text(sqlite3* db, std::string_view sql);

// BEGIN IMMEDIATE ... COMMIT. IMMEDIATE takes the write lock up front, so a transaction that
// reads then writes cannot fail half-way with SQLITE_BUSY on the upgrade. A transaction that is
// not committed is rolled back when the guard is destroyed.
class Transaction {
  public:
    static Result<Transaction> begin_immediate(Database& db);

    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    // Success means SQLite's COMMIT returned OK (with synchronous=FULL: the data is on disk).
    // On failure the transaction has been rolled back.
    Status commit();

  private:
    explicit Transaction(sqlite3* db) : db_(db) {}
    void rollback() noexcept;
    sqlite3* db_ = nullptr;  // null once committed or rolled back
};

// Runs body() (returning Result<T>) inside BEGIN IMMEDIATE ... COMMIT. Its value is returned
// only after COMMIT returned OK; if body() or the commit fails, everything it wrote is rolled
// back and the error returned.
template <typename T, typename Body>
Result<T> in_transaction(Database& db, Body body) {
    auto tx = Transaction::begin_immediate(db);
    if (!tx) {
        return tx.error();
    }
    Result<T> result = body();
    if (!result) {
        return result;  // ~Transaction rolls back
    }
    if (auto committed = tx->commit(); !committed) {
        return committed.error();
    }
    return result;
}

}  // namespace kiosk::store

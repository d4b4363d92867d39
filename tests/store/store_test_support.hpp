// Shared by the store tests and the store benchmark: a fresh temporary directory per test (real
// files on a real filesystem, removed afterwards), made-up registrations, and raw file/SQLite
// access to check what the store wrote without going through it.
#pragma once

#include <sqlite3.h>
#include <stdlib.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "kiosk/store/registrations.hpp"

namespace kiosk::store::testing {

// mkdtemp under the system temp directory; removed with everything in it on destruction.
class TempDir {
  public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-store-XXXXXX");
        if (mkdtemp(pattern.data()) == nullptr) {
            throw std::system_error(errno, std::generic_category(), "mkdtemp");
        }
        path_ = pattern;
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  private:
    std::filesystem::path path_;
};

// A valid record id made from a number, distinct for distinct numbers.
inline std::string record_id_for(std::uint64_t n) {
    char buffer[33];
    std::snprintf(buffer, sizeof buffer, "%016llx%016llx", 0xfeedULL,
                  static_cast<unsigned long long>(n));
    return buffer;
}

// A made-up registration numbered `n`. The body stands in for a sealed envelope: its bytes are a
// pattern derived from `n`, so tests can recognise it.
inline NewRegistration make_registration(std::uint64_t n, std::size_t body_size = 64) {
    NewRegistration r;
    r.record_id = record_id_for(n);
    r.reference_code = "K7-" + std::to_string(n);
    r.created_at_device = 1'790'000'000 + static_cast<std::int64_t>(n);
    r.consent_version = "2026-01";
    r.staff_assisted = false;
    r.schema = 1;
    r.body.resize(body_size);
    for (std::size_t i = 0; i < body_size; ++i) {
        r.body[i] = static_cast<std::uint8_t>((n * 31 + i * 7) & 0xff);
    }
    return r;
}

inline std::vector<char> read_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::vector<char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_bytes(const std::filesystem::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A plain SQLite connection that does not go through kiosk::store, for checking and tampering.
class RawSqlite {
  public:
    enum class Mode { Existing, Create };
    explicit RawSqlite(const std::filesystem::path& file, Mode mode = Mode::Existing) {
        const int flags = SQLITE_OPEN_READWRITE | (mode == Mode::Create ? SQLITE_OPEN_CREATE : 0);
        if (sqlite3_open_v2(file.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
            throw std::runtime_error("RawSqlite: cannot open " + file.string());
        }
        // Another process may hold the file for a moment (WAL recovery after a kill -9, a
        // checkpoint): wait for it rather than fail the read with SQLITE_BUSY.
        sqlite3_busy_timeout(db_, 10'000);
    }
    RawSqlite(const RawSqlite&) = delete;
    RawSqlite& operator=(const RawSqlite&) = delete;
    ~RawSqlite() { sqlite3_close(db_); }

    void exec(const std::string& sql) {
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
            throw std::runtime_error("RawSqlite: " + sql + ": " + sqlite3_errmsg(db_));
        }
    }
    // The first column of the first row as text ("" when there is no row).
    std::string text(const std::string& sql) { return query_text(db_, sql); }
    std::int64_t integer(const std::string& sql) { return std::stoll(text(sql)); }

    static std::string query_text(sqlite3* db, const std::string& sql) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
            throw std::runtime_error("query: " + sql + ": " + sqlite3_errmsg(db));
        }
        std::string result;
        const int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
            result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        }
        sqlite3_finalize(stmt);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
            throw std::runtime_error("query: " + sql + ": " + sqlite3_errmsg(db));
        }
        return result;
    }

  private:
    sqlite3* db_ = nullptr;
};

}  // namespace kiosk::store::testing

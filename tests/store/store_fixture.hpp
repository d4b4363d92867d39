// GoogleTest fixture for store tests: a fresh database file in its own temporary directory,
// opened through Database::open, plus the means to close and reopen it.
#pragma once

#include <gtest/gtest.h>

#include <optional>

#include "kiosk/store/database.hpp"
#include "tests/store/store_test_support.hpp"

namespace kiosk::store::testing {

class StoreTest : public ::testing::Test {
  protected:
    void SetUp() override { reopen(); }

    Database& db() { return *db_; }
    // Closes the connection (as a process exit would) and opens the file again.
    void reopen() {
        db_.reset();
        auto opened = Database::open(file_);
        ASSERT_TRUE(opened.ok()) << opened.error().code << ": " << opened.error().message;
        db_.emplace(std::move(opened).value());
    }
    void close() { db_.reset(); }

    TempDir dir_;
    std::filesystem::path file_ = dir_ / "kiosk.db";
    std::optional<Database> db_;
};

}  // namespace kiosk::store::testing

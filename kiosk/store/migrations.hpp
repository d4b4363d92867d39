// The schema's history: a list of named upgrade steps. Step N takes a database from
// user_version N-1 to N; each runs in its own transaction that also records it in `schema_log`
// and sets PRAGMA user_version = N, so a crash leaves the file at a whole version.
//
// To change the schema, append a step (never edit a shipped one) and raise
// Database::kSchemaVersion.
#pragma once

#include <span>
#include <string_view>

#include "kiosk/core/result.hpp"

namespace kiosk::store {

class Database;

struct MigrationStep {
    int version;            // user_version after the step
    std::string_view name;  // recorded in schema_log; says what the step does
    std::string_view sql;   // one or more statements
    // Optional: runs after `sql`, in the same transaction, for what SQL alone cannot do (the
    // search index needs folding done in C++). A failure rolls the whole step back.
    Status (*after_sql)(Database& db) = nullptr;
};

// All steps, in order; the last one's version is Database::kSchemaVersion.
std::span<const MigrationStep> migration_steps();

}  // namespace kiosk::store

// The schema's history: a list of named upgrade steps. Step N takes a database from
// user_version N-1 to N; each runs in its own transaction that also records it in `schema_log`
// and sets PRAGMA user_version = N, so a crash leaves the file at a whole version.
//
// To change the schema, append a step (never edit a shipped one) and raise
// Database::kSchemaVersion. Planned: full-text search.
#pragma once

#include <span>
#include <string_view>

namespace kiosk::store {

struct MigrationStep {
    int version;            // user_version after the step
    std::string_view name;  // recorded in schema_log; says what the step does
    std::string_view sql;   // one or more statements
};

// All steps, in order; the last one's version is Database::kSchemaVersion.
std::span<const MigrationStep> migration_steps();

}  // namespace kiosk::store

// The schema, as the ordered list of upgrade steps (see migrations.hpp).
//
// Tables of version 1:
//   registrations  the local receipt of a registration: lets staff find a reference code. No
//                  personal data here: that lives only in the sealed outbox body.
//   outbox         records waiting to reach the central server; state machine in outbox.hpp.
//                  Acked rows are deleted (with secure_delete on).
//   settings       key → text value (kiosk configuration; typed helpers in settings.hpp).
//   sync_state     one row of sync bookkeeping. Holds the device_seq counter now; the pull
//                  cursor and server epoch will be added here as columns by the job-offers step,
//                  so a page of changes and its cursor can be committed in one transaction.
//   schema_log     one row per applied step: proves each ran exactly once.
//
// Version 2 (job offers and restore safety):
//   job_offers     the offers pulled from the change feed (id → JSON body); updated_seq is the
//                  local order in which pages were applied (recorded only).
//   sync_state     gains pull_cursor ("0": read everything) and server_epoch (NULL: never seen),
//                  so an offer page and its cursor commit in one transaction.
//   outbox         acked rows are now kept (state 'acked', sealed body) for a bounded window so
//                  a server restored from an older backup can be sent them again (outbox.hpp).
#include "kiosk/store/migrations.hpp"

#include <array>

#include "kiosk/store/database.hpp"

namespace kiosk::store {

namespace {

constexpr std::string_view kStep1 =
    "CREATE TABLE schema_log ("
    "  version INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  applied_at INTEGER NOT NULL"
    ") STRICT;"

    // Record ids: 128 random bits as 32 lowercase hex characters, made by the caller.
    "CREATE TABLE registrations ("
    "  record_id TEXT NOT NULL PRIMARY KEY"
    "    CHECK (length(record_id) = 32 AND record_id NOT GLOB '*[^0-9a-f]*'),"
    "  reference_code TEXT NOT NULL UNIQUE CHECK (reference_code <> ''),"
    "  created_at_device INTEGER NOT NULL,"  // unix seconds; recorded, never used to order
    "  consent_version TEXT NOT NULL CHECK (consent_version <> ''),"
    "  staff_assisted INTEGER NOT NULL CHECK (staff_assisted IN (0, 1)),"
    "  staff_id TEXT CHECK (staff_id IS NULL OR staff_assisted = 1)"
    ") STRICT;"

    "CREATE TABLE outbox ("
    "  record_id TEXT NOT NULL PRIMARY KEY"
    "    CHECK (length(record_id) = 32 AND record_id NOT GLOB '*[^0-9a-f]*'),"
    "  device_seq INTEGER NOT NULL UNIQUE CHECK (device_seq > 0),"
    "  kind TEXT NOT NULL CHECK (kind <> ''),"
    "  schema INTEGER NOT NULL CHECK (schema > 0),"
    "  created_at_device INTEGER NOT NULL,"
    "  body BLOB NOT NULL,"
    "  state TEXT NOT NULL DEFAULT 'queued'"
    "    CHECK (state IN ('queued', 'sending', 'acked', 'rejected')),"
    "  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),"
    "  last_error TEXT,"
    "  updated_at INTEGER NOT NULL"  // unix seconds of the last transition; recorded only
    ") STRICT;"
    // claim_batch reads the queued rows in device_seq order.
    "CREATE INDEX outbox_state_seq ON outbox (state, device_seq);"

    "CREATE TABLE settings ("
    "  key TEXT NOT NULL PRIMARY KEY,"
    "  value TEXT NOT NULL"
    ") STRICT;"

    // The counter is kept here, not derived from MAX(outbox.device_seq): acked rows are deleted,
    // and a sequence number must never be handed out twice.
    "CREATE TABLE sync_state ("
    "  id INTEGER PRIMARY KEY CHECK (id = 1),"
    "  next_device_seq INTEGER NOT NULL CHECK (next_device_seq > 0)"
    ") STRICT;"
    "INSERT INTO sync_state (id, next_device_seq) VALUES (1, 1);";

constexpr std::string_view kStep2 =
    "CREATE TABLE job_offers ("
    "  id TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),"
    "  body TEXT NOT NULL CHECK (json_valid(body)),"
    "  updated_seq INTEGER"
    ") STRICT;"
    "ALTER TABLE sync_state ADD COLUMN pull_cursor TEXT NOT NULL DEFAULT '0'"
    "  CHECK (pull_cursor <> '');"
    "ALTER TABLE sync_state ADD COLUMN server_epoch TEXT;";

constexpr std::array kSteps = {
    MigrationStep{1, "create registrations, outbox, settings, sync_state", kStep1},
    MigrationStep{2, "add job_offers, pull cursor and server epoch; keep acked outbox rows",
                  kStep2},
};

static_assert(kSteps.back().version == Database::kSchemaVersion,
              "the last migration step must produce Database::kSchemaVersion");

}  // namespace

std::span<const MigrationStep> migration_steps() {
    return kSteps;
}

}  // namespace kiosk::store

// The central server's schema, shared by the SQLite and PostgreSQL stores. The SQL is written
// in the dialect both accept (ON CONFLICT, RETURNING); where they differ each store says so.
#pragma once

#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::sync::schema {

inline constexpr int kVersion = 1;

// Run at open: a database written by a newer kiosk-central is refused, not half-understood.
// `stored` is meta.schema_version, absent before init.
inline bool newer_than_code(const std::optional<std::string>& stored) {
    return stored && std::atoi(stored->c_str()) > kVersion;
}
inline constexpr std::string_view kNewerSchemaMessage =
    "the database was written by a newer kiosk-central (schema version above 1)";

// Statements run in order by init_schema(); each is idempotent. The records table's order
// column is the only dialect difference: `received_order` is a rowid alias in SQLite and a
// bigserial in PostgreSQL (used for export order only, never for sync correctness).
inline constexpr std::string_view kTables[] = {
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS feed_counter (id INTEGER PRIMARY KEY CHECK (id = 1), "
    "seq BIGINT NOT NULL)",
    "INSERT INTO feed_counter (id, seq) VALUES (1, 0) ON CONFLICT (id) DO NOTHING",
    "CREATE TABLE IF NOT EXISTS devices (id TEXT PRIMARY KEY, centre TEXT NOT NULL, "
    "token_hash TEXT NOT NULL UNIQUE, sign_public_key TEXT NOT NULL, "
    "revoked INTEGER NOT NULL DEFAULT 0, enrolled_at BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS enrol_codes (code_hash TEXT PRIMARY KEY, centre TEXT NOT NULL, "
    "created_at BIGINT NOT NULL, used INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS offers (id TEXT PRIMARY KEY, body TEXT, "
    "seq BIGINT NOT NULL UNIQUE)",
    // Added after schema version 1 was first released, without a version step: an older
    // kiosk-central ignores it, and `init` (or `serve`, `admin-token`) adds it to an older
    // database.
    "CREATE TABLE IF NOT EXISTS admin_tokens (name TEXT PRIMARY KEY, "
    "token_hash TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL, "
    "revoked INTEGER NOT NULL DEFAULT 0)",
};

// The records table, given the order column's definition for the dialect.
inline std::string records_table(std::string_view order_column) {
    return "CREATE TABLE IF NOT EXISTS records (received_order " + std::string(order_column) +
           ", record_id TEXT NOT NULL UNIQUE, device_id TEXT NOT NULL REFERENCES devices(id), "
           "device_seq BIGINT NOT NULL, kind TEXT NOT NULL, schema_version INTEGER NOT NULL, "
           "created_at_device BIGINT NOT NULL, body TEXT NOT NULL, received_at BIGINT NOT NULL)";
}
inline constexpr std::string_view kOrderSqlite = "INTEGER PRIMARY KEY";
inline constexpr std::string_view kOrderPostgres = "BIGSERIAL PRIMARY KEY";

// Parameters are written $1..$N. PostgreSQL binds them by position; SQLite reads "$1" as a named
// parameter, so the SQLite store binds by name (sqlite3_bind_parameter_index).
inline constexpr std::string_view kInsertRecord =
    "INSERT INTO records (record_id, device_id, device_seq, kind, schema_version, "
    "created_at_device, body, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
    "ON CONFLICT (record_id) DO NOTHING";
inline constexpr std::string_view kRecordBody = "SELECT body FROM records WHERE record_id = $1";
inline constexpr std::string_view kSpendCode =
    "UPDATE enrol_codes SET used = 1 WHERE code_hash = $1 AND used = 0 RETURNING centre";
// A new device, or a revoked one enrolled again with a fresh code (a kiosk repaired or moved
// after it was revoked): it gets the new token and key and is no longer revoked. An enrolled
// device that is not revoked is left alone (no row changes: "enrol.device_exists").
inline constexpr std::string_view kAddDevice =
    "INSERT INTO devices (id, centre, token_hash, sign_public_key, revoked, enrolled_at) "
    "VALUES ($1, $2, $3, $4, 0, $5) ON CONFLICT (id) DO UPDATE SET centre = excluded.centre, "
    "token_hash = excluded.token_hash, sign_public_key = excluded.sign_public_key, revoked = 0, "
    "enrolled_at = excluded.enrolled_at WHERE devices.revoked = 1";
inline constexpr std::string_view kAddCode =
    "INSERT INTO enrol_codes (code_hash, centre, created_at, used) VALUES ($1, $2, $3, 0)";
inline constexpr std::string_view kDeviceByToken =
    "SELECT id, centre, sign_public_key, revoked FROM devices WHERE token_hash = $1";
inline constexpr std::string_view kRevoke = "UPDATE devices SET revoked = 1 WHERE id = $1";
// Locks the counter row (PostgreSQL: until commit; SQLite's BEGIN IMMEDIATE already holds the
// write lock) and reads it; kSetSeq stores the last sequence the transaction handed out.
inline constexpr std::string_view kLockSeq =
    "UPDATE feed_counter SET seq = seq WHERE id = 1 RETURNING seq";
inline constexpr std::string_view kSetSeq = "UPDATE feed_counter SET seq = $1 WHERE id = 1";
inline constexpr std::string_view kHeadSeq = "SELECT seq FROM feed_counter WHERE id = 1";
inline constexpr std::string_view kUpsertOffer =
    "INSERT INTO offers (id, body, seq) VALUES ($1, $2, $3) "
    "ON CONFLICT (id) DO UPDATE SET body = excluded.body, seq = excluded.seq";
inline constexpr std::string_view kWithdrawOffer =
    "UPDATE offers SET body = NULL, seq = $2 WHERE id = $1 AND body IS NOT NULL";
inline constexpr std::string_view kOffer = "SELECT seq, id, body FROM offers WHERE id = $1";
inline constexpr std::string_view kChanges =
    "SELECT seq, id, body FROM offers WHERE seq > $1 ORDER BY seq LIMIT $2";
inline constexpr std::string_view kAllRecords =
    "SELECT r.record_id, r.device_id, r.device_seq, r.kind, r.schema_version, "
    "r.created_at_device, r.body, r.received_at, d.centre, d.sign_public_key, d.revoked "
    "FROM records r JOIN devices d ON d.id = r.device_id ORDER BY r.received_order";
inline constexpr std::string_view kAddAdmin =
    "INSERT INTO admin_tokens (name, token_hash, created_at, revoked) VALUES ($1, $2, $3, 0) "
    "ON CONFLICT DO NOTHING";
inline constexpr std::string_view kAdminByToken =
    "SELECT name, created_at, revoked FROM admin_tokens WHERE token_hash = $1";
inline constexpr std::string_view kRevokeAdmin =
    "UPDATE admin_tokens SET revoked = 1 WHERE name = $1";
inline constexpr std::string_view kAllAdmins =
    "SELECT name, created_at, revoked FROM admin_tokens ORDER BY name";
inline constexpr std::string_view kGetMeta = "SELECT value FROM meta WHERE key = $1";
inline constexpr std::string_view kInitMeta =
    "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING";
inline constexpr std::string_view kSetMeta =
    "INSERT INTO meta (key, value) VALUES ($1, $2) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value";

}  // namespace kiosk::sync::schema

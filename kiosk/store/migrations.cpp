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
//
// Version 3 (job offer search, job_search.hpp and job_index.hpp):
//   job_offer_search     one row per offer that reads as an offer (JSON bodies that do not are
//                        kept in job_offers but cannot be listed): the fields the filters and
//                        the ranking read. `doc` is the full-text rowid; a larger one was
//                        stored more recently. Kept narrow, so a search without text scans
//                        little.
//   job_offer_content    doc → the folded words of the offer (job_index.hpp): what the
//                        full-text index holds.
//   job_offer_languages  the languages an offer requires (CEFR level 0 = A1 ... 5 = C2), for
//                        the "my languages are enough" filter.
//   job_offer_fts        FTS5 over job_offer_content (external content: the words are stored
//                        once). The words are folded in C++ before they get here, so the
//                        tokenizer only splits at spaces; prefix indexes of 1-3 characters keep
//                        the first keystrokes of a search fast. Neither positions (detail=none)
//                        nor sizes (columnsize=0) are kept: no phrase search, no bm25 ranking.
//   job_offers           gains an index on updated_seq (apply_offer_page reads its maximum).
//   Writers: job_offers is written only by sync_state.cpp, which keeps the index in step in
//   the same transaction (job_index.hpp). The triggers remove an offer's search rows whenever
//   it is deleted or its body replaced, whoever does it; the store's own writers remove them
//   first in bulk (cheaper for FTS5), so the triggers then find nothing. After the SQL, the
//   step indexes the offers a version 2 file already holds.
//
// Version 4 (interests, interests.hpp):
//   interests      the local receipt of an "I'm interested": which offer, when, and the
//                  registration it belongs to when that was saved on this kiosk (a random record
//                  id). The reference code and anything else of the person are only in the
//                  sealed outbox body. Written with its outbox entry in one transaction.
#include "kiosk/store/migrations.hpp"

#include <array>

#include "kiosk/store/database.hpp"
#include "kiosk/store/job_index.hpp"

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

constexpr std::string_view kStep3 =
    "CREATE TABLE job_offer_search ("
    "  doc INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"  // job_offers.id
    "  expires TEXT NOT NULL,"    // YYYY-MM-DD, the last open day
    "  city TEXT NOT NULL,"       // as written in the offer
    "  city_key TEXT NOT NULL,"
    "  region_key TEXT NOT NULL,"  // '' when the offer names no region
    "  sector TEXT NOT NULL,"
    "  contract TEXT NOT NULL,"
    "  occupation TEXT NOT NULL,"
    "  min_education INTEGER NOT NULL,"
    "  languages TEXT NOT NULL,"  // 'tur:B1 eng:A2'
    "  work_permit TEXT NOT NULL,"
    "  flags TEXT NOT NULL,"      // 'women_only training_provided'
    "  start_date TEXT NOT NULL"  // '' = as soon as possible
    ") STRICT;"
    "CREATE INDEX job_offer_search_expires ON job_offer_search (expires);"
    // apply_offer_page reads max(updated_seq) for every page: without an index that read every
    // stored offer each time.
    "CREATE INDEX job_offers_updated_seq ON job_offers (updated_seq);"
    "CREATE TABLE job_offer_content ("
    "  doc INTEGER PRIMARY KEY,"  // job_offer_search.doc
    "  words TEXT NOT NULL"
    ") STRICT;"
    "CREATE TABLE job_offer_languages ("
    "  doc INTEGER NOT NULL,"
    "  code TEXT NOT NULL,"
    "  level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),"
    "  PRIMARY KEY (doc, code)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE VIRTUAL TABLE job_offer_fts USING fts5(words, content='job_offer_content',"
    "  content_rowid='doc', detail=none, columnsize=0, prefix='1 2 3',"
    "  tokenize=\"unicode61 remove_diacritics 0 categories 'L* M* N* P* S* Co Cc Cf Cn Cs'\");"
    // Both triggers remove the search rows of the offer as it was (see the header comment).
    "CREATE TRIGGER job_offers_unindex_deleted AFTER DELETE ON job_offers BEGIN"
    "  INSERT INTO job_offer_fts (job_offer_fts, rowid, words)"
    "    SELECT 'delete', c.doc, c.words FROM job_offer_search s"
    "    JOIN job_offer_content c ON c.doc = s.doc WHERE s.id = old.id;"
    "  DELETE FROM job_offer_content"
    "    WHERE doc = (SELECT doc FROM job_offer_search WHERE id = old.id);"
    "  DELETE FROM job_offer_languages"
    "    WHERE doc = (SELECT doc FROM job_offer_search WHERE id = old.id);"
    "  DELETE FROM job_offer_search WHERE id = old.id;"
    "END;"
    "CREATE TRIGGER job_offers_unindex_replaced AFTER UPDATE OF id, body ON job_offers BEGIN"
    "  INSERT INTO job_offer_fts (job_offer_fts, rowid, words)"
    "    SELECT 'delete', c.doc, c.words FROM job_offer_search s"
    "    JOIN job_offer_content c ON c.doc = s.doc WHERE s.id = old.id;"
    "  DELETE FROM job_offer_content"
    "    WHERE doc = (SELECT doc FROM job_offer_search WHERE id = old.id);"
    "  DELETE FROM job_offer_languages"
    "    WHERE doc = (SELECT doc FROM job_offer_search WHERE id = old.id);"
    "  DELETE FROM job_offer_search WHERE id = old.id;"
    "END;";

constexpr std::string_view kStep4 =
    "CREATE TABLE interests ("
    "  record_id TEXT PRIMARY KEY,"
    "  job_id TEXT NOT NULL CHECK (job_id <> ''),"
    "  registration_id TEXT,"
    "  created_at_device INTEGER NOT NULL"
    ");"
    "CREATE INDEX interests_job ON interests (job_id);";

constexpr std::array kSteps = {
    MigrationStep{1, "create registrations, outbox, settings, sync_state", kStep1},
    MigrationStep{2, "add job_offers, pull cursor and server epoch; keep acked outbox rows",
                  kStep2},
    MigrationStep{3, "index job offers for search (FTS5) and filters; index the stored offers",
                  kStep3, &index_all_offers_in_transaction},
    MigrationStep{4, "add interests, the local receipt of an \"I'm interested\"", kStep4},
};

static_assert(kSteps.back().version == Database::kSchemaVersion,
              "the last migration step must produce Database::kSchemaVersion");

}  // namespace

std::span<const MigrationStep> migration_steps() {
    return kSteps;
}

}  // namespace kiosk::store

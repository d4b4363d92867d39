// The central server's storage, behind one interface with two implementations: SQLite (the
// embedded default, a file path) and PostgreSQL (a postgresql:// URL, libpqxx 6). The server
// process keeps no state of its own, so several processes may share one PostgreSQL database.
//
// Rules every implementation keeps:
//  1. Record idempotency is the UNIQUE record_id: INSERT ... ON CONFLICT DO NOTHING, then compare
//     the stored body (same → duplicate, different → conflict). Never read-then-insert.
//  2. An enrolment code is spent by one conditional UPDATE in the same transaction that adds the
//     device, so two servers cannot both accept it.
//  3. The change feed's sequence comes from a single counter row, locked first by every
//     transaction that writes offers: writers serialise on that row, so sequence numbers become
//     visible in order and a reader never skips one (a bigserial could commit out of order). A
//     transaction numbers its writes itself and sets the counter once at the end; only a write
//     that changes a row takes a number, so the head is always the sequence of a stored row.
//  4. Tokens (kiosk and admin) and enrolment codes are stored only as SHA-256 hashes.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/result.hpp"

namespace kiosk::sync {

struct Device {
    std::string id;
    std::string centre;
    std::string sign_public_key;  // raw 32 bytes
    bool revoked = false;
};

struct StoredRecord {
    std::string record_id;
    std::string device_id;
    std::uint64_t device_seq = 0;
    std::string kind;
    std::uint32_t schema = 0;
    std::int64_t created_at_device = 0;
    std::string body;              // canonical envelope JSON
    std::int64_t received_at = 0;  // Unix ms, server clock
};

enum class InsertOutcome { created, duplicate, conflict };

// One change to the feed: an offer's new body (canonical JSON), or its withdrawal (nullopt).
struct FeedWrite {
    std::string offer_id;
    std::optional<std::string> offer;
};

// A credential of central-office staff for the admin API (the token itself is never stored).
struct AdminToken {
    std::string name;
    std::int64_t created_at = 0;  // Unix ms
    bool revoked = false;
};

struct FeedEntry {
    std::uint64_t seq = 0;
    std::string offer_id;
    std::optional<std::string> offer;  // canonical JSON; nullopt for a tombstone
};

struct FeedPage {
    std::vector<FeedEntry> entries;  // seq ascending, each offer id at most once
    std::uint64_t head = 0;          // the highest sequence handed out so far
};

class ServerStore {
  public:
    virtual ~ServerStore() = default;

    // Creates the schema and the epoch if absent; safe to run again.
    virtual Status init_schema() = 0;
    // Errors: "store.uninitialised" when init has not run.
    virtual Result<std::string> epoch() = 0;
    // After restoring a backup: a new epoch makes every kiosk re-push and re-read the feed.
    virtual Status set_epoch(const std::string& epoch) = 0;

    virtual Status add_enrol_code(const std::string& code_hash, const std::string& centre,
                                  std::int64_t now_ms) = 0;
    // Spends the code and adds the device in one transaction. Errors: "enrol.bad_code" (unknown
    // or already used), "enrol.device_exists".
    virtual Result<Device> enrol(const std::string& code_hash, const std::string& device_id,
                                 const std::string& token_hash, const std::string& sign_public_key,
                                 std::int64_t now_ms) = 0;
    virtual Result<std::optional<Device>> device_by_token(const std::string& token_hash) = 0;
    // Errors: "store.unknown_device".
    virtual Status revoke(const std::string& device_id) = 0;

    // All records in one transaction; outcomes in the same order.
    virtual Result<std::vector<InsertOutcome>> insert_records(
        const std::vector<StoredRecord>& records) = 0;
    // Streams every record (for export), in received order.
    virtual Status for_each_record(
        const std::function<void(const StoredRecord&, const Device&)>& fn) = 0;

    // Staff credentials for /v1/admin. Errors: "admin.name_taken" (also by a revoked token).
    virtual Status add_admin_token(const std::string& name, const std::string& token_hash,
                                   std::int64_t now_ms) = 0;
    virtual Result<std::optional<AdminToken>> admin_by_token(const std::string& token_hash) = 0;
    // Errors: "store.unknown_admin".
    virtual Status revoke_admin_token(const std::string& name) = 0;
    // By name.
    virtual Result<std::vector<AdminToken>> admin_tokens() = 0;

    // Job offers. A batch of writes in one transaction, in order (rule 3): an upsert always
    // changes the feed; withdrawing an offer that is not published changes nothing and takes no
    // sequence. Returns, for each write, whether it changed the feed.
    virtual Result<std::vector<bool>> write_offers(const std::vector<FeedWrite>& writes) = 0;
    // One write in its own transaction.
    Status put_offer(const std::string& offer_id, const std::string& canonical_json) {
        return write_offer(FeedWrite{offer_id, canonical_json});
    }
    // Errors: "store.unknown_offer" when the offer is not published (never, or withdrawn).
    Status withdraw_offer(const std::string& offer_id) {
        return write_offer(FeedWrite{offer_id, std::nullopt});
    }
    // One offer's latest state (a tombstone when withdrawn); nullopt when never published.
    virtual Result<std::optional<FeedEntry>> offer(const std::string& offer_id) = 0;
    virtual Result<FeedPage> changes(std::uint64_t after_seq, std::size_t limit) = 0;

  private:
    Status write_offer(FeedWrite write);
};

// "postgresql://..." or "postgres://..." → PostgreSQL; anything else is a SQLite file path.
Result<std::unique_ptr<ServerStore>> open_store(const std::string& url);

Result<std::unique_ptr<ServerStore>> open_sqlite_store(const std::string& path);
Result<std::unique_ptr<ServerStore>> open_pg_store(const std::string& url);

}  // namespace kiosk::sync

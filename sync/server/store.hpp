// The central server's storage, behind one interface with two implementations: SQLite (the
// embedded default, a file path) and PostgreSQL (a postgresql:// URL, libpqxx 6). The server
// process keeps no state of its own, so several processes may share one PostgreSQL database.
//
// Rules every implementation keeps:
//  1. Record idempotency is the UNIQUE record_id: INSERT ... ON CONFLICT DO NOTHING, then compare
//     the stored body (same → duplicate, different → conflict). Never read-then-insert.
//  2. An enrolment code is spent by one conditional UPDATE in the same transaction that adds the
//     device, so two servers cannot both accept it.
//  3. The change feed's sequence comes from a single counter row updated in the offer's own
//     transaction: writers serialise on that row, so sequence numbers become visible in order
//     and a reader never skips one (a bigserial could commit out of order).
//  4. Tokens and enrolment codes are stored only as SHA-256 hashes.
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

    // Job offers: each call takes the next feed sequence in its own transaction.
    Status put_offer(const std::string& offer_id, const std::string& canonical_json) {
        return feed_write(offer_id, canonical_json);
    }
    Status withdraw_offer(const std::string& offer_id) {
        return feed_write(offer_id, std::nullopt);
    }
    virtual Result<FeedPage> changes(std::uint64_t after_seq, std::size_t limit) = 0;

  protected:
    // One change-feed entry: an upsert with a body, or a tombstone with none.
    virtual Status feed_write(const std::string& offer_id,
                              const std::optional<std::string>& body) = 0;
};

// "postgresql://..." or "postgres://..." → PostgreSQL; anything else is a SQLite file path.
Result<std::unique_ptr<ServerStore>> open_store(const std::string& url);

Result<std::unique_ptr<ServerStore>> open_sqlite_store(const std::string& path);
Result<std::unique_ptr<ServerStore>> open_pg_store(const std::string& url);

}  // namespace kiosk::sync

// ServerStore on PostgreSQL with the libpqxx 6 API (Debian 12 ships 6.4.5; not 7's API).
// Each call borrows a connection from a small pool (a pqxx::connection is not thread-safe) and
// runs one transaction; concurrency between server processes is left to PostgreSQL: unique
// constraints for records and codes, the feed_counter row lock for the change feed
// (store.hpp, rules 1-3).
#include <pqxx/pqxx>

#include <mutex>
#include <utility>
#include <vector>

#include "sync/protocol/encoding.hpp"
#include "sync/server/schema.hpp"
#include "sync/server/store.hpp"

namespace kiosk::sync {
namespace {

constexpr std::size_t kMaxIdleConnections = 8;

std::string sql(std::string_view s) {
    return std::string(s);
}

class PgStore final : public ServerStore {
  public:
    explicit PgStore(std::string url) : url_(std::move(url)) {}

    // Connects once so a bad URL fails at open, not at the first request.
    Status probe() {
        return run<Ok>([](pqxx::connection& c) -> Result<Ok> {
            pqxx::read_transaction t(c);
            if (!t.exec("SELECT to_regclass('meta') IS NOT NULL")[0][0].as<bool>()) {
                return Ok{};  // before init
            }
            const auto r = t.exec_params(sql(schema::kGetMeta), "schema_version");
            if (schema::newer_than_code(r.empty() ? std::nullopt
                                                  : std::optional(r[0][0].as<std::string>()))) {
                return make_error("store.newer_schema", std::string(schema::kNewerSchemaMessage));
            }
            return Ok{};
        });
    }

    Status init_schema() override {
        return run<Ok>([](pqxx::connection& c) -> Result<Ok> {
            pqxx::work w(c);
            // Two servers running init at once would race on CREATE TABLE IF NOT EXISTS.
            w.exec("SELECT pg_advisory_xact_lock(7415001)");
            for (const auto s : schema::kTables) {
                w.exec(sql(s));
            }
            w.exec(schema::records_table(schema::kOrderPostgres));
            w.exec_params(sql(schema::kInitMeta), "epoch", random_id());
            w.exec_params(sql(schema::kInitMeta), "schema_version",
                          std::to_string(schema::kVersion));
            w.commit();
            return Ok{};
        });
    }

    Result<std::string> epoch() override {
        return run<std::string>([](pqxx::connection& c) -> Result<std::string> {
            pqxx::read_transaction t(c);
            const auto exists = t.exec("SELECT to_regclass('meta') IS NOT NULL");
            if (!exists[0][0].as<bool>()) {
                return uninitialised();
            }
            const auto r = t.exec_params(sql(schema::kGetMeta), "epoch");
            if (r.empty()) {
                return uninitialised();
            }
            return r[0][0].as<std::string>();
        });
    }

    Status set_epoch(const std::string& epoch) override {
        return run<Ok>([&](pqxx::connection& c) -> Result<Ok> {
            pqxx::work w(c);
            w.exec_params(sql(schema::kSetMeta), "epoch", epoch);
            w.commit();
            return Ok{};
        });
    }

    Status add_enrol_code(const std::string& code_hash, const std::string& centre,
                          std::int64_t now_ms) override {
        return run<Ok>([&](pqxx::connection& c) -> Result<Ok> {
            pqxx::work w(c);
            w.exec_params(sql(schema::kAddCode), code_hash, centre, now_ms);
            w.commit();
            return Ok{};
        });
    }

    Result<Device> enrol(const std::string& code_hash, const std::string& device_id,
                         const std::string& token_hash, const std::string& sign_public_key,
                         std::int64_t now_ms) override {
        return run<Device>([&](pqxx::connection& c) -> Result<Device> {
            pqxx::work w(c);
            const auto spent = w.exec_params(sql(schema::kSpendCode), code_hash);
            if (spent.empty()) {
                return make_error("enrol.bad_code", "unknown or already used enrolment code");
            }
            Device d{device_id, spent[0][0].as<std::string>(), sign_public_key, false};
            const auto added = w.exec_params(sql(schema::kAddDevice), device_id, d.centre,
                                             token_hash, to_base64url(sign_public_key), now_ms);
            if (added.affected_rows() != 1) {
                return make_error("enrol.device_exists", "device " + device_id + " is enrolled");
            }
            w.commit();
            return d;
        });
    }

    Result<std::optional<Device>> device_by_token(const std::string& token_hash) override {
        return find_one<Device>(schema::kDeviceByToken, token_hash, [](const pqxx::row& row) {
            return Device{row[0].as<std::string>(), row[1].as<std::string>(),
                          from_base64url(row[2].as<std::string>()).value_or(""),
                          row[3].as<int>() != 0};
        });
    }

    Status revoke(const std::string& device_id) override {
        return run<Ok>([&](pqxx::connection& c) -> Result<Ok> {
            pqxx::work w(c);
            if (w.exec_params(sql(schema::kRevoke), device_id).affected_rows() == 0) {
                return make_error("store.unknown_device", "no device " + device_id);
            }
            w.commit();
            return Ok{};
        });
    }

    Result<std::vector<InsertOutcome>> insert_records(
        const std::vector<StoredRecord>& records) override {
        return run<std::vector<InsertOutcome>>(
            [&](pqxx::connection& c) -> Result<std::vector<InsertOutcome>> {
                pqxx::work w(c);
                std::vector<InsertOutcome> out;
                out.reserve(records.size());
                for (const auto& r : records) {
                    const auto ins =
                        w.exec_params(sql(schema::kInsertRecord), r.record_id, r.device_id,
                                      static_cast<std::int64_t>(r.device_seq), r.kind,
                                      static_cast<std::int64_t>(r.schema), r.created_at_device,
                                      r.body, r.received_at);
                    if (ins.affected_rows() == 1) {
                        out.push_back(InsertOutcome::created);
                        continue;
                    }
                    // The conflicting row is committed (ON CONFLICT waited for it), and each
                    // statement in READ COMMITTED sees the latest commits.
                    const auto stored = w.exec_params1(sql(schema::kRecordBody), r.record_id);
                    out.push_back(stored[0].as<std::string>() == r.body ? InsertOutcome::duplicate
                                                                        : InsertOutcome::conflict);
                }
                w.commit();
                return out;
            });
    }

    Status for_each_record(
        const std::function<void(const StoredRecord&, const Device&)>& fn) override {
        return run<Ok>([&](pqxx::connection& c) -> Result<Ok> {
            pqxx::read_transaction t(c);
            // A cursor keeps memory bounded on a large export.
            pqxx::stateless_cursor<pqxx::cursor_base::read_only, pqxx::cursor_base::owned> cur(
                t, sql(schema::kAllRecords), "export_records", false);
            constexpr int kChunk = 500;
            for (int pos = 0;; pos += kChunk) {
                const auto rows = cur.retrieve(pos, pos + kChunk);
                for (const auto& row : rows) {
                    StoredRecord r{row[0].as<std::string>(),   row[1].as<std::string>(),
                                   row[2].as<std::uint64_t>(), row[3].as<std::string>(),
                                   row[4].as<std::uint32_t>(), row[5].as<std::int64_t>(),
                                   row[6].as<std::string>(),   row[7].as<std::int64_t>()};
                    Device d{r.device_id, row[8].as<std::string>(),
                             from_base64url(row[9].as<std::string>()).value_or(""),
                             row[10].as<int>() != 0};
                    fn(r, d);
                }
                if (rows.size() < static_cast<pqxx::result::size_type>(kChunk)) {
                    break;
                }
            }
            return Ok{};
        });
    }

    Result<FeedPage> changes(std::uint64_t after_seq, std::size_t limit) override {
        return run<FeedPage>([&](pqxx::connection& c) -> Result<FeedPage> {
            // One snapshot for the head and the rows.
            pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> t(c);
            FeedPage page;
            page.head = t.exec1(sql(schema::kHeadSeq))[0].as<std::uint64_t>();
            const auto rows =
                t.exec_params(sql(schema::kChanges), static_cast<std::int64_t>(after_seq),
                              static_cast<std::int64_t>(limit));
            for (const auto& row : rows) {
                page.entries.push_back(entry_of(row));
            }
            return page;
        });
    }

    Status add_admin_token(const std::string& name, const std::string& token_hash,
                           std::int64_t now_ms) override {
        return run<Ok>([&](pqxx::connection& c) -> Result<Ok> {
            pqxx::work w(c);
            if (w.exec_params(sql(schema::kAddAdmin), name, token_hash, now_ms).affected_rows() !=
                1) {
                return make_error("admin.name_taken", "an admin token is already named " + name);
            }
            w.commit();
            return Ok{};
        });
    }

    Result<std::optional<AdminToken>> admin_by_token(const std::string& token_hash) override {
        return find_one<AdminToken>(schema::kAdminByToken, token_hash, admin_of);
    }

    Status revoke_admin_token(const std::string& name) override {
        return run<Ok>([&](pqxx::connection& c) -> Result<Ok> {
            pqxx::work w(c);
            if (w.exec_params(sql(schema::kRevokeAdmin), name).affected_rows() == 0) {
                return make_error("store.unknown_admin", "no admin token named " + name);
            }
            w.commit();
            return Ok{};
        });
    }

    Result<std::vector<AdminToken>> admin_tokens() override {
        return run<std::vector<AdminToken>>(
            [&](pqxx::connection& c) -> Result<std::vector<AdminToken>> {
                pqxx::read_transaction t(c);
                std::vector<AdminToken> out;
                for (const auto& row : t.exec(sql(schema::kAllAdmins))) {
                    out.push_back(admin_of(row));
                }
                return out;
            });
    }

    Result<std::vector<bool>> write_offers(const std::vector<FeedWrite>& writes) override {
        return run<std::vector<bool>>([&](pqxx::connection& c) -> Result<std::vector<bool>> {
            pqxx::work w(c);
            // The counter row stays locked until commit: the next writer waits, so sequence
            // numbers commit in order (FIELD-NOTES: a bigserial would not).
            auto seq = w.exec1(sql(schema::kLockSeq))[0].as<std::int64_t>();
            std::vector<bool> changed;
            changed.reserve(writes.size());
            for (const FeedWrite& fw : writes) {
                const auto r =
                    fw.offer
                        ? w.exec_params(sql(schema::kUpsertOffer), fw.offer_id, *fw.offer, seq + 1)
                        : w.exec_params(sql(schema::kWithdrawOffer), fw.offer_id, seq + 1);
                const bool wrote = r.affected_rows() == 1;
                seq += wrote ? 1 : 0;
                changed.push_back(wrote);
            }
            w.exec_params(sql(schema::kSetSeq), seq);
            w.commit();
            return changed;
        });
    }

    Result<std::optional<FeedEntry>> offer(const std::string& offer_id) override {
        return find_one<FeedEntry>(schema::kOffer, offer_id, entry_of);
    }

  private:
    static Error uninitialised() {
        return make_error("store.uninitialised",
                          "the database has no schema: run kiosk-central init");
    }

    // The row `query` finds by its one parameter, read by `read`; nullopt when there is none.
    template <typename T, typename Read>
    Result<std::optional<T>> find_one(std::string_view query, const std::string& key, Read&& read) {
        return run<std::optional<T>>([&](pqxx::connection& c) -> Result<std::optional<T>> {
            pqxx::read_transaction t(c);
            const auto r = t.exec_params(sql(query), key);
            if (r.empty()) {
                return std::optional<T>{};
            }
            return std::optional<T>{read(r[0])};
        });
    }

    // A row of (seq, id, body): body NULL for a tombstone.
    static FeedEntry entry_of(const pqxx::row& row) {
        FeedEntry e{row[0].as<std::uint64_t>(), row[1].as<std::string>(), std::nullopt};
        if (!row[2].is_null()) {
            e.offer = row[2].as<std::string>();
        }
        return e;
    }

    // A row of (name, created_at, revoked).
    static AdminToken admin_of(const pqxx::row& row) {
        return AdminToken{row[0].as<std::string>(), row[1].as<std::int64_t>(),
                          row[2].as<int>() != 0};
    }

    std::unique_ptr<pqxx::connection> borrow() {
        {
            const std::lock_guard lock(mu_);
            if (!idle_.empty()) {
                auto c = std::move(idle_.back());
                idle_.pop_back();
                return c;
            }
        }
        return std::make_unique<pqxx::connection>(url_);
    }

    void give_back(std::unique_ptr<pqxx::connection> c) {
        const std::lock_guard lock(mu_);
        if (idle_.size() < kMaxIdleConnections && c->is_open()) {
            idle_.push_back(std::move(c));
        }
    }

    // Runs fn on a pooled connection, turning libpqxx exceptions into classified errors:
    // "store.unavailable" and "store.busy" are transient (the server answers 503), the rest
    // are "store.error".
    template <typename T, typename F>
    Result<T> run(F&& fn) {
        std::unique_ptr<pqxx::connection> c;
        try {
            c = borrow();
            Result<T> r = fn(*c);
            give_back(std::move(c));
            return r;
        } catch (const pqxx::broken_connection& e) {
            return make_error("store.unavailable", std::string("PostgreSQL: ") + e.what());
        } catch (const pqxx::transaction_rollback& e) {
            if (c) {
                give_back(std::move(c));
            }
            return make_error("store.busy", std::string("PostgreSQL: ") + e.what());
        } catch (const std::exception& e) {
            // The connection may be mid-transaction or broken: do not reuse it.
            return make_error("store.error", std::string("PostgreSQL: ") + e.what());
        }
    }

    std::string url_;
    std::mutex mu_;
    std::vector<std::unique_ptr<pqxx::connection>> idle_;
};

}  // namespace

Result<std::unique_ptr<ServerStore>> open_pg_store(const std::string& url) {
    auto store = std::make_unique<PgStore>(url);
    if (auto s = store->probe(); !s) {
        return make_error(s.error().code == "store.newer_schema" ? s.error().code : "store.open",
                          s.error().message);
    }
    return std::unique_ptr<ServerStore>(std::move(store));
}

}  // namespace kiosk::sync

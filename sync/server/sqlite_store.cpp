// ServerStore on one SQLite file: WAL, synchronous=FULL (an ack must survive a power cut),
// a busy timeout for the CLI running next to the server, one connection behind a mutex.
// Crypto and JSON work happen outside the store, so the mutex only serialises the SQL.
#include <sqlite3.h>

#include <cassert>
#include <mutex>
#include <utility>

#include "sync/protocol/encoding.hpp"
#include "sync/server/schema.hpp"
#include "sync/server/store.hpp"

namespace kiosk::sync {
namespace {

constexpr int kBusyTimeoutMs = 10'000;

Error sqlite_error(sqlite3* db, std::string_view what) {
    const int code = sqlite3_errcode(db);
    const bool busy = code == SQLITE_BUSY || code == SQLITE_LOCKED;
    return make_error(busy ? "store.busy" : "store.error",
                      std::string(what) + ": " + sqlite3_errmsg(db));
}

// One prepared statement; binds "$1".."$N" by name so the SQL is shared with PostgreSQL.
class Stmt {
  public:
    Stmt(sqlite3* db, std::string_view sql) {
        ok_ = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) ==
              SQLITE_OK;
    }
    ~Stmt() { sqlite3_finalize(stmt_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    bool ok() const { return ok_; }
    // Ready to run again with new bindings.
    void reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }

    Stmt& bind(int n, std::string_view text) {
        if (ok_) {
            ok_ = sqlite3_bind_text(stmt_, index(n), text.data(), static_cast<int>(text.size()),
                                    SQLITE_TRANSIENT) == SQLITE_OK;
        }
        return *this;
    }
    Stmt& bind(int n, std::int64_t v) {
        if (ok_) {
            ok_ = sqlite3_bind_int64(stmt_, index(n), v) == SQLITE_OK;
        }
        return *this;
    }
    Stmt& bind_null(int n) {
        if (ok_) {
            ok_ = sqlite3_bind_null(stmt_, index(n)) == SQLITE_OK;
        }
        return *this;
    }

    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return ok_ ? sqlite3_step(stmt_) : SQLITE_ERROR; }

    std::int64_t i64(int col) const { return sqlite3_column_int64(stmt_, col); }
    bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
    std::string text(int col) const {
        const auto* p = sqlite3_column_text(stmt_, col);
        return p ? std::string(reinterpret_cast<const char*>(p),
                               static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
                 : std::string();
    }

  private:
    int index(int n) const {
        const std::string name = "$" + std::to_string(n);
        return sqlite3_bind_parameter_index(stmt_, name.c_str());
    }

    sqlite3_stmt* stmt_ = nullptr;
    bool ok_ = false;
};

class SqliteStore final : public ServerStore {
  public:
    explicit SqliteStore(sqlite3* db) : db_(db) {}
    ~SqliteStore() override { sqlite3_close_v2(db_); }
    SqliteStore(const SqliteStore&) = delete;
    SqliteStore& operator=(const SqliteStore&) = delete;

    Status init_schema() override {
        const std::lock_guard lock(mu_);
        return in_tx([&]() -> Status {
            for (const auto sql : schema::kTables) {
                if (auto s = exec(sql); !s) {
                    return s;
                }
            }
            if (auto s = exec(schema::records_table(schema::kOrderSqlite)); !s) {
                return s;
            }
            if (auto s = init_meta("epoch", random_id()); !s) {
                return s;
            }
            return init_meta("schema_version", std::to_string(schema::kVersion));
        });
    }

    Result<std::string> epoch() override {
        const std::lock_guard lock(mu_);
        return get_meta("epoch");
    }

    Status set_epoch(const std::string& epoch) override {
        const std::lock_guard lock(mu_);
        Stmt st(db_, schema::kSetMeta);
        st.bind(1, "epoch").bind(2, epoch);
        return done(st, "set epoch");
    }

    Status add_enrol_code(const std::string& code_hash, const std::string& centre,
                          std::int64_t now_ms) override {
        const std::lock_guard lock(mu_);
        Stmt st(db_, schema::kAddCode);
        st.bind(1, code_hash).bind(2, centre).bind(3, now_ms);
        return done(st, "add enrolment code");
    }

    Result<Device> enrol(const std::string& code_hash, const std::string& device_id,
                         const std::string& token_hash, const std::string& sign_public_key,
                         std::int64_t now_ms) override {
        const std::lock_guard lock(mu_);
        Device device;
        auto s = in_tx([&]() -> Status {
            Stmt spend(db_, schema::kSpendCode);
            spend.bind(1, code_hash);
            const int rc = spend.step();
            if (rc == SQLITE_DONE) {
                return make_error("enrol.bad_code", "unknown or already used enrolment code");
            }
            if (rc != SQLITE_ROW) {
                return sqlite_error(db_, "spend enrolment code");
            }
            device = Device{device_id, spend.text(0), sign_public_key, false};
            while (spend.step() == SQLITE_ROW) {
            }
            Stmt add(db_, schema::kAddDevice);
            add.bind(1, device_id).bind(2, device.centre).bind(3, token_hash);
            add.bind(4, to_base64url(sign_public_key)).bind(5, now_ms);
            if (auto d = done(add, "add device"); !d) {
                return d;
            }
            if (sqlite3_changes(db_) != 1) {
                return make_error("enrol.device_exists", "device " + device_id + " is enrolled");
            }
            return Ok{};
        });
        if (!s) {
            return s.error();
        }
        return device;
    }

    Result<std::optional<Device>> device_by_token(const std::string& token_hash) override {
        return find_one<Device>(
            schema::kDeviceByToken, token_hash, "find device", [](const Stmt& st) {
                auto pk = from_base64url(st.text(2));
                assert(pk && "devices.sign_public_key holds what enrol() wrote");
                return Device{st.text(0), st.text(1), pk.value_or(""), st.i64(3) != 0};
            });
    }

    Status revoke(const std::string& device_id) override {
        return update_one(schema::kRevoke, device_id, "revoke",
                          make_error("store.unknown_device", "no device " + device_id));
    }

    Result<std::vector<InsertOutcome>> insert_records(
        const std::vector<StoredRecord>& records) override {
        const std::lock_guard lock(mu_);
        std::vector<InsertOutcome> out;
        out.reserve(records.size());
        auto s = in_tx([&]() -> Status {
            Stmt ins(db_, schema::kInsertRecord);
            Stmt body(db_, schema::kRecordBody);
            for (const auto& r : records) {
                ins.reset();
                ins.bind(1, r.record_id).bind(2, r.device_id);
                ins.bind(3, static_cast<std::int64_t>(r.device_seq)).bind(4, r.kind);
                ins.bind(5, static_cast<std::int64_t>(r.schema)).bind(6, r.created_at_device);
                ins.bind(7, r.body).bind(8, r.received_at);
                if (ins.step() != SQLITE_DONE) {
                    return sqlite_error(db_, "insert record");
                }
                if (sqlite3_changes(db_) == 1) {
                    out.push_back(InsertOutcome::created);
                    continue;
                }
                body.reset();
                body.bind(1, r.record_id);
                if (body.step() != SQLITE_ROW) {
                    return sqlite_error(db_, "read stored record");
                }
                out.push_back(body.text(0) == r.body ? InsertOutcome::duplicate
                                                     : InsertOutcome::conflict);
            }
            return Ok{};
        });
        if (!s) {
            return s.error();
        }
        return out;
    }

    Status for_each_record(
        const std::function<void(const StoredRecord&, const Device&)>& fn) override {
        const std::lock_guard lock(mu_);
        Stmt st(db_, schema::kAllRecords);
        int rc = SQLITE_ROW;
        while ((rc = st.step()) == SQLITE_ROW) {
            StoredRecord r{st.text(0),
                           st.text(1),
                           static_cast<std::uint64_t>(st.i64(2)),
                           st.text(3),
                           static_cast<std::uint32_t>(st.i64(4)),
                           st.i64(5),
                           st.text(6),
                           st.i64(7)};
            Device d{r.device_id, st.text(8), from_base64url(st.text(9)).value_or(""),
                     st.i64(10) != 0};
            fn(r, d);
        }
        if (rc != SQLITE_DONE) {
            return sqlite_error(db_, "read records");
        }
        return Ok{};
    }

    Result<FeedPage> changes(std::uint64_t after_seq, std::size_t limit) override {
        const std::lock_guard lock(mu_);
        FeedPage page;
        // One read transaction so the head and the rows come from the same snapshot.
        auto s = in_tx(
            [&]() -> Status {
                Stmt head(db_, schema::kHeadSeq);
                if (head.step() != SQLITE_ROW) {
                    return sqlite_error(db_, "read feed head");
                }
                page.head = static_cast<std::uint64_t>(head.i64(0));
                Stmt rows(db_, schema::kChanges);
                rows.bind(1, static_cast<std::int64_t>(after_seq));
                rows.bind(2, static_cast<std::int64_t>(limit));
                int rc = SQLITE_ROW;
                while ((rc = rows.step()) == SQLITE_ROW) {
                    page.entries.push_back(entry_of(rows));
                }
                return rc == SQLITE_DONE ? Status{Ok{}} : Status{sqlite_error(db_, "read feed")};
            },
            "BEGIN");
        if (!s) {
            return s.error();
        }
        return page;
    }

    Status add_admin_token(const std::string& name, const std::string& token_hash,
                           std::int64_t now_ms) override {
        const std::lock_guard lock(mu_);
        Stmt st(db_, schema::kAddAdmin);
        st.bind(1, name).bind(2, token_hash).bind(3, now_ms);
        if (auto s = done(st, "add admin token"); !s) {
            return s;
        }
        if (sqlite3_changes(db_) != 1) {
            return make_error("admin.name_taken", "an admin token is already named " + name);
        }
        return Ok{};
    }

    Result<std::optional<AdminToken>> admin_by_token(const std::string& token_hash) override {
        return find_one<AdminToken>(schema::kAdminByToken, token_hash, "find admin token",
                                    admin_of);
    }

    Status revoke_admin_token(const std::string& name) override {
        return update_one(schema::kRevokeAdmin, name, "revoke admin token",
                          make_error("store.unknown_admin", "no admin token named " + name));
    }

    Result<std::vector<AdminToken>> admin_tokens() override {
        const std::lock_guard lock(mu_);
        Stmt st(db_, schema::kAllAdmins);
        std::vector<AdminToken> out;
        int rc = SQLITE_ROW;
        while ((rc = st.step()) == SQLITE_ROW) {
            out.push_back(admin_of(st));
        }
        if (rc != SQLITE_DONE) {
            return sqlite_error(db_, "list admin tokens");
        }
        return out;
    }

    Result<std::vector<bool>> write_offers(const std::vector<FeedWrite>& writes) override {
        const std::lock_guard lock(mu_);
        std::vector<bool> changed;
        changed.reserve(writes.size());
        auto s = in_tx([&]() -> Status {
            Stmt counter(db_, schema::kLockSeq);
            if (counter.step() != SQLITE_ROW) {
                return sqlite_error(db_, "read feed counter");
            }
            std::int64_t seq = counter.i64(0);
            while (counter.step() == SQLITE_ROW) {
            }
            Stmt upsert(db_, schema::kUpsertOffer);
            Stmt withdraw(db_, schema::kWithdrawOffer);
            for (const FeedWrite& w : writes) {
                Stmt& st = w.offer ? upsert : withdraw;
                st.reset();
                st.bind(1, w.offer_id);
                if (w.offer) {
                    st.bind(2, *w.offer).bind(3, seq + 1);
                } else {
                    st.bind(2, seq + 1);
                }
                if (auto d = done(st, "write offer"); !d) {
                    return d;
                }
                const bool wrote = sqlite3_changes(db_) == 1;
                seq += wrote ? 1 : 0;
                changed.push_back(wrote);
            }
            Stmt set(db_, schema::kSetSeq);
            set.bind(1, seq);
            return done(set, "advance feed");
        });
        if (!s) {
            return s.error();
        }
        return changed;
    }

    Result<std::optional<FeedEntry>> offer(const std::string& offer_id) override {
        return find_one<FeedEntry>(schema::kOffer, offer_id, "read offer", entry_of);
    }

  private:
    Status exec(std::string_view sql) {
        char* msg = nullptr;
        const std::string text(sql);
        if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
            auto e = sqlite_error(db_, "exec");
            sqlite3_free(msg);
            return e;
        }
        return Ok{};
    }

    Status done(Stmt& st, std::string_view what) {
        const int rc = st.step();
        if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
            return sqlite_error(db_, what);
        }
        return Ok{};
    }

    // Runs fn in a transaction (IMMEDIATE for writers: take the write lock up front rather than
    // fail to upgrade a read lock mid-way); rolls back on error.
    template <typename F>
    Status in_tx(F&& fn, const char* begin = "BEGIN IMMEDIATE") {
        if (auto s = exec(begin); !s) {
            return s;
        }
        Status s = fn();
        if (!s) {
            (void)exec("ROLLBACK");
            return s;
        }
        if (auto c = exec("COMMIT"); !c) {
            (void)exec("ROLLBACK");
            return c;
        }
        return Ok{};
    }

    // Runs `sql` with its one parameter; `none` when it changed no row.
    Status update_one(std::string_view sql, const std::string& key, std::string_view what,
                      Error none) {
        const std::lock_guard lock(mu_);
        Stmt st(db_, sql);
        st.bind(1, key);
        if (auto s = done(st, what); !s) {
            return s;
        }
        if (sqlite3_changes(db_) == 0) {
            return none;
        }
        return Ok{};
    }

    // The row `sql` finds by its one parameter, read by `read`; nullopt when there is none.
    template <typename T, typename Read>
    Result<std::optional<T>> find_one(std::string_view sql, const std::string& key,
                                      std::string_view what, Read&& read) {
        const std::lock_guard lock(mu_);
        Stmt st(db_, sql);
        st.bind(1, key);
        const int rc = st.step();
        if (rc == SQLITE_DONE) {
            return std::optional<T>{};
        }
        if (rc != SQLITE_ROW) {
            return sqlite_error(db_, what);
        }
        return std::optional<T>{read(st)};
    }

    // A row of (seq, id, body): body NULL for a tombstone.
    static FeedEntry entry_of(const Stmt& st) {
        FeedEntry e{static_cast<std::uint64_t>(st.i64(0)), st.text(1), std::nullopt};
        if (!st.is_null(2)) {
            e.offer = st.text(2);
        }
        return e;
    }

    // A row of (name, created_at, revoked).
    static AdminToken admin_of(const Stmt& st) {
        return AdminToken{st.text(0), st.i64(1), st.i64(2) != 0};
    }

    Status init_meta(std::string_view key, const std::string& value) {
        Stmt st(db_, schema::kInitMeta);
        st.bind(1, key).bind(2, value);
        return done(st, "init meta");
    }

    Result<std::string> get_meta(std::string_view key) {
        Stmt st(db_, schema::kGetMeta);
        st.bind(1, key);
        const int rc = st.step();
        if (rc == SQLITE_ROW) {
            return st.text(0);
        }
        if (rc == SQLITE_DONE || !st.ok()) {
            return make_error("store.uninitialised",
                              "the database has no schema: run kiosk-central init");
        }
        return sqlite_error(db_, "read meta");
    }

    std::mutex mu_;
    sqlite3* db_;
};

}  // namespace

Result<std::unique_ptr<ServerStore>> open_sqlite_store(const std::string& path) {
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
        Error e = make_error("store.open", "cannot open " + path + ": " +
                                               (db ? sqlite3_errmsg(db) : "out of memory"));
        sqlite3_close_v2(db);
        return e;
    }
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    for (const char* pragma :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        if (sqlite3_exec(db, pragma, nullptr, nullptr, nullptr) != SQLITE_OK) {
            Error e = sqlite_error(db, pragma);
            sqlite3_close_v2(db);
            return e;
        }
    }
    // meta may not exist yet (before init): then there is nothing to refuse.
    std::optional<std::string> version;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'schema_version'", -1, &st,
                           nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        version = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    if (schema::newer_than_code(version)) {
        sqlite3_close_v2(db);
        return make_error("store.newer_schema", std::string(schema::kNewerSchemaMessage));
    }
    return std::unique_ptr<ServerStore>(std::make_unique<SqliteStore>(db));
}

}  // namespace kiosk::sync

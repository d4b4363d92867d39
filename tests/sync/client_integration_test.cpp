// sync_client and kiosk-sync against (1) the real kiosk-central on a random loopback port, as
// staff would run both, and (2) a hostile fake server (cpp-httplib in this process) that
// misbehaves in the ways peers' sync clients met in the field. The kiosk's database is a real
// SQLite file each time. The rule under test: nothing leaves the outbox without a valid ack for
// that exact record id, and the queue survives every failure.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <regex>
#include <thread>

#include "kiosk/store/outbox.hpp"
#include "kiosk/store/registrations.hpp"
#include "kiosk/store/settings.hpp"
#include "kiosk/store/sqlite.hpp"
#include "kiosk/store/sync_state.hpp"
#include "server_support.hpp"
#include "sync/client/client.hpp"
#include "sync/client/daemon.hpp"

namespace kiosk::sync::client {
namespace {

using namespace kiosk::sync::test;
using std::chrono::seconds;

// [SECTION] A kiosk: its database file, identity and queued registrations

class KioskDb {
  public:
    KioskDb() : dir_(make_temp_dir()), db_(open(dir_ / "kiosk.db")) {
        auto id = ensure_identity(db_);
        EXPECT_TRUE(id.ok()) << (id ? "" : id.error().message);
        identity_ = *id;
    }
    ~KioskDb() { std::filesystem::remove_all(dir_); }

    store::Database& db() { return db_; }
    std::string path() const { return (dir_ / "kiosk.db").string(); }
    const Identity& identity() const { return identity_; }

    // Queues n made-up registrations sealed to `server_pk`; returns their record ids.
    std::vector<std::string> submit(int n, const std::string& server_pk) {
        std::vector<std::string> ids;
        for (int i = 0; i < n; ++i) {
            RecordContent c{random_id(),
                            identity_.device_id,
                            "registration",
                            1,
                            "2026-01",
                            nlohmann::json{{"given_name", "Testperson " + std::to_string(i)},
                                           {"city", "Sampletown"}}};
            auto sealed = seal_content(c, server_pk);
            EXPECT_TRUE(sealed.ok());
            store::NewRegistration r;
            r.record_id = c.record_id;
            r.reference_code = "REF-" + c.record_id.substr(0, 10);
            r.created_at_device = 1'790'000'000;
            r.consent_version = "2026-01";
            r.schema = 1;
            r.body.assign(sealed->begin(), sealed->end());
            auto receipt = store::submit_registration(db_, r);
            EXPECT_TRUE(receipt.ok()) << (receipt ? "" : receipt.error().message);
            ids.push_back(c.record_id);
        }
        return ids;
    }

    store::OutboxCounts counts() {
        auto c = store::counts(db_);
        EXPECT_TRUE(c.ok());
        return c ? *c : store::OutboxCounts{};
    }

    std::string setting(std::string_view key) {
        auto v = store::get_setting(db_, key);
        return v && *v ? **v : std::string("<unset>");
    }

    // The pull cursor and the server epoch ("<unset>" before any reply).
    std::string cursor() {
        auto st = store::read_sync_state(db_);
        EXPECT_TRUE(st.ok());
        return st ? st->pull_cursor : std::string("<error>");
    }
    std::string epoch() {
        auto st = store::read_sync_state(db_);
        EXPECT_TRUE(st.ok());
        return st ? st->server_epoch.value_or("<unset>") : std::string("<error>");
    }

  private:
    static store::Database open(const std::filesystem::path& file) {
        auto db = store::Database::open(file);
        EXPECT_TRUE(db.ok());
        return std::move(*db);
    }

    std::filesystem::path dir_;
    store::Database db_;
    Identity identity_;
};

// kiosk-sync as a process; returns {exit status, stdout + stderr}.
std::pair<int, std::string> kiosk_sync(std::vector<std::string> args) {
    std::string cmd = "'" + std::string(KIOSK_SYNC_BIN) + "'";
    for (const auto& a : args) {
        cmd += " '" + a + "'";
    }
    return run_command({"/bin/sh", "-c", cmd + " 2>&1"});
}

// [SECTION] The real kiosk-central

// The same kiosk tests run against kiosk-central on SQLite (sync_client_integration_tests) and
// on PostgreSQL (pg.client.*, built with KIOSK_TEST_POSTGRES, see client_pg.cmake).
#ifdef KIOSK_TEST_POSTGRES
constexpr bool kPostgres = true;
#else
constexpr bool kPostgres = false;
#endif

class RealServer : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(central({"init", "--db", db_, "--keys", keys_}).first, 0);
        server_pk_ = *read_key_file(keys_ + "/server.pub", 32);
        server_ = std::make_unique<Child>(std::vector<std::string>{
            kiosk_central(), "serve", "--db", db_, "--keys", keys_, "--listen", "127.0.0.1:0"});
        const std::string line = server_->wait_for_line("listening ", seconds(15));
        ASSERT_FALSE(line.empty()) << "kiosk-central serve printed no port";
        url_ = "http://127.0.0.1:" + std::to_string(port_of(line));
    }
    void TearDown() override {
        server_.reset();
        drop_db(kPostgres, db_);
        std::filesystem::remove_all(dir_);
    }

    std::pair<int, std::string> central(std::vector<std::string> args) {
        args.insert(args.begin(), kiosk_central());
        return run_command(args);
    }

    std::string enrol_code() {
        auto [rc, out] = central({"enrol-code", "--db", db_, "--centre", "Centre Test"});
        EXPECT_EQ(rc, 0) << out;
        std::smatch m;
        EXPECT_TRUE(std::regex_search(out, m, std::regex("^([0-9A-Z]{4}-){3}[0-9A-Z]{4}")));
        return m.str(0);
    }

    long long server_count(const std::string& sql) { return query_int(db_, sql); }

    TransportConfig server_config() const {
        TransportConfig c;
        c.base_url = url_;
        return c;
    }

    std::filesystem::path dir_ = make_temp_dir();
    std::string db_ = fresh_db_url(kPostgres, dir_);
    std::string keys_ = (dir_ / "keys").string();
    std::string server_pk_;
    std::unique_ptr<Child> server_;
    std::string url_;
};

TEST_F(RealServer, EnrolThenOncePushesEveryRecordExactlyOnce) {
    KioskDb kiosk;
    const auto ids = kiosk.submit(25, server_pk_);
    {
        auto [rc, out] = kiosk_sync({"once", "--db", kiosk.path()});
        EXPECT_EQ(rc, 3) << "not enrolled yet: staff must act\n" << out;
        EXPECT_NE(out.find("sync.not_enrolled"), std::string::npos) << out;
    }
    auto [erc, eout] =
        kiosk_sync({"enroll", "--db", kiosk.path(), "--server", url_, "--code", enrol_code()});
    ASSERT_EQ(erc, 0) << eout;

    auto [rc, out] = kiosk_sync({"once", "--db", kiosk.path()});
    ASSERT_EQ(rc, 0) << out;
    EXPECT_NE(out.find("acked 25"), std::string::npos) << out;
    EXPECT_EQ(kiosk.counts().queued, 0);
    EXPECT_EQ(kiosk.counts().sending, 0);
    EXPECT_EQ(server_count("SELECT count(*) FROM records"), 25);
    EXPECT_EQ(server_count("SELECT count(DISTINCT record_id) FROM records"), 25);
    EXPECT_EQ(server_count("SELECT count(*) FROM records WHERE device_id = '" +
                           kiosk.identity().device_id + "'"),
              25);
    // The WAL is checkpointed after draining: no page images of sealed bodies linger there.
    EXPECT_EQ(std::filesystem::file_size(kiosk.path() + "-wal"), 0U);

    auto [rc2, out2] = kiosk_sync({"once", "--db", kiosk.path()});
    ASSERT_EQ(rc2, 0) << out2;
    EXPECT_NE(out2.find("acked 0"), std::string::npos) << out2;
    EXPECT_EQ(server_count("SELECT count(*) FROM records"), 25);

    auto [src, status] = kiosk_sync({"status", "--db", kiosk.path()});
    EXPECT_EQ(src, 0) << status;
    EXPECT_NE(status.find("queued: 0"), std::string::npos) << status;
    EXPECT_NE(status.find("last error: none"), std::string::npos) << status;
    EXPECT_EQ(status.find("last success: never"), std::string::npos) << status;

    // The export decrypts what was pushed: the sealed bodies survived the trip intact.
    auto [xrc, exported] = central({"export", "--db", db_, "--keys", keys_, "--format", "json"});
    ASSERT_EQ(xrc, 0);
    for (const auto& id : ids) {
        EXPECT_NE(exported.find(id), std::string::npos) << id;
    }
}

TEST_F(RealServer, OnlyOneWorkerSyncsADatabaseAtATime) {
    KioskDb kiosk;
    ASSERT_TRUE(enroll(kiosk.db(), server_config(), enrol_code()).ok());
    kiosk.submit(2, server_pk_);
    {
        auto held = WorkerLock::acquire(kiosk.db());
        ASSERT_TRUE(held.ok()) << held.error().message;
        EXPECT_EQ(WorkerLock::acquire(kiosk.db()).error().code, "sync.busy");
        auto [rc, out] = kiosk_sync({"once", "--db", kiosk.path()});
        EXPECT_EQ(rc, 1) << out;
        EXPECT_NE(out.find("sync.busy"), std::string::npos) << out;
        EXPECT_EQ(kiosk.counts().queued, 2);
    }
    auto [rc, out] = kiosk_sync({"once", "--db", kiosk.path()});
    EXPECT_EQ(rc, 0) << "the lock is released with its holder\n" << out;
    EXPECT_EQ(kiosk.counts().queued, 0);
}

// T3 + a slice of T8 in one transaction: an ack purges the oldest acked rows beyond the window,
// at most max_purged of them, and only when it acked something.
TEST(OutboxAckPurge, AnAckPurgesAtMostItsSliceOfTheOldestAckedRows) {
    KioskDb kiosk;
    const BoxKeyPair server = BoxKeyPair::generate();
    kiosk.submit(10, server.public_key);
    auto ids_of = [](const std::vector<store::OutboxRecord>& batch) {
        std::vector<std::string> ids;
        for (const auto& r : batch) {
            ids.push_back(r.record_id);
        }
        return ids;
    };
    auto acked_seqs = [&] {
        std::vector<std::int64_t> seqs;
        auto select = store::Statement::prepare(
            kiosk.db().handle(),
            "SELECT device_seq FROM outbox WHERE state = 'acked' ORDER BY device_seq");
        EXPECT_TRUE(select.ok());
        const store::Statement& row = *select;
        EXPECT_TRUE(store::for_each_row(*select, [&] {
                        seqs.push_back(row.column_int64(0));
                        return true;
                    }).ok());
        return seqs;
    };

    const auto first = ids_of(store::claim_batch(kiosk.db(), 6, 1U << 20).value());
    auto done = store::mark_acked_and_purge(kiosk.db(), first, 2, 0);
    ASSERT_TRUE(done.ok());
    EXPECT_EQ(done->acked, 6U);
    EXPECT_EQ(done->purged, 0U) << "max_purged 0: no purge";
    // Acking what is no longer `sending` acks nothing, so it purges nothing either.
    done = store::mark_acked_and_purge(kiosk.db(), first, 2, 100);
    ASSERT_TRUE(done.ok());
    EXPECT_EQ(done->acked, 0U);
    EXPECT_EQ(done->purged, 0U);

    const auto second = ids_of(store::claim_batch(kiosk.db(), 1, 1U << 20).value());
    done = store::mark_acked_and_purge(kiosk.db(), second, 2, 3);
    ASSERT_TRUE(done.ok());
    EXPECT_EQ(done->acked, 1U);
    EXPECT_EQ(done->purged, 3U) << "5 beyond the window, at most 3 go";
    EXPECT_EQ(acked_seqs(), (std::vector<std::int64_t>{4, 5, 6, 7}));

    const auto third = ids_of(store::claim_batch(kiosk.db(), 3, 1U << 20).value());
    done = store::mark_acked_and_purge(kiosk.db(), third, 2, 100);
    ASSERT_TRUE(done.ok());
    EXPECT_EQ(done->acked, 3U);
    EXPECT_EQ(done->purged, 5U);
    EXPECT_EQ(acked_seqs(), (std::vector<std::int64_t>{9, 10})) << "the newest 2 stay";
    EXPECT_EQ(kiosk.counts().queued, 0);
}

TEST_F(RealServer, ABacklogDrainsInBatchesAndEachRecordLandsOnce) {
    KioskDb kiosk;
    ASSERT_TRUE(enroll(kiosk.db(), server_config(), enrol_code()).ok());
    kiosk.submit(30, server_pk_);
    const SystemClock clock;
    WorkerOptions options;
    options.max_records = 7;
    SyncWorker worker(kiosk.db(), clock, {}, options);
    const PassOutcome out = worker.run_pass();
    ASSERT_TRUE(out.ok) << out.error.code << ": " << out.error.message;
    EXPECT_EQ(out.report.acked, 30U);
    EXPECT_EQ(out.report.batches, 5U);  // 7+7+7+7+2
    EXPECT_EQ(server_count("SELECT count(*) FROM records"), 30);
    // device_seq order is kept on the server side as well.
    EXPECT_EQ(server_count("SELECT min(device_seq) FROM records"), 1);
    EXPECT_EQ(server_count("SELECT max(device_seq) FROM records"), 30);
}

// P5: a pass longer than a purge slice purges as it acks (store::mark_acked_and_purge) and what
// is left at its end, and keeps exactly the newest acked_retention acked records (outbox.hpp
// invariant 3).
TEST_F(RealServer, ALongPassKeepsExactlyTheNewestAckedRecords) {
    KioskDb kiosk;
    ASSERT_TRUE(enroll(kiosk.db(), server_config(), enrol_code()).ok());
    kiosk.submit(static_cast<int>(store::kPurgeSliceRows) + 100, server_pk_);
    const SystemClock clock;
    WorkerOptions options;
    options.max_records = 40;
    options.acked_retention = 30;
    SyncWorker worker(kiosk.db(), clock, {}, options);
    const PassOutcome out = worker.run_pass();
    ASSERT_TRUE(out.ok) << out.error.code << ": " << out.error.message;
    EXPECT_EQ(out.report.acked, store::kPurgeSliceRows + 100);
    EXPECT_EQ(server_count("SELECT count(*) FROM records"),
              static_cast<long long>(store::kPurgeSliceRows) + 100);
    EXPECT_EQ(kiosk.counts().acked, 30);
    auto oldest_kept = store::query_int64(
        kiosk.db().handle(), "SELECT min(device_seq) FROM outbox WHERE state = 'acked'");
    ASSERT_TRUE(oldest_kept.ok());
    EXPECT_EQ(*oldest_kept, static_cast<std::int64_t>(store::kPurgeSliceRows) + 100 - 30 + 1);
    EXPECT_EQ(std::filesystem::file_size(kiosk.path() + "-wal"), 0U);
}

TEST_F(RealServer, ABadOrReusedEnrolmentCodeFailsClearly) {
    KioskDb first;
    KioskDb second;
    auto [rc, out] = kiosk_sync(
        {"enroll", "--db", first.path(), "--server", url_, "--code", "ABCD-EFGH-JKLM-NPQR"});
    EXPECT_EQ(rc, 1) << out;
    EXPECT_NE(out.find("enrol.bad_code"), std::string::npos) << out;
    EXPECT_EQ(first.setting(keys::kToken), "<unset>");

    const std::string code = enrol_code();
    ASSERT_EQ(kiosk_sync({"enroll", "--db", first.path(), "--server", url_, "--code", code}).first,
              0);
    auto [rc2, out2] =
        kiosk_sync({"enroll", "--db", second.path(), "--server", url_, "--code", code});
    EXPECT_EQ(rc2, 1) << out2;
    EXPECT_NE(out2.find("enrol.bad_code"), std::string::npos) << out2;
    auto [src, status] = kiosk_sync({"status", "--db", second.path()});
    EXPECT_NE(status.find("enrolled: no"), std::string::npos) << status;

    auto [urc, uout] = kiosk_sync({"enroll", "--db", second.path(), "--code", code});
    EXPECT_EQ(urc, 2) << "no --server is a usage error\n" << uout;
}

TEST_F(RealServer, ARevokedKioskStopsAsksForEnrolmentAndKeepsItsQueue) {
    KioskDb kiosk;
    ASSERT_EQ(kiosk_sync({"enroll", "--db", kiosk.path(), "--server", url_, "--code", enrol_code()})
                  .first,
              0);
    kiosk.submit(3, server_pk_);
    ASSERT_EQ(kiosk_sync({"once", "--db", kiosk.path()}).first, 0);
    ASSERT_EQ(central({"revoke", "--db", db_, kiosk.identity().device_id}).first, 0);
    kiosk.submit(2, server_pk_);

    auto [rc, out] = kiosk_sync({"once", "--db", kiosk.path()});
    EXPECT_EQ(rc, 3) << out;
    EXPECT_NE(out.find("auth.revoked"), std::string::npos) << out;
    EXPECT_EQ(kiosk.counts().queued, 2);
    EXPECT_EQ(kiosk.counts().sending, 0);
    EXPECT_EQ(server_count("SELECT count(*) FROM records"), 3);

    auto [src, status] = kiosk_sync({"status", "--db", kiosk.path()});
    EXPECT_EQ(src, 3) << status;
    EXPECT_NE(status.find("enrolment needed"), std::string::npos) << status;
    EXPECT_NE(status.find("queued: 2"), std::string::npos) << status;
}

TEST_F(RealServer, OffersArePulledWithdrawnAndReReadAfterANewEpoch) {
    KioskDb kiosk;
    ASSERT_TRUE(enroll(kiosk.db(), server_config(), enrol_code()).ok());
    const std::string offer = (dir_ / "offer.json").string();
    for (const char* id : {"job-1", "job-2", "job-3"}) {
        std::ofstream(offer) << "{\"title\": \"Cook " << id << "\", \"hours\": 20}";
        ASSERT_EQ(central({"offer-put", "--db", db_, "--id", id, "--file", offer}).first, 0);
    }
    const SystemClock clock;
    WorkerOptions options;
    options.page_limit = 2;  // two pages: the cursor is carried between them
    SyncWorker worker(kiosk.db(), clock, {}, options);
    PassOutcome out = worker.run_pass();
    ASSERT_TRUE(out.ok) << out.error.message;
    EXPECT_EQ(out.report.pages, 2U);
    EXPECT_EQ(out.report.upserts, 3U);
    auto job1 = stored_offer(kiosk.db(), "job-1");
    ASSERT_TRUE(job1.ok() && job1->has_value());
    EXPECT_EQ(nlohmann::json::parse(**job1)["title"], "Cook job-1");
    const std::string epoch = kiosk.epoch();
    EXPECT_EQ(kiosk.cursor(), epoch + "-3");

    ASSERT_EQ(central({"offer-withdraw", "--db", db_, "--id", "job-1"}).first, 0);
    out = worker.run_pass();
    ASSERT_TRUE(out.ok) << out.error.message;
    EXPECT_EQ(out.report.tombstones, 1U);
    EXPECT_FALSE(stored_offer(kiosk.db(), "job-1")->has_value());
    EXPECT_TRUE(stored_offer(kiosk.db(), "job-2")->has_value());

    // A restore from backup: the server gets a new epoch; the kiosk reads the feed again.
    ASSERT_EQ(central({"new-epoch", "--db", db_}).first, 0);
    kiosk.submit(2, server_pk_);
    out = worker.run_pass();
    ASSERT_TRUE(out.ok) << out.error.message;
    EXPECT_TRUE(out.report.epoch_changed);
    EXPECT_EQ(out.report.acked, 2U);
    EXPECT_NE(kiosk.epoch(), epoch);
    EXPECT_EQ(kiosk.cursor().rfind(kiosk.epoch() + "-", 0), 0U);
    EXPECT_FALSE(stored_offer(kiosk.db(), "job-1")->has_value());
    EXPECT_TRUE(stored_offer(kiosk.db(), "job-3")->has_value());
    auto st = read_status(kiosk.db());
    ASSERT_TRUE(st.ok());
    EXPECT_EQ(st->offers, 2);
}

#ifndef KIOSK_TEST_POSTGRES
// The server's SQLite file is restored from a backup taken after the first 20 records: the 20
// acked after it exist only on the kiosk, which kept them (acked, sealed) for this. After
// `new-epoch` one `kiosk-sync once` requeues everything acked; the server answers `duplicate` for
// the first 20 and `created` for the lost ones, and ends with all 40 exactly once.
TEST_F(RealServer, RecordsLostByAServerRestoreArePushedAgainAfterTheNewEpoch) {
    KioskDb kiosk;
    auto [erc, eout] =
        kiosk_sync({"enroll", "--db", kiosk.path(), "--server", url_, "--code", enrol_code()});
    ASSERT_EQ(erc, 0) << eout;
    const auto before = kiosk.submit(20, server_pk_);
    ASSERT_EQ(kiosk_sync({"once", "--db", kiosk.path()}).first, 0);
    ASSERT_EQ(server_count("SELECT count(*) FROM records"), 20);

    // A live backup with SQLite's online backup API, as an operator's cron job would take it.
    const std::string backup = (dir_ / "backup.sqlite").string();
    auto [brc, bout] = run_command({"sqlite3", db_, ".backup \"" + backup + "\""});
    ASSERT_EQ(brc, 0) << bout;

    const auto after = kiosk.submit(20, server_pk_);
    auto [orc, oout] = kiosk_sync({"once", "--db", kiosk.path()});
    ASSERT_EQ(orc, 0) << oout;
    ASSERT_EQ(server_count("SELECT count(*) FROM records"), 40);
    EXPECT_EQ(kiosk.counts().acked, 40);

    // The disaster and the restore: stop, put the backup in place, new epoch, start again.
    server_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(db_ + suffix);
    }
    std::filesystem::copy_file(backup, db_);
    ASSERT_EQ(server_count("SELECT count(*) FROM records"), 20);
    auto [nrc, nout] = central({"new-epoch", "--db", db_});
    ASSERT_EQ(nrc, 0) << nout;
    server_ = std::make_unique<Child>(std::vector<std::string>{
        kiosk_central(), "serve", "--db", db_, "--keys", keys_, "--listen", "127.0.0.1:0"});
    const std::string line = server_->wait_for_line("listening ", seconds(15));
    ASSERT_FALSE(line.empty()) << "kiosk-central serve printed no port";
    // The test's server comes back on another free port; a real one keeps its address.
    ASSERT_TRUE(store::set_setting(kiosk.db(), keys::kServerUrl,
                                   "http://127.0.0.1:" + std::to_string(port_of(line)))
                    .ok());
    const std::string old_epoch = kiosk.epoch();

    auto [rc, out] = kiosk_sync({"once", "--db", kiosk.path()});
    ASSERT_EQ(rc, 0) << out;
    EXPECT_NE(out.find("server epoch changed"), std::string::npos) << out;
    EXPECT_NE(out.find("acked 40"), std::string::npos) << out;
    EXPECT_NE(kiosk.epoch(), old_epoch);
    EXPECT_EQ(kiosk.counts().queued, 0);
    EXPECT_EQ(kiosk.counts().rejected, 0);
    EXPECT_EQ(server_count("SELECT count(*) FROM records"), 40);
    EXPECT_EQ(server_count("SELECT count(DISTINCT record_id) FROM records"), 40);
    for (const auto* ids : {&before, &after}) {
        for (const auto& id : *ids) {
            EXPECT_EQ(server_count("SELECT count(*) FROM records WHERE record_id = '" + id + "'"),
                      1)
                << id;
        }
    }

    auto [src, status] = kiosk_sync({"status", "--db", kiosk.path()});
    EXPECT_EQ(src, 0) << status;
    EXPECT_NE(status.find("acked, kept for a server restore: 40"), std::string::npos) << status;
    EXPECT_NE(status.find("server epoch: " + kiosk.epoch()), std::string::npos) << status;

    // Nothing more to do on the next pass: the epoch is settled.
    auto [rc2, out2] = kiosk_sync({"once", "--db", kiosk.path()});
    ASSERT_EQ(rc2, 0) << out2;
    EXPECT_NE(out2.find("acked 0"), std::string::npos) << out2;
    EXPECT_EQ(server_count("SELECT count(*) FROM records"), 40);
}
#endif

TEST_F(RealServer, TheDaemonNoticesNewRecordsWithinSecondsAndStopsOnSigterm) {
    KioskDb kiosk;
    ASSERT_TRUE(enroll(kiosk.db(), server_config(), enrol_code()).ok());
    kiosk.submit(2, server_pk_);
    // A 10-minute period: only the data_version watch can explain a quick second pass.
    Child daemon({KIOSK_SYNC_BIN, "run", "--db", kiosk.path(), "--period", "600"});
    ASSERT_NE(daemon.wait_for_line("sync ok", seconds(15)), "");
    EXPECT_EQ(server_count("SELECT count(*) FROM records"), 2);

    kiosk.submit(3, server_pk_);
    const auto queued_at = std::chrono::steady_clock::now();
    const std::string line = daemon.wait_for_line("sync ok", seconds(10));
    ASSERT_NE(line, "") << "the daemon did not notice the new records";
    EXPECT_LT(std::chrono::steady_clock::now() - queued_at, seconds(4));
    EXPECT_NE(line.find("acked 3"), std::string::npos) << line;
    EXPECT_EQ(server_count("SELECT count(*) FROM records"), 5);
    EXPECT_EQ(kiosk.counts().queued, 0);

    EXPECT_EQ(daemon.stop(), 0) << "SIGTERM must end the daemon cleanly";
}

// kiosk-sync run as a child with its output discarded, so it can be killed at any moment.
pid_t spawn_daemon(const std::string& db_path) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, STDOUT_FILENO);
        ::dup2(null, STDERR_FILENO);
        ::execl(KIOSK_SYNC_BIN, KIOSK_SYNC_BIN, "run", "--db", db_path.c_str(), "--period", "600",
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return pid;
}

TEST_F(RealServer, KillNineDuringUploadsLosesAndDuplicatesNothing) {
    KioskDb kiosk;
    ASSERT_TRUE(enroll(kiosk.db(), server_config(), enrol_code()).ok());
    const auto ids = kiosk.submit(400, server_pk_);
    std::uint64_t seed = 12345;
    int killed_while_sending = 0;
    for (int round = 0; round < 12; ++round) {
        const pid_t pid = spawn_daemon(kiosk.path());
        ASSERT_GT(pid, 0);
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        std::this_thread::sleep_for(Millis{40 + static_cast<Millis::rep>((seed >> 33) % 160)});
        ::kill(pid, SIGKILL);
        int st = 0;
        ::waitpid(pid, &st, 0);
        killed_while_sending += kiosk.counts().sending > 0 ? 1 : 0;
        if (round % 3 == 2) {
            kiosk.submit(10, server_pk_);  // the UI keeps queueing between crashes
        }
    }
    std::cout << "kills that left rows in sending: " << killed_while_sending << " of 12\n";

    auto [rc, out] = kiosk_sync({"once", "--db", kiosk.path()});
    ASSERT_EQ(rc, 0) << out;
    EXPECT_EQ(kiosk.counts().queued, 0);
    EXPECT_EQ(kiosk.counts().sending, 0);
    EXPECT_EQ(kiosk.counts().rejected, 0);
    EXPECT_EQ(server_count("SELECT count(*) FROM records"), 440);
    EXPECT_EQ(server_count("SELECT count(DISTINCT record_id) FROM records"), 440);
    EXPECT_EQ(server_count("SELECT count(DISTINCT device_seq) FROM records"), 440);
    EXPECT_EQ(server_count("SELECT count(*) FROM records WHERE record_id = '" + ids.front() + "'"),
              1);
}

// [SECTION] A hostile fake server (no database behind it: SQLite build only)
// What the client does with replies that are well-formed but not plain success: 413 halving, a
// change feed read in pages and restarted after 410, the daemon's backoff. Replies that are
// broken, foreign or hostile are rows of the table in client_hostile_test.cpp.
#ifndef KIOSK_TEST_POSTGRES

class FakeServer {
  public:
    using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

    FakeServer() {
        http_.Post("/v1/push", [this](const httplib::Request& req, httplib::Response& res) {
            ++pushes;
            auto batch = decode_push_batch(req.body);
            ASSERT_TRUE(batch.ok()) << "the client sent an invalid batch";
            last_batch = *batch;
            on_push(req, res);
        });
        http_.Get("/v1/changes", [this](const httplib::Request& req, httplib::Response& res) {
            ++pulls;
            on_changes(req, res);
        });
        port_ = http_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { http_.listen_after_bind(); });
    }
    ~FakeServer() {
        http_.stop();
        thread_.join();
    }

    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

    // A well-formed reply acking every record of the last batch as created.
    std::string ack_all() const {
        PushResponse r{epoch, {}};
        for (const auto& rec : last_batch.records) {
            r.acks.push_back(Ack{rec.record_id, AckStatus::created, ""});
        }
        return encode(r);
    }

    std::string empty_page() const { return encode(ChangesPage{epoch, {}, {}, "0", false}); }

    const std::string epoch = random_id();
    std::atomic<int> pushes{0};
    std::atomic<int> pulls{0};
    PushBatch last_batch;
    Handler on_push = [this](const httplib::Request&, httplib::Response& res) {
        res.set_content(ack_all(), "application/json");
    };
    Handler on_changes = [this](const httplib::Request&, httplib::Response& res) {
        res.set_content(empty_page(), "application/json");
    };

  private:
    httplib::Server http_;
    std::thread thread_;
    int port_ = 0;
};

class Hostile : public ::testing::Test {
  protected:
    void SetUp() override {
        // Pretend enrolment: these tests are about what the client does with the replies.
        ASSERT_TRUE(store::set_setting(kiosk_.db(), keys::kServerUrl, fake_.url()).ok());
        ASSERT_TRUE(store::set_setting(kiosk_.db(), keys::kToken, "test-token").ok());
        ASSERT_TRUE(store::reset_offers(kiosk_.db(), fake_.epoch).ok());
        kiosk_.submit(3, server_key_.public_key);
        transport_.connect_timeout = Millis{2000};
        transport_.total_timeout = Millis{5000};
        transport_.low_speed_bytes_per_second = 1000;
        transport_.low_speed_time = Millis{1000};
        transport_.max_response_bytes = 64 * 1024;
    }

    PassOutcome pass() {
        SyncWorker worker(kiosk_.db(), clock_, transport_);
        return worker.run_pass();
    }

    BoxKeyPair server_key_ = BoxKeyPair::generate();
    FakeServer fake_;
    KioskDb kiosk_;
    TransportConfig transport_;
    FakeClock clock_;
};

TEST_F(Hostile, A413HalvesTheBatchUntilItFits) {
    kiosk_.submit(5, server_key_.public_key);  // 8 queued
    // Two batches may be on the wire at once (two connections): the sizes come in any order
    // after the first, so the test checks what halving guarantees, not a sequence.
    std::mutex mu;
    std::vector<std::size_t> sizes;
    fake_.on_push = [&](const httplib::Request& req, httplib::Response& res) {
        const auto batch = decode_push_batch(req.body);  // this request's, not the last one's
        const std::size_t size = batch ? batch->records.size() : 0;
        {
            const std::lock_guard lock(mu);
            sizes.push_back(size);
        }
        if (size > 2) {
            res.status = 413;
            return;
        }
        PushResponse acks{fake_.epoch, {}};
        for (const auto& rec : batch->records) {
            acks.acks.push_back(Ack{rec.record_id, AckStatus::created, ""});
        }
        res.set_content(encode(acks), "application/json");
    };
    const PassOutcome out = pass();
    ASSERT_TRUE(out.ok) << out.error.message;
    EXPECT_EQ(out.report.acked, 8U);
    EXPECT_EQ(kiosk_.counts().queued, 0);
    ASSERT_GE(sizes.size(), 3U);
    EXPECT_EQ(sizes[0], 8U) << "the whole queue first";
    EXPECT_NE(std::find(sizes.begin(), sizes.end(), 4U), sizes.end()) << "then halves";
    EXPECT_LE(*std::max_element(sizes.begin() + 1, sizes.end()), 4U) << "never back to 8 in a pass";
}

TEST_F(Hostile, ChangePagesCommitWithTheirCursorAnd410StartsAgainFromZero) {
    fake_.on_push = [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(fake_.ack_all(), "application/json");
    };
    const std::string e = fake_.epoch;
    std::vector<std::string> asked;
    fake_.on_changes = [&](const httplib::Request& req, httplib::Response& res) {
        const std::string since = req.get_param_value("since");
        asked.push_back(since);
        ChangesPage page{e, {}, {}, "", false};
        if (since == "0") {
            page.upserts = {OfferUpsert{"job-a", nlohmann::json{{"title", "Cook"}}},
                            OfferUpsert{"job-b", nlohmann::json{{"title", "Tailor"}}}};
            page.next = e + "-2";
            page.more = true;
        } else {
            page.tombstones = {"job-a"};
            page.next = e + "-3";
        }
        res.set_content(encode(page), "application/json");
    };
    PassOutcome out = pass();
    ASSERT_TRUE(out.ok) << out.error.message;
    EXPECT_EQ(asked, (std::vector<std::string>{"0", e + "-2"}));
    EXPECT_FALSE(stored_offer(kiosk_.db(), "job-a")->has_value());
    EXPECT_EQ(stored_offer(kiosk_.db(), "job-b")->value_or(""), "{\"title\":\"Tailor\"}");
    EXPECT_EQ(kiosk_.cursor(), e + "-3");

    asked.clear();
    fake_.on_changes = [&](const httplib::Request& req, httplib::Response& res) {
        const std::string since = req.get_param_value("since");
        asked.push_back(since);
        if (since != "0") {
            res.status = 410;
            res.set_content(encode(ErrorResponse{e, "changes.reset", "start again"}),
                            "application/json");
            return;
        }
        res.set_content(
            encode(ChangesPage{e,
                               {OfferUpsert{"job-c", nlohmann::json{{"title", "Driver"}}}},
                               {},
                               e + "-9",
                               false}),
            "application/json");
    };
    out = pass();
    ASSERT_TRUE(out.ok) << out.error.message;
    EXPECT_EQ(asked, (std::vector<std::string>{e + "-3", "0"}));
    // Read from zero is a full snapshot: offers it does not list are gone.
    EXPECT_FALSE(stored_offer(kiosk_.db(), "job-b")->has_value());
    EXPECT_TRUE(stored_offer(kiosk_.db(), "job-c")->has_value());
    EXPECT_EQ(kiosk_.cursor(), e + "-9");
}

TEST_F(Hostile, TheDaemonBacksOffHonouringRetryAfterEvenWhenNewRecordsArrive) {
    fake_.on_push = [](const httplib::Request&, httplib::Response& res) {
        res.status = 503;
        res.set_header("Retry-After", "2");
    };
    DaemonOptions options;
    options.poll = Millis{100};
    options.backoff = BackoffConfig{Millis{100}, Millis{200}};
    options.transport = transport_;
    std::atomic<bool> stop{false};
    std::vector<Millis> waits;
    std::mutex m;
    const SystemClock clock;
    core::SeededRandom random(5);
    Status result = Ok{};
    std::thread daemon([&] {
        result = run_daemon(kiosk_.path(), options, clock, random, stop,
                            [&](const PassOutcome& out, Millis next_in) {
                                EXPECT_FALSE(out.ok);
                                std::lock_guard lock(m);
                                waits.push_back(next_in);
                            });
    });
    const auto wait_for_pushes = [&](int n, Millis within) {
        const auto deadline = std::chrono::steady_clock::now() + within;
        while (fake_.pushes.load() < n && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(Millis{20});
        }
        return fake_.pushes.load() >= n;
    };
    EXPECT_TRUE(wait_for_pushes(1, Millis{5000}));
    const auto first = std::chrono::steady_clock::now();
    kiosk_.submit(1, server_key_.public_key);  // a commit while backing off: no early retry
    std::this_thread::sleep_for(Millis{1200});
    EXPECT_EQ(fake_.pushes.load(), 1);
    EXPECT_TRUE(wait_for_pushes(2, Millis{5000}));
    EXPECT_GE(std::chrono::steady_clock::now() - first, Millis{1900});
    stop = true;
    daemon.join();
    EXPECT_TRUE(result.ok());
    std::lock_guard lock(m);
    ASSERT_GE(waits.size(), 1U);
    EXPECT_GE(waits[0], Millis{2000});
    EXPECT_EQ(kiosk_.counts().queued, 4);
    EXPECT_EQ(kiosk_.counts().sending, 0);
}

#endif  // KIOSK_TEST_POSTGRES

}  // namespace
}  // namespace kiosk::sync::client

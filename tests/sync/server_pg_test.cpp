// PostgreSQL only: several kiosk-central processes on one database, as behind a load balancer.
// Distinct records pushed concurrently through two processes are all stored exactly once, the
// same records pushed again through the other process are duplicates, and offers written
// concurrently by two connections get gap-free feed sequences that a pager reads completely.
#include <gtest/gtest.h>

#include <atomic>
#include <regex>
#include <set>
#include <thread>

#include "sync/server/store.hpp"
#include "tests/sync/server_support.hpp"

namespace kiosk::sync {
namespace {

using namespace kiosk::sync::test;

class TwoServers : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = make_temp_dir();
        url_ = fresh_db_url(true, dir_);
        ASSERT_FALSE(url_.empty());
        keys_ = (dir_ / "keys").string();
        auto [rc, out] = run_command({kiosk_central(), "init", "--db", url_, "--keys", keys_});
        ASSERT_EQ(rc, 0) << out;
        server_pk_ = *read_key_file(keys_ + "/server.pub", 32);
        for (int i = 0; i < 2; ++i) {
            servers_.push_back(std::make_unique<Child>(
                std::vector<std::string>{kiosk_central(), "serve", "--db", url_, "--keys", keys_,
                                         "--listen", "127.0.0.1:0"}));
            const std::string line =
                servers_.back()->wait_for_line("listening ", std::chrono::seconds(15));
            ASSERT_FALSE(line.empty()) << "server " << i << " did not start";
            ports_.push_back(port_of(line));
        }
    }

    void TearDown() override {
        servers_.clear();  // SIGTERM both before dropping their database
        drop_db(true, url_);
        std::filesystem::remove_all(dir_);
    }

    std::string code() {
        auto [rc, out] =
            run_command({kiosk_central(), "enrol-code", "--db", url_, "--centre", "Centre Ost"});
        EXPECT_EQ(rc, 0) << out;
        return out.substr(0, 19);
    }

    std::filesystem::path dir_;
    std::string url_;
    std::string keys_;
    std::string server_pk_;
    std::vector<std::unique_ptr<Child>> servers_;
    std::vector<int> ports_;
};

TEST_F(TwoServers, ConcurrentPushesThroughBothProcessesLoseAndDuplicateNothing) {
    constexpr int kBatches = 8;
    constexpr int kPerBatch = 25;
    // Two kiosks, each enrolled through a different process, each pushing through both.
    std::vector<Kiosk> kiosks;
    for (int i = 0; i < 2; ++i) {
        httplib::Client cli("127.0.0.1", ports_[i]);
        kiosks.push_back(enrol_over_http(cli, code()));
        ASSERT_FALSE(kiosks.back().token.empty());
    }
    // Records are made up front (sequences per kiosk), then pushed from four threads.
    std::vector<std::vector<PushBatch>> work(4);
    for (int t = 0; t < 4; ++t) {
        Kiosk& k = kiosks[t % 2];
        for (int b = 0; b < kBatches; ++b) {
            PushBatch batch;
            for (int i = 0; i < kPerBatch; ++i) {
                batch.records.push_back(make_record(k, server_pk_));
            }
            work[t].push_back(std::move(batch));
        }
    }
    auto push_all = [&](int server_of_thread_offset, std::atomic<int>& created,
                        std::atomic<int>& duplicate) {
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                httplib::Client cli("127.0.0.1", ports_[(t / 2 + server_of_thread_offset) % 2]);
                cli.set_read_timeout(60, 0);
                for (const auto& batch : work[t]) {
                    auto res = cli.Post(std::string(kPathPush), bearer(kiosks[t % 2].token),
                                        encode(batch), std::string(kJsonContentType));
                    ASSERT_TRUE(res);
                    ASSERT_EQ(res->status, 200) << res->body;
                    const auto decoded = decode_push_response(res->body);
                    ASSERT_TRUE(decoded.ok()) << res->body;
                    for (const auto& a : decoded.value().acks) {
                        created += a.status == AckStatus::created ? 1 : 0;
                        duplicate += a.status == AckStatus::duplicate ? 1 : 0;
                    }
                }
            });
        }
        for (auto& th : threads) {
            th.join();
        }
    };
    const int total = 4 * kBatches * kPerBatch;
    std::atomic<int> created{0};
    std::atomic<int> duplicate{0};
    push_all(0, created, duplicate);
    EXPECT_EQ(created.load(), total);
    EXPECT_EQ(duplicate.load(), 0);
    EXPECT_EQ(query_int(url_, "SELECT COUNT(*) FROM records"), total);
    EXPECT_EQ(query_int(url_, "SELECT COUNT(DISTINCT record_id) FROM records"), total);

    // Every batch again, each through the other process (lost acks, a failover).
    std::atomic<int> created2{0};
    std::atomic<int> duplicate2{0};
    push_all(1, created2, duplicate2);
    EXPECT_EQ(created2.load(), 0);
    EXPECT_EQ(duplicate2.load(), total);
    EXPECT_EQ(query_int(url_, "SELECT COUNT(*) FROM records"), total);

    // Export reads them back through a server-side cursor, each opened and verified.
    auto [rc, out] =
        run_command({kiosk_central(), "export", "--db", url_, "--keys", keys_, "--format", "json"});
    ASSERT_EQ(rc, 0);
    const auto exported = nlohmann::json::parse(out);
    ASSERT_EQ(exported.size(), static_cast<std::size_t>(total));
    std::set<std::string> ids;
    for (const auto& r : exported) {
        ids.insert(r["record_id"].get<std::string>());
        EXPECT_EQ(r["centre"], "Centre Ost");
        EXPECT_EQ(r["data"]["city"], "Sampletown");
    }
    EXPECT_EQ(ids.size(), static_cast<std::size_t>(total));
}

TEST_F(TwoServers, ConcurrentOfferWritesGetGapFreeSequencesAndAreAllPaged) {
    constexpr int kWriters = 4;
    constexpr int kEach = 25;
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
            auto store = open_store(url_);
            ASSERT_TRUE(store.ok());
            for (int i = 0; i < kEach; ++i) {
                const std::string id = "w" + std::to_string(w) + "-" + std::to_string(i);
                ASSERT_TRUE((*store)->put_offer(id, "{\"n\":" + std::to_string(i) + "}").ok());
            }
        });
    }
    for (auto& th : writers) {
        th.join();
    }
    const int total = kWriters * kEach;
    EXPECT_EQ(query_int(url_, "SELECT MAX(seq) FROM offers"), total);
    EXPECT_EQ(query_int(url_, "SELECT COUNT(DISTINCT seq) FROM offers"), total);

    // Page through both processes alternately: every offer exactly once.
    std::set<std::string> seen;
    std::string cursor = "0";
    bool more = true;
    for (int page = 0; more; ++page) {
        ASSERT_LT(page, 100);
        httplib::Client cli("127.0.0.1", ports_[page % 2]);
        auto res = cli.Get(changes_target(cursor, 7));
        ASSERT_TRUE(res);
        ASSERT_EQ(res->status, 200) << res->body;
        auto p = decode_changes_page(res->body);
        ASSERT_TRUE(p.ok()) << res->body;
        for (const auto& u : p->upserts) {
            EXPECT_TRUE(seen.insert(u.id).second) << u.id << " twice";
        }
        cursor = p->next;
        more = p->more;
    }
    EXPECT_EQ(seen.size(), static_cast<std::size_t>(total));
}

}  // namespace
}  // namespace kiosk::sync

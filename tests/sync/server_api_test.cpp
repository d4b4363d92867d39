// kiosk-central's HTTP API on a real store and a real loopback port, driven by an HTTP client.
// Compiled twice: against SQLite (sync_server_sqlite_tests) and against the throwaway
// PostgreSQL cluster (sync_server_pg_tests, KIOSK_TEST_POSTGRES).
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "kiosk/core/clock.hpp"
#include "sync/protocol/gzip.hpp"
#include "sync/server/credentials.hpp"
#include "sync/server/server.hpp"
#include "sync/server/store.hpp"
#include "tests/sync/server_support.hpp"

namespace kiosk::sync {
namespace {

using namespace kiosk::sync::test;

#ifdef KIOSK_TEST_POSTGRES
constexpr bool kPostgres = true;
#else
constexpr bool kPostgres = false;
#endif

class ServerApi : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = make_temp_dir();
        url_ = fresh_db_url(kPostgres, dir_);
        ASSERT_FALSE(url_.empty());
        auto s = open_store(url_);
        ASSERT_TRUE(s.ok()) << s.error().message;
        store_ = std::move(*s);
        ASSERT_TRUE(store_->init_schema().ok());
        epoch_ = *store_->epoch();
        start(ServerConfig{});
    }

    void TearDown() override {
        halt();
        store_.reset();
        drop_db(kPostgres, url_);
        std::filesystem::remove_all(dir_);
    }

    void start(ServerConfig config) {
        server_ = std::make_unique<CentralServer>(*store_, keys_, clock_, config);
        auto port = server_->bind("127.0.0.1", 0);
        ASSERT_TRUE(port.ok());
        port_ = *port;
        thread_ = std::thread([this] { server_->run(); });
        // Wait until it answers.
        for (int i = 0; i < 100; ++i) {
            auto res = client().Get(std::string(kPathHealth));
            if (res && res->status == 200) {
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        FAIL() << "server did not come up";
    }

    void halt() {
        if (server_) {
            server_->stop();
            thread_.join();
            server_.reset();
        }
    }

    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(30, 0);
        return c;
    }

    std::string new_code(const std::string& centre = "Centre Nord") {
        const std::string code = make_enrol_code();
        EXPECT_TRUE(store_->add_enrol_code(enrol_code_hash(code), centre, 0).ok());
        return code;
    }

    Kiosk enrolled() {
        auto cli = client();
        return enrol_over_http(cli, new_code());
    }

    httplib::Result push(const Kiosk& k, const PushBatch& batch, bool gzip = false) {
        auto cli = client();
        httplib::Headers h = bearer(k.token);
        std::string body = encode(batch);
        if (gzip) {
            h.emplace("Content-Encoding", "gzip");
            body = gzip_compress(body);
        }
        return cli.Post(std::string(kPathPush), h, body, std::string(kJsonContentType));
    }

    // Push and decode, failing the test on anything but a 200 with acks.
    PushResponse push_ok(const Kiosk& k, const PushBatch& batch) {
        auto res = push(k, batch);
        EXPECT_TRUE(res);
        if (!res) {
            return {};
        }
        EXPECT_EQ(res->status, 200) << res->body;
        auto decoded = decode_push_response(res->body);
        EXPECT_TRUE(decoded.ok()) << res->body;
        return decoded.ok() ? *decoded : PushResponse{};
    }

    ErrorResponse error_of(const httplib::Result& res, int status) {
        return error_reply(res, status);
    }

    long long count(const std::string& sql) const { return query_int(url_, sql); }

    std::filesystem::path dir_;
    std::string url_;
    std::unique_ptr<ServerStore> store_;
    std::string epoch_;
    BoxKeyPair keys_ = BoxKeyPair::generate();
    SystemClock clock_;
    std::unique_ptr<CentralServer> server_;
    std::thread thread_;
    int port_ = 0;
};

// [SECTION] Health and errors

TEST_F(ServerApi, HealthCarriesTheEpoch) {
    auto res = client().Get(std::string(kPathHealth));
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    auto h = decode_health_response(res->body);
    ASSERT_TRUE(h.ok()) << res->body;
    EXPECT_EQ(h->epoch, epoch_);
    EXPECT_EQ(h->status, "ok");
}

TEST_F(ServerApi, UnknownPathIsJsonWithTheEpoch) {
    const auto e = error_of(client().Get("/v1/nothing-here"), 404);
    EXPECT_EQ(e.code, "http.not_found");
    EXPECT_EQ(e.epoch, epoch_);
}

TEST_F(ServerApi, RepliesAreGzippedWhenTheClientAsks) {
    auto cli = client();
    cli.set_decompress(false);
    auto res = cli.Get(changes_target("0", 10), {{"Accept-Encoding", "gzip"}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->get_header_value("Content-Encoding"), "gzip");
    auto body = gzip_decompress(res->body, 1 << 20);
    ASSERT_TRUE(body.ok());
    EXPECT_TRUE(decode_changes_page(*body).ok()) << *body;
}

// [SECTION] Enrolment

TEST_F(ServerApi, EnrolWithAGoodCodeGivesATokenStoredOnlyAsItsHash) {
    auto cli = client();
    const Kiosk k = enrol_over_http(cli, new_code("Centre Süd"));
    ASSERT_EQ(k.token.size(), 43U);  // 32 bytes, base64url
    EXPECT_EQ(count("SELECT COUNT(*) FROM devices WHERE token_hash = '" + k.token + "'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM devices WHERE token_hash = '" + token_hash(k.token) +
                    "' AND id = '" + k.device_id + "'"),
              1);
    auto device = store_->device_by_token(token_hash(k.token));
    ASSERT_TRUE(device.ok() && device->has_value());
    EXPECT_EQ((*device)->centre, "Centre Süd");
    EXPECT_EQ((*device)->sign_public_key, k.key.public_key);
}

TEST_F(ServerApi, EnrolRefusesAnUnknownCode) {
    auto cli = client();
    const auto e = error_of(cli.Post(std::string(kPathEnroll),
                                     encode(EnrollRequest{"AAAA-BBBB-CCCC-DDDD", random_id(),
                                                          SignKeyPair::generate().public_key}),
                                     std::string(kJsonContentType)),
                            403);
    EXPECT_EQ(e.code, "enrol.bad_code");
    EXPECT_EQ(e.epoch, epoch_);
}

TEST_F(ServerApi, EnrolCodeWorksOnceOnly) {
    const std::string code = new_code();
    auto cli = client();
    enrol_over_http(cli, code);
    const auto e = error_of(
        cli.Post(std::string(kPathEnroll),
                 encode(EnrollRequest{code, random_id(), SignKeyPair::generate().public_key}),
                 std::string(kJsonContentType)),
        403);
    EXPECT_EQ(e.code, "enrol.bad_code");
    EXPECT_EQ(count("SELECT COUNT(*) FROM devices"), 1);
}

TEST_F(ServerApi, EnrolCodeAsTypedByStaffStillMatches) {
    std::string code = new_code();
    std::string typed;
    for (const char c : code) {
        if (c != '-') {
            typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    auto cli = client();
    EXPECT_FALSE(enrol_over_http(cli, typed).token.empty());
}

TEST_F(ServerApi, EnrolTheSameDeviceTwiceIsAConflictAndSpendsNoCode) {
    auto cli = client();
    const Kiosk k = enrol_over_http(cli, new_code());
    const std::string second = new_code();
    const auto e = error_of(cli.Post(std::string(kPathEnroll),
                                     encode(EnrollRequest{second, k.device_id, k.key.public_key}),
                                     std::string(kJsonContentType)),
                            409);
    EXPECT_EQ(e.code, "enrol.device_exists");
    // The failed attempt rolled back: the code can still enrol another kiosk.
    EXPECT_FALSE(enrol_over_http(cli, second).token.empty());
}

TEST_F(ServerApi, MalformedEnrolRequestIs400WithTheField) {
    auto cli = client();
    const auto e = error_of(cli.Post(std::string(kPathEnroll),
                                     "{\"v\":1,\"code\":\"X\",\"device_id\":\"nope\","
                                     "\"sign_public_key\":\"AAAA\"}",
                                     std::string(kJsonContentType)),
                            400);
    EXPECT_EQ(e.code, "protocol.malformed");
    EXPECT_EQ(e.message.rfind("device_id:", 0), 0U) << e.message;
}

// [SECTION] Push

TEST_F(ServerApi, PushCreatesThenReportsDuplicateThenConflict) {
    Kiosk k = enrolled();
    const PushRecord r = make_record(k, keys_.public_key);
    const auto first = push_ok(k, PushBatch{{r}});
    ASSERT_EQ(first.acks.size(), 1U);
    EXPECT_EQ(first.epoch, epoch_);
    EXPECT_EQ(first.acks[0], (Ack{r.record_id, AckStatus::created, ""}));

    // A lost ack: the kiosk sends the same bytes again.
    const auto again = push_ok(k, PushBatch{{r}});
    EXPECT_EQ(again.acks[0], (Ack{r.record_id, AckStatus::duplicate, ""}));

    // Same id, different body (sealed again: a new ephemeral key) is a conflict, not an
    // overwrite.
    PushRecord changed = r;
    RecordContent c{r.record_id, k.device_id, r.kind,
                    r.schema,    "2026-01",   nlohmann::json{{"given_name", "Someone Else"}}};
    changed.body = *seal_record(c, r.device_seq, keys_.public_key, k.key);
    const auto conflict = push_ok(k, PushBatch{{changed}});
    EXPECT_EQ(conflict.acks[0], (Ack{r.record_id, AckStatus::rejected, "conflict"}));

    EXPECT_EQ(count("SELECT COUNT(*) FROM records"), 1);
}

TEST_F(ServerApi, OneBadRecordIsRejectedAndTheRestOfTheBatchIsStored) {
    Kiosk k = enrolled();
    Kiosk other = enrolled();
    const PushRecord good1 = make_record(k, keys_.public_key);
    PushRecord bad_sig = make_record(k, keys_.public_key);
    bad_sig.body.signature[0] ^= 0x01;
    const PushRecord wrong_server = make_record(k, BoxKeyPair::generate().public_key);
    // Sealed as the other kiosk but pushed with this kiosk's token.
    const PushRecord foreign = make_record(other, keys_.public_key);
    const PushRecord good2 = make_record(k, keys_.public_key);

    const auto out = push_ok(k, PushBatch{{good1, bad_sig, wrong_server, foreign, good2}});
    ASSERT_EQ(out.acks.size(), 5U);
    EXPECT_EQ(out.acks[0].status, AckStatus::created);
    EXPECT_EQ(out.acks[1], (Ack{bad_sig.record_id, AckStatus::rejected, "envelope.bad_signature"}));
    EXPECT_EQ(out.acks[2],
              (Ack{wrong_server.record_id, AckStatus::rejected, "envelope.cannot_open"}));
    EXPECT_EQ(out.acks[3], (Ack{foreign.record_id, AckStatus::rejected, "envelope.bad_signature"}));
    EXPECT_EQ(out.acks[4].status, AckStatus::created);
    EXPECT_EQ(count("SELECT COUNT(*) FROM records"), 2);
}

TEST_F(ServerApi, InnerDeviceIdMustBeTheAuthenticatedDevice) {
    Kiosk k = enrolled();
    RecordContent c{random_id(), random_id(), "registration",
                    1,           "2026-01",   nlohmann::json{{"given_name", "Test"}}};
    const PushRecord r{c.record_id, 1,          c.kind,
                       1,           1790000000, *seal_record(c, 1, keys_.public_key, k.key)};
    const auto out = push_ok(k, PushBatch{{r}});
    EXPECT_EQ(out.acks[0], (Ack{r.record_id, AckStatus::rejected, "envelope.id_mismatch"}));
}

TEST_F(ServerApi, RevokedUnknownAndMissingTokensAre401) {
    Kiosk k = enrolled();
    const PushBatch batch{{make_record(k, keys_.public_key)}};
    ASSERT_TRUE(store_->revoke(k.device_id).ok());
    EXPECT_EQ(error_of(push(k, batch), 401).code, "auth.revoked");

    Kiosk stranger = k;
    stranger.token = make_token();
    EXPECT_EQ(error_of(push(stranger, batch), 401).code, "auth.unknown_token");

    auto cli = client();
    const auto e = error_of(
        cli.Post(std::string(kPathPush), encode(batch), std::string(kJsonContentType)), 401);
    EXPECT_EQ(e.code, "auth.missing");
    EXPECT_EQ(e.epoch, epoch_);
    EXPECT_EQ(count("SELECT COUNT(*) FROM records"), 0);
}

TEST_F(ServerApi, ARevokedDeviceEnrolsAgainWithAFreshCodeAndItsOldTokenStaysDead) {
    Kiosk k = enrolled();
    ASSERT_TRUE(store_->revoke(k.device_id).ok());
    const PushBatch batch{{make_record(k, keys_.public_key)}};
    ASSERT_EQ(error_of(push(k, batch), 401).code, "auth.revoked");

    // Staff give the repaired kiosk a new code; it keeps its device id and may bring a new key.
    const std::string old_token = k.token;
    k.key = SignKeyPair::generate();
    auto cli = client();
    auto res =
        cli.Post(std::string(kPathEnroll),
                 encode(EnrollRequest{new_code("Centre Ost"), k.device_id, k.key.public_key}),
                 std::string(kJsonContentType));
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    auto enrolled_again = decode_enroll_response(res->body);
    ASSERT_TRUE(enrolled_again.ok()) << res->body;
    EXPECT_EQ(enrolled_again->device_id, k.device_id);
    EXPECT_EQ(enrolled_again->centre, "Centre Ost");
    EXPECT_NE(enrolled_again->token, old_token);

    Kiosk stale = k;
    stale.token = old_token;
    EXPECT_EQ(error_of(push(stale, batch), 401).code, "auth.unknown_token");
    // Records are checked against the new key: one signed with it is created.
    k.token = enrolled_again->token;
    const PushBatch fresh{{make_record(k, keys_.public_key)}};
    EXPECT_EQ(push_ok(k, fresh).acks.at(0).status, AckStatus::created);
    EXPECT_EQ(count("SELECT COUNT(*) FROM devices"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM devices WHERE revoked = 0"), 1);
}

TEST_F(ServerApi, RevokingAnUnknownDeviceIsAnError) {
    EXPECT_EQ(store_->revoke(random_id()).error().code, "store.unknown_device");
}

TEST_F(ServerApi, OversizeRequestIs413WithJsonAndTheServerCarriesOn) {
    Kiosk k = enrolled();
    auto cli = client();
    const std::string huge(kMaxRequestBytes + 1024, ' ');
    const auto e = error_of(
        cli.Post(std::string(kPathPush), bearer(k.token), huge, std::string(kJsonContentType)),
        413);
    EXPECT_EQ(e.code, "request.too_large");
    EXPECT_EQ(e.epoch, epoch_);
    const auto ok = push_ok(k, PushBatch{{make_record(k, keys_.public_key)}});
    EXPECT_EQ(ok.acks[0].status, AckStatus::created);
}

TEST_F(ServerApi, GzipRequestBodiesAreAccepted) {
    Kiosk k = enrolled();
    PushBatch batch;
    for (int i = 0; i < 20; ++i) {
        batch.records.push_back(make_record(k, keys_.public_key));
    }
    auto res = push(k, batch, true);
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    auto out = decode_push_response(res->body);
    ASSERT_TRUE(out.ok());
    for (const auto& a : out->acks) {
        EXPECT_EQ(a.status, AckStatus::created);
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM records"), 20);
}

TEST_F(ServerApi, GzipBombIs413NotAnAllocation) {
    halt();
    ServerConfig small;
    small.max_body_bytes = 1 << 20;
    start(small);
    Kiosk k = enrolled();
    // 64 MiB of spaces in ~64 KiB of gzip.
    const std::string bomb = gzip_compress(std::string(64U << 20, ' '), 1);
    ASSERT_LT(bomb.size(), kMaxRequestBytes);
    auto cli = client();
    httplib::Headers h = bearer(k.token);
    h.emplace("Content-Encoding", "gzip");
    const auto e =
        error_of(cli.Post(std::string(kPathPush), h, bomb, std::string(kJsonContentType)), 413);
    EXPECT_EQ(e.code, "request.too_large");
    EXPECT_EQ(push_ok(k, PushBatch{{make_record(k, keys_.public_key)}}).acks[0].status,
              AckStatus::created);
}

TEST_F(ServerApi, MalformedBatchIs400AndStoresNothing) {
    Kiosk k = enrolled();
    auto cli = client();
    const auto e = error_of(
        cli.Post(std::string(kPathPush), bearer(k.token),
                 "{\"v\":1,\"records\":[{\"record_id\":1}]}", std::string(kJsonContentType)),
        400);
    EXPECT_EQ(e.code, "protocol.malformed");
    EXPECT_EQ(e.message.rfind("records[0]", 0), 0U) << e.message;
    EXPECT_EQ(e.epoch, epoch_);
    const auto html = error_of(
        cli.Post(std::string(kPathPush), bearer(k.token), "<html>login</html>", "text/html"), 400);
    EXPECT_EQ(html.code, "protocol.malformed");
}

TEST_F(ServerApi, ConcurrentPushesLoseNothingAndDuplicateNothing) {
    constexpr int kThreads = 4;
    constexpr int kBatches = 5;
    constexpr int kPerBatch = 20;
    std::vector<Kiosk> kiosks;
    for (int t = 0; t < kThreads; ++t) {
        kiosks.push_back(enrolled());
    }
    std::atomic<int> created{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int b = 0; b < kBatches; ++b) {
                PushBatch batch;
                for (int i = 0; i < kPerBatch; ++i) {
                    batch.records.push_back(make_record(kiosks[t], keys_.public_key));
                }
                for (const auto& a : push_ok(kiosks[t], batch).acks) {
                    created += a.status == AckStatus::created ? 1 : 0;
                }
            }
        });
    }
    for (auto& th : threads) {
        th.join();
    }
    EXPECT_EQ(created.load(), kThreads * kBatches * kPerBatch);
    EXPECT_EQ(count("SELECT COUNT(*) FROM records"), kThreads * kBatches * kPerBatch);
}

TEST_F(ServerApi, TheSameBatchRacedTwiceIsCreatedExactlyOnce) {
    Kiosk k = enrolled();
    PushBatch batch;
    for (int i = 0; i < 50; ++i) {
        batch.records.push_back(make_record(k, keys_.public_key));
    }
    PushResponse a;
    PushResponse b;
    std::thread t1([&] { a = push_ok(k, batch); });
    std::thread t2([&] { b = push_ok(k, batch); });
    t1.join();
    t2.join();
    ASSERT_EQ(a.acks.size(), 50U);
    ASSERT_EQ(b.acks.size(), 50U);
    for (std::size_t i = 0; i < 50; ++i) {
        std::multiset<AckStatus> got{a.acks[i].status, b.acks[i].status};
        EXPECT_EQ(got, (std::multiset<AckStatus>{AckStatus::created, AckStatus::duplicate}))
            << "record " << i;
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM records"), 50);
}

// [SECTION] Change feed

struct Feed {
    std::map<std::string, nlohmann::json> offers;
    std::string cursor = "0";
    int pages = 0;
};

TEST_F(ServerApi, ChangesPageThroughUpsertsAndTombstones) {
    for (const char* id : {"a", "b", "c", "d", "e"}) {
        ASSERT_TRUE(store_->put_offer(id, "{\"title\":\"" + std::string(id) + "\"}").ok());
    }
    ASSERT_TRUE(store_->put_offer("b", "{\"title\":\"b2\"}").ok());
    ASSERT_TRUE(store_->withdraw_offer("c").ok());
    EXPECT_EQ(store_->withdraw_offer("c").error().code, "store.unknown_offer");

    // What a kiosk would do: apply each page, keep its cursor, stop when `more` is false.
    Feed feed;
    auto cli = client();
    std::set<std::string> tombstoned;
    bool more = true;
    while (more) {
        auto res = cli.Get(changes_target(feed.cursor, 2));
        ASSERT_TRUE(res);
        ASSERT_EQ(res->status, 200) << res->body;
        auto page = decode_changes_page(res->body);
        ASSERT_TRUE(page.ok()) << res->body;
        EXPECT_EQ(page->epoch, epoch_);
        EXPECT_LE(page->upserts.size() + page->tombstones.size(), 2U);
        for (const auto& u : page->upserts) {
            feed.offers[u.id] = u.offer;
        }
        for (const auto& t : page->tombstones) {
            feed.offers.erase(t);
            tombstoned.insert(t);
        }
        feed.cursor = page->next;
        more = page->more;
        ++feed.pages;
        ASSERT_LT(feed.pages, 10);
    }
    // 7 writes collapse to 5 feed rows (a, d, e, b2, c-tombstone): 3 pages of at most 2.
    EXPECT_EQ(feed.pages, 3);
    EXPECT_EQ(feed.offers.size(), 4U);
    EXPECT_EQ(feed.offers["b"]["title"], "b2");
    EXPECT_EQ(tombstoned, std::set<std::string>{"c"});
    EXPECT_EQ(feed.cursor, epoch_ + "-7");

    // Nothing new: an empty page that keeps the cursor.
    auto idle = decode_changes_page(cli.Get(changes_target(feed.cursor, 2))->body);
    ASSERT_TRUE(idle.ok());
    EXPECT_TRUE(idle->upserts.empty() && idle->tombstones.empty());
    EXPECT_EQ(idle->next, feed.cursor);
    EXPECT_FALSE(idle->more);

    // One change later: only that change.
    ASSERT_TRUE(store_->put_offer("f", "{\"title\":\"f\"}").ok());
    auto next = decode_changes_page(cli.Get(changes_target(feed.cursor, 100))->body);
    ASSERT_TRUE(next.ok());
    ASSERT_EQ(next->upserts.size(), 1U);
    EXPECT_EQ(next->upserts[0].id, "f");
}

TEST_F(ServerApi, ChangesRefuseForeignFutureAndMalformedCursors) {
    ASSERT_TRUE(store_->put_offer("a", "{}").ok());
    auto cli = client();
    const auto other_epoch = error_of(cli.Get(changes_target(random_id() + "-1", 10)), 410);
    EXPECT_EQ(other_epoch.code, "changes.reset");
    EXPECT_EQ(other_epoch.epoch, epoch_);
    EXPECT_EQ(error_of(cli.Get(changes_target(epoch_ + "-2", 10)), 410).code, "changes.reset");
    EXPECT_EQ(cli.Get(changes_target(epoch_ + "-1", 10))->status, 200);
    EXPECT_EQ(error_of(cli.Get("/v1/changes?since=yesterday"), 400).code, "protocol.malformed");
    EXPECT_EQ(error_of(cli.Get("/v1/changes?since=0&limit=0"), 400).code, "protocol.malformed");
    EXPECT_EQ(error_of(cli.Get("/v1/changes?since=0&limit=1001"), 400).code, "protocol.malformed");
    EXPECT_EQ(error_of(cli.Get("/v1/changes?since=0&limit=5x"), 400).code, "protocol.malformed");
}

TEST_F(ServerApi, ANewEpochShowsInEveryReplyAndResetsCursors) {
    Kiosk k = enrolled();
    ASSERT_TRUE(store_->put_offer("a", "{}").ok());
    auto cli = client();
    const std::string old_cursor =
        decode_changes_page(cli.Get(changes_target("0", 10))->body)->next;

    // As `kiosk-central new-epoch` does after restoring a backup.
    const std::string restored = random_id();
    ASSERT_TRUE(store_->set_epoch(restored).ok());
    EXPECT_EQ(decode_health_response(cli.Get(std::string(kPathHealth))->body)->epoch, restored);
    EXPECT_EQ(push_ok(k, PushBatch{{make_record(k, keys_.public_key)}}).epoch, restored);
    const auto e = error_of(cli.Get(changes_target(old_cursor, 10)), 410);
    EXPECT_EQ(e.epoch, restored);
    auto fresh = decode_changes_page(cli.Get(changes_target("0", 10))->body);
    ASSERT_TRUE(fresh.ok());
    EXPECT_EQ(fresh->epoch, restored);
    EXPECT_EQ(fresh->upserts.size(), 1U);
}

}  // namespace
}  // namespace kiosk::sync

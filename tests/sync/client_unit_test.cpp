// sync_client unit tests: backoff delays with seeded randomness, the HTTP status verdicts,
// Retry-After parsing, and the device identity on a real SQLite file. No network.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "kiosk/core/random.hpp"
#include "kiosk/store/settings.hpp"
#include "sync/client/backoff.hpp"
#include "sync/client/client.hpp"
#include "sync/client/transport.hpp"
#include "sync/protocol/encoding.hpp"
#include "sync/protocol/gzip.hpp"

namespace kiosk::sync::client {
namespace {

TEST(Backoff, DelaysStayUnderADoublingCeilingThatStopsAtTheCap) {
    core::SeededRandom random(7);
    Backoff backoff(BackoffConfig{Millis{1000}, Millis{30'000}}, random);
    const Millis expected_ceilings[] = {Millis{1000},   Millis{2000},   Millis{4000},
                                        Millis{8000},   Millis{16'000}, Millis{30'000},
                                        Millis{30'000}, Millis{30'000}};
    for (const Millis ceiling : expected_ceilings) {
        EXPECT_EQ(backoff.ceiling_for(backoff.failures() + 1), ceiling);
        const Millis d = backoff.next_delay();
        EXPECT_GE(d.count(), 0);
        EXPECT_LE(d, ceiling);
    }
    EXPECT_EQ(backoff.failures(), 8);
}

TEST(Backoff, FullJitterSpreadsOverTheWholeRange) {
    // Many kiosks coming back after one outage must not retry in step: the draws cover the
    // range from near zero to near the ceiling.
    core::SeededRandom random(42);
    Backoff backoff(BackoffConfig{Millis{10'000}, Millis{10'000}}, random);
    Millis lo{10'000};
    Millis hi{0};
    std::set<Millis::rep> distinct;
    for (int i = 0; i < 1000; ++i) {
        const Millis d = backoff.next_delay();
        lo = std::min(lo, d);
        hi = std::max(hi, d);
        distinct.insert(d.count());
    }
    EXPECT_LT(lo, Millis{500});
    EXPECT_GT(hi, Millis{9500});
    EXPECT_GT(distinct.size(), 800U);
}

TEST(Backoff, SameSeedSameDelaysOtherSeedOtherDelays) {
    core::SeededRandom a(1);
    core::SeededRandom b(1);
    core::SeededRandom c(2);
    Backoff ba(BackoffConfig{}, a);
    Backoff bb(BackoffConfig{}, b);
    Backoff bc(BackoffConfig{}, c);
    bool differs = false;
    for (int i = 0; i < 6; ++i) {
        const Millis da = ba.next_delay();
        EXPECT_EQ(da, bb.next_delay());
        differs = differs || da != bc.next_delay();
    }
    EXPECT_TRUE(differs);
}

TEST(Backoff, RetryAfterIsAFloorAndSuccessResets) {
    core::SeededRandom random(3);
    Backoff backoff(BackoffConfig{Millis{1000}, Millis{60'000}}, random);
    EXPECT_GE(backoff.next_delay(Millis{45'000}), Millis{45'000});
    EXPECT_EQ(backoff.failures(), 1);
    for (int i = 0; i < 5; ++i) {
        (void)backoff.next_delay();
    }
    EXPECT_EQ(backoff.ceiling_for(backoff.failures() + 1), Millis{60'000});
    backoff.reset();
    EXPECT_EQ(backoff.failures(), 0);
    EXPECT_LE(backoff.next_delay(), Millis{1000});
}

// The push body is gzipped by the worker (make_request_body) with zlib streams each thread
// keeps and resets between uses (gzip.cpp): a body must come out the same every time, whatever
// was compressed before it on the thread.
TEST(RequestBody, SmallBodiesGoAsTheyAreLargeOnesGzipTheSameEveryTime) {
    TransportConfig config;
    config.gzip_request_over = 64;
    const RequestBody small = make_request_body(R"({"v":1})", config);
    EXPECT_FALSE(small.gzip);
    EXPECT_EQ(small.bytes, R"({"v":1})");

    std::string json = R"({"records":[)";
    for (int i = 0; i < 200; ++i) {
        json += R"({"record_id":")" + random_id() + R"("},)";
    }
    json.back() = ']';
    json += R"(,"v":1})";
    const RequestBody first = make_request_body(json, config);
    ASSERT_TRUE(first.gzip);
    EXPECT_LT(first.bytes.size(), json.size());
    EXPECT_EQ(gzip_decompress(first.bytes, json.size()).value(), json);
    // Other work on the same thread in between: another level, a raw stream with a dictionary.
    (void)gzip_compress(std::string(5000, 'x'), 9);
    const std::string dictionary = json.substr(0, 2000);
    const std::string raw = deflate_raw(json.substr(100, 3000), dictionary);
    EXPECT_EQ(inflate_raw(raw, dictionary, 3000).value(), json.substr(100, 3000));
    EXPECT_EQ(make_request_body(json, config).bytes, first.bytes);
    // A stream used with a dictionary keeps nothing of it for the next use without one.
    const std::string plain = deflate_raw(json.substr(100, 3000), "");
    EXPECT_EQ(inflate_raw(plain, "", 3000).value(), json.substr(100, 3000));
}

TEST(Verdicts, StatusesMapToWhatTheWorkerMustDo) {
    EXPECT_EQ(classify_status(200), Verdict::ok);
    EXPECT_EQ(classify_status(204), Verdict::ok);
    EXPECT_EQ(classify_status(401), Verdict::enrolment_needed);
    EXPECT_EQ(classify_status(403), Verdict::enrolment_needed);
    EXPECT_EQ(classify_status(410), Verdict::reset);
    EXPECT_EQ(classify_status(413), Verdict::too_large);
    EXPECT_EQ(classify_status(429), Verdict::transient);
    EXPECT_EQ(classify_status(408), Verdict::transient);
    EXPECT_EQ(classify_status(500), Verdict::transient);
    EXPECT_EQ(classify_status(503), Verdict::transient);
    EXPECT_EQ(classify_status(400), Verdict::permanent);
    EXPECT_EQ(classify_status(404), Verdict::permanent);
    EXPECT_EQ(classify_status(409), Verdict::permanent);
    // A redirect is what a captive portal sends: not followed, retried later.
    EXPECT_EQ(classify_status(302), Verdict::transient);
}

TEST(RetryAfter, DeltaSecondsOnlyCappedAtAnHour) {
    EXPECT_EQ(parse_retry_after(" 7\r\n"), Millis{7000});
    EXPECT_EQ(parse_retry_after("0"), Millis{0});
    EXPECT_EQ(parse_retry_after("999999"), Millis{3'600'000});
    EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2026 07:28:00 GMT"), std::nullopt);
    EXPECT_EQ(parse_retry_after("-5"), std::nullopt);
    EXPECT_EQ(parse_retry_after("5s"), std::nullopt);
    EXPECT_EQ(parse_retry_after(""), std::nullopt);
}

class IdentityTest : public ::testing::Test {
  protected:
    void TearDown() override { std::filesystem::remove_all(dir_); }
    store::Database open() { return std::move(store::Database::open(dir_ / "kiosk.db").value()); }

    std::filesystem::path dir_ =
        std::filesystem::temp_directory_path() / ("kiosk-identity-" + random_id());
};

TEST_F(IdentityTest, MadeOnceKeptAfterwardsWithAPrivateKeyFile) {
    Identity first;
    {
        auto db = open();
        auto id = ensure_identity(db);
        ASSERT_TRUE(id.ok()) << id.error().message;
        first = *id;
    }
    EXPECT_TRUE(is_id(first.device_id));
    struct stat st {};
    ASSERT_EQ(::stat((dir_ / "device.key").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600U);

    auto db = open();
    auto again = ensure_identity(db);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->device_id, first.device_id);
    EXPECT_EQ(again->key.public_key, first.key.public_key);
    EXPECT_EQ(again->key.secret_key, first.key.secret_key);
    // The pair still signs and verifies: the public half is the one the server will hold.
    auto sig = sign_record(random_id(), 1, "registration", 1, "sealed", again->key);
    ASSERT_TRUE(sig.ok());
    EXPECT_EQ(sig->size(), 64U);
}

TEST_F(IdentityTest, ALostKeyIsReportedNotSilentlyReplaced) {
    auto db = open();
    const auto first = ensure_identity(db);
    ASSERT_TRUE(first.ok());
    std::filesystem::remove(dir_ / "device.key");
    auto lost = ensure_identity(db);
    ASSERT_FALSE(lost.ok());
    EXPECT_EQ(lost.error().code, "sync.identity_lost");
    EXPECT_FALSE(std::filesystem::exists(dir_ / "device.key"));
    EXPECT_EQ(**store::get_setting(db, keys::kDeviceId), first->device_id);
}

TEST_F(IdentityTest, AKeyFileWithoutAnIdIsReusedAfterACrash) {
    const SignKeyPair orphan = SignKeyPair::generate();
    std::filesystem::create_directories(dir_);
    ASSERT_TRUE(write_key_file((dir_ / "device.key").string(), orphan.secret_key, true).ok());
    auto db = open();
    auto id = ensure_identity(db);
    ASSERT_TRUE(id.ok()) << id.error().message;
    EXPECT_EQ(id->key.public_key, orphan.public_key);
}

}  // namespace
}  // namespace kiosk::sync::client

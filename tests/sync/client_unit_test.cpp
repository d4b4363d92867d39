// sync_client unit tests: backoff delays with seeded randomness, the HTTP status verdicts and
// Retry-After parsing. No network.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "kiosk/core/random.hpp"
#include "sync/client/backoff.hpp"
#include "sync/client/transport.hpp"

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

}  // namespace
}  // namespace kiosk::sync::client

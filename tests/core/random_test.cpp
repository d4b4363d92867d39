// Tests for kiosk/core/random.hpp: the seeded generator is repeatable and matches splitmix64's
// published outputs, the system one fills whole buffers, record ids print and parse.
#include "kiosk/core/random.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <set>
#include <vector>

namespace kiosk::core {
namespace {

TEST(SeededRandom, MatchesTheReferenceSplitmix64Stream) {
    // splitmix64 seeded with 0 yields 0xE220A8397B1DCDAF then 0x6E789E6AA1B965F4 (the
    // reference outputs of Vigna's splitmix64.c); bytes come out little-endian.
    SeededRandom random(0);
    std::array<std::uint8_t, 16> bytes{};
    random.fill(bytes);
    const std::array<std::uint8_t, 16> expected = {0xAF, 0xCD, 0x1D, 0x7B, 0x39, 0xA8, 0x20, 0xE2,
                                                   0xF4, 0x65, 0xB9, 0xA1, 0x6A, 0x9E, 0x78, 0x6E};
    EXPECT_EQ(bytes, expected);
}

TEST(SeededRandom, SameSeedSameBytesOtherSeedOtherBytes) {
    SeededRandom a(42);
    SeededRandom b(42);
    SeededRandom c(43);
    std::vector<std::uint8_t> x(37);
    std::vector<std::uint8_t> y(37);
    std::vector<std::uint8_t> z(37);
    a.fill(x);
    b.fill(y);
    c.fill(z);
    EXPECT_EQ(x, y);
    EXPECT_NE(x, z);
}

TEST(SystemRandom, FillsEveryByteOfALargeBuffer) {
    SystemRandom random;
    std::vector<std::uint8_t> buffer(65536, 0);
    random.fill(buffer);
    // Every byte value shows up in 64 KiB of uniform bytes (missing one: p < 1e-100).
    std::set<std::uint8_t> seen(buffer.begin(), buffer.end());
    EXPECT_EQ(seen.size(), 256U);
    // The tail was written too, not only the first chunk.
    EXPECT_TRUE(std::any_of(buffer.end() - 64, buffer.end(), [](std::uint8_t b) { return b; }));
}

TEST(SystemRandom, TwoFillsDifferAndAnEmptySpanIsFine) {
    SystemRandom random;
    std::array<std::uint8_t, 32> a{};
    std::array<std::uint8_t, 32> b{};
    random.fill(a);
    random.fill(b);
    EXPECT_NE(a, b);
    random.fill(std::span<std::uint8_t>{});
}

TEST(RecordId, PrintsAs32LowercaseHexDigitsInByteOrder) {
    std::array<std::uint8_t, 16> bytes{};
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        bytes[i] = static_cast<std::uint8_t>(i * 17);  // 00 11 22 ... ff
    }
    EXPECT_EQ(RecordId(bytes).to_hex(), "00112233445566778899aabbccddeeff");
}

TEST(RecordId, ParsesWhatItPrintsAndAcceptsUpperCase) {
    SeededRandom random(7);
    for (int i = 0; i < 100; ++i) {
        const RecordId id = RecordId::generate(random);
        const auto back = RecordId::parse(id.to_hex());
        ASSERT_TRUE(back.ok());
        EXPECT_EQ(*back, id);
    }
    const auto upper = RecordId::parse("00112233445566778899AABBCCDDEEFF");
    ASSERT_TRUE(upper.ok());
    EXPECT_EQ(upper->to_hex(), "00112233445566778899aabbccddeeff");
}

TEST(RecordId, RejectsWrongLengthAndNonHex) {
    for (const char* bad :
         {"", "0011223344556677889aabbccddeeff", "00112233445566778899aabbccddeeff0",
          "00112233445566778899aabbccddeefg", "00112233-4455-6677-8899-aabbccdd",
          " 0112233445566778899aabbccddeeff"}) {
        const auto parsed = RecordId::parse(bad);
        ASSERT_FALSE(parsed.ok()) << bad;
        EXPECT_EQ(parsed.error().code, "record_id.invalid");
    }
}

TEST(RecordId, GeneratedIdsAreDistinctAndNeverNil) {
    SystemRandom random;
    std::set<RecordId> ids;
    for (int i = 0; i < 10000; ++i) {
        const RecordId id = RecordId::generate(random);
        EXPECT_FALSE(id.is_nil());
        ids.insert(id);
    }
    EXPECT_EQ(ids.size(), 10000U);
    EXPECT_TRUE(RecordId().is_nil());
}

// A broken source that gives zeroes first: generate() must not hand out the "no id" value.
class ZeroesFirst final : public Random {
  public:
    void fill(std::span<std::uint8_t> out) override {
        std::fill(out.begin(), out.end(), calls_++ == 0 ? 0 : 0x5A);
    }

  private:
    int calls_ = 0;
};

TEST(RecordId, GenerateDrawsAgainInsteadOfReturningTheNilId) {
    ZeroesFirst random;
    EXPECT_EQ(RecordId::generate(random).to_hex(), "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a");
}

}  // namespace
}  // namespace kiosk::core

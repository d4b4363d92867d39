// Tests for kiosk/core/reference_code.hpp: Crockford check symbols, round trips, detection of
// every single-symbol substitution and adjacent swap, and forgiving input.
#include "kiosk/core/reference_code.hpp"

#include <gtest/gtest.h>

#include <array>
#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::core {
namespace {

const std::string kBase32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

std::vector<ReferenceCode> sample_codes(std::size_t n) {
    SeededRandom random(2026);
    std::vector<ReferenceCode> codes;
    for (std::size_t i = 0; i < n; ++i) {
        codes.push_back(ReferenceCode::generate(random));
    }
    return codes;
}

TEST(CrockfordCheck, IsTheValueModulo37InCrockfordsTable) {
    EXPECT_EQ(crockford_check_symbol(0), '0');
    EXPECT_EQ(crockford_check_symbol(10), 'A');
    EXPECT_EQ(crockford_check_symbol(18), 'J');  // I is skipped
    EXPECT_EQ(crockford_check_symbol(31), 'Z');
    EXPECT_EQ(crockford_check_symbol(32), '*');
    EXPECT_EQ(crockford_check_symbol(33), '~');
    EXPECT_EQ(crockford_check_symbol(34), '$');
    EXPECT_EQ(crockford_check_symbol(35), '=');
    EXPECT_EQ(crockford_check_symbol(36), 'U');
    EXPECT_EQ(crockford_check_symbol(37), '0');
    // 32^7 = 34359738368 = 37 * 928641577 + 19, and 19 is 'K'.
    EXPECT_EQ(crockford_check_symbol(34359738368ULL), 'K');
}

TEST(ReferenceCode, AHandWorkedCodeParsesAndDisplaysInGroupsOfThree) {
    // "10000000" is 32^7; its check symbol is 'K' (above), and its first seven symbols are
    // worth 32^6 = 1073741824, which is 11 mod 37: an issuable code.
    const auto code = ReferenceCode::parse("10000000K");
    ASSERT_TRUE(code.ok()) << code.error().message;
    EXPECT_EQ(code->canonical(), "10000000K");
    EXPECT_EQ(code->display(), "100-000-00K");
}

TEST(ReferenceCode, GeneratedCodesRoundTripThroughTheirDisplayForm) {
    const std::regex shape("^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}$");
    std::set<std::string> distinct;
    for (const ReferenceCode& code : sample_codes(2000)) {
        EXPECT_TRUE(std::regex_match(code.display(), shape)) << code.display();
        const auto back = ReferenceCode::parse(code.display());
        ASSERT_TRUE(back.ok()) << code.display() << ": " << back.error().message;
        EXPECT_EQ(*back, code);
        distinct.insert(code.canonical());
    }
    EXPECT_EQ(distinct.size(), 2000U);
}

TEST(ReferenceCode, TheSameSeedGivesTheSameCodes) {
    SeededRandom a(5);
    SeededRandom b(5);
    EXPECT_EQ(ReferenceCode::generate(a), ReferenceCode::generate(b));
}

TEST(ReferenceCode, EverySingleSymbolSubstitutionIsDetected) {
    for (const ReferenceCode& code : sample_codes(200)) {
        const std::string good = code.canonical();
        for (std::size_t pos = 0; pos < good.size(); ++pos) {
            for (const char replacement : kBase32) {
                if (replacement == good[pos]) {
                    continue;
                }
                std::string typo = good;
                typo[pos] = replacement;
                const auto parsed = ReferenceCode::parse(typo);
                ASSERT_FALSE(parsed.ok()) << good << " -> " << typo;
                EXPECT_EQ(parsed.error().code, "reference_code.bad_check");
            }
        }
    }
}

TEST(ReferenceCode, EveryAdjacentTranspositionIsDetectedIncludingTheCheckSymbol) {
    for (const ReferenceCode& code : sample_codes(2000)) {
        const std::string good = code.canonical();
        for (std::size_t pos = 0; pos + 1 < good.size(); ++pos) {
            if (good[pos] == good[pos + 1]) {
                continue;  // swapping equal symbols changes nothing
            }
            std::string swapped = good;
            std::swap(swapped[pos], swapped[pos + 1]);
            EXPECT_FALSE(ReferenceCode::parse(swapped).ok()) << good << " -> " << swapped;
        }
    }
}

TEST(ReferenceCode, AcceptsLowercaseSpacesHyphensAndCrockfordLookAlikes) {
    const auto expected = ReferenceCode::parse("10000000K");
    ASSERT_TRUE(expected.ok());
    for (const char* typed : {"100-000-00K", "100 000 00k", "1000-0000-K", " 10000000k ",
                              "l00-000-00k", "I00-ooo-OOK", "i-o-o-o-o-o-o-o-k", "100--000  00K"}) {
        const auto parsed = ReferenceCode::parse(typed);
        ASSERT_TRUE(parsed.ok()) << typed << ": " << parsed.error().message;
        EXPECT_EQ(*parsed, *expected) << typed;
    }
}

TEST(ReferenceCode, RejectsWrongLengthsAndForeignSymbols) {
    for (const char* typed : {"", "100-000-00", "100-000-00K0", "---"}) {
        const auto parsed = ReferenceCode::parse(typed);
        ASSERT_FALSE(parsed.ok()) << typed;
        EXPECT_EQ(parsed.error().code, "reference_code.wrong_length") << typed;
    }
    // U and * are Crockford check symbols but never issued; К is a Cyrillic look-alike of K.
    for (const char* typed : {"100-000-00U", "100-000-00*", "100-000-00#", "100-000-00\xD0\x9A",
                              "100_000_00K", "100.000.00K"}) {
        const auto parsed = ReferenceCode::parse(typed);
        ASSERT_FALSE(parsed.ok()) << typed;
        EXPECT_EQ(parsed.error().code, "reference_code.invalid_symbol") << typed;
    }
}

TEST(ReferenceCode, RejectsCodesThatAreNeverIssued) {
    // "00000001" has a matching Crockford check ('1') but its first seven symbols are worth 0,
    // a multiple of 37: swapping its last two symbols would also pass, so such codes are not
    // issued and not accepted.
    const auto parsed = ReferenceCode::parse("000-000-011");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().code, "reference_code.bad_check");
}

TEST(ReferenceCode, IssuedCheckSymbolsAreAlwaysOrdinarySymbols) {
    std::set<char> checks;
    for (const ReferenceCode& code : sample_codes(2000)) {
        checks.insert(code.canonical().back());
    }
    for (const char c : checks) {
        EXPECT_NE(kBase32.find(c), std::string::npos) << c;
    }
    EXPECT_EQ(checks.size(), 32U);  // and all 32 of them occur
}

TEST(ReferenceCode, RandomTypingIsEitherRejectedOrACanonicalCode) {
    SeededRandom random(11);
    const std::string keys = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz -*#";
    int accepted = 0;
    for (int round = 0; round < 20000; ++round) {
        std::array<std::uint8_t, 11> picks{};
        random.fill(picks);
        std::string typed;
        for (std::size_t i = 0; i < static_cast<std::size_t>(9 + round % 3); ++i) {
            typed.push_back(keys[picks[i] % keys.size()]);
        }
        const auto parsed = ReferenceCode::parse(typed);
        if (parsed.ok()) {
            ++accepted;
            EXPECT_EQ(parsed->canonical().size(), ReferenceCode::kSymbols);
            EXPECT_EQ(ReferenceCode::parse(parsed->display()).value(), *parsed);
        }
    }
    // About 1 in 37 well-formed strings passes the check: the accepted branch did run.
    EXPECT_GT(accepted, 0);
}

}  // namespace
}  // namespace kiosk::core

// Tests for kiosk/core/text.hpp: UTF-8 well-formedness, code-point counts in several scripts,
// forbidden characters and trimming.
#include "kiosk/core/text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kiosk/core/random.hpp"

namespace kiosk::core {
namespace {

TEST(NextCodePoint, StepsThroughOneToFourByteSequences) {
    const std::string text = "a\xC3\xA7\xE2\x82\xAC\xF0\x90\x93\x8F";  // a ç € 𐓏
    std::size_t pos = 0;
    EXPECT_EQ(next_code_point(text, pos), U'a');
    EXPECT_EQ(pos, 1U);
    EXPECT_EQ(next_code_point(text, pos), U'\u00E7');
    EXPECT_EQ(pos, 3U);
    EXPECT_EQ(next_code_point(text, pos), U'\u20AC');
    EXPECT_EQ(pos, 6U);
    EXPECT_EQ(next_code_point(text, pos), U'\U000104CF');
    EXPECT_EQ(pos, 10U);
}

TEST(NextCodePoint, LeavesThePositionAloneOnMalformedInput) {
    const std::string text = "ab\xE2\x82";  // a truncated euro sign
    std::size_t pos = 2;
    EXPECT_EQ(next_code_point(text, pos), std::nullopt);
    EXPECT_EQ(pos, 2U);
}

TEST(InspectText, CountsCodePointsNotBytes) {
    struct Case {
        const char* text;
        std::size_t bytes;
        std::size_t code_points;
    };
    for (const Case& c : {
             Case{"Anna", 4, 4}, Case{"محمد", 8, 4},  // Arabic: 2 bytes each
             Case{"Çağrı Şükrü", 17, 11},             // Turkish: ç ğ ı ş ü ü are 2 bytes
             Case{"Олександра", 20, 10},              // Ukrainian Cyrillic
             Case{"ئاسۆ", 8, 4},                      // Sorani
             Case{"𐓏", 4, 1},  // outside the BMP (Osage): 4 bytes, 1 code point
         }) {
        const TextFacts facts = inspect_text(c.text);
        EXPECT_EQ(std::string(c.text).size(), c.bytes) << c.text;
        EXPECT_TRUE(facts.valid_utf8) << c.text;
        EXPECT_EQ(facts.code_points, c.code_points) << c.text;
        EXPECT_FALSE(facts.forbidden) << c.text;
        EXPECT_FALSE(facts.blank) << c.text;
    }
}

TEST(InspectText, RejectsMalformedUtf8) {
    for (const std::string& bad : {
             std::string("\xC3"),              // truncated 2-byte sequence
             std::string("Ana\xE2\x82"),       // truncated 3-byte sequence at the end
             std::string("\x80"),              // stray continuation byte
             std::string("\xC0\xAF"),          // overlong '/'
             std::string("\xE0\x80\xAF"),      // overlong, 3 bytes
             std::string("\xED\xA0\x80"),      // UTF-16 surrogate D800
             std::string("\xF4\x90\x80\x80"),  // above U+10FFFF
             std::string("\xFF"),              // never valid
             std::string("\xC3(")              // lead byte followed by ASCII
         }) {
        EXPECT_FALSE(inspect_text(bad).valid_utf8) << testing::PrintToString(bad);
    }
}

TEST(InspectText, FlagsControlAndInvisibleFormattingCharacters) {
    for (const std::string& bad : {
             std::string("A\tB"),
             std::string("A\x7F"),
             std::string("A\xC2\x85"),  // NEL (C1)
             std::string("A\xE2\x80\xAE"
                         "B"),  // U+202E right-to-left override
             std::string("A\xE2\x81\xA6"
                         "B"),  // U+2066 left-to-right isolate
             std::string("\xEF\xBB\xBF"
                         "A"),              // U+FEFF
             std::string("A\xE2\x80\xA8"),  // U+2028 line separator
             std::string("A\xEF\xBF\xBD"),  // U+FFFD
             std::string("A\xEE\x80\x80"),  // U+E000 private use
             std::string("A\xEF\xB7\x90"),  // U+FDD0 noncharacter
             std::string("A\nB"),           // a line feed in a single-line field
             std::string(1, '\0'),
         }) {
        const TextFacts facts = inspect_text(bad);
        EXPECT_TRUE(facts.valid_utf8) << testing::PrintToString(bad);
        EXPECT_TRUE(facts.forbidden) << testing::PrintToString(bad);
    }
}

TEST(InspectText, AllowsJoinersMarksAndLineFeedsWhereTheyBelong) {
    // Persian needs ZWNJ (U+200C) inside words: "می‌خواهم".
    EXPECT_FALSE(
        inspect_text("\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD9\x85")
            .forbidden);
    EXPECT_FALSE(inspect_text("A\xE2\x80\x8F").forbidden);  // RLM
    EXPECT_FALSE(inspect_text("line one\nline two", Lines::Multi).forbidden);
    EXPECT_TRUE(inspect_text("line one\r\nline two", Lines::Multi).forbidden);  // CR stays out
}

TEST(InspectText, BlankMeansOnlyWhiteSpace) {
    EXPECT_TRUE(inspect_text("").blank);
    EXPECT_TRUE(inspect_text("   ").blank);
    EXPECT_TRUE(inspect_text("\xC2\xA0\xE3\x80\x80").blank);  // NBSP, ideographic space
    EXPECT_FALSE(inspect_text(" a ").blank);
}

TEST(TrimText, RemovesAsciiAndUnicodeSpacesAtBothEndsOnly) {
    EXPECT_EQ(trim_text("  Anna  "), "Anna");
    EXPECT_EQ(trim_text("\xC2\xA0محمد\xE3\x80\x80"), "محمد");
    EXPECT_EQ(trim_text("Ayşe Nur"), "Ayşe Nur");
    EXPECT_EQ(trim_text("   "), "");
    EXPECT_EQ(trim_text(""), "");
    // A multi-byte letter at the end is not mistaken for a space.
    EXPECT_EQ(trim_text(" Öz\xC4\x9F "), "Öz\xC4\x9F");
}

TEST(InspectText, RandomBytesNeverCrashAndDecodingAgreesWithTheCount) {
    // Byte soup biased towards UTF-8 lead and continuation bytes, so that many strings are
    // valid and many are broken in every way; run under ASan/UBSan in the asan preset.
    SeededRandom random(99);
    std::size_t valid = 0;
    for (int round = 0; round < 20000; ++round) {
        std::vector<std::uint8_t> bytes(1 + round % 12);
        random.fill(bytes);
        std::string text;
        for (const std::uint8_t b : bytes) {
            text.push_back(static_cast<char>(b % 3 == 0 ? (b | 0x80U) & 0xBFU : b));
        }
        const TextFacts facts = inspect_text(text);
        std::size_t pos = 0;
        std::size_t decoded = 0;
        bool ok = true;
        while (pos < text.size() && ok) {
            ok = next_code_point(text, pos).has_value();
            decoded += ok ? 1 : 0;
        }
        EXPECT_EQ(facts.valid_utf8, ok);
        if (ok) {
            ++valid;
            EXPECT_EQ(facts.code_points, decoded);
        }
        const std::string_view trimmed = trim_text(text);
        EXPECT_NE(text.find(trimmed), std::string::npos);
    }
    EXPECT_GT(valid, 1000U);  // the soup did exercise the valid path
}

}  // namespace
}  // namespace kiosk::core

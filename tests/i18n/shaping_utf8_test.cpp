// UTF-8 decoding and stepping: malformed bytes never crash, never loop, and show as U+FFFD.
#include <gtest/gtest.h>

#include <string>

#include "kiosk/i18n/font_set.hpp"
#include "kiosk/i18n/shaper.hpp"
#include "kiosk/i18n/text_utf8.hpp"

namespace kiosk::i18n {
namespace {

TEST(Utf8, DecodesEveryLengthWithItsOffset) {
    const std::string text = "aé\u0645\u200c😀";  // 1, 2, 2, 3 and 4 bytes
    const std::vector<CodePoint> cps = decode_utf8(text);
    ASSERT_EQ(cps.size(), 5U);
    EXPECT_EQ(cps[1].value, U'é');
    EXPECT_EQ(cps[2].value, U'\u0645');
    EXPECT_EQ(cps[3].value, U'\u200c');
    EXPECT_EQ(cps[4].value, U'😀');
    EXPECT_EQ(cps[4].offset, 8U);
    std::string again;
    for (const CodePoint& cp : cps) {
        append_utf8(again, cp.value);
    }
    EXPECT_EQ(again, text);
}

TEST(Utf8, MalformedSequencesAreRejectedOrReplaced) {
    for (const std::string& bad :
         {std::string("\xD9"), std::string("\xC0\xAF"), std::string("\xED\xA0\x80"),
          std::string("\xF4\x90\x80\x80"), std::string("\x80"), std::string("\xE2\x82")}) {
        EXPECT_FALSE(is_valid_utf8(bad)) << testing::PrintToString(bad);
        const std::vector<CodePoint> cps = decode_utf8(bad);
        ASSERT_FALSE(cps.empty());
        EXPECT_EQ(cps[0].value, kReplacementChar);
    }
    EXPECT_TRUE(is_valid_utf8("\uFFFD ok"));
    EXPECT_TRUE(is_valid_utf8(""));
}

TEST(Utf8, StepsByCodePoint) {
    const std::string text = "پښ";  // two 2-byte letters
    EXPECT_EQ(next_code_point(text, 0), 2U);
    EXPECT_EQ(next_code_point(text, 2), 4U);
    EXPECT_EQ(next_code_point(text, 4), 4U);
    EXPECT_EQ(previous_code_point(text, 4), 2U);
    EXPECT_EQ(previous_code_point(text, 2), 0U);
    EXPECT_EQ(previous_code_point(text, 0), 0U);
    EXPECT_TRUE(is_code_point_boundary(text, 2));
    EXPECT_FALSE(is_code_point_boundary(text, 1));
    EXPECT_FALSE(is_code_point_boundary(text, 5));
    // In malformed text a stray continuation byte is a code point of its own.
    const std::string odd = std::string("a\x80") + "b";
    EXPECT_EQ(previous_code_point(odd, 2), 1U);
}

TEST(Utf8, TheShaperDrawsInvalidBytesAsReplacementCharacters) {
    Result<FontSet> fonts = FontSet::load(FontSearch{});
    ASSERT_TRUE(fonts.ok());
    Shaper shaper(*fonts);
    const auto bad = shaper.shape_line(std::string("کار\xD9"), "fa", 16);
    const auto replaced = shaper.shape_line("کار\uFFFD", "fa", 16);
    ASSERT_EQ(bad->glyphs.size(), replaced->glyphs.size());
    for (std::size_t i = 0; i < bad->glyphs.size(); ++i) {
        EXPECT_EQ(bad->glyphs[i].glyph_id, replaced->glyphs[i].glyph_id);
    }
    EXPECT_EQ(bad->carets.back().offset, 7U);
}

}  // namespace
}  // namespace kiosk::i18n

// Direction and visual order. Directions are derived from the script (script.hpp); the visual
// order of mixed right-to-left / left-to-right lines is compared with GNU FriBidi's own command
// line tool (libfribidi-bin), run as a real process on the same text.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "kiosk/i18n/bidi.hpp"
#include "kiosk/i18n/font_set.hpp"
#include "kiosk/i18n/languages.hpp"
#include "kiosk/i18n/script.hpp"
#include "kiosk/i18n/shaper.hpp"
#include "tests/i18n/shaping_process.hpp"

namespace kiosk::i18n {
namespace {

// [SECTION] Direction from the script ----------------------------------------------------------

TEST(Direction, ArabicPersianPashtoAreRightToLeftAndTheOthersLeftToRight) {
    for (const UiLanguage& lang : shipped_languages()) {
        const Result<TextDirection> dir = language_direction(lang.code);
        ASSERT_TRUE(dir.ok()) << lang.code;
        const bool rtl_expected = lang.code == "ar" || lang.code == "fa" || lang.code == "ps";
        EXPECT_EQ(*dir, rtl_expected ? TextDirection::rtl : TextDirection::ltr) << lang.code;
    }
}

TEST(Direction, AgreesWithHarfBuzzForTheLanguagesScript) {
    for (const UiLanguage& lang : shipped_languages()) {
        const Result<hb_script_t> script = language_script(lang.code);
        ASSERT_TRUE(script.ok()) << lang.code;
        const hb_direction_t hb_dir = hb_script_get_horizontal_direction(*script);
        EXPECT_EQ(*language_direction(lang.code),
                  hb_dir == HB_DIRECTION_RTL ? TextDirection::rtl : TextDirection::ltr)
            << lang.code << " " << script_tag(*script);
    }
    EXPECT_EQ(script_tag(*language_script("fa")), "Arab");
    EXPECT_EQ(script_tag(*language_script("uk")), "Cyrl");
    EXPECT_EQ(script_tag(*language_script("kmr")), "Latn");
}

TEST(Direction, UnknownLanguageIsAnError) {
    const Result<TextDirection> dir = language_direction("xx");
    ASSERT_FALSE(dir.ok());
    EXPECT_EQ(dir.error().code, "i18n.unknown_language");
    EXPECT_FALSE(language_script("").ok());
}

TEST(Direction, ParagraphDirectionComesFromTheFirstStrongCharacter) {
    EXPECT_EQ(paragraph_direction("سلام Ali"), TextDirection::rtl);
    EXPECT_EQ(paragraph_direction("Ali سلام"), TextDirection::ltr);
    EXPECT_EQ(paragraph_direction("123 - سلام"), TextDirection::rtl);  // digits are weak
    EXPECT_EQ(paragraph_direction("«پښتو»"), TextDirection::rtl);
    EXPECT_EQ(paragraph_direction("Русский"), TextDirection::ltr);
    EXPECT_EQ(paragraph_direction("+90 532"), std::nullopt);
    EXPECT_EQ(paragraph_direction(""), std::nullopt);
}

// [SECTION] Visual order against the fribidi tool ----------------------------------------------

// The code point index of every byte offset that starts a code point.
std::vector<int> code_point_index(std::string_view text) {
    std::vector<int> index(text.size() + 1, -1);
    int cp = 0;
    for (std::size_t i = 0; i < text.size(); i = next_code_point(text, i)) {
        index[i] = cp++;
    }
    index[text.size()] = cp;
    return index;
}

// Our visual order as a visual-to-logical map of code points: the runs left to right, each
// run's characters reversed when it is right to left.
std::vector<int> kiosk_visual_to_logical(const ShapedLine& line, std::string_view text) {
    const std::vector<int> index = code_point_index(text);
    std::vector<int> v2l;
    for (const ShapedRun& run : line.runs) {
        const int first = index[run.text_begin];
        const int last = index[run.text_end];
        for (int k = 0; k < last - first; ++k) {
            v2l.push_back(run.rtl() ? last - 1 - k : first + k);
        }
    }
    return v2l;
}

std::vector<int> fribidi_visual_to_logical(const std::string& text, TextDirection base) {
    const test::ProcessResult r =
        test::run_process({"fribidi", "--nopad", "--nobreak", "--novisual", "--vtol",
                           base == TextDirection::rtl ? "--rtl" : "--ltr"},
                          text + "\n");
    EXPECT_TRUE(r.started) << "fribidi is required (Debian package libfribidi-bin): " << r.error;
    std::istringstream in(r.out);
    std::vector<int> v2l;
    int i = 0;
    while (in >> i) {
        v2l.push_back(i);
    }
    return v2l;
}

struct MixedLine {
    const char* name;
    std::string text;
    const char* language;
    TextDirection base;
};

std::vector<MixedLine> mixed_lines() {
    return {
        {"ArabicWithNumbers", "لدي 3 أطفال وأبحث عن عمل منذ 2019.", "ar", TextDirection::rtl},
        {"ArabicWithPhoneNumber", "اتصل بي على +90 532 123 45 67 بعد الظهر", "ar",
         TextDirection::rtl},
        {"ArabicWithIsolatedPhoneNumber",
         "اتصل بي على " + isolate("+90 532 123 45 67", TextDirection::ltr) + " بعد الظهر", "ar",
         TextDirection::rtl},
        {"ArabicWithEnglishWord", "أعمل في شركة Google منذ سنتين", "ar", TextDirection::rtl},
        {"PersianWithBrands", "من با WhatsApp و Telegram پیام می\u200cفرستم.", "fa",
         TextDirection::rtl},
        {"PersianWithTwoWordBrand", "در Microsoft Office کار کرده\u200cام", "fa",
         TextDirection::rtl},
        {"PersianDigitsAndBrackets", "سال ۱۴۰۲ (پارسال) به ترکیه آمدم", "fa", TextDirection::rtl},
        {"PashtoWithAge", "زه 25 کاله یم او په Istanbul کې اوسېږم", "ps", TextDirection::rtl},
        {"ArabicWithEmail", "بريدي هو ali.kaya@example.org شكرا", "ar", TextDirection::rtl},
        {"EnglishWithArabicName", "My name is محمد علي and I speak Arabic.", "en",
         TextDirection::ltr},
        {"TurkishWithPersian", "Adım Ali, فارسی ve Türkçe konuşuyorum.", "tr", TextDirection::ltr},
        {"EnglishWithArabicAndNumber", "Room 12: التسجيل 9-17", "en", TextDirection::ltr},
    };
}

class MixedLineTest : public ::testing::TestWithParam<MixedLine> {};

TEST_P(MixedLineTest, VisualOrderMatchesFribidi) {
    const MixedLine& m = GetParam();
    Result<FontSet> fonts = FontSet::load(FontSearch{});
    ASSERT_TRUE(fonts.ok()) << fonts.error().message;
    Shaper shaper(*fonts);
    const auto line = shaper.shape_line(m.text, m.language, 20.0F);
    EXPECT_EQ(line->base, m.base);
    const std::vector<int> ours = kiosk_visual_to_logical(*line, m.text);
    const std::vector<int> reference = fribidi_visual_to_logical(m.text, m.base);
    ASSERT_FALSE(reference.empty());
    EXPECT_EQ(ours, reference);
    EXPECT_GE(line->runs.size(), 2U) << "a mixed line has runs of both directions";
}

INSTANTIATE_TEST_SUITE_P(Lines, MixedLineTest, ::testing::ValuesIn(mixed_lines()),
                         [](const auto& p) { return std::string(p.param.name); });

// The characters of `part` (a substring of `text`) in the order they are drawn.
std::string drawn_order(const ShapedLine& line, const std::string& text, const std::string& part) {
    const std::size_t at = text.find(part);
    EXPECT_NE(at, std::string::npos);
    const std::vector<int> index = code_point_index(text);
    const int first = index[at];
    const int last = index[at + part.size()];
    const std::vector<CodePoint> cps = decode_utf8(text);
    std::string drawn;
    for (int i : kiosk_visual_to_logical(line, text)) {
        if (i >= first && i < last) {
            append_utf8(drawn, cps[static_cast<std::size_t>(i)].value);
        }
    }
    return drawn;
}

TEST(VisualOrder, NumbersAndLatinWordsKeepTheirOrderInsideRightToLeftText) {
    Result<FontSet> fonts = FontSet::load(FontSearch{});
    ASSERT_TRUE(fonts.ok());
    Shaper shaper(*fonts);
    const std::string year = "أبحث عن عمل منذ 2019 في إسطنبول";
    EXPECT_EQ(drawn_order(*shaper.shape_line(year, "ar", 20), year, "2019"), "2019");
    const std::string brand = "من با WhatsApp پیام می\u200cفرستم";
    EXPECT_EQ(drawn_order(*shaper.shape_line(brand, "fa", 20), brand, "WhatsApp"), "WhatsApp");
    const std::string two = "در Microsoft Office کار کرده\u200cام";
    EXPECT_EQ(drawn_order(*shaper.shape_line(two, "fa", 20), two, "Microsoft Office"),
              "Microsoft Office");
    const std::string digits = "سال ۱۴۰۲ بود";
    EXPECT_EQ(drawn_order(*shaper.shape_line(digits, "fa", 20), digits, "۱۴۰۲"), "۱۴۰۲");
}

TEST(VisualOrder, APhoneNumberNeedsAnIsolateToKeepItsOrder) {
    Result<FontSet> fonts = FontSet::load(FontSearch{});
    ASSERT_TRUE(fonts.ok());
    Shaper shaper(*fonts);
    const std::string phone = "+90 532 123 45 67";
    // Bare, UAX #9 puts the digit groups right to left (fribidi agrees, see above).
    const std::string bare = "اتصل بي على " + phone + " بعد الظهر";
    EXPECT_NE(drawn_order(*shaper.shape_line(bare, "ar", 20), bare, phone), phone);
    // Isolated, it is drawn exactly as written.
    const std::string wrapped = "اتصل بي على " + isolate(phone, TextDirection::ltr) + " بعد الظهر";
    EXPECT_EQ(drawn_order(*shaper.shape_line(wrapped, "ar", 20), wrapped, phone), phone);
}

// [SECTION] Rule L2 on its own ---------------------------------------------------------------

TEST(VisualOrder, ReordersRunsByLevelAsRuleL2Says) {
    // R L-number R in an RTL paragraph: levels 1 2 1 -> drawn 2, 1, 0.
    const std::vector<std::uint8_t> a = {1, 2, 1};
    EXPECT_EQ(visual_order(a), (std::vector<std::size_t>{2, 1, 0}));
    // LTR paragraph with an Arabic phrase holding a number: 0 1 2 1 0.
    const std::vector<std::uint8_t> b = {0, 1, 2, 1, 0};
    EXPECT_EQ(visual_order(b), (std::vector<std::size_t>{0, 3, 2, 1, 4}));
    // Two adjacent runs at the same odd level (split by font) swap as well.
    const std::vector<std::uint8_t> c = {1, 1};
    EXPECT_EQ(visual_order(c), (std::vector<std::size_t>{1, 0}));
    EXPECT_TRUE(visual_order({}).empty());
}

TEST(VisualOrder, TrailingWhitespaceTakesTheParagraphLevel) {
    // "سلام abc def" broken after "abc ": inside the paragraph that space sits between two Latin
    // words (level 2); ending the line, rule L1 gives it the paragraph level (1).
    const std::u32string text = U"سلام abc def";
    const BidiParagraph para = analyse_bidi(text, std::nullopt, TextDirection::ltr);
    EXPECT_EQ(para.base, TextDirection::rtl);
    EXPECT_EQ(para.levels[8], 2);
    const std::vector<std::uint8_t> line = line_levels(para, 0, 9);
    EXPECT_EQ(line[8], 1);
    EXPECT_EQ(line[5], 2);  // 'a' keeps its level
}

}  // namespace
}  // namespace kiosk::i18n

// Fonts, joining, fallback, line layout, caret geometry, paragraphs and the shaped-line cache.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "kiosk/i18n/font_set.hpp"
#include "kiosk/i18n/shaper.hpp"
#include "tests/i18n/shaping_fixture.hpp"

namespace kiosk::i18n {
namespace {

namespace fs = std::filesystem;

class ShaperTest : public test::ShapingFixture {
  protected:
    // Glyph names of `text` shaped as one line, in drawing order.
    std::vector<std::string> names(const std::string& text, const char* lang = "ps") {
        const auto line = shaper_->shape_line(text, lang, 20.0F);
        std::vector<std::string> out;
        for (const ShapedGlyph& g : line->glyphs) {
            out.push_back(fonts_->font(g.font).glyph_name(g.glyph_id));
        }
        return out;
    }

    std::size_t font_index(const std::string& file_name) const {
        for (std::size_t i = 0; i < fonts_->size(); ++i) {
            if (fonts_->font(i).path().filename() == file_name) {
                return i;
            }
        }
        ADD_FAILURE() << file_name << " not in the font set";
        return 0;
    }
};

// [SECTION] Joining of letters that have no presentation forms ---------------------------------

TEST_F(ShaperTest, PashtoAndSoraniLettersJoinContextually) {
    // Dual-joining letters without Unicode presentation forms: Pashto ښ ګ ټ ڼ ې, Sorani ڵ ێ.
    for (const std::string letter : {"ښ", "ګ", "ټ", "ڼ", "ې", "ڵ", "ێ"}) {
        const std::vector<std::string> isolated = names(letter);
        const std::vector<std::string> three = names(letter + letter + letter);
        ASSERT_EQ(isolated.size(), 1U) << letter;
        ASSERT_EQ(three.size(), 3U) << letter;
        // Right to left: the drawn order is final, medial, initial.
        const std::set<std::string> forms = {isolated[0], three[0], three[1], three[2]};
        EXPECT_EQ(forms.size(), 4U)
            << letter << ": isolated " << isolated[0] << ", final " << three[0] << ", medial "
            << three[1] << ", initial " << three[2];
    }
}

TEST_F(ShaperTest, RightJoiningLettersTakeTheirFinalForm) {
    // ړ ډ ۍ (Pashto) and ۆ ە (Sorani) join only to the letter before them.
    for (const std::string letter : {"ړ", "ډ", "ۍ", "ۆ", "ە"}) {
        const std::vector<std::string> isolated = names(letter);
        const std::vector<std::string> joined = names("ب" + letter);
        ASSERT_EQ(joined.size(), 2U) << letter;
        EXPECT_NE(joined[0], isolated[0]) << letter << " after beh should be a final form";
    }
}

TEST_F(ShaperTest, LamAlefBecomesOneGlyphWithOneCluster) {
    const auto line = shaper_->shape_line("لا", "ar", 20.0F);
    ASSERT_EQ(line->glyphs.size(), 1U);
    EXPECT_EQ(line->glyphs[0].cluster, 0U);
    // Both characters still get a caret stop, the second inside the ligature.
    EXPECT_EQ(line->carets.size(), 3U);
    EXPECT_GT(line->caret_x(0), line->caret_x(2));
    EXPECT_GT(line->caret_x(2), line->caret_x(4));
}

// [SECTION] Fonts and fallback ---------------------------------------------------------------

TEST_F(ShaperTest, EachScriptGetsItsFontAndMissingCharactersTheFallback) {
    const std::size_t arabic = font_index("NotoSansArabicUI-Regular.ttf");
    const std::size_t latin = font_index("NotoSans-Regular.ttf");
    const std::size_t dejavu = font_index("DejaVuSans.ttf");
    // ⌫ (U+232B) is only in DejaVu Sans.
    const auto line = shaper_->shape_line("أعمل في Google ⌫", "ar", 20.0F);
    std::set<std::size_t> used;
    for (const ShapedRun& run : line->runs) {
        used.insert(run.font);
    }
    EXPECT_EQ(used, (std::set<std::size_t>{arabic, latin, dejavu}));
    for (const ShapedGlyph& g : line->glyphs) {
        EXPECT_NE(g.glyph_id, 0U) << "no .notdef: every character has a font";
    }
    EXPECT_EQ(fonts_->primary_for_language("fa"), arabic);
    EXPECT_EQ(fonts_->primary_for_language("ru"), latin);
    EXPECT_EQ(fonts_->chain_for(HB_SCRIPT_ARABIC).fonts[1], dejavu);
}

TEST_F(ShaperTest, ZwnjStaysInTheRunOfItsWord) {
    // Noto Sans Arabic UI maps U+200C, but even so it must not start a new run: one run only.
    const auto line = shaper_->shape_line("می\u200cخواهم", "fa", 20.0F);
    EXPECT_EQ(line->runs.size(), 1U);
    // So does WORD JOINER (U+2060), which the Arabic font does not map.
    const auto iso = shaper_->shape_line("سلام\u2060دنیا", "fa", 20.0F);
    EXPECT_EQ(iso->runs.size(), 1U);
}

TEST_F(ShaperTest, ByteOrderMarkIsDropped) {
    const auto plain = shaper_->shape_line("لا سلام", "ar", 20.0F);
    const auto with_bom = shaper_->shape_line("\uFEFFلا\uFEFF سلام", "ar", 20.0F);
    ASSERT_EQ(plain->glyphs.size(), with_bom->glyphs.size());
    for (std::size_t i = 0; i < plain->glyphs.size(); ++i) {
        EXPECT_EQ(plain->glyphs[i].glyph_id, with_bom->glyphs[i].glyph_id);
    }
    EXPECT_FLOAT_EQ(plain->width, with_bom->width);
    // Clusters are offsets in the text as given (the first letter is after a 3-byte BOM).
    EXPECT_EQ(with_bom->glyphs.back().cluster, 3U);
}

TEST(FontSetTest, MissingFontsAreAnError) {
    const fs::path empty = fs::path(::testing::TempDir()) / "kiosk-no-fonts";
    fs::create_directories(empty);
    const Result<FontSet> set = FontSet::load(FontSearch{{empty}, false});
    ASSERT_FALSE(set.ok());
    EXPECT_EQ(set.error().code, "i18n.font_missing");
    EXPECT_NE(set.error().message.find("kiosk-no-fonts"), std::string::npos);
}

TEST(FontSetTest, TheOverrideDirectoryIsSearchedFirst) {
    const fs::path dir = fs::path(::testing::TempDir()) / "kiosk-own-fonts";
    fs::create_directories(dir);
    const fs::path own = dir / "NotoSansArabicUI-Regular.ttf";
    fs::copy_file("/usr/share/fonts/truetype/noto/NotoSansArabicUI-Regular.ttf", own,
                  fs::copy_options::overwrite_existing);
    const Result<FontSet> set = FontSet::load(FontSearch{{dir}, true});
    ASSERT_TRUE(set.ok()) << set.error().message;
    EXPECT_EQ(set->font(set->primary_for(HB_SCRIPT_ARABIC)).path(), own);
    EXPECT_EQ(set->font(set->primary_for(HB_SCRIPT_LATIN)).path().parent_path(),
              "/usr/share/fonts/truetype/noto");
}

TEST(FontSetTest, AFileThatIsNotAFontIsAnError) {
    const fs::path dir = fs::path(::testing::TempDir()) / "kiosk-bad-fonts";
    fs::create_directories(dir);
    std::ofstream(dir / "NotoSans-Regular.ttf") << "this is not a font";
    const Result<FontSet> set = FontSet::load(FontSearch{{dir}, true});
    ASSERT_FALSE(set.ok());
    EXPECT_EQ(set.error().code, "i18n.font_invalid");
}

// [SECTION] Geometry ----------------------------------------------------------------------------

TEST_F(ShaperTest, GlyphsAreLaidOutLeftToRightAtTheirAdvances) {
    for (const char* text : {"Kayıt formu", "فرم ثبت\u200cنام", "زه 25 کاله یم"}) {
        const auto line = shaper_->shape_line(text, "fa", 24.0F);
        float x = 0;
        for (const ShapedGlyph& g : line->glyphs) {
            EXPECT_FLOAT_EQ(g.pen_x, x) << text;
            x += g.x_advance;
        }
        EXPECT_FLOAT_EQ(line->width, x);
        EXPECT_GT(line->width, 0);
        EXPECT_GT(line->ascent, 0);
        EXPECT_GT(line->descent, 0);
        for (const ShapedRun& run : line->runs) {
            EXPECT_FLOAT_EQ(run.x, line->glyphs[run.glyph_begin].pen_x);
        }
    }
}

TEST_F(ShaperTest, SizeScalesTheLayout) {
    const auto small = shaper_->shape_line("سلام دنیا", "fa", 10.0F);
    const auto big = shaper_->shape_line("سلام دنیا", "fa", 30.0F);
    EXPECT_NEAR(big->width, 3 * small->width, 0.01);
    EXPECT_NEAR(big->ascent, 3 * small->ascent, 0.01);
}

TEST_F(ShaperTest, CaretMovesRightToLeftInRightToLeftText) {
    const std::string text = "کار";
    const auto line = shaper_->shape_line(text, "fa", 20.0F);
    // Logical order 0, 2, 4, 6 (end): the caret goes from the right edge to the left edge.
    EXPECT_NEAR(line->caret_x(0), line->width, 0.01);
    EXPECT_NEAR(line->caret_x(6), 0, 0.01);
    EXPECT_GT(line->caret_x(0), line->caret_x(2));
    EXPECT_GT(line->caret_x(2), line->caret_x(4));
    EXPECT_GT(line->caret_x(4), line->caret_x(6));
    EXPECT_EQ(line->offset_at_x(line->width + 5), 0U);
    EXPECT_EQ(line->offset_at_x(-5), 6U);
    EXPECT_EQ(line->offset_at_x(line->caret_x(4) + 0.1F), 4U);
}

TEST_F(ShaperTest, CaretInLatinInsideArabicFollowsTheLatinRun) {
    const std::string text = "اسم Ali";
    const auto line = shaper_->shape_line(text, "ar", 20.0F);
    const std::size_t a = text.find("Ali");
    // Inside the left-to-right word the caret moves right as the offset grows.
    EXPECT_LT(line->caret_x(a), line->caret_x(a + 1));
    EXPECT_LT(line->caret_x(a + 1), line->caret_x(a + 2));
    // The Arabic word is drawn to the right of "Ali".
    EXPECT_GT(line->caret_x(0), line->caret_x(a + 2));
}

// [SECTION] Paragraphs --------------------------------------------------------------------------

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        if (c == ' ' || c == '\n') {
            if (!word.empty()) {
                words.push_back(word);
            }
            word.clear();
        } else {
            word.push_back(c);
        }
    }
    if (!word.empty()) {
        words.push_back(word);
    }
    return words;
}

TEST_F(ShaperTest, ParagraphsBreakAtSpacesWithinTheWidth) {
    std::string text;
    for (int i = 0; i < 12; ++i) {
        text += "نبحث عن عمال للعمل في المستودع من الساعة الثامنة صباحا. ";
    }
    const float max_width = 300.0F;
    const auto para = shaper_->layout_paragraph(text, "ar", 18.0F, max_width);
    ASSERT_GT(para->lines.size(), 5U);
    std::vector<std::string> words;
    for (const ShapedLine& line : para->lines) {
        EXPECT_LE(line.width, max_width + 0.01F);
        EXPECT_EQ(line.base, TextDirection::rtl);
        const std::string_view part(text.data() + line.text_begin, line.text_end - line.text_begin);
        EXPECT_NE(part.front(), ' ');
        EXPECT_NE(part.back(), ' ');
        for (const std::string& w : words_of(part)) {
            words.push_back(w);
        }
    }
    EXPECT_EQ(words, words_of(text)) << "every word once, in order";
    // Lines are full: the next line's first word would not have fitted.
    for (std::size_t i = 0; i + 1 < para->lines.size(); ++i) {
        const ShapedLine& next = para->lines[i + 1];
        const std::string_view rest(text.data() + next.text_begin, next.text_end - next.text_begin);
        const std::string first_word = words_of(rest).front();
        const auto space = shaper_->shape_line(" ", "ar", 18.0F);
        const auto word = shaper_->shape_line(first_word, "ar", 18.0F);
        EXPECT_GT(para->lines[i].width + space->width + word->width, max_width - 0.5F);
    }
}

TEST_F(ShaperTest, NewlinesStartParagraphsWithTheirOwnDirection) {
    const std::string text = "Job: cook\nالعمل: طباخ\n\nTel. 0212";
    const auto para = shaper_->layout_paragraph(text, "ar", 18.0F, 1000.0F);
    ASSERT_EQ(para->lines.size(), 4U);
    EXPECT_EQ(para->lines[0].base, TextDirection::ltr);
    EXPECT_EQ(para->lines[1].base, TextDirection::rtl);
    EXPECT_TRUE(para->lines[2].glyphs.empty());
    EXPECT_GT(para->lines[2].height(), 0);
    EXPECT_EQ(para->lines[3].base, TextDirection::ltr);
    EXPECT_EQ(std::string_view(text).substr(para->lines[1].text_begin,
                                            para->lines[1].text_end - para->lines[1].text_begin),
              "العمل: طباخ");
}

TEST_F(ShaperTest, TextWithoutStrongCharactersTakesTheLanguagesDirection) {
    EXPECT_EQ(shaper_->shape_line("123 - 456", "fa", 18.0F)->base, TextDirection::rtl);
    EXPECT_EQ(shaper_->shape_line("123 - 456", "tr", 18.0F)->base, TextDirection::ltr);
}

// [SECTION] Cache -------------------------------------------------------------------------------

TEST_F(ShaperTest, RepeatedLinesComeFromTheCache) {
    const auto first = shaper_->shape_line("ثبت\u200cنام", "fa", 18.0F);
    const auto again = shaper_->shape_line("ثبت\u200cنام", "fa", 18.0F);
    EXPECT_EQ(first.get(), again.get());
    EXPECT_EQ(shaper_->stats().hits, 1U);
    EXPECT_EQ(shaper_->stats().misses, 1U);
    EXPECT_NE(shaper_->shape_line("ثبت\u200cنام", "fa", 19.0F).get(), first.get());
    EXPECT_NE(shaper_->shape_line("ثبت\u200cنام", "ps", 18.0F).get(), first.get());
    shaper_->clear_cache();
    EXPECT_EQ(shaper_->stats().entries, 0U);
    const auto after = shaper_->shape_line("ثبت\u200cنام", "fa", 18.0F);
    EXPECT_NE(after.get(), first.get());
    EXPECT_EQ(first->glyphs.size(), after->glyphs.size()) << "a held line outlives the cache";
}

TEST(ShaperCache, TheLeastRecentlyUsedLineIsEvicted) {
    Result<FontSet> fonts = FontSet::load(FontSearch{});
    ASSERT_TRUE(fonts.ok());
    Shaper shaper(*fonts, 2);
    const auto a = shaper.shape_line("a", "en", 10);
    const auto b = shaper.shape_line("b", "en", 10);
    EXPECT_EQ(shaper.shape_line("a", "en", 10).get(), a.get());  // a is now the most recent
    shaper.shape_line("c", "en", 10);                            // evicts b
    EXPECT_EQ(shaper.stats().entries, 2U);
    EXPECT_EQ(shaper.shape_line("a", "en", 10).get(), a.get());
    EXPECT_NE(shaper.shape_line("b", "en", 10).get(), b.get());
}

}  // namespace
}  // namespace kiosk::i18n

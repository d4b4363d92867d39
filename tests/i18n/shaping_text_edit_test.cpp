// The text-field model: typing and deleting in Persian (with ZWNJ), Pashto and with marks, and
// the caret on the shaped right-to-left line.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kiosk/i18n/font_set.hpp"
#include "kiosk/i18n/shaper.hpp"
#include "kiosk/i18n/text_edit.hpp"
#include "kiosk/i18n/text_utf8.hpp"
#include "tests/i18n/shaping_fixture.hpp"

namespace kiosk::i18n {
namespace {

// Types `keys` one at a time and checks the text after each key is the prefix typed so far;
// then backspaces once per key and checks the text shrinks back key by key.
void type_then_erase(const std::vector<std::string>& keys) {
    TextEdit edit;
    std::vector<std::string> states = {""};
    for (const std::string& key : keys) {
        ASSERT_TRUE(edit.insert(key).ok()) << key;
        states.push_back(states.back() + key);
        EXPECT_EQ(edit.text(), states.back());
        EXPECT_EQ(edit.cursor(), edit.text().size());
    }
    for (std::size_t i = keys.size(); i-- > 0;) {
        ASSERT_TRUE(edit.backspace());
        EXPECT_EQ(edit.text(), states[i]) << "after deleting key " << i << " (" << keys[i] << ")";
    }
    EXPECT_FALSE(edit.backspace());
}

TEST(TextEdit, PersianWordWithZwnjTypedAndErasedKeyByKey) {
    // می‌خواهم: mim, yeh, ZWNJ, khah, vav, alef, heh, mim.
    type_then_erase({"م", "ی", "\u200c", "خ", "و", "ا", "ه", "م"});
}

TEST(TextEdit, PashtoTypedAndErasedKeyByKey) {
    // ښځې ګټه: letters without presentation forms, and a space.
    type_then_erase({"ښ", "ځ", "ې", " ", "ګ", "ټ", "ه"});
}

TEST(TextEdit, ZwnjCanBeInsertedInsideAWordAndDeletedAlone) {
    TextEdit edit;
    ASSERT_TRUE(edit.insert("میخواهم").ok());
    ASSERT_TRUE(edit.set_cursor(std::string("می").size()));
    ASSERT_TRUE(edit.insert("\u200c").ok());
    EXPECT_EQ(edit.text(), "می\u200cخواهم");
    EXPECT_EQ(edit.cursor(), std::string("می\u200c").size());
    ASSERT_TRUE(edit.backspace());
    EXPECT_EQ(edit.text(), "میخواهم");
    EXPECT_EQ(edit.cursor(), std::string("می").size());
    // From before the ZWNJ, delete removes it alone as well.
    ASSERT_TRUE(edit.insert("\u200c").ok());
    ASSERT_TRUE(edit.move_previous());
    ASSERT_TRUE(edit.delete_forward());
    EXPECT_EQ(edit.text(), "میخواهم");
}

TEST(TextEdit, BackspaceRemovesAMarkBeforeItsLetter) {
    TextEdit edit;
    ASSERT_TRUE(edit.insert("كَتَبَ").ok());  // kaf fatha teh fatha beh fatha
    ASSERT_TRUE(edit.backspace());
    EXPECT_EQ(edit.text(), "كَتَب");
    ASSERT_TRUE(edit.backspace());
    EXPECT_EQ(edit.text(), "كَتَ");
}

TEST(TextEdit, MovementAndDeleteKeepMarksWithTheirLetter) {
    TextEdit edit;
    ASSERT_TRUE(edit.insert("كَتَب").ok());
    edit.move_to_start();
    ASSERT_TRUE(edit.move_next());
    EXPECT_EQ(edit.cursor(), std::string("كَ").size()) << "steps over kaf and its fatha";
    EXPECT_FALSE(edit.set_cursor(std::string("ك").size())) << "never between a letter and mark";
    EXPECT_FALSE(edit.set_cursor(1)) << "never inside a code point";
    ASSERT_TRUE(edit.delete_forward());
    EXPECT_EQ(edit.text(), "كَب") << "teh goes with its fatha";
    ASSERT_TRUE(edit.move_previous());
    EXPECT_EQ(edit.cursor(), 0U);
    EXPECT_FALSE(edit.move_previous());
    edit.move_to_end();
    EXPECT_FALSE(edit.move_next());
    EXPECT_FALSE(edit.delete_forward());
}

TEST(TextEdit, BadInputIsRefusedAndLosesNothing) {
    TextEdit edit(12);
    ASSERT_TRUE(edit.insert("کار").ok());
    const Status bad = edit.insert(std::string("\xD9", 1));  // half of an Arabic letter
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, "i18n.invalid_utf8");
    const Status too_long = edit.insert("بیشتر");
    ASSERT_FALSE(too_long.ok());
    EXPECT_EQ(too_long.error().code, "i18n.text_too_long");
    EXPECT_EQ(edit.text(), "کار");
    EXPECT_EQ(edit.cursor(), edit.text().size());
    ASSERT_TRUE(edit.insert("\uFEFFم").ok());
    EXPECT_EQ(edit.text(), "کارم") << "a byte order mark is not kept";
}

class TextEditCaret : public test::ShapingFixture {};

TEST_F(TextEditCaret, CaretMovesLeftAsAPersianWordIsTyped) {
    TextEdit edit;
    float previous = -1;
    for (const char* key : {"م", "ی", "\u200c", "خ", "و", "ا", "ه", "م"}) {
        ASSERT_TRUE(edit.insert(key).ok());
        const auto line = shaper_->shape_line(edit.text(), "fa", 24.0F);
        const float x = edit.caret_x(*line);
        // The line is right-aligned by the renderer; measured from its right edge the caret
        // goes further left with every letter (ZWNJ has no width, so it may stay).
        const float from_right = line->width - x;
        EXPECT_GE(from_right, previous) << key;
        EXPECT_NEAR(x, 0, 0.01) << "at the end of RTL text the caret is at its left edge";
        previous = from_right;
    }
    EXPECT_GT(previous, 0);
}

TEST_F(TextEditCaret, ATapPlacesTheCursorInRightToLeftText) {
    TextEdit edit;
    ASSERT_TRUE(edit.insert("ثبت نام").ok());
    const auto line = shaper_->shape_line(edit.text(), "fa", 24.0F);
    edit.place_cursor_at_x(*line, line->width + 3);  // right of the text: its logical start
    EXPECT_EQ(edit.cursor(), 0U);
    edit.place_cursor_at_x(*line, -3);  // left of the text: its logical end
    EXPECT_EQ(edit.cursor(), edit.text().size());
    // A tap at the caret position of every stop puts the cursor back on that stop.
    for (std::size_t offset = 0; offset <= edit.text().size();
         offset = next_code_point(edit.text(), offset)) {
        edit.place_cursor_at_x(*line, line->caret_x(offset));
        EXPECT_EQ(edit.cursor(), offset);
        if (offset == edit.text().size()) {
            break;
        }
    }
}

TEST_F(TextEditCaret, ATapNeverLandsBetweenALetterAndItsMark) {
    TextEdit edit;
    ASSERT_TRUE(edit.insert("بِ").ok());
    const auto line = shaper_->shape_line(edit.text(), "ar", 24.0F);
    for (float x = -2; x < line->width + 2; x += 0.5F) {
        edit.place_cursor_at_x(*line, x);
        EXPECT_TRUE(edit.cursor() == 0 || edit.cursor() == edit.text().size()) << x;
    }
}

}  // namespace
}  // namespace kiosk::i18n

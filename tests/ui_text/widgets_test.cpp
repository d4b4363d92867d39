// Shaped-text widgets: direction-aware alignment, a touch button driven by simulated mouse
// input as in ImGui 1.86 (no input queue), wrapped paragraphs and measuring.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/ui/text/widgets.hpp"
#include "tests/ui_text/shaped_text_fixture.hpp"

namespace kiosk::ui::text::testing {
namespace {

using WidgetsTest = ShapedTextTest;

float leftmost(const std::vector<Quad>& q) {
    float x = q.front().min.x;
    for (const auto& e : q) {
        x = std::min(x, e.min.x);
    }
    return x;
}
float rightmost(const std::vector<Quad>& q) {
    float x = q.front().max.x;
    for (const auto& e : q) {
        x = std::max(x, e.max.x);
    }
    return x;
}

// A full-screen window without decoration, as kiosk screens are, with the cursor at `cursor`.
void begin_screen(ImVec2 cursor, ImVec2 size = ImGui::GetIO().DisplaySize) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::SetCursorScreenPos(cursor);
}

// Draws one label in a fresh frame and returns its quads and the box draw_label reported.
struct Drawn {
    std::vector<Quad> quads;
    Box box;
};

class LabelTest : public ShapedTextTest {
  protected:
    Drawn label(std::string_view text, std::string_view lang, Align align, ImVec2 min, ImVec2 max,
                float padding = 16.0f) {
        Drawn d;
        frame([&] {
            ImDrawList* dl = ImGui::GetForegroundDrawList();
            LabelStyle style;
            style.pixel_size = 32;
            style.align = align;
            style.padding = padding;
            style.colour = IM_COL32_WHITE;
            d.box = draw_label(*renderer_, dl, min, max, text, lang, style);
            d.quads = glyph_quads(*dl);
        });
        return d;
    }
};

TEST_F(LabelTest, StartAlignedArabicEndsAtTheRightEdge) {
    const ImVec2 min(100, 100);
    const ImVec2 max(700, 160);
    const Drawn d = label("مرحبا بكم", "ar", Align::start, min, max);
    ASSERT_EQ(d.quads.size(), 8u);
    // The line's advance box ends at the padding; the ink of its rightmost glyph (the initial
    // meem, read first) ends that glyph's right side bearing before it.
    const auto line = renderer_->shape("مرحبا بكم", "ar", 32);
    EXPECT_NEAR(rightmost(d.quads), max.x - 16 - right_bearing(line.line->glyphs.back(), 32), 1.0f);
    EXPECT_GT(leftmost(d.quads), min.x + 300) << "Arabic start must not hug the left edge";
    EXPECT_NEAR(d.box.max.x, max.x - 16, 0.5f);
    // Vertically centred: the line box sits in the middle of the rectangle.
    EXPECT_NEAR((d.box.min.y + d.box.max.y) * 0.5f, (min.y + max.y) * 0.5f, 1.0f);
}

TEST_F(LabelTest, StartAlignedTurkishBeginsAtTheLeftEdge) {
    const ImVec2 min(100, 100);
    const ImVec2 max(700, 160);
    const Drawn d = label("İşçi ağı", "tr", Align::start, min, max);
    ASSERT_FALSE(d.quads.empty());
    EXPECT_NEAR(d.box.min.x, min.x + 16, 0.5f);
    // The first glyph's ink starts its left side bearing after the padding.
    const auto line = renderer_->shape("İşçi ağı", "tr", 32);
    EXPECT_NEAR(leftmost(d.quads), min.x + 16 + left_bearing(line.line->glyphs.front(), 32), 1.0f);
    EXPECT_LT(rightmost(d.quads), min.x + 300);
}

TEST_F(LabelTest, EndAndCentreAlignmentFollowTheDirectionToo) {
    const ImVec2 min(0, 0);
    const ImVec2 max(600, 50);
    const Drawn arabic_end = label("مرحبا بكم", "ar", Align::end, min, max, 10);
    EXPECT_NEAR(arabic_end.box.min.x, min.x + 10, 0.5f);
    const Drawn latin_end = label("Merhaba", "tr", Align::end, min, max, 10);
    EXPECT_NEAR(latin_end.box.max.x, max.x - 10, 0.5f);
    const Drawn centred = label("مرحبا بكم", "ar", Align::centre, min, max, 10);
    EXPECT_NEAR(centred.box.min.x - min.x, max.x - centred.box.max.x, 1.0f);
}

TEST_F(WidgetsTest, ButtonTappedOnceReportsOnePressAndShowsItWhileHeld) {
    ImGuiIO& io = ImGui::GetIO();
    ImVec2 button_min;
    ImVec2 button_max;
    std::vector<Quad> quads;
    ImU32 background = 0;
    int presses = 0;
    const auto frame_with_mouse = [&](ImVec2 pos, bool down) {
        io.MousePos = pos;
        io.MouseDown[0] = down;
        frame([&] {
            begin_screen(ImVec2(200, 300));
            ButtonStyle style;
            style.background = IM_COL32(10, 10, 10, 255);
            style.background_hovered = IM_COL32(20, 20, 20, 255);
            style.background_pressed = IM_COL32(200, 100, 0, 255);
            presses += shaped_button(*renderer_, "##continue", "متابعة", "ar", ImVec2(0, 72), style)
                           ? 1
                           : 0;
            button_min = ImGui::GetItemRectMin();
            button_max = ImGui::GetItemRectMax();
            ImDrawList* dl = ImGui::GetWindowDrawList();
            quads = glyph_quads(*dl);
            background = 0;
            for (int v = 0; v < dl->VtxBuffer.Size; ++v) {
                const ImU32 c = dl->VtxBuffer[v].col;
                if (c == IM_COL32(10, 10, 10, 255) || c == IM_COL32(20, 20, 20, 255) ||
                    c == IM_COL32(200, 100, 0, 255)) {
                    background = c;
                }
            }
            ImGui::End();
        });
    };

    frame_with_mouse(ImVec2(-100, -100), false);  // lays the button out; nothing is hovered
    EXPECT_EQ(presses, 0);
    EXPECT_GT(button_max.x - button_min.x, 60.0f);
    EXPECT_NEAR(button_max.y - button_min.y, 72.0f, 0.5f);
    const ImVec2 centre((button_min.x + button_max.x) / 2, (button_min.y + button_max.y) / 2);

    frame_with_mouse(centre, false);  // the finger arrives
    ASSERT_FALSE(quads.empty());
    const float resting_top = quads[0].min.y;
    EXPECT_EQ(background, IM_COL32(20, 20, 20, 255));
    frame_with_mouse(centre, true);  // pressed
    EXPECT_EQ(presses, 0) << "a button fires on release, not on press";
    EXPECT_EQ(background, IM_COL32(200, 100, 0, 255));
    EXPECT_EQ(quads[0].min.y, resting_top + 1) << "the label sinks while held";
    frame_with_mouse(centre, false);  // released over the button
    EXPECT_EQ(presses, 1);
    frame_with_mouse(centre, false);
    frame_with_mouse(ImVec2(-100, -100), false);
    EXPECT_EQ(presses, 1) << "one tap, one press";
}

TEST_F(WidgetsTest, ButtonReleasedOutsideDoesNotFire) {
    ImGuiIO& io = ImGui::GetIO();
    int presses = 0;
    const auto step = [&](ImVec2 pos, bool down) {
        io.MousePos = pos;
        io.MouseDown[0] = down;
        frame([&] {
            begin_screen(ImVec2(100, 100));
            presses += shaped_button(*renderer_, "##ok", "Tamam", "tr", ImVec2(200, 80)) ? 1 : 0;
            ImGui::End();
        });
    };
    step(ImVec2(150, 140), false);
    step(ImVec2(150, 140), true);
    step(ImVec2(600, 600), true);  // the finger slides off
    step(ImVec2(600, 600), false);
    EXPECT_EQ(presses, 0);
}

TEST_F(WidgetsTest, ArabicParagraphWrapsIntoRightAlignedLinesInsideTheWidth) {
    std::string text;
    for (int i = 0; i < 12; ++i) {
        text += "نبحث عن عامل مستودع بدوام كامل ";
    }
    const ImVec2 top_left(40, 20);
    const float width = 420;
    ParagraphStyle style;
    style.pixel_size = 24;
    float height = 0;
    std::vector<Quad> quads;
    frame([&] {
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        height = draw_paragraph(*renderer_, dl, top_left, width, text, "ar", style);
        quads = glyph_quads(*dl);
    });
    const float line_height = measure_text(*renderer_, "نبحث", "ar", 24).y;
    const int lines = static_cast<int>(height / line_height + 0.5f);
    EXPECT_GE(lines, 4);
    EXPECT_NEAR(height, measure_paragraph(*renderer_, text, "ar", width, style), 0.01f);
    ASSERT_FALSE(quads.empty());
    // Every glyph inside the column (marks and swashes may poke out a pixel or two).
    EXPECT_GE(leftmost(quads), top_left.x - 2);
    EXPECT_LE(rightmost(quads), top_left.x + width + 2);
    // Each line ends at the right edge: bucket quads by line and check their right ends.
    for (int line = 0; line < lines - 1; ++line) {  // the last line may be short
        const float top = top_left.y + static_cast<float>(line) * line_height;
        float right = 0;
        for (const auto& q : quads) {
            const float mid = (q.min.y + q.max.y) / 2;
            if (mid >= top && mid < top + line_height) {
                right = std::max(right, q.max.x);
            }
        }
        EXPECT_NEAR(right, top_left.x + width, 2.0f) << "line " << line;
    }
}

TEST_F(WidgetsTest, MeasuredWidthMatchesHbShapeAndScalesWithSize) {
    // hb-shape's advances for "مرحبا بكم" in Noto Sans Arabic UI (1000 units per em) add up to
    // 3703 units: 118.5 px at 32 px.
    EXPECT_NEAR(measure_text(*renderer_, "مرحبا بكم", "ar", 32).x, 118.5f, 0.6f);
    const float small = measure_text(*renderer_, "Українська", "uk", 20).x;
    const float large = measure_text(*renderer_, "Українська", "uk", 40).x;
    EXPECT_NEAR(large / small, 2.0f, 0.05f);
    EXPECT_GT(measure_text(*renderer_, "Українська", "uk", 20).y, 20.0f);
}

TEST_F(WidgetsTest, LabelAsAnImGuiItemTakesTheLineHeight) {
    float cursor_moved = 0;
    frame([&] {
        begin_screen(ImVec2(40, 40), ImVec2(500, 400));
        const float before = ImGui::GetCursorPosY();
        LabelStyle style;
        style.pixel_size = 30;
        shaped_label(*renderer_, "فارسی", "fa", style);
        cursor_moved = ImGui::GetCursorPosY() - before;
        ImGui::End();
    });
    const float line = measure_text(*renderer_, "فارسی", "fa", 30).y;
    EXPECT_GE(cursor_moved, line);
    EXPECT_LE(cursor_moved, line + ImGui::GetStyle().ItemSpacing.y + 1);
}

}  // namespace
}  // namespace kiosk::ui::text::testing

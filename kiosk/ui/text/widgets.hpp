// Shaped-text widgets for the views: labels aligned in a rectangle, touch buttons, wrapped
// paragraphs and measuring. Text comes in as logical UTF-8 plus the language's BCP 47 code; the
// TextRenderer shapes it (cached) and draws the visual line.
//
// Alignment is by reading direction: Align::start is the left edge for left-to-right text and
// the right edge for right-to-left text (decided by the shaped line's base direction, i.e. the
// text's first strong character, else the language).
#pragma once

#include <string_view>

#include <imgui.h>

#include "kiosk/ui/text/text_renderer.hpp"

namespace kiosk::ui::text {

enum class Align : unsigned char { start, centre, end };

// A screen rectangle, min is top-left.
struct Box {
    ImVec2 min;
    ImVec2 max;
};

// The x of a line's left end when it is placed in [left, right] with `align` for its direction.
float aligned_x(float left, float right, float line_width, bool rtl, Align align);

struct LabelStyle {
    float pixel_size = 24.0f;
    ImU32 colour = 0;  // 0: the current ImGui style's text colour
    Align align = Align::start;
    float padding = 0.0f;  // kept free inside the rectangle on the left and right
};

// ShapedLabel: one line of text in [min, max], aligned horizontally by `style.align` and centred
// vertically on its font's ascent + descent. Text wider than the rectangle overflows at the end
// side; clip with PushClipRect if it must not. Returns the line's box on screen.
Box draw_label(TextRenderer& renderer, ImDrawList* draw_list, ImVec2 min, ImVec2 max,
               std::string_view text, std::string_view language, const LabelStyle& style);

// A label as an ImGui item: as wide as the available content region, as high as the line; the
// text is aligned inside it (so start alignment sits at the right for RTL text).
void shaped_label(TextRenderer& renderer, std::string_view text, std::string_view language,
                  const LabelStyle& style);

struct ButtonStyle {
    float pixel_size = 28.0f;
    Align align = Align::centre;
    float padding = 12.0f;   // around the text when a size component is 0 (auto)
    float rounding = -1.0f;  // < 0: ImGuiStyle::FrameRounding
    // 0: take the colour from the current ImGui style (Text, Button, ButtonHovered, ButtonActive).
    ImU32 text_colour = 0;
    ImU32 background = 0;
    ImU32 background_hovered = 0;
    ImU32 background_pressed = 0;
};

// A touch button labelled with shaped text. `size` components <= 0 fit the text plus padding.
// Returns true on the frame the press is released over it (ImGui's usual button behaviour).
// While held down it shows the pressed colour and its label moves down by a pixel.
bool shaped_button(TextRenderer& renderer, const char* id, std::string_view text,
                   std::string_view language, ImVec2 size = ImVec2(0, 0),
                   const ButtonStyle& style = {});

struct ParagraphStyle {
    float pixel_size = 22.0f;
    ImU32 colour = 0;  // 0: the current ImGui style's text colour
    Align align = Align::start;
    float line_spacing = 1.0f;  // multiple of the font's line height
};

// Wrapped text: lines no wider than `width`, each aligned for its own direction, top at
// `top_left.y`. Returns the height used.
float draw_paragraph(TextRenderer& renderer, ImDrawList* draw_list, ImVec2 top_left, float width,
                     std::string_view text, std::string_view language, const ParagraphStyle& style);

// A wrapped paragraph as an ImGui item, as wide as the available content region.
void shaped_paragraph(TextRenderer& renderer, std::string_view text, std::string_view language,
                      const ParagraphStyle& style);

// Size of one line of text at a size: its advance width and its font's ascent + descent.
ImVec2 measure_text(TextRenderer& renderer, std::string_view text, std::string_view language,
                    float pixel_size);

// Height of the paragraph draw_paragraph would draw in `width`.
float measure_paragraph(TextRenderer& renderer, std::string_view text, std::string_view language,
                        float width, const ParagraphStyle& style);

}  // namespace kiosk::ui::text

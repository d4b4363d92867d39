// Shaped-text widgets: placement by direction, ImGui items, the touch button.
#include "kiosk/ui/text/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui::text {
namespace {

ImU32 or_style(ImU32 colour, ImGuiCol fallback) {
    return colour != 0 ? colour : ImGui::GetColorU32(fallback);
}

// Baseline y that centres a line box of this ascent/descent between top and bottom, on a whole
// pixel so glyphs are not resampled.
float centred_baseline(float top, float bottom, float ascent, float descent) {
    return std::floor((top + bottom - (ascent + descent)) * 0.5f + ascent + 0.5f);
}

}  // namespace

float aligned_x(float left, float right, float line_width, bool rtl, Align align) {
    // For RTL text, start and end swap sides.
    Align side = align;
    if (rtl && align != Align::centre) {
        side = align == Align::start ? Align::end : Align::start;
    }
    switch (side) {
        case Align::start:
            return left;
        case Align::end:
            return right - line_width;
        case Align::centre:
            break;
    }
    return std::floor((left + right - line_width) * 0.5f + 0.5f);
}

Box draw_label(TextRenderer& renderer, ImDrawList* draw_list, ImVec2 min, ImVec2 max,
               std::string_view text, std::string_view language, const LabelStyle& style) {
    const ShapedText shaped = renderer.shape(text, language, style.pixel_size);
    const i18n::ShapedLine& line = *shaped.line;
    const float x = aligned_x(min.x + style.padding, max.x - style.padding, line.width,
                              shaped.rtl(), style.align);
    const float baseline = centred_baseline(min.y, max.y, line.ascent, line.descent);
    renderer.draw_glyph_run(draw_list, ImVec2(x, baseline), shaped,
                            or_style(style.colour, ImGuiCol_Text));
    return Box{ImVec2(x, baseline - line.ascent), ImVec2(x + line.width, baseline + line.descent)};
}

void shaped_label(TextRenderer& renderer, std::string_view text, std::string_view language,
                  const LabelStyle& style) {
    const ImVec2 size = measure_text(renderer, text, language, style.pixel_size);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = std::max(ImGui::GetContentRegionAvail().x, size.x + 2 * style.padding);
    const ImVec2 max(pos.x + width, pos.y + std::ceil(size.y));
    ImGui::Dummy(ImVec2(width, max.y - pos.y));
    draw_label(renderer, ImGui::GetWindowDrawList(), pos, max, text, language, style);
}

bool shaped_button(TextRenderer& renderer, const char* id, std::string_view text,
                   std::string_view language, ImVec2 size, const ButtonStyle& style) {
    const ShapedText shaped = renderer.shape(text, language, style.pixel_size);
    if (size.x <= 0) {
        size.x = std::ceil(shaped.width() + 2 * style.padding);
    }
    if (size.y <= 0) {
        size.y = std::ceil(shaped.height() + 2 * style.padding);
    }
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton(id, size);
    const bool held = ImGui::IsItemActive();
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 max(min.x + size.x, min.y + size.y);

    ImU32 background = or_style(style.background, ImGuiCol_Button);
    if (held) {
        background = or_style(style.background_pressed, ImGuiCol_ButtonActive);
    } else if (hovered) {
        background = or_style(style.background_hovered, ImGuiCol_ButtonHovered);
    }
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const float rounding = style.rounding >= 0 ? style.rounding : ImGui::GetStyle().FrameRounding;
    draw_list->AddRectFilled(min, max, background, rounding);

    // A held button's label sinks a pixel: feedback a finger covering the colour change can
    // still see at the edges.
    const float sink = held ? 1.0f : 0.0f;
    const float x = aligned_x(min.x + style.padding, max.x - style.padding, shaped.width(),
                              shaped.rtl(), style.align);
    const float baseline =
        centred_baseline(min.y, max.y, shaped.line->ascent, shaped.line->descent) + sink;
    renderer.draw_glyph_run(draw_list, ImVec2(x, baseline), shaped,
                            or_style(style.text_colour, ImGuiCol_Text));
    return pressed;
}

float draw_paragraph(TextRenderer& renderer, ImDrawList* draw_list, ImVec2 top_left, float width,
                     std::string_view text, std::string_view language,
                     const ParagraphStyle& style) {
    const ShapedBlock block = renderer.shape_paragraph(text, language, style.pixel_size, width);
    const i18n::ShapedParagraph& para = *block.paragraph;
    const float step = para.line_height * style.line_spacing;
    const ImU32 colour = or_style(style.colour, ImGuiCol_Text);
    float top = top_left.y;
    for (const i18n::ShapedLine& line : para.lines) {
        const bool rtl = line.base == i18n::TextDirection::rtl;
        const float x = aligned_x(top_left.x, top_left.x + width, line.width, rtl, style.align);
        const float baseline = centred_baseline(top, top + step, line.ascent, line.descent);
        renderer.draw_glyph_run(draw_list, ImVec2(x, baseline), line, block.pixel_size, colour);
        top += step;
    }
    return top - top_left.y;
}

void shaped_paragraph(TextRenderer& renderer, std::string_view text, std::string_view language,
                      const ParagraphStyle& style) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
    const float height =
        draw_paragraph(renderer, ImGui::GetWindowDrawList(), pos, width, text, language, style);
    ImGui::Dummy(ImVec2(width, std::ceil(height)));
}

ImVec2 measure_text(TextRenderer& renderer, std::string_view text, std::string_view language,
                    float pixel_size) {
    const ShapedText shaped = renderer.shape(text, language, pixel_size);
    return ImVec2(shaped.width(), shaped.height());
}

float measure_paragraph(TextRenderer& renderer, std::string_view text, std::string_view language,
                        float width, const ParagraphStyle& style) {
    const ShapedBlock block = renderer.shape_paragraph(text, language, style.pixel_size, width);
    return static_cast<float>(block.paragraph->lines.size()) * block.paragraph->line_height *
           style.line_spacing;
}

}  // namespace kiosk::ui::text

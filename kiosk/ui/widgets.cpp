// big_button and text helpers, drawing shaped text through kiosk_ui_text.
#include "kiosk/ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID: cancel a press that became a drag

#include <cassert>
#include <cmath>
#include <string>

#include "kiosk/i18n/script.hpp"
#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/text/widgets.hpp"

namespace kiosk::ui {

namespace {

// Shapes `label` (cached by the shaper, so draw_label's own shaping is a lookup) to record any
// code point no font has.
void audit(const ViewContext& ctx, std::string_view label, std::string_view language, float px) {
    const text::ShapedText shaped = ctx.renderer->shape(label, language, px);
    ctx.glyphs->check(*shaped.line, label);
}

std::string_view or_session(const ViewContext& ctx, std::string_view language) {
    return language.empty() ? ctx.language() : language;
}

}  // namespace

float title_px(const Theme& theme) {
    return std::round(theme.em * theme.title_scale);
}

float body_px(const Theme& theme) {
    return theme.em;
}

float button_label_padding(const Theme& theme) {
    return 0.5F * theme.em;
}

namespace {

// big_button and choice_button: a touch button with a face and ink colour when not pressed.
bool touch_button(const ViewContext& ctx, std::string_view id, std::string_view label, float w,
                  float h, std::string_view language, std::uint32_t face, std::uint32_t ink) {
    assert(ctx.hits != nullptr && ctx.glyphs != nullptr && ctx.renderer != nullptr &&
           "ViewContext is not wired");
    const std::string imgui_id(id);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(w, h);
    bool tapped = ImGui::InvisibleButton(imgui_id.c_str(), size);

    const ImGuiIO& io = ImGui::GetIO();
    const float threshold_sq = io.MouseDragThreshold * io.MouseDragThreshold;
    // How far the finger went since it landed: the farthest any held frame saw (ImGui tracks
    // that only while down), or where it is now, which catches a swipe whose release is the
    // first frame after the press.
    const ImVec2 from = io.MouseClickedPos[ImGuiMouseButton_Left];
    const float dx = io.MousePos.x - from.x;
    const float dy = io.MousePos.y - from.y;
    const bool travelled = io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] >= threshold_sq ||
                           dx * dx + dy * dy >= threshold_sq;
    bool held = ImGui::IsItemActive();
    if (held && travelled) {
        ImGui::ClearActiveID();  // a drag, not a tap: the release must not count
        held = false;
    }
    if (tapped && travelled) {
        tapped = false;  // released far from where it landed
    }

    const Palette& colors = ctx.theme.colors;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + w, pos.y + h);
    draw->AddRectFilled(pos, max, to_imgui(held ? colors.pressed : face), ctx.theme.rounding);

    const std::string_view lang = or_session(ctx, language);
    const float px = body_px(ctx.theme);
    audit(ctx, label, lang, px);
    text::LabelStyle style;
    style.pixel_size = px;
    style.colour = to_imgui(held ? colors.pressed_text : ink);
    style.align = text::Align::centre;
    style.padding = button_label_padding(ctx.theme);
    draw->PushClipRect(pos, max, true);
    text::draw_label(*ctx.renderer, draw, pos, max, label, lang, style);
    draw->PopClipRect();

    ctx.hits->add(imgui_id, std::string(label), Rect{pos.x, pos.y, w, h});
    return tapped;
}

}  // namespace

bool big_button(const ViewContext& ctx, std::string_view id, std::string_view label, float w,
                float h, std::string_view language) {
    return touch_button(ctx, id, label, w, h, language, ctx.theme.colors.button,
                        ctx.theme.colors.button_text);
}

bool choice_button(const ViewContext& ctx, std::string_view id, std::string_view label,
                   bool selected, float w, float h, std::string_view language) {
    const Palette& colors = ctx.theme.colors;
    return touch_button(ctx, id, label, w, h, language, selected ? colors.selected : colors.option,
                        selected ? colors.button_text : colors.text);
}

void centered_text(const ViewContext& ctx, std::string_view text, float pixel_size,
                   std::string_view language) {
    const std::string_view lang = or_session(ctx, language);
    audit(ctx, text, lang, pixel_size);
    const float line_h = text::measure_text(*ctx.renderer, text, lang, pixel_size).y;
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    text::LabelStyle style;
    style.pixel_size = pixel_size;
    style.colour = to_imgui(ctx.theme.colors.text);
    style.align = text::Align::centre;
    text::draw_label(*ctx.renderer, ImGui::GetWindowDrawList(), start,
                     ImVec2(start.x + avail, start.y + line_h), text, lang, style);
    ImGui::Dummy(ImVec2(avail, line_h));
}

void page_title(const ViewContext& ctx, std::string_view text, bool centred) {
    text::LabelStyle style;
    style.pixel_size = title_px(ctx.theme);
    style.align = centred ? text::Align::centre : text::Align::start;
    text::shaped_label(*ctx.renderer, text, ctx.language(), style);
}

void fact_row(const ViewContext& ctx, std::string_view name, std::string_view value,
              std::string_view value_language, float width) {
    const float px = body_px(ctx.theme);
    const float h = 1.8F * px;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float w = width > 0 ? width : ImGui::GetContentRegionAvail().x;
    const ImVec2 max(at.x + w, at.y + h);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    text::LabelStyle style;
    style.pixel_size = px;
    style.colour = to_imgui(ctx.theme.colors.text);
    style.align = text::Align::start;  // the name is in the page's language and direction
    text::draw_label(*ctx.renderer, draw, at, max, name, ctx.language(), style);
    // draw_label aligns by the text's own direction; the value must sit at the page's end edge
    // even when it is a Latin code ("sync.http_503") on an Arabic page.
    const std::string_view lang = value_language.empty() ? ctx.language() : value_language;
    // The value's own direction decides, as draw_label's does: "7.50 EUR" on an Arabic page is
    // a left-to-right paragraph, however its digits are written.
    const bool value_rtl =
        i18n::paragraph_direction(value).value_or(ui_direction(lang)) == i18n::TextDirection::rtl;
    style.align = value_rtl == ctx.rtl() ? text::Align::end : text::Align::start;
    text::draw_label(*ctx.renderer, draw, at, max, value, lang, style);
    draw->AddLine(ImVec2(at.x, max.y), max, to_imgui(ctx.theme.colors.option), 1.0F);
    ImGui::Dummy(ImVec2(w, h));
}

}  // namespace kiosk::ui

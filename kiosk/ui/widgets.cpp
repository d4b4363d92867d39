// big_button and text helpers.
#include "kiosk/ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID: cancel a press that became a drag

#include <cassert>
#include <string>

namespace kiosk::ui {

bool big_button(const ViewContext& ctx, std::string_view id, std::string_view label, float w,
                float h) {
    assert(ctx.hits != nullptr && ctx.glyphs != nullptr && "ViewContext is not wired");
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
    draw->AddRectFilled(pos, max, to_imgui(held ? colors.pressed : colors.button),
                        ctx.theme.rounding);

    ImFont* font = ctx.fonts.body;
    ctx.glyphs->check(*font, label);
    const char* begin = label.data();
    const char* end = label.data() + label.size();
    const ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0F, begin, end);
    const ImVec2 at(pos.x + (w - text.x) / 2, pos.y + (h - text.y) / 2);
    const ImVec4 clip(pos.x, pos.y, max.x, max.y);
    draw->AddText(font, font->FontSize, at,
                  to_imgui(held ? colors.pressed_text : colors.button_text), begin, end, 0.0F,
                  &clip);

    ctx.hits->add(imgui_id, std::string(label), Rect{pos.x, pos.y, w, h});
    return tapped;
}

void centered_text(const ViewContext& ctx, ImFont* font, std::string_view text) {
    ctx.glyphs->check(*font, text);
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0F, begin, end);
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const ImVec2 at(start.x + (avail - size.x) / 2, start.y);
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, at, to_imgui(ctx.theme.colors.text),
                                        begin, end);
    ImGui::Dummy(ImVec2(avail, size.y));
}

}  // namespace kiosk::ui

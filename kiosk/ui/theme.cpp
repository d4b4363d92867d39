// Theme sizes, style and touch input settings.
#include "kiosk/ui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

namespace {
ImVec4 to_vec4(std::uint32_t rgb) {
    return ImGui::ColorConvertU32ToFloat4(to_imgui(rgb));
}
}  // namespace

std::uint32_t to_imgui(std::uint32_t rgb) {
    const std::uint32_t r = (rgb >> 16) & 0xFF;
    const std::uint32_t g = (rgb >> 8) & 0xFF;
    const std::uint32_t b = rgb & 0xFF;
    return IM_COL32(r, g, b, 255);
}

Theme make_theme(int width, int height) {
    const float by_height = static_cast<float>(height) / 30.0F;
    const float by_width = static_cast<float>(width) / 45.0F;
    const float em = std::clamp(std::round(std::min(by_height, by_width)), 16.0F, 72.0F);
    Theme t;
    t.em = em;
    t.margin = 1.5F * em;
    t.gap = 0.6F * em;
    t.button_h = std::max(2.6F * em, 48.0F);
    t.button_min_w = 8.0F * em;
    t.rounding = 0.3F * em;
    return t;
}

void apply_theme(const Theme& theme, ImGuiStyle& style) {
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(theme.margin, theme.margin);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.FramePadding = ImVec2(0.5F * theme.em, 0.4F * theme.em);
    style.ItemSpacing = ImVec2(theme.gap, theme.gap);
    style.FrameRounding = theme.rounding;
    style.ScrollbarSize = 0.8F * theme.em;
    style.TouchExtraPadding = ImVec2(0, 0);

    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = to_vec4(theme.colors.background);
    c[ImGuiCol_Text] = to_vec4(theme.colors.text);
    // No hover cue: hovered looks like idle; pressed is different.
    c[ImGuiCol_Button] = to_vec4(theme.colors.button);
    c[ImGuiCol_ButtonHovered] = to_vec4(theme.colors.button);
    c[ImGuiCol_ButtonActive] = to_vec4(theme.colors.pressed);
}

void configure_touch_io(ImGuiIO& io, const Theme& theme) {
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;
    io.MouseDragThreshold = std::max(18.0F, 0.5F * theme.em);
}

}  // namespace kiosk::ui

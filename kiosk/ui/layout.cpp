// Mirroring for right-to-left layouts.
#include "kiosk/ui/layout.hpp"

#include <imgui.h>

#include <algorithm>

namespace kiosk::ui {

i18n::TextDirection ui_direction(std::string_view language) {
    const auto direction = i18n::language_direction(language);
    return direction ? *direction : i18n::TextDirection::ltr;
}

float start_x(float left, float width, float offset, float w, bool rtl) {
    return rtl ? left + width - offset - w : left + offset;
}

void place_bottom_start(const ViewContext& ctx, float w, float h) {
    const ImVec2 cursor = ImGui::GetCursorPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::SetCursorPos(ImVec2(start_x(cursor.x, avail.x, 0, w, ctx.rtl()),
                               cursor.y + std::max(0.0F, avail.y - h)));
}

}  // namespace kiosk::ui

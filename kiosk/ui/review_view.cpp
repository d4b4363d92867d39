// Screen::Review — PLACEHOLDER: only Back until the screen is built.
#include <algorithm>

#include <imgui.h>

#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

void draw_review(const core::Session&, const ViewContext& ctx, std::vector<core::Intent>& out) {
    const float w = std::min(ctx.theme.button_min_w, ImGui::GetContentRegionAvail().x);
    place_bottom_start(ctx, w, ctx.theme.button_h);
    if (big_button(ctx, "nav.back", ctx.text("common.back"), w, ctx.theme.button_h)) {
        out.emplace_back(core::Back{});
    }
}

}  // namespace kiosk::ui

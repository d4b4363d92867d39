// Screen::Notice — PLACEHOLDER owned by the next issue, which writes the real notice (what is
// collected, why, and the consent choice). Until then it shows only its title and a Back button,
// so the welcome screen's language choice can be tried end to end. No made-up content here.
#include <imgui.h>

#include <algorithm>

#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

void draw_notice(const core::Session&, const ViewContext& ctx, std::vector<core::Intent>& out) {
    centered_text(ctx, ctx.text("notice.title"), title_px(ctx.theme));

    // Back sits at the bottom start corner (left, or right in RTL), where every later screen
    // will keep it.
    const float w = std::min(ctx.theme.button_min_w, ImGui::GetContentRegionAvail().x);
    place_bottom_start(ctx, w, ctx.theme.button_h);
    if (big_button(ctx, "nav.back", ctx.text("common.back"), w, ctx.theme.button_h)) {
        out.emplace_back(core::Back{});
    }
}

}  // namespace kiosk::ui

// The idle warning ("are you still there?"), drawn instead of the screen while the session is
// in IdlePhase::Warning: the previous person's screen is hidden from whoever walks up, and the
// only way on is the big Continue button (the reducer drops every other intent in Warning).
// If nobody taps it, core::tick() resets the session when the countdown ends.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

void draw_idle_warning(const core::Session&, const ViewContext& ctx, int seconds_left,
                       std::vector<core::Intent>& out) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float block_h = 3.5F * ctx.theme.em * ctx.theme.title_scale + ctx.theme.button_h;
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(0.0F, (avail.y - block_h) / 2));
    centered_text(ctx, ctx.text("idle.still_there"), title_px(ctx.theme));
    ImGui::Dummy(ImVec2(0, 0.5F * ctx.theme.em));
    centered_text(ctx, ctx.count_text("idle.seconds_left", std::max(seconds_left, 0), "n"),
                  title_px(ctx.theme));
    ImGui::Dummy(ImVec2(0, ctx.theme.em));

    const float w = std::min(2.0F * ctx.theme.button_min_w, avail.x);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0F, (avail.x - w) / 2));
    if (big_button(ctx, "idle.continue", ctx.text("idle.continue"), w, ctx.theme.button_h)) {
        out.emplace_back(core::ContinueSession{});
    }
}

}  // namespace kiosk::ui

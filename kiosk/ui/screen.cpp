// draw_screen: the full-screen window every view draws into, and the choice of view.
#include <imgui.h>

#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {
void draw_unbuilt(const ViewContext& ctx, std::vector<core::Intent>& out) {
    place_bottom_start(ctx, ctx.theme.button_min_w, ctx.theme.button_h);
    if (big_button(ctx, "nav.back", ctx.text("common.back"), ctx.theme.button_min_w,
                   ctx.theme.button_h)) {
        out.emplace_back(core::Back{});
    }
}

// The view of the session's screen.
void draw_view(const core::Session& session, const ViewContext& ctx,
               std::vector<core::Intent>& out) {
    switch (session.screen) {
        case core::Screen::Welcome:
            draw_welcome(session, ctx, out);
            break;
        case core::Screen::Notice:
            draw_notice(session, ctx, out);
            break;
        default:
            // The registration screens' views are later issues' work. Until they land, a screen
            // without a view offers only Back, so nobody is ever stuck on a blank screen.
            draw_unbuilt(ctx, out);
            break;
    }
}
}  // namespace

std::string_view screen_name(core::Screen screen) {
    switch (screen) {
        case core::Screen::Welcome:
            return "welcome";
        case core::Screen::Notice:
            return "notice";
        default:
            // Registration screens get their names with their views (later issues).
            return "unbuilt";
    }
}

void draw_screen(const core::Session& session, const ViewContext& ctx, Millis now,
                 std::vector<core::Intent>& out) {
    const bool warning = session.idle == core::IdlePhase::Warning;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ctx.hits->clear();
    ctx.hits->screen = warning ? "idle_warning" : std::string(screen_name(session.screen));
    ctx.hits->display_w = viewport->Size.x;
    ctx.hits->display_h = viewport->Size.y;

    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    constexpr ImGuiWindowFlags kFlags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav;
    ImGui::Begin("##screen", nullptr, kFlags);
    ImGui::PushFont(ctx.fonts.body);
    if (warning) {
        draw_idle_warning(session, ctx, core::seconds_left_in_warning(session, now), out);
    } else {
        draw_view(session, ctx, out);
    }
    ImGui::PopFont();
    ImGui::End();
}

}  // namespace kiosk::ui

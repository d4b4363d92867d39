// draw_screen: the full-screen window every view draws into, and the choice of view.
#include <imgui.h>

#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

namespace {
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
        case core::Screen::Declined:
            draw_declined(session, ctx, out);
            break;
        case core::Screen::Name:
            draw_name(session, ctx, out);
            break;
        case core::Screen::Contact:
            draw_contact(session, ctx, out);
            break;
        case core::Screen::BirthYear:
            draw_birth_year(session, ctx, out);
            break;
        case core::Screen::Gender:
            draw_gender(session, ctx, out);
            break;
        case core::Screen::Nationality:
            draw_nationality(session, ctx, out);
            break;
        case core::Screen::City:
            draw_city(session, ctx, out);
            break;
        case core::Screen::Languages:
            draw_languages(session, ctx, out);
            break;
        case core::Screen::Education:
            draw_education(session, ctx, out);
            break;
        case core::Screen::Occupations:
            draw_occupations(session, ctx, out);
            break;
        case core::Screen::WorkHistory:
            draw_work_history(session, ctx, out);
            break;
        case core::Screen::PriorLearning:
            draw_prior_learning(session, ctx, out);
            break;
        case core::Screen::Availability:
            draw_availability(session, ctx, out);
            break;
        case core::Screen::Preferences:
            draw_preferences(session, ctx, out);
            break;
        case core::Screen::Review:
            draw_review(session, ctx, out);
            break;
        case core::Screen::Done:
            draw_done(session, ctx, out);
            break;
        case core::Screen::Jobs:
            draw_jobs(session, ctx, out);
            break;
        case core::Screen::JobDetail:
            draw_job_detail(session, ctx, out);
            break;
        case core::Screen::InterestCode:
            draw_interest_code(session, ctx, out);
            break;
        case core::Screen::StaffPin:
            draw_staff_pin(session, ctx, out);
            break;
        case core::Screen::StaffMenu:
            draw_staff_menu(session, ctx, out);
            break;
        case core::Screen::StaffStatus:
            draw_staff_status(session, ctx, out);
            break;
        case core::Screen::StaffSettings:
            draw_staff_settings(session, ctx, out);
            break;
        case core::Screen::StaffNewPin:
            draw_staff_new_pin(session, ctx, out);
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
        case core::Screen::Declined:
            return "declined";
        case core::Screen::Name:
            return "name";
        case core::Screen::Contact:
            return "contact";
        case core::Screen::BirthYear:
            return "birth_year";
        case core::Screen::Gender:
            return "gender";
        case core::Screen::Nationality:
            return "nationality";
        case core::Screen::City:
            return "city";
        case core::Screen::Languages:
            return "languages";
        case core::Screen::Education:
            return "education";
        case core::Screen::Occupations:
            return "occupations";
        case core::Screen::WorkHistory:
            return "work_history";
        case core::Screen::PriorLearning:
            return "prior_learning";
        case core::Screen::Availability:
            return "availability";
        case core::Screen::Preferences:
            return "preferences";
        case core::Screen::Review:
            return "review";
        case core::Screen::Done:
            return "done";
        case core::Screen::Jobs:
            return "jobs";
        case core::Screen::JobDetail:
            return "job_detail";
        case core::Screen::InterestCode:
            return "interest_code";
        case core::Screen::StaffPin:
            return "staff_pin";
        case core::Screen::StaffMenu:
            return "staff_menu";
        case core::Screen::StaffStatus:
            return "staff_status";
        case core::Screen::StaffSettings:
            return "staff_settings";
        case core::Screen::StaffNewPin:
            return "staff_new_pin";
    }
    return "unknown";
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
    // No background: the frame is cleared to the theme's background colour already, and in
    // software GL a full-screen blended quad on top of the clear is a large part of each frame.
    constexpr ImGuiWindowFlags kFlags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav |
        ImGuiWindowFlags_NoBackground;
    ImGui::Begin("##screen", nullptr, kFlags);
    ImGui::PushFont(ctx.fonts.body);
    if (warning) {
        draw_idle_warning(session, ctx, core::seconds_left_in_warning(session, now), out);
    } else {
        draw_view(session, ctx, out);
        if (session.focus) {
            draw_keyboard(session, ctx, out);
        }
    }
    ImGui::PopFont();
    ImGui::End();
}

}  // namespace kiosk::ui

// The views, one per screen (one file each). A view draws the session and records what the
// person asked for as intents; the app applies them after the frame with core::reduce. Views
// do no I/O and keep no state.
#pragma once

#include <string_view>
#include <vector>

#include "kiosk/core/session.hpp"
#include "kiosk/ui/view_context.hpp"

namespace kiosk::ui {

// The current screen's view in a window covering the whole display, or the idle warning in
// its place while the session is in IdlePhase::Warning. `now` is the monotonic time of the
// frame (for the warning's countdown; views read no clock). Clears and refills ctx.hits. Call
// between ImGui::NewFrame() and ImGui::Render().
void draw_screen(const core::Session& session, const ViewContext& ctx, Millis now,
                 std::vector<core::Intent>& out);

// Stable name of a screen, used in the hit map dump, hit ids and logs: "welcome", "notice",
// "birth_year", "work_history", "staff_menu".
std::string_view screen_name(core::Screen screen);

// Screen::Welcome: greeting and one big button per offered language, labelled with its endonym.
// Tapping one records ChooseLanguage{code}. Hit ids: "lang.<code>".
void draw_welcome(const core::Session& session, const ViewContext& ctx,
                  std::vector<core::Intent>& out);

// Screen::Notice: what is collected and why, for the centre in settings (name, retention), and
// the choice: AcceptConsent (stamped by the app) or DeclineConsent. Hit ids: "consent.accept",
// "consent.decline", "nav.back".
void draw_notice(const core::Session& session, const ViewContext& ctx,
                 std::vector<core::Intent>& out);
// Screen::Declined: nothing was stored; "finish" (EndSession), or the job offers (OpenJobs).
// Hit ids: "declined.finish", "jobs.open", "nav.back".
void draw_declined(const core::Session& session, const ViewContext& ctx,
                   std::vector<core::Intent>& out);
// Screen::Jobs: a search field over the open offers of ctx.jobs (title in the person's language
// when the offer has it, and the town). Hit ids: "field.search", "jobs.<offer id>", "nav.back".
void draw_jobs(const core::Session& session, const ViewContext& ctx,
               std::vector<core::Intent>& out);
// Screen::JobDetail: everything about ctx.job in plain words. Hit ids: "nav.back",
// "interest.express".
void draw_job_detail(const core::Session& session, const ViewContext& ctx,
                     std::vector<core::Intent>& out);
// Screen::InterestCode: the reference code for an interest. Hit ids: "field.interest_code",
// "nav.back", "interest.register", "interest.send".
void draw_interest_code(const core::Session& session, const ViewContext& ctx,
                        std::vector<core::Intent>& out);

// The registration screens (one file each), drawn inside step_page.hpp's frame.
void draw_name(const core::Session& session, const ViewContext& ctx,
               std::vector<core::Intent>& out);
void draw_contact(const core::Session& session, const ViewContext& ctx,
                  std::vector<core::Intent>& out);
void draw_birth_year(const core::Session& session, const ViewContext& ctx,
                     std::vector<core::Intent>& out);
void draw_gender(const core::Session& session, const ViewContext& ctx,
                 std::vector<core::Intent>& out);
void draw_nationality(const core::Session& session, const ViewContext& ctx,
                      std::vector<core::Intent>& out);
void draw_city(const core::Session& session, const ViewContext& ctx,
               std::vector<core::Intent>& out);
void draw_languages(const core::Session& session, const ViewContext& ctx,
                    std::vector<core::Intent>& out);
void draw_education(const core::Session& session, const ViewContext& ctx,
                    std::vector<core::Intent>& out);
void draw_occupations(const core::Session& session, const ViewContext& ctx,
                      std::vector<core::Intent>& out);
void draw_work_history(const core::Session& session, const ViewContext& ctx,
                       std::vector<core::Intent>& out);
void draw_prior_learning(const core::Session& session, const ViewContext& ctx,
                         std::vector<core::Intent>& out);
void draw_availability(const core::Session& session, const ViewContext& ctx,
                       std::vector<core::Intent>& out);
void draw_preferences(const core::Session& session, const ViewContext& ctx,
                      std::vector<core::Intent>& out);

// Screen::Review: every answer, scrollable, each with "change" (GoTo{screen}); "save" (Submit).
// Hit ids: "review.change.<screen name>", "review.submit", "nav.back".
void draw_review(const core::Session& session, const ViewContext& ctx,
                 std::vector<core::Intent>& out);
// Screen::Done: the reference code, large, and as a QR code; "finish" (EndSession).
void draw_done(const core::Session& session, const ViewContext& ctx,
               std::vector<core::Intent>& out);

// Staff-assisted mode.
void draw_staff_pin(const core::Session& session, const ViewContext& ctx,
                    std::vector<core::Intent>& out);
void draw_staff_menu(const core::Session& session, const ViewContext& ctx,
                     std::vector<core::Intent>& out);
void draw_staff_status(const core::Session& session, const ViewContext& ctx,
                       std::vector<core::Intent>& out);
void draw_staff_settings(const core::Session& session, const ViewContext& ctx,
                         std::vector<core::Intent>& out);
void draw_staff_new_pin(const core::Session& session, const ViewContext& ctx,
                        std::vector<core::Intent>& out);

// IdlePhase::Warning: "are you still there?", the seconds left, and Continue, which records
// ContinueSession. Hit id: "idle.continue".
void draw_idle_warning(const core::Session& session, const ViewContext& ctx, int seconds_left,
                       std::vector<core::Intent>& out);

}  // namespace kiosk::ui

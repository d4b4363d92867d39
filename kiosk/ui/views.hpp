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

// Stable name of a screen, used in the hit map dump and logs: "welcome", "notice".
std::string_view screen_name(core::Screen screen);

// Screen::Welcome: greeting and one big button per offered language, labelled with its endonym.
// Tapping one records ChooseLanguage{code}. Hit ids: "lang.<code>".
void draw_welcome(const core::Session& session, const ViewContext& ctx,
                  std::vector<core::Intent>& out);

// Screen::Notice: placeholder until the next issue (title and Back only). Hit id: "nav.back".
void draw_notice(const core::Session& session, const ViewContext& ctx,
                 std::vector<core::Intent>& out);

// IdlePhase::Warning: "are you still there?", the seconds left, and Continue, which records
// ContinueSession. Hit id: "idle.continue".
void draw_idle_warning(const core::Session& session, const ViewContext& ctx, int seconds_left,
                       std::vector<core::Intent>& out);

}  // namespace kiosk::ui

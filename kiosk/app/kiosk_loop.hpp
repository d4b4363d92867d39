// The kiosk's frame loop and the state it carries between frames. Split from main() so main
// stays a list of wiring steps.
#pragma once

#include <chrono>
#include <vector>

#include "kiosk/app/options.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/ui/views.hpp"
#include "platform/frame_pacer.hpp"
#include "platform/window.hpp"

namespace kiosk::app {

// Everything the kiosk knows between frames; nothing lives in statics.
struct AppState {
    core::Session session;
    std::vector<core::Intent> intents;  // this frame's, applied after it
    ui::HitMap hits;
    ui::GlyphAudit glyphs;
    platform::FramePacer pacer;
    int frames = 0;
};

// The state a kiosk starts with: a fresh visit on Welcome with the kiosk's settings (the year
// taken from `clock`), or with --lang's language already chosen (for screenshots).
AppState start_app(const Options& options, const Clock& clock);

// Runs until the window closes (returns 0), or until the screenshot of --screenshot was written
// (0) or failed (1). Each turn: sleep until input or a timer, draw the session's screen, apply
// the frame's intents. `started` is when main() began, for --report-startup.
int run_loop(platform::Window& window, const ui::ViewContext& ctx, AppState& app,
             const Options& options, const Clock& clock,
             std::chrono::steady_clock::time_point started);

}  // namespace kiosk::app

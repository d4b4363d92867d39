// The kiosk's frame loop and the state it carries between frames. Split from main() so main
// stays a list of wiring steps.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kiosk/app/jobs.hpp"
#include "kiosk/app/options.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/i18n/catalogue.hpp"
#include "kiosk/i18n/iso_names.hpp"
#include "kiosk/i18n/occupations.hpp"
#include "kiosk/ui/text/text_renderer.hpp"
#include "kiosk/ui/touch_list.hpp"
#include "kiosk/ui/views.hpp"
#include "platform/frame_pacer.hpp"
#include "platform/window.hpp"

namespace kiosk::app {

// What the views draw with: loaded once at start, fixed for the life of the process.
struct ViewResources {
    const i18n::Catalogue* catalogue = nullptr;
    ui::text::TextRenderer* renderer = nullptr;
    ui::Theme theme;
    ui::Fonts fonts;
    const i18n::OccupationCatalogue* occupations = nullptr;
    // Its cache holds every string shaped, typed names included: emptied when a visit ends.
    i18n::Shaper* shaper = nullptr;
};

// iso-codes names by UI language, loaded the first time a screen needs them (a few hundred ms
// for the ~7,000 living languages) and kept: they belong to the kiosk, not to a person.
struct IsoNameCache {
    std::map<std::string, std::vector<i18n::IsoName>, std::less<>> countries;
    std::map<std::string, std::vector<i18n::IsoName>, std::less<>> languages;
};

struct Services;  // effects.hpp

// Everything the kiosk knows between frames; nothing lives in statics.
struct AppState {
    core::Session session;
    std::optional<i18n::Translator> translator;  // for session.language, see view_context()
    std::vector<core::Intent> intents;           // this frame's, applied after it
    ui::HitMap hits;
    ui::GlyphAudit glyphs;
    ui::ScrollMemory scrolls;   // the touch lists' scroll and fling; cleared on a new screen
    std::int64_t unix_now = 0;  // wall time of the frame, for the views (PIN lock countdown)
    platform::FramePacer pacer;
    int frames = 0;
    std::vector<i18n::UiLanguage> offered;  // Welcome's languages, from session.settings
    std::vector<std::string> offered_for;   // the settings.languages `offered` was made for
    IsoNameCache iso;
    ui::KioskStatus status;        // for the staff status screen, read while it is shown
    JobScreens jobs;               // for Jobs and JobDetail, read while one of them shows
    Services* services = nullptr;  // the store and keys the effects use; none in view tests
};

// The kiosk's settings before any are stored: the current year from `clock`, no staff PIN.
core::KioskSettings default_settings(const Clock& clock);

// The state a kiosk starts with: a fresh visit on Welcome with the kiosk's settings (the year
// taken from `clock`), or with --lang's language already chosen (for screenshots).
// `settings` as loaded from the store; without them (view tests) a kiosk with a staff PIN set
// and nothing else configured.
AppState start_app(const Options& options, const Clock& clock,
                   std::optional<core::KioskSettings> settings = std::nullopt);

// The first of `candidates` that is a directory (an installed share/kiosk/<what> before the
// source tree's assets/<what>). Error "app.assets_missing" listing the places searched.
Result<std::filesystem::path> find_asset_dir(std::span<const std::filesystem::path> candidates,
                                             std::string_view what);

// When the loop must draw again without input: the session's timers (core::next_wakeup), and
// every second while the PIN pad is locked, so its countdown moves.
std::optional<Millis> next_frame_due(const AppState& app, Millis now);

// The frame's view context: the session's language, its direction and translator, the app's
// scroll memory and wall time. The translator in `app` is rebuilt only when the session's
// language changed.
ui::ViewContext view_context(const ViewResources& res, AppState& app);

// Exit codes of a --script run (script.hpp): every action passed, the script could not be
// read or parsed, an action failed (or the window closed before the end).
inline constexpr int kScriptPassed = 0;
inline constexpr int kScriptUnreadable = 2;
inline constexpr int kScriptFailed = 3;

// Runs until the window closes (returns 0), or until the screenshot of --screenshot was written
// (0) or failed (1), or until --script's script ended (kScript*). Each turn: sleep until input
// or a timer (never while a script runs: its frames follow each other at up to 60 Hz), draw the
// session's screen, apply the frame's intents. `started` is when main() began, for
// --report-startup.
int run_loop(platform::Window& window, const ViewResources& res, AppState& app,
             const Options& options, const Clock& clock,
             std::chrono::steady_clock::time_point started);

}  // namespace kiosk::app

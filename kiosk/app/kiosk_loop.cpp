// The event-driven frame loop (see platform/frame_pacer.hpp for why it sleeps).
#include "kiosk/app/kiosk_loop.hpp"

#include <GLFW/glfw3.h>  // glFinish, for --frame-times
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <system_error>
#include <variant>

#include "kiosk/app/effects.hpp"
#include "kiosk/app/script.hpp"
#include "kiosk/app/staff_effects.hpp"
#include "kiosk/ui/layout.hpp"
#include "platform/log.hpp"
#include "platform/paths.hpp"

namespace kiosk::app {

namespace {

// A script's frame period: what a person's 60 Hz screen shows.
constexpr Millis kScriptFrame{16};

// --screenshot: the frame just rendered, read back before the swap, and its hit map.
Status write_screenshot(const platform::Window& window, const ui::HitMap& hits,
                        const Options& options) {
    if (auto png = platform::write_png(*options.screenshot, window.capture()); !png) {
        return png;
    }
    if (options.dump_layout) {
        return platform::write_text_file(*options.dump_layout, ui::to_json(hits));
    }
    return Ok{};
}

// The calendar year at `unix_seconds` (UTC), for the registration's date checks.
int year_of(std::int64_t unix_seconds) {
    const std::chrono::sys_days day = std::chrono::floor<std::chrono::days>(
        std::chrono::sys_seconds{std::chrono::seconds{unix_seconds}});
    return static_cast<int>(std::chrono::year_month_day{day}.year());
}

// --script: shows the runner the frame just drawn (read back before the swap for a
// screenshot), then sets the finger and the clock jump it wants for the next frame. Returns the
// exit code once the script has ended.
std::optional<int> drive_script(ScriptRunner& script, const platform::Window& window,
                                const ViewResources& res, const AppState& app, bool quiet,
                                OffsetClock& clock,
                                std::optional<platform::PointerSample>& finger) {
    const std::vector<std::string> drawn = res.renderer->take_drawn();
    FrameSeen seen;
    seen.hits = &app.hits;
    seen.drawn = drawn;
    seen.now = clock.monotonic();
    seen.screen_since = app.session.screen_since;
    seen.quiet = quiet;
    seen.keyboard_layout = app.session.keyboard.layout;
    const FrameRequest request = script.after_frame(seen);
    if (request.screenshot) {
        const Status written = platform::write_png(*request.screenshot, window.capture());
        if (!written) {
            script.screenshot_failed(written.error(), seen);
        }
    }
    if (script.failure()) {
        std::fputs(describe(*script.failure()).c_str(), stderr);
        return kScriptFailed;
    }
    if (script.finished()) {
        return kScriptPassed;
    }
    finger = request.finger;
    clock.advance(request.advance);
    return std::nullopt;
}

// --frame-times: one frame's time and what it showed.
struct FrameTime {
    double ms = 0;
    double ui_ms = 0;  // of which: reading the store and drawing the views (no GL yet)
    core::Screen screen = core::Screen::Welcome;
    bool scrolled = false;  // the Jobs list's offset changed in this frame
};

Status write_frame_times(const std::filesystem::path& path, const std::vector<FrameTime>& times) {
    std::string csv = "frame,ms,ui_ms,screen,scrolled\n";
    char line[96];
    for (std::size_t i = 0; i < times.size(); ++i) {
        std::snprintf(line, sizeof line, "%zu,%.3f,%.3f,", i, times[i].ms, times[i].ui_ms);
        csv += line;
        csv += ui::screen_name(times[i].screen);
        csv += times[i].scrolled ? ",1\n" : ",0\n";
    }
    return platform::write_text_file(path, csv);
}

// The rows the Jobs list must hold before the frame: as far as it is scrolled, a screen more
// (rows are at least a button high) and a page ahead, so a fling never meets the end of what
// was read.
std::size_t job_rows_wanted(const AppState& app, const ViewResources& res) {
    const ui::ScrollState* list = app.scrolls.find("jobs");
    const float offset = list != nullptr ? list->offset : 0.0F;
    const float screen_h = std::max(ImGui::GetIO().DisplaySize.y, 1080.0F);
    const float pitch = res.theme.button_h + res.theme.gap;
    return static_cast<std::size_t>((offset + screen_h) / pitch) + kJobPage;
}

}  // namespace

Result<std::filesystem::path> find_asset_dir(std::span<const std::filesystem::path> candidates,
                                             std::string_view what) {
    std::string searched;
    for (const auto& dir : candidates) {
        std::error_code ec;
        if (std::filesystem::is_directory(dir, ec)) {
            return dir;
        }
        searched += (searched.empty() ? "" : ", ") + dir.string();
    }
    return make_error("app.assets_missing",
                      "no " + std::string(what) + " directory; searched " + searched);
}

namespace {

// Which screens list or show countries and languages by name.
bool shows_countries(core::Screen screen) {
    return screen == core::Screen::Nationality || screen == core::Screen::WorkHistory ||
           screen == core::Screen::Review;
}
bool shows_languages(core::Screen screen) {
    return screen == core::Screen::Languages || screen == core::Screen::Review ||
           screen == core::Screen::Jobs ||     // "You speak Turkish B1" on a ranked row
           screen == core::Screen::JobDetail;  // "Turkish B1" among the facts
}

// The cached names for the session's language, loaded on the first screen that needs them;
// null when iso-codes cannot be read (logged once per language; the views show codes).
template <typename Load>
const std::vector<i18n::IsoName>* cached_names(
    std::map<std::string, std::vector<i18n::IsoName>, std::less<>>& cache,
    const std::string& language, bool needed, Load load) {
    auto it = cache.find(language);
    if (it == cache.end()) {
        if (!needed) {
            return nullptr;
        }
        auto names = load(language);
        if (!names) {
            platform::log_error(names.error().code, names.error().message);
        }
        it =
            cache.emplace(language, names ? std::move(names).value() : std::vector<i18n::IsoName>{})
                .first;
    }
    return it->second.empty() ? nullptr : &it->second;
}

const std::vector<i18n::IsoName>* iso_countries(AppState& app) {
    return cached_names(app.iso.countries, app.session.language,
                        shows_countries(app.session.screen),
                        [](const std::string& lang) { return i18n::load_countries(lang); });
}

const std::vector<i18n::IsoName>* iso_languages(AppState& app) {
    return cached_names(app.iso.languages, app.session.language,
                        shows_languages(app.session.screen), [](const std::string& lang) {
                            return i18n::load_languages(lang, i18n::LanguageSet::living);
                        });
}

}  // namespace

namespace {

// When a visit has just ended (reset by the idle timer or by the person), the shaper's cache
// still holds what they typed, shaped: empty it, so nothing of them stays in the app's memory.
void forget_if_visit_ended(const ViewResources& res, const AppState& app, bool& pristine) {
    const bool now_pristine = core::is_pristine(app.session);
    if (now_pristine && !pristine && res.shaper != nullptr) {
        res.shaper->clear_cache();
    }
    pristine = now_pristine;
}

}  // namespace

std::optional<Millis> next_frame_due(const AppState& app, Millis now) {
    std::optional<Millis> due = core::next_wakeup(app.session, now);
    const bool on_pad = app.session.screen == core::Screen::StaffPin ||
                        app.session.screen == core::Screen::StaffNewPin;
    if (on_pad && app.session.pin.locked_until > app.unix_now) {
        const Millis next_second = now + Millis{1000};
        if (!due || next_second < *due) {
            due = next_second;
        }
    }
    return due;
}

ui::ViewContext view_context(const ViewResources& res, AppState& app) {
    i18n::DigitSettings digits;
    digits.counts =
        app.session.settings.native_digits ? i18n::DigitStyle::native : i18n::DigitStyle::western;
    if (!app.translator || app.translator->language() != app.session.language ||
        app.translator->digits().counts != digits.counts) {
        app.translator.emplace(res.catalogue->translator(app.session.language, digits));
    }
    ui::ViewContext ctx;
    ctx.catalogue = res.catalogue;
    ctx.translator = &*app.translator;
    ctx.direction = ui::ui_direction(app.session.language);
    if (app.offered.empty() || app.offered_for != app.session.settings.languages) {
        app.offered = offered_languages(app.session.settings);
        app.offered_for = app.session.settings.languages;
    }
    ctx.languages = app.offered;
    ctx.occupations = res.occupations;
    ctx.iso_countries = iso_countries(app);
    ctx.iso_languages = iso_languages(app);
    ctx.status = &app.status;
    ctx.jobs = &app.jobs.list;
    ctx.job = app.jobs.detail ? &*app.jobs.detail : nullptr;
    ctx.job_facts = &app.jobs.facts;
    ctx.default_language = app.session.settings.default_language;
    ctx.theme = res.theme;
    ctx.fonts = res.fonts;
    ctx.renderer = res.renderer;
    ctx.hits = &app.hits;
    ctx.glyphs = &app.glyphs;
    ctx.scrolls = &app.scrolls;
    ctx.unix_now = app.unix_now;
    return ctx;
}

core::KioskSettings default_settings(const Clock& clock) {
    core::KioskSettings settings;
    settings.current_year = year_of(clock.unix_seconds());
    return settings;
}

AppState start_app(const Options& options, const Clock& clock,
                   std::optional<core::KioskSettings> stored) {
    core::KioskSettings settings = stored.value_or(default_settings(clock));
    settings.current_year = year_of(clock.unix_seconds());
    if (!stored) {
        settings.staff_pin_set = true;
    }
    AppState app;
    app.session = core::fresh_session(settings, clock.monotonic());
    app.unix_now = clock.unix_seconds();
    if (options.language) {
        app.session =
            core::reduce(app.session, core::ChooseLanguage{*options.language}, clock.monotonic());
    }
    if (options.screen) {
        // For screenshots and development: the screen as it first appears, with no answers.
        app.session.screen = *options.screen;
        app.session.staff_mode = *options.screen >= core::Screen::StaffMenu;
    }
    return app;
}

int run_loop(platform::Window& window, const ViewResources& res, AppState& app,
             const Options& options, const Clock& system_clock,
             std::chrono::steady_clock::time_point started) {
    std::optional<ScriptRunner> script;
    if (options.script) {
        auto loaded = load_script(*options.script);
        if (!loaded) {
            std::fprintf(stderr, "kiosk: %s: %s\n", options.script->c_str(),
                         loaded.error().message.c_str());
            return kScriptUnreadable;
        }
        script.emplace(std::move(*loaded));
        res.renderer->record_drawn(true);  // for `expect`
    }
    // The app's time: the system's, plus the jumps a script's `idle` makes.
    OffsetClock clock(system_clock);
    std::optional<platform::PointerSample> finger;  // the script's, for the next frame
    Millis frame_started = system_clock.monotonic();
    bool pristine = core::is_pristine(app.session);
    std::vector<FrameTime> frame_times;
    float jobs_offset = 0;  // the Jobs list's, after the previous frame (--frame-times)
    // Written however the loop ends.
    const auto finish = [&](int code) {
        if (options.frame_times) {
            const Status written = write_frame_times(*options.frame_times, frame_times);
            if (!written) {
                platform::log_error(written.error().code, written.error().message);
            }
        }
        return code;
    };

    while (!window.should_close()) {
        // Sleep until input, or until the idle timers (or the warning's countdown) need a
        // frame; a pristine session has no timer, so an untouched kiosk sleeps indefinitely.
        // A script's frames follow each other at 60 Hz (it is the only input).
        const Millis before = clock.monotonic();
        std::optional<Millis> sleep = app.pacer.sleep_for(before, next_frame_due(app, before));
        if (script) {
            const Millis spent = system_clock.monotonic() - frame_started;
            sleep = spent < kScriptFrame ? kScriptFrame - spent : Millis{0};
        }
        if (window.wait(sleep)) {
            app.pacer.on_activity();
        }
        frame_started = system_clock.monotonic();
        const auto frame_start = std::chrono::steady_clock::now();
        const Millis now = clock.monotonic();
        const core::Screen screen_before = app.session.screen;
        const core::Session ticked = core::tick(app.session, now);
        const bool timers_changed = ticked != app.session;
        if (timers_changed) {
            app.pacer.on_activity();  // warning shown or session reset: settle the new screen
        }
        app.session = ticked;
        if (app.services != nullptr) {
            refresh_job_screens(*app.services->db, app.session,
                                iso_day(app.services->clock->unix_seconds()), app.jobs,
                                job_rows_wanted(app, res));
        }
        forget_if_visit_ended(res, app, pristine);
        app.unix_now = clock.unix_seconds();
        const ui::ViewContext ctx = view_context(res, app);
        window.begin_frame(finger);
        ui::draw_screen(app.session, ctx, now, app.intents);
        const auto frame_built = std::chrono::steady_clock::now();
        // A held key repeats (backspace) and shows its pressed state while the finger stays.
        const bool holding = ImGui::IsAnyItemActive();
        window.render(ctx.theme.colors.background, [&res]() { res.renderer->flush(); });
        const bool redraw = res.renderer->wants_redraw();  // a full cache dropped glyphs
        const bool had_intents = !app.intents.empty();
        // What the Jobs list was read for: another search or filter starts it at the top.
        const core::JobFilters filters_before = app.session.job_filters;
        const std::string search_before = app.session.search;
        for (auto& intent : app.intents) {
            if (auto* accept = std::get_if<core::AcceptConsent>(&intent)) {
                accept->unix_seconds = clock.unix_seconds();  // views read no clock
            }
            app.session = core::reduce(app.session, intent, clock.monotonic());
        }
        app.intents.clear();
        // What the session now waits for (a registration to store, a PIN to check) is done
        // with the store, and its answer applied, before the next frame is drawn.
        if (app.services != nullptr && run_effects(app.session, *app.services)) {
            app.pacer.on_activity();
        }
        if (app.services != nullptr && app.session.screen == core::Screen::StaffStatus) {
            if (auto status = read_kiosk_status(*app.services->db)) {
                app.status = std::move(status).value();
            }
        }
        forget_if_visit_ended(res, app, pristine);
        if (app.session.screen == core::Screen::Jobs && screen_before == core::Screen::Jobs &&
            (app.session.job_filters != filters_before || app.session.search != search_before)) {
            app.scrolls.at("jobs") = ui::ScrollState{};
        }
        if (app.session.screen != screen_before) {
            // The list, an offer and its code screen: Back returns to the row the person opened.
            const auto jobs_side = [](core::Screen s) {
                return s == core::Screen::Jobs || s == core::Screen::JobDetail ||
                       s == core::Screen::InterestCode;
            };
            const bool job_screens = jobs_side(screen_before) && jobs_side(app.session.screen);
            if (job_screens) {
                app.scrolls.keep_only("jobs");  // Back returns to the row the person opened
            } else {
                app.scrolls.clear();  // a new screen starts at the top of its lists
            }
        }
        const bool animating = app.scrolls.animating();
        // Draw on while something moves: new screens settle, flings glide, held keys repeat.
        if (had_intents || holding || animating || redraw) {
            app.pacer.on_activity();
        }
        for (const char32_t c : app.glyphs.take_new()) {
            platform::log_warn("ui.glyph", "no glyph for " + ui::code_point_name(c));
        }
        ++app.frames;
        if (options.screenshot && app.frames == platform::FramePacer::kSettleFrames) {
            const Status written = write_screenshot(window, app.hits, options);
            if (!written) {
                platform::log_error(written.error().code, written.error().message);
            }
            return finish(written ? 0 : 1);
        }
        if (script) {
            const bool quiet = !(timers_changed || had_intents || holding || animating || redraw);
            if (const auto exit_code =
                    drive_script(*script, window, res, app, quiet, clock, finger)) {
                return finish(*exit_code);
            }
        }
        window.present();
        if (options.frame_times) {
            glFinish();  // the software renderer's work, when it is deferred past the swap
            const ui::ScrollState* list = app.scrolls.find("jobs");
            const float offset = list != nullptr ? list->offset : 0.0F;
            const std::chrono::duration<double, std::milli> ms =
                std::chrono::steady_clock::now() - frame_start;
            const std::chrono::duration<double, std::milli> ui_ms = frame_built - frame_start;
            frame_times.push_back(
                FrameTime{ms.count(), ui_ms.count(), screen_before, offset != jobs_offset});
            jobs_offset = offset;
        }
        app.pacer.frame_drawn();
        if (options.report_startup && app.frames == 1) {
            const std::chrono::duration<double, std::milli> ms =
                std::chrono::steady_clock::now() - started;
            std::printf("kiosk: first frame presented after %.1f ms\n", ms.count());
            std::fflush(stdout);
        }
    }
    if (script) {
        std::fputs("kiosk: the window closed before the script ended\n", stderr);
        return finish(kScriptFailed);
    }
    return finish(0);
}

}  // namespace kiosk::app

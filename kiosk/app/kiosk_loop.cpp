// The event-driven frame loop (see platform/frame_pacer.hpp for why it sleeps).
#include "kiosk/app/kiosk_loop.hpp"

#include <cstdio>
#include <system_error>

#include "kiosk/ui/layout.hpp"
#include "platform/log.hpp"
#include "platform/paths.hpp"

namespace kiosk::app {

namespace {

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

ui::ViewContext view_context(const ViewResources& res, AppState& app) {
    if (!app.translator || app.translator->language() != app.session.language) {
        app.translator.emplace(res.catalogue->translator(app.session.language));
    }
    ui::ViewContext ctx;
    ctx.catalogue = res.catalogue;
    ctx.translator = &*app.translator;
    ctx.direction = ui::ui_direction(app.session.language);
    ctx.languages = res.languages;
    ctx.default_language = app.session.settings.default_language;
    ctx.theme = res.theme;
    ctx.fonts = res.fonts;
    ctx.renderer = res.renderer;
    ctx.hits = &app.hits;
    ctx.glyphs = &app.glyphs;
    return ctx;
}

AppState start_app(const Options& options, const Clock& clock) {
    core::KioskSettings settings;
    settings.current_year = year_of(clock.unix_seconds());
    settings.staff_pin_set = true;  // TODO(staff store): read from the kiosk's settings
    AppState app;
    app.session = core::fresh_session(settings, clock.monotonic());
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
             const Options& options, const Clock& clock,
             std::chrono::steady_clock::time_point started) {
    while (!window.should_close()) {
        // Sleep until input, or until the idle timers (or the warning's countdown) need a
        // frame; a pristine session has no timer, so an untouched kiosk sleeps indefinitely.
        const Millis before = clock.monotonic();
        if (window.wait(app.pacer.sleep_for(before, core::next_wakeup(app.session, before)))) {
            app.pacer.on_activity();
        }
        const Millis now = clock.monotonic();
        const core::Session ticked = core::tick(app.session, now);
        if (ticked != app.session) {
            app.pacer.on_activity();  // warning shown or session reset: settle the new screen
        }
        app.session = ticked;
        const ui::ViewContext ctx = view_context(res, app);
        window.begin_frame();
        ui::draw_screen(app.session, ctx, now, app.intents);
        window.render(ctx.theme.colors.background, [&res]() { res.renderer->flush(); });
        if (res.renderer->wants_redraw()) {
            app.pacer.on_activity();  // a full glyph cache dropped glyphs: draw them next frame
        }
        for (const auto& intent : app.intents) {
            app.session = core::reduce(app.session, intent, clock.monotonic());
        }
        if (!app.intents.empty()) {
            app.pacer.on_activity();  // a new screen needs its settle frames
        }
        app.intents.clear();
        for (const char32_t c : app.glyphs.take_new()) {
            platform::log_warn("ui.glyph", "no glyph for " + ui::code_point_name(c));
        }
        ++app.frames;
        if (options.screenshot && app.frames == platform::FramePacer::kSettleFrames) {
            const Status written = write_screenshot(window, app.hits, options);
            if (!written) {
                platform::log_error(written.error().code, written.error().message);
            }
            return written ? 0 : 1;
        }
        window.present();
        app.pacer.frame_drawn();
        if (options.report_startup && app.frames == 1) {
            const std::chrono::duration<double, std::milli> ms =
                std::chrono::steady_clock::now() - started;
            std::printf("kiosk: first frame presented after %.1f ms\n", ms.count());
            std::fflush(stdout);
        }
    }
    return 0;
}

}  // namespace kiosk::app

// The event-driven frame loop (see platform/frame_pacer.hpp for why it sleeps).
#include "kiosk/app/kiosk_loop.hpp"

#include <cstdio>

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

}  // namespace

int run_loop(platform::Window& window, const ui::ViewContext& ctx, AppState& app,
             const Options& options, const Clock& clock,
             std::chrono::steady_clock::time_point started) {
    while (!window.should_close()) {
        // TODO(idle timers): pass core::next_deadline(app.session) and call core::tick() here
        // once the session's idle timers land in kiosk/core.
        if (window.wait(app.pacer.sleep_for(clock.monotonic(), std::nullopt))) {
            app.pacer.on_activity();
        }
        window.begin_frame();
        ui::draw_screen(app.session, ctx, app.intents);
        window.render(ctx.theme.colors.background);
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

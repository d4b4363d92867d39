// The kiosk executable: wires the database (store), the window (platform), the views (ui) and
// the session reducer (core) together. Each step says why; behaviour lives in the libraries.
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "kiosk/app/kiosk_loop.hpp"
#include "kiosk/app/options.hpp"
#include "kiosk/app/placeholder_text.hpp"
#include "kiosk/store/database.hpp"
#include "platform/log.hpp"
#include "platform/paths.hpp"

namespace {

int fail(const kiosk::Error& e) {
    kiosk::platform::log_error(e.code, e.message);
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace kiosk;
    const auto started = std::chrono::steady_clock::now();
    const SystemClock clock;

    // 1. Options: strict, so a typo in the kiosk's session file is seen at once.
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    const auto options = app::parse_options(args);
    if (!options) {
        std::fprintf(stderr, "kiosk: %s\n%s", options.error().message.c_str(), app::usage().data());
        return 2;
    }
    if (options->help) {
        std::fputs(app::usage().data(), stdout);
        return 0;
    }

    // 2. The data directory holds the kiosk's database: without it nothing could be saved.
    auto data_dir = options->data_dir ? Result(*options->data_dir) : platform::default_data_dir();
    if (!data_dir) {
        return fail(data_dir.error());
    }
    if (auto made = platform::ensure_private_dir(*data_dir); !made) {
        return fail(made.error());
    }
    // The database is opened (and migrated) before any window: a kiosk that cannot save must
    // say so to staff at once, not after someone has filled in a form.
    auto database = store::Database::open(*data_dir / "kiosk.db");
    if (!database) {
        return fail(database.error());
    }

    // 3. The window, then theme and fonts sized to it (sizes are multiples of the font size).
    auto window = platform::Window::open({options->width, options->height, options->fullscreen});
    if (!window) {
        return fail(window.error());
    }
    platform::Window& win = **window;
    const ui::Theme theme = ui::make_theme(win.framebuffer_width(), win.framebuffer_height());
    ui::configure_touch_io(ImGui::GetIO(), theme);
    ui::apply_theme(theme, ImGui::GetStyle());
    const std::vector<std::filesystem::path> font_overrides = {KIOSK_INSTALLED_FONTS_DIR,
                                                               KIOSK_ASSETS_DIR "/fonts"};
    auto fonts = ui::load_fonts(*ImGui::GetIO().Fonts, theme, ui::font_search_dirs(font_overrides));
    if (!fonts) {
        return fail(fonts.error());
    }
    win.upload_fonts();  // and free the atlas' CPU copy

    // 4. A visit starts on Welcome, or with a language already chosen (for screenshots).
    app::AppState state = app::start_app(*options, clock);
    // Visible strings go through the catalogue by key; English placeholders until it is wired.
    const ui::ViewContext ctx{app::placeholder_english_text,
                              i18n::shipped_languages(),
                              theme,
                              *fonts,
                              &state.hits,
                              &state.glyphs};

    // 5. Draw until the window closes (or the screenshot is taken).
    return app::run_loop(win, ctx, state, *options, clock, started);
}

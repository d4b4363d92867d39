// The kiosk executable: wires the database (store), the window (platform), the text stack
// (i18n catalogue, fonts, shaper, glyph cache) and the views (ui) together. Each step says why;
// behaviour lives in the libraries.
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "kiosk/app/effects.hpp"
#include "kiosk/app/kiosk_loop.hpp"
#include "kiosk/app/options.hpp"
#include "kiosk/app/staff_effects.hpp"
#include "kiosk/i18n/catalogue.hpp"
#include "kiosk/i18n/font_set.hpp"
#include "kiosk/i18n/occupations.hpp"
#include "kiosk/i18n/shaper.hpp"
#include "kiosk/i18n/text_command.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/ui/text/gl_texture_backend.hpp"
#include "kiosk/ui/text/glyph_cache.hpp"
#include "kiosk/ui/text/text_renderer.hpp"
#include "platform/log.hpp"
#include "platform/paths.hpp"

namespace {

int fail(const kiosk::Error& e) {
    kiosk::platform::log_error(e.code, e.message);
    return 1;
}

// Installed assets first, then the source tree's (a developer's build runs from it).
kiosk::i18n::FontSearch font_search() {
    return kiosk::i18n::FontSearch{{KIOSK_INSTALLED_DATA_DIR "/fonts", KIOSK_ASSETS_DIR "/fonts"},
                                   true};
}

}  // namespace

int main(int argc, char** argv) {
    using namespace kiosk;
    const auto started = std::chrono::steady_clock::now();

    // 0. `kiosk text ...`: the translators' shaping tool, with the kiosk's own fonts; no window.
    if (argc > 1 && std::string_view(argv[1]) == "text") {
        const std::vector<std::string> words(argv + 1, argv + argc);
        return i18n::run_text_command(words, std::cout, std::cerr, font_search());
    }
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

    // The kiosk's settings (staff PIN set? languages offered, idle times) and the server's
    // public key, which every registration is sealed to (sync/README.md, "Before enrolment").
    auto settings = app::load_settings(*database, app::default_settings(clock));
    if (!settings) {
        return fail(settings.error());
    }
    const std::vector<std::filesystem::path> key_files = {*data_dir / "server.pub",
                                                          "/etc/kiosk/server.pub"};
    auto server_key = app::load_server_key(key_files);
    if (!server_key) {
        return fail(server_key.error());
    }
    if (server_key->empty()) {
        platform::log_warn("app.no_server_key",
                           "no server.pub installed: registrations will be refused");
    }

    // 3. Text: the catalogue and the fonts, before the window, so a broken install says so
    // without flashing a window.
    const std::vector<std::filesystem::path> i18n_dirs = {KIOSK_INSTALLED_DATA_DIR "/i18n",
                                                          KIOSK_ASSETS_DIR "/i18n"};
    auto i18n_dir = app::find_asset_dir(i18n_dirs, "i18n");
    if (!i18n_dir) {
        return fail(i18n_dir.error());
    }
    auto catalogue = i18n::Catalogue::load_directory(*i18n_dir);
    if (!catalogue) {
        return fail(catalogue.error());
    }
    catalogue->set_log_sink(
        [](std::string_view line) { platform::log_warn("i18n.missing", std::string(line)); });
    auto font_set = i18n::FontSet::load(font_search());
    if (!font_set) {
        return fail(font_set.error());
    }
    i18n::Shaper shaper(*font_set);
    const std::vector<std::filesystem::path> occupation_dirs = {
        KIOSK_INSTALLED_DATA_DIR "/occupations", KIOSK_ASSETS_DIR "/occupations"};
    auto occupation_dir = app::find_asset_dir(occupation_dirs, "occupations");
    if (!occupation_dir) {
        return fail(occupation_dir.error());
    }
    auto occupations = i18n::OccupationCatalogue::load_directory(*occupation_dir);
    if (!occupations) {
        return fail(occupations.error());
    }

    // 4. The window, then theme and ImGui's own small font sized to it.
    auto window = platform::Window::open({options->width, options->height, options->fullscreen});
    if (!window) {
        return fail(window.error());
    }
    platform::Window& win = **window;
    const ui::Theme theme = ui::make_theme(win.framebuffer_width(), win.framebuffer_height());
    ui::configure_touch_io(ImGui::GetIO(), theme);
    ui::apply_theme(theme, ImGui::GetStyle());
    auto fonts = ui::load_fonts(*ImGui::GetIO().Fonts, theme, *font_set);
    if (!fonts) {
        return fail(fonts.error());
    }
    win.upload_fonts();  // and free the atlas' CPU copy

    // 5. The shaped-text renderer. Declared after the window, so its textures are destroyed
    // while the GL context still exists.
    ui::text::GlTextureBackend textures;
    ui::text::GlyphCache glyph_cache(textures);
    auto renderer = ui::text::TextRenderer::create(shaper, glyph_cache);
    if (!renderer) {
        return fail(renderer.error());
    }

    // 6. A visit starts on Welcome (on first start: the staff PIN pad), or with a language
    // already chosen (for screenshots). The effects reach the store through `services`.
    app::AppState state = app::start_app(*options, clock, *std::move(settings));
    app::ViewResources resources{&*catalogue, &*renderer, theme, *fonts};
    resources.occupations = &*occupations;
    resources.shaper = &shaper;
    core::SystemRandom random;
    app::Services services{&*database, std::move(*server_key), &random, &clock};
    state.services = &services;

    // 7. Draw until the window closes (or the screenshot is taken).
    return app::run_loop(win, resources, state, *options, clock, started);
}

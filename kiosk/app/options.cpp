// Command-line parsing: strict (an unknown or malformed argument is an error, not ignored), so
// a typo in a kiosk's session file shows up at once.
#include "kiosk/app/options.hpp"

#include <charconv>

#include "kiosk/i18n/languages.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::app {

namespace {

bool parse_int(std::string_view s, int& out) {
    const auto* end = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(s.data(), end, out);
    return ec == std::errc{} && ptr == end;
}

// "1920x1080" → 1920, 1080; both within what a screen can be.
bool parse_size(std::string_view s, int& w, int& h) {
    const auto x = s.find('x');
    if (x == std::string_view::npos || !parse_int(s.substr(0, x), w) ||
        !parse_int(s.substr(x + 1), h)) {
        return false;
    }
    return w >= 320 && h >= 240 && w <= 16384 && h <= 16384;
}

// The screen whose ui::screen_name() is `name`.
std::optional<core::Screen> screen_named(std::string_view name) {
    for (int i = 0; i <= static_cast<int>(core::Screen::StaffNewPin); ++i) {
        const auto screen = static_cast<core::Screen>(i);
        if (ui::screen_name(screen) == name) {
            return screen;
        }
    }
    return std::nullopt;
}

Error usage_error(std::string message) {
    return make_error("app.usage", std::move(message));
}

}  // namespace

std::string_view usage() {
    return "usage: kiosk [--fullscreen] [--size WxH] [--data-dir DIR] [--lang CODE]\n"
           "             [--screenshot PNG] [--dump-layout JSON] [--report-startup]\n"
           "             [--screen NAME]   (start on a screen: welcome, notice, name, ...)\n"
           "             [--script FILE]   (run the actions in FILE against the window; exit 0\n"
           "                                when all pass, 3 at the first that fails; README)\n"
           "             [--frame-times CSV] (each frame's time to after the swap, written at "
           "exit)\n"
           "       kiosk text shape --lang CODE TEXT   (the glyphs the kiosk draws for TEXT)\n";
}

Result<Options> parse_options(std::span<const std::string_view> args) {
    Options o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        const bool has_value = i + 1 < args.size();
        auto needs_value = [&]() { return usage_error(std::string(arg) + " needs a value"); };
        if (arg == "--fullscreen") {
            o.fullscreen = true;
        } else if (arg == "--report-startup") {
            o.report_startup = true;
        } else if (arg == "--help" || arg == "-h") {
            o.help = true;
        } else if (arg == "--size") {
            if (!has_value) {
                return needs_value();
            }
            if (!parse_size(args[++i], o.width, o.height)) {
                return usage_error("--size wants WIDTHxHEIGHT, e.g. 1920x1080, not '" +
                                   std::string(args[i]) + "'");
            }
        } else if (arg == "--screenshot" || arg == "--dump-layout" || arg == "--data-dir" ||
                   arg == "--lang" || arg == "--screen" || arg == "--script" ||
                   arg == "--frame-times") {
            if (!has_value || args[i + 1].empty()) {
                return needs_value();
            }
            const std::string_view value = args[++i];
            if (arg == "--screenshot") {
                o.screenshot = value;
            } else if (arg == "--dump-layout") {
                o.dump_layout = value;
            } else if (arg == "--screen") {
                o.screen = screen_named(value);
                if (!o.screen) {
                    return usage_error("--screen: no screen is called '" + std::string(value) +
                                       "'");
                }
            } else if (arg == "--data-dir") {
                o.data_dir = value;
            } else if (arg == "--script") {
                o.script = value;
            } else if (arg == "--frame-times") {
                o.frame_times = value;
            } else {
                if (!i18n::find_language(value)) {
                    return usage_error("--lang: '" + std::string(value) +
                                       "' is not a shipped language");
                }
                o.language = value;
            }
        } else {
            return usage_error("unknown argument '" + std::string(arg) + "'");
        }
    }
    if (o.script && o.screenshot) {
        return usage_error(
            "--script and --screenshot do not go together: a script takes its "
            "own screenshots (screenshot FILE)");
    }
    if (o.dump_layout && !o.screenshot) {
        return usage_error("--dump-layout is written with --screenshot; pass both");
    }
    return o;
}

}  // namespace kiosk::app

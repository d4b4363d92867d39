// The kiosk's command line. Everything has a default that suits a developer's desk; the kiosk
// session (packaging/) passes --fullscreen.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "kiosk/core/result.hpp"
#include "kiosk/core/session.hpp"

namespace kiosk::app {

struct Options {
    bool fullscreen = false;
    int width = 1280;  // --size WxH, windowed only
    int height = 800;
    std::optional<std::filesystem::path> screenshot;   // write a PNG of the first frame, exit
    std::optional<std::filesystem::path> dump_layout;  // write the hit map JSON with it
    std::optional<std::filesystem::path> data_dir;     // instead of the XDG data directory
    std::optional<std::string> language;               // start with this language chosen
    std::optional<core::Screen> screen;  // --screen NAME: start on this screen (screenshots)
    std::optional<std::filesystem::path> script;  // --script FILE: drive the window (script.hpp)
    bool report_startup = false;                  // print the first frame's time
    // --frame-times FILE: each frame's time, from the end of the wait for input to after the
    // swap and glFinish (CPU and GPU), written as CSV when the loop ends (tests/bench).
    std::optional<std::filesystem::path> frame_times;
    bool help = false;
};

// Parses argv[1..]. Error "app.usage" naming the bad argument.
Result<Options> parse_options(std::span<const std::string_view> args);

// The --help text.
std::string_view usage();

}  // namespace kiosk::app

// Screenshots of the kiosk's own window: read back what was drawn and save it as PNG, for the
// end-to-end tests and for documentation. Only used on request (--screenshot).
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "kiosk/core/result.hpp"

namespace kiosk::platform {

// RGBA, 8 bits per channel, rows top to bottom.
struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;
};

// Reads the current GL read buffer (the back buffer before the swap) of size width×height.
// Needs a current GL context.
Image read_framebuffer(int width, int height);

// Writes `image` as a PNG file. Error "platform.png_write" when the file cannot be written.
Status write_png(const std::filesystem::path& path, const Image& image);

}  // namespace kiosk::platform

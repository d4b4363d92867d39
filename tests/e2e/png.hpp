// A screenshot read back for the end-to-end tests: RGBA pixels from a PNG (stb_image, linked
// through kiosk_ui), and a pixel as 0xRRGGBB.
#pragma once

#include <stb_image.h>

#include <cstdint>
#include <filesystem>
#include <memory>

namespace kiosk::test {

struct Png {
    int width = 0;
    int height = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> pixels{nullptr, stbi_image_free};

    std::uint32_t rgb(int x, int y) const {
        const unsigned char* p = pixels.get() + (static_cast<std::size_t>(y) * width + x) * 4;
        return (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2];
    }
};

// Empty (no pixels) when the file cannot be read.
inline Png load_png(const std::filesystem::path& path) {
    Png png;
    int channels = 0;
    png.pixels.reset(stbi_load(path.c_str(), &png.width, &png.height, &channels, 4));
    return png;
}

}  // namespace kiosk::test

// A tiny software rasteriser for the headless tests of the pages helper: turns a frame's ImGui draw
// data into RGB pixels, so a test can look at what a view drew (the QR code's modules) without a
// GPU. Only solid-colour triangles are filled (ImGui's own rectangles and shapes); glyph quads,
// drawn from the text renderer's textures, and anti-aliasing fringes are left out.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <filesystem>
#include <vector>

namespace kiosk::test {

struct Bitmap {
    int width = 0;
    int height = 0;
    std::vector<std::uint32_t> pixels;  // 0xRRGGBB, row by row

    std::uint32_t at(int x, int y) const {
        return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                      static_cast<std::size_t>(x)];
    }
};

// Fills every opaque triangle drawn with `solid_texture` (ImGui's atlas, whose white pixel
// gives flat colours) over `background`, honouring each command's clip rectangle. A pixel is
// covered when its centre is inside the triangle.
Bitmap rasterize(const ImDrawData& data, ImTextureID solid_texture, std::uint32_t background);

// The smallest rectangle holding every pixel of colour `rgb`: {x0, y0, x1, y1}, half open;
// all zero when there is none.
struct PixelBox {
    int x0 = 0;
    int y0 = 0;
    int x1 = 0;
    int y1 = 0;
    int width() const { return x1 - x0; }
    int height() const { return y1 - y0; }
};
PixelBox bounds_of(const Bitmap& bitmap, std::uint32_t rgb);

// Writes the bitmap as an 8-bit RGB PNG. False when it cannot be written.
bool write_png(const Bitmap& bitmap, const std::filesystem::path& path);

}  // namespace kiosk::test

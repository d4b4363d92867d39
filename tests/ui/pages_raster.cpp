// Software rasteriser for headless view tests (see pages_raster.hpp).
#include "pages_raster.hpp"

#include <stb_image_write.h>

#include <algorithm>
#include <cmath>

namespace kiosk::test {

namespace {

std::uint32_t rgb_of(ImU32 col) {
    const std::uint32_t r = (col >> IM_COL32_R_SHIFT) & 0xFF;
    const std::uint32_t g = (col >> IM_COL32_G_SHIFT) & 0xFF;
    const std::uint32_t b = (col >> IM_COL32_B_SHIFT) & 0xFF;
    return (r << 16) | (g << 8) | b;
}

bool opaque(ImU32 col) {
    return ((col >> IM_COL32_A_SHIFT) & 0xFF) == 0xFF;
}

// Twice the signed area of (a, b, p): which side of a→b the point p lies on.
float edge(const ImVec2& a, const ImVec2& b, float px, float py) {
    return (b.x - a.x) * (py - a.y) - (b.y - a.y) * (px - a.x);
}

void fill_triangle(Bitmap& bmp, const ImVec4& clip, const ImDrawVert& a, const ImDrawVert& b,
                   const ImDrawVert& c) {
    if (!opaque(a.col) || a.col != b.col || a.col != c.col) {
        return;  // an anti-aliasing fringe or a gradient: not what the tests look at
    }
    const float area = edge(a.pos, b.pos, c.pos.x, c.pos.y);
    if (area == 0.0F) {
        return;
    }
    const float lo_x = std::max({std::min({a.pos.x, b.pos.x, c.pos.x}), clip.x, 0.0F});
    const float hi_x =
        std::min({std::max({a.pos.x, b.pos.x, c.pos.x}), clip.z, static_cast<float>(bmp.width)});
    const float lo_y = std::max({std::min({a.pos.y, b.pos.y, c.pos.y}), clip.y, 0.0F});
    const float hi_y =
        std::min({std::max({a.pos.y, b.pos.y, c.pos.y}), clip.w, static_cast<float>(bmp.height)});
    const std::uint32_t colour = rgb_of(a.col);
    for (int y = static_cast<int>(std::floor(lo_y)); y < static_cast<int>(std::ceil(hi_y)); ++y) {
        for (int x = static_cast<int>(std::floor(lo_x)); x < static_cast<int>(std::ceil(hi_x));
             ++x) {
            const float px = static_cast<float>(x) + 0.5F;
            const float py = static_cast<float>(y) + 0.5F;
            if (px < clip.x || px >= clip.z || py < clip.y || py >= clip.w) {
                continue;
            }
            const float w0 = edge(b.pos, c.pos, px, py);
            const float w1 = edge(c.pos, a.pos, px, py);
            const float w2 = edge(a.pos, b.pos, px, py);
            const bool inside =
                area > 0 ? (w0 >= 0 && w1 >= 0 && w2 >= 0) : (w0 <= 0 && w1 <= 0 && w2 <= 0);
            if (inside) {
                bmp.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(bmp.width) +
                           static_cast<std::size_t>(x)] = colour;
            }
        }
    }
}

}  // namespace

Bitmap rasterize(const ImDrawData& data, ImTextureID solid_texture, std::uint32_t background) {
    Bitmap bmp;
    bmp.width = static_cast<int>(data.DisplaySize.x);
    bmp.height = static_cast<int>(data.DisplaySize.y);
    bmp.pixels.assign(static_cast<std::size_t>(bmp.width) * static_cast<std::size_t>(bmp.height),
                      background);
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList& list = *data.CmdLists[l];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback != nullptr || cmd.TextureId != solid_texture) {
                continue;
            }
            for (unsigned int i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const auto at = [&](unsigned int k) -> const ImDrawVert& {
                    return list.VtxBuffer[static_cast<int>(
                        cmd.VtxOffset + list.IdxBuffer[static_cast<int>(cmd.IdxOffset + i + k)])];
                };
                fill_triangle(bmp, cmd.ClipRect, at(0), at(1), at(2));
            }
        }
    }
    return bmp;
}

PixelBox bounds_of(const Bitmap& bitmap, std::uint32_t rgb) {
    PixelBox box{bitmap.width, bitmap.height, 0, 0};
    bool any = false;
    for (int y = 0; y < bitmap.height; ++y) {
        for (int x = 0; x < bitmap.width; ++x) {
            if (bitmap.at(x, y) == rgb) {
                any = true;
                box.x0 = std::min(box.x0, x);
                box.y0 = std::min(box.y0, y);
                box.x1 = std::max(box.x1, x + 1);
                box.y1 = std::max(box.y1, y + 1);
            }
        }
    }
    return any ? box : PixelBox{};
}

bool write_png(const Bitmap& bitmap, const std::filesystem::path& path) {
    std::vector<unsigned char> rgb;
    rgb.reserve(bitmap.pixels.size() * 3);
    for (const std::uint32_t p : bitmap.pixels) {
        rgb.push_back(static_cast<unsigned char>((p >> 16) & 0xFF));
        rgb.push_back(static_cast<unsigned char>((p >> 8) & 0xFF));
        rgb.push_back(static_cast<unsigned char>(p & 0xFF));
    }
    return stbi_write_png(path.c_str(), bitmap.width, bitmap.height, 3, rgb.data(),
                          bitmap.width * 3) != 0;
}

}  // namespace kiosk::test

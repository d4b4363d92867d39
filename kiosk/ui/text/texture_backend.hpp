// Where glyph-cache pages become textures. The cache owns CPU-side RGBA pages and hands changed
// rectangles to a TextureBackend once per frame; the OpenGL 3 backend uploads them, the CPU
// backend keeps the pixels so headless tests can look at exactly what would reach the GPU.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <span>
#include <vector>

#include <imgui.h>

#include "kiosk/core/result.hpp"

namespace kiosk::ui::text {

// Zeroed pixel memory from calloc: for a large page the kernel maps zero pages lazily, so a new
// 4 MB page costs only the rows that get written, not a memset and a page fault per 4 KB.
struct FreePixels {
    void operator()(std::uint8_t* p) const noexcept { std::free(p); }
};
using PixelBuffer = std::unique_ptr<std::uint8_t[], FreePixels>;

// `bytes` of zeros, or null when out of memory.
inline PixelBuffer allocate_zeroed(std::size_t bytes) {
    return PixelBuffer(static_cast<std::uint8_t*>(std::calloc(bytes, 1)));
}

// A rectangle of RGBA8 pixels handed to TextureBackend::update. `pixels` points at the
// rectangle's top-left pixel; rows are `row_stride` bytes apart (the page's full row), so the
// backend can upload straight from the page without copying.
struct PixelRect {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
    const std::uint8_t* pixels = nullptr;
    std::size_t row_stride = 0;
};

class TextureBackend {
  public:
    virtual ~TextureBackend() = default;
    // A new RGBA8 texture of this size, initially transparent, sampled with linear filtering
    // and clamped edges. Called on the UI thread.
    virtual kiosk::Result<ImTextureID> create(int width, int height) = 0;
    // Replaces one rectangle of the texture's pixels. Called from GlyphCache::flush().
    virtual void update(ImTextureID texture, const PixelRect& rect) = 0;
    virtual void destroy(ImTextureID texture) = 0;
};

// Keeps textures in memory: for headless tests and tools. Texture ids are small integers cast to
// ImTextureID (never dereferenced), starting from 1 so no texture is null.
class CpuTextureBackend final : public TextureBackend {
  public:
    struct Texture {
        ImTextureID id = nullptr;
        int width = 0;
        int height = 0;
        PixelBuffer rgba;  // width * height * 4 bytes
        bool alive = false;
    };

    kiosk::Result<ImTextureID> create(int width, int height) override;
    void update(ImTextureID texture, const PixelRect& rect) override;
    void destroy(ImTextureID texture) override;

    // The texture behind an id, or nullptr if the id was never created here.
    const Texture* find(ImTextureID texture) const;
    // Alpha of one texel; asserts the texture exists and the texel is inside it.
    std::uint8_t alpha_at(ImTextureID texture, int x, int y) const;
    std::size_t live_textures() const;
    std::size_t update_calls() const { return update_calls_; }
    std::size_t uploaded_pixels() const { return uploaded_pixels_; }

  private:
    Texture* live(ImTextureID texture, const char* what);

    std::vector<Texture> textures_;
    std::size_t update_calls_ = 0;
    std::size_t uploaded_pixels_ = 0;
};

}  // namespace kiosk::ui::text

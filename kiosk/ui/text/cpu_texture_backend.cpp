// CpuTextureBackend: textures as byte vectors, for tests that inspect uploaded pixels.
#include <cassert>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "kiosk/ui/text/texture_backend.hpp"

namespace kiosk::ui::text {
namespace {

ImTextureID id_from_index(std::size_t index) {
    // An integer smuggled through ImGui's opaque pointer, as ImGui's own backends do.
    return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(index + 1));
}

std::size_t index_from_id(ImTextureID id) {
    return static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(id)) - 1;
}

}  // namespace

kiosk::Result<ImTextureID> CpuTextureBackend::create(int width, int height) {
    if (width <= 0 || height <= 0) {
        return kiosk::make_error("ui_text.texture_size", "texture size must be positive");
    }
    Texture t;
    t.id = id_from_index(textures_.size());
    t.width = width;
    t.height = height;
    t.rgba =
        allocate_zeroed(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    if (!t.rgba) {
        return kiosk::make_error("ui_text.out_of_memory", "no memory for a texture");
    }
    t.alive = true;
    textures_.push_back(std::move(t));
    return textures_.back().id;
}

void CpuTextureBackend::update(ImTextureID texture, const PixelRect& rect) {
    Texture* t = live(texture, "update()");
    assert(rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= t->width &&
           rect.y + rect.height <= t->height && "update() rectangle outside the texture");
    const std::size_t row_bytes = static_cast<std::size_t>(rect.width) * 4;
    for (int row = 0; row < rect.height; ++row) {
        const std::uint8_t* src = rect.pixels + static_cast<std::size_t>(row) * rect.row_stride;
        std::uint8_t* dst = t->rgba.get() + (static_cast<std::size_t>(rect.y + row) *
                                                 static_cast<std::size_t>(t->width) +
                                             static_cast<std::size_t>(rect.x)) *
                                                4;
        std::memcpy(dst, src, row_bytes);
    }
    ++update_calls_;
    uploaded_pixels_ +=
        static_cast<std::size_t>(rect.width) * static_cast<std::size_t>(rect.height);
}

void CpuTextureBackend::destroy(ImTextureID texture) {
    Texture* t = live(texture, "destroy()");
    t->alive = false;
    t->rgba.reset();
}

const CpuTextureBackend::Texture* CpuTextureBackend::find(ImTextureID texture) const {
    if (texture == nullptr) {
        return nullptr;
    }
    const std::size_t i = index_from_id(texture);
    return i < textures_.size() ? &textures_[i] : nullptr;
}

CpuTextureBackend::Texture* CpuTextureBackend::live(ImTextureID texture, const char* what) {
    auto* t = const_cast<Texture*>(std::as_const(*this).find(texture));
    if (t == nullptr || !t->alive) {
        // A bug in the caller (the glyph cache); in release builds too, fail loudly.
        std::fprintf(stderr, "CpuTextureBackend::%s on a texture it does not hold\n", what);
        std::abort();
    }
    return t;
}

std::uint8_t CpuTextureBackend::alpha_at(ImTextureID texture, int x, int y) const {
    const Texture* t = const_cast<CpuTextureBackend*>(this)->live(texture, "alpha_at()");
    assert(x >= 0 && y >= 0 && x < t->width && y < t->height && "alpha_at() outside the texture");
    return t->rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(t->width) +
                    static_cast<std::size_t>(x)) *
                       4 +
                   3];
}

std::size_t CpuTextureBackend::live_textures() const {
    std::size_t n = 0;
    for (const auto& t : textures_) {
        n += t.alive ? 1 : 0;
    }
    return n;
}

}  // namespace kiosk::ui::text

// GlyphCache: rasterises glyphs on demand with FreeType and packs them into RGBA texture pages.
//
// ImGui 1.86's font atlas is fixed once built and looks glyphs up by character; shaped text
// needs glyphs by the font's own glyph index (what HarfBuzz returns), including ligatures and
// contextual forms that have no character. So shaped text is drawn from this cache instead.
//
// Rules (UI thread only):
//  1. get() returns a glyph's place in a page, rasterising it the first time it is asked for at
//     that (font, glyph index, pixel size). Pages hold white RGB with coverage in alpha, so the
//     vertex colour tints the text.
//  2. Pages change only on the CPU during a frame; flush(), once per frame after the UI is built
//     and before the draw data is rendered, uploads the changed rectangle of each page.
//  3. When a page is full another one starts, up to max_pages. When all are full the glyph is
//     dropped for this frame (an error is reported, nothing crashes), and the first get() after
//     the next flush() empties the cache so the following frame re-rasterises what it shows.
//     That frame's textures were already rendered, so nothing on screen points at a cleared
//     page. wants_redraw() tells an app that renders only on change to draw once more.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <imgui.h>

#include "kiosk/core/result.hpp"
#include "kiosk/ui/text/shelf_packer.hpp"
#include "kiosk/ui/text/texture_backend.hpp"

namespace kiosk::ui::text {

// A font file opened by the cache; small, cheap to copy, valid for the cache's lifetime.
struct FontId {
    std::uint16_t index = 0;
    friend bool operator==(FontId, FontId) = default;
};

// Where a rasterised glyph sits, relative to the pen position on the baseline, in screen
// coordinates (y grows down): its top-left pixel is at (pen.x + left, baseline.y + top).
struct GlyphSprite {
    ImTextureID texture = nullptr;  // null for glyphs with no pixels (space, zero-width marks)
    int page = -1;
    int left = 0;
    int top = 0;
    int width = 0;
    int height = 0;
    ImVec2 uv0;  // top-left texel corner in the page, normalised
    ImVec2 uv1;  // bottom-right
    bool empty() const { return width == 0 || height == 0; }
};

struct GlyphCacheOptions {
    int page_width = 1024;
    int page_height = 1024;
    int max_pages = 8;  // 8 x 1024^2 RGBA = 32 MB at most
    // Where errors go (full cache, unreadable font, FreeType failure). Each error code is
    // reported once per cache, so a struggling kiosk does not flood its log; stats() keeps
    // counting. Default: one line on stderr.
    std::function<void(const kiosk::Error&)> on_error;
};

struct GlyphCacheStats {
    std::size_t lookups = 0;
    std::size_t hits = 0;
    std::size_t rasterised = 0;  // glyphs given to FreeType (misses that succeeded)
    std::size_t dropped = 0;     // lookups that returned nothing (cache full or glyph error)
    std::size_t resets = 0;      // times the cache emptied itself after filling up
    std::size_t uploads = 0;     // TextureBackend::update calls
    std::size_t uploaded_pixels = 0;
};

class GlyphCache {
  public:
    explicit GlyphCache(TextureBackend& backend, GlyphCacheOptions options = {});
    ~GlyphCache();
    GlyphCache(const GlyphCache&) = delete;
    GlyphCache& operator=(const GlyphCache&) = delete;

    // Opens a font file once; the same path again returns the same id.
    kiosk::Result<FontId> open_font(std::string_view path);
    // The id of an already opened font file, if any (no file access).
    std::optional<FontId> find_font(std::string_view path) const;

    // The glyph's sprite, rasterising it on a miss; nullopt if it cannot be shown this frame.
    std::optional<GlyphSprite> get(FontId font, std::uint32_t glyph_index, int pixel_size);

    // Uploads every changed page rectangle through the backend. Once per frame, UI thread.
    void flush();

    // True after a flush() in which some glyph was dropped and the next frame can show it.
    bool wants_redraw() const { return wants_redraw_; }

    const GlyphCacheStats& stats() const { return stats_; }
    std::size_t cached_glyphs() const { return entries_.size(); }
    int page_count() const { return static_cast<int>(pages_.size()); }
    ImTextureID page_texture(int page) const;
    const GlyphCacheOptions& options() const { return options_; }

  private:
    struct Face;
    struct Page {
        ImTextureID texture = nullptr;
        PixelBuffer rgba;
        ShelfPacker packer;
        // Changed area since the last flush, as [x0, x1) x [y0, y1); empty when x0 >= x1.
        int dirty_x0 = 0, dirty_y0 = 0, dirty_x1 = 0, dirty_y1 = 0;
    };
    struct Entry {
        GlyphSprite sprite;
        bool failed = false;  // FreeType could not produce it; do not retry every frame
    };

    std::optional<GlyphSprite> rasterise(FontId font, std::uint32_t glyph_index, int pixel_size,
                                         std::uint64_t key);
    std::optional<PackedRect> place(int width, int height, int& page_out);
    void report(kiosk::Error error);
    void empty_cache();
    static void mark_dirty(Page& page, int x, int y, int w, int h);
    std::size_t page_bytes() const;

    TextureBackend& backend_;
    GlyphCacheOptions options_;
    struct FtLibrary;
    std::unique_ptr<FtLibrary> ft_;
    std::vector<std::unique_ptr<Face>> faces_;
    std::vector<Page> pages_;
    std::unordered_map<std::uint64_t, Entry> entries_;
    std::unordered_set<std::string> reported_codes_;
    bool dropped_this_frame_ = false;
    bool reset_pending_ = false;
    bool wants_redraw_ = false;
    int overflowing_frames_ = 0;  // consecutive flushes with a full cache
    GlyphCacheStats stats_;
};

}  // namespace kiosk::ui::text

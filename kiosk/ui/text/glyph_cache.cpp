// GlyphCache: FreeType rasterisation by glyph index, shelf packing into pages, dirty-rectangle
// uploads, and the bounded "empty and start again" policy when every page is full.
#include "kiosk/ui/text/glyph_cache.hpp"

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>

#include <ft2build.h>
#include FT_FREETYPE_H

namespace kiosk::ui::text {

struct GlyphCache::FtLibrary {
    FT_Library lib = nullptr;
    FtLibrary() {
        const FT_Error err = FT_Init_FreeType(&lib);
        // Only fails when out of memory; there is no text to draw without it.
        assert(err == 0 && "FT_Init_FreeType failed");
        (void)err;
    }
    ~FtLibrary() { FT_Done_FreeType(lib); }
    FtLibrary(const FtLibrary&) = delete;
    FtLibrary& operator=(const FtLibrary&) = delete;
};

struct GlyphCache::Face {
    std::string path;
    FT_Face face = nullptr;
    int current_size = 0;  // FT_Set_Pixel_Sizes is not free; skip it when the size is unchanged
    ~Face() {
        if (face != nullptr) {
            FT_Done_Face(face);
        }
    }
};

namespace {

constexpr std::uint64_t make_key(FontId font, std::uint32_t glyph_index, int pixel_size) {
    return (static_cast<std::uint64_t>(glyph_index) << 32) |
           (static_cast<std::uint64_t>(static_cast<std::uint16_t>(pixel_size)) << 16) |
           static_cast<std::uint64_t>(font.index);
}

void default_error_sink(const kiosk::Error& e) {
    std::fprintf(stderr, "kiosk ui_text: %s: %s\n", e.code.c_str(), e.message.c_str());
}

}  // namespace

GlyphCache::GlyphCache(TextureBackend& backend, GlyphCacheOptions options)
    : backend_(backend), options_(std::move(options)), ft_(std::make_unique<FtLibrary>()) {
    assert(options_.page_width > 2 && options_.page_height > 2 && options_.max_pages > 0 &&
           "GlyphCache: page size and page count must be positive");
    if (!options_.on_error) {
        options_.on_error = default_error_sink;
    }
}

GlyphCache::~GlyphCache() {
    for (Page& p : pages_) {
        backend_.destroy(p.texture);
    }
}

std::optional<FontId> GlyphCache::find_font(std::string_view path) const {
    for (std::size_t i = 0; i < faces_.size(); ++i) {
        if (faces_[i]->path == path) {
            return FontId{static_cast<std::uint16_t>(i)};
        }
    }
    return std::nullopt;
}

kiosk::Result<FontId> GlyphCache::open_font(std::string_view path) {
    if (auto known = find_font(path)) {
        return *known;
    }
    if (faces_.size() >= 0xFFFF) {
        return kiosk::make_error("ui_text.too_many_fonts", "glyph cache font table is full");
    }
    auto face = std::make_unique<Face>();
    face->path = std::string(path);
    const FT_Error err = FT_New_Face(ft_->lib, face->path.c_str(), 0, &face->face);
    if (err != 0) {
        face->face = nullptr;
        return kiosk::make_error("ui_text.font_open", "FreeType cannot open font '" + face->path +
                                                          "' (error " + std::to_string(err) + ")");
    }
    faces_.push_back(std::move(face));
    return FontId{static_cast<std::uint16_t>(faces_.size() - 1)};
}

ImTextureID GlyphCache::page_texture(int page) const {
    assert(page >= 0 && page < page_count() && "page_texture: no such page");
    return pages_[static_cast<std::size_t>(page)].texture;
}

std::optional<GlyphSprite> GlyphCache::get(FontId font, std::uint32_t glyph_index, int pixel_size) {
    assert(font.index < faces_.size() && "GlyphCache::get: font was not opened by this cache");
    assert(pixel_size > 0 && pixel_size <= 0xFFFF && "GlyphCache::get: pixel size out of range");
    if (reset_pending_) {
        empty_cache();
    }
    ++stats_.lookups;
    const std::uint64_t key = make_key(font, glyph_index, pixel_size);
    if (auto it = entries_.find(key); it != entries_.end()) {
        if (it->second.failed) {
            ++stats_.dropped;
            return std::nullopt;
        }
        ++stats_.hits;
        return it->second.sprite;
    }
    auto sprite = rasterise(font, glyph_index, pixel_size, key);
    if (!sprite) {
        ++stats_.dropped;
    }
    return sprite;
}

std::optional<GlyphSprite> GlyphCache::rasterise(FontId font, std::uint32_t glyph_index,
                                                 int pixel_size, std::uint64_t key) {
    Face& f = *faces_[font.index];
    const auto fail = [&](std::string code, std::string message) -> std::optional<GlyphSprite> {
        entries_[key].failed = true;
        report(kiosk::make_error(std::move(code), std::move(message)));
        return std::nullopt;
    };
    if (f.current_size != pixel_size) {
        if (FT_Set_Pixel_Sizes(f.face, 0, static_cast<FT_UInt>(pixel_size)) != 0) {
            return fail("ui_text.font_size", "font '" + f.path + "' cannot be set to " +
                                                 std::to_string(pixel_size) + " px");
        }
        f.current_size = pixel_size;
    }
    // Light hinting snaps only vertically, so horizontal shapes and HarfBuzz's advances agree.
    if (FT_Load_Glyph(f.face, glyph_index, FT_LOAD_TARGET_LIGHT) != 0 ||
        FT_Render_Glyph(f.face->glyph, FT_RENDER_MODE_NORMAL) != 0) {
        return fail("ui_text.glyph_render", "glyph " + std::to_string(glyph_index) + " of '" +
                                                f.path + "' cannot be rendered");
    }
    const FT_GlyphSlot slot = f.face->glyph;
    const FT_Bitmap& bm = slot->bitmap;
    if (bm.pixel_mode != FT_PIXEL_MODE_GRAY && bm.pixel_mode != FT_PIXEL_MODE_MONO) {
        return fail("ui_text.glyph_format",
                    "glyph bitmaps of '" + f.path + "' are neither grayscale nor monochrome");
    }

    GlyphSprite sprite;
    sprite.left = slot->bitmap_left;
    sprite.top = -slot->bitmap_top;  // FreeType's top is above the baseline, y up
    sprite.width = static_cast<int>(bm.width);
    sprite.height = static_cast<int>(bm.rows);
    if (sprite.empty()) {
        sprite.width = 0;
        sprite.height = 0;
        entries_[key].sprite = sprite;
        ++stats_.rasterised;
        return sprite;
    }

    if (!ShelfPacker(options_.page_width, options_.page_height)
             .fits_empty_page(sprite.width, sprite.height)) {
        // No reset can make room for it; remember the failure rather than retry every frame.
        return fail("ui_text.glyph_too_big",
                    "a " + std::to_string(sprite.width) + "x" + std::to_string(sprite.height) +
                        " px glyph does not fit an empty " + std::to_string(options_.page_width) +
                        "x" + std::to_string(options_.page_height) + " page");
    }
    int page_index = -1;
    const auto rect = place(sprite.width, sprite.height, page_index);
    if (!rect) {
        return std::nullopt;  // place() reported why; not remembered, the next reset may fit it
    }
    Page& page = pages_[static_cast<std::size_t>(page_index)];
    const std::size_t stride = static_cast<std::size_t>(options_.page_width) * 4;
    for (int row = 0; row < sprite.height; ++row) {
        // A negative pitch means rows are stored bottom-up.
        const int src_row = bm.pitch >= 0 ? row : sprite.height - 1 - row;
        const unsigned char* src =
            bm.buffer + static_cast<std::ptrdiff_t>(src_row) * std::abs(bm.pitch);
        std::uint8_t* dst = page.rgba.get() + static_cast<std::size_t>(rect->y + row) * stride +
                            static_cast<std::size_t>(rect->x) * 4;
        for (int col = 0; col < sprite.width; ++col) {
            std::uint8_t coverage = 0;
            if (bm.pixel_mode == FT_PIXEL_MODE_GRAY) {
                coverage = src[col];
            } else {
                coverage = (src[col / 8] & (0x80 >> (col % 8))) != 0 ? 255 : 0;
            }
            dst[col * 4 + 0] = 255;
            dst[col * 4 + 1] = 255;
            dst[col * 4 + 2] = 255;
            dst[col * 4 + 3] = coverage;
        }
    }
    mark_dirty(page, rect->x, rect->y, rect->width, rect->height);

    const float pw = static_cast<float>(options_.page_width);
    const float ph = static_cast<float>(options_.page_height);
    sprite.texture = page.texture;
    sprite.page = page_index;
    sprite.uv0 = ImVec2(static_cast<float>(rect->x) / pw, static_cast<float>(rect->y) / ph);
    sprite.uv1 = ImVec2(static_cast<float>(rect->x + rect->width) / pw,
                        static_cast<float>(rect->y + rect->height) / ph);
    entries_[key].sprite = sprite;
    ++stats_.rasterised;
    return sprite;
}

std::optional<PackedRect> GlyphCache::place(int width, int height, int& page_out) {
    for (std::size_t i = 0; i < pages_.size(); ++i) {
        if (auto r = pages_[i].packer.insert(width, height)) {
            page_out = static_cast<int>(i);
            return r;
        }
    }
    if (static_cast<int>(pages_.size()) >= options_.max_pages) {
        dropped_this_frame_ = true;
        report(kiosk::make_error("ui_text.cache_full",
                                 "all " + std::to_string(options_.max_pages) +
                                     " glyph pages are full; the cache empties after this frame"));
        return std::nullopt;
    }
    Page page{.texture = nullptr,
              .rgba = allocate_zeroed(page_bytes()),
              .packer = ShelfPacker(options_.page_width, options_.page_height)};
    if (!page.rgba) {
        report(kiosk::make_error("ui_text.out_of_memory", "no memory for another glyph page"));
        return std::nullopt;
    }
    auto texture = backend_.create(options_.page_width, options_.page_height);
    if (!texture) {
        report(texture.error());
        return std::nullopt;
    }
    page.texture = *texture;
    pages_.push_back(std::move(page));
    page_out = static_cast<int>(pages_.size() - 1);
    return pages_.back().packer.insert(width, height);
}

std::size_t GlyphCache::page_bytes() const {
    return static_cast<std::size_t>(options_.page_width) *
           static_cast<std::size_t>(options_.page_height) * 4;
}

void GlyphCache::mark_dirty(Page& page, int x, int y, int w, int h) {
    if (page.dirty_x0 >= page.dirty_x1) {
        page.dirty_x0 = x;
        page.dirty_y0 = y;
        page.dirty_x1 = x + w;
        page.dirty_y1 = y + h;
        return;
    }
    page.dirty_x0 = std::min(page.dirty_x0, x);
    page.dirty_y0 = std::min(page.dirty_y0, y);
    page.dirty_x1 = std::max(page.dirty_x1, x + w);
    page.dirty_y1 = std::max(page.dirty_y1, y + h);
}

void GlyphCache::flush() {
    const std::size_t stride = static_cast<std::size_t>(options_.page_width) * 4;
    for (Page& page : pages_) {
        if (page.dirty_x0 >= page.dirty_x1) {
            continue;
        }
        PixelRect rect;
        rect.x = page.dirty_x0;
        rect.y = page.dirty_y0;
        rect.width = page.dirty_x1 - page.dirty_x0;
        rect.height = page.dirty_y1 - page.dirty_y0;
        rect.row_stride = stride;
        rect.pixels = page.rgba.get() + static_cast<std::size_t>(rect.y) * stride +
                      static_cast<std::size_t>(rect.x) * 4;
        backend_.update(page.texture, rect);
        ++stats_.uploads;
        stats_.uploaded_pixels +=
            static_cast<std::size_t>(rect.width) * static_cast<std::size_t>(rect.height);
        page.dirty_x0 = page.dirty_x1 = page.dirty_y0 = page.dirty_y1 = 0;
    }
    // Redraw once to show what was dropped; if the cache overflows again straight after
    // emptying, one frame's text needs more than max_pages and redrawing would only loop.
    overflowing_frames_ = dropped_this_frame_ ? overflowing_frames_ + 1 : 0;
    wants_redraw_ = overflowing_frames_ == 1;
    reset_pending_ = dropped_this_frame_;
    if (overflowing_frames_ == 2) {
        report(kiosk::make_error("ui_text.frame_too_big",
                                 "one frame's text needs more glyph pages than max_pages; raise "
                                 "GlyphCacheOptions::max_pages or page size"));
    }
    dropped_this_frame_ = false;
}

void GlyphCache::empty_cache() {
    entries_.clear();
    for (Page& page : pages_) {
        std::memset(page.rgba.get(), 0, page_bytes());
        page.packer.reset();
        // The GPU copy still holds old glyphs; overwrite all of it at the next flush.
        mark_dirty(page, 0, 0, options_.page_width, options_.page_height);
    }
    reset_pending_ = false;
    ++stats_.resets;
}

void GlyphCache::report(kiosk::Error error) {
    if (reported_codes_.insert(error.code).second) {
        options_.on_error(error);
    }
}

}  // namespace kiosk::ui::text

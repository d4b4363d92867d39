// GlyphCache and ShelfPacker: rasterise once per (font, glyph, size), real FreeType pixels in
// the pages, dirty-rectangle uploads, and a full cache that degrades without crashing.
#include <gtest/gtest.h>

#include <hb.h>

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/ui/text/glyph_cache.hpp"
#include "kiosk/ui/text/shelf_packer.hpp"
#include "kiosk/ui/text/texture_backend.hpp"

namespace kiosk::ui::text {
namespace {

constexpr const char* kNotoSans = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";

// The font's glyph index for a character, straight from the font's cmap (test input only).
std::uint32_t glyph_for(const char* font_path, hb_codepoint_t cp) {
    hb_blob_t* blob = hb_blob_create_from_file(font_path);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_font_t* font = hb_font_create(face);
    hb_codepoint_t gid = 0;
    const bool found = hb_font_get_nominal_glyph(font, cp, &gid);
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    EXPECT_TRUE(found) << "font lacks U+" << std::hex << cp;
    return gid;
}

// Count of texels with any coverage inside a sprite's rectangle, read from what the backend
// received (so it also proves flush() uploaded them).
int covered_texels(const CpuTextureBackend& backend, const GlyphSprite& s) {
    const auto* tex = backend.find(s.texture);
    if (tex == nullptr) {
        return 0;
    }
    const int x0 = static_cast<int>(s.uv0.x * static_cast<float>(tex->width) + 0.5f);
    const int y0 = static_cast<int>(s.uv0.y * static_cast<float>(tex->height) + 0.5f);
    int n = 0;
    for (int y = y0; y < y0 + s.height; ++y) {
        for (int x = x0; x < x0 + s.width; ++x) {
            n += backend.alpha_at(s.texture, x, y) > 0 ? 1 : 0;
        }
    }
    return n;
}

struct Errors {
    std::vector<std::string> codes;
    GlyphCacheOptions options(int w, int h, int pages) {
        GlyphCacheOptions o;
        o.page_width = w;
        o.page_height = h;
        o.max_pages = pages;
        o.on_error = [this](const kiosk::Error& e) { codes.push_back(e.code); };
        return o;
    }
};

TEST(ShelfPacker, RectanglesNeverOverlapAndKeepAGutter) {
    ShelfPacker p(64, 64, 1);
    std::vector<PackedRect> placed;
    const int sizes[][2] = {{10, 12}, {7, 12}, {20, 30}, {5, 5}, {10, 11}, {30, 9}, {12, 12}};
    for (const auto& wh : sizes) {
        auto r = p.insert(wh[0], wh[1]);
        ASSERT_TRUE(r.has_value());
        EXPECT_GE(r->x, 1);
        EXPECT_GE(r->y, 1);
        EXPECT_LE(r->x + r->width + 1, 64);
        EXPECT_LE(r->y + r->height + 1, 64);
        placed.push_back(*r);
    }
    for (std::size_t i = 0; i < placed.size(); ++i) {
        for (std::size_t j = i + 1; j < placed.size(); ++j) {
            const auto& a = placed[i];
            const auto& b = placed[j];
            // Grown by the gutter, two rectangles may touch but not overlap.
            const bool apart = a.x + a.width + 1 <= b.x || b.x + b.width + 1 <= a.x ||
                               a.y + a.height + 1 <= b.y || b.y + b.height + 1 <= a.y;
            EXPECT_TRUE(apart) << "rects " << i << " and " << j << " overlap";
        }
    }
}

TEST(ShelfPacker, SaysNoWhenFullAndStartsAfreshAfterReset) {
    ShelfPacker p(32, 32, 1);
    int n = 0;
    while (p.insert(9, 9)) {
        ++n;
    }
    EXPECT_EQ(n, 9);  // 3 columns x 3 shelves of 9+1 px fit in 32 - 1
    EXPECT_FALSE(p.insert(40, 2).has_value());
    p.reset();
    EXPECT_TRUE(p.insert(9, 9).has_value());
}

TEST(GlyphCache, SameGlyphTwiceIsRasterisedOnceAndSizesAreSeparateEntries) {
    CpuTextureBackend backend;
    GlyphCache cache(backend);
    auto font = cache.open_font(kNotoSans);
    ASSERT_TRUE(font.ok()) << font.error().message;
    const std::uint32_t a = glyph_for(kNotoSans, 'a');

    auto first = cache.get(*font, a, 24);
    auto second = cache.get(*font, a, 24);
    ASSERT_TRUE(first && second);
    EXPECT_EQ(cache.stats().rasterised, 1u);
    EXPECT_EQ(cache.stats().hits, 1u);
    EXPECT_EQ(first->uv0.x, second->uv0.x);
    EXPECT_EQ(first->uv0.y, second->uv0.y);

    auto bigger = cache.get(*font, a, 48);
    ASSERT_TRUE(bigger);
    EXPECT_EQ(cache.stats().rasterised, 2u);
    EXPECT_EQ(cache.cached_glyphs(), 2u);
    EXPECT_GT(bigger->height, first->height);
    EXPECT_FALSE(bigger->uv0.x == first->uv0.x && bigger->uv0.y == first->uv0.y);
}

TEST(GlyphCache, OpeningTheSameFontTwiceGivesTheSameIdAndAMissingFontIsAnError) {
    CpuTextureBackend backend;
    GlyphCache cache(backend);
    auto a = cache.open_font(kNotoSans);
    auto b = cache.open_font(kNotoSans);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(*a, *b);
    auto missing = cache.open_font("/nonexistent/font.ttf");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, "ui_text.font_open");
}

TEST(GlyphCache, VisibleLetterHasPixelsAfterFlushAndSpaceHasNone) {
    CpuTextureBackend backend;
    GlyphCache cache(backend);
    auto font = cache.open_font(kNotoSans);
    ASSERT_TRUE(font.ok());

    auto letter = cache.get(*font, glyph_for(kNotoSans, 'H'), 32);
    auto space = cache.get(*font, glyph_for(kNotoSans, ' '), 32);
    ASSERT_TRUE(letter && space);
    EXPECT_TRUE(space->empty());
    EXPECT_EQ(space->texture, nullptr);
    ASSERT_FALSE(letter->empty());
    EXPECT_EQ(letter->texture, cache.page_texture(0));
    // Before flush the texture is still blank: pixels reach the backend only in flush().
    EXPECT_EQ(covered_texels(backend, *letter), 0);
    cache.flush();
    // 'H' at 32 px: two stems and a bar, a good share of its box is ink.
    const int ink = covered_texels(backend, *letter);
    EXPECT_GT(ink, letter->width * letter->height / 4);
    // Its box sits above the baseline: top is negative in screen coordinates.
    EXPECT_LT(letter->top, 0);
    EXPECT_GE(letter->top + letter->height, -1);
}

TEST(GlyphCache, FlushUploadsOnlyTheChangedRectangleOnce) {
    CpuTextureBackend backend;
    GlyphCache cache(backend);
    auto font = cache.open_font(kNotoSans);
    ASSERT_TRUE(font.ok());
    auto g = cache.get(*font, glyph_for(kNotoSans, 'x'), 20);
    ASSERT_TRUE(g);
    cache.flush();
    EXPECT_EQ(backend.update_calls(), 1u);
    EXPECT_EQ(backend.uploaded_pixels(), static_cast<std::size_t>(g->width * g->height));
    cache.get(*font, glyph_for(kNotoSans, 'x'), 20);  // a hit changes nothing
    cache.flush();
    EXPECT_EQ(backend.update_calls(), 1u);
}

TEST(GlyphCache, FullPageStartsASecondPage) {
    CpuTextureBackend backend;
    Errors errors;
    GlyphCache cache(backend, errors.options(64, 64, 4));
    auto font = cache.open_font(kNotoSans);
    ASSERT_TRUE(font.ok());
    std::vector<GlyphSprite> sprites;
    for (char c = 'A'; c <= 'Z'; ++c) {
        auto s = cache.get(*font, glyph_for(kNotoSans, static_cast<hb_codepoint_t>(c)), 28);
        ASSERT_TRUE(s) << c;
        sprites.push_back(*s);
    }
    EXPECT_GE(cache.page_count(), 2);
    EXPECT_EQ(backend.live_textures(), static_cast<std::size_t>(cache.page_count()));
    EXPECT_TRUE(errors.codes.empty());
    cache.flush();
    for (const auto& s : sprites) {
        EXPECT_GT(covered_texels(backend, s), 0);
    }
    EXPECT_NE(sprites.front().texture, sprites.back().texture);
}

TEST(GlyphCache, WhenEveryPageIsFullGlyphsAreDroppedThenTheCacheEmptiesAndRecovers) {
    CpuTextureBackend backend;
    Errors errors;
    GlyphCache cache(backend, errors.options(48, 48, 2));
    auto font = cache.open_font(kNotoSans);
    ASSERT_TRUE(font.ok());
    std::size_t shown = 0;
    std::size_t dropped = 0;
    for (char c = 'A'; c <= 'Z'; ++c) {
        auto s = cache.get(*font, glyph_for(kNotoSans, static_cast<hb_codepoint_t>(c)), 28);
        (s ? shown : dropped) += 1;
    }
    EXPECT_GT(shown, 0u);
    EXPECT_GT(dropped, 0u);
    EXPECT_EQ(cache.page_count(), 2);
    ASSERT_EQ(errors.codes.size(), 1u);  // reported once, not per glyph
    EXPECT_EQ(errors.codes[0], "ui_text.cache_full");

    cache.flush();
    EXPECT_TRUE(cache.wants_redraw());
    // Next frame: the first lookup empties the cache, so a glyph dropped before now fits.
    auto z = cache.get(*font, glyph_for(kNotoSans, 'Z'), 28);
    ASSERT_TRUE(z);
    EXPECT_EQ(cache.stats().resets, 1u);
    EXPECT_EQ(cache.cached_glyphs(), 1u);
    cache.flush();
    EXPECT_FALSE(cache.wants_redraw());
    EXPECT_GT(covered_texels(backend, *z), 0);
}

TEST(GlyphCache, AFrameThatCanNeverFitDoesNotAskForEndlessRedraws) {
    CpuTextureBackend backend;
    Errors errors;
    GlyphCache cache(backend, errors.options(40, 40, 1));
    auto font = cache.open_font(kNotoSans);
    ASSERT_TRUE(font.ok());
    const auto frame = [&] {
        for (char c = 'A'; c <= 'Z'; ++c) {
            (void)cache.get(*font, glyph_for(kNotoSans, static_cast<hb_codepoint_t>(c)), 28);
        }
        cache.flush();
    };
    frame();
    EXPECT_TRUE(cache.wants_redraw());
    frame();
    EXPECT_FALSE(cache.wants_redraw());
    EXPECT_EQ(errors.codes.back(), "ui_text.frame_too_big");
}

TEST(GlyphCache, AGlyphLargerThanAPageIsRefusedOnceAndRemembered) {
    CpuTextureBackend backend;
    Errors errors;
    GlyphCache cache(backend, errors.options(16, 16, 2));
    auto font = cache.open_font(kNotoSans);
    ASSERT_TRUE(font.ok());
    const std::uint32_t w = glyph_for(kNotoSans, 'W');
    EXPECT_FALSE(cache.get(*font, w, 64).has_value());
    EXPECT_FALSE(cache.get(*font, w, 64).has_value());
    EXPECT_EQ(cache.stats().rasterised, 0u);
    EXPECT_EQ(cache.page_count(), 0);
    ASSERT_EQ(errors.codes.size(), 1u);
    EXPECT_EQ(errors.codes[0], "ui_text.glyph_too_big");
    cache.flush();
    EXPECT_FALSE(cache.wants_redraw());  // a reset could not help
}

}  // namespace
}  // namespace kiosk::ui::text

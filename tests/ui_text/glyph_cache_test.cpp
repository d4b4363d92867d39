// GlyphCache and ShelfPacker: rasterise once per (font, glyph, size), real FreeType pixels in
// the pages, dirty-rectangle uploads, and a full cache that degrades without crashing.
#include <gtest/gtest.h>

#include <hb.h>

#include <cstdint>
#include <memory>
#include <optional>
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

// A cache over the CPU backend with Noto Sans open; pages are 1024 px unless a test asks for
// tiny ones. Errors are collected instead of printed.
class GlyphCacheTest : public ::testing::Test {
  protected:
    void SetUp() override { make(1024, 1024, 8); }

    void make(int page_width, int page_height, int max_pages) {
        GlyphCacheOptions o;
        o.page_width = page_width;
        o.page_height = page_height;
        o.max_pages = max_pages;
        o.on_error = [this](const kiosk::Error& e) { errors.push_back(e.code); };
        cache.reset();
        cache = std::make_unique<GlyphCache>(backend, o);
        auto id = cache->open_font(kNotoSans);
        ASSERT_TRUE(id.ok()) << id.error().message;
        font = *id;
    }

    std::optional<GlyphSprite> get(hb_codepoint_t c, int px) {
        return cache->get(font, glyph_for(kNotoSans, c), px);
    }

    // Asks for A-Z at `px`; returns how many the cache could provide.
    int ask_alphabet(int px, std::vector<GlyphSprite>* sprites = nullptr) {
        int shown = 0;
        for (hb_codepoint_t c = 'A'; c <= 'Z'; ++c) {
            if (auto s = get(c, px)) {
                ++shown;
                if (sprites != nullptr) {
                    sprites->push_back(*s);
                }
            }
        }
        return shown;
    }

    CpuTextureBackend backend;
    std::unique_ptr<GlyphCache> cache;
    FontId font;
    std::vector<std::string> errors;
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

TEST_F(GlyphCacheTest, SameGlyphTwiceIsRasterisedOnceAndSizesAreSeparateEntries) {
    auto first = get('a', 24);
    auto second = get('a', 24);
    ASSERT_TRUE(first && second);
    EXPECT_EQ(cache->stats().rasterised, 1u);
    EXPECT_EQ(cache->stats().hits, 1u);
    EXPECT_EQ(first->uv0.x, second->uv0.x);
    EXPECT_EQ(first->uv0.y, second->uv0.y);

    auto bigger = get('a', 48);
    ASSERT_TRUE(bigger);
    EXPECT_EQ(cache->stats().rasterised, 2u);
    EXPECT_EQ(cache->cached_glyphs(), 2u);
    EXPECT_GT(bigger->height, first->height);
    EXPECT_FALSE(bigger->uv0.x == first->uv0.x && bigger->uv0.y == first->uv0.y);
}

TEST_F(GlyphCacheTest, OpeningTheSameFontTwiceGivesTheSameIdAndAMissingFontIsAnError) {
    auto again = cache->open_font(kNotoSans);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, font);
    auto missing = cache->open_font("/nonexistent/font.ttf");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, "ui_text.font_open");
}

TEST_F(GlyphCacheTest, VisibleLetterHasPixelsAfterFlushAndSpaceHasNone) {
    auto letter = get('H', 32);
    auto space = get(' ', 32);
    ASSERT_TRUE(letter && space);
    EXPECT_TRUE(space->empty());
    EXPECT_EQ(space->texture, nullptr);
    ASSERT_FALSE(letter->empty());
    EXPECT_EQ(letter->texture, cache->page_texture(0));
    // Before flush the texture is still blank: pixels reach the backend only in flush().
    EXPECT_EQ(covered_texels(backend, *letter), 0);
    cache->flush();
    // 'H' at 32 px: two stems and a bar, a good share of its box is ink.
    const int ink = covered_texels(backend, *letter);
    EXPECT_GT(ink, letter->width * letter->height / 4);
    // Its box sits above the baseline: top is negative in screen coordinates.
    EXPECT_LT(letter->top, 0);
    EXPECT_GE(letter->top + letter->height, -1);
}

TEST_F(GlyphCacheTest, FlushUploadsOnlyTheChangedRectangleOnce) {
    auto g = get('x', 20);
    ASSERT_TRUE(g);
    cache->flush();
    EXPECT_EQ(backend.update_calls(), 1u);
    EXPECT_EQ(backend.uploaded_pixels(), static_cast<std::size_t>(g->width * g->height));
    (void)get('x', 20);  // a hit changes nothing
    cache->flush();
    EXPECT_EQ(backend.update_calls(), 1u);
}

TEST_F(GlyphCacheTest, FullPageStartsASecondPage) {
    make(64, 64, 4);
    std::vector<GlyphSprite> sprites;
    EXPECT_EQ(ask_alphabet(28, &sprites), 26);
    EXPECT_GE(cache->page_count(), 2);
    EXPECT_EQ(backend.live_textures(), static_cast<std::size_t>(cache->page_count()));
    EXPECT_TRUE(errors.empty());
    cache->flush();
    for (const auto& s : sprites) {
        EXPECT_GT(covered_texels(backend, s), 0);
    }
    EXPECT_NE(sprites.front().texture, sprites.back().texture);
}

TEST_F(GlyphCacheTest, WhenEveryPageIsFullGlyphsAreDroppedThenTheCacheEmptiesAndRecovers) {
    make(48, 48, 2);
    const int shown = ask_alphabet(28);
    EXPECT_GT(shown, 0);
    EXPECT_LT(shown, 26);
    EXPECT_EQ(cache->page_count(), 2);
    ASSERT_EQ(errors.size(), 1u);  // reported once, not per glyph
    EXPECT_EQ(errors[0], "ui_text.cache_full");

    cache->flush();
    EXPECT_TRUE(cache->wants_redraw());
    // Next frame: the first lookup empties the cache, so a glyph dropped before now fits.
    auto z = get('Z', 28);
    ASSERT_TRUE(z);
    EXPECT_EQ(cache->stats().resets, 1u);
    EXPECT_EQ(cache->cached_glyphs(), 1u);
    cache->flush();
    EXPECT_FALSE(cache->wants_redraw());
    EXPECT_GT(covered_texels(backend, *z), 0);
}

TEST_F(GlyphCacheTest, AFrameThatCanNeverFitDoesNotAskForEndlessRedraws) {
    make(40, 40, 1);
    (void)ask_alphabet(28);
    cache->flush();
    EXPECT_TRUE(cache->wants_redraw());
    (void)ask_alphabet(28);
    cache->flush();
    EXPECT_FALSE(cache->wants_redraw());
    EXPECT_EQ(errors.back(), "ui_text.frame_too_big");
}

TEST_F(GlyphCacheTest, AGlyphLargerThanAPageIsRefusedOnceAndRemembered) {
    make(16, 16, 2);
    EXPECT_FALSE(get('W', 64).has_value());
    EXPECT_FALSE(get('W', 64).has_value());
    EXPECT_EQ(cache->stats().rasterised, 0u);
    EXPECT_EQ(cache->page_count(), 0);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0], "ui_text.glyph_too_big");
    cache->flush();
    EXPECT_FALSE(cache->wants_redraw());  // a reset could not help
}

}  // namespace
}  // namespace kiosk::ui::text

// TextRenderer::draw_glyph_run: shaped Arabic drawn as one quad per visible glyph, in visual
// order, from glyph-cache pages whose texels are inked; y-up offsets land on the right side.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/ui_text/shaped_text_fixture.hpp"

namespace kiosk::ui::text::testing {
namespace {

constexpr ImU32 kInk = IM_COL32(20, 30, 40, 255);

using TextRendererTest = ShapedTextTest;

// Draws one line on the foreground list at `origin` and returns its quads.
std::vector<Quad> draw_line(TextRenderer& r, const ShapedText& t, ImVec2 origin, ImU32 colour,
                            DrawCount* count = nullptr) {
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const unsigned idx_begin = static_cast<unsigned>(dl->IdxBuffer.Size);
    const DrawCount c = r.draw_glyph_run(dl, origin, t, colour);
    if (count != nullptr) {
        *count = c;
    }
    return glyph_quads(*dl, idx_begin);
}

TEST_F(TextRendererTest, ArabicLineIsOneQuadPerVisibleGlyphInVisualOrder) {
    const std::string text = "مرحبا بكم";  // "welcome"
    ShapedText shaped;
    std::vector<Quad> quads;
    frame([&] {
        shaped = renderer_->shape(text, "ar", 32);
        quads = draw_line(*renderer_, shaped, ImVec2(100, 200), kInk);
    });

    // Reference, from `hb-shape NotoSansArabicUI-Regular.ttf "مرحبا بكم"`, left to right:
    // final meem, medial kaf, initial beh, space, final alef, medial beh, medial hah, final reh,
    // initial meem. Every glyph but the space has ink.
    const std::vector<std::string> reference = {"uniFEE2", "uniFEDC", "uniFE91", "uniFE8E",
                                                "uniFE92", "uniFEA3", "uniFEAE", "uniFEE3"};
    std::vector<std::string> drawn;
    for (const auto& g : shaped.line->glyphs) {
        const std::string name = fonts_->font(g.font).glyph_name(g.glyph_id);
        if (name != "space") {
            drawn.push_back(name);
        }
    }
    EXPECT_EQ(drawn, reference);
    ASSERT_EQ(quads.size(), reference.size());
    for (std::size_t i = 0; i < quads.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(quads[i].texture, cache_->page_texture(0));
        EXPECT_EQ(quads[i].colour, kInk);
        EXPECT_GT(inked_texels(quads[i]), 0);
        // UVs are the quad's own size in texels: drawn 1:1, not stretched.
        const auto* tex = backend_.find(quads[i].texture);
        ASSERT_NE(tex, nullptr);
        EXPECT_NEAR((quads[i].uv1.x - quads[i].uv0.x) * static_cast<float>(tex->width),
                    quads[i].max.x - quads[i].min.x, 0.01f);
        if (i > 0) {
            EXPECT_GT(quads[i].min.x, quads[i - 1].min.x) << "not left to right";
        }
    }
    // The line starts at the origin and spans the shaped width.
    EXPECT_NEAR(quads.front().min.x, 100.0f, 3.0f);
    EXPECT_NEAR(quads.back().max.x, 100.0f + shaped.width(), 3.0f);
}

TEST_F(TextRendererTest, LamAlefIsDrawnAsOneLigature) {
    std::vector<Quad> quads;
    ShapedText shaped;
    frame([&] {
        shaped = renderer_->shape("لا", "ar", 40);
        quads = draw_line(*renderer_, shaped, ImVec2(50, 80), kInk);
    });
    ASSERT_EQ(shaped.line->glyphs.size(), 1u);
    // hb-shape names it uniFEFB, ARABIC LIGATURE LAM WITH ALEF ISOLATED FORM.
    EXPECT_EQ(fonts_->font(shaped.line->glyphs[0].font).glyph_name(shaped.line->glyphs[0].glyph_id),
              "uniFEFB");
    ASSERT_EQ(quads.size(), 1u);
    EXPECT_GT(inked_texels(quads[0]), 0);
}

TEST_F(TextRendererTest, MarksAboveAndBelowLandOnTheirSideOfTheBaseline) {
    // beh + fatha (a mark above) and beh + kasra (a mark below). HarfBuzz's y grows up and the
    // screen's down; with the sign wrong the marks would swap sides.
    std::vector<Quad> above;
    std::vector<Quad> below;
    const float baseline = 200;
    frame([&] {
        above = draw_line(*renderer_, renderer_->shape("بَ", "ar", 48), ImVec2(100, baseline), kInk);
        below = draw_line(*renderer_, renderer_->shape("بِ", "ar", 48), ImVec2(300, baseline), kInk);
    });
    ASSERT_EQ(above.size(), 2u);
    ASSERT_EQ(below.size(), 2u);
    // The beh (with its dot below) is the taller quad; the mark is the small one.
    const auto mark = [](const std::vector<Quad>& q) {
        return (q[0].max.y - q[0].min.y) < (q[1].max.y - q[1].min.y) ? q[0] : q[1];
    };
    EXPECT_LT(mark(above).max.y, baseline - 10) << "fatha should sit well above the baseline";
    EXPECT_GT(mark(below).min.y, baseline) << "kasra should sit below the baseline";
}

TEST_F(TextRendererTest, SeenTextIsNeitherReshapedNorRerasterised) {
    const auto draw = [&] {
        frame([&] {
            draw_line(*renderer_, renderer_->shape("پښتو ژبه", "ps", 28), ImVec2(10, 40), kInk);
            draw_line(*renderer_, renderer_->shape("Українська", "uk", 28), ImVec2(10, 90), kInk);
        });
    };
    draw();
    const auto misses = shaper_->stats().misses;
    const auto rasterised = cache_->stats().rasterised;
    const auto uploads = cache_->stats().uploads;
    EXPECT_GT(rasterised, 10u);
    draw();
    draw();
    EXPECT_EQ(shaper_->stats().misses, misses);
    EXPECT_EQ(cache_->stats().rasterised, rasterised);
    EXPECT_EQ(cache_->stats().uploads, uploads) << "nothing new to upload";
}

TEST_F(TextRendererTest, LineOutsideTheClipRectangleDrawsAndRasterisesNothing) {
    DrawCount count;
    std::vector<Quad> quads;
    frame([&] {
        // The display is 720 px high: a baseline at 2000 is far below it.
        quads = draw_line(*renderer_, renderer_->shape("Merhaba dünya", "tr", 24), ImVec2(10, 2000),
                          kInk, &count);
    });
    EXPECT_TRUE(quads.empty());
    EXPECT_EQ(count.quads, 0);
    EXPECT_EQ(cache_->stats().lookups, 0u);
}

TEST_F(TextRendererTest, GlyphsFromTheFallbackFontComeFromTheSamePages) {
    // Noto Sans has no arrows: "→" comes from DejaVu Sans, the FontSet's fallback.
    ShapedText shaped;
    std::vector<Quad> quads;
    frame([&] {
        shaped = renderer_->shape("A → B", "en", 30);
        quads = draw_line(*renderer_, shaped, ImVec2(10, 60), kInk);
    });
    ASSERT_EQ(quads.size(), 3u);
    EXPECT_NE(shaped.line->glyphs[0].font, shaped.line->glyphs[2].font);
    for (const auto& q : quads) {
        EXPECT_EQ(q.texture, cache_->page_texture(0));
        EXPECT_GT(inked_texels(q), 0);
    }
}

TEST_F(TextRendererTest, ALineSpreadOverSeveralPagesBindsEachGlyphsOwnPage) {
    // Tiny pages: the line's glyphs land on several pages, and the draw list must switch
    // textures between quads without losing any.
    GlyphCacheOptions tiny;
    tiny.page_width = 64;
    tiny.page_height = 64;
    tiny.max_pages = 16;
    GlyphCache small_cache(backend_, tiny);
    auto renderer = TextRenderer::create(*shaper_, small_cache);
    ASSERT_TRUE(renderer.ok());
    std::vector<Quad> quads;
    frame([&] {
        quads =
            draw_line(*renderer, renderer->shape("ښه راغلاست", "ps", 36), ImVec2(20, 100), kInk);
        small_cache.flush();
    });
    EXPECT_GE(small_cache.page_count(), 2);
    // hb-shape: 9 glyphs (lam-alef is one), one of them the space.
    ASSERT_EQ(quads.size(), 8u);
    std::vector<ImTextureID> seen;
    for (const auto& q : quads) {
        EXPECT_GT(inked_texels(q), 0);
        if (std::find(seen.begin(), seen.end(), q.texture) == seen.end()) {
            seen.push_back(q.texture);
        }
    }
    EXPECT_EQ(seen.size(), static_cast<std::size_t>(small_cache.page_count()));
}

}  // namespace
}  // namespace kiosk::ui::text::testing

// Fixture for ui_text tests that draw: the real FontSet (Debian's Noto and DejaVu files), the
// real kiosk_i18n Shaper, a GlyphCache on the CPU texture backend, and a headless ImGui frame.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>

#include "kiosk/i18n/font_set.hpp"
#include "kiosk/i18n/shaper.hpp"
#include "kiosk/ui/text/glyph_cache.hpp"
#include "kiosk/ui/text/text_renderer.hpp"
#include "kiosk/ui/text/texture_backend.hpp"
#include "tests/ui_text/headless_imgui.hpp"

namespace kiosk::ui::text::testing {

class ShapedTextTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto fonts = i18n::FontSet::load(i18n::FontSearch{});
        ASSERT_TRUE(fonts.ok()) << fonts.error().message;
        fonts_.emplace(std::move(*fonts));
        shaper_ = std::make_unique<i18n::Shaper>(*fonts_);
        cache_ = std::make_unique<GlyphCache>(backend_);
        auto renderer = TextRenderer::create(*shaper_, *cache_);
        ASSERT_TRUE(renderer.ok()) << renderer.error().message;
        renderer_.emplace(std::move(*renderer));
    }

    // Runs one ImGui frame around `draw`, then uploads glyphs as the app does before rendering.
    template <typename Draw>
    void frame(Draw&& draw) {
        ImGui::NewFrame();
        draw();
        ImGui::Render();
        renderer_->flush();
    }

    // Texels with coverage inside a quad's UV rectangle, read from the CPU texture.
    int inked_texels(const Quad& q) const {
        const auto* tex = backend_.find(q.texture);
        if (tex == nullptr) {
            return 0;
        }
        const float w = static_cast<float>(tex->width);
        const float h = static_cast<float>(tex->height);
        int n = 0;
        for (int y = static_cast<int>(q.uv0.y * h); y < static_cast<int>(q.uv1.y * h); ++y) {
            for (int x = static_cast<int>(q.uv0.x * w); x < static_cast<int>(q.uv1.x * w); ++x) {
                n += backend_.alpha_at(q.texture, x, y) > 0 ? 1 : 0;
            }
        }
        return n;
    }

    // A glyph's side bearings in pixels at `px`, from HarfBuzz's ink extents in font units:
    // an independent reference for where its ink starts and ends relative to its advance.
    float left_bearing(const i18n::ShapedGlyph& g, int px) const {
        const i18n::Font& f = fonts_->font(g.font);
        hb_glyph_extents_t ext{};
        EXPECT_TRUE(hb_font_get_glyph_extents(f.hb_font(), g.glyph_id, &ext));
        return static_cast<float>(ext.x_bearing) * static_cast<float>(px) /
               static_cast<float>(f.units_per_em());
    }
    float right_bearing(const i18n::ShapedGlyph& g, int px) const {
        const i18n::Font& f = fonts_->font(g.font);
        hb_glyph_extents_t ext{};
        EXPECT_TRUE(hb_font_get_glyph_extents(f.hb_font(), g.glyph_id, &ext));
        const float units = static_cast<float>(
            hb_font_get_glyph_h_advance(f.hb_font(), g.glyph_id) - (ext.x_bearing + ext.width));
        return units * static_cast<float>(px) / static_cast<float>(f.units_per_em());
    }

    HeadlessImGui imgui_;
    std::optional<i18n::FontSet> fonts_;
    std::unique_ptr<i18n::Shaper> shaper_;
    CpuTextureBackend backend_;
    std::unique_ptr<GlyphCache> cache_;
    std::optional<TextRenderer> renderer_;
};

}  // namespace kiosk::ui::text::testing

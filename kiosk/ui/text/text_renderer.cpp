// TextRenderer: font mapping from the shaper's FontSet to the glyph cache, and glyph quads.
#include "kiosk/ui/text/text_renderer.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <string>
#include <utility>

namespace kiosk::ui::text {

kiosk::Result<TextRenderer> TextRenderer::create(i18n::Shaper& shaper, GlyphCache& cache) {
    const i18n::FontSet& set = shaper.fonts();
    std::vector<FontId> fonts;
    fonts.reserve(set.size());
    for (std::size_t i = 0; i < set.size(); ++i) {
        auto id = cache.open_font(set.font(i).path().string());
        if (!id) {
            return id.error();
        }
        fonts.push_back(*id);
    }
    return TextRenderer(shaper, cache, std::move(fonts));
}

int TextRenderer::snap_pixel_size(float pixel_size) {
    // 0xFFFF is the glyph cache's key limit; nothing on a kiosk screen comes near it.
    const float clamped = std::clamp(pixel_size, 1.0f, 4096.0f);
    return static_cast<int>(std::lround(clamped));
}

ShapedText TextRenderer::shape(std::string_view text, std::string_view language, float pixel_size) {
    const int px = snap_pixel_size(pixel_size);
    ShapedText shaped{shaper_->shape_line(text, language, static_cast<float>(px)), px};
    if (recording_) {
        shaped_strings_[shaped.line.get()] = std::string(text);
    }
    return shaped;
}

ShapedBlock TextRenderer::shape_paragraph(std::string_view text, std::string_view language,
                                          float pixel_size, float max_width) {
    const int px = snap_pixel_size(pixel_size);
    ShapedBlock block{shaper_->layout_paragraph(text, language, static_cast<float>(px), max_width),
                      px};
    if (recording_) {
        for (const i18n::ShapedLine& line : block.paragraph->lines) {
            shaped_strings_[&line] = std::string(text);
        }
    }
    return block;
}

void TextRenderer::record_drawn(bool on) {
    recording_ = on;
    shaped_strings_.clear();
    drawn_.clear();
}

std::vector<std::string> TextRenderer::take_drawn() {
    std::vector<std::string> out;
    out.swap(drawn_);
    shaped_strings_.clear();
    return out;
}

DrawCount TextRenderer::draw_glyph_run(ImDrawList* draw_list, ImVec2 origin,
                                       const i18n::ShapedLine& line, int pixel_size, ImU32 colour) {
    assert(draw_list != nullptr && "draw_glyph_run: no draw list");
    DrawCount count;
    // Glyphs may reach past the font's ascent/descent (marks, swashes): allow a size's margin.
    const float margin = static_cast<float>(pixel_size);
    const ImVec2 clip_min = draw_list->GetClipRectMin();
    const ImVec2 clip_max = draw_list->GetClipRectMax();
    if (origin.y - line.ascent - margin > clip_max.y ||
        origin.y + line.descent + margin < clip_min.y || origin.x - margin > clip_max.x ||
        origin.x + line.width + margin < clip_min.x) {
        return count;
    }
    if (recording_) {
        const auto shaped = shaped_strings_.find(&line);
        if (shaped != shaped_strings_.end() &&
            std::find(drawn_.begin(), drawn_.end(), shaped->second) == drawn_.end()) {
            drawn_.push_back(shaped->second);
        }
    }

    ImTextureID bound = nullptr;
    for (const i18n::ShapedGlyph& g : line.glyphs) {
        assert(g.font < fonts_.size() && "draw_glyph_run: glyph from a font the FontSet lacks");
        const auto sprite = cache_->get(fonts_[g.font], g.glyph_id, pixel_size);
        if (!sprite) {
            ++count.dropped;
            continue;
        }
        if (sprite->empty()) {
            continue;
        }
        // HarfBuzz's y grows up and the screen's down: a positive y_offset raises the glyph.
        const float pen_x = std::floor(origin.x + g.pen_x + g.x_offset + 0.5f);
        const float pen_y = std::floor(origin.y - g.y_offset + 0.5f);
        const ImVec2 p0(pen_x + static_cast<float>(sprite->left),
                        pen_y + static_cast<float>(sprite->top));
        const ImVec2 p1(p0.x + static_cast<float>(sprite->width),
                        p0.y + static_cast<float>(sprite->height));
        if (sprite->texture != bound) {
            if (bound != nullptr) {
                draw_list->PopTextureID();
            }
            draw_list->PushTextureID(sprite->texture);
            bound = sprite->texture;
        }
        draw_list->PrimReserve(6, 4);
        draw_list->PrimRectUV(p0, p1, sprite->uv0, sprite->uv1, colour);
        ++count.quads;
    }
    if (bound != nullptr) {
        draw_list->PopTextureID();
    }
    return count;
}

}  // namespace kiosk::ui::text

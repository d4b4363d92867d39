// TextRenderer: the one object views use to show shaped text. It asks kiosk_i18n's Shaper for
// visual lines (cached there, so a string seen before costs a lookup) and draws their glyphs as
// textured quads from the GlyphCache. UI thread only.
//
// Frame order for the app:
//   NewFrame -> views draw (TextRenderer::draw_glyph_run and the widgets in widgets.hpp)
//   -> ImGui::Render -> TextRenderer::flush (uploads new glyphs) -> render ImGui's draw data.
// If wants_redraw() is true after flush, draw one more frame (a full glyph cache dropped some).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <imgui.h>

#include "kiosk/core/result.hpp"
#include "kiosk/i18n/shaper.hpp"
#include "kiosk/ui/text/glyph_cache.hpp"

namespace kiosk::ui::text {

// A shaped line and the whole-pixel size it was shaped at (glyphs are rasterised at that size).
struct ShapedText {
    std::shared_ptr<const i18n::ShapedLine> line;
    int pixel_size = 0;

    float width() const { return line->width; }
    float height() const { return line->height(); }
    bool rtl() const { return line->base == i18n::TextDirection::rtl; }
};

// A paragraph broken into lines, with its size.
struct ShapedBlock {
    std::shared_ptr<const i18n::ShapedParagraph> paragraph;
    int pixel_size = 0;

    float height() const {
        return static_cast<float>(paragraph->lines.size()) * paragraph->line_height;
    }
};

// What one draw call emitted, for tests and diagnostics.
struct DrawCount {
    int quads = 0;    // glyphs drawn
    int dropped = 0;  // glyphs the cache could not provide this frame
};

class TextRenderer {
  public:
    // Opens every font of the shaper's FontSet in the glyph cache. Both must outlive the renderer.
    // Errors from GlyphCache::open_font ("ui_text.font_open").
    static kiosk::Result<TextRenderer> create(i18n::Shaper& shaper, GlyphCache& cache);

    // Shapes one line (cached by the shaper). Sizes are rounded to whole pixels so that shaping
    // and rasterising agree; a size below 1 px is treated as 1 px.
    ShapedText shape(std::string_view text, std::string_view language, float pixel_size);
    // Breaks text into lines no wider than max_width (the shaper's line breaking), then shapes.
    ShapedBlock shape_paragraph(std::string_view text, std::string_view language, float pixel_size,
                                float max_width);

    // Emits one quad per visible glyph of `line`, the left end of its baseline at `origin`.
    // Glyph origins are snapped to whole pixels so glyphs are sampled 1:1. Lines entirely
    // outside the draw list's clip rectangle emit nothing and rasterise nothing.
    DrawCount draw_glyph_run(ImDrawList* draw_list, ImVec2 origin_baseline_left,
                             const i18n::ShapedLine& line, int pixel_size, ImU32 colour);
    DrawCount draw_glyph_run(ImDrawList* draw_list, ImVec2 origin_baseline_left,
                             const ShapedText& text, ImU32 colour) {
        return draw_glyph_run(draw_list, origin_baseline_left, *text.line, text.pixel_size, colour);
    }

    // Uploads glyphs rasterised during this frame. Once per frame, before rendering draw data.
    void flush() { cache_->flush(); }
    bool wants_redraw() const { return cache_->wants_redraw(); }

    // The record of visible strings, for the scripted driver's `expect` (kiosk --script): while
    // on, every string shaped is remembered by its shaped line, and a line whose glyph run is
    // drawn (not clipped away) adds its string to the record. A paragraph is recorded whole
    // when any of its lines is drawn, so a script need not know where it wraps. Off by default:
    // it copies every string shaped.
    void record_drawn(bool on);
    // The strings drawn since the last call (each once, in the order first drawn), and a fresh
    // record. The app calls it once per frame.
    std::vector<std::string> take_drawn();

    i18n::Shaper& shaper() { return *shaper_; }
    GlyphCache& cache() { return *cache_; }

    static int snap_pixel_size(float pixel_size);

  private:
    TextRenderer(i18n::Shaper& shaper, GlyphCache& cache, std::vector<FontId> fonts)
        : shaper_(&shaper), cache_(&cache), fonts_(std::move(fonts)) {}

    i18n::Shaper* shaper_;
    GlyphCache* cache_;
    std::vector<FontId> fonts_;  // cache font id per FontSet index

    // record_drawn(): the string of each line shaped this frame (lines are alive while drawn,
    // so an address is not reused within a frame), and the strings drawn so far.
    bool recording_ = false;
    std::unordered_map<const i18n::ShapedLine*, std::string> shaped_strings_;
    std::vector<std::string> drawn_;
};

}  // namespace kiosk::ui::text

// The ImGui side of fonts and the missing-glyph audit. Every visible string is shaped by
// kiosk_i18n and drawn by kiosk_ui_text from its own glyph cache; ImGui's own atlas only holds a
// small Latin font (printable ASCII from the FontSet's Noto Sans) because ImGui needs one to
// start a frame. Font files are found once, by i18n::FontSet::load().
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.hpp"
#include "kiosk/i18n/font_set.hpp"
#include "kiosk/i18n/shaper.hpp"

struct ImFont;
struct ImFontAtlas;

namespace kiosk::ui {

struct Theme;

struct Fonts {
    ImFont* body = nullptr;  // ImGui's internal font: 1 em, printable ASCII only
};

// Adds ImGui's internal font (the Latin font of `fonts`, at theme.em) to `atlas` and builds it
// with FreeType. Error "ui.font_build" when the atlas cannot be built.
Result<Fonts> load_fonts(ImFontAtlas& atlas, const Theme& theme, const i18n::FontSet& fonts);

// Records code points a label needed that no font has (the shaper gave them glyph 0), so a
// missing glyph is reported (once each) instead of silently drawn as a box. Owned by the app for
// its lifetime; widgets check() what they draw, the app takes and logs the new ones after each
// frame.
class GlyphAudit {
  public:
    // `line` is `text` shaped (clusters are byte offsets into `text`).
    void check(const i18n::ShapedLine& line, std::string_view text);
    // Code points first seen missing since the last call.
    std::vector<char32_t> take_new();

  private:
    std::set<char32_t> seen_;
    std::vector<char32_t> new_;
};

// "U+0635": how a code point is named in logs.
std::string code_point_name(char32_t c);

}  // namespace kiosk::ui

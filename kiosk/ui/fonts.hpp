// Fonts for the nine shipped languages, from Debian's font packages: Noto Sans (Latin incl.
// Turkish and Kurmanji, Cyrillic), Noto Sans Arabic UI (Arabic, Persian, Pashto, with the
// presentation forms) and DejaVu Sans (arrows and anything the others lack), merged into one
// ImGui font per size. Only the code point ranges those languages need are rasterised, once
// (FreeType, no oversampling), to keep the atlas small (1024×2048 at 1080p).
#pragma once

#include <cstdint>
#include <filesystem>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.hpp"

struct ImFont;
struct ImFontAtlas;

namespace kiosk::ui {

struct Theme;

struct Fonts {
    ImFont* body = nullptr;   // 1 em; every range, including the Arabic presentation forms
    ImFont* title = nullptr;  // theme.title_scale em; the same without the presentation forms
};

// Where font files are looked for, first match wins: the override directories (an installed
// share/kiosk/fonts, the source tree's assets/fonts) and then Debian's system font directories.
std::vector<std::filesystem::path> font_search_dirs(
    std::span<const std::filesystem::path> override_dirs);

// The first `dirs` entry holding `file_name`. Error "ui.font_missing" naming the file and the
// Debian package that ships it.
Result<std::filesystem::path> find_font_file(std::string_view file_name,
                                             std::span<const std::filesystem::path> dirs);

// Adds the body and title fonts to `atlas` (sized from `theme`) and builds it with FreeType.
// Errors: "ui.font_missing", "ui.font_build".
Result<Fonts> load_fonts(ImFontAtlas& atlas, const Theme& theme,
                         std::span<const std::filesystem::path> dirs);

// Records code points a label needed that the font lacks, so a missing glyph is reported (once
// each) instead of silently drawn as a box. Owned by the app for its lifetime; views call
// check() on what they draw, the app takes and logs the new ones after each frame.
class GlyphAudit {
  public:
    void check(const ImFont& font, std::string_view utf8);
    // Code points first seen missing since the last call.
    std::vector<char32_t> take_new();

  private:
    std::set<char32_t> seen_;
    std::vector<char32_t> new_;
};

// "U+0635": how a code point is named in logs.
std::string code_point_name(char32_t c);

}  // namespace kiosk::ui

// Font discovery, glyph ranges, atlas building and the missing-glyph audit.
#include "kiosk/ui/fonts.hpp"

#include <imgui.h>
#include <imgui_freetype.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <system_error>

#include "kiosk/ui/theme.hpp"

namespace kiosk::ui {

namespace fs = std::filesystem;

namespace {

// [SECTION] Glyph ranges: pairs of inclusive bounds, zero-terminated. ImGui keeps pointers to
// these until the atlas is destroyed, so they are constants with static storage.

// Noto Sans: Latin with Latin-1 and Extended-A (Turkish ğ ı İ ş, Kurmanji ê î û ç ş),
// Cyrillic (Bulgarian, Ukrainian і ї є ґ, Russian), general punctuation (dashes, quotes, …).
constexpr std::array<ImWchar, 11> kLatinCyrillic = {0x0020, 0x007E, 0x00A0, 0x017F, 0x0400, 0x04FF,
                                                    0x2010, 0x2027, 0x2030, 0x203A, 0};

// Noto Sans Arabic UI: Arabic (with the Persian and Pashto letters), the presentation forms A
// and B that shaped text is drawn with, and the joining controls ZWNJ/ZWJ and direction marks.
constexpr std::array<ImWchar, 9> kArabic = {0x0600, 0x06FF, 0xFB50, 0xFDFF, 0xFE70,
                                            0xFEFF, 0x200C, 0x200F, 0};

// DejaVu Sans: arrows and the replacement character, plus every range above so that a code
// point the Noto fonts lack still gets a real glyph (merging never replaces a glyph).
constexpr std::array<ImWchar, 23> kFallback = {
    0x0020, 0x007E, 0x00A0, 0x017F, 0x0400, 0x04FF, 0x0600, 0x06FF, 0x2010, 0x2027, 0x2030, 0x203A,
    0x2190, 0x2199, 0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0x200C, 0x200F, 0xFFFD, 0xFFFD, 0};

// The title size leaves out the presentation forms: at 1.5 em they would double the atlas
// (2048² instead of 1024×2048, +8 MB of texture) for the few words a title holds. Shaped
// Arabic-script titles are drawn by the shaped-text renderer (kiosk/ui/text); until then a
// title shows the isolated letters, like the body font's unshaped fallback.
constexpr std::array<ImWchar, 5> kArabicTitle = {0x0600, 0x06FF, 0x200C, 0x200F, 0};
constexpr std::array<ImWchar, 17> kFallbackTitle = {0x0020, 0x007E, 0x00A0, 0x017F, 0x0400, 0x04FF,
                                                    0x0600, 0x06FF, 0x2010, 0x2027, 0x2030, 0x203A,
                                                    0x2190, 0x2199, 0xFFFD, 0xFFFD, 0};

struct FontSource {
    std::string_view file;
    std::string_view package;  // named in the error when the file is missing
    const ImWchar* ranges;
};

constexpr std::array kBodySources = {
    FontSource{"NotoSans-Regular.ttf", "fonts-noto-core", kLatinCyrillic.data()},
    FontSource{"NotoSansArabicUI-Regular.ttf", "fonts-noto-ui-core", kArabic.data()},
    FontSource{"DejaVuSans.ttf", "fonts-dejavu-core", kFallback.data()},
};
constexpr std::array kTitleSources = {
    FontSource{"NotoSans-Regular.ttf", "fonts-noto-core", kLatinCyrillic.data()},
    FontSource{"NotoSansArabicUI-Regular.ttf", "fonts-noto-ui-core", kArabicTitle.data()},
    FontSource{"DejaVuSans.ttf", "fonts-dejavu-core", kFallbackTitle.data()},
};

Result<ImFont*> add_merged_font(ImFontAtlas& atlas, float pixels,
                                std::span<const FontSource> sources,
                                std::span<const fs::path> dirs) {
    ImFont* font = nullptr;
    bool first = true;
    for (const FontSource& source : sources) {
        auto path = find_font_file(source.file, dirs);
        if (!path) {
            return make_error(path.error().code, path.error().message + " (Debian package " +
                                                     std::string(source.package) + ")");
        }
        ImFontConfig config;
        config.MergeMode = !first;
        config.OversampleH = 1;
        config.OversampleV = 1;
        config.PixelSnapH = true;
        config.GlyphRanges = source.ranges;
        font = atlas.AddFontFromFileTTF(path->c_str(), pixels, &config);
        if (font == nullptr) {
            return make_error("ui.font_build", "cannot read font " + path->string());
        }
        first = false;
    }
    return font;
}

// Decodes one UTF-8 sequence at `i`, advancing it; malformed bytes decode as U+FFFD.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    unsigned int c = 0;
    const int consumed = ImTextCharFromUtf8(&c, s.data() + i, s.data() + s.size());
    i += consumed > 0 ? static_cast<std::size_t>(consumed) : 1;
    return static_cast<char32_t>(c);
}

}  // namespace

std::vector<fs::path> font_search_dirs(std::span<const fs::path> override_dirs) {
    std::vector<fs::path> dirs(override_dirs.begin(), override_dirs.end());
    dirs.emplace_back("/usr/share/fonts/truetype/noto");
    dirs.emplace_back("/usr/share/fonts/truetype/dejavu");
    return dirs;
}

Result<fs::path> find_font_file(std::string_view file_name, std::span<const fs::path> dirs) {
    for (const auto& dir : dirs) {
        std::error_code ec;
        fs::path candidate = dir / file_name;
        if (fs::is_regular_file(candidate, ec)) {
            return candidate;
        }
    }
    return make_error("ui.font_missing", "font " + std::string(file_name) + " not found");
}

Result<Fonts> load_fonts(ImFontAtlas& atlas, const Theme& theme, std::span<const fs::path> dirs) {
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    // The atlas is only sampled 1:1; no padding for filtering is needed beyond ImGui's default.
    Fonts fonts;
    auto body = add_merged_font(atlas, theme.em, kBodySources, dirs);
    if (!body) {
        return body.error();
    }
    fonts.body = *body;
    auto title =
        add_merged_font(atlas, std::round(theme.em * theme.title_scale), kTitleSources, dirs);
    if (!title) {
        return title.error();
    }
    fonts.title = *title;
    if (!atlas.Build()) {
        return make_error("ui.font_build", "the font atlas could not be built");
    }
    return fonts;
}

void GlyphAudit::check(const ImFont& font, std::string_view utf8) {
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t c = next_code_point(utf8, i);
        if (c < 0x20) {
            continue;  // control characters are not drawn
        }
        const bool missing = c > IM_UNICODE_CODEPOINT_MAX ||
                             font.FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr;
        if (missing && seen_.insert(c).second) {
            new_.push_back(c);
        }
    }
}

std::vector<char32_t> GlyphAudit::take_new() {
    std::vector<char32_t> out;
    out.swap(new_);
    return out;
}

std::string code_point_name(char32_t c) {
    std::array<char, 16> buf{};
    std::snprintf(buf.data(), buf.size(), "U+%04X", static_cast<unsigned>(c));
    return buf.data();
}

}  // namespace kiosk::ui

// ImGui's internal fallback font and the missing-glyph audit.
#include "kiosk/ui/fonts.hpp"

#include <imgui.h>
#include <imgui_freetype.h>

#include <array>
#include <cstdio>

#include "kiosk/i18n/text_utf8.hpp"
#include "kiosk/ui/theme.hpp"

namespace kiosk::ui {

namespace {
// Printable ASCII: all ImGui itself may draw (nothing visible to a person uses it). ImGui keeps
// a pointer to the ranges until the atlas is destroyed, hence static storage.
constexpr std::array<ImWchar, 3> kAscii = {0x0020, 0x007E, 0};
}  // namespace

Result<Fonts> load_fonts(ImFontAtlas& atlas, const Theme& theme, const i18n::FontSet& fonts) {
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    const i18n::Font& latin = fonts.font(fonts.primary_for(HB_SCRIPT_LATIN));
    ImFontConfig config;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    config.GlyphRanges = kAscii.data();
    Fonts out;
    out.body = atlas.AddFontFromFileTTF(latin.path().c_str(), theme.em, &config);
    if (out.body == nullptr || !atlas.Build()) {
        return make_error("ui.font_build",
                          "cannot build ImGui's font from " + latin.path().string());
    }
    return out;
}

void GlyphAudit::check(const i18n::ShapedLine& line, std::string_view text) {
    for (const i18n::ShapedGlyph& g : line.glyphs) {
        if (g.glyph_id != 0 || g.cluster >= text.size()) {
            continue;
        }
        std::size_t length = 0;
        const char32_t c = i18n::decode_utf8_at(text, g.cluster, length);
        if (seen_.insert(c).second) {
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

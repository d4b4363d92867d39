// The fonts the kiosk draws text with, chosen by script: Noto Sans Arabic UI for Arabic script
// (Arabic, Persian, Pashto, Sorani), Noto Sans for Latin and Cyrillic, DejaVu Sans as the fallback
// for code points the script's font lacks. All are Debian packages (fonts-noto-ui-core,
// fonts-noto-core, fonts-dejavu-core); an override directory (the kiosk's installed
// assets/fonts) is searched first so a kiosk can ship its own copies.
#pragma once

#include <hb.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.hpp"

namespace kiosk::i18n {

// One font file, opened with HarfBuzz (memory-mapped; nothing is rasterised here).
class Font {
  public:
    // Error "i18n.font_unreadable" when the file cannot be read, "i18n.font_invalid" when it is
    // not a font HarfBuzz can use.
    static Result<Font> open(const std::filesystem::path& path);

    const std::filesystem::path& path() const { return path_; }
    // At a scale of one unit per font design unit: positions from hb_shape() are in font units.
    hb_font_t* hb_font() const { return font_.get(); }
    hb_face_t* hb_face() const { return face_.get(); }
    unsigned units_per_em() const { return upem_; }
    int ascender_units() const { return ascender_; }    // above the baseline, > 0
    int descender_units() const { return descender_; }  // below the baseline, > 0

    bool has_code_point(char32_t c) const;

    // The glyph's name as hb-shape prints it: the font's own name (post/CFF table), or
    // "gid<N>" when the font has none for it.
    std::string glyph_name(std::uint32_t glyph) const;

  private:
    struct HbDeleter {
        void operator()(hb_blob_t* p) const { hb_blob_destroy(p); }
        void operator()(hb_face_t* p) const { hb_face_destroy(p); }
        void operator()(hb_font_t* p) const { hb_font_destroy(p); }
    };
    Font() = default;

    std::filesystem::path path_;
    std::unique_ptr<hb_blob_t, HbDeleter> blob_;
    std::unique_ptr<hb_face_t, HbDeleter> face_;
    std::unique_ptr<hb_font_t, HbDeleter> font_;
    unsigned upem_ = 0;
    int ascender_ = 0;
    int descender_ = 0;
};

// Where font files are looked for: each override directory in order, then the Debian system
// directory of that font.
struct FontSearch {
    std::vector<std::filesystem::path> override_dirs;
    bool use_system_fonts = true;
};

// The fonts to try for one character, best first.
struct FontChain {
    std::array<std::uint16_t, 4> fonts{};
    std::size_t count = 0;
    std::span<const std::uint16_t> ids() const { return {fonts.data(), count}; }
};

// All fonts the kiosk uses, loaded once at start. Fonts are referred to by index (std::uint16_t)
// in shaped glyphs; indices are stable for the life of the FontSet.
class FontSet {
  public:
    // Loads every font of the kiosk. Error "i18n.font_missing" (with the places searched) when a
    // file is in none of the directories, or the Font::open() errors.
    static Result<FontSet> load(const FontSearch& search);

    std::size_t size() const { return fonts_.size(); }
    const Font& font(std::size_t index) const { return fonts_.at(index); }

    // The script's own font, then the fallback font, then the others.
    FontChain chain_for(hb_script_t script) const;

    // The font text of `script` is drawn with when it has the characters (the chain's head).
    std::uint16_t primary_for(hb_script_t script) const { return chain_for(script).fonts[0]; }

    // The primary font for the script of a shipped language's endonym (Noto Sans for an unknown
    // language).
    std::uint16_t primary_for_language(std::string_view language) const;

  private:
    std::vector<Font> fonts_;
    std::vector<std::vector<hb_script_t>> scripts_;  // per font: the scripts it is primary for
    std::uint16_t fallback_ = 0;
    std::uint16_t default_ = 0;  // for scripts no font claims: Noto Sans
};

}  // namespace kiosk::i18n

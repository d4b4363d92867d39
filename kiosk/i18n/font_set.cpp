// Font files by script, with an override directory and a fallback (see font_set.hpp).
#include "kiosk/i18n/font_set.hpp"

#include <array>
#include <cassert>
#include <system_error>

#include "kiosk/i18n/script.hpp"

namespace kiosk::i18n {
namespace {

enum class Role : std::uint8_t { primary, fallback };

struct FontFile {
    std::string_view file_name;
    std::string_view system_dir;  // where Debian installs it
    Role role;
    std::array<hb_script_t, 3> scripts;  // scripts this font is primary for (INVALID = unused)
};

// The kiosk's fonts. The first primary font is also the default for scripts no font claims.
constexpr std::array kFontFiles = {
    FontFile{"NotoSans-Regular.ttf",
             "/usr/share/fonts/truetype/noto",
             Role::primary,
             {HB_SCRIPT_LATIN, HB_SCRIPT_CYRILLIC, HB_SCRIPT_GREEK}},
    FontFile{"NotoSansArabicUI-Regular.ttf",
             "/usr/share/fonts/truetype/noto",
             Role::primary,
             {HB_SCRIPT_ARABIC, HB_SCRIPT_INVALID, HB_SCRIPT_INVALID}},
    FontFile{"DejaVuSans.ttf",
             "/usr/share/fonts/truetype/dejavu",
             Role::fallback,
             {HB_SCRIPT_INVALID, HB_SCRIPT_INVALID, HB_SCRIPT_INVALID}},
};

Result<std::filesystem::path> find_font(const FontFile& file, const FontSearch& search) {
    std::string searched;
    std::vector<std::filesystem::path> dirs = search.override_dirs;
    if (search.use_system_fonts) {
        dirs.emplace_back(file.system_dir);
    }
    for (const std::filesystem::path& dir : dirs) {
        std::filesystem::path candidate = dir / file.file_name;
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate, ec)) {
            return candidate;
        }
        searched += searched.empty() ? "" : ", ";
        searched += dir.string();
    }
    return make_error("i18n.font_missing", "font " + std::string(file.file_name) +
                                               " not found (searched: " + searched + ")");
}

}  // namespace

Result<Font> Font::open(const std::filesystem::path& path) {
    Font f;
    f.path_ = path;
    f.blob_.reset(hb_blob_create_from_file_or_fail(path.c_str()));
    if (!f.blob_) {
        return make_error("i18n.font_unreadable", "cannot read font file " + path.string());
    }
    f.face_.reset(hb_face_create(f.blob_.get(), 0));
    if (hb_face_get_glyph_count(f.face_.get()) == 0) {
        return make_error("i18n.font_invalid", "not a usable font file: " + path.string());
    }
    f.font_.reset(hb_font_create(f.face_.get()));  // default scale: font units
    f.upem_ = hb_face_get_upem(f.face_.get());
    hb_font_extents_t extents{};
    hb_font_get_h_extents(f.font_.get(), &extents);
    f.ascender_ = extents.ascender;
    f.descender_ = -extents.descender;
    return f;
}

bool Font::has_code_point(char32_t c) const {
    hb_codepoint_t glyph = 0;
    return hb_font_get_nominal_glyph(font_.get(), static_cast<hb_codepoint_t>(c), &glyph) != 0;
}

std::string Font::glyph_name(std::uint32_t glyph) const {
    // hb-shape serialises through hb_font_glyph_to_string(): the name if the font has one (cut
    // at 127 bytes), otherwise "gid" and the glyph index.
    std::array<char, 128> name{};
    if (hb_font_get_glyph_name(font_.get(), glyph, name.data(),
                               static_cast<unsigned>(name.size())) != 0) {
        return std::string(name.data());
    }
    return "gid" + std::to_string(glyph);
}

Result<FontSet> FontSet::load(const FontSearch& search) {
    FontSet set;
    const auto& files = kFontFiles;
    bool have_default = false;
    for (std::size_t i = 0; i < files.size(); ++i) {
        Result<std::filesystem::path> path = find_font(files[i], search);
        if (!path) {
            return path.error();
        }
        Result<Font> font = Font::open(*path);
        if (!font) {
            return font.error();
        }
        set.fonts_.push_back(std::move(font).value());
        std::vector<hb_script_t>& scripts = set.scripts_.emplace_back();
        for (hb_script_t s : files[i].scripts) {
            if (s != HB_SCRIPT_INVALID) {
                scripts.push_back(s);
            }
        }
        const auto index = static_cast<std::uint16_t>(i);
        if (files[i].role == Role::fallback) {
            set.fallback_ = index;
        } else if (!have_default) {
            set.default_ = index;
            have_default = true;
        }
    }
    return set;
}

FontChain FontSet::chain_for(hb_script_t script) const {
    FontChain chain;
    auto add = [&chain](std::uint16_t id) {
        for (std::size_t i = 0; i < chain.count; ++i) {
            if (chain.fonts[i] == id) {
                return;
            }
        }
        assert(chain.count < chain.fonts.size() && "FontChain: more fonts than slots");
        chain.fonts[chain.count++] = id;
    };
    std::uint16_t head = default_;
    for (std::size_t i = 0; i < scripts_.size(); ++i) {
        for (hb_script_t s : scripts_[i]) {
            if (s == script) {
                head = static_cast<std::uint16_t>(i);
            }
        }
    }
    add(head);
    add(fallback_);
    for (std::size_t i = 0; i < fonts_.size(); ++i) {
        add(static_cast<std::uint16_t>(i));
    }
    return chain;
}

std::uint16_t FontSet::primary_for_language(std::string_view language) const {
    const Result<hb_script_t> script = language_script(language);
    return primary_for(script ? *script : HB_SCRIPT_LATIN);
}

}  // namespace kiosk::i18n

// Direction and script properties (see script.hpp for why direction comes from the endonym).
#include "kiosk/i18n/script.hpp"

#include <fribidi.h>

#include <array>
#include <cassert>

#include "kiosk/i18n/languages.hpp"

namespace kiosk::i18n {
namespace {

bool is_real_script(hb_script_t s) {
    return s != HB_SCRIPT_COMMON && s != HB_SCRIPT_INHERITED && s != HB_SCRIPT_UNKNOWN;
}

Error unknown_language(std::string_view code) {
    return make_error("i18n.unknown_language",
                      "language '" + std::string(code) + "' is not one of the shipped languages");
}

// Default_Ignorable_Code_Point ranges from Unicode's DerivedCoreProperties.txt.
struct Range {
    char32_t first;
    char32_t last;
};
constexpr std::array kDefaultIgnorable = {
    Range{0x00AD, 0x00AD},   Range{0x034F, 0x034F},   Range{0x061C, 0x061C},
    Range{0x115F, 0x1160},   Range{0x17B4, 0x17B5},   Range{0x180B, 0x180F},
    Range{0x200B, 0x200F},   Range{0x202A, 0x202E},   Range{0x2060, 0x206F},
    Range{0x3164, 0x3164},   Range{0xFE00, 0xFE0F},   Range{0xFEFF, 0xFEFF},
    Range{0xFFA0, 0xFFA0},   Range{0xFFF0, 0xFFF8},   Range{0x1BCA0, 0x1BCA3},
    Range{0x1D173, 0x1D17A}, Range{0xE0000, 0xE0FFF},
};

}  // namespace

std::optional<TextDirection> paragraph_direction(std::string_view utf8) {
    const std::vector<CodePoint> cps = decode_utf8(utf8);
    std::vector<FriBidiChar> chars;
    chars.reserve(cps.size());
    for (const CodePoint& cp : cps) {
        chars.push_back(static_cast<FriBidiChar>(cp.value));
    }
    std::vector<FriBidiCharType> types(chars.size());
    fribidi_get_bidi_types(chars.data(), static_cast<FriBidiStrIndex>(chars.size()), types.data());
    const FriBidiParType dir =
        fribidi_get_par_direction(types.data(), static_cast<FriBidiStrIndex>(types.size()));
    if (dir == FRIBIDI_PAR_RTL) {
        return TextDirection::rtl;
    }
    if (dir == FRIBIDI_PAR_LTR) {
        return TextDirection::ltr;
    }
    return std::nullopt;
}

Result<hb_script_t> language_script(std::string_view code) {
    const std::optional<UiLanguage> lang = find_language(code);
    if (!lang) {
        return unknown_language(code);
    }
    for (const CodePoint& cp : decode_utf8(lang->endonym)) {
        const hb_script_t s = script_of(cp.value);
        if (is_real_script(s)) {
            return s;
        }
    }
    assert(false && "a shipped endonym must contain a letter");
    return unknown_language(code);
}

Result<TextDirection> language_direction(std::string_view code) {
    const std::optional<UiLanguage> lang = find_language(code);
    if (!lang) {
        return unknown_language(code);
    }
    const std::optional<TextDirection> dir = paragraph_direction(lang->endonym);
    assert(dir && "a shipped endonym must contain a strong character");
    return dir.value_or(TextDirection::ltr);
}

hb_script_t script_of(char32_t c) {
    return hb_unicode_script(hb_unicode_funcs_get_default(), static_cast<hb_codepoint_t>(c));
}

std::string script_tag(hb_script_t script) {
    std::array<char, 5> tag{};
    hb_tag_to_string(hb_script_to_iso15924_tag(script), tag.data());
    return std::string(tag.data(), 4);
}

std::vector<hb_script_t> resolve_scripts(std::span<const CodePoint> text, hb_script_t fallback) {
    std::vector<hb_script_t> out(text.size(), HB_SCRIPT_COMMON);
    hb_script_t last_real = HB_SCRIPT_INVALID;
    bool leading = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const hb_script_t s = script_of(text[i].value);
        if (is_real_script(s)) {
            if (leading) {
                // Characters before the first real script take that script.
                for (std::size_t j = 0; j < i; ++j) {
                    out[j] = s;
                }
                leading = false;
            }
            out[i] = s;
            last_real = s;
        } else if (!leading) {
            out[i] = last_real;
        }
    }
    if (leading) {
        for (hb_script_t& s : out) {
            s = fallback;
        }
    }
    return out;
}

bool is_combining_mark(char32_t c) {
    const hb_unicode_general_category_t gc =
        hb_unicode_general_category(hb_unicode_funcs_get_default(), static_cast<hb_codepoint_t>(c));
    return gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
           gc == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK;
}

bool is_default_ignorable(char32_t c) {
    for (const Range& r : kDefaultIgnorable) {
        if (c < r.first) {
            return false;
        }
        if (c <= r.last) {
            return true;
        }
    }
    return false;
}

}  // namespace kiosk::i18n

// Text direction and script, decided from the characters themselves (Unicode bidi classes and
// ISO 15924 scripts), never from a hand-made list of "RTL languages".
//
// How a language's UI direction is derived: the bidi direction of the first strong character
// of its endonym in shipped_languages() (FriBidi's paragraph direction). The endonym is data we
// ship anyway and is written in the language's own script, so adding a language cannot get its
// direction wrong without getting its name wrong too. The tests cross-check the result with
// HarfBuzz's hb_script_get_horizontal_direction() for the endonym's ISO 15924 script.
#pragma once

#include <hb.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.hpp"
#include "kiosk/i18n/text_utf8.hpp"

namespace kiosk::i18n {

enum class TextDirection : std::uint8_t { ltr, rtl };

// The direction of a paragraph from its first strong character (UAX #9 rules P2-P3, computed by
// FriBidi); nullopt when the text has no strong character (digits, punctuation, empty).
std::optional<TextDirection> paragraph_direction(std::string_view utf8);

// The ISO 15924 script of a shipped language: that of the first letter of its endonym.
// Error "i18n.unknown_language" when `code` is not shipped.
Result<hb_script_t> language_script(std::string_view code);

// The UI direction of a shipped language: the paragraph direction of its endonym (see above).
// Error "i18n.unknown_language" when `code` is not shipped.
Result<TextDirection> language_direction(std::string_view code);

// The Unicode Script property of one code point (Common and Inherited are returned as such).
hb_script_t script_of(char32_t c);

// The four-letter ISO 15924 tag ("Arab", "Latn", ...).
std::string script_tag(hb_script_t script);

// The script each code point is shaped with: Inherited takes the script of the character before
// it, Common (spaces, digits, punctuation) that of the nearest real script before it, or after it
// when none is before; `fallback` when the text has no real script at all.
std::vector<hb_script_t> resolve_scripts(std::span<const CodePoint> text, hb_script_t fallback);

// Nonspacing and enclosing marks (General_Category Mn, Me): harakat, Pashto/Urdu marks, accents.
bool is_combining_mark(char32_t c);

// Default_Ignorable_Code_Point (ZWNJ, ZWJ, bidi controls, variation selectors...): invisible
// characters that must stay in the run of their neighbours whatever font covers them.
bool is_default_ignorable(char32_t c);

}  // namespace kiosk::i18n

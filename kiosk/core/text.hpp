// Checks on text a person typed: valid UTF-8, length in Unicode code points (names arrive in
// Arabic, Cyrillic, Turkish: bytes are not characters), and characters that must not be stored.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::core {

// Decodes the code point that starts at byte `pos` and moves `pos` past it. Returns
// std::nullopt and leaves `pos` alone on malformed input (RFC 3629: shortest form only, no
// surrogates, nothing above U+10FFFF, no truncated sequence). `pos` must be < utf8.size().
std::optional<char32_t> next_code_point(std::string_view utf8, std::size_t& pos);

enum class Lines { Single, Multi };

struct TextFacts {
    bool valid_utf8 = false;      // well-formed: no overlongs, surrogates, truncations
    std::size_t code_points = 0;  // counted only when valid_utf8
    bool forbidden = false;       // holds a character no typed text should hold (see below)
    bool blank = false;           // empty or only white space
};

// Forbidden: control characters (C0, DEL, C1; a line feed is allowed in Lines::Multi), line and
// paragraph separators, bidi embeddings/overrides/isolates (they can reorder what staff read),
// BOM, noncharacters, U+FFFD (a sign of an earlier broken conversion) and private-use code
// points (the shaper draws glyphs there; typed text has no business in that range).
// Allowed on purpose: ZWNJ/ZWJ (Persian and Kurdish spelling needs them), LRM/RLM.
TextFacts inspect_text(std::string_view utf8, Lines lines = Lines::Single);

// `utf8` without leading and trailing white space (ASCII and Unicode spaces). Invalid UTF-8 is
// returned trimmed of ASCII white space only.
std::string_view trim_text(std::string_view utf8);

}  // namespace kiosk::core

// UTF-8 decoding for the shaping code and the text field: the logical text is kept as UTF-8 bytes,
// and every position the UI sees (cursor, glyph cluster) is a byte offset on a code-point boundary.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace kiosk::i18n {

inline constexpr char32_t kReplacementChar = U'\uFFFD';
inline constexpr char32_t kByteOrderMark = U'\uFEFF';

// One decoded code point and where its bytes start in the UTF-8 text.
struct CodePoint {
    char32_t value;
    std::uint32_t offset;  // byte offset of the first byte
};

// Decodes the code point starting at byte `offset`; sets `length` to the number of bytes it used.
// Malformed or overlong sequences and surrogates decode as U+FFFD with length 1, so decoding
// always advances and never reads past the end.
char32_t decode_utf8_at(std::string_view text, std::size_t offset, std::size_t& length);

// Decodes all of `text`. U+FEFF (byte order mark / zero-width no-break space) is dropped: FriBidi
// leaves it beside lam-alef and it has no business in UI text.
std::vector<CodePoint> decode_utf8(std::string_view text);

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Appends the UTF-8 encoding of `c` (which must be a Unicode scalar value).
void append_utf8(std::string& out, char32_t c);

// True when `offset` is 0, the end, or the first byte of a code point.
bool is_code_point_boundary(std::string_view text, std::size_t offset);

// The start of the code point before `offset` (0 stays 0).
std::size_t previous_code_point(std::string_view text, std::size_t offset);

// The offset just past the code point that starts at (or contains) `offset`; the end stays the end.
std::size_t next_code_point(std::string_view text, std::size_t offset);

}  // namespace kiosk::i18n

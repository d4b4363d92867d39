// UTF-8 decoding and character classes for inspect_text() and trim_text().
#include "kiosk/core/text.hpp"

#include <cassert>
#include <cstdint>

namespace kiosk::core {

std::optional<char32_t> next_code_point(std::string_view s, std::size_t& pos) {
    assert(pos < s.size() && "next_code_point: pos past the end");
    const auto byte = [&s](std::size_t i) { return static_cast<std::uint8_t>(s[i]); };
    const std::uint8_t lead = byte(pos);
    std::size_t extra = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (lead < 0x80) {
        ++pos;
        return lead;
    } else if ((lead & 0xE0U) == 0xC0U) {
        extra = 1;
        cp = lead & 0x1FU;
        min = 0x80;
    } else if ((lead & 0xF0U) == 0xE0U) {
        extra = 2;
        cp = lead & 0x0FU;
        min = 0x800;
    } else if ((lead & 0xF8U) == 0xF0U) {
        extra = 3;
        cp = lead & 0x07U;
        min = 0x10000;
    } else {
        return std::nullopt;  // a continuation byte or 0xF8..0xFF where a character should start
    }
    if (pos + extra >= s.size()) {
        return std::nullopt;  // truncated
    }
    for (std::size_t i = 1; i <= extra; ++i) {
        const std::uint8_t b = byte(pos + i);
        if ((b & 0xC0U) != 0x80U) {
            return std::nullopt;
        }
        cp = (cp << 6) | (b & 0x3FU);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return std::nullopt;
    }
    pos += extra + 1;
    return cp;
}

namespace {

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool is_forbidden(char32_t c, Lines lines) {
    if (c == U'\n') {
        return lines == Lines::Single;
    }
    return c < 0x20 || (c >= 0x7F && c <= 0x9F)  // C0, DEL, C1 controls
           || c == 0x2028 || c == 0x2029         // line/paragraph separators
           || (c >= 0x202A && c <= 0x202E)       // bidi embeddings, overrides
           || (c >= 0x2066 && c <= 0x2069)       // bidi isolates
           || c == 0xFEFF                        // BOM / zero-width no-break
           || (c >= 0xFFF9 && c <= 0xFFFD)       // annotations, U+FFFD
           || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFEU) == 0xFFFEU  // noncharacters
           || (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000;             // private use
}

}  // namespace

TextFacts inspect_text(std::string_view utf8, Lines lines) {
    TextFacts facts;
    facts.blank = true;
    std::size_t pos = 0;
    std::size_t count = 0;
    while (pos < utf8.size()) {
        const std::optional<char32_t> decoded = next_code_point(utf8, pos);
        if (!decoded) {
            facts.valid_utf8 = false;
            facts.blank = false;
            return facts;
        }
        const char32_t c = *decoded;
        ++count;
        facts.forbidden = facts.forbidden || is_forbidden(c, lines);
        facts.blank = facts.blank && is_space(c);
    }
    facts.valid_utf8 = true;
    facts.code_points = count;
    return facts;
}

std::string_view trim_text(std::string_view utf8) {
    // Leading white space: decode forward while the characters are spaces.
    std::size_t begin = 0;
    while (begin < utf8.size()) {
        std::size_t next = begin;
        const std::optional<char32_t> c = next_code_point(utf8, next);
        if (!c || !is_space(*c)) {
            break;
        }
        begin = next;
    }
    // Trailing white space: step back to the start of the last character each time.
    std::size_t end = utf8.size();
    while (end > begin) {
        std::size_t start = end - 1;
        while (start > begin && (static_cast<std::uint8_t>(utf8[start]) & 0xC0U) == 0x80U) {
            --start;
        }
        std::size_t probe = start;
        const std::optional<char32_t> c = next_code_point(utf8, probe);
        if (!c || probe != end || !is_space(*c)) {
            break;
        }
        end = start;
    }
    return utf8.substr(begin, end - begin);
}

}  // namespace kiosk::core

// UTF-8 decoding and code-point stepping (see text_utf8.hpp).
#include "kiosk/i18n/text_utf8.hpp"

#include <cassert>
#include <optional>
#include <string>

#include "kiosk/core/text.hpp"

namespace kiosk::i18n {
namespace {

bool is_continuation(unsigned char b) {
    return (b & 0xC0U) == 0x80U;
}

}  // namespace

char32_t decode_utf8_at(std::string_view text, std::size_t offset, std::size_t& length) {
    assert(offset < text.size() && "decode_utf8_at: offset past the end");
    // kiosk_core owns the strict decoder (RFC 3629); here a malformed byte becomes U+FFFD so
    // the text can still be drawn and edited.
    std::size_t pos = offset;
    if (const std::optional<char32_t> c = core::next_code_point(text, pos)) {
        length = pos - offset;
        return *c;
    }
    length = 1;
    return kReplacementChar;
}

std::vector<CodePoint> decode_utf8(std::string_view text) {
    std::vector<CodePoint> out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t len = 0;
        const char32_t c = decode_utf8_at(text, i, len);
        if (c != kByteOrderMark) {
            out.push_back(CodePoint{c, static_cast<std::uint32_t>(i)});
        }
        i += len;
    }
    return out;
}

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t len = 0;
        const char32_t c = decode_utf8_at(text, i, len);
        // A real U+FFFD in the text takes three bytes; a one-byte U+FFFD is a decoding error.
        if (c == kReplacementChar && len == 1) {
            return false;
        }
        i += len;
    }
    return true;
}

void append_utf8(std::string& out, char32_t c) {
    assert(c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF) && "append_utf8: not a scalar value");
    const auto v = static_cast<std::uint32_t>(c);
    if (v < 0x80U) {
        out.push_back(static_cast<char>(v));
    } else if (v < 0x800U) {
        out.push_back(static_cast<char>(0xC0U | (v >> 6)));
        out.push_back(static_cast<char>(0x80U | (v & 0x3FU)));
    } else if (v < 0x10000U) {
        out.push_back(static_cast<char>(0xE0U | (v >> 12)));
        out.push_back(static_cast<char>(0x80U | ((v >> 6) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | (v & 0x3FU)));
    } else {
        out.push_back(static_cast<char>(0xF0U | (v >> 18)));
        out.push_back(static_cast<char>(0x80U | ((v >> 12) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | ((v >> 6) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | (v & 0x3FU)));
    }
}

bool is_code_point_boundary(std::string_view text, std::size_t offset) {
    if (offset == 0 || offset >= text.size()) {
        return offset <= text.size();
    }
    return !is_continuation(static_cast<unsigned char>(text[offset]));
}

std::size_t previous_code_point(std::string_view text, std::size_t offset) {
    if (offset == 0) {
        return 0;
    }
    // Step back over at most three continuation bytes to a lead byte, then check the sequence
    // really reaches `offset`; if not (malformed text), the previous byte is its own code point.
    std::size_t start = offset - 1;
    std::size_t steps = 0;
    while (start > 0 && steps < 3 && is_continuation(static_cast<unsigned char>(text[start]))) {
        --start;
        ++steps;
    }
    std::size_t len = 0;
    decode_utf8_at(text, start, len);
    return start + len == offset ? start : offset - 1;
}

std::size_t next_code_point(std::string_view text, std::size_t offset) {
    if (offset >= text.size()) {
        return text.size();
    }
    std::size_t len = 0;
    decode_utf8_at(text, offset, len);
    return offset + len;
}

}  // namespace kiosk::i18n

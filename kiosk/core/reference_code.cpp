// Reference code generation and parsing (the format is described in reference_code.hpp).
#include "kiosk/core/reference_code.hpp"

#include <array>
#include <cassert>

namespace kiosk::core {

namespace {

// Crockford base32 symbols, then the five extra check symbols for values 32..36.
constexpr std::string_view kSymbols = "0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";
constexpr std::uint64_t kModulus = 37;
constexpr std::uint64_t kFortyBits = (std::uint64_t{1} << 40) - 1;
static_assert(kFortyBits == 0xFF'FFFF'FFFF, "a code carries forty data bits");

// Value of a typed character after Crockford's decoding rules, or -1 if it is not a data symbol.
int symbol_value(char c) {
    if (c >= 'a' && c <= 'z') {
        c = static_cast<char>(c - 'a' + 'A');
    }
    if (c == 'O') {
        return 0;
    }
    if (c == 'I' || c == 'L') {
        return 1;
    }
    const std::size_t at = kSymbols.substr(0, 32).find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

// True when a code with this 40-bit payload may be issued (see the rules in the header).
bool issuable(std::uint64_t payload) {
    const std::uint64_t first_seven = payload >> 5;
    return payload % kModulus < 32 && first_seven % kModulus != 0;
}

std::string encode(std::uint64_t payload) {
    std::string out(ReferenceCode::kSymbols, '0');
    for (std::size_t i = 0; i < ReferenceCode::kDataSymbols; ++i) {
        const std::size_t shift = 5 * (ReferenceCode::kDataSymbols - 1 - i);
        out[i] = kSymbols[(payload >> shift) & 0x1FU];
    }
    out[ReferenceCode::kDataSymbols] = crockford_check_symbol(payload);
    return out;
}

}  // namespace

char crockford_check_symbol(std::uint64_t value) {
    return kSymbols[value % kModulus];
}

ReferenceCode ReferenceCode::generate(Random& random) {
    for (;;) {
        std::array<std::uint8_t, 5> bytes{};
        random.fill(bytes);
        std::uint64_t payload = 0;
        for (const std::uint8_t b : bytes) {
            payload = (payload << 8) | b;
        }
        assert(payload <= kFortyBits && "five bytes make forty bits");
        if (issuable(payload)) {
            return ReferenceCode(encode(payload));
        }
    }
}

Result<ReferenceCode> ReferenceCode::parse(std::string_view typed) {
    std::uint64_t payload = 0;
    std::size_t count = 0;
    int check = -1;
    for (const char c : typed) {
        if (c == ' ' || c == '-') {
            continue;  // grouping, however the person typed it
        }
        const int value = symbol_value(c);
        if (value < 0) {
            return make_error("reference_code.invalid_symbol",
                              "a reference code holds only the digits and letters it was shown "
                              "with");
        }
        if (count < kDataSymbols) {
            payload = (payload << 5) | static_cast<std::uint64_t>(value);
        } else if (count == kDataSymbols) {
            check = value;
        }
        ++count;
    }
    if (count != kSymbols) {
        return make_error("reference_code.wrong_length", "a reference code has 9 symbols");
    }
    if (!issuable(payload) || static_cast<std::uint64_t>(check) != payload % kModulus) {
        return make_error("reference_code.bad_check",
                          "this is not a reference code the kiosk gave out (a symbol may be "
                          "wrong or two swapped)");
    }
    return ReferenceCode(encode(payload));
}

std::string ReferenceCode::display() const {
    assert(symbols_.size() == kSymbols && "a reference code has 9 symbols");
    std::string out;
    for (std::size_t i = 0; i < symbols_.size(); ++i) {
        if (i > 0 && i % 3 == 0) {
            out.push_back('-');
        }
        out.push_back(symbols_[i]);
    }
    return out;
}

}  // namespace kiosk::core

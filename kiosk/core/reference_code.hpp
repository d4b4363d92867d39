// Reference codes: what a person takes away (on screen, as a QR code, written down) and later
// reads aloud or types to staff to find their registration.
//
// Format (decided here):
//   - 8 random symbols of Crockford's base32 alphabet 0-9 A-Z without I L O U (40 bits), then
//     1 check symbol: the 40-bit value modulo 37, as Crockford defines it.
//   - Shown in three groups of three, "K4M-7Q2-PHX": three symbols are easy to hold in mind
//     and to read aloud, like a phone number.
//   - Issued codes are restricted so that people never meet the odd check symbols and every
//     adjacent swap is caught:
//       * the check value is below 32, so the check symbol is an ordinary symbol (never one of
//         Crockford's extra * ~ $ = U, which are hard to say and missing from keyboards);
//       * the value of the first 7 symbols is not a multiple of 37: otherwise swapping the
//         last data symbol with the check symbol would give another valid code.
//     The generator draws again when a draw breaks a rule (about 16% of draws), costing under a
//     quarter of a bit; the parser rejects codes that break one, as none was ever issued.
//   - Typed input is forgiving: lowercase, spaces and hyphens are accepted, I and L read as 1,
//     O as 0 (Crockford's decoding rules).
// Single-symbol substitutions and adjacent transpositions are always detected: 37 is prime and
// larger than the alphabet, so a change of one symbol, or a swap of two neighbours, changes the
// value by a non-multiple of 37.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "kiosk/core/random.hpp"
#include "kiosk/core/result.hpp"

namespace kiosk::core {

class ReferenceCode {
  public:
    static constexpr std::size_t kDataSymbols = 8;
    static constexpr std::size_t kSymbols = kDataSymbols + 1;

    static ReferenceCode generate(Random& random);
    // Normalises and checks what a person typed or read out. Error codes:
    // "reference_code.invalid_symbol", "reference_code.wrong_length", "reference_code.bad_check".
    static Result<ReferenceCode> parse(std::string_view typed);

    // The 9 canonical symbols with no separators: "K4M7Q2PHX" (for storage and QR codes).
    const std::string& canonical() const { return symbols_; }
    // Grouped for people: "K4M-7Q2-PHX".
    std::string display() const;

    bool operator==(const ReferenceCode&) const = default;

  private:
    explicit ReferenceCode(std::string symbols) : symbols_(std::move(symbols)) {}
    std::string symbols_;
};

// Crockford's check symbol for a 40-bit value: value mod 37, as one of
// "0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U". Exposed for tests and tools.
char crockford_check_symbol(std::uint64_t value);

}  // namespace kiosk::core

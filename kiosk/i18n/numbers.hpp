// Digits and dates in the person's language. Arabic uses Eastern Arabic digits (٠١٢...), Persian
// and Pashto the Persian ones (۰۱۲...); the other shipped languages use Western digits. Whether a
// kiosk shows native digits is a setting (DigitSettings), and it differs by use:
//   - counts and dates ("5 seconds left", "6 months"): the language's own digits by default;
//   - phone numbers, reference codes, years typed into fields: Western digits by default, because
//     staff, phones and forms read them that way and a person copies them digit by digit.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::i18n {

enum class DigitStyle {
    western,  // 0123456789 whatever the language
    native,   // the language's own digits where it has them (ar, fa, ps), else Western
};

// The kiosk setting: which digits to use for each kind of number.
struct DigitSettings {
    DigitStyle counts = DigitStyle::native;  // counts, dates, durations
    DigitStyle codes = DigitStyle::western;  // phone numbers, reference codes, typed numbers
};

// True when `lang` has its own digits (ar, fa, ps, with or without a region: "ar-SY").
bool has_native_digits(std::string_view lang);

// Replaces ASCII digits in UTF-8 `text` with the language's digits when style is native and the
// language has them; everything else is copied unchanged.
std::string localize_digits(std::string_view text, std::string_view lang, DigitStyle style);

// The integer `n` written with the digits `style` asks for (no grouping separators).
std::string format_count(std::int64_t n, std::string_view lang, DigitStyle style);

// "day month-name year" ("5 January 2025", "5 января 2025", "٥ يناير ٢٠٢٥"), month names from
// ICU's format (genitive where the language has one) in the person's language. Asserts that the
// date is valid.
std::string format_date(std::chrono::year_month_day date, std::string_view lang, DigitStyle style);

}  // namespace kiosk::i18n

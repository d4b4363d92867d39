// Digit mapping and the date formatter. Month names come from ICU's CLDR data (format context,
// wide width), so Russian gets "января", Ukrainian "січня", Kurmanji "rêbendanê".
#include "kiosk/i18n/numbers.hpp"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>

#include <cassert>
#include <string_view>

#include "kiosk/i18n/collate.hpp"

namespace kiosk::i18n {

namespace {

// The primary language subtag: "ar-SY" -> "ar", "fa_AF" -> "fa".
std::string_view base_language(std::string_view lang) {
    return lang.substr(0, lang.find_first_of("-_"));
}

// UTF-8 of the digit zero for the language, or empty when it uses Western digits.
std::string_view native_zero(std::string_view lang) {
    const auto base = base_language(lang);
    if (base == "ar") {
        return "\u0660";  // ARABIC-INDIC DIGIT ZERO
    }
    if (base == "fa" || base == "ps") {
        return "\u06F0";  // EXTENDED ARABIC-INDIC DIGIT ZERO (Persian forms of 4, 5, 6)
    }
    return {};
}

}  // namespace

bool has_native_digits(std::string_view lang) {
    return !native_zero(lang).empty();
}

std::string localize_digits(std::string_view text, std::string_view lang, DigitStyle style) {
    const auto zero = native_zero(lang);
    if (style == DigitStyle::western || zero.empty()) {
        return std::string(text);
    }
    // Both zeros are two-byte sequences (U+0660, U+06F0) and digits 0-9 follow them in order
    // with only the second byte changing.
    assert(zero.size() == 2 && "native digits are two-byte UTF-8");
    std::string out;
    out.reserve(text.size() * 2);
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            out += zero[0];
            out += static_cast<char>(zero[1] + (c - '0'));
        } else {
            out += c;
        }
    }
    return out;
}

std::string format_count(std::int64_t n, std::string_view lang, DigitStyle style) {
    return localize_digits(std::to_string(n), lang, style);
}

std::string format_date(std::chrono::year_month_day date, std::string_view lang, DigitStyle style) {
    assert(date.ok() && "format_date needs a valid date");
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale(icu_locale_id(lang).c_str());
    const icu::DateFormatSymbols symbols(locale, status);
    std::string month;
    const auto month_index = static_cast<unsigned>(date.month()) - 1;
    if (U_SUCCESS(status)) {
        std::int32_t count = 0;
        const auto* months =
            symbols.getMonths(count, icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::WIDE);
        if (months != nullptr && static_cast<std::int32_t>(month_index) < count) {
            months[month_index].toUTF8String(month);
        }
    }
    if (month.empty()) {  // no ICU data at all: a number keeps the date readable
        month = std::to_string(month_index + 1);
    }
    const std::string day = std::to_string(static_cast<unsigned>(date.day()));
    const std::string year = std::to_string(static_cast<int>(date.year()));
    return localize_digits(day, lang, style) + " " + month + " " +
           localize_digits(year, lang, style);
}

}  // namespace kiosk::i18n

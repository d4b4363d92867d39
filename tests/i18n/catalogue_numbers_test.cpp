// Digits in the person's script and the simple date format.
#include <gtest/gtest.h>

#include "kiosk/i18n/numbers.hpp"

namespace kiosk::i18n {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

TEST(Digits, ArabicUsesEasternArabicDigits) {
    EXPECT_EQ(localize_digits("0123456789", "ar", DigitStyle::native),
              "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669");
    EXPECT_EQ(localize_digits("Code 2024-07", "ar-SY", DigitStyle::native),
              "Code \u0662\u0660\u0662\u0664-\u0660\u0667");
}

TEST(Digits, PersianAndPashtoUsePersianDigits) {
    for (const auto* lang : {"fa", "ps", "fa_AF"}) {
        EXPECT_EQ(localize_digits("0123456789", lang, DigitStyle::native),
                  "\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9")
            << lang;
    }
}

TEST(Digits, WesternStyleAndOtherLanguagesStayUnchanged) {
    EXPECT_EQ(localize_digits("+90 532 123", "ar", DigitStyle::western), "+90 532 123");
    for (const auto* lang : {"en", "tr", "kmr", "bg", "uk", "ru"}) {
        EXPECT_EQ(localize_digits("Tel 0532", lang, DigitStyle::native), "Tel 0532") << lang;
        EXPECT_FALSE(has_native_digits(lang)) << lang;
    }
    EXPECT_TRUE(has_native_digits("ar"));
    EXPECT_TRUE(has_native_digits("ps"));
    // Non-ASCII text around the digits is kept byte for byte.
    EXPECT_EQ(localize_digits("ثانية 5", "ar", DigitStyle::native), "ثانية \u0665");
}

TEST(Digits, CountsKeepTheSign) {
    EXPECT_EQ(format_count(-12, "fa", DigitStyle::native), "-\u06F1\u06F2");
    EXPECT_EQ(format_count(1000000, "ru", DigitStyle::native), "1000000");
}

TEST(Digits, DefaultSettingSplitsCountsFromCodes) {
    const DigitSettings defaults;
    EXPECT_EQ(defaults.counts, DigitStyle::native);
    EXPECT_EQ(defaults.codes, DigitStyle::western);
}

TEST(Dates, DayMonthNameYearWithGenitiveMonths) {
    const year_month_day date{year{2025}, month{1}, day{5}};
    EXPECT_EQ(format_date(date, "en", DigitStyle::western), "5 January 2025");
    EXPECT_EQ(format_date(date, "tr", DigitStyle::western), "5 Ocak 2025");
    EXPECT_EQ(format_date(date, "ru", DigitStyle::western), "5 января 2025");
    EXPECT_EQ(format_date(date, "uk", DigitStyle::western), "5 січня 2025");
    EXPECT_EQ(format_date(date, "bg", DigitStyle::western), "5 януари 2025");
    EXPECT_EQ(format_date(date, "kmr", DigitStyle::western), "5 rêbendanê 2025");
}

TEST(Dates, ArabicScriptDatesCanUseNativeDigits) {
    const year_month_day date{year{2024}, month{5}, day{21}};
    EXPECT_EQ(format_date(date, "ar", DigitStyle::native),
              "\u0662\u0661 \u0645\u0627\u064A\u0648 \u0662\u0660\u0662\u0664");  // ٢١ مايو ٢٠٢٤
    EXPECT_EQ(format_date(date, "ar", DigitStyle::western), "21 \u0645\u0627\u064A\u0648 2024");
    const auto persian = format_date(date, "fa", DigitStyle::native);
    EXPECT_EQ(persian.substr(0, 4), "\u06F2\u06F1");
    EXPECT_EQ(persian.substr(persian.size() - 8), "\u06F2\u06F0\u06F2\u06F4");
}

}  // namespace
}  // namespace kiosk::i18n

// Tests for kiosk/core/iso_codes.hpp: the tables generated from iso-codes hold the real codes.
#include "kiosk/core/iso_codes.hpp"

#include <gtest/gtest.h>

namespace kiosk::core {
namespace {

TEST(IsoCodes, KnowsTheCountriesOurUsersComeFromAndWorkIn) {
    for (const char* code : {"TR", "BG", "SY", "AF", "IQ", "IR", "UA", "PS", "SD", "ER", "DE"}) {
        EXPECT_TRUE(is_country_code(code)) << code;
    }
}

TEST(IsoCodes, RejectsUnassignedMiscasedAndMisshapenCountryCodes) {
    for (const char* code : {"", "ZZ", "XK", "tr", "Tr", "TUR", "T", "UK"}) {
        EXPECT_FALSE(is_country_code(code)) << code;
    }
}

TEST(IsoCodes, KnowsIndividualLanguagesAndMacrolanguages) {
    // Arabic (macrolanguage) and North Levantine Arabic, Turkish, Dari, Pashto, Kurmanji,
    // Central Kurdish, Tigrinya, Ukrainian, Bulgarian.
    for (const char* code :
         {"ara", "apc", "tur", "prs", "pus", "kmr", "ckb", "tir", "ukr", "bul"}) {
        EXPECT_TRUE(is_language_code(code)) << code;
    }
}

TEST(IsoCodes, RejectsTwoLetterCodesCapitalsAndUnknownCodes) {
    for (const char* code : {"", "ar", "en", "ARA", "Tur", "qqq", "zzzz", "a1b"}) {
        EXPECT_FALSE(is_language_code(code)) << code;
    }
}

}  // namespace
}  // namespace kiosk::core

// Kiosk settings on a real database file: defaults, a round trip through a reopen, the limits
// at their edges, and refusals that leave the stored settings as they were.
#include "kiosk/store/kiosk_settings.hpp"

#include <gtest/gtest.h>

#include <array>
#include <functional>

#include "kiosk/store/settings.hpp"
#include "kiosk/store/sqlite.hpp"
#include "kiosk/store/staff.hpp"
#include "tests/store/store_fixture.hpp"

namespace kiosk::store {
namespace {

// The codes a build ships, as the app passes them (a made-up subset is enough here).
constexpr std::array<std::string_view, 4> kShipped = {"en", "tr", "ar", "uk"};

core::KioskSettings edited() {
    core::KioskSettings s;
    s.centre_name = "Nachbarschaftshaus Süd";
    s.retention_months = 36;
    s.languages = {"ar", "en", "uk"};
    s.idle = core::IdleConfig{Millis{120'000}, Millis{15'000}, Millis{900'000}};
    return s;
}

class KioskSettings : public testing::StoreTest {
  protected:
    core::KioskSettings load(core::KioskSettings defaults = {}) {
        auto loaded = load_kiosk_settings(db(), std::move(defaults));
        EXPECT_TRUE(loaded.ok()) << loaded.error().code << ": " << loaded.error().message;
        return loaded ? *loaded : core::KioskSettings{};
    }
};

TEST_F(KioskSettings, NothingStoredGivesTheDefaultsAndNoStaffPin) {
    core::KioskSettings defaults;
    defaults.current_year = 2026;
    defaults.default_language = "tr";
    defaults.staff_pin_set = true;  // overridden by what the database says
    core::KioskSettings expected = defaults;
    expected.staff_pin_set = false;
    EXPECT_EQ(load(defaults), expected);
}

TEST_F(KioskSettings, SavedSettingsComeBackAfterAReopenWithTheDefaultsKept) {
    ASSERT_TRUE(save_kiosk_settings(db(), edited(), kShipped).ok());
    ASSERT_TRUE(set_first_pin(db(), "135790").ok());
    reopen();
    core::KioskSettings defaults;
    defaults.current_year = 2027;
    defaults.consent_version = "2026-11";
    core::KioskSettings expected = edited();
    expected.current_year = 2027;
    expected.consent_version = "2026-11";
    expected.staff_pin_set = true;
    EXPECT_EQ(load(defaults), expected);
    EXPECT_EQ(get_setting(db(), "kiosk.languages").value(), std::optional<std::string>("ar,en,uk"));
    EXPECT_EQ(get_int_setting(db(), "kiosk.idle.staff_s").value(),
              std::optional<std::int64_t>(900));
}

TEST_F(KioskSettings, TheDigitsSettingIsOnByDefaultAndAStoredOffWins) {
    EXPECT_TRUE(load().native_digits);
    core::KioskSettings s = edited();
    s.native_digits = false;
    ASSERT_TRUE(save_kiosk_settings(db(), s, kShipped).ok());
    reopen();
    EXPECT_FALSE(load().native_digits);
    s.native_digits = true;
    ASSERT_TRUE(save_kiosk_settings(db(), s, kShipped).ok());
    EXPECT_TRUE(load().native_digits);
}

TEST_F(KioskSettings, AnEmptyLanguageListMeansEveryLanguageAndRoundTrips) {
    core::KioskSettings s = edited();
    s.languages.clear();
    ASSERT_TRUE(save_kiosk_settings(db(), s, kShipped).ok());
    core::KioskSettings with_languages;
    with_languages.languages = {"tr"};
    EXPECT_TRUE(load(with_languages).languages.empty()) << "the stored empty list wins";
}

TEST_F(KioskSettings, TheEdgesOfEveryLimitAreAccepted) {
    core::KioskSettings low = edited();
    low.retention_months = 1;
    low.idle = core::IdleConfig{Millis{30'000}, Millis{5'000}, Millis{60'000}};
    EXPECT_TRUE(save_kiosk_settings(db(), low, kShipped).ok());
    core::KioskSettings high = edited();
    high.retention_months = 120;
    high.idle = core::IdleConfig{Millis{600'000}, Millis{120'000}, Millis{3'600'000}};
    high.centre_name = std::string(SettingsLimits::kMaxCentreNameChars, 'x');
    EXPECT_TRUE(save_kiosk_settings(db(), high, kShipped).ok());
    EXPECT_EQ(load().idle, high.idle);
    // The limit counts letters, not bytes: 120 Cyrillic letters are 240 bytes.
    std::string cyrillic;
    for (std::size_t i = 0; i < SettingsLimits::kMaxCentreNameChars; ++i) {
        cyrillic += "Ж";
    }
    high.centre_name = cyrillic;
    EXPECT_TRUE(save_kiosk_settings(db(), high, kShipped).ok());
    high.centre_name += "Ж";
    EXPECT_EQ(save_kiosk_settings(db(), high, kShipped).error().code, settings_errc::kCentreName);
}

struct BadCase {
    const char* what;
    std::function<void(core::KioskSettings&)> spoil;
    const char* code;
};

TEST_F(KioskSettings, BadValuesAreRefusedWithTheirFieldAndNothingChanges) {
    ASSERT_TRUE(save_kiosk_settings(db(), edited(), kShipped).ok());
    using E = core::KioskSettings;
    const BadCase cases[] = {
        {"empty centre name", [](E& s) { s.centre_name.clear(); }, settings_errc::kCentreName},
        {"long centre name",
         [](E& s) { s.centre_name = std::string(SettingsLimits::kMaxCentreNameChars + 1, 'x'); },
         settings_errc::kCentreName},
        {"newline in name", [](E& s) { s.centre_name = "Centre\nB"; }, settings_errc::kCentreName},
        {"0 months", [](E& s) { s.retention_months = 0; }, settings_errc::kRetention},
        {"121 months", [](E& s) { s.retention_months = 121; }, settings_errc::kRetention},
        {"person 29 s", [](E& s) { s.idle.person_idle = Millis{29'000}; },
         settings_errc::kPersonIdle},
        {"person 601 s", [](E& s) { s.idle.person_idle = Millis{601'000}; },
         settings_errc::kPersonIdle},
        {"person 90.5 s", [](E& s) { s.idle.person_idle = Millis{90'500}; },
         settings_errc::kPersonIdle},
        {"warning 4 s", [](E& s) { s.idle.warning = Millis{4'000}; }, settings_errc::kWarning},
        {"warning 121 s", [](E& s) { s.idle.warning = Millis{121'000}; }, settings_errc::kWarning},
        {"staff 59 s", [](E& s) { s.idle.staff_idle = Millis{59'000}; }, settings_errc::kStaffIdle},
        {"staff 3601 s", [](E& s) { s.idle.staff_idle = Millis{3'601'000}; },
         settings_errc::kStaffIdle},
        {"unshipped language", [](E& s) { s.languages.push_back("de"); },
         settings_errc::kLanguages},
        {"repeated language", [](E& s) { s.languages.push_back("ar"); }, settings_errc::kLanguages},
        {"empty code", [](E& s) { s.languages.push_back(""); }, settings_errc::kLanguages},
    };
    for (const BadCase& c : cases) {
        core::KioskSettings s = edited();
        s.centre_name = "Another centre";  // a good change next to the bad one is not kept either
        c.spoil(s);
        auto saved = save_kiosk_settings(db(), s, kShipped);
        ASSERT_FALSE(saved.ok()) << c.what << " was accepted";
        EXPECT_EQ(saved.error().code, c.code) << c.what;
        EXPECT_FALSE(saved.error().message.empty()) << c.what;
        EXPECT_EQ(load().centre_name, edited().centre_name) << c.what;
    }
    EXPECT_EQ(load(), edited());
}

TEST_F(KioskSettings, AStoredValueOfTheWrongTypeIsAClearErrorOnLoad) {
    ASSERT_TRUE(set_setting(db(), "kiosk.retention_months", "two years").ok());
    auto loaded = load_kiosk_settings(db(), {});
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, errc::kBadSetting);
    EXPECT_NE(loaded.error().message.find("kiosk.retention_months"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::store

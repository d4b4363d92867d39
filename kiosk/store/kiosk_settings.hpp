// What staff set on the settings screen (core::KioskSettings), kept in the `settings` table:
//   kiosk.centre_name        text
//   kiosk.retention_months   integer
//   kiosk.languages          codes offered on Welcome, in order, comma-separated ("" = all)
//   kiosk.idle.person_s  kiosk.idle.warning_s  kiosk.idle.staff_s     whole seconds
// Values are checked before anything is written (validate_kiosk_settings) and saved in one
// transaction, so a refused or failed save leaves every stored setting as it was.
#pragma once

#include <span>
#include <string_view>

#include "kiosk/core/result.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/store/database.hpp"

namespace kiosk::store {

// Why a save was refused (Error::code): the path of the field at fault (core/field_path.hpp),
// so the settings screen shows the message next to it.
namespace settings_errc {
inline constexpr const char* kCentreName = "settings.centre_name";  // empty, too long, control char
inline constexpr const char* kRetention = "settings.retention_months";  // not 1..120 months
inline constexpr const char* kPersonIdle = "settings.person_idle_s";    // not 30..600 s
inline constexpr const char* kWarning = "settings.warning_s";           // not 5..120 s
inline constexpr const char* kStaffIdle = "settings.staff_idle_s";      // not 60..3600 s
inline constexpr const char* kLanguages = "settings.languages";         // unknown or repeated code
}  // namespace settings_errc

// Limits staff may choose within.
struct SettingsLimits {
    static constexpr int kMinRetentionMonths = 1;
    static constexpr int kMaxRetentionMonths = 120;
    static constexpr Millis kMinPersonIdle{30'000};
    static constexpr Millis kMaxPersonIdle{600'000};
    static constexpr Millis kMinWarning{5'000};
    static constexpr Millis kMaxWarning{120'000};
    static constexpr Millis kMinStaffIdle{60'000};
    static constexpr Millis kMaxStaffIdle{3'600'000};
    static constexpr std::size_t kMaxCentreNameChars = 120;  // code points, not bytes
};

// Checks what staff can edit. `shipped` are the UI language codes this build has (the store
// does not know them: the app passes i18n::shipped_languages()' codes). Idle times must be whole
// seconds. The first problem found is returned.
Status validate_kiosk_settings(const core::KioskSettings& settings,
                               std::span<const std::string_view> shipped);

// `defaults` with every stored value over it; staff_pin_set = has_staff_pin. Keys never saved
// keep their default. Errors: store.bad_setting (a stored value of the wrong type), store errors.
Result<core::KioskSettings> load_kiosk_settings(Database& db, core::KioskSettings defaults);

// Validates, then writes every key above in one transaction. Errors: settings_errc codes
// (nothing written), store errors (nothing written).
Status save_kiosk_settings(Database& db, const core::KioskSettings& settings,
                           std::span<const std::string_view> shipped);

}  // namespace kiosk::store

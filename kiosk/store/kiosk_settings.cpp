// Kiosk settings in the settings table (see kiosk_settings.hpp).
#include "kiosk/store/kiosk_settings.hpp"

#include <algorithm>
#include <string>

#include "kiosk/store/settings.hpp"
#include "kiosk/store/sqlite.hpp"
#include "kiosk/store/staff.hpp"

namespace kiosk::store {

namespace {

constexpr std::string_view kCentreNameKey = "kiosk.centre_name";
constexpr std::string_view kRetentionKey = "kiosk.retention_months";
constexpr std::string_view kNativeDigitsKey = "kiosk.native_digits";
constexpr std::string_view kLanguagesKey = "kiosk.languages";
constexpr std::string_view kPersonIdleKey = "kiosk.idle.person_s";
constexpr std::string_view kWarningKey = "kiosk.idle.warning_s";
constexpr std::string_view kStaffIdleKey = "kiosk.idle.staff_s";

bool has_control_character(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7F;
    });
}

// Code points in UTF-8 text: every byte that does not continue a sequence starts one.
std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

bool whole_seconds_within(Millis value, Millis min, Millis max) {
    return value.count() % 1000 == 0 && value >= min && value <= max;
}

std::string join_codes(const std::vector<std::string>& codes) {
    std::string out;
    for (const std::string& code : codes) {
        out += (out.empty() ? "" : ",") + code;
    }
    return out;
}

std::vector<std::string> split_codes(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        out.emplace_back(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    }
    return out;
}

// Reads an integer setting into `into` when it is stored.
template <typename T, typename Convert>
Status load_int(Database& db, std::string_view key, T& into, Convert convert) {
    auto value = get_int_setting(db, key);
    if (!value) {
        return value.error();
    }
    if (*value) {
        into = convert(**value);
    }
    return Ok{};
}

Millis from_seconds(std::int64_t seconds) {
    return Millis{seconds * 1000};
}

}  // namespace

Status validate_kiosk_settings(const core::KioskSettings& s,
                               std::span<const std::string_view> shipped) {
    using L = SettingsLimits;
    if (s.centre_name.empty() || code_points(s.centre_name) > L::kMaxCentreNameChars ||
        has_control_character(s.centre_name)) {
        return make_error(settings_errc::kCentreName, "the centre name must be 1 to " +
                                                          std::to_string(L::kMaxCentreNameChars) +
                                                          " characters with no control characters");
    }
    if (s.retention_months < L::kMinRetentionMonths ||
        s.retention_months > L::kMaxRetentionMonths) {
        return make_error(settings_errc::kRetention, "retention must be 1 to 120 months");
    }
    if (!whole_seconds_within(s.idle.person_idle, L::kMinPersonIdle, L::kMaxPersonIdle)) {
        return make_error(settings_errc::kPersonIdle, "person idle time must be 30 to 600 s");
    }
    if (!whole_seconds_within(s.idle.warning, L::kMinWarning, L::kMaxWarning)) {
        return make_error(settings_errc::kWarning, "idle warning must be 5 to 120 s");
    }
    if (!whole_seconds_within(s.idle.staff_idle, L::kMinStaffIdle, L::kMaxStaffIdle)) {
        return make_error(settings_errc::kStaffIdle, "staff idle time must be 60 to 3600 s");
    }
    for (auto it = s.languages.begin(); it != s.languages.end(); ++it) {
        if (std::find(shipped.begin(), shipped.end(), *it) == shipped.end()) {
            return make_error(settings_errc::kLanguages,
                              "language '" + *it + "' is not shipped with this kiosk");
        }
        if (std::find(s.languages.begin(), it, *it) != it) {
            return make_error(settings_errc::kLanguages, "language '" + *it + "' is listed twice");
        }
    }
    return Ok{};
}

Result<core::KioskSettings> load_kiosk_settings(Database& db, core::KioskSettings defaults) {
    core::KioskSettings s = std::move(defaults);
    auto centre = get_setting(db, kCentreNameKey);
    if (!centre) {
        return centre.error();
    }
    if (*centre) {
        s.centre_name = **centre;
    }
    auto languages = get_setting(db, kLanguagesKey);
    if (!languages) {
        return languages.error();
    }
    if (*languages) {
        s.languages = split_codes(**languages);
    }
    const auto to_int = [](std::int64_t v) { return static_cast<int>(v); };
    for (const Status& loaded : {load_int(db, kRetentionKey, s.retention_months, to_int),
                                 load_int(db, kPersonIdleKey, s.idle.person_idle, from_seconds),
                                 load_int(db, kWarningKey, s.idle.warning, from_seconds),
                                 load_int(db, kStaffIdleKey, s.idle.staff_idle, from_seconds)}) {
        if (!loaded) {
            return loaded.error();
        }
    }
    auto digits = get_bool_setting(db, kNativeDigitsKey);
    if (!digits) {
        return digits.error();
    }
    s.native_digits = digits->value_or(s.native_digits);
    auto pin_set = has_staff_pin(db);
    if (!pin_set) {
        return pin_set.error();
    }
    s.staff_pin_set = *pin_set;
    return s;
}

Status save_kiosk_settings(Database& db, const core::KioskSettings& s,
                           std::span<const std::string_view> shipped) {
    if (auto valid = validate_kiosk_settings(s, shipped); !valid) {
        return valid;
    }
    const auto seconds = [](Millis m) { return m.count() / 1000; };
    return in_transaction<Ok>(db, [&]() -> Status {
        for (const Status& written :
             {set_setting(db, kCentreNameKey, s.centre_name),
              set_setting(db, kLanguagesKey, join_codes(s.languages)),
              set_int_setting(db, kRetentionKey, s.retention_months),
              set_int_setting(db, kPersonIdleKey, seconds(s.idle.person_idle)),
              set_int_setting(db, kWarningKey, seconds(s.idle.warning)),
              set_int_setting(db, kStaffIdleKey, seconds(s.idle.staff_idle)),
              set_bool_setting(db, kNativeDigitsKey, s.native_digits)}) {
            if (!written) {
                return written;
            }
        }
        return Ok{};
    });
}

}  // namespace kiosk::store

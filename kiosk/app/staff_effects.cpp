// Staff mode's store side (see staff_effects.hpp).
#include "kiosk/app/staff_effects.hpp"

#include <algorithm>
#include <cassert>
#include <string>

#include "kiosk/store/kiosk_settings.hpp"
#include "kiosk/store/staff.hpp"
#include "platform/log.hpp"
#include "sync/client/client.hpp"

namespace kiosk::app {

namespace {

// A PinChecked that tells staff the store failed; the code (never the PIN) goes to the log.
core::PinChecked store_failed(const Error& error) {
    platform::log_error(error.code, "staff PIN: " + error.message);
    return core::PinChecked{false, {}, "staff.pin_store_error", 0};
}

core::PinChecked sign_in(store::Database& db, std::string_view pin, std::int64_t now_unix) {
    auto check = store::check_pin(db, pin, now_unix);
    if (!check) {
        return store_failed(check.error());
    }
    if (check->ok) {
        return core::PinChecked{true, check->staff_id, {}, 0};
    }
    const bool locked = check->locked_until > now_unix;
    if (locked && !check->refused_locked) {
        platform::log_warn("staff.pin_locked",
                           "PIN pad locked for " + std::to_string(check->locked_until - now_unix) +
                               " s after " + std::to_string(check->failures) + " wrong PINs");
    }
    return core::PinChecked{
        false, {}, locked ? "staff.pin_locked" : "staff.pin_wrong", check->locked_until};
}

}  // namespace

std::vector<std::string_view> shipped_language_codes() {
    std::vector<std::string_view> codes;
    for (const i18n::UiLanguage& lang : i18n::shipped_languages()) {
        codes.push_back(lang.code);
    }
    return codes;
}

core::PinChecked perform_pin_request(store::Database& db, const core::Session& session,
                                     std::int64_t now_unix) {
    const std::string& pin = session.pin.entry;
    switch (session.pin.pending) {
        case core::PinRequest::SignIn:
            return sign_in(db, pin, now_unix);
        case core::PinRequest::SetFirst: {
            auto id = store::set_first_pin(db, pin);
            if (!id) {
                return store_failed(id.error());
            }
            platform::log_info("staff.pin_set", "the first staff PIN was set");
            return core::PinChecked{true, *id, "staff.pin_set", 0};
        }
        case core::PinRequest::Change: {
            if (auto changed = store::change_pin(db, session.staff_id, pin); !changed) {
                return store_failed(changed.error());
            }
            platform::log_info("staff.pin_changed", "a staff PIN was changed");
            return core::PinChecked{true, {}, "staff.pin_changed", 0};
        }
        case core::PinRequest::None:
            break;
    }
    assert(false && "perform_pin_request without a pending PIN request");
    return core::PinChecked{};
}

core::SettingsStored perform_settings_save(store::Database& db, const core::Session& session) {
    assert(session.settings_pending && "perform_settings_save without a pending save");
    const std::vector<std::string_view> shipped = shipped_language_codes();
    if (auto saved = store::save_kiosk_settings(db, session.settings_draft, shipped); !saved) {
        if (!saved.error().code.starts_with("settings.")) {
            platform::log_error(saved.error().code, "kiosk settings: " + saved.error().message);
        }
        return core::SettingsStored{false, saved.error().code};
    }
    return core::SettingsStored{true, {}};
}

bool run_staff_effects(store::Database& db, core::Session& session, const Clock& clock) {
    if (session.idle != core::IdlePhase::Active) {
        return false;
    }
    bool changed = false;
    if (session.pin.pending != core::PinRequest::None) {
        const core::PinChecked answer = perform_pin_request(db, session, clock.unix_seconds());
        session = core::reduce(std::move(session), answer, clock.monotonic());
        changed = true;
    }
    if (session.settings_pending) {
        const core::SettingsStored answer = perform_settings_save(db, session);
        session = core::reduce(std::move(session), answer, clock.monotonic());
        changed = true;
    }
    return changed;
}

Result<core::KioskSettings> load_settings(store::Database& db, core::KioskSettings defaults) {
    auto loaded = store::load_kiosk_settings(db, std::move(defaults));
    if (!loaded) {
        return loaded.error();
    }
    std::erase_if(loaded->languages,
                  [](const std::string& code) { return !i18n::find_language(code); });
    return loaded;
}

std::vector<i18n::UiLanguage> offered_languages(const core::KioskSettings& settings) {
    const auto shipped = i18n::shipped_languages();
    if (settings.languages.empty()) {
        return {shipped.begin(), shipped.end()};
    }
    std::vector<i18n::UiLanguage> offered;
    for (const std::string& code : settings.languages) {
        if (const auto lang = i18n::find_language(code)) {
            offered.push_back(*lang);
        }
    }
    return offered;
}

Result<ui::KioskStatus> read_kiosk_status(store::Database& db) {
    auto sync = sync::client::read_status(db);
    if (!sync) {
        return sync.error();
    }
    ui::KioskStatus status;
    status.queued = sync->queue.queued + sync->queue.sending;  // both are still to be sent
    status.rejected = sync->queue.rejected;
    status.acked_kept = sync->queue.acked;
    status.last_success_unix = sync->last_success.value_or(0);
    // The worker stores "code: message"; the screen shows the stable code only.
    const std::string error = sync->last_error.value_or("");
    status.last_error = error.substr(0, error.find(": "));
    status.enrolled = sync->enrolled;
    status.enrolment_needed = sync->enrolment_needed;
    return status;
}

}  // namespace kiosk::app

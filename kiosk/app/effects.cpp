// The app's side effects (see effects.hpp).
#include "kiosk/app/effects.hpp"

#include <system_error>

#include "kiosk/app/staff_effects.hpp"
#include "kiosk/app/submit.hpp"
#include "platform/log.hpp"
#include "sync/protocol/envelope.hpp"

namespace kiosk::app {

namespace {

// Session::saving: seal and store the draft; only the store's COMMIT makes it "saved".
void save_registration(core::Session& session, Services& services) {
    auto saved = store_registration(*services.db, session.draft, services.server_public_key,
                                    *services.random, services.clock->unix_seconds());
    const Millis now = services.clock->monotonic();
    if (saved) {
        session = core::reduce(
            std::move(session),
            core::RegistrationSaved{saved.value().reference_code, saved.value().record_id}, now);
    } else {
        // The code and message name no person: safe to log.
        platform::log_error(saved.error().code, saved.error().message);
        session = core::reduce(std::move(session), core::SaveFailed{saved.error().code}, now);
    }
}

// Session::interest_pending: seal and store the interest; only the COMMIT marks it sent.
void save_interest(core::Session& session, Services& services) {
    InterestContent interest{*session.interest_pending, session.language,
                             session.draft.staff_assisted || session.staff_mode,
                             session.staff_mode ? session.staff_id : session.draft.staff_id};
    if (session.registered) {
        interest.staff_assisted = session.registered->profile.staff_assisted;
        interest.staff_id = session.registered->profile.staff_id;
    }
    const std::string& consent = session.registered ? session.registered->profile.consent_version
                                                    : session.settings.consent_version;
    auto stored = store_interest(*services.db, interest, consent, services.server_public_key,
                                 *services.random, services.clock->unix_seconds());
    const Millis now = services.clock->monotonic();
    if (stored) {
        session = core::reduce(std::move(session), core::InterestSaved{}, now);
    } else {
        platform::log_error(stored.error().code, stored.error().message);
        session = core::reduce(std::move(session), core::InterestFailed{stored.error().code}, now);
    }
}

}  // namespace

Result<std::string> load_server_key(std::span<const std::filesystem::path> candidates) {
    for (const auto& path : candidates) {
        std::error_code ec;
        if (std::filesystem::exists(path, ec)) {
            return sync::read_key_file(path.string(), 32);
        }
    }
    return std::string();
}

bool run_effects(core::Session& session, Services& services) {
    bool changed = false;
    if (session.saving && session.idle == core::IdlePhase::Active) {
        save_registration(session, services);  // always answered: saved or failed
        changed = true;
    }
    if (session.interest_pending && session.idle == core::IdlePhase::Active) {
        save_interest(session, services);  // always answered: saved or failed
        changed = true;
    }
    return run_staff_effects(*services.db, session, *services.clock) || changed;
}

}  // namespace kiosk::app

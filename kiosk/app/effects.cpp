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
    auto code = store_registration(*services.db, session.draft, services.server_public_key,
                                   *services.random, services.clock->unix_seconds());
    const Millis now = services.clock->monotonic();
    if (code) {
        session = core::reduce(std::move(session), core::RegistrationSaved{code.value()}, now);
    } else {
        // The code and message name no person: safe to log.
        platform::log_error(code.error().code, code.error().message);
        session = core::reduce(std::move(session), core::SaveFailed{code.error().code}, now);
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
    return run_staff_effects(*services.db, session, *services.clock) || changed;
}

}  // namespace kiosk::app

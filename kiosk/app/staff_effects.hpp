// The store side of staff mode. The reducer only marks what it wants done (Session::pin.pending,
// Session::settings_pending); after each frame the app does it here with the database and
// applies the answer (PinChecked, SettingsStored) through core::reduce, so the session never
// claims a PIN or a setting was saved before the store's commit returned.
//
// Argon2id is slow on purpose (~0.1-0.5 s per hash on a kiosk), so a PIN request blocks the
// frame it runs in; the pad shows nothing new meanwhile, which is acceptable behind a PIN. The
// perform_* functions take and return plain values, so a worker thread can run them instead.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/result.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/i18n/languages.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/ui/view_context.hpp"

namespace kiosk::app {

// The codes of i18n::shipped_languages(), for validating the languages staff offer.
std::vector<std::string_view> shipped_language_codes();

// Does what session.pin.pending asks (sign in, first PIN, change PIN) at wall time `now_unix`
// and returns the answer. Catalogue keys in PinChecked::message: staff.pin_wrong,
// staff.pin_locked (with locked_until), staff.pin_set, staff.pin_changed, staff.pin_store_error.
// The session must have a pending request (asserted).
core::PinChecked perform_pin_request(store::Database& db, const core::Session& session,
                                     std::int64_t now_unix);

// Validates and stores session.settings_draft; error_code is a store::settings_errc code, or
// "store.*" when the database failed. The session must have settings_pending (asserted).
core::SettingsStored perform_settings_save(store::Database& db, const core::Session& session);

// After a frame's intents were applied: runs whichever of the two the session asks for and
// applies the answer at clock.monotonic(). Nothing runs under the idle warning (the reducer
// would drop the answer and the request would run again). Returns true when the session changed.
bool run_staff_effects(store::Database& db, core::Session& session, const Clock& clock);

// At start: the stored kiosk settings over `defaults` (current_year, default_language and
// consent_version come from `defaults`), and whether a staff PIN exists. Languages no longer
// shipped are dropped, so an older database cannot offer a catalogue this build lacks.
Result<core::KioskSettings> load_settings(store::Database& db, core::KioskSettings defaults);

// The languages Welcome offers for `settings`, in order: settings.languages, or every shipped
// language when it is empty.
std::vector<i18n::UiLanguage> offered_languages(const core::KioskSettings& settings);

// For the staff status screen (ctx.status): outbox counts and the sync worker's last result.
Result<ui::KioskStatus> read_kiosk_status(store::Database& db);

}  // namespace kiosk::app

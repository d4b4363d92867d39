// The kiosk session: which screen a person is on, in which language, their registration draft,
// and the idle timers that wipe it all when they walk away.
// Views record Intents; after the frame the app applies them with the pure reducer below, and
// calls tick() whenever it wakes (at the latest at next_deadline()).
//
// [SECTION] The idle state machine
//
//                    T1: an intent that leaves a trace (reduce)
//   +----------+ ---------------------------------------> +--------+
//   | Pristine |                                          | Active | <--+ T0: any accepted
//   +----------+ <--------------------------------------- +--------+ ---+ intent (reduce)
//     ^               T5: EndSession (reduce -> reset)      |    ^
//     |                                                     |    | T3: ContinueSession
//     |                       T2: idle limit reached (tick) |    | (reduce -> continue_session)
//     |                           (-> begin_warning)        v    |
//     |                                                   +---------+
//     +---------------------------------------------------| Warning |
//        T4: countdown over (tick -> reset)               +---------+
//        T5: EndSession (reduce -> reset)
//
//   Pristine  the session equals a fresh one (Welcome screen, default language, empty draft,
//             not staff): there is nothing to protect, so no timer runs and next_deadline() is
//             empty; an idle kiosk sleeps until someone touches it. Pristine is a property of
//             the state (is_pristine), not a stored flag.
//   Active    someone is using the kiosk. The idle limit is settings.idle.person_idle (90 s),
//             or settings.idle.staff_idle (5 min) while staff are signed in.
//   Warning   the "are you still there?" overlay with a countdown of settings.idle.warning (20 s).
//             Only ContinueSession and EndSession are honoured; any other intent is dropped:
//             it was aimed at the screen under the overlay, and must neither change the
//             previous person's data nor keep their session alive.
//
//   T0 activity         reduce(any intent) in Active: last_activity = now   (apply_active)
//   T1 first trace      reduce(ChooseLanguage, StaffSignedIn, ...) on a pristine session
//   T2 begin_warning    tick(): now - last_activity >= idle limit; warning_since = now
//   T3 continue_session reduce(ContinueSession) in Warning: Active, last_activity = now
//   T4 reset            tick(): now - warning_since >= settings.idle.warning -> fresh_session()
//   T5 reset            reduce(EndSession) in Active or Warning -> fresh_session()
// reduce() runs tick() first, so an intent is judged against the state at its own time: a
// ContinueSession that arrives after the countdown ended cannot revive the session.
//
// A reset keeps only the kiosk-level settings (Session::settings); the draft, the language, the
// reference code, staff sign-in, errors and save state all go (tested via operator==).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/registration.hpp"

namespace kiosk::core {

enum class Screen {
    Welcome,  // language picker; the start and the end of every visit
    Notice,   // what we collect and why; consent or decline (after a language is chosen)
    Contact,  // registration steps, one screen per Step (see step_for)
    AboutYou,
    Languages,
    Education,
    Work,
    Availability,
    Review,  // everything at a glance before it is saved
    Done,    // saved: the reference code to take away
};

// The registration step a screen edits, if it is one of them, and the other way round.
std::optional<Step> step_for(Screen screen);
Screen screen_for(Step step);

// --- Intents: what a person (or the app on their behalf) asked for during a frame. ---
struct ChooseLanguage {
    std::string language;  // BCP 47 / ISO 639 code as offered by the kiosk: "en", "tr", "ar", ...
};
struct Next {};  // validates the current step; moves on only when it has no errors
struct Back {};
struct ContinueSession {};  // "I am still here" on the idle warning
struct EndSession {};       // "finish" / "start again" / declining consent: wipe and go to Welcome
struct AcceptConsent {
    std::int64_t unix_seconds = 0;  // wall time of the tap; the app stamps it (views read no clock)
};
struct EditDraft {
    Registration draft;  // the screen's edited copy; consent and staff fields are kept from state
};
struct StaffSignedIn {
    std::string staff_id;  // after the PIN was checked elsewhere
};
struct StaffSignedOut {};
// Saving, in three steps so that nobody is told "saved" before the store's commit returned:
// Submit (Review screen) checks every step; with errors it goes to the first screen that has
// one, otherwise it normalises the draft and sets Session::saving. The app sees `saving`,
// stores the draft, then applies RegistrationSaved or SaveFailed.
struct Submit {};
struct RegistrationSaved {
    std::string reference_code;  // display form; shown on Done. The draft is cleared.
};
struct SaveFailed {
    std::string error_code;  // kiosk::Error::code from the store; the draft is kept for a retry
};

using Intent =
    std::variant<ChooseLanguage, Next, Back, ContinueSession, EndSession, AcceptConsent, EditDraft,
                 StaffSignedIn, StaffSignedOut, Submit, RegistrationSaved, SaveFailed>;

// Idle timing (issue 3's defaults).
struct IdleConfig {
    Millis person_idle{90'000};
    Millis warning{20'000};
    Millis staff_idle{300'000};
    bool operator==(const IdleConfig&) const = default;
};

// What belongs to the kiosk, not to the person: survives every reset.
struct KioskSettings {
    IdleConfig idle;
    std::string default_language = "en";
    std::string consent_version = "1";  // the notice text version a consent refers to
    int current_year = 0;               // for validation; the app sets it from the wall clock
    bool operator==(const KioskSettings&) const = default;
};

enum class IdlePhase { Active, Warning };

struct Session {
    Screen screen = Screen::Welcome;
    std::string language = "en";
    Millis last_activity{0};  // monotonic time of the last accepted intent

    IdlePhase idle = IdlePhase::Active;
    Millis warning_since{0};  // monotonic time the warning appeared (valid in Warning)
    bool staff_mode = false;
    std::string staff_id;
    Registration draft;
    std::vector<FieldError> errors;  // of the last Next on this screen; cleared when leaving
    std::string reference_code;      // on the Done screen
    bool saving = false;             // Submit accepted; the app is storing the draft
    std::string save_error;          // the last SaveFailed, shown on Review until the next try

    KioskSettings settings;

    bool operator==(const Session&) const = default;
};

// A new visit on the Welcome screen at monotonic time `now`, keeping only `settings`.
Session fresh_session(const KioskSettings& settings, Millis now);

// True when the session holds nothing of anyone (see the diagram): no timer runs.
bool is_pristine(const Session& state);

// Applies one intent at monotonic time `now` and returns the new state. Pure: no I/O.
Session reduce(Session state, const Intent& intent, Millis now);

// Evaluates the timers at monotonic time `now` (T2, T4). Pure.
Session tick(Session state, Millis now);

// When tick() next has something to do, so the app can sleep until then: the idle limit in
// Active, the reset in Warning, nothing when pristine.
std::optional<Millis> next_deadline(const Session& state);

// When the app must next wake to keep the screen true: next_deadline(), or earlier in Warning
// when the overlay's whole-second countdown changes.
std::optional<Millis> next_wakeup(const Session& state, Millis now);

// Whole seconds left on the warning overlay, rounded up (20 when it appears, 1 in its last
// second); 0 when not in Warning.
int seconds_left_in_warning(const Session& state, Millis now);

}  // namespace kiosk::core

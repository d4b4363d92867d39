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

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/registration.hpp"

namespace kiosk::core {

enum class Screen {
    Welcome,   // language picker; the start and the end of every visit
    Notice,    // what we collect and why; accept (consent) or decline
    Declined,  // declined: nothing was stored; finish, or browse jobs without registering
    // The registration screens, in the order of kRegistrationScreens. Each edits a few fields
    // of one Step (see step_for / fields_of) and is validated on "Next".
    Name,
    Contact,  // phone with calling code, optional email
    BirthYear,
    Gender,
    Nationality,  // searchable list of countries (iso-codes names)
    City,
    Languages,  // languages spoken with CEFR levels, spoken and written
    Education,  // ISCED level and field
    Occupations,
    WorkHistory,
    PriorLearning,
    Availability,  // when, hours, work permit
    Preferences,   // sectors, hours, cities
    Review,        // everything at a glance before it is saved, each with "change"
    Done,          // saved: the reference code (and QR code) to take away
    // Job offers, with or without registering (issue 5).
    Jobs,          // the open offers, searchable; reached from Declined and Done
    JobDetail,     // one offer, everything a person needs to decide; "I'm interested"
    InterestCode,  // "I'm interested" without registering this visit: the reference code
    // Staff-assisted mode (behind the PIN).
    StaffPin,       // PIN pad: sign in; on first start: choose the first staff PIN
    StaffMenu,      // assisted registration, status, settings, change PIN, leave
    StaffStatus,    // records queued, last sync result, errors
    StaffSettings,  // centre name, retention, languages offered, idle timeouts
    StaffNewPin,    // change the signed-in staff member's PIN
};

// The registration screens in flow order (Notice comes before, Review after).
inline constexpr Screen kRegistrationScreens[] = {
    Screen::Name,        Screen::Contact,     Screen::BirthYear,     Screen::Gender,
    Screen::Nationality, Screen::City,        Screen::Languages,     Screen::Education,
    Screen::Occupations, Screen::WorkHistory, Screen::PriorLearning, Screen::Availability,
    Screen::Preferences};

// The registration step a screen edits, if it is one of them; the first screen of a step.
std::optional<Step> step_for(Screen screen);
Screen screen_for(Step step);
// The screen that edits a validation error's field ("work_history[1].role" -> WorkHistory).
Screen screen_for_field(std::string_view field);
// 1-based position of a registration screen in kRegistrationScreens, 0 for other screens.
int registration_position(Screen screen);

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
    // Set by staff (StaffSettings) and stored by the app in the kiosk's settings table.
    std::string centre_name;             // who collects the data, named on the notice
    int retention_months = 24;           // how long the centre keeps a registration, on the notice
    std::vector<std::string> languages;  // offered on Welcome, in order; empty: all shipped
    // Counts and dates in the language's own digits where it has them (Arabic ٣, Persian and
    // Pashto ۳); off: Western digits everywhere. Phone numbers and codes stay Western either way.
    bool native_digits = true;
    bool staff_pin_set = false;  // false on first start: the PIN pad asks for a first PIN
    bool operator==(const KioskSettings&) const = default;
};

// --- Intents: what a person (or the app on their behalf) asked for during a frame. ---
struct ChooseLanguage {
    std::string language;  // BCP 47 / ISO 639 code as offered by the kiosk: "en", "tr", "ar", ...
};
struct Next {};  // validates the current screen; moves on only when it has no errors
struct Back {};
struct ContinueSession {};  // "I am still here" on the idle warning
struct EndSession {};       // "finish" / "start again": wipe and go to Welcome
struct AcceptConsent {
    std::int64_t unix_seconds = 0;  // wall time of the tap; the app stamps it (views read no clock)
};
struct DeclineConsent {};  // Notice -> Declined; nothing of the person is kept
// Declined or Done -> Jobs (Back returns there); Jobs -> JobDetail of offer `id`.
struct OpenJobs {};
struct OpenJob {
    std::string id;  // from Jobs; from Done only the offer the person registered for
};
// The Jobs list's filters (FilterJobs replaces them; Back from Jobs clears them).
struct JobFilters {
    std::string city_key;       // store::fold_place of the city (or region); "" = any
    std::string city;           // the city as the list shows it
    std::string sector;         // ISIC Rev. 4 section letter; "" = any
    std::string contract;       // "full_time", "part_time", "seasonal"; "" = any
    bool my_languages = false;  // only offers whose languages the registered person speaks
    bool operator==(const JobFilters&) const = default;
};
struct FilterJobs {
    JobFilters filters;
};
// "I'm interested" (JobDetail), in three steps like saving a registration: the reducer sets
// Session::interest_pending, the app seals and stores the interest record, then applies
// InterestSaved or InterestFailed. Linked to the registration saved in this visit, else to a
// reference code typed on InterestCode (SendInterestCode) and kept for the rest of the visit.
struct ExpressInterest {};
struct SendInterestCode {};     // InterestCode: the code in Session::interest_code
struct RegisterForInterest {};  // InterestCode, "I have no code": register first (Notice)
struct InterestSaved {};
struct InterestFailed {
    std::string error_code;  // the store's; shown on JobDetail, nothing is marked sent
};
struct EditDraft {
    Registration draft;  // the screen's edited copy; consent and staff fields are kept from state
};
// Text fields: the on-screen keyboard edits the field that has the focus. `field` is a path
// understood by text_field()/set_text_field() in field_path.hpp ("given_name",
// "phone.national_number", "work_history[0].role", "search", "settings.centre_name").
struct FocusField {
    std::string field;
    std::string layout;  // the keyboard layout the field starts with ("digits", "ar", "tr", ...)
};
struct EditText {
    std::string field;
    std::string text;        // the whole new value (logical UTF-8)
    std::size_t cursor = 0;  // byte offset of the caret in `text`
};
struct SetKeyboard {
    std::string layout;
    bool shift = false;
};
struct CloseKeyboard {};  // "done" on the keyboard: no field has the focus
// Review's "change": edit a screen and come back to the review after it. Also the staff menu's
// entries (only staff screens, only when signed in).
struct GoTo {
    Screen screen = Screen::Review;
};
struct StaffSignedIn {
    std::string staff_id;  // after the PIN was checked (PinChecked) or for tests
};
struct StaffSignedOut {};
// Saving, in three steps so that nobody is told "saved" before the store's commit returned:
// Submit (Review screen) checks every step; with errors it goes to the first screen that has
// one, otherwise it normalises the draft and sets Session::saving. The app sees `saving`,
// stores the draft, then applies RegistrationSaved or SaveFailed.
struct Submit {};
struct RegistrationSaved {
    std::string reference_code;  // display form; shown on Done. The draft is cleared.
    std::string record_id;       // the sealed record's id: an interest links to it
};
struct SaveFailed {
    std::string error_code;  // kiosk::Error::code from the store; the draft is kept for a retry
};

// --- Staff-assisted mode. ---
struct OpenStaff {};  // the discreet long press: the PIN pad (or the menu when signed in)
struct PinDigit {
    char digit = '0';  // '0'..'9'
};
struct PinBackspace {};
// "OK" on the PIN pad: asks the app to check (or, on StaffNewPin / first start, to set) the
// PIN in Session::pin.entry. The app sees pin.pending, does it with the store, and applies
// PinChecked.
struct PinEnter {};
struct PinChecked {
    bool ok = false;
    std::string staff_id;           // who signed in (ok, signing in)
    std::string message;            // catalogue key of what to tell the staff member, or empty
    std::int64_t locked_until = 0;  // unix seconds; the pad refuses digits until then
};
struct StartAssisted {};  // staff menu: a registration with the person, marked as staff-assisted
// Staff settings screen: the edited copy lives in Session::settings_draft (text fields use the
// paths "settings.*" of field_path.hpp, choices come whole in EditSettings). SaveSettings asks
// the app to store the draft (Session::settings_pending); the app applies SettingsStored.
struct EditSettings {
    KioskSettings settings;
};
struct SaveSettings {};
struct SettingsStored {
    bool ok = false;
    std::string error_code;  // when !ok; the draft is kept
};

using Intent =
    std::variant<ChooseLanguage, Next, Back, ContinueSession, EndSession, AcceptConsent,
                 DeclineConsent, OpenJobs, OpenJob, FilterJobs, ExpressInterest, SendInterestCode,
                 RegisterForInterest, InterestSaved, InterestFailed, EditDraft, FocusField,
                 EditText, SetKeyboard, CloseKeyboard, GoTo, StaffSignedIn, StaffSignedOut, Submit,
                 RegistrationSaved, SaveFailed, OpenStaff, PinDigit, PinBackspace, PinEnter,
                 PinChecked, StartAssisted, EditSettings, SaveSettings, SettingsStored>;

// The text field being typed into, and where its caret is.
struct TextFocus {
    std::string field;
    std::size_t cursor = 0;  // byte offset into the field's text
    bool operator==(const TextFocus&) const = default;
};

// The on-screen keyboard's mode (layout ids are kiosk/i18n/keyboard.hpp's).
struct KeyboardMode {
    std::string layout;
    bool shift = false;
    bool operator==(const KeyboardMode&) const = default;
};

// Staff PINs: at least 6 digits (issue 3), at most 12.
inline constexpr std::size_t kMinPinDigits = 6;
inline constexpr std::size_t kMaxPinDigits = 12;

// What the PIN pad asks the app to do with Session::pin.entry.
enum class PinRequest { None, SignIn, SetFirst, Change };

struct PinPad {
    std::string entry;                      // digits typed so far (drawn as dots)
    std::string first_entry;                // a new PIN typed once, waiting for its confirmation
    PinRequest pending = PinRequest::None;  // set by PinEnter, cleared by PinChecked
    std::string message;            // catalogue key: "staff.pin_wrong", "staff.pin_short", ...
    std::int64_t locked_until = 0;  // unix seconds; shown as a wait, digits refused meanwhile
    bool operator==(const PinPad&) const = default;
};

// Taps on Next/Back/GoTo closer than this to the previous screen change are dropped: the second
// tap of a double tap must not act on the screen the first one opened.
inline constexpr Millis kScreenChangeGuard{350};

enum class IdlePhase { Active, Warning };

// The registration saved in this visit, kept in memory until the session ends (finish or idle
// reset, like everything else of the person): "Jobs for you" ranks offers against `profile`,
// and "I'm interested" links to `record_id`. Nothing of it is stored readable.
struct VisitRegistration {
    std::string record_id;
    std::string reference_code;  // display form
    Registration profile;        // the answers as saved (normalised)
    bool operator==(const VisitRegistration&) const = default;
};

// An interest the app is to seal and store (Session::interest_pending).
struct PendingInterest {
    std::string job_id;
    std::string registration_id;  // the visit's registration; "" when linked by code only
    std::string reference_code;   // canonical ("K4M7Q2PHX"); always set
    bool operator==(const PendingInterest&) const = default;
};

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
    Millis screen_since{
        -kScreenChangeGuard};    // monotonic time the screen last changed (kScreenChangeGuard)
    bool review_return = false;  // editing from Review: Next and Back go back to Review

    std::string search;                  // the query of the screen's searchable list
    Screen jobs_from = Screen::Welcome;  // where Back from Jobs returns (Declined or Done)
    std::string job_id;                  // the offer JobDetail shows
    std::string jobs_search;             // Jobs' query, kept while an offer is open
    JobFilters job_filters;              // Jobs' filters, kept while an offer is open

    std::optional<VisitRegistration> registered;      // saved in this visit (Done)
    std::string interest_code;                        // typed on InterestCode
    std::string interest_error;                       // reference_code.* or a store error code
    std::string linked_code;                          // a typed code that sent an interest
    std::optional<PendingInterest> interest_pending;  // the app is storing it
    std::vector<std::string> interests_sent;          // offer ids, this visit
    std::string interest_job;        // the offer a person registers for ("I have no code")
    std::optional<TextFocus> focus;  // the text field the keyboard types into
    KeyboardMode keyboard;

    PinPad pin;
    KioskSettings settings_draft;   // StaffSettings' edited copy
    bool settings_pending = false;  // SaveSettings accepted; the app is storing settings_draft
    std::string settings_error;     // the last failed SettingsStored

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

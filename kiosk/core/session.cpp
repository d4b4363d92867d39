// The session reducer and idle timers; the state machine is drawn in session.hpp.
#include "kiosk/core/session.hpp"

#include "kiosk/core/field_path.hpp"
#include "kiosk/core/reference_code.hpp"

#include <algorithm>
#include <iterator>
#include <type_traits>
#include <utility>

namespace kiosk::core {

namespace {

bool starts_with_path(std::string_view field, std::string_view prefix) {
    // "languages" matches "languages" and "languages[2].code", not "languages_x".
    if (field.substr(0, prefix.size()) != prefix) {
        return false;
    }
    return field.size() == prefix.size() || field[prefix.size()] == '[' ||
           field[prefix.size()] == '.';
}

bool is_registration_screen(Screen screen) {
    return registration_position(screen) > 0;
}

bool is_staff_screen(Screen screen) {
    return screen == Screen::StaffPin || screen == Screen::StaffMenu ||
           screen == Screen::StaffStatus || screen == Screen::StaffSettings ||
           screen == Screen::StaffNewPin;
}

// Neighbouring registration screen (direction ±1); before the first is Notice, after the last
// is Review.
Screen neighbour(Screen screen, int direction) {
    const int position = registration_position(screen);
    const int n = static_cast<int>(std::size(kRegistrationScreens));
    const int next = position + direction;
    if (next < 1) {
        return Screen::Notice;
    }
    if (next > n) {
        return Screen::Review;
    }
    return kRegistrationScreens[next - 1];
}

// Every screen change goes through here: what belongs to one screen does not follow to the next.
Session change_screen(Session s, Screen screen, Millis now) {
    if (s.screen != screen) {
        if (s.screen == Screen::InterestCode) {
            s.interest_code.clear();  // typed for one interest; a sent code is linked_code
        }
        s.screen = screen;
        s.screen_since = now;
        s.errors.clear();
        s.search.clear();
        s.focus.reset();
        s.pin.entry.clear();
        s.pin.first_entry.clear();
        s.pin.message.clear();
    }
    return s;
}

Millis idle_limit(const Session& s) {
    return s.staff_mode ? s.settings.idle.staff_idle : s.settings.idle.person_idle;
}

// T2
Session begin_warning(Session s, Millis now) {
    s.idle = IdlePhase::Warning;
    // Counted from when it is shown, so a late wake-up never shortens the person's countdown.
    s.warning_since = now;
    s.focus.reset();  // the keyboard closes under the overlay
    return s;
}

// T3
Session continue_session(Session s, Millis now) {
    s.idle = IdlePhase::Active;
    s.warning_since = Millis{0};
    s.last_activity = now;
    return s;
}

// T4 and T5
Session reset(const Session& s, Millis now) {
    return fresh_session(s.settings, now);
}

// The errors of `step` that belong on `screen`.
std::vector<FieldError> errors_on(Screen screen, Step step, const Registration& draft,
                                  const ValidationContext& ctx) {
    std::vector<FieldError> errors = validate_step(step, draft, ctx);
    std::erase_if(errors,
                  [screen](const FieldError& e) { return screen_for_field(e.field) != screen; });
    return errors;
}

Session go_next(Session s, Millis now) {
    const auto step = step_for(s.screen);
    if (!step) {
        return s;  // Notice: AcceptConsent or DeclineConsent; Review: Submit; Done: EndSession
    }
    s.errors = errors_on(s.screen, *step, s.draft, ValidationContext{s.settings.current_year});
    if (!s.errors.empty()) {
        s.focus.reset();  // show the errors, not the keyboard
        return s;
    }
    if (s.review_return) {
        s.review_return = false;
        return change_screen(std::move(s), Screen::Review, now);
    }
    return change_screen(std::move(s), neighbour(s.screen, +1), now);
}

Session go_back(Session s, Millis now) {
    const Screen here = s.screen;
    if (s.review_return && is_registration_screen(here)) {
        s.review_return = false;
        return change_screen(std::move(s), Screen::Review, now);
    }
    switch (here) {
        case Screen::Notice:
        case Screen::Declined:
            return change_screen(std::move(s),
                                 here == Screen::Notice ? Screen::Welcome : Screen::Notice, now);
        case Screen::Review:
            return change_screen(std::move(s),
                                 kRegistrationScreens[std::size(kRegistrationScreens) - 1], now);
        case Screen::StaffPin:
            if (!s.settings.staff_pin_set) {
                return s;  // first start: the kiosk cannot be used before a staff PIN exists
            }
            return change_screen(std::move(s), Screen::Welcome, now);
        case Screen::StaffMenu:
            return change_screen(std::move(s), Screen::Welcome, now);
        case Screen::StaffStatus:
        case Screen::StaffSettings:
        case Screen::StaffNewPin:
            return change_screen(std::move(s), Screen::StaffMenu, now);
        case Screen::Jobs:
            s.job_filters = JobFilters{};
            return change_screen(std::move(s), s.jobs_from, now);
        case Screen::JobDetail: {
            std::string query = std::move(s.jobs_search);
            s = change_screen(std::move(s), Screen::Jobs, now);
            s.search = std::move(query);  // the list as the person left it
            s.job_id.clear();
            s.interest_error.clear();
            return s;
        }
        case Screen::InterestCode:
            s.interest_error.clear();
            return change_screen(std::move(s), Screen::JobDetail, now);
        case Screen::Welcome:
        case Screen::Done:
            return s;
        default:
            return change_screen(std::move(s), neighbour(here, -1), now);
    }
}

Session submit(Session s, Millis now) {
    if (s.screen != Screen::Review || s.saving) {
        return s;  // a double tap while saving must not store twice
    }
    const ValidationContext ctx{s.settings.current_year};
    for (const Step step : kAllSteps) {
        std::vector<FieldError> errors = validate_step(step, s.draft, ctx);
        if (!errors.empty()) {
            const Screen screen = screen_for_field(errors.front().field);
            s = change_screen(std::move(s), screen, now);
            std::erase_if(errors, [screen](const FieldError& e) {
                return screen_for_field(e.field) != screen;
            });
            s.errors = std::move(errors);
            s.review_return = is_registration_screen(screen);
            return s;
        }
    }
    s.draft = normalized(std::move(s.draft));
    s.errors.clear();
    s.save_error.clear();
    s.focus.reset();
    s.saving = true;
    return s;
}

// What PinEnter asks of the app on this screen.
PinRequest pin_request_here(const Session& s) {
    if (s.screen == Screen::StaffNewPin) {
        return PinRequest::Change;
    }
    return s.settings.staff_pin_set ? PinRequest::SignIn : PinRequest::SetFirst;
}

Session pin_enter(Session s) {
    if (s.pin.pending != PinRequest::None) {
        return s;
    }
    if (s.pin.entry.size() < kMinPinDigits) {
        s.pin.message = "staff.pin_short";
        return s;
    }
    const PinRequest request = pin_request_here(s);
    if (request != PinRequest::SignIn) {
        // A new PIN is typed twice.
        if (s.pin.first_entry.empty()) {
            s.pin.first_entry = std::move(s.pin.entry);
            s.pin.entry.clear();
            s.pin.message = "staff.pin_again";
            return s;
        }
        if (s.pin.first_entry != s.pin.entry) {
            s.pin.first_entry.clear();
            s.pin.entry.clear();
            s.pin.message = "staff.pin_mismatch";
            return s;
        }
    }
    s.pin.message.clear();
    s.pin.pending = request;
    return s;
}

Session pin_checked(Session s, const PinChecked& result, Millis now) {
    const PinRequest request = s.pin.pending;
    if (request == PinRequest::None) {
        return s;
    }
    s.pin.pending = PinRequest::None;
    s.pin.entry.clear();
    s.pin.first_entry.clear();
    s.pin.locked_until = result.locked_until;
    if (!result.ok) {
        s.pin.message = result.message;
        return s;
    }
    if (request == PinRequest::SetFirst) {
        s.settings.staff_pin_set = true;
    }
    if (request != PinRequest::Change) {
        s.staff_mode = true;
        s.staff_id = result.staff_id;
    }
    s = change_screen(std::move(s), Screen::StaffMenu, now);
    s.pin.message = result.message;
    return s;
}

// Intents that move between screens: dropped when they come too soon after a screen change.
bool is_navigation(const Intent& intent) {
    return std::holds_alternative<Next>(intent) || std::holds_alternative<Back>(intent) ||
           std::holds_alternative<GoTo>(intent) || std::holds_alternative<Submit>(intent) ||
           std::holds_alternative<AcceptConsent>(intent) ||
           std::holds_alternative<DeclineConsent>(intent) ||
           std::holds_alternative<OpenJobs>(intent) || std::holds_alternative<OpenJob>(intent) ||
           std::holds_alternative<ExpressInterest>(intent) ||
           std::holds_alternative<SendInterestCode>(intent) ||
           std::holds_alternative<RegisterForInterest>(intent) ||
           std::holds_alternative<ChooseLanguage>(intent) ||
           std::holds_alternative<StartAssisted>(intent) ||
           std::holds_alternative<OpenStaff>(intent);
}

bool may_go_to(const Session& s, Screen target) {
    if (s.screen == Screen::Review && is_registration_screen(target)) {
        return !s.saving;
    }
    if (s.screen == Screen::StaffMenu && s.staff_mode) {
        return target == Screen::StaffStatus || target == Screen::StaffSettings ||
               target == Screen::StaffNewPin;
    }
    return false;
}

// Keeps what a settings screen cannot change.
KioskSettings edited_settings(const KioskSettings& current, KioskSettings edited) {
    edited.current_year = current.current_year;
    edited.staff_pin_set = current.staff_pin_set;
    edited.consent_version = current.consent_version;
    return edited;
}

bool interest_sent(const Session& s, std::string_view job_id) {
    return std::find(s.interests_sent.begin(), s.interests_sent.end(), job_id) !=
           s.interests_sent.end();
}

// JobDetail's "I'm interested": linked to this visit's registration, else to the code typed
// earlier in the visit, else ask for a code.
Session express_interest(Session s, Millis now) {
    if (s.screen != Screen::JobDetail || s.job_id.empty() || s.interest_pending ||
        interest_sent(s, s.job_id)) {
        return s;
    }
    s.interest_error.clear();
    if (s.registered) {
        const auto code = ReferenceCode::parse(s.registered->reference_code);
        s.interest_pending = PendingInterest{s.job_id, s.registered->record_id,
                                             code ? code->canonical() : std::string()};
        return s;
    }
    if (!s.linked_code.empty()) {
        s.interest_pending = PendingInterest{s.job_id, "", s.linked_code};
        return s;
    }
    return change_screen(std::move(s), Screen::InterestCode, now);
}

// InterestCode's "send": only a code whose check symbol is right is taken.
Session send_interest_code(Session s) {
    if (s.screen != Screen::InterestCode || s.interest_pending) {
        return s;
    }
    const auto code = ReferenceCode::parse(s.interest_code);
    if (!code) {
        s.interest_error = code.error().code;
        s.focus.reset();  // show the message, not the keyboard
        return s;
    }
    s.interest_error.clear();
    s.focus.reset();
    s.interest_pending = PendingInterest{s.job_id, "", code->canonical()};
    return s;
}

Session interest_saved(Session s, Millis now) {
    if (!s.interest_pending) {
        return s;
    }
    s.interests_sent.push_back(s.interest_pending->job_id);
    if (s.interest_pending->registration_id.empty()) {
        s.linked_code = s.interest_pending->reference_code;
    }
    s.interest_pending.reset();
    s.interest_error.clear();
    if (s.screen == Screen::InterestCode) {
        s = change_screen(std::move(s), Screen::JobDetail, now);
    }
    return s;
}

// Applies an intent in Active. Returns the new state.
Session apply_active(Session s, const Intent& intent, Millis now) {
    s.last_activity = now;  // T0 (and T1 when the intent leaves a trace)
    if (s.saving &&
        (std::holds_alternative<EditDraft>(intent) || std::holds_alternative<EditText>(intent) ||
         std::holds_alternative<Next>(intent) || std::holds_alternative<Back>(intent) ||
         std::holds_alternative<GoTo>(intent))) {
        return s;  // the draft is being stored as it is: no edits, no leaving the review
    }
    if (is_navigation(intent) && now - s.screen_since < kScreenChangeGuard) {
        return s;  // the second tap of a double tap
    }
    return std::visit(
        [&s, now](const auto& i) -> Session {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, ChooseLanguage>) {
                s.language = i.language;
                if (s.screen == Screen::Welcome) {
                    s = change_screen(std::move(s), Screen::Notice, now);
                }
            } else if constexpr (std::is_same_v<T, Next>) {
                s = go_next(std::move(s), now);
            } else if constexpr (std::is_same_v<T, Back>) {
                s = go_back(std::move(s), now);
            } else if constexpr (std::is_same_v<T, ContinueSession>) {
                // Activity only.
            } else if constexpr (std::is_same_v<T, EndSession>) {
                s = reset(s, now);  // T5
                s.screen_since = now;
            } else if constexpr (std::is_same_v<T, AcceptConsent>) {
                if (s.screen == Screen::Notice) {
                    s.draft.consent_version = s.settings.consent_version;
                    s.draft.consent_unix_seconds = i.unix_seconds;
                    s = change_screen(std::move(s), kRegistrationScreens[0], now);
                }
            } else if constexpr (std::is_same_v<T, DeclineConsent>) {
                if (s.screen == Screen::Notice) {
                    const bool assisted = s.draft.staff_assisted;
                    s.draft = Registration{};  // nothing of the person is kept
                    s.draft.staff_assisted = assisted;
                    s.draft.staff_id = assisted ? s.staff_id : std::string();
                    s = change_screen(std::move(s), Screen::Declined, now);
                }
            } else if constexpr (std::is_same_v<T, OpenJobs>) {
                if (s.screen == Screen::Declined || s.screen == Screen::Done) {
                    s.jobs_from = s.screen;
                    s = change_screen(std::move(s), Screen::Jobs, now);
                }
            } else if constexpr (std::is_same_v<T, OpenJob>) {
                if (s.screen == Screen::Jobs && !i.id.empty()) {
                    s.jobs_search = s.search;
                    s = change_screen(std::move(s), Screen::JobDetail, now);
                    s.job_id = i.id;
                    s.interest_error.clear();
                } else if (s.screen == Screen::Done && !i.id.empty() && i.id == s.interest_job) {
                    // Registered for this offer: back to it, and Back lists the others.
                    s.jobs_from = Screen::Done;
                    s.jobs_search.clear();
                    s = change_screen(std::move(s), Screen::JobDetail, now);
                    s.job_id = i.id;
                    s.interest_job.clear();
                }
            } else if constexpr (std::is_same_v<T, FilterJobs>) {
                if (s.screen == Screen::Jobs) {
                    s.job_filters = i.filters;
                    // Only a registered person has languages to compare with.
                    s.job_filters.my_languages = i.filters.my_languages && s.registered;
                }
            } else if constexpr (std::is_same_v<T, ExpressInterest>) {
                s = express_interest(std::move(s), now);
            } else if constexpr (std::is_same_v<T, SendInterestCode>) {
                s = send_interest_code(std::move(s));
            } else if constexpr (std::is_same_v<T, RegisterForInterest>) {
                if (s.screen == Screen::InterestCode && !s.interest_pending) {
                    s.interest_job = s.job_id;
                    s.interest_error.clear();
                    s.job_filters = JobFilters{};
                    s = change_screen(std::move(s), Screen::Notice, now);
                }
            } else if constexpr (std::is_same_v<T, InterestSaved>) {
                s = interest_saved(std::move(s), now);
            } else if constexpr (std::is_same_v<T, InterestFailed>) {
                if (s.interest_pending) {
                    s.interest_pending.reset();
                    s.interest_error = i.error_code;  // nothing is marked sent: try again
                }
            } else if constexpr (std::is_same_v<T, EditDraft>) {
                // The reducer owns consent and staff attribution; a screen cannot forge them.
                Registration draft = i.draft;
                draft.consent_version = s.draft.consent_version;
                draft.consent_unix_seconds = s.draft.consent_unix_seconds;
                draft.staff_assisted = s.draft.staff_assisted;
                draft.staff_id = s.draft.staff_id;
                s.draft = std::move(draft);
            } else if constexpr (std::is_same_v<T, FocusField>) {
                if (const auto text = text_field(s, i.field)) {
                    s.focus = TextFocus{i.field, text->size()};
                    s.keyboard = KeyboardMode{i.layout, false};
                }
            } else if constexpr (std::is_same_v<T, EditText>) {
                if (s.focus && s.focus->field == i.field && set_text_field(s, i.field, i.text)) {
                    const std::size_t size = text_field(s, i.field).value_or("").size();
                    s.focus->cursor = std::min(i.cursor, size);
                }
            } else if constexpr (std::is_same_v<T, SetKeyboard>) {
                s.keyboard = KeyboardMode{i.layout, i.shift};
            } else if constexpr (std::is_same_v<T, CloseKeyboard>) {
                s.focus.reset();
            } else if constexpr (std::is_same_v<T, GoTo>) {
                if (may_go_to(s, i.screen)) {
                    const bool from_review = s.screen == Screen::Review;
                    if (i.screen == Screen::StaffSettings) {
                        s.settings_draft = s.settings;
                        s.settings_error.clear();
                    }
                    s = change_screen(std::move(s), i.screen, now);
                    s.review_return = from_review;
                }
            } else if constexpr (std::is_same_v<T, StaffSignedIn>) {
                s.staff_mode = true;
                s.staff_id = i.staff_id;
                s.draft.staff_assisted = true;
                s.draft.staff_id = i.staff_id;
            } else if constexpr (std::is_same_v<T, StaffSignedOut>) {
                if (is_staff_screen(s.screen)) {
                    s = reset(s, now);  // "leave staff mode": the kiosk is the people's again
                    s.screen_since = now;
                } else {
                    // The draft keeps its staff attribution: staff did help with it.
                    s.staff_mode = false;
                    s.staff_id.clear();
                }
            } else if constexpr (std::is_same_v<T, Submit>) {
                s = submit(std::move(s), now);
            } else if constexpr (std::is_same_v<T, RegistrationSaved>) {
                if (s.saving) {
                    s.reference_code = i.reference_code;
                    // Stored (sealed). The answers stay in memory for this visit only, for
                    // "Jobs for you" and "I'm interested"; the draft (what screens edit) is
                    // cleared.
                    s.registered =
                        VisitRegistration{i.record_id, i.reference_code, std::move(s.draft)};
                    s.draft = Registration{};
                    s.saving = false;
                    s.save_error.clear();
                    s.review_return = false;
                    s = change_screen(std::move(s), Screen::Done, now);
                }
            } else if constexpr (std::is_same_v<T, SaveFailed>) {
                if (s.saving) {
                    s.saving = false;
                    s.save_error = i.error_code;  // the draft stays: bad luck must lose nothing
                }
            } else if constexpr (std::is_same_v<T, OpenStaff>) {
                if (s.screen == Screen::Welcome) {
                    s = change_screen(std::move(s),
                                      s.staff_mode ? Screen::StaffMenu : Screen::StaffPin, now);
                }
            } else if constexpr (std::is_same_v<T, PinDigit>) {
                const bool on_pad = s.screen == Screen::StaffPin || s.screen == Screen::StaffNewPin;
                if (on_pad && s.pin.pending == PinRequest::None && i.digit >= '0' &&
                    i.digit <= '9' && s.pin.entry.size() < kMaxPinDigits) {
                    s.pin.entry.push_back(i.digit);
                }
            } else if constexpr (std::is_same_v<T, PinBackspace>) {
                if (s.pin.pending == PinRequest::None && !s.pin.entry.empty()) {
                    s.pin.entry.pop_back();
                }
            } else if constexpr (std::is_same_v<T, PinEnter>) {
                if (s.screen == Screen::StaffPin ||
                    (s.screen == Screen::StaffNewPin && s.staff_mode)) {
                    s = pin_enter(std::move(s));
                }
            } else if constexpr (std::is_same_v<T, PinChecked>) {
                s = pin_checked(std::move(s), i, now);
            } else if constexpr (std::is_same_v<T, StartAssisted>) {
                if (s.screen == Screen::StaffMenu && s.staff_mode) {
                    s.draft = Registration{};
                    s.draft.staff_assisted = true;
                    s.draft.staff_id = s.staff_id;
                    s = change_screen(std::move(s), Screen::Welcome, now);
                }
            } else if constexpr (std::is_same_v<T, EditSettings>) {
                if (s.screen == Screen::StaffSettings && s.staff_mode && !s.settings_pending) {
                    s.settings_draft = edited_settings(s.settings, i.settings);
                }
            } else if constexpr (std::is_same_v<T, SaveSettings>) {
                if (s.screen == Screen::StaffSettings && s.staff_mode) {
                    s.settings_pending = true;
                    s.settings_error.clear();
                    s.focus.reset();
                }
            } else if constexpr (std::is_same_v<T, SettingsStored>) {
                if (s.settings_pending) {
                    s.settings_pending = false;
                    if (i.ok) {
                        s.settings = edited_settings(s.settings, s.settings_draft);
                        s = change_screen(std::move(s), Screen::StaffMenu, now);
                    } else {
                        s.settings_error = i.error_code;
                    }
                }
            }
            return std::move(s);
        },
        intent);
}

}  // namespace

std::optional<Step> step_for(Screen screen) {
    switch (screen) {
        case Screen::Name:
        case Screen::Contact:
            return Step::Contact;
        case Screen::BirthYear:
        case Screen::Gender:
        case Screen::Nationality:
        case Screen::City:
            return Step::AboutYou;
        case Screen::Languages:
            return Step::Languages;
        case Screen::Education:
            return Step::Education;
        case Screen::Occupations:
        case Screen::WorkHistory:
        case Screen::PriorLearning:
            return Step::Work;
        case Screen::Availability:
        case Screen::Preferences:
            return Step::Availability;
        default:
            return std::nullopt;
    }
}

Screen screen_for(Step step) {
    for (const Screen screen : kRegistrationScreens) {
        if (step_for(screen) == step) {
            return screen;
        }
    }
    return Screen::Notice;  // consent is asked on the notice
}

Screen screen_for_field(std::string_view field) {
    struct Owner {
        std::string_view prefix;
        Screen screen;
    };
    static constexpr Owner kOwners[] = {
        {"given_name", Screen::Name},
        {"family_name", Screen::Name},
        {"phone", Screen::Contact},
        {"email", Screen::Contact},
        {"year_of_birth", Screen::BirthYear},
        {"gender", Screen::Gender},
        {"nationality", Screen::Nationality},
        {"city", Screen::City},
        {"languages", Screen::Languages},
        {"education", Screen::Education},
        {"occupations", Screen::Occupations},
        {"work_history", Screen::WorkHistory},
        {"prior_learning", Screen::PriorLearning},
        {"availability", Screen::Availability},
        {"work_permit", Screen::Availability},
        {"preferences", Screen::Preferences},
    };
    for (const Owner& owner : kOwners) {
        if (starts_with_path(field, owner.prefix)) {
            return owner.screen;
        }
    }
    return Screen::Notice;  // consent, staff_id: set on the notice and by the staff sign-in
}

int registration_position(Screen screen) {
    int position = 1;
    for (const Screen s : kRegistrationScreens) {
        if (s == screen) {
            return position;
        }
        ++position;
    }
    return 0;
}

Session fresh_session(const KioskSettings& settings, Millis now) {
    Session s;
    s.settings = settings;
    s.language = settings.default_language;
    s.last_activity = now;
    // A first visit takes its first tap at once (see kScreenChangeGuard).
    s.screen_since = now - kScreenChangeGuard;
    if (!settings.staff_pin_set) {
        s.screen = Screen::StaffPin;  // first start: staff choose a PIN before anything else
    }
    return s;
}

bool is_pristine(const Session& state) {
    // Equal to a fresh session once the clocks are set aside.
    Session fresh = fresh_session(state.settings, state.last_activity);
    fresh.warning_since = state.warning_since;
    fresh.screen_since = state.screen_since;
    fresh.keyboard = state.keyboard;  // the last layout used tells nothing about anyone
    fresh.pin.locked_until = state.pin.locked_until;
    return state == fresh;
}

Session tick(Session state, Millis now) {
    if (is_pristine(state)) {
        return state;
    }
    if (state.idle == IdlePhase::Active) {
        if (now - state.last_activity >= idle_limit(state)) {
            return begin_warning(std::move(state), now);  // T2
        }
        return state;
    }
    if (now - state.warning_since >= state.settings.idle.warning) {
        return reset(state, now);  // T4
    }
    return state;
}

Session reduce(Session state, const Intent& intent, Millis now) {
    state = tick(std::move(state), now);
    if (state.idle == IdlePhase::Warning) {
        if (std::holds_alternative<ContinueSession>(intent)) {
            return continue_session(std::move(state), now);  // T3
        }
        if (std::holds_alternative<EndSession>(intent)) {
            return reset(state, now);  // T5
        }
        return state;  // aimed at the screen under the overlay: dropped
    }
    return apply_active(std::move(state), intent, now);
}

std::optional<Millis> next_deadline(const Session& state) {
    if (is_pristine(state)) {
        return std::nullopt;
    }
    if (state.idle == IdlePhase::Active) {
        return state.last_activity + idle_limit(state);
    }
    return state.warning_since + state.settings.idle.warning;
}

std::optional<Millis> next_wakeup(const Session& state, Millis now) {
    const std::optional<Millis> deadline = next_deadline(state);
    if (!deadline || state.idle != IdlePhase::Warning) {
        return deadline;
    }
    // The shown number drops when the time left crosses a whole second: wake then.
    const int shown = seconds_left_in_warning(state, now);
    if (shown <= 1) {
        return deadline;
    }
    return *deadline - Millis{1000} * (shown - 1);
}

int seconds_left_in_warning(const Session& state, Millis now) {
    if (state.idle != IdlePhase::Warning) {
        return 0;
    }
    const Millis left = state.warning_since + state.settings.idle.warning - now;
    if (left <= Millis{0}) {
        return 0;
    }
    return static_cast<int>((left.count() + 999) / 1000);
}

}  // namespace kiosk::core

// The session reducer and idle timers; the state machine is drawn in session.hpp.
#include "kiosk/core/session.hpp"

#include <iterator>
#include <type_traits>
#include <utility>

namespace kiosk::core {

namespace {

// The registration screens in order, between Notice and Review.
constexpr Screen kFlow[] = {Screen::Notice,       Screen::Contact,   Screen::AboutYou,
                            Screen::Languages,    Screen::Education, Screen::Work,
                            Screen::Availability, Screen::Review};

Screen neighbour(Screen screen, int direction) {
    constexpr int n = static_cast<int>(std::size(kFlow));
    for (int i = 0; i < n; ++i) {
        if (kFlow[i] == screen) {
            const int j = i + direction;
            return j >= 0 && j < n ? kFlow[j] : screen;
        }
    }
    return screen;
}

Millis idle_limit(const Session& s) {
    return s.staff_mode ? s.settings.idle.staff_idle : s.settings.idle.person_idle;
}

// T2
Session begin_warning(Session s, Millis now) {
    s.idle = IdlePhase::Warning;
    // Counted from when it is shown, so a late wake-up never shortens the person's countdown.
    s.warning_since = now;
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

Session go_next(Session s) {
    if (s.screen == Screen::Done) {
        return s;  // the app ends the visit with EndSession
    }
    if (const auto step = step_for(s.screen)) {
        s.errors = validate_step(*step, s.draft, ValidationContext{s.settings.current_year});
        if (!s.errors.empty()) {
            return s;  // stay, and show what is wrong
        }
    } else if (s.screen == Screen::Notice) {
        return s;  // only AcceptConsent (or EndSession) leaves the notice
    }
    s.screen = neighbour(s.screen, +1);
    return s;
}

Session go_back(Session s) {
    s.errors.clear();
    if (s.screen == Screen::Notice) {
        s.screen = Screen::Welcome;
    } else if (s.screen != Screen::Welcome && s.screen != Screen::Done) {
        s.screen = neighbour(s.screen, -1);
    }
    return s;
}

Session submit(Session s) {
    if (s.screen != Screen::Review || s.saving) {
        return s;  // a double tap while saving must not store twice
    }
    const ValidationContext ctx{s.settings.current_year};
    for (const Step step : kAllSteps) {
        std::vector<FieldError> errors = validate_step(step, s.draft, ctx);
        if (!errors.empty()) {
            s.screen = screen_for(step);
            s.errors = std::move(errors);
            return s;
        }
    }
    s.draft = normalized(std::move(s.draft));
    s.errors.clear();
    s.save_error.clear();
    s.saving = true;
    return s;
}

// Applies an intent in Active. Returns the new state.
Session apply_active(Session s, const Intent& intent, Millis now) {
    s.last_activity = now;  // T0 (and T1 when the intent leaves a trace)
    if (s.saving &&
        (std::holds_alternative<EditDraft>(intent) || std::holds_alternative<Next>(intent) ||
         std::holds_alternative<Back>(intent))) {
        return s;  // the draft is being stored as it is: no edits, no leaving the review
    }
    return std::visit(
        [&s, now](const auto& i) -> Session {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, ChooseLanguage>) {
                s.language = i.language;
                if (s.screen == Screen::Welcome) {
                    s.screen = Screen::Notice;
                }
            } else if constexpr (std::is_same_v<T, Next>) {
                s = go_next(std::move(s));
            } else if constexpr (std::is_same_v<T, Back>) {
                s = go_back(std::move(s));
            } else if constexpr (std::is_same_v<T, ContinueSession>) {
                // Activity only.
            } else if constexpr (std::is_same_v<T, EndSession>) {
                s = reset(s, now);  // T5
            } else if constexpr (std::is_same_v<T, AcceptConsent>) {
                if (s.screen == Screen::Notice) {
                    s.draft.consent_version = s.settings.consent_version;
                    s.draft.consent_unix_seconds = i.unix_seconds;
                    s.screen = neighbour(Screen::Notice, +1);
                }
            } else if constexpr (std::is_same_v<T, EditDraft>) {
                // The reducer owns consent and staff attribution; a screen cannot forge them.
                Registration draft = i.draft;
                draft.consent_version = s.draft.consent_version;
                draft.consent_unix_seconds = s.draft.consent_unix_seconds;
                draft.staff_assisted = s.draft.staff_assisted;
                draft.staff_id = s.draft.staff_id;
                s.draft = std::move(draft);
            } else if constexpr (std::is_same_v<T, StaffSignedIn>) {
                s.staff_mode = true;
                s.staff_id = i.staff_id;
                s.draft.staff_assisted = true;
                s.draft.staff_id = i.staff_id;
            } else if constexpr (std::is_same_v<T, StaffSignedOut>) {
                // The draft keeps its staff attribution: staff did help with it.
                s.staff_mode = false;
                s.staff_id.clear();
            } else if constexpr (std::is_same_v<T, Submit>) {
                s = submit(std::move(s));
            } else if constexpr (std::is_same_v<T, RegistrationSaved>) {
                if (s.saving) {
                    s.reference_code = i.reference_code;
                    s.draft = Registration{};  // stored (sealed); nothing readable stays behind
                    s.errors.clear();
                    s.saving = false;
                    s.save_error.clear();
                    s.screen = Screen::Done;
                }
            } else if constexpr (std::is_same_v<T, SaveFailed>) {
                if (s.saving) {
                    s.saving = false;
                    s.save_error = i.error_code;  // the draft stays: bad luck must lose nothing
                }
            }
            return std::move(s);
        },
        intent);
}

}  // namespace

std::optional<Step> step_for(Screen screen) {
    switch (screen) {
        case Screen::Contact:
            return Step::Contact;
        case Screen::AboutYou:
            return Step::AboutYou;
        case Screen::Languages:
            return Step::Languages;
        case Screen::Education:
            return Step::Education;
        case Screen::Work:
            return Step::Work;
        case Screen::Availability:
            return Step::Availability;
        case Screen::Welcome:
        case Screen::Notice:
        case Screen::Review:
        case Screen::Done:
            break;
    }
    return std::nullopt;
}

Screen screen_for(Step step) {
    switch (step) {
        case Step::Contact:
            return Screen::Contact;
        case Step::AboutYou:
            return Screen::AboutYou;
        case Step::Languages:
            return Screen::Languages;
        case Step::Education:
            return Screen::Education;
        case Step::Work:
            return Screen::Work;
        case Step::Availability:
            return Screen::Availability;
        case Step::Consent:
            break;
    }
    return Screen::Notice;  // consent is asked on the notice
}

Session fresh_session(const KioskSettings& settings, Millis now) {
    Session s;
    s.settings = settings;
    s.language = settings.default_language;
    s.last_activity = now;
    return s;
}

bool is_pristine(const Session& state) {
    // Equal to a fresh session once the clocks are set aside.
    Session fresh = fresh_session(state.settings, state.last_activity);
    fresh.warning_since = state.warning_since;
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

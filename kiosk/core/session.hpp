// The kiosk session: which screen a person is on, in which language, and the idle timers.
// Views record Intents; after the frame the app applies them with the pure reducer below.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "kiosk/core/clock.hpp"

namespace kiosk::core {

enum class Screen {
    Welcome,  // language picker; the start and the end of every visit
    Notice,   // what we collect and why (after a language is chosen)
};

// --- Intents: what a person (or a timer) asked for during a frame. ---
struct ChooseLanguage {
    std::string language;  // BCP 47 / ISO 639 code as offered by the kiosk: "en", "tr", "ar", ...
};
struct Next {};
struct Back {};
struct ContinueSession {};  // "I am still here" on the idle warning

using Intent = std::variant<ChooseLanguage, Next, Back, ContinueSession>;

struct Session {
    Screen screen = Screen::Welcome;
    std::string language = "en";
    Millis last_activity{0};  // monotonic time of the last intent
};

// Applies one intent at monotonic time `now` and returns the new state. Pure: no I/O.
Session reduce(Session state, const Intent& intent, Millis now);

}  // namespace kiosk::core

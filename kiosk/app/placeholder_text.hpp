// TEMPORARY, to be replaced by the message catalogue (kiosk/i18n/catalogue) when it is wired in:
// English text for the few keys the first screens use, so the views can already take every
// visible string by key. Do not add languages or keys here.
#pragma once

#include <string>
#include <string_view>

namespace kiosk::app {

inline std::string placeholder_english_text(std::string_view key) {
    if (key == "welcome.title") {
        return "Welcome";
    }
    if (key == "welcome.choose_language") {
        return "Please choose your language";
    }
    if (key == "notice.title") {
        return "What we collect and why";
    }
    if (key == "common.back") {
        return "Back";
    }
    if (key == "idle.title") {
        return "Are you still there?";
    }
    if (key == "idle.continue") {
        return "Yes, continue";
    }
    return std::string(key);  // a visible key is a visible bug
}

}  // namespace kiosk::app

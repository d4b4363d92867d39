// TEMPORARY, to be replaced by the message catalogue (kiosk/i18n/catalogue) when it is wired in:
// English text for the few keys the first screens use, so the views can already take every
// visible string by key. Do not add languages or keys here.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>

namespace kiosk::app {

inline std::string placeholder_english_text(std::string_view key) {
    constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kEnglish = {{
        {"welcome.title", "Welcome"},
        {"welcome.choose_language", "Please choose your language"},
        {"notice.title", "What we collect and why"},
        {"common.back", "Back"},
        {"idle.title", "Are you still there?"},
        {"idle.continue", "Yes, continue"},
    }};
    for (const auto& [k, text] : kEnglish) {
        if (k == key) {
            return std::string(text);
        }
    }
    return std::string(key);  // a visible key is a visible bug
}

}  // namespace kiosk::app

#include "kiosk/core/session.hpp"

#include <type_traits>

namespace kiosk::core {

Session reduce(Session state, const Intent& intent, Millis now) {
    state.last_activity = now;
    std::visit(
        [&state](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, ChooseLanguage>) {
                state.language = i.language;
                state.screen = Screen::Notice;
            } else if constexpr (std::is_same_v<T, Back>) {
                if (state.screen == Screen::Notice) {
                    state.screen = Screen::Welcome;
                }
            }
        },
        intent);
    return state;
}

}  // namespace kiosk::core

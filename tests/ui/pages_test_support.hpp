// Shared by the pages helper's view tests: sessions on its screens, tapping by hit id, and
// asking whether a line of text was shaped (drawn) in the last frames.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "headless_ui.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::test {

// A visit that chose `language` on the welcome screen: it is on the notice.
inline core::Session on_notice(std::string_view language) {
    return core::reduce(core::Session{}, core::ChooseLanguage{std::string(language)},
                        Millis{1000});  // after the double-tap guard of the first screen
}

// The session on `screen` in `language` (views draw any state they are given).
inline core::Session on_screen(core::Screen screen, std::string_view language) {
    core::Session s = on_notice(language);
    s.screen = screen;
    return s;
}

// Draws a frame, then taps the target `id`; the intents of the tap.
inline std::vector<core::Intent> tap_id(HeadlessUi& ui, const core::Session& s,
                                        std::string_view id) {
    ui.frame(s);
    const ui::HitTarget* target = ui.hits().find_id(id);
    if (target == nullptr) {
        ADD_FAILURE() << "no target " << id << " on " << ui.hits().screen;
        return {};
    }
    const ui::Rect rect = target->rect;
    return ui.tap(s, rect);
}

// The single intent of `intents` as a T; fails the test otherwise.
template <class T>
const T* only(const std::vector<core::Intent>& intents) {
    EXPECT_EQ(intents.size(), 1U);
    if (intents.size() != 1) {
        return nullptr;
    }
    const T* it = std::get_if<T>(&intents[0]);
    EXPECT_NE(it, nullptr) << "unexpected intent index " << intents[0].index();
    return it;
}

// True when `text` was shaped as one line in `language` at `px` since the shaper last saw it
// (shaping it again is then a cache hit, not a miss).
inline bool was_shaped(HeadlessUi& ui, std::string_view text, std::string_view language, float px) {
    i18n::Shaper& shaper = ui.renderer().shaper();
    const auto before = shaper.stats();
    ui.renderer().shape(text, language, px);
    return shaper.stats().misses == before.misses;
}

}  // namespace kiosk::test

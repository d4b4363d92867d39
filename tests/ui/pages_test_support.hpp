// Shared by the pages helper's view tests: sessions on its screens, tapping by hit id, and
// asking whether a line of text was shaped (drawn) in the last frames.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
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

// The ids of the frame's buttons: tappable targets, not the drag areas of scroll regions
// ("scroll.<list>"), which the scripted driver drags but which do nothing when tapped.
inline std::vector<std::string> button_ids(const ui::HitMap& hits) {
    std::vector<std::string> ids;
    for (const ui::HitTarget& t : hits.targets) {
        if (!t.id.starts_with("scroll.")) {
            ids.push_back(t.id);
        }
    }
    return ids;
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

// The byte offsets of the glyphs of `isolated` (a text wrapped in an isolate, 3-byte controls
// at either end) from left to right on screen, without the controls' own glyphs: ascending
// means the text reads left to right.
inline std::vector<std::uint32_t> visual_clusters(HeadlessUi& ui, const std::string& isolated,
                                                  std::string_view language, float px) {
    const auto shaped = ui.renderer().shape(isolated, language, px);
    const std::uint32_t first = 3;
    const auto last = static_cast<std::uint32_t>(isolated.size() - 3);
    std::vector<std::uint32_t> clusters;
    for (const auto& glyph : shaped.line->glyphs) {
        if (glyph.cluster >= first && glyph.cluster < last) {
            clusters.push_back(glyph.cluster);
        }
    }
    return clusters;
}

}  // namespace kiosk::test

// The welcome screen driven headlessly with the real fonts: taps, drags, sizes, pressed state.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "headless_ui.hpp"
#include "kiosk/i18n/languages.hpp"

namespace kiosk::test {
namespace {

// The ChooseLanguage codes among `intents`, in order; fails on any other intent.
std::vector<std::string> chosen(const std::vector<core::Intent>& intents) {
    std::vector<std::string> codes;
    for (const auto& i : intents) {
        const auto* c = std::get_if<core::ChooseLanguage>(&i);
        EXPECT_NE(c, nullptr) << "unexpected intent index " << i.index();
        if (c != nullptr) {
            codes.push_back(c->language);
        }
    }
    return codes;
}

class WelcomeView : public ::testing::Test {
  protected:
    HeadlessUi ui{1920, 1080};
    core::Session session;  // on Welcome

    // Draws one frame with no finger so the hit map holds this layout.
    const ui::HitTarget& target_labelled(std::string_view label) {
        EXPECT_TRUE(ui.frame(session).empty());
        const ui::HitTarget* t = ui.hits().find_label(label);
        EXPECT_NE(t, nullptr) << "no button labelled " << label;
        return *t;
    }
};

TEST_F(WelcomeView, TappingArabicChoosesArabicExactlyOnce) {
    const ui::HitTarget arabic = target_labelled("العربية");
    EXPECT_EQ(arabic.id, "lang.ar");
    const float x = arabic.rect.center_x();
    const float y = arabic.rect.center_y();

    std::vector<std::string> all;
    auto move = chosen(ui.frame(session, {x, y, false}));
    auto press = chosen(ui.frame(session, {x, y, true}));
    auto release = chosen(ui.frame(session, {x, y, false}));
    auto after = chosen(ui.frame(session, {}));
    EXPECT_TRUE(move.empty());
    EXPECT_TRUE(press.empty()) << "a tap counts when the finger lifts, not when it lands";
    EXPECT_EQ(release, std::vector<std::string>{"ar"});
    EXPECT_TRUE(after.empty());
}

TEST_F(WelcomeView, EveryButtonChoosesItsOwnLanguage) {
    for (const auto& lang : i18n::shipped_languages()) {
        const ui::HitTarget t = target_labelled(lang.endonym);
        EXPECT_EQ(t.id, "lang." + std::string(lang.code));
        EXPECT_EQ(chosen(ui.tap(session, t.rect)),
                  std::vector<std::string>{std::string(lang.code)});
    }
}

TEST_F(WelcomeView, DragStartingOnAButtonWithinItDoesNotChoose) {
    const ui::HitTarget t = target_labelled("Türkçe");
    const float threshold = ImGui::GetIO().MouseDragThreshold;
    const float x = t.rect.x + t.rect.w / 4;
    const float y = t.rect.center_y();
    ASSERT_LT(x + 3 * threshold, t.rect.x + t.rect.w) << "the drag must stay on the button";

    std::vector<core::Intent> all;
    for (const Pointer p :
         {Pointer{x, y, false}, Pointer{x, y, true}, Pointer{x + 1.5F * threshold, y, true},
          Pointer{x + 3 * threshold, y, true}, Pointer{x + 3 * threshold, y, false}, Pointer{}}) {
        auto out = ui.frame(session, p);
        all.insert(all.end(), out.begin(), out.end());
    }
    EXPECT_TRUE(all.empty()) << "a drag is a scroll gesture, never a tap";
}

TEST_F(WelcomeView, FastSwipeBetweenTwoFramesDoesNotChoose) {
    // The finger lands, then the very next frame already sees it lifted far away on the same
    // button: no frame ever saw it dragging while down.
    const ui::HitTarget t = target_labelled("Русский");
    const float threshold = ImGui::GetIO().MouseDragThreshold;
    const float x = t.rect.x + t.rect.w / 4;
    const float y = t.rect.center_y();
    ASSERT_TRUE(t.rect.contains(x + 2 * threshold, y));
    ui.frame(session, {x, y, false});
    EXPECT_TRUE(ui.frame(session, {x, y, true}).empty());
    EXPECT_TRUE(ui.frame(session, {x + 2 * threshold, y, false}).empty());
}

TEST_F(WelcomeView, SmallWobbleStillTaps) {
    const ui::HitTarget t = target_labelled("English");
    const float wobble = ImGui::GetIO().MouseDragThreshold / 3;
    const float x = t.rect.center_x();
    const float y = t.rect.center_y();
    ui.frame(session, {x, y, false});
    ui.frame(session, {x, y, true});
    ui.frame(session, {x + wobble, y + wobble, true});
    EXPECT_EQ(chosen(ui.frame(session, {x + wobble, y + wobble, false})),
              std::vector<std::string>{"en"});
}

TEST_F(WelcomeView, PressedStateIsVisibleAndHoverChangesNothing) {
    const ui::HitTarget t = target_labelled("Kurmancî");
    const ui::Palette colors = ui.context().theme.colors;
    EXPECT_TRUE(ui.last_frame_used_colour(colors.button));
    EXPECT_FALSE(ui.last_frame_used_colour(colors.pressed));

    ui.frame(session, {t.rect.center_x(), t.rect.center_y(), false});  // hover only
    EXPECT_FALSE(ui.last_frame_used_colour(colors.pressed)) << "no hover-only cue";

    ui.frame(session, {t.rect.center_x(), t.rect.center_y(), true});
    EXPECT_TRUE(ui.last_frame_used_colour(colors.pressed)) << "the finger's button must show it";
}

TEST_F(WelcomeView, TapOutsideEveryButtonChoosesNothing) {
    target_labelled("English");
    const ui::Rect margin{0, 0, 10, 10};  // the top-left corner
    for (const auto& t : ui.hits().targets) {
        ASSERT_FALSE(t.rect.overlaps(margin));
    }
    EXPECT_TRUE(ui.tap(session, margin).empty());
}

// Sizes at the two screens the kiosk ships for, and a small tablet.
class WelcomeLayout : public ::testing::TestWithParam<std::pair<int, int>> {};

TEST_P(WelcomeLayout, NineBigButtonsOnScreenWithoutOverlap) {
    const auto [w, h] = GetParam();
    HeadlessUi ui(w, h);
    ui.frame(core::Session{});
    ui.frame(core::Session{});           // the second frame uses the first frame's measurements
    std::vector<ui::HitTarget> targets;  // the language buttons (not the staff corner)
    for (const auto& t : ui.hits().targets) {
        if (t.id.starts_with("lang.")) {
            targets.push_back(t);
        }
    }
    ASSERT_EQ(targets.size(), i18n::shipped_languages().size());
    EXPECT_EQ(ui.hits().screen, "welcome");
    const float min_h = h >= 1080 ? 72.0F : 48.0F;  // bigger on a 1080p kiosk
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const ui::Rect& r = targets[i].rect;
        EXPECT_GE(r.h, min_h) << targets[i].id;
        EXPECT_GE(r.w, 4 * r.h) << targets[i].id << " should be wide enough for any endonym";
        EXPECT_GE(r.x, 0);
        EXPECT_GE(r.y, 0);
        EXPECT_LE(r.x + r.w, static_cast<float>(w)) << targets[i].id;
        EXPECT_LE(r.y + r.h, static_cast<float>(h)) << targets[i].id;
        for (std::size_t j = i + 1; j < targets.size(); ++j) {
            EXPECT_FALSE(r.overlaps(targets[j].rect)) << targets[i].id << " / " << targets[j].id;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Screens, WelcomeLayout,
                         ::testing::Values(std::pair{1920, 1080}, std::pair{1280, 800},
                                           std::pair{800, 480}));

TEST(Notice, BackReturnsToWelcome) {
    HeadlessUi ui(1280, 800);
    core::Session session;
    session = core::reduce(session, core::ChooseLanguage{"uk"}, Millis{1});
    ASSERT_EQ(session.screen, core::Screen::Notice);
    ui.frame(session);
    EXPECT_EQ(ui.hits().screen, "notice");
    const ui::HitTarget* back = ui.hits().find_id("nav.back");
    ASSERT_NE(back, nullptr);
    EXPECT_EQ(back->label, ui.catalogue().tr("uk", "common.back"));
    const auto out = ui.tap(session, back->rect);
    ASSERT_EQ(out.size(), 1U);
    ASSERT_TRUE(std::holds_alternative<core::Back>(out[0]));
    // A second later: Back in the same instant as the language tap is a double tap's second half.
    EXPECT_EQ(core::reduce(session, out[0], Millis{1001}).screen, core::Screen::Welcome);
}

}  // namespace
}  // namespace kiosk::test

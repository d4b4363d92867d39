// The idle warning replaces the screen while the session is in Warning: it hides the previous
// person's screen, counts down, and its Continue button keeps the session.
#include <gtest/gtest.h>

#include "headless_ui.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::test {
namespace {

class IdleWarningView : public ::testing::Test {
  protected:
    HeadlessUi ui{1280, 800};
    core::Session session;

    void SetUp() override {
        session = core::reduce(core::Session{}, core::ChooseLanguage{"tr"}, Millis{0});
        const Millis limit = session.settings.idle.person_idle;
        session = core::tick(session, limit);
        ASSERT_EQ(session.idle, core::IdlePhase::Warning) << "core should warn at the limit";
        warned_at_ = limit;
    }
    Millis warned_at_{0};
};

TEST_F(IdleWarningView, HidesTheScreenAndOffersOnlyContinue) {
    ui.frame(session, {}, warned_at_);
    EXPECT_EQ(ui.hits().screen, "idle_warning");
    ASSERT_EQ(ui.hits().targets.size(), 1U) << "nothing of the screen underneath is tappable";
    EXPECT_EQ(ui.hits().targets[0].id, "idle.continue");
    EXPECT_EQ(ui.hits().targets[0].label, ui.catalogue().tr("tr", "idle.continue"));
    EXPECT_GE(ui.hits().targets[0].rect.h, 48.0F);
    EXPECT_EQ(ui.hits().find_id("nav.back"), nullptr);
}

TEST_F(IdleWarningView, ContinueKeepsTheSession) {
    ui.frame(session, {}, warned_at_);
    const auto out = ui.tap(session, ui.hits().targets.at(0).rect, warned_at_ + Millis{1000});
    ASSERT_EQ(out.size(), 1U);
    ASSERT_TRUE(std::holds_alternative<core::ContinueSession>(out[0]));
    const core::Session kept = core::reduce(session, out[0], warned_at_ + Millis{1200});
    EXPECT_EQ(kept.idle, core::IdlePhase::Active);
    EXPECT_EQ(kept.language, "tr");
    EXPECT_EQ(kept.screen, core::Screen::Notice);
    ui.frame(kept, {}, warned_at_ + Millis{1300});
    EXPECT_EQ(ui.hits().screen, "notice");
}

TEST_F(IdleWarningView, CountdownTextFollowsTheSessionClock) {
    // The countdown is drawn from the frame time: a different time gives a different number,
    // which the glyph audit sees as text (digits must be in the font).
    ui.frame(session, {}, warned_at_);
    ui.frame(session, {}, warned_at_ + session.settings.idle.warning - Millis{500});
    EXPECT_TRUE(ui.glyphs().take_new().empty());
    EXPECT_EQ(core::seconds_left_in_warning(session, warned_at_ + Millis{0}),
              static_cast<int>(session.settings.idle.warning.count() / 1000));
}

TEST_F(IdleWarningView, ShowsStillThereAndTheCountdownInTheSessionsLanguage) {
    const Millis at = warned_at_ + Millis{4500};
    ui.frame(session, {}, at);
    const int left = core::seconds_left_in_warning(session, at);
    const i18n::Translator tr = ui.catalogue().translator("tr");
    const float px = ui::title_px(ui.context().theme);
    // The view shaped exactly these strings at title size: shaping them again is a cache hit.
    i18n::Shaper& shaper = ui.renderer().shaper();
    for (const std::string& text :
         {tr("idle.still_there"), tr.count_text("idle.seconds_left", left, "n")}) {
        const auto before = shaper.stats();
        ui.renderer().shape(text, "tr", px);
        EXPECT_EQ(shaper.stats().misses, before.misses) << "not drawn: " << text;
    }
    // A different second is a different string (the countdown follows the frame time).
    const auto before = shaper.stats();
    ui.renderer().shape(tr.count_text("idle.seconds_left", left + 1, "n"), "tr", px);
    EXPECT_EQ(shaper.stats().misses, before.misses + 1);
}

}  // namespace
}  // namespace kiosk::test

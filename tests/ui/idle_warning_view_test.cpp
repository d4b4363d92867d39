// The idle warning replaces the screen while the session is in Warning: it hides the previous
// person's screen, counts down, and its Continue button keeps the session.
#include <gtest/gtest.h>

#include "headless_ui.hpp"

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

}  // namespace
}  // namespace kiosk::test

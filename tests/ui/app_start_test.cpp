// How a kiosk visit starts: fresh and pristine (no timer runs), or with --lang's language.
#include <gtest/gtest.h>

#include "kiosk/app/kiosk_loop.hpp"

namespace kiosk::app {
namespace {

TEST(AppStart, FreshVisitIsPristineOnWelcomeWithTheYearFromTheClock) {
    const FakeClock clock(Millis{5000}, 1'790'000'000);  // 2026-09-21 UTC
    const AppState app = start_app(Options{}, clock);
    EXPECT_EQ(app.session.screen, core::Screen::Welcome);
    EXPECT_TRUE(core::is_pristine(app.session));
    EXPECT_EQ(core::next_deadline(app.session), std::nullopt) << "an idle kiosk sleeps";
    EXPECT_EQ(app.session.settings.current_year, 2026);
}

TEST(AppStart, LangOptionStartsWithTheLanguageChosen) {
    // FakeClock adds its monotonic time to the wall time: 2023-12-31 23:59:59 UTC.
    const FakeClock clock(Millis{0}, 1'704'067'199);
    Options options;
    options.language = "fa";
    const AppState app = start_app(options, clock);
    EXPECT_EQ(app.session.screen, core::Screen::Notice);
    EXPECT_EQ(app.session.language, "fa");
    EXPECT_EQ(app.session.settings.current_year, 2023);
    EXPECT_TRUE(core::next_deadline(app.session).has_value()) << "a visit in progress times out";
}

}  // namespace
}  // namespace kiosk::app

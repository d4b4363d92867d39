// How a kiosk visit starts: fresh and pristine (no timer runs), or with --lang's language.
#include <gtest/gtest.h>

#include <filesystem>

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

TEST(AppStart, FirstStartOpensOnThePinPadAndALockedPadWakesEverySecond) {
    const FakeClock clock(Millis{5000}, 1'790'000'000);
    AppState app = start_app(Options{}, clock, default_settings(clock));
    ASSERT_EQ(app.session.screen, core::Screen::StaffPin);  // no staff PIN stored yet
    EXPECT_EQ(next_frame_due(app, Millis{5000}), std::nullopt) << "an unlocked pad sleeps";

    app.session.pin.locked_until = app.unix_now + 30;  // after five wrong PINs
    EXPECT_EQ(next_frame_due(app, Millis{5000}), Millis{6000}) << "the countdown moves";
    app.unix_now += 30;
    EXPECT_EQ(next_frame_due(app, Millis{35'000}), std::nullopt) << "open again: sleep";
}

TEST(AppAssets, TheFirstExistingDirectoryWinsAndAMissingOneSaysWhereItLooked) {
    const std::filesystem::path missing = "/nonexistent/kiosk/i18n";
    const std::filesystem::path source = KIOSK_ASSETS_DIR "/i18n";
    const std::vector<std::filesystem::path> both = {missing, source};
    const auto found = find_asset_dir(both, "i18n");
    ASSERT_TRUE(found.ok()) << found.error().message;
    EXPECT_EQ(*found, source);

    const std::vector<std::filesystem::path> none = {missing};
    const auto error = find_asset_dir(none, "i18n");
    ASSERT_FALSE(error.ok());
    EXPECT_EQ(error.error().code, "app.assets_missing");
    EXPECT_NE(error.error().message.find(missing.string()), std::string::npos);
}

TEST(AppViewContext, FollowsTheSessionsLanguageAndDirection) {
    auto catalogue = i18n::Catalogue::load_directory(KIOSK_ASSETS_DIR "/i18n");
    ASSERT_TRUE(catalogue.ok()) << catalogue.error().message;
    ViewResources res;
    res.catalogue = &*catalogue;
    AppState app = start_app(Options{}, FakeClock(Millis{0}, 1'790'000'000));

    const ui::ViewContext en = view_context(res, app);
    EXPECT_EQ(en.language(), "en");
    EXPECT_FALSE(en.rtl());
    const std::string en_back = en.text("common.back");
    EXPECT_EQ(en_back, catalogue->tr("en", "common.back"));

    // A context lives for one frame: the next one is built after the language changed.
    app.session = core::reduce(app.session, core::ChooseLanguage{"ps"}, Millis{1});
    const ui::ViewContext ps = view_context(res, app);
    EXPECT_EQ(ps.language(), "ps");
    EXPECT_TRUE(ps.rtl());
    EXPECT_EQ(ps.text("common.back"), catalogue->tr("ps", "common.back"));
    EXPECT_NE(ps.text("common.back"), en_back) << "ps has its own word";
    EXPECT_EQ(ps.count_text("idle.seconds_left", 3, "n"),
              catalogue->translator("ps").count_text("idle.seconds_left", 3, "n"));
}

TEST(AppViewContext, TheDigitsSettingPicksTheDigitsOfCountsButNeverOfCodes) {
    auto catalogue = i18n::Catalogue::load_directory(KIOSK_ASSETS_DIR "/i18n");
    ASSERT_TRUE(catalogue.ok()) << catalogue.error().message;
    ViewResources res;
    res.catalogue = &*catalogue;
    AppState app = start_app(Options{}, FakeClock(Millis{0}, 1'790'000'000));
    app.session = core::reduce(app.session, core::ChooseLanguage{"ar"}, Millis{1});

    const std::string native = view_context(res, app).count_text("idle.seconds_left", 15, "n");
    EXPECT_NE(native.find("\u0661\u0665"), std::string::npos) << native;  // ١٥
    EXPECT_EQ(native.find("15"), std::string::npos) << native;

    app.session.settings.native_digits = false;  // staff turned it off; the next frame obeys
    const ui::ViewContext western = view_context(res, app);
    const std::string plain = western.count_text("idle.seconds_left", 15, "n");
    EXPECT_NE(plain.find("15"), std::string::npos) << plain;
    EXPECT_EQ(western.translator->digits().codes, i18n::DigitStyle::western);
}

}  // namespace
}  // namespace kiosk::app

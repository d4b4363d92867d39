// Staff mode end to end below the views: intents through the real reducer, the app's effects
// on a real database file (Argon2id, lockout, settings), and the status the staff screen shows.
#include "kiosk/app/staff_effects.hpp"

#include <gtest/gtest.h>

#include "kiosk/store/kiosk_settings.hpp"
#include "kiosk/store/outbox.hpp"
#include "kiosk/store/settings.hpp"
#include "kiosk/store/staff.hpp"
#include "tests/store/store_test_support.hpp"

namespace kiosk::app {
namespace {

using store::testing::make_registration;
using store::testing::TempDir;

class StaffEffects : public ::testing::Test {
  protected:
    TempDir dir;
    store::Database db = store::Database::open(dir / "kiosk.db").value();
    FakeClock clock{Millis{1'000'000}};
    core::Session session;

    void start() {
        core::KioskSettings defaults;
        defaults.current_year = 2026;
        auto settings = load_settings(db, defaults);
        ASSERT_TRUE(settings.ok()) << settings.error().code;
        session = core::fresh_session(*settings, clock.monotonic());
    }
    // Applies intents a second apart (so no double-tap guard drops them), then the effects.
    void apply(std::initializer_list<core::Intent> intents) {
        for (const core::Intent& intent : intents) {
            clock.advance(Millis{1000});
            session = core::reduce(std::move(session), intent, clock.monotonic());
        }
        run_staff_effects(db, session, clock);
    }
    void type_pin(std::string_view pin) {
        for (const char c : pin) {
            apply({core::PinDigit{c}});
        }
        apply({core::PinEnter{}});
    }
    void sign_in(std::string_view pin) {
        apply({core::OpenStaff{}});
        type_pin(pin);
        ASSERT_EQ(session.screen, core::Screen::StaffMenu) << session.pin.message;
    }
};

TEST_F(StaffEffects, FirstStartAsksForAPinTwiceThenSignsInAsStaff1) {
    start();
    ASSERT_EQ(session.screen, core::Screen::StaffPin);
    ASSERT_FALSE(session.settings.staff_pin_set);
    type_pin("246813");
    EXPECT_EQ(session.pin.message, "staff.pin_again");
    EXPECT_FALSE(store::has_staff_pin(db).value()) << "nothing stored after the first typing";
    type_pin("246813");
    EXPECT_EQ(session.screen, core::Screen::StaffMenu);
    EXPECT_TRUE(session.staff_mode);
    EXPECT_EQ(session.staff_id, "staff-1");
    EXPECT_EQ(session.pin.message, "staff.pin_set");
    EXPECT_TRUE(session.settings.staff_pin_set);
    EXPECT_TRUE(store::check_pin(db, "246813", clock.unix_seconds())->ok);
}

TEST_F(StaffEffects, FiveWrongPinsLockThePadUntilTheStoresTimeIsUp) {
    ASSERT_TRUE(store::set_first_pin(db, "482915").ok());
    start();
    ASSERT_EQ(session.screen, core::Screen::Welcome);
    apply({core::OpenStaff{}});
    for (int i = 1; i <= 4; ++i) {
        type_pin("111111");
        EXPECT_EQ(session.pin.message, "staff.pin_wrong") << i;
        EXPECT_EQ(session.pin.locked_until, 0);
    }
    type_pin("111111");
    EXPECT_EQ(session.pin.message, "staff.pin_locked");
    EXPECT_EQ(session.pin.locked_until, clock.unix_seconds() + 30);
    EXPECT_EQ(session.screen, core::Screen::StaffPin);

    type_pin("482915");  // the right PIN, too soon (the view would not even let it be typed)
    EXPECT_EQ(session.pin.message, "staff.pin_locked");
    EXPECT_FALSE(session.staff_mode);

    clock.advance(Millis{30'000});
    type_pin("482915");
    EXPECT_EQ(session.screen, core::Screen::StaffMenu);
    EXPECT_TRUE(session.staff_mode);
    EXPECT_EQ(store::read_pin_lockout(db)->failures, 0);
}

TEST_F(StaffEffects, ChangingThePinStoresTheNewOne) {
    ASSERT_TRUE(store::set_first_pin(db, "482915").ok());
    start();
    sign_in("482915");
    apply({core::GoTo{core::Screen::StaffNewPin}});
    ASSERT_EQ(session.screen, core::Screen::StaffNewPin);
    type_pin("5551234");
    type_pin("5551234");
    EXPECT_EQ(session.screen, core::Screen::StaffMenu);
    EXPECT_EQ(session.pin.message, "staff.pin_changed");
    EXPECT_EQ(session.staff_id, "staff-1");
    EXPECT_FALSE(store::check_pin(db, "482915", clock.unix_seconds())->ok);
    EXPECT_TRUE(store::check_pin(db, "5551234", clock.unix_seconds())->ok);
}

TEST_F(StaffEffects, SavedSettingsAreStoredAndAppliedARefusalKeepsTheDraft) {
    ASSERT_TRUE(store::set_first_pin(db, "482915").ok());
    start();
    sign_in("482915");
    apply({core::GoTo{core::Screen::StaffSettings}});
    core::KioskSettings edited = session.settings_draft;
    edited.centre_name = "Centre Ouest";
    edited.languages = {"ar", "tr"};
    edited.idle.person_idle = Millis{10'000};  // under 30 s: refused
    apply({core::EditSettings{edited}, core::SaveSettings{}});
    EXPECT_EQ(session.screen, core::Screen::StaffSettings);
    EXPECT_EQ(session.settings_error, store::settings_errc::kPersonIdle);
    EXPECT_EQ(session.settings_draft.centre_name, "Centre Ouest") << "nothing typed is lost";
    EXPECT_FALSE(store::get_setting(db, "kiosk.centre_name")->has_value());

    edited.idle.person_idle = Millis{120'000};
    apply({core::EditSettings{edited}, core::SaveSettings{}});
    EXPECT_EQ(session.screen, core::Screen::StaffMenu);
    EXPECT_TRUE(session.settings_error.empty());
    EXPECT_EQ(session.settings.centre_name, "Centre Ouest");
    EXPECT_EQ(session.settings.idle.person_idle, Millis{120'000});
    auto stored = load_settings(db, {});
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->centre_name, "Centre Ouest");
    EXPECT_EQ(stored->languages, (std::vector<std::string>{"ar", "tr"}));
    EXPECT_EQ(stored->idle.person_idle, Millis{120'000});
}

TEST_F(StaffEffects, NothingRunsUnderTheIdleWarning) {
    ASSERT_TRUE(store::set_first_pin(db, "482915").ok());
    start();
    apply({core::OpenStaff{}});
    for (const char c : std::string_view("111111")) {
        apply({core::PinDigit{c}});
    }
    clock.advance(Millis{1000});
    session = core::reduce(std::move(session), core::PinEnter{}, clock.monotonic());
    ASSERT_EQ(session.pin.pending, core::PinRequest::SignIn);
    clock.advance(session.settings.idle.person_idle);
    session = core::tick(std::move(session), clock.monotonic());
    ASSERT_EQ(session.idle, core::IdlePhase::Warning);
    EXPECT_FALSE(run_staff_effects(db, session, clock));
    EXPECT_EQ(store::read_pin_lockout(db)->failures, 0) << "no check, so nothing counted";
}

TEST_F(StaffEffects, LanguagesNoLongerShippedAreDroppedOnLoad) {
    ASSERT_TRUE(store::set_setting(db, "kiosk.languages", "tr,xx,ar").ok());
    auto loaded = load_settings(db, {});
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->languages, (std::vector<std::string>{"tr", "ar"}));
    const auto offered = offered_languages(*loaded);
    ASSERT_EQ(offered.size(), 2U);
    EXPECT_EQ(offered[0].endonym, "Türkçe");
    EXPECT_EQ(offered[1].code, "ar");
    EXPECT_EQ(offered_languages(core::KioskSettings{}).size(), i18n::shipped_languages().size());
}

TEST_F(StaffEffects, StatusCountsTheOutboxAndTellsTheLastSync) {
    auto fresh = read_kiosk_status(db);
    ASSERT_TRUE(fresh.ok());
    EXPECT_EQ(fresh->queued, 0);
    EXPECT_EQ(fresh->last_success_unix, 0);
    EXPECT_TRUE(fresh->last_error.empty());
    EXPECT_FALSE(fresh->enrolled);

    std::vector<std::string> ids;
    for (std::uint64_t n = 1; n <= 4; ++n) {
        ASSERT_TRUE(store::submit_registration(db, make_registration(n)).ok());
    }
    auto batch = store::claim_batch(db, 3, 1 << 20);
    ASSERT_TRUE(batch.ok());
    ASSERT_EQ(batch->size(), 3U);
    const std::string acked[] = {(*batch)[0].record_id};
    ASSERT_EQ(store::mark_acked(db, acked).value(), 1U);
    ASSERT_TRUE(store::mark_rejected(db, (*batch)[1].record_id, "schema").ok());
    ASSERT_TRUE(store::set_int_setting(db, "sync.last_success", 1'790'000'123).ok());
    ASSERT_TRUE(
        store::set_setting(db, "sync.last_error", "sync.http_503: Service Unavailable").ok());
    ASSERT_TRUE(store::set_setting(db, "sync.token", "made-up-token").ok());

    auto status = read_kiosk_status(db);
    ASSERT_TRUE(status.ok()) << status.error().code;
    EXPECT_EQ(status->queued, 2) << "one queued and one still being sent";
    EXPECT_EQ(status->rejected, 1);
    EXPECT_EQ(status->acked_kept, 1);
    EXPECT_EQ(status->last_success_unix, 1'790'000'123);
    EXPECT_EQ(status->last_error, "sync.http_503") << "the code, without the English message";
    EXPECT_TRUE(status->enrolled);
    EXPECT_FALSE(status->enrolment_needed);

    // The sync worker got a 401 (revoked): the token is kept, the screen asks for enrolment.
    ASSERT_TRUE(store::set_bool_setting(db, "sync.enrolment_needed", true).ok());
    auto refused = read_kiosk_status(db);
    ASSERT_TRUE(refused.ok());
    EXPECT_TRUE(refused->enrolled);
    EXPECT_TRUE(refused->enrolment_needed);
}

}  // namespace
}  // namespace kiosk::app

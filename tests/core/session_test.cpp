// Tests for kiosk/core/session.hpp: the reducer's navigation and draft handling, and the idle
// state machine driven by a FakeClock at its exact boundaries.
#include "kiosk/core/session.hpp"

#include <gtest/gtest.h>

#include <optional>

#include "tests/core/sample_registration.hpp"

namespace kiosk::core {
namespace {

using namespace std::chrono_literals;

KioskSettings settings_for_tests() {
    KioskSettings k;
    k.current_year = kSampleYear;
    k.staff_pin_set = true;  // not a first start
    return k;
}

// A session someone has started, at the clock's current time.
Session started(FakeClock& clock, const KioskSettings& settings = settings_for_tests()) {
    Session s = fresh_session(settings, clock.monotonic());
    return reduce(s, ChooseLanguage{"ar"}, clock.monotonic());
}

// A started session left alone until the warning appears; the clock is at that moment.
Session warned(FakeClock& clock) {
    Session s = started(clock);
    clock.advance(90s);
    s = tick(s, clock.monotonic());
    EXPECT_EQ(s.idle, IdlePhase::Warning);
    return s;
}

// A session on the Review screen with `draft`, walked there through the real flow, one second
// per tap; the walk ends before 100 s, so tests continue from 100 s.
Session at_review(const Registration& draft) {
    Session s = fresh_session(settings_for_tests(), 0ms);
    s = reduce(s, ChooseLanguage{"ar"}, 1s);
    s = reduce(s, AcceptConsent{1'790'000'000}, 2s);
    s = reduce(s, EditDraft{sample_registration()}, 3s);
    Millis t = 4s;
    for (std::size_t i = 0; i < std::size(kRegistrationScreens); ++i, t += 1s) {
        s = reduce(s, Next{}, t);
    }
    EXPECT_EQ(s.screen, Screen::Review);
    s = reduce(s, EditDraft{draft}, t);
    return s;
}

// --- Reducer ---

TEST(Session, ChoosingALanguageSetsItAndLeavesTheWelcomeScreen) {
    Session s;
    s = reduce(s, ChooseLanguage{"ar"}, Millis{1000});
    EXPECT_EQ(s.language, "ar");
    EXPECT_EQ(s.screen, Screen::Notice);
    EXPECT_EQ(s.last_activity, Millis{1000});
}

TEST(Session, ChoosingALanguageLaterChangesOnlyTheLanguage) {
    Session s = fresh_session(settings_for_tests(), 0ms);
    s = reduce(s, ChooseLanguage{"ar"}, 1s);
    s = reduce(s, AcceptConsent{1'790'000'000}, 2s);
    ASSERT_EQ(s.screen, Screen::Name);
    s = reduce(s, ChooseLanguage{"tr"}, 3s);
    EXPECT_EQ(s.language, "tr");
    EXPECT_EQ(s.screen, Screen::Name);
}

TEST(Session, TheNoticeIsLeftOnlyByConsentingOrGoingBack) {
    Session s = fresh_session(settings_for_tests(), 0ms);
    s.settings.consent_version = "2026-03";
    s = reduce(s, ChooseLanguage{"fa"}, 1s);
    s = reduce(s, Next{}, 2s);
    EXPECT_EQ(s.screen, Screen::Notice);
    EXPECT_TRUE(s.draft.consent_version.empty());

    s = reduce(s, AcceptConsent{1'790'000'123}, 3s);
    EXPECT_EQ(s.screen, Screen::Name);
    EXPECT_EQ(s.draft.consent_version, "2026-03");
    EXPECT_EQ(s.draft.consent_unix_seconds, 1'790'000'123);

    s = reduce(s, Back{}, 4s);
    EXPECT_EQ(s.screen, Screen::Notice);
    s = reduce(s, Back{}, 5s);
    EXPECT_EQ(s.screen, Screen::Welcome);
}

TEST(Session, NextStaysOnAScreenWithErrorsAndShowsOnlyThatScreensErrors) {
    Session s = fresh_session(settings_for_tests(), 0ms);
    s = reduce(s, ChooseLanguage{"uk"}, 1s);
    s = reduce(s, AcceptConsent{1'790'000'000}, 2s);
    s = reduce(s, Next{}, 3s);
    EXPECT_EQ(s.screen, Screen::Name);
    // The phone is on the next screen, so its "required" is not shown here.
    const std::vector<FieldError> expected = {{"given_name", "required"}};
    EXPECT_EQ(s.errors, expected);

    Registration edited = s.draft;
    edited.given_name = "Олена";
    s = reduce(s, EditDraft{edited}, 4s);
    s = reduce(s, Next{}, 5s);
    EXPECT_EQ(s.screen, Screen::Contact);
    EXPECT_TRUE(s.errors.empty());
    s = reduce(s, Next{}, 6s);
    const std::vector<FieldError> phone = {{"phone.calling_code", "required"},
                                           {"phone.national_number", "required"}};
    EXPECT_EQ(s.errors, phone);
}

TEST(Session, AValidDraftWalksEveryScreenToTheReviewAndBack) {
    Session s = fresh_session(settings_for_tests(), 0ms);
    s = reduce(s, ChooseLanguage{"ar"}, 1s);
    s = reduce(s, AcceptConsent{1'790'000'000}, 2s);
    s = reduce(s, EditDraft{sample_registration()}, 3s);
    Millis t = 4s;
    for (std::size_t i = 1; i < std::size(kRegistrationScreens); ++i, t += 1s) {
        s = reduce(s, Next{}, t);
        EXPECT_EQ(s.screen, kRegistrationScreens[i]);
        EXPECT_TRUE(s.errors.empty());
    }
    s = reduce(s, Next{}, t);
    EXPECT_EQ(s.screen, Screen::Review);
    t += 1s;
    s = reduce(s, Next{}, t);
    EXPECT_EQ(s.screen, Screen::Review);  // saving is Submit's job
    for (std::size_t i = std::size(kRegistrationScreens); i-- > 0;) {
        t += 1s;
        s = reduce(s, Back{}, t);
        EXPECT_EQ(s.screen, kRegistrationScreens[i]);
    }
    for (const Screen expected : {Screen::Notice, Screen::Welcome, Screen::Welcome}) {
        t += 1s;
        s = reduce(s, Back{}, t);
        EXPECT_EQ(s.screen, expected);
    }
}

TEST(Session, BackClearsTheErrorsOfTheScreenItLeaves) {
    Session s = fresh_session(settings_for_tests(), 0ms);
    s = reduce(s, ChooseLanguage{"ar"}, 1s);
    s = reduce(s, AcceptConsent{1'790'000'000}, 2s);
    s = reduce(s, Next{}, 3s);
    ASSERT_FALSE(s.errors.empty());
    s = reduce(s, Back{}, 4s);
    EXPECT_TRUE(s.errors.empty());
}

TEST(Session, AScreenCannotForgeConsentOrStaffAttribution) {
    Session s = fresh_session(settings_for_tests(), 0ms);
    s = reduce(s, ChooseLanguage{"ar"}, 1s);
    Registration forged = sample_registration();
    forged.consent_version = "99";
    forged.consent_unix_seconds = 5;
    forged.staff_assisted = true;
    forged.staff_id = "someone";
    s = reduce(s, EditDraft{forged}, 2s);
    EXPECT_EQ(s.draft.given_name, "Amal");
    EXPECT_TRUE(s.draft.consent_version.empty());
    EXPECT_EQ(s.draft.consent_unix_seconds, 0);
    EXPECT_FALSE(s.draft.staff_assisted);
    EXPECT_TRUE(s.draft.staff_id.empty());
}

TEST(Session, StaffSignInMarksTheDraftAsAssisted) {
    Session s = fresh_session(settings_for_tests(), 0ms);
    s = reduce(s, StaffSignedIn{"staff-07"}, 1s);
    EXPECT_TRUE(s.staff_mode);
    EXPECT_TRUE(s.draft.staff_assisted);
    EXPECT_EQ(s.draft.staff_id, "staff-07");
    s = reduce(s, StaffSignedOut{}, 2s);
    EXPECT_FALSE(s.staff_mode);
    EXPECT_TRUE(s.staff_id.empty());
    EXPECT_EQ(s.draft.staff_id, "staff-07");  // staff did help with this draft
}

TEST(Session, TheDoneScreenIsLeftOnlyByEndingTheSession) {
    Session s = at_review(sample_registration());
    s = reduce(s, Submit{}, 102s);
    s = reduce(s, RegistrationSaved{"100-000-00K", "0123456789abcdef0123456789abcdef"}, 103s);
    ASSERT_EQ(s.screen, Screen::Done);
    s = reduce(s, Next{}, 104s);
    s = reduce(s, Back{}, 105s);
    EXPECT_EQ(s.screen, Screen::Done);
    s = reduce(s, EndSession{}, 106s);
    EXPECT_TRUE(is_pristine(s));
}

TEST(Saving, SubmitNormalisesTheDraftAndWaitsForTheStore) {
    Registration draft = sample_registration();
    draft.given_name = "  Amal ";
    Session s = at_review(draft);
    s = reduce(s, Submit{}, 106s);
    EXPECT_TRUE(s.saving);
    EXPECT_EQ(s.screen, Screen::Review);  // not "saved" until the store says so
    EXPECT_EQ(s.draft.given_name, "Amal");
    EXPECT_EQ(s.draft.phone, (Phone{"90", "5321234567"}));

    const Session saving = s;
    for (const Intent& ignored :
         {Intent{Back{}}, Intent{Next{}}, Intent{EditDraft{Registration{}}}}) {
        const Session after = reduce(saving, ignored, 107s);
        EXPECT_EQ(after.draft, saving.draft);
        EXPECT_EQ(after.screen, Screen::Review);
        EXPECT_TRUE(after.saving);
    }
    s = reduce(s, RegistrationSaved{"100-000-00K", "0123456789abcdef0123456789abcdef"}, 108s);
    EXPECT_FALSE(s.saving);
    EXPECT_EQ(s.screen, Screen::Done);
    EXPECT_EQ(s.reference_code, "100-000-00K");
    EXPECT_EQ(s.draft, Registration{});
}

TEST(Saving, SubmitWithErrorsGoesToTheFirstScreenThatHasOne) {
    Registration draft = sample_registration();
    draft.languages[0].spoken.reset();
    draft.city = "";
    Session s = at_review(draft);
    s = reduce(s, Submit{}, 106s);
    EXPECT_FALSE(s.saving);
    EXPECT_EQ(s.screen, Screen::City);  // city comes before languages
    const std::vector<FieldError> expected = {{"city", "required"}};
    EXPECT_EQ(s.errors, expected);
}

TEST(Saving, AFailedSaveKeepsTheDraftForAnotherTry) {
    Session s = at_review(sample_registration());
    s = reduce(s, Submit{}, 106s);
    const Registration stored = s.draft;
    s = reduce(s, SaveFailed{"store.io"}, 107s);
    EXPECT_FALSE(s.saving);
    EXPECT_EQ(s.save_error, "store.io");
    EXPECT_EQ(s.screen, Screen::Review);
    EXPECT_EQ(s.draft, stored);
    s = reduce(s, Submit{}, 108s);
    EXPECT_TRUE(s.saving);
    EXPECT_TRUE(s.save_error.empty());
}

TEST(Saving, ASaveResultWithNoSaveUnderwayIsIgnored) {
    Session s = at_review(sample_registration());
    const Session before = s;
    EXPECT_EQ(reduce(s, RegistrationSaved{"100-000-00K", "0123456789abcdef0123456789abcdef"},
                     s.last_activity),
              before);
    EXPECT_EQ(reduce(s, SaveFailed{"store.io"}, s.last_activity), before);
}

TEST(Session, StepsBelongToTheirScreens) {
    EXPECT_EQ(step_for(Screen::Name), Step::Contact);
    EXPECT_EQ(step_for(Screen::Contact), Step::Contact);
    EXPECT_EQ(step_for(Screen::Nationality), Step::AboutYou);
    EXPECT_EQ(step_for(Screen::WorkHistory), Step::Work);
    EXPECT_EQ(step_for(Screen::Preferences), Step::Availability);
    EXPECT_EQ(step_for(Screen::Welcome), std::nullopt);
    EXPECT_EQ(step_for(Screen::Review), std::nullopt);
    for (const Step step : kAllSteps) {
        if (step != Step::Consent) {
            EXPECT_EQ(step_for(screen_for(step)), step);
        }
    }
    EXPECT_EQ(screen_for(Step::Consent), Screen::Notice);
}

// --- Idle machine ---

TEST(Idle, APristineSessionRunsNoTimer) {
    FakeClock clock(10s);
    const Session s = fresh_session(settings_for_tests(), clock.monotonic());
    EXPECT_TRUE(is_pristine(s));
    EXPECT_EQ(next_deadline(s), std::nullopt);
    clock.advance(24h);
    EXPECT_EQ(tick(s, clock.monotonic()), s);
}

TEST(Idle, WarnsAtExactly90SecondsNotBefore) {
    FakeClock clock(10s);
    Session s = started(clock);
    EXPECT_EQ(next_deadline(s), clock.monotonic() + 90s);

    clock.advance(89'999ms);
    s = tick(s, clock.monotonic());
    EXPECT_EQ(s.idle, IdlePhase::Active);
    EXPECT_EQ(seconds_left_in_warning(s, clock.monotonic()), 0);

    clock.advance(1ms);
    s = tick(s, clock.monotonic());
    EXPECT_EQ(s.idle, IdlePhase::Warning);
    EXPECT_EQ(seconds_left_in_warning(s, clock.monotonic()), 20);
    EXPECT_EQ(s.screen, Screen::Notice);  // the warning changes nothing underneath
    EXPECT_EQ(s.language, "ar");
}

TEST(Idle, ResetsExactly20SecondsAfterTheWarning) {
    FakeClock clock(10s);
    Session s = warned(clock);
    EXPECT_EQ(next_deadline(s), clock.monotonic() + 20s);

    clock.advance(19'999ms);
    s = tick(s, clock.monotonic());
    EXPECT_EQ(s.idle, IdlePhase::Warning);
    EXPECT_EQ(seconds_left_in_warning(s, clock.monotonic()), 1);

    clock.advance(1ms);
    s = tick(s, clock.monotonic());
    EXPECT_EQ(s.idle, IdlePhase::Active);
    EXPECT_EQ(s.screen, Screen::Welcome);
    EXPECT_EQ(s.language, "en");
    EXPECT_TRUE(is_pristine(s));
    EXPECT_EQ(next_deadline(s), std::nullopt);
}

TEST(Idle, ContinueReturnsToActiveAndRestartsTheFull90Seconds) {
    FakeClock clock(10s);
    Session s = warned(clock);
    clock.advance(12s);
    s = reduce(s, ContinueSession{}, clock.monotonic());
    EXPECT_EQ(s.idle, IdlePhase::Active);
    EXPECT_EQ(s.language, "ar");
    EXPECT_EQ(next_deadline(s), clock.monotonic() + 90s);

    clock.advance(89'999ms);
    s = tick(s, clock.monotonic());
    EXPECT_EQ(s.idle, IdlePhase::Active);
    clock.advance(1ms);
    s = tick(s, clock.monotonic());
    EXPECT_EQ(s.idle, IdlePhase::Warning);
}

TEST(Idle, AnyIntentCountsAsActivity) {
    FakeClock clock(10s);
    Session s = started(clock);
    clock.advance(60s);
    s = reduce(s, Next{}, clock.monotonic());  // does nothing on the notice, but someone is there
    EXPECT_EQ(next_deadline(s), clock.monotonic() + 90s);
    clock.advance(89s);
    s = tick(s, clock.monotonic());
    EXPECT_EQ(s.idle, IdlePhase::Active);
}

TEST(Idle, OnlyContinueOrEndIsHonouredDuringTheWarning) {
    FakeClock clock(10s);
    const Session warning = warned(clock);
    clock.advance(3s);
    for (const Intent& stray :
         {Intent{Next{}}, Intent{Back{}}, Intent{ChooseLanguage{"tr"}},
          Intent{EditDraft{sample_registration()}}, Intent{StaffSignedIn{"staff-07"}}}) {
        EXPECT_EQ(reduce(warning, stray, clock.monotonic()), warning);
    }
    EXPECT_TRUE(is_pristine(reduce(warning, EndSession{}, clock.monotonic())));
}

TEST(Idle, AContinueAfterTheCountdownEndedCannotReviveTheSession) {
    FakeClock clock(10s);
    Session s = warned(clock);
    clock.advance(20s);  // the app has not ticked yet when the tap arrives
    s = reduce(s, ContinueSession{}, clock.monotonic());
    EXPECT_EQ(s.screen, Screen::Welcome);
    EXPECT_EQ(s.language, "en");
    EXPECT_TRUE(is_pristine(s));
}

TEST(Idle, StaffGetALongerIdleLimit) {
    FakeClock clock(10s);
    Session s = started(clock);
    s = reduce(s, StaffSignedIn{"staff-07"}, clock.monotonic());
    clock.advance(299'999ms);
    s = tick(s, clock.monotonic());
    EXPECT_EQ(s.idle, IdlePhase::Active);
    clock.advance(1ms);
    s = tick(s, clock.monotonic());
    EXPECT_EQ(s.idle, IdlePhase::Warning);
}

TEST(Idle, BackOnTheWelcomeScreenAfterChoosingALanguageStillTimesOut) {
    FakeClock clock(10s);
    Session s = started(clock);  // chose Arabic
    clock.advance(1s);
    s = reduce(s, Back{}, clock.monotonic());
    ASSERT_EQ(s.screen, Screen::Welcome);
    EXPECT_FALSE(is_pristine(s));  // the next person would find the kiosk in Arabic
    clock.advance(110s);
    s = tick(s, clock.monotonic());
    s = tick(s, clock.monotonic() + 20s);
    EXPECT_EQ(s.language, "en");
    EXPECT_TRUE(is_pristine(s));
}

TEST(Idle, TheWakeUpFollowsTheCountdownSecondBySecond) {
    FakeClock clock(10s);
    Session s = started(clock);
    const Millis active_wakeup = clock.monotonic() + 90s;
    EXPECT_EQ(next_wakeup(s, clock.monotonic()), active_wakeup);
    clock.advance(90s);
    s = tick(s, clock.monotonic());
    const Millis shown_at = clock.monotonic();
    EXPECT_EQ(next_wakeup(s, shown_at), shown_at + 1s);              // 20 -> 19
    EXPECT_EQ(next_wakeup(s, shown_at + 1500ms), shown_at + 2s);     // 19 -> 18
    EXPECT_EQ(next_wakeup(s, shown_at + 19'500ms), shown_at + 20s);  // 1 -> reset
    EXPECT_EQ(seconds_left_in_warning(s, shown_at + 1500ms), 19);
}

TEST(Idle, AResetLeavesNothingOfThePreviousPerson) {
    KioskSettings kiosk;
    kiosk.idle = IdleConfig{60s, 15s, 240s};
    kiosk.default_language = "tr";
    kiosk.consent_version = "2026-03";
    kiosk.current_year = kSampleYear;
    kiosk.staff_pin_set = true;

    FakeClock clock(10s);
    Session s = started(clock, kiosk);
    s = reduce(s, StaffSignedIn{"staff-07"}, clock.monotonic());
    clock.advance(1s);
    s = reduce(s, AcceptConsent{1'790'000'000}, clock.monotonic());
    Registration half = sample_registration();
    half.given_name = "";
    s = reduce(s, EditDraft{half}, clock.monotonic());
    clock.advance(1s);
    s = reduce(s, Next{}, clock.monotonic());  // leaves an error on screen
    ASSERT_FALSE(s.errors.empty());
    ASSERT_EQ(s.draft.family_name, "Haddad");

    clock.advance(240s);
    s = tick(s, clock.monotonic());
    ASSERT_EQ(s.idle, IdlePhase::Warning);
    clock.advance(15s);
    s = tick(s, clock.monotonic());

    // Spelled out field by field rather than through fresh_session(), so a field that
    // fresh_session forgot to clear would show here.
    Session expected;
    expected.settings = kiosk;
    expected.language = "tr";
    expected.last_activity = clock.monotonic();
    expected.screen_since = clock.monotonic() - kScreenChangeGuard;
    EXPECT_EQ(s, expected);
    EXPECT_EQ(s.draft, Registration{});
    EXPECT_FALSE(s.staff_mode);
    EXPECT_TRUE(s.staff_id.empty());
    EXPECT_TRUE(s.errors.empty());
    EXPECT_TRUE(s.reference_code.empty());
}

TEST(Idle, EndSessionWipesAtOnce) {
    FakeClock clock(10s);
    Session s = started(clock);
    s = reduce(s, EditDraft{sample_registration()}, clock.monotonic());
    s = reduce(s, EndSession{}, clock.monotonic());
    Session expected = fresh_session(settings_for_tests(), clock.monotonic());
    expected.screen_since = clock.monotonic();  // the tap that ended it opens the guard
    EXPECT_EQ(s, expected);
}

}  // namespace
}  // namespace kiosk::core

// Tests for the registration flow's newer intents in kiosk/core/session.hpp and the text fields
// of kiosk/core/field_path.hpp: decline, review-edit-return, the double-tap guard, typing into
// fields, and staff mode (PIN pad, first start, settings) as far as the pure reducer goes.
#include <gtest/gtest.h>

#include "kiosk/core/field_path.hpp"
#include "kiosk/core/session.hpp"
#include "tests/core/sample_registration.hpp"

namespace kiosk::core {
namespace {

using namespace std::chrono_literals;

// Applies intents one second apart, as a person tapping would.
struct Person {
    Session s;
    Millis t{0};

    explicit Person(bool pin_set = true) {
        KioskSettings k;
        k.current_year = kSampleYear;
        k.staff_pin_set = pin_set;
        s = fresh_session(k, t);
    }
    Person& operator()(const Intent& intent) {
        t += 1s;
        s = reduce(s, intent, t);
        return *this;
    }
};

Person at_review() {
    Person p;
    p(ChooseLanguage{"tr"})(AcceptConsent{1'790'000'000})(EditDraft{sample_registration()});
    for (std::size_t i = 0; i < std::size(kRegistrationScreens); ++i) {
        p(Next{});
    }
    EXPECT_EQ(p.s.screen, Screen::Review);
    return p;
}

TEST(Flow, DecliningKeepsNothingAndFinishingResets) {
    Person p;
    p(ChooseLanguage{"ar"})(EditDraft{sample_registration()})(DeclineConsent{});
    EXPECT_EQ(p.s.screen, Screen::Declined);
    EXPECT_EQ(p.s.draft, Registration{});
    EXPECT_TRUE(p.s.draft.consent_version.empty());
    p(Back{});
    EXPECT_EQ(p.s.screen, Screen::Notice);
    p(DeclineConsent{})(EndSession{});
    EXPECT_TRUE(is_pristine(p.s));
}

TEST(Flow, JobsOpenFromDeclinedAndBackReturnsThereKeepingTheSearch) {
    Person p;
    p(ChooseLanguage{"ar"})(DeclineConsent{})(OpenJobs{});
    EXPECT_EQ(p.s.screen, Screen::Jobs);
    p(FocusField{"search", "ar"})(EditText{"search", "طباخ", 8});
    p(OpenJob{"demo-17"});
    EXPECT_EQ(p.s.screen, Screen::JobDetail);
    EXPECT_EQ(p.s.job_id, "demo-17");
    EXPECT_FALSE(p.s.focus.has_value()) << "the keyboard closes with the list";
    p(Back{});
    EXPECT_EQ(p.s.screen, Screen::Jobs);
    EXPECT_EQ(p.s.search, "طباخ") << "the list as the person left it";
    EXPECT_TRUE(p.s.job_id.empty());
    p(Back{});
    EXPECT_EQ(p.s.screen, Screen::Declined);
    EXPECT_TRUE(p.s.search.empty());
    p(EndSession{});
    EXPECT_TRUE(is_pristine(p.s));
}

TEST(Flow, JobsOpenFromDoneKeepingTheReferenceCodeAndNotFromTheForm) {
    Person p = at_review();
    p(Submit{})(RegistrationSaved{"K4M-7Q2-PH5", "0123456789abcdef0123456789abcdef"})(OpenJobs{});
    EXPECT_EQ(p.s.screen, Screen::Jobs);
    p(OpenJob{""});
    EXPECT_EQ(p.s.screen, Screen::Jobs) << "no offer, no detail";
    p(Back{});
    EXPECT_EQ(p.s.screen, Screen::Done);
    EXPECT_EQ(p.s.reference_code, "K4M-7Q2-PH5");

    Person q;
    q(ChooseLanguage{"tr"})(AcceptConsent{1'790'000'000})(OpenJobs{})(OpenJob{"demo-1"});
    EXPECT_EQ(q.s.screen, Screen::Name) << "jobs open only from Declined and Done";
}

constexpr std::string_view kRecordId = "0123456789abcdef0123456789abcdef";

TEST(Interest, AfterRegisteringItLinksToTheRegistrationAndIsMarkedSentOnlyWhenStored) {
    Person p = at_review();
    const Registration answers = normalized(p.s.draft);
    p(Submit{})(RegistrationSaved{"K4M-7Q2-PH5", std::string(kRecordId)});
    ASSERT_TRUE(p.s.registered.has_value());
    EXPECT_EQ(p.s.registered->profile, answers) << "the profile ranks jobs for this visit";
    EXPECT_EQ(p.s.draft, Registration{});
    p(OpenJobs{})(OpenJob{"demo-17"})(ExpressInterest{});
    ASSERT_TRUE(p.s.interest_pending.has_value());
    EXPECT_EQ(*p.s.interest_pending,
              (PendingInterest{"demo-17", std::string(kRecordId), "K4M7Q2PH5"}));
    EXPECT_TRUE(p.s.interests_sent.empty()) << "not sent before the store says so";
    p(ExpressInterest{});
    EXPECT_EQ(p.s.interest_pending->job_id, "demo-17") << "a double tap asks once";

    p(InterestFailed{"store.io"});
    EXPECT_FALSE(p.s.interest_pending.has_value());
    EXPECT_EQ(p.s.interest_error, "store.io");
    EXPECT_TRUE(p.s.interests_sent.empty());
    p(ExpressInterest{})(InterestSaved{});
    EXPECT_EQ(p.s.interests_sent, std::vector<std::string>{"demo-17"});
    EXPECT_TRUE(p.s.interest_error.empty());
    p(ExpressInterest{});
    EXPECT_FALSE(p.s.interest_pending.has_value()) << "sent once per offer and visit";

    p(EndSession{});
    EXPECT_TRUE(is_pristine(p.s)) << "the profile and the interests go with the visit";
}

TEST(Interest, WithoutARegistrationATypedCodeIsCheckedThenKeptForTheVisit) {
    Person p;
    p(ChooseLanguage{"ar"})(DeclineConsent{})(OpenJobs{})(OpenJob{"demo-3"})(ExpressInterest{});
    EXPECT_EQ(p.s.screen, Screen::InterestCode);
    EXPECT_FALSE(p.s.interest_pending.has_value());
    p(FocusField{"interest_code", "code"});
    ASSERT_TRUE(p.s.focus.has_value());
    p(EditText{"interest_code", "K4M-7Q2-PH6", 11})(SendInterestCode{});
    EXPECT_EQ(p.s.interest_error, "reference_code.bad_check");
    EXPECT_FALSE(p.s.interest_pending.has_value());
    p(FocusField{"interest_code", "code"})(EditText{"interest_code", "K4M", 3})(SendInterestCode{});
    EXPECT_EQ(p.s.interest_error, "reference_code.wrong_length");

    // Typed as people do: lower case, spaces, O for 0.
    p(FocusField{"interest_code", "code"})(EditText{"interest_code", "k4m 7q2 ph5", 11});
    p(SendInterestCode{});
    ASSERT_TRUE(p.s.interest_pending.has_value());
    EXPECT_EQ(*p.s.interest_pending, (PendingInterest{"demo-3", "", "K4M7Q2PH5"}));
    p(InterestSaved{});
    EXPECT_EQ(p.s.screen, Screen::JobDetail);
    EXPECT_TRUE(p.s.interest_code.empty());
    EXPECT_EQ(p.s.linked_code, "K4M7Q2PH5");

    // Another offer in the same visit takes one tap.
    p(Back{})(OpenJob{"demo-4"})(ExpressInterest{});
    EXPECT_EQ(p.s.screen, Screen::JobDetail);
    ASSERT_TRUE(p.s.interest_pending.has_value());
    EXPECT_EQ(p.s.interest_pending->reference_code, "K4M7Q2PH5");
}

TEST(Interest, BackFromTheCodeScreenForgetsWhatWasTyped) {
    Person p;
    p(ChooseLanguage{"en"})(DeclineConsent{})(OpenJobs{})(OpenJob{"demo-3"})(ExpressInterest{});
    p(FocusField{"interest_code", "code"})(EditText{"interest_code", "K4M", 3})(Back{});
    EXPECT_EQ(p.s.screen, Screen::JobDetail);
    EXPECT_EQ(p.s.job_id, "demo-3");
    EXPECT_TRUE(p.s.interest_code.empty());
    EXPECT_FALSE(p.s.interest_pending.has_value());
}

TEST(Interest, APersonWithoutACodeRegistersAndComesBackToTheOffer) {
    Person p;
    p(ChooseLanguage{"tr"})(DeclineConsent{})(OpenJobs{})(OpenJob{"demo-8"})(ExpressInterest{});
    p(RegisterForInterest{});
    EXPECT_EQ(p.s.screen, Screen::Notice);
    EXPECT_EQ(p.s.interest_job, "demo-8");
    p(AcceptConsent{1'790'000'000})(EditDraft{sample_registration()});
    for (std::size_t i = 0; i < std::size(kRegistrationScreens); ++i) {
        p(Next{});
    }
    p(Submit{})(RegistrationSaved{"K4M-7Q2-PH5", std::string(kRecordId)});
    EXPECT_EQ(p.s.screen, Screen::Done);
    p(OpenJob{"demo-9"});
    EXPECT_EQ(p.s.screen, Screen::Done) << "only the offer the person registered for";
    p(OpenJob{"demo-8"});
    EXPECT_EQ(p.s.screen, Screen::JobDetail);
    EXPECT_EQ(p.s.job_id, "demo-8");
    p(ExpressInterest{});
    ASSERT_TRUE(p.s.interest_pending.has_value());
    EXPECT_EQ(p.s.interest_pending->registration_id, kRecordId);
    p(InterestSaved{})(Back{});
    EXPECT_EQ(p.s.screen, Screen::Jobs);
    p(Back{});
    EXPECT_EQ(p.s.screen, Screen::Done);
}

TEST(Interest, OnlyTheJobDetailExpressesInterestAndFiltersNeedARegistrationForLanguages) {
    Person p;
    p(ChooseLanguage{"en"})(ExpressInterest{})(SendInterestCode{})(RegisterForInterest{});
    EXPECT_EQ(p.s.screen, Screen::Notice);
    EXPECT_FALSE(p.s.interest_pending.has_value());
    EXPECT_TRUE(p.s.interest_job.empty());
    p(DeclineConsent{})(OpenJobs{});
    p(FilterJobs{JobFilters{"izmir", "İzmir", "I", "full_time", true}});
    EXPECT_EQ(p.s.job_filters.city_key, "izmir");
    EXPECT_FALSE(p.s.job_filters.my_languages) << "nobody's languages to compare with";
    p(OpenJob{"demo-1"})(Back{});
    EXPECT_EQ(p.s.job_filters.sector, "I") << "kept while an offer was open";
    p(Back{});
    EXPECT_EQ(p.s.job_filters, JobFilters{});
}

TEST(Flow, DeclineOnlyActsOnTheNotice) {
    Person p;
    p(ChooseLanguage{"ar"})(AcceptConsent{1'790'000'000})(EditDraft{sample_registration()});
    p(DeclineConsent{});
    EXPECT_EQ(p.s.screen, Screen::Name);
    EXPECT_EQ(p.s.draft.given_name, "Amal");
}

TEST(Flow, ChangeFromReviewReturnsToReviewByNextOrBack) {
    Person p = at_review();
    p(GoTo{Screen::City});
    EXPECT_EQ(p.s.screen, Screen::City);
    EXPECT_TRUE(p.s.review_return);
    p(Next{});
    EXPECT_EQ(p.s.screen, Screen::Review);
    EXPECT_FALSE(p.s.review_return);

    p(GoTo{Screen::Languages})(Back{});
    EXPECT_EQ(p.s.screen, Screen::Review);

    // An edit that breaks the screen keeps the person there until it is fixed.
    p(GoTo{Screen::Name});
    Registration broken = p.s.draft;
    broken.given_name = "";
    p(EditDraft{broken})(Next{});
    EXPECT_EQ(p.s.screen, Screen::Name);
    EXPECT_TRUE(p.s.review_return);
    broken.given_name = "Amal";
    p(EditDraft{broken})(Next{});
    EXPECT_EQ(p.s.screen, Screen::Review);
}

TEST(Flow, GoToIsRefusedOutsideReviewAndStaffMenu) {
    Person p;
    p(ChooseLanguage{"tr"})(AcceptConsent{1'790'000'000});
    p(GoTo{Screen::Preferences});
    EXPECT_EQ(p.s.screen, Screen::Name);
    p(GoTo{Screen::StaffSettings});
    EXPECT_EQ(p.s.screen, Screen::Name);
}

TEST(Flow, SubmitErrorsOnALaterScreenLeadBackToReview) {
    Registration draft = sample_registration();
    draft.work_permit.reset();
    Person p = at_review();
    p(EditDraft{draft})(Submit{});
    EXPECT_EQ(p.s.screen, Screen::Availability);
    EXPECT_TRUE(p.s.review_return);
    const std::vector<FieldError> expected = {{"work_permit", "required"}};
    EXPECT_EQ(p.s.errors, expected);
}

TEST(Flow, TheSecondTapOfADoubleTapIsDropped) {
    Person p;
    p(ChooseLanguage{"tr"})(AcceptConsent{1'790'000'000})(EditDraft{sample_registration()});
    const Millis moved = p.t;
    p.s = reduce(p.s, Next{}, moved + 1s);  // Name -> Contact
    ASSERT_EQ(p.s.screen, Screen::Contact);
    p.s = reduce(p.s, Next{}, moved + 1s + 200ms);  // same finger, 200 ms later
    EXPECT_EQ(p.s.screen, Screen::Contact);
    p.s = reduce(p.s, Next{}, moved + 1s + kScreenChangeGuard);
    EXPECT_EQ(p.s.screen, Screen::BirthYear);
}

TEST(Flow, EditsAreNotNavigationAndPassTheGuard) {
    Person p;
    p(ChooseLanguage{"fa"})(AcceptConsent{1'790'000'000});
    const Millis opened = p.t;
    p.s = reduce(p.s, FocusField{"given_name", "fa"}, opened + 10ms);
    p.s = reduce(p.s, EditText{"given_name", "مریم", 8}, opened + 20ms);
    EXPECT_EQ(p.s.draft.given_name, "مریم");
}

TEST(Fields, TypingGoesToTheFocusedFieldOnly) {
    Person p;
    p(ChooseLanguage{"fa"})(AcceptConsent{1'790'000'000});
    p(EditText{"given_name", "x", 1});
    EXPECT_TRUE(p.s.draft.given_name.empty());  // no focus yet
    p(FocusField{"given_name", "fa"});
    ASSERT_TRUE(p.s.focus);
    EXPECT_EQ(p.s.keyboard.layout, "fa");
    p(EditText{"given_name", "می\u200cخواهم", 999});
    EXPECT_EQ(p.s.draft.given_name, "می\u200cخواهم");
    EXPECT_EQ(p.s.focus->cursor, p.s.draft.given_name.size());  // clamped to the text
    p(EditText{"family_name", "y", 1});
    EXPECT_TRUE(p.s.draft.family_name.empty());
    p(CloseKeyboard{});
    EXPECT_FALSE(p.s.focus);
}

TEST(Fields, LeavingAScreenClosesTheKeyboardAndClearsTheSearch) {
    Person p;
    p(ChooseLanguage{"tr"})(AcceptConsent{1'790'000'000})(EditDraft{sample_registration()});
    p(FocusField{"search", "tr"})(EditText{"search", "Suri", 4});
    EXPECT_EQ(p.s.search, "Suri");
    p(Next{});
    EXPECT_FALSE(p.s.focus);
    EXPECT_TRUE(p.s.search.empty());
}

TEST(Fields, PathsReadAndWriteEveryKindOfField) {
    Session s;
    s.draft = sample_registration();
    EXPECT_EQ(text_field(s, "given_name"), "Amal");
    EXPECT_EQ(text_field(s, "phone.national_number"), "0532 123 45 67");
    EXPECT_EQ(text_field(s, "year_of_birth"), "1994");
    EXPECT_EQ(text_field(s, "work_history[1].role"), "Cook");
    EXPECT_EQ(text_field(s, "work_history[1].to_year"), "");
    EXPECT_EQ(text_field(s, "preferences.cities[1]"), "Kilis");
    EXPECT_EQ(text_field(s, "settings.person_idle_s"), "90");
    EXPECT_EQ(text_field(s, "work_history[2].role"), std::nullopt);  // no third job
    EXPECT_EQ(text_field(s, "languages[0].code"), std::nullopt);     // a choice, not text
    EXPECT_EQ(text_field(s, "nonsense"), std::nullopt);
    EXPECT_EQ(text_field(s, "work_history[x].role"), std::nullopt);

    EXPECT_TRUE(set_text_field(s, "year_of_birth", "1988"));
    EXPECT_EQ(s.draft.year_of_birth, 1988);
    EXPECT_TRUE(set_text_field(s, "year_of_birth", ""));
    EXPECT_EQ(s.draft.year_of_birth, std::nullopt);
    EXPECT_FALSE(set_text_field(s, "year_of_birth", "19a8"));
    EXPECT_FALSE(set_text_field(s, "year_of_birth", "19888"));
    EXPECT_TRUE(set_text_field(s, "work_history[0].from_year", "2010"));
    EXPECT_EQ(s.draft.work_history[0].from_year, 2010);
    EXPECT_TRUE(set_text_field(s, "settings.warning_s", "30"));
    EXPECT_EQ(s.settings_draft.idle.warning, 30s);
    EXPECT_TRUE(set_text_field(s, "occupations[1].free_text", "Terzilik"));
    EXPECT_EQ(s.draft.occupations[1].free_text, "Terzilik");
    EXPECT_FALSE(set_text_field(s, "prior_learning[5].description", "x"));

    EXPECT_TRUE(is_numeric_field("phone.calling_code"));
    EXPECT_TRUE(is_numeric_field("work_history[3].to_year"));
    EXPECT_TRUE(is_numeric_field("settings.retention_months"));
    EXPECT_FALSE(is_numeric_field("settings.centre_name"));
    EXPECT_FALSE(is_numeric_field("city"));
}

TEST(Fields, ErrorsOwnedByScreens) {
    EXPECT_EQ(screen_for_field("given_name"), Screen::Name);
    EXPECT_EQ(screen_for_field("phone.calling_code"), Screen::Contact);
    EXPECT_EQ(screen_for_field("languages[2].written"), Screen::Languages);
    EXPECT_EQ(screen_for_field("work_history[0].to_year"), Screen::WorkHistory);
    EXPECT_EQ(screen_for_field("work_permit"), Screen::Availability);
    EXPECT_EQ(screen_for_field("preferences.sectors[0]"), Screen::Preferences);
    EXPECT_EQ(screen_for_field("consent"), Screen::Notice);
    EXPECT_EQ(registration_position(Screen::Name), 1);
    EXPECT_EQ(registration_position(Screen::Preferences), 13);
    EXPECT_EQ(registration_position(Screen::Review), 0);
}

// --- Staff ---

void type_pin(Person& p, std::string_view digits) {
    for (const char d : digits) {
        p(PinDigit{d});
    }
}

TEST(Staff, FirstStartAsksForAPinTypedTwice) {
    Person p(/*pin_set=*/false);
    EXPECT_EQ(p.s.screen, Screen::StaffPin);
    EXPECT_TRUE(is_pristine(p.s));
    p(Back{});
    EXPECT_EQ(p.s.screen, Screen::StaffPin);  // no way around the first PIN

    type_pin(p, "12345");
    p(PinEnter{});
    EXPECT_EQ(p.s.pin.message, "staff.pin_short");
    EXPECT_EQ(p.s.pin.pending, PinRequest::None);
    type_pin(p, "6");
    p(PinEnter{});
    EXPECT_EQ(p.s.pin.message, "staff.pin_again");
    EXPECT_TRUE(p.s.pin.entry.empty());
    type_pin(p, "123465");
    p(PinEnter{});
    EXPECT_EQ(p.s.pin.message, "staff.pin_mismatch");
    type_pin(p, "123456");
    p(PinEnter{});
    type_pin(p, "123456");
    p(PinEnter{});
    EXPECT_EQ(p.s.pin.pending, PinRequest::SetFirst);
    type_pin(p, "9");
    EXPECT_EQ(p.s.pin.entry, "123456");  // no typing while the app sets it

    p(PinChecked{true, "staff-1", "staff.pin_set", 0});
    EXPECT_TRUE(p.s.settings.staff_pin_set);
    EXPECT_TRUE(p.s.staff_mode);
    EXPECT_EQ(p.s.staff_id, "staff-1");
    EXPECT_EQ(p.s.screen, Screen::StaffMenu);
    EXPECT_TRUE(p.s.pin.entry.empty());
}

TEST(Staff, SignInFromTheWelcomeCorner) {
    Person p;
    p(OpenStaff{});
    EXPECT_EQ(p.s.screen, Screen::StaffPin);
    type_pin(p, "7654321");
    p(PinEnter{});
    EXPECT_EQ(p.s.pin.pending, PinRequest::SignIn);
    p(PinChecked{false, "", "staff.pin_wrong", 0});
    EXPECT_FALSE(p.s.staff_mode);
    EXPECT_EQ(p.s.screen, Screen::StaffPin);
    EXPECT_EQ(p.s.pin.message, "staff.pin_wrong");
    EXPECT_TRUE(p.s.pin.entry.empty());

    type_pin(p, "1234567");
    p(PinEnter{})(PinChecked{true, "staff-2", "", 0});
    EXPECT_TRUE(p.s.staff_mode);
    EXPECT_EQ(p.s.screen, Screen::StaffMenu);
    p(Back{});
    EXPECT_EQ(p.s.screen, Screen::Welcome);
    p(OpenStaff{});
    EXPECT_EQ(p.s.screen, Screen::StaffMenu);  // still signed in: no PIN again
}

TEST(Staff, TheCornerDoesNothingInTheMiddleOfARegistration) {
    Person p;
    p(ChooseLanguage{"tr"})(AcceptConsent{1'790'000'000})(OpenStaff{});
    EXPECT_EQ(p.s.screen, Screen::Name);
}

TEST(Staff, AResultWithoutARequestIsIgnored) {
    Person p;
    p(OpenStaff{});
    const Session before = p.s;
    p.s = reduce(p.s, PinChecked{true, "staff-9", "", 0}, p.t);
    EXPECT_FALSE(p.s.staff_mode);
    EXPECT_EQ(p.s.screen, before.screen);
}

TEST(Staff, AssistedRegistrationIsMarkedWithTheStaffId) {
    Person p;
    p(OpenStaff{});
    type_pin(p, "1234567");
    p(PinEnter{})(PinChecked{true, "staff-2", "", 0})(StartAssisted{});
    EXPECT_EQ(p.s.screen, Screen::Welcome);
    p(ChooseLanguage{"ar"})(AcceptConsent{1'790'000'000});
    EXPECT_EQ(p.s.screen, Screen::Name);
    EXPECT_TRUE(p.s.draft.staff_assisted);
    EXPECT_EQ(p.s.draft.staff_id, "staff-2");
    // Staff get the longer idle limit while helping.
    EXPECT_EQ(next_deadline(p.s), p.t + p.s.settings.idle.staff_idle);
}

TEST(Staff, SettingsAreEditedAsADraftAndAppliedWhenStored) {
    Person p;
    p(OpenStaff{});
    type_pin(p, "1234567");
    p(PinEnter{})(PinChecked{true, "staff-2", "", 0})(GoTo{Screen::StaffSettings});
    ASSERT_EQ(p.s.screen, Screen::StaffSettings);
    EXPECT_EQ(p.s.settings_draft, p.s.settings);

    KioskSettings edited = p.s.settings_draft;
    edited.centre_name = "Merkez";
    edited.languages = {"tr", "ar", "en"};
    edited.staff_pin_set = false;  // not the settings screen's to change
    edited.current_year = 1999;
    p(EditSettings{edited})(FocusField{"settings.person_idle_s", "digits"});
    p(EditText{"settings.person_idle_s", "120", 3});
    EXPECT_EQ(p.s.settings.centre_name, "");  // nothing applies before it is stored
    p(SaveSettings{});
    EXPECT_TRUE(p.s.settings_pending);
    p(SettingsStored{false, "store.io"});
    EXPECT_EQ(p.s.settings_error, "store.io");
    EXPECT_EQ(p.s.screen, Screen::StaffSettings);
    p(SaveSettings{})(SettingsStored{true, ""});
    EXPECT_EQ(p.s.screen, Screen::StaffMenu);
    EXPECT_EQ(p.s.settings.centre_name, "Merkez");
    EXPECT_EQ(p.s.settings.idle.person_idle, 120s);
    EXPECT_EQ(p.s.settings.languages, (std::vector<std::string>{"tr", "ar", "en"}));
    EXPECT_TRUE(p.s.settings.staff_pin_set);
    EXPECT_EQ(p.s.settings.current_year, kSampleYear);
}

TEST(Staff, LeavingStaffModeWipesTheSessionButKeepsSettings) {
    Person p;
    p(OpenStaff{});
    type_pin(p, "1234567");
    p(PinEnter{})(PinChecked{true, "staff-2", "", 0})(StaffSignedOut{});
    EXPECT_TRUE(is_pristine(p.s));
    EXPECT_FALSE(p.s.staff_mode);
    EXPECT_EQ(p.s.screen, Screen::Welcome);
}

TEST(Staff, ChangingThePinKeepsTheSignedInStaffMember) {
    Person p;
    p(OpenStaff{});
    type_pin(p, "1234567");
    p(PinEnter{})(PinChecked{true, "staff-2", "", 0})(GoTo{Screen::StaffNewPin});
    type_pin(p, "2468024");
    p(PinEnter{});
    type_pin(p, "2468024");
    p(PinEnter{});
    EXPECT_EQ(p.s.pin.pending, PinRequest::Change);
    p(PinChecked{true, "", "staff.pin_changed", 0});
    EXPECT_EQ(p.s.screen, Screen::StaffMenu);
    EXPECT_EQ(p.s.staff_id, "staff-2");
    EXPECT_EQ(p.s.pin.message, "staff.pin_changed");
}

}  // namespace
}  // namespace kiosk::core

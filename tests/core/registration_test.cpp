// Tests for kiosk/core/registration.hpp: each validation rule with accepted and rejected
// examples, the per-step split, string forms of the choices, and normalisation. All people
// here are made up.
#include "kiosk/core/registration.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/core/sample_registration.hpp"

namespace kiosk::core {
namespace {

constexpr int kYear = kSampleYear;
const ValidationContext kCtx{kYear};

std::vector<FieldError> errors_of(const Registration& r) {
    return validate(r, kCtx);
}

// The registration has exactly this one error.
void expect_only(const Registration& r, const std::string& field, std::string_view code) {
    const std::vector<FieldError> expected = {FieldError{field, std::string(code)}};
    EXPECT_EQ(errors_of(r), expected);
}

void expect_valid(const Registration& r) {
    const std::vector<FieldError> none;
    EXPECT_EQ(errors_of(r), none);
}

TEST(Registration, TheSampleRegistrationIsValid) {
    expect_valid(sample_registration());
}

TEST(Registration, AnEmptyDraftListsEveryRequiredAnswer) {
    const std::vector<FieldError> expected = {
        {"given_name", "required"},
        {"phone.calling_code", "required"},
        {"phone.national_number", "required"},
        {"year_of_birth", "required"},
        {"gender", "required"},
        {"nationality", "required"},
        {"city", "required"},
        {"languages", "required"},
        {"education.level", "required"},
        {"availability.when", "required"},
        {"availability.hours", "required"},
        {"work_permit", "required"},
        {"consent", "consent_missing"},
    };
    EXPECT_EQ(errors_of(Registration{}), expected);
}

// --- Names ---

TEST(Names, AcceptNamesInManyScripts) {
    for (const char* name : {"محمد", "Олександра", "Çağrı", "İbrahim Halil", "Nguyễn", "Zhaleh",
                             "گلاله", "ئاسۆ", "Jean-Luc", "O'Neill", "ሰላም"}) {
        Registration r = sample_registration();
        r.given_name = name;
        r.family_name = name;
        expect_valid(r);
    }
}

TEST(Names, AreLimitedTo80CodePointsNotBytes) {
    Registration r = sample_registration();
    std::string arabic;
    for (int i = 0; i < 80; ++i) {
        arabic += "ب";  // 2 bytes: 160 bytes, 80 code points
    }
    r.given_name = arabic;
    expect_valid(r);
    r.given_name = arabic + "ب";
    expect_only(r, "given_name", kErrorTooLong);

    r = sample_registration();
    r.family_name = std::string(80, 'a');
    expect_valid(r);
    r.family_name = std::string(81, 'a');
    expect_only(r, "family_name", kErrorTooLong);
}

TEST(Names, SurroundingSpacesDoNotCountAndBlankIsMissing) {
    Registration r = sample_registration();
    r.given_name = "  " + std::string(80, 'x') + "  ";
    expect_valid(r);
    r.given_name = " \xC2\xA0 ";
    expect_only(r, "given_name", kErrorRequired);
}

TEST(Names, FamilyNameIsOptionalForPeopleWithOneName) {
    Registration r = sample_registration();
    r.family_name = "";
    expect_valid(r);
}

TEST(Names, RejectInvalidUtf8AndControlCharacters) {
    for (const std::string& bad : {std::string("Am\xC3"), std::string("\xC0\xAF"),
                                  std::string("Am\tal"), std::string("Am\nal"),
                                  std::string("Am\xE2\x80\xAE"
                                              "al")}) {
        Registration r = sample_registration();
        r.given_name = bad;
        expect_only(r, "given_name", kErrorInvalidCharacters);
    }
}

// --- Phone ---

TEST(Phone, AcceptsCommonWaysOfTypingANumber) {
    struct Case {
        Phone phone;
        const char* e164;
    };
    for (const Case& c : {Case{{"90", "532 123 45 67"}, "+905321234567"},
                          Case{{"+90", "0532-123-45-67"}, "+905321234567"},  // trunk 0 dropped
                          Case{{"359", "088 123 4567"}, "+359881234567"},
                          Case{{"963", "944123456"}, "+963944123456"},
                          Case{{"39", "06 1234 5678"}, "+390612345678"},  // Italy keeps its 0
                          Case{{" 1 ", "202 555 0123"}, "+12025550123"}}) {
        EXPECT_EQ(to_e164(c.phone), std::optional<std::string>(c.e164));
        Registration r = sample_registration();
        r.phone = c.phone;
        expect_valid(r);
    }
}

TEST(Phone, E164TotalMustBe7To15Digits) {
    Registration r = sample_registration();
    r.phone = {"90", "12345"};  // 2 + 5 = 7
    expect_valid(r);
    r.phone = {"90", "1234"};  // 6
    expect_only(r, "phone.national_number", kErrorInvalidPhone);
    r.phone = {"90", "1234567890123"};  // 15
    expect_valid(r);
    r.phone = {"90", "12345678901234"};  // 16
    expect_only(r, "phone.national_number", kErrorInvalidPhone);
}

TEST(Phone, RejectsBadCallingCodes) {
    for (const char* code : {"0", "090", "1234", "+", "9a", "++90", "٩٠"}) {
        Registration r = sample_registration();
        r.phone.calling_code = code;
        expect_only(r, "phone.calling_code", kErrorInvalidPhone);
    }
}

TEST(Phone, RejectsLettersPunctuationAndInternationalPrefixesInTheNumber) {
    for (const char* number : {"532 123 45 6x", "(532) 1234567", "+90 532 123 45 67",
                               "00 90 532 123 4567", "532.123.45.67"}) {
        Registration r = sample_registration();
        r.phone.national_number = number;
        expect_only(r, "phone.national_number", kErrorInvalidPhone);
    }
}

TEST(Phone, BothPartsAreRequired) {
    Registration r = sample_registration();
    r.phone.calling_code = " ";
    expect_only(r, "phone.calling_code", kErrorRequired);
    r = sample_registration();
    r.phone.national_number = "";
    expect_only(r, "phone.national_number", kErrorRequired);
}

// --- Email ---

TEST(Email, IsOptionalAndAcceptsOrdinaryAndInternationalAddresses) {
    for (const char* email : {"", "  ", "a@b.co", "first.last+jobs@mail.example.com.tr",
                              "ali@örnek.com.tr", " amal@example.org "}) {
        Registration r = sample_registration();
        r.email = email;
        expect_valid(r);
    }
}

TEST(Email, RejectsMalformedAddresses) {
    for (const char* email :
         {"amal", "amal@", "@example.org", "amal@example", "amal@@example.org", "am al@example.org",
          "amal@exa mple.org", "amal@-example.org", "amal@example..org", ".amal@example.org",
          "am..al@example.org", "amal@example.org.", "a\"b@example.org"}) {
        Registration r = sample_registration();
        r.email = email;
        expect_only(r, "email", kErrorInvalidEmail);
    }
}

TEST(Email, IsLimitedTo254Bytes) {
    Registration r = sample_registration();
    const std::string domain = std::string(60, 'd') + "." + std::string(60, 'e') + "." +
                               std::string(60, 'f') + ".org";  // 186 bytes
    r.email = std::string(64, 'a') + "@" + domain;             // 251 bytes
    expect_valid(r);
    r.email = std::string(64, 'a') + "@" + std::string(5, 'c') + domain;  // 256 bytes
    expect_only(r, "email", kErrorTooLong);
    r.email = std::string(65, 'a') + "@example.org";  // local part over 64
    expect_only(r, "email", kErrorInvalidEmail);
}

// --- About you ---

TEST(YearOfBirth, MustGiveAnAgeFrom14To100) {
    Registration r = sample_registration();
    for (const int year : {kYear - 100, kYear - 14, 1980}) {
        r.year_of_birth = year;
        expect_valid(r);
    }
    // Work history starts after birth, so keep it out of the way here.
    r.work_history.clear();
    for (const int year : {kYear - 101, kYear - 13, kYear, 0, -1994}) {
        r.year_of_birth = year;
        expect_only(r, "year_of_birth", kErrorYearOutOfRange);
    }
}

TEST(YearOfBirth, FollowsTheInjectedYear) {
    Registration r = sample_registration();
    r.year_of_birth = 2012;  // 14 in 2026, 13 in 2025
    EXPECT_TRUE(validate_step(Step::AboutYou, r, ValidationContext{2026}).empty());
    EXPECT_FALSE(validate_step(Step::AboutYou, r, ValidationContext{2025}).empty());
}

TEST(Nationality, AcceptsCountriesStatelessAndPreferNotToSay) {
    for (const char* value : {"SY", "AF", "PS", "UA", "stateless", "prefer_not_to_say"}) {
        Registration r = sample_registration();
        r.nationality = value;
        expect_valid(r);
    }
    for (const char* value : {"sy", "SYR", "ZZ", "Syria", "Stateless", "none"}) {
        Registration r = sample_registration();
        r.nationality = value;
        expect_only(r, "nationality", kErrorInvalidCountry);
    }
}

TEST(Gender, OutOfRangeValueIsAnInvalidChoice) {
    Registration r = sample_registration();
    r.gender = static_cast<Gender>(7);  // as if read back from a damaged row
    expect_only(r, "gender", kErrorInvalidChoice);
    r.gender = Gender::PreferNotToSay;
    expect_valid(r);
}

TEST(City, IsRequiredAndLimitedTo80CodePoints) {
    Registration r = sample_registration();
    r.city = "Şanlıurfa";
    expect_valid(r);
    r.city = "";
    expect_only(r, "city", kErrorRequired);
    r.city = std::string(81, 'c');
    expect_only(r, "city", kErrorTooLong);
}

// --- Languages ---

TEST(Languages, AtLeastOneIsRequired) {
    Registration r = sample_registration();
    r.languages.clear();
    expect_only(r, "languages", kErrorRequired);
}

TEST(Languages, CodesMustBeIso6393) {
    for (const char* code : {"ar", "AR", "arab", "xyz"}) {
        Registration r = sample_registration();
        r.languages[1].code = code;
        expect_only(r, "languages[1].code", kErrorInvalidLanguage);
    }
    Registration r = sample_registration();
    r.languages[0].code = "";
    expect_only(r, "languages[0].code", kErrorRequired);
}

TEST(Languages, TheSameLanguageTwiceIsReportedOnTheLaterEntry) {
    Registration r = sample_registration();
    r.languages.push_back({"ara", Cefr::A1, Written::A1});
    expect_only(r, "languages[2].code", kErrorDuplicateLanguage);
}

TEST(Languages, SpokenAndWrittenLevelsAreBothRequired) {
    Registration r = sample_registration();
    r.languages[1].spoken.reset();
    expect_only(r, "languages[1].spoken", kErrorRequired);
    r = sample_registration();
    r.languages[0].written.reset();
    expect_only(r, "languages[0].written", kErrorRequired);
}

TEST(Languages, DoesNotWriteIsAValidWrittenLevel) {
    Registration r = sample_registration();
    r.languages[0].written = Written::DoesNotWrite;
    expect_valid(r);
}

TEST(Languages, OutOfRangeLevelsAreInvalid) {
    Registration r = sample_registration();
    r.languages[1].spoken = static_cast<Cefr>(6);
    expect_only(r, "languages[1].spoken", kErrorInvalidLevel);
    r = sample_registration();
    r.languages[0].written = static_cast<Written>(-1);
    expect_only(r, "languages[0].written", kErrorInvalidLevel);
}

TEST(Languages, AtMostTwelve) {
    Registration r = sample_registration();
    r.languages.clear();
    for (const char* code :
         {"ara", "tur", "eng", "fra", "deu", "prs", "pus", "kmr", "ckb", "fas", "rus", "ukr"}) {
        r.languages.push_back({code, Cefr::A1, Written::DoesNotWrite});
    }
    expect_valid(r);
    r.languages.push_back({"bul", Cefr::A1, Written::DoesNotWrite});
    expect_only(r, "languages", kErrorTooLong);
}

// --- Education ---

TEST(Education, LevelIsIsced0To8AndFieldAnIscedFBroadField) {
    Registration r = sample_registration();
    for (const int level : {0, 1, 8}) {
        r.education.isced_level = level;
        expect_valid(r);
    }
    for (const int level : {-1, 9}) {
        r.education.isced_level = level;
        expect_only(r, "education.level", kErrorInvalidEducation);
    }
    r = sample_registration();
    for (const char* field : {"", "00", "10", "99"}) {
        r.education.isced_field = field;
        expect_valid(r);
    }
    for (const char* field : {"11", "9", "0", "041", "ab"}) {
        r.education.isced_field = field;
        expect_only(r, "education.field", kErrorInvalidEducation);
    }
}

// --- Work ---

TEST(Occupations, AreACatalogueIdOrFreeTextButNotBothOrNeither) {
    Registration r = sample_registration();
    r.occupations[0].free_text = "Also this";
    expect_only(r, "occupations[0]", kErrorInvalidChoice);
    r = sample_registration();
    r.occupations[1].free_text = "  ";
    expect_only(r, "occupations[1].free_text", kErrorRequired);
    r = sample_registration();
    r.occupations[0].catalogue_id = "isco 5120";
    expect_only(r, "occupations[0].catalogue_id", kErrorInvalidChoice);
    r = sample_registration();
    r.occupations[1].free_text = std::string(121, 't');
    expect_only(r, "occupations[1].free_text", kErrorTooLong);
}

TEST(WorkHistory, EntriesNeedRoleCountryAndYears) {
    Registration r = sample_registration();
    r.work_history[0].role = "";
    expect_only(r, "work_history[0].role", kErrorRequired);
    r = sample_registration();
    r.work_history[1].country = "Turkey";
    expect_only(r, "work_history[1].country", kErrorInvalidCountry);
    r = sample_registration();
    r.work_history[0].from_year.reset();
    expect_only(r, "work_history[0].from_year", kErrorRequired);
    r = sample_registration();
    r.work_history[0].to_year.reset();
    expect_only(r, "work_history[0].to_year", kErrorRequired);
}

TEST(WorkHistory, ToYearNotBeforeFromYear) {
    Registration r = sample_registration();
    r.work_history[0].from_year = 2016;
    r.work_history[0].to_year = 2016;  // a job within one year
    expect_valid(r);
    r.work_history[0].to_year = 2015;
    expect_only(r, "work_history[0].to_year", kErrorInvalidYears);
}

TEST(WorkHistory, OngoingJobsHaveNoEndYear) {
    Registration r = sample_registration();
    r.work_history[1].to_year = 2024;  // and ongoing
    expect_only(r, "work_history[1].to_year", kErrorInvalidYears);
}

TEST(WorkHistory, YearsLieBetweenBirthAndThisYear) {
    Registration r = sample_registration();  // born 1994
    r.work_history[0].from_year = 1993;
    expect_only(r, "work_history[0].from_year", kErrorYearOutOfRange);
    r = sample_registration();
    r.work_history[1].from_year = kYear + 1;
    expect_only(r, "work_history[1].from_year", kErrorYearOutOfRange);
    r = sample_registration();
    r.work_history[0].to_year = kYear + 1;
    expect_only(r, "work_history[0].to_year", kErrorYearOutOfRange);
    r = sample_registration();
    r.work_history[1].from_year = kYear;
    expect_valid(r);
}

TEST(PriorLearning, NeedsADescriptionThatMayHaveLineBreaks) {
    Registration r = sample_registration();
    r.prior_learning[0].description = "First aid\nForklift licence";
    expect_valid(r);
    r.prior_learning[0].description = "";
    expect_only(r, "prior_learning[0].description", kErrorRequired);
    r.prior_learning[0].description = std::string(501, 'p');
    expect_only(r, "prior_learning[0].description", kErrorTooLong);
}

// --- Availability, permit, preferences ---

TEST(Availability, WhenHoursAndPermitAreRequired) {
    Registration r = sample_registration();
    r.availability.when.reset();
    expect_only(r, "availability.when", kErrorRequired);
    r = sample_registration();
    r.availability.hours.reset();
    expect_only(r, "availability.hours", kErrorRequired);
    r = sample_registration();
    r.work_permit.reset();
    expect_only(r, "work_permit", kErrorRequired);
    r.work_permit = WorkPermit::DoesNotKnow;
    expect_valid(r);
}

TEST(Preferences, SectorsAreIsicSectionLetters) {
    Registration r = sample_registration();
    r.preferences.sectors = {"A", "U"};
    expect_valid(r);
    r.preferences.sectors = {"A", "V"};
    expect_only(r, "preferences.sectors[1]", kErrorInvalidChoice);
    r.preferences.sectors = {"c"};
    expect_only(r, "preferences.sectors[0]", kErrorInvalidChoice);
}

TEST(Preferences, CitiesAreCheckedLikeText) {
    Registration r = sample_registration();
    r.preferences.cities = {"Kilis", ""};
    expect_only(r, "preferences.cities[1]", kErrorRequired);
}

// --- Consent and staff ---

TEST(Consent, NeedsAVersionAndATime) {
    Registration r = sample_registration();
    r.consent_version = "";
    expect_only(r, "consent", kErrorConsentMissing);
    r = sample_registration();
    r.consent_unix_seconds = 0;
    expect_only(r, "consent", kErrorConsentMissing);
}

TEST(Staff, AssistedRegistrationsNameTheStaffMember) {
    Registration r = sample_registration();
    r.staff_assisted = true;
    expect_only(r, "staff_id", kErrorRequired);
    r.staff_id = "staff-07";
    expect_valid(r);
    r.staff_id = "staff 07";
    expect_only(r, "staff_id", kErrorInvalidCharacters);
    r.staff_id = std::string(33, 's');
    expect_only(r, "staff_id", kErrorTooLong);
}

// --- Steps ---

TEST(Steps, EachStepReportsOnlyItsOwnFields) {
    const Registration empty;
    const auto fields = [&empty](Step step) {
        std::vector<std::string> out;
        for (const FieldError& e : validate_step(step, empty, kCtx)) {
            out.push_back(e.field);
        }
        return out;
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(fields(Step::Contact),
              (V{"given_name", "phone.calling_code", "phone.national_number"}));
    EXPECT_EQ(fields(Step::AboutYou), (V{"year_of_birth", "gender", "nationality", "city"}));
    EXPECT_EQ(fields(Step::Languages), (V{"languages"}));
    EXPECT_EQ(fields(Step::Education), (V{"education.level"}));
    EXPECT_EQ(fields(Step::Work), V{});  // every part of it is optional
    EXPECT_EQ(fields(Step::Availability),
              (V{"availability.when", "availability.hours", "work_permit"}));
    EXPECT_EQ(fields(Step::Consent), (V{"consent"}));
}

// --- String forms ---

TEST(Choices, StringFormsRoundTripAndRejectOtherText) {
    EXPECT_EQ(to_string(Gender::PreferNotToSay), "prefer_not_to_say");
    EXPECT_EQ(to_string(Cefr::B2), "B2");
    EXPECT_EQ(to_string(Written::DoesNotWrite), "does_not_write");
    EXPECT_EQ(to_string(AvailableFrom::WithinAMonth), "within_a_month");
    EXPECT_EQ(to_string(Hours::FullTime), "full_time");
    EXPECT_EQ(to_string(WorkPermit::NotNeeded), "not_needed");
    for (const Cefr level : {Cefr::A1, Cefr::A2, Cefr::B1, Cefr::B2, Cefr::C1, Cefr::C2}) {
        EXPECT_EQ(parse_cefr(to_string(level)), level);
        EXPECT_EQ(parse_written(to_string(level)),
                  static_cast<Written>(static_cast<int>(level) + 1));
    }
    EXPECT_EQ(parse_gender("female"), Gender::Female);
    EXPECT_EQ(parse_work_permit("does_not_know"), WorkPermit::DoesNotKnow);
    EXPECT_EQ(parse_available_from("later"), AvailableFrom::Later);
    EXPECT_EQ(parse_hours("either"), Hours::Either);
    EXPECT_EQ(parse_cefr("b2"), std::nullopt);
    EXPECT_EQ(parse_gender("Female"), std::nullopt);
    EXPECT_EQ(parse_written(""), std::nullopt);
    EXPECT_EQ(to_string(static_cast<Gender>(9)), "");
}

// --- Normalisation ---

TEST(Normalized, TrimsTextAndCanonicalisesThePhone) {
    Registration r = sample_registration();
    r.given_name = "  Amal ";
    r.city = "\xC2\xA0Gaziantep ";
    r.phone = {"+90", "0532 123-45-67"};
    r.work_history[0].role = " Tailor";
    const Registration n = normalized(r);
    EXPECT_EQ(n.given_name, "Amal");
    EXPECT_EQ(n.city, "Gaziantep");
    EXPECT_EQ(n.phone, (Phone{"90", "5321234567"}));
    EXPECT_EQ(n.work_history[0].role, "Tailor");
    EXPECT_EQ(normalized(n), n);  // a second pass changes nothing
    EXPECT_EQ(to_e164(n.phone), to_e164(r.phone));
    expect_valid(n);
}

TEST(Normalized, LeavesAnInvalidPhoneAsTypedForThePersonToFix) {
    Registration r = sample_registration();
    r.phone = {"+90", "12x"};
    EXPECT_EQ(normalized(r).phone, r.phone);
}

}  // namespace
}  // namespace kiosk::core

// The registration a person builds for job matching, and its validation.
//
// The same struct is the draft while the person moves through the screens (so every answer can
// be "not given yet": empty strings, std::nullopt) and the record that is finally stored. Closed
// choices are enums with stable string forms (to_string / parse_*) for the store and the wire.
//
// Validation never reads a clock: the current year comes in the ValidationContext. Errors are
// FieldError{field, code}: `field` is a stable path ("given_name", "languages[1].spoken",
// "work_history[0].to_year"), `code` one of the kError* strings below; the UI shows the
// translated message "error.<code>".
//
// Rules (decided here; each has a test):
//   given_name      required; 1-80 code points after trimming; valid UTF-8, no control or
//                   invisible formatting characters (see text.hpp).
//   family_name     optional (many Afghans and others have a single name); same rules if given.
//   phone           required. calling_code: optional '+', then 1-3 digits not starting with 0.
//                   national_number: digits, spaces and hyphens; one leading trunk '0' is dropped
//                   (as in TR, BG, SY, UA, DE, UK) except for Italy (+39), where it belongs to the
//                   number; what is left may not start with 0 (outside Italy). E.164 total
//                   (code + national digits) must be 7-15 digits.
//   email           optional; at most 254 bytes; one '@', a local part of 1-64 printable
//                   characters, a domain of dot-separated labels (at least two), each 1-63
//                   letters, digits, '-' (not at either end) or non-ASCII (internationalised).
//   year_of_birth   required; current_year-100 ... current_year-14 (working age).
//   gender          required (prefer_not_to_say is an answer).
//   nationality     required: an ISO 3166-1 alpha-2 code, or "stateless", or "prefer_not_to_say".
//   city            required; 1-80 code points, same text rules as names.
//   languages       at least one; code an ISO 639-3 code; spoken level A1-C2 required; written
//                   level A1-C2 or does_not_write required; the same code twice is an error on
//                   the later entry; at most 12 entries.
//   education       level required, ISCED 2011 0-8; field optional, an ISCED-F 2013 broad field
//                   ("00".."10", or "99" unknown).
//   occupations     each either a catalogue id ([A-Za-z0-9._-], 1-64) or free text (1-120 code
//                   points); at most 20.
//   work_history    role required (1-120); country required (ISO 3166-1); from_year required,
//                   current_year-100 ... current_year and not before the year of birth; either
//                   ongoing (then no to_year) or to_year required, from_year ... current_year; at
//                   most 20 entries.
//   prior_learning  description required (1-500 code points, line feeds allowed); at most 20.
//   availability    when and hours both required.
//   work_permit     required (does_not_know is an answer).
//   preferences     optional; sectors are ISIC Rev. 4 section letters "A".."U"; cities 1-80
//                   code points each; at most 20 of each.
//   consent         consent_version non-empty and consent_unix_seconds > 0, else
//                   consent_missing on "consent".
//   staff           when staff_assisted, staff_id required: 1-32 of [A-Za-z0-9._-].
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

// --- Error codes (the UI's message keys are "error." + code). ---
inline constexpr std::string_view kErrorRequired = "required";
inline constexpr std::string_view kErrorTooLong = "too_long";
inline constexpr std::string_view kErrorInvalidCharacters = "invalid_characters";
inline constexpr std::string_view kErrorInvalidPhone = "invalid_phone";
inline constexpr std::string_view kErrorInvalidEmail = "invalid_email";
inline constexpr std::string_view kErrorYearOutOfRange = "year_out_of_range";
inline constexpr std::string_view kErrorInvalidCountry = "invalid_country";
inline constexpr std::string_view kErrorInvalidLanguage = "invalid_language";
inline constexpr std::string_view kErrorInvalidLevel = "invalid_level";
inline constexpr std::string_view kErrorInvalidEducation = "invalid_education";
inline constexpr std::string_view kErrorInvalidYears = "invalid_years";
inline constexpr std::string_view kErrorDuplicateLanguage = "duplicate_language";
inline constexpr std::string_view kErrorConsentMissing = "consent_missing";
// Added here: a closed choice holds a value outside its list (an enum read back from storage,
// an unknown sector letter, a malformed catalogue id).
inline constexpr std::string_view kErrorInvalidChoice = "invalid_choice";

// --- Closed choices. ---
enum class Gender { Female, Male, Other, PreferNotToSay };
enum class Cefr { A1, A2, B1, B2, C1, C2 };
// Writing is asked separately from speaking: many people speak a language they cannot write.
enum class Written { DoesNotWrite, A1, A2, B1, B2, C1, C2 };
enum class AvailableFrom { Now, WithinAMonth, Later };
enum class Hours { FullTime, PartTime, Either };
enum class WorkPermit { HasPermit, Applied, NoPermit, NotNeeded, DoesNotKnow };

// Stable string forms: "female", "B2", "does_not_write", "within_a_month", "part_time",
// "has_permit", ... parse_* return std::nullopt for anything else.
std::string_view to_string(Gender value);
std::string_view to_string(Cefr value);
std::string_view to_string(Written value);
std::string_view to_string(AvailableFrom value);
std::string_view to_string(Hours value);
std::string_view to_string(WorkPermit value);
std::optional<Gender> parse_gender(std::string_view text);
std::optional<Cefr> parse_cefr(std::string_view text);
std::optional<Written> parse_written(std::string_view text);
std::optional<AvailableFrom> parse_available_from(std::string_view text);
std::optional<Hours> parse_hours(std::string_view text);
std::optional<WorkPermit> parse_work_permit(std::string_view text);

// Nationality values that are not countries.
inline constexpr std::string_view kStateless = "stateless";
inline constexpr std::string_view kPreferNotToSay = "prefer_not_to_say";

// --- The parts of a registration. ---
struct Phone {
    std::string calling_code;     // as typed: "90", "+90"
    std::string national_number;  // as typed: "0532 123 45 67"
    bool operator==(const Phone&) const = default;
};

struct LanguageSkill {
    std::string code;  // ISO 639-3: "ara", "tur", "prs", "kmr"
    std::optional<Cefr> spoken;
    std::optional<Written> written;
    bool operator==(const LanguageSkill&) const = default;
};

struct Education {
    std::optional<int> isced_level;  // ISCED 2011: 0 (early childhood / none) ... 8 (doctoral)
    std::string isced_field;         // ISCED-F 2013 broad field "00".."10", "99"; empty = not given
    bool operator==(const Education&) const = default;
};

// One occupation or skill: a catalogue entry, or the person's own words.
struct Occupation {
    std::string catalogue_id;
    std::string free_text;
    bool operator==(const Occupation&) const = default;
};

struct WorkEntry {
    std::string role;
    std::string country;  // ISO 3166-1 alpha-2
    std::optional<int> from_year;
    std::optional<int> to_year;
    bool ongoing = false;
    bool operator==(const WorkEntry&) const = default;
};

struct PriorLearning {
    std::string description;
    bool has_documents = false;  // certificates they could bring
    bool operator==(const PriorLearning&) const = default;
};

struct Availability {
    std::optional<AvailableFrom> when;
    std::optional<Hours> hours;
    bool operator==(const Availability&) const = default;
};

struct JobPreferences {
    std::vector<std::string> sectors;  // ISIC Rev. 4 sections "A".."U"
    std::optional<Hours> hours;
    std::vector<std::string> cities;
    bool operator==(const JobPreferences&) const = default;
};

struct Registration {
    std::string given_name;
    std::string family_name;
    Phone phone;
    std::string email;
    std::optional<int> year_of_birth;
    std::optional<Gender> gender;
    std::string nationality;  // "SY", or kStateless, or kPreferNotToSay; empty = not answered
    std::string city;
    std::vector<LanguageSkill> languages;
    Education education;
    std::vector<Occupation> occupations;
    std::vector<WorkEntry> work_history;
    std::vector<PriorLearning> prior_learning;
    Availability availability;
    std::optional<WorkPermit> work_permit;
    JobPreferences preferences;
    std::string consent_version;
    std::int64_t consent_unix_seconds = 0;
    bool staff_assisted = false;
    std::string staff_id;

    bool operator==(const Registration&) const = default;
};

// --- Validation. ---
struct FieldError {
    std::string field;
    std::string code;
    bool operator==(const FieldError&) const = default;
};

struct ValidationContext {
    int current_year = 0;  // from the wall clock, read by the caller
};

// The registration screens, each validated on its own before "Next".
enum class Step {
    Contact,       // given_name, family_name, phone, email
    AboutYou,      // year_of_birth, gender, nationality, city
    Languages,     // languages
    Education,     // education
    Work,          // occupations, work_history, prior_learning
    Availability,  // availability, work_permit, preferences
    Consent,       // consent, staff
};
inline constexpr Step kAllSteps[] = {Step::Contact,   Step::AboutYou, Step::Languages,
                                     Step::Education, Step::Work,     Step::Availability,
                                     Step::Consent};

std::vector<FieldError> validate_step(Step step, const Registration& reg,
                                      const ValidationContext& ctx);
// Every step, in order: empty means the registration may be stored.
std::vector<FieldError> validate(const Registration& reg, const ValidationContext& ctx);

// The phone number in E.164 form ("+905321234567"), or std::nullopt if it is not valid.
std::optional<std::string> to_e164(const Phone& phone);

// The registration as it should be stored: text fields trimmed of surrounding white space,
// the phone in canonical digits (calling code without '+', national number without the trunk
// '0', spaces or hyphens) when it is valid. Validation gives the same verdict before and after.
Registration normalized(Registration reg);

}  // namespace kiosk::core

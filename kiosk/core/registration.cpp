// Registration: string forms of the closed choices, and the validation rules listed in
// registration.hpp.
#include "kiosk/core/registration.hpp"

#include <algorithm>
#include <array>
#include <cassert>

#include "kiosk/core/iso_codes.hpp"
#include "kiosk/core/name_table.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::core {

namespace {

// [SECTION] String forms of the closed choices, indexed by enum value.
constexpr std::array<std::string_view, 4> kGenderNames = {"female", "male", "other",
                                                          "prefer_not_to_say"};
constexpr std::array<std::string_view, 6> kCefrNames = {"A1", "A2", "B1", "B2", "C1", "C2"};
constexpr std::array<std::string_view, 7> kWrittenNames = {
    "does_not_write", "A1", "A2", "B1", "B2", "C1", "C2"};
constexpr std::array<std::string_view, 3> kAvailableFromNames = {"now", "within_a_month", "later"};
constexpr std::array<std::string_view, 3> kHoursNames = {"full_time", "part_time", "either"};
constexpr std::array<std::string_view, 5> kWorkPermitNames = {"has_permit", "applied", "no_permit",
                                                              "not_needed", "does_not_know"};
// ISCED-F 2013 broad fields.
constexpr std::array<std::string_view, 12> kIscedFields = {"00", "01", "02", "03", "04", "05",
                                                           "06", "07", "08", "09", "10", "99"};

}  // namespace

std::string_view to_string(Gender value) {
    return name_of(value, kGenderNames);
}
std::string_view to_string(Cefr value) {
    return name_of(value, kCefrNames);
}
std::string_view to_string(Written value) {
    return name_of(value, kWrittenNames);
}
std::string_view to_string(AvailableFrom value) {
    return name_of(value, kAvailableFromNames);
}
std::string_view to_string(Hours value) {
    return name_of(value, kHoursNames);
}
std::string_view to_string(WorkPermit value) {
    return name_of(value, kWorkPermitNames);
}
std::optional<Gender> parse_gender(std::string_view text) {
    return parse_name<Gender>(text, kGenderNames);
}
std::optional<Cefr> parse_cefr(std::string_view text) {
    return parse_name<Cefr>(text, kCefrNames);
}
std::optional<Written> parse_written(std::string_view text) {
    return parse_name<Written>(text, kWrittenNames);
}
std::optional<AvailableFrom> parse_available_from(std::string_view text) {
    return parse_name<AvailableFrom>(text, kAvailableFromNames);
}
std::optional<Hours> parse_hours(std::string_view text) {
    return parse_name<Hours>(text, kHoursNames);
}
std::optional<WorkPermit> parse_work_permit(std::string_view text) {
    return parse_name<WorkPermit>(text, kWorkPermitNames);
}

// [SECTION] Phone numbers.
namespace {

constexpr std::size_t kMinE164Digits = 7;
constexpr std::size_t kMaxE164Digits = 15;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// The calling code's digits, or nullopt when it is not '+'? followed by 1-3 digits, no leading 0.
std::optional<std::string> calling_code_digits(std::string_view typed) {
    std::string_view code = trim_text(typed);
    if (!code.empty() && code.front() == '+') {
        code.remove_prefix(1);
    }
    if (code.empty() || code.size() > 3 || code.front() == '0' ||
        !std::all_of(code.begin(), code.end(), is_digit)) {
        return std::nullopt;
    }
    return std::string(code);
}

// The national number's digits without separators and trunk prefix, or nullopt when it holds
// anything but digits, spaces and hyphens.
std::optional<std::string> national_digits(std::string_view typed, std::string_view calling_code) {
    std::string digits;
    for (const char c : trim_text(typed)) {
        if (is_digit(c)) {
            digits.push_back(c);
        } else if (c != ' ' && c != '-') {
            return std::nullopt;
        }
    }
    // Most countries our users dial from write a trunk '0' that is not part of the E.164
    // number; Italy keeps its leading 0 inside the number.
    const bool keeps_zero = calling_code == "39";
    if (!digits.empty() && digits.front() == '0' && !keeps_zero) {
        digits.erase(0, 1);
    }
    // What is left never starts with 0 outside Italy: "00..." is an international prefix typed
    // by mistake, and normalising it twice would change the number.
    if (digits.empty() || (digits.front() == '0' && !keeps_zero)) {
        return std::nullopt;
    }
    return digits;
}

}  // namespace

std::optional<std::string> to_e164(const Phone& phone) {
    const auto code = calling_code_digits(phone.calling_code);
    if (!code) {
        return std::nullopt;
    }
    const auto national = national_digits(phone.national_number, *code);
    if (!national) {
        return std::nullopt;
    }
    const std::size_t total = code->size() + national->size();
    if (total < kMinE164Digits || total > kMaxE164Digits) {
        return std::nullopt;
    }
    return "+" + *code + *national;
}

// [SECTION] Validation helpers.
namespace {

constexpr std::size_t kNameMax = 80;
constexpr std::size_t kCityMax = 80;
constexpr std::size_t kRoleMax = 120;
constexpr std::size_t kOccupationTextMax = 120;
constexpr std::size_t kPriorLearningMax = 500;
constexpr std::size_t kEmailMaxBytes = 254;
constexpr std::size_t kEmailLocalMaxBytes = 64;
constexpr std::size_t kEmailLabelMaxBytes = 63;
constexpr std::size_t kCatalogueIdMax = 64;
constexpr std::size_t kStaffIdMax = 32;
constexpr std::size_t kMaxLanguages = 12;
constexpr std::size_t kMaxListEntries = 20;
constexpr int kOldestAge = 100;
constexpr int kYoungestAge = 14;

class Errors {
  public:
    explicit Errors(std::vector<FieldError>& out) : out_(out) {}
    void add(std::string field, std::string_view code) {
        out_.push_back(FieldError{std::move(field), std::string(code)});
    }

  private:
    std::vector<FieldError>& out_;
};

std::string indexed(std::string_view list, std::size_t i, std::string_view member = {}) {
    std::string path(list);
    path += '[';
    path += std::to_string(i);
    path += ']';
    if (!member.empty()) {
        path += '.';
        path += member;
    }
    return path;
}

enum class Need { Required, Optional };

// Checks typed text. Returns true when the field holds acceptable text.
bool check_text(Errors& errors, std::string field, std::string_view value, Need need,
                std::size_t max_code_points, Lines lines = Lines::Single) {
    const std::string_view trimmed = trim_text(value);
    const TextFacts facts = inspect_text(trimmed, lines);
    if (!facts.valid_utf8) {
        errors.add(std::move(field), kErrorInvalidCharacters);
        return false;
    }
    if (facts.blank) {
        if (need == Need::Required) {
            errors.add(std::move(field), kErrorRequired);
        }
        return false;
    }
    if (facts.forbidden) {
        errors.add(std::move(field), kErrorInvalidCharacters);
        return false;
    }
    if (facts.code_points > max_code_points) {
        errors.add(std::move(field), kErrorTooLong);
        return false;
    }
    return true;
}

// An identifier we issue or choose from a list: [A-Za-z0-9._-], 1..max.
bool is_token(std::string_view s, std::size_t max) {
    return !s.empty() && s.size() <= max && std::all_of(s.begin(), s.end(), [](char c) {
        return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' ||
               c == '_' || c == '-';
    });
}

template <typename E, std::size_t N>
void check_choice(Errors& errors, std::string field, const std::optional<E>& value,
                  const std::array<std::string_view, N>& names, Need need,
                  std::string_view invalid_code = kErrorInvalidChoice) {
    if (!value) {
        if (need == Need::Required) {
            errors.add(std::move(field), kErrorRequired);
        }
    } else if (name_of(*value, names).empty()) {
        errors.add(std::move(field), invalid_code);
    }
}

void check_list_size(Errors& errors, std::string field, std::size_t size, std::size_t max) {
    if (size > max) {
        errors.add(std::move(field), kErrorTooLong);
    }
}

bool email_label_ok(std::string_view label) {
    if (label.empty() || label.size() > kEmailLabelMaxBytes || label.front() == '-' ||
        label.back() == '-') {
        return false;
    }
    return std::all_of(label.begin(), label.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0x80 || is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               c == '-';
    });
}

bool email_syntax_ok(std::string_view email) {
    const std::size_t at = email.find('@');
    if (at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    const std::string_view local = email.substr(0, at);
    const std::string_view domain = email.substr(at + 1);
    if (local.empty() || local.size() > kEmailLocalMaxBytes || local.front() == '.' ||
        local.back() == '.' || local.find("..") != std::string_view::npos) {
        return false;
    }
    constexpr std::string_view kLocalForbidden = " \t\"(),:;<>[\\]";
    if (local.find_first_of(kLocalForbidden) != std::string_view::npos) {
        return false;
    }
    std::size_t labels = 0;
    std::size_t start = 0;
    for (;;) {
        const std::size_t dot = domain.find('.', start);
        const std::string_view label = domain.substr(start, dot - start);
        if (!email_label_ok(label)) {
            return false;
        }
        ++labels;
        if (dot == std::string_view::npos) {
            break;
        }
        start = dot + 1;
    }
    return labels >= 2;
}

// [SECTION] One function per step.
void validate_contact(Errors& errors, const Registration& reg) {
    check_text(errors, "given_name", reg.given_name, Need::Required, kNameMax);
    check_text(errors, "family_name", reg.family_name, Need::Optional, kNameMax);

    const bool code_blank = trim_text(reg.phone.calling_code).empty();
    const bool number_blank = trim_text(reg.phone.national_number).empty();
    const auto code = calling_code_digits(reg.phone.calling_code);
    if (code_blank) {
        errors.add("phone.calling_code", kErrorRequired);
    } else if (!code) {
        errors.add("phone.calling_code", kErrorInvalidPhone);
    }
    if (number_blank) {
        errors.add("phone.national_number", kErrorRequired);
    } else if (code && !to_e164(reg.phone)) {
        errors.add("phone.national_number", kErrorInvalidPhone);
    } else if (!code && !national_digits(reg.phone.national_number, "")) {
        errors.add("phone.national_number", kErrorInvalidPhone);
    }

    const std::string_view email = trim_text(reg.email);
    if (email.empty()) {
        return;  // optional
    }
    const TextFacts facts = inspect_text(email);
    if (email.size() > kEmailMaxBytes) {
        errors.add("email", kErrorTooLong);
    } else if (!facts.valid_utf8 || facts.forbidden || !email_syntax_ok(email)) {
        errors.add("email", kErrorInvalidEmail);
    }
}

void validate_about_you(Errors& errors, const Registration& reg, const ValidationContext& ctx) {
    if (!reg.year_of_birth) {
        errors.add("year_of_birth", kErrorRequired);
    } else if (*reg.year_of_birth < ctx.current_year - kOldestAge ||
               *reg.year_of_birth > ctx.current_year - kYoungestAge) {
        errors.add("year_of_birth", kErrorYearOutOfRange);
    }
    check_choice(errors, "gender", reg.gender, kGenderNames, Need::Required);
    if (reg.nationality.empty()) {
        errors.add("nationality", kErrorRequired);
    } else if (reg.nationality != kStateless && reg.nationality != kPreferNotToSay &&
               !is_country_code(reg.nationality)) {
        errors.add("nationality", kErrorInvalidCountry);
    }
    check_text(errors, "city", reg.city, Need::Required, kCityMax);
}

void validate_languages(Errors& errors, const Registration& reg) {
    if (reg.languages.empty()) {
        errors.add("languages", kErrorRequired);
        return;
    }
    check_list_size(errors, "languages", reg.languages.size(), kMaxLanguages);
    for (std::size_t i = 0; i < reg.languages.size(); ++i) {
        const LanguageSkill& skill = reg.languages[i];
        if (skill.code.empty()) {
            errors.add(indexed("languages", i, "code"), kErrorRequired);
        } else if (!is_language_code(skill.code)) {
            errors.add(indexed("languages", i, "code"), kErrorInvalidLanguage);
        } else {
            const auto first = std::find_if(
                reg.languages.begin(), reg.languages.end(),
                [&skill](const LanguageSkill& other) { return other.code == skill.code; });
            if (static_cast<std::size_t>(first - reg.languages.begin()) < i) {
                errors.add(indexed("languages", i, "code"), kErrorDuplicateLanguage);
            }
        }
        check_choice(errors, indexed("languages", i, "spoken"), skill.spoken, kCefrNames,
                     Need::Required, kErrorInvalidLevel);
        check_choice(errors, indexed("languages", i, "written"), skill.written, kWrittenNames,
                     Need::Required, kErrorInvalidLevel);
    }
}

void validate_education(Errors& errors, const Registration& reg) {
    const Education& edu = reg.education;
    if (!edu.isced_level) {
        errors.add("education.level", kErrorRequired);
    } else if (*edu.isced_level < 0 || *edu.isced_level > 8) {
        errors.add("education.level", kErrorInvalidEducation);
    }
    if (!edu.isced_field.empty() && std::find(kIscedFields.begin(), kIscedFields.end(),
                                              edu.isced_field) == kIscedFields.end()) {
        errors.add("education.field", kErrorInvalidEducation);
    }
}

void validate_work(Errors& errors, const Registration& reg, const ValidationContext& ctx) {
    check_list_size(errors, "occupations", reg.occupations.size(), kMaxListEntries);
    for (std::size_t i = 0; i < reg.occupations.size(); ++i) {
        const Occupation& occ = reg.occupations[i];
        const bool has_id = !occ.catalogue_id.empty();
        const bool has_text = !trim_text(occ.free_text).empty();
        if (has_id && has_text) {
            errors.add(indexed("occupations", i), kErrorInvalidChoice);  // one or the other
        } else if (has_id) {
            if (!is_token(occ.catalogue_id, kCatalogueIdMax)) {
                errors.add(indexed("occupations", i, "catalogue_id"), kErrorInvalidChoice);
            }
        } else {
            check_text(errors, indexed("occupations", i, "free_text"), occ.free_text,
                       Need::Required, kOccupationTextMax);
        }
    }

    check_list_size(errors, "work_history", reg.work_history.size(), kMaxListEntries);
    // Nobody worked before they were born; an invalid birth year is reported on its own step
    // and does not drag every job with it.
    int earliest = ctx.current_year - kOldestAge;
    if (reg.year_of_birth && *reg.year_of_birth > earliest &&
        *reg.year_of_birth <= ctx.current_year - kYoungestAge) {
        earliest = *reg.year_of_birth;
    }
    for (std::size_t i = 0; i < reg.work_history.size(); ++i) {
        const WorkEntry& job = reg.work_history[i];
        check_text(errors, indexed("work_history", i, "role"), job.role, Need::Required, kRoleMax);
        if (job.country.empty()) {
            errors.add(indexed("work_history", i, "country"), kErrorRequired);
        } else if (!is_country_code(job.country)) {
            errors.add(indexed("work_history", i, "country"), kErrorInvalidCountry);
        }
        bool from_ok = false;
        if (!job.from_year) {
            errors.add(indexed("work_history", i, "from_year"), kErrorRequired);
        } else if (*job.from_year < earliest || *job.from_year > ctx.current_year) {
            errors.add(indexed("work_history", i, "from_year"), kErrorYearOutOfRange);
        } else {
            from_ok = true;
        }
        const std::string to_field = indexed("work_history", i, "to_year");
        if (job.ongoing) {
            if (job.to_year) {
                errors.add(to_field, kErrorInvalidYears);  // both "until" and "still there"
            }
        } else if (!job.to_year) {
            errors.add(to_field, kErrorRequired);
        } else if (*job.to_year < earliest || *job.to_year > ctx.current_year) {
            errors.add(to_field, kErrorYearOutOfRange);
        } else if (from_ok && *job.to_year < *job.from_year) {
            errors.add(to_field, kErrorInvalidYears);
        }
    }

    check_list_size(errors, "prior_learning", reg.prior_learning.size(), kMaxListEntries);
    for (std::size_t i = 0; i < reg.prior_learning.size(); ++i) {
        check_text(errors, indexed("prior_learning", i, "description"),
                   reg.prior_learning[i].description, Need::Required, kPriorLearningMax,
                   Lines::Multi);
    }
}

void validate_availability(Errors& errors, const Registration& reg) {
    check_choice(errors, "availability.when", reg.availability.when, kAvailableFromNames,
                 Need::Required);
    check_choice(errors, "availability.hours", reg.availability.hours, kHoursNames, Need::Required);
    check_choice(errors, "work_permit", reg.work_permit, kWorkPermitNames, Need::Required);

    const JobPreferences& prefs = reg.preferences;
    check_list_size(errors, "preferences.sectors", prefs.sectors.size(), kMaxListEntries);
    for (std::size_t i = 0; i < prefs.sectors.size(); ++i) {
        const std::string& s = prefs.sectors[i];
        if (s.size() != 1 || s[0] < 'A' || s[0] > 'U') {
            errors.add(indexed("preferences.sectors", i), kErrorInvalidChoice);
        }
    }
    check_choice(errors, "preferences.hours", prefs.hours, kHoursNames, Need::Optional);
    check_list_size(errors, "preferences.cities", prefs.cities.size(), kMaxListEntries);
    for (std::size_t i = 0; i < prefs.cities.size(); ++i) {
        check_text(errors, indexed("preferences.cities", i), prefs.cities[i], Need::Required,
                   kCityMax);
    }
}

void validate_consent(Errors& errors, const Registration& reg) {
    if (trim_text(reg.consent_version).empty() || reg.consent_unix_seconds <= 0) {
        errors.add("consent", kErrorConsentMissing);
    }
    if (reg.staff_assisted) {
        if (reg.staff_id.empty()) {
            errors.add("staff_id", kErrorRequired);
        } else if (reg.staff_id.size() > kStaffIdMax) {
            errors.add("staff_id", kErrorTooLong);
        } else if (!is_token(reg.staff_id, kStaffIdMax)) {
            errors.add("staff_id", kErrorInvalidCharacters);
        }
    }
}

}  // namespace

std::vector<FieldError> validate_step(Step step, const Registration& reg,
                                      const ValidationContext& ctx) {
    assert(ctx.current_year > 0 && "ValidationContext::current_year must be set by the caller");
    std::vector<FieldError> out;
    Errors errors(out);
    switch (step) {
        case Step::Contact:
            validate_contact(errors, reg);
            break;
        case Step::AboutYou:
            validate_about_you(errors, reg, ctx);
            break;
        case Step::Languages:
            validate_languages(errors, reg);
            break;
        case Step::Education:
            validate_education(errors, reg);
            break;
        case Step::Work:
            validate_work(errors, reg, ctx);
            break;
        case Step::Availability:
            validate_availability(errors, reg);
            break;
        case Step::Consent:
            validate_consent(errors, reg);
            break;
    }
    return out;
}

std::vector<FieldError> validate(const Registration& reg, const ValidationContext& ctx) {
    std::vector<FieldError> all;
    for (const Step step : kAllSteps) {
        std::vector<FieldError> part = validate_step(step, reg, ctx);
        all.insert(all.end(), part.begin(), part.end());
    }
    return all;
}

// [SECTION] Normalisation for storage.
namespace {

void trim_in_place(std::string& s) {
    s = std::string(trim_text(s));
}

}  // namespace

Registration normalized(Registration reg) {
    trim_in_place(reg.given_name);
    trim_in_place(reg.family_name);
    trim_in_place(reg.email);
    trim_in_place(reg.city);
    if (to_e164(reg.phone)) {
        // Both parts are valid here, so the optionals hold values.
        const std::string code = *calling_code_digits(reg.phone.calling_code);
        reg.phone.national_number = *national_digits(reg.phone.national_number, code);
        reg.phone.calling_code = code;
    }
    for (Occupation& occ : reg.occupations) {
        trim_in_place(occ.free_text);
    }
    for (WorkEntry& job : reg.work_history) {
        trim_in_place(job.role);
    }
    for (PriorLearning& item : reg.prior_learning) {
        trim_in_place(item.description);
    }
    for (std::string& city : reg.preferences.cities) {
        trim_in_place(city);
    }
    return reg;
}

}  // namespace kiosk::core

// Ranking job offers against a profile; the rules are numbered in ranking.hpp and each function
// below names the rule it applies.
#include "kiosk/core/ranking.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>

#include "kiosk/core/name_table.hpp"

namespace kiosk::core {

namespace {

// [SECTION] Points (ranking.hpp lists them with their rules)

constexpr int kSameOccupation = 40;
constexpr int kSameMinorGroup = 20;
constexpr int kSameSubMajorGroup = 10;
constexpr int kHasSkill = 15;
constexpr int kTrainingProvided = 10;
constexpr int kSpeaksLanguage = 10;
constexpr int kPerLanguageLevelShort = -12;
constexpr int kEducationEnough = 5;
constexpr int kPerEducationLevelShort = -8;
constexpr int kNearHome = 15;
constexpr int kPreferredPlace = 10;
constexpr int kPreferredSector = 5;
constexpr int kHoursFit = 5;
constexpr int kHoursDiffer = -10;
constexpr int kPermitApplied = -10;
constexpr int kPermitUnknown = -15;
constexpr int kNoPermit = -25;
constexpr int kEmployerAppliesForPermit = 10;
constexpr int kWomenOnly = -100;
constexpr int kStartsBeforeAvailable = -5;
constexpr int kStartGraceDays = 30;

constexpr std::string_view kIscoPrefix = "isco.";
constexpr std::string_view kSkillPrefix = "skill.";

constexpr std::array<std::string_view, 18> kReasonNames = {
    "same_occupation",
    "related_occupation",
    "has_skill",
    "training_provided",
    "speaks_language",
    "education_enough",
    "near_home",
    "preferred_place",
    "preferred_sector",
    "hours_fit",
    "employer_applies_for_permit",
    "needs_language",
    "needs_education",
    "other_place",
    "hours_differ",
    "needs_permit",
    "women_only",
    "starts_before_available",
};
static_assert(kReasonNames.size() ==
                  static_cast<std::size_t>(ReasonKind::StartsBeforeAvailable) + 1,
              "every ReasonKind needs a name");

constexpr std::array<std::string_view, 3> kContractNames = {"full_time", "part_time", "seasonal"};

// Rule 2: the occupations (ISCO-08 unit groups) in which a skill of the catalogue is used.
struct SkillUse {
    std::string_view skill;
    std::array<std::string_view, 5> occupations;  // "" pads
};
constexpr std::array kSkillUses = {
    SkillUse{"skill.computer_basics", {"4110", "4222", "4321", "5230"}},
    SkillUse{"skill.cooking_large", {"5120", "9412"}},
    SkillUse{"skill.customer_service", {"5131", "5221", "5223", "5230", "4222"}},
    SkillUse{"skill.driving_licence_car", {"8322", "9621"}},
    SkillUse{"skill.driving_licence_truck", {"8331", "8332"}},
    SkillUse{"skill.first_aid", {"5311", "5321", "5322"}},
    SkillUse{"skill.forklift", {"8344", "9333", "4321"}},
    SkillUse{"skill.office_software", {"4110", "4311", "2411"}},
};

bool skill_used_in(std::string_view skill, std::string_view occupation) {
    for (const SkillUse& use : kSkillUses) {
        if (use.skill == skill) {
            return !occupation.empty() && std::find(use.occupations.begin(), use.occupations.end(),
                                                    occupation) != use.occupations.end();
        }
    }
    return false;
}

int cefr_rank(Cefr level) {
    return static_cast<int>(level);
}

// "YYYY-MM-DD" as days since the epoch; nullopt when it is not a calendar date.
std::optional<std::chrono::sys_days> parse_day(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    const auto number = [&text](std::size_t at, std::size_t length, auto& out) {
        const char* first = text.data() + at;
        const auto [end, ec] = std::from_chars(first, first + length, out);
        return ec == std::errc{} && end == first + length;
    };
    if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{m},
                                           std::chrono::day{d}};
    if (!date.ok()) {
        return std::nullopt;
    }
    return std::chrono::sys_days{date};
}

Reason reason(ReasonKind kind, int points, std::string subject = {}) {
    Reason r;
    r.kind = kind;
    r.points = points;
    r.subject = std::move(subject);
    return r;
}

// [SECTION] Rules

// Rule 1. The digits of an ISCO unit group shared with the offer's: 4, 3, 2 or fewer.
void rule_occupation(const RankingProfile& person, const OfferFacts& offer,
                     std::vector<Reason>& out, bool& matched) {
    std::size_t best = 0;
    const std::string* best_id = nullptr;
    for (const std::string& id : person.occupations) {
        if (!id.starts_with(kIscoPrefix)) {
            continue;
        }
        const std::string_view code = std::string_view(id).substr(kIscoPrefix.size());
        if (code.size() != 4 || offer.occupation.size() != 4) {
            continue;
        }
        std::size_t shared = 0;
        while (shared < 4 && code[shared] == offer.occupation[shared]) {
            ++shared;
        }
        if (shared > best) {
            best = shared;
            best_id = &id;
        }
    }
    if (best == 4) {
        out.push_back(reason(ReasonKind::SameOccupation, kSameOccupation, *best_id));
    } else if (best == 3) {
        out.push_back(reason(ReasonKind::RelatedOccupation, kSameMinorGroup, *best_id));
    } else if (best == 2) {
        out.push_back(reason(ReasonKind::RelatedOccupation, kSameSubMajorGroup, *best_id));
    }
    matched = best >= 2;
}

// Rule 2.
void rule_skill(const RankingProfile& person, const OfferFacts& offer, std::vector<Reason>& out) {
    for (const std::string& id : person.occupations) {
        if (id.starts_with(kSkillPrefix) && skill_used_in(id, offer.occupation)) {
            out.push_back(reason(ReasonKind::HasSkill, kHasSkill, id));
            return;
        }
    }
}

// Rule 4.
void rule_languages(const RankingProfile& person, const OfferFacts& offer,
                    std::vector<Reason>& fits, std::vector<Reason>& missing) {
    for (const LanguageNeed& need : offer.languages) {
        std::optional<Cefr> has;
        for (const LanguageSkill& skill : person.languages) {
            if (skill.code == need.code) {
                has = skill.spoken;
                break;
            }
        }
        const int have_rank = has ? cefr_rank(*has) : -1;
        const int short_by = cefr_rank(need.level) - have_rank;
        Reason r = short_by <= 0 ? reason(ReasonKind::SpeaksLanguage, kSpeaksLanguage, need.code)
                                 : reason(ReasonKind::NeedsLanguage,
                                          kPerLanguageLevelShort * short_by, need.code);
        r.has_level = has;
        r.needed_level = need.level;
        (short_by <= 0 ? fits : missing).push_back(std::move(r));
    }
}

// Rule 5.
void rule_education(const RankingProfile& person, const OfferFacts& offer,
                    std::vector<Reason>& fits, std::vector<Reason>& missing) {
    if (offer.min_education <= 0) {
        return;
    }
    const int has = person.isced_level.value_or(0);
    const int short_by = offer.min_education - has;
    Reason r = short_by <= 0
                   ? reason(ReasonKind::EducationEnough, kEducationEnough)
                   : reason(ReasonKind::NeedsEducation, kPerEducationLevelShort * short_by);
    r.has_isced = person.isced_level;
    r.needed_isced = offer.min_education;
    (short_by <= 0 ? fits : missing).push_back(std::move(r));
}

bool same_place(std::string_view key, const OfferFacts& offer) {
    return !key.empty() && (key == offer.city_key || key == offer.region_key);
}

// Rule 6.
void rule_place(const RankingProfile& person, const OfferFacts& offer, std::vector<Reason>& fits,
                std::vector<Reason>& missing) {
    if (same_place(person.home_key, offer)) {
        fits.push_back(reason(ReasonKind::NearHome, kNearHome, offer.city));
        return;
    }
    const bool preferred =
        std::any_of(person.preferred_places.begin(), person.preferred_places.end(),
                    [&offer](const std::string& key) { return same_place(key, offer); });
    if (preferred) {
        fits.push_back(reason(ReasonKind::PreferredPlace, kPreferredPlace, offer.city));
        return;
    }
    const bool gave_place =
        !person.home_key.empty() ||
        std::any_of(person.preferred_places.begin(), person.preferred_places.end(),
                    [](const std::string& key) { return !key.empty(); });
    if (gave_place) {
        missing.push_back(reason(ReasonKind::OtherPlace, 0, offer.city));
    }
}

// Rule 8.
void rule_hours(const RankingProfile& person, const OfferFacts& offer, std::vector<Reason>& fits,
                std::vector<Reason>& missing) {
    if (!person.hours || *person.hours == Hours::Either) {
        return;
    }
    const bool fit = *person.hours == Hours::FullTime ? offer.contract != ContractKind::PartTime
                                                      : offer.contract == ContractKind::PartTime;
    const std::string contract(name_of(offer.contract, kContractNames));
    if (fit) {
        fits.push_back(reason(ReasonKind::HoursFit, kHoursFit, contract));
    } else {
        missing.push_back(reason(ReasonKind::HoursDiffer, kHoursDiffer, contract));
    }
}

// Rule 9.
void rule_permit(const RankingProfile& person, const OfferFacts& offer, std::vector<Reason>& fits,
                 std::vector<Reason>& missing) {
    if (!person.work_permit || *person.work_permit == WorkPermit::HasPermit ||
        *person.work_permit == WorkPermit::NotNeeded) {
        return;
    }
    if (!offer.permit_required) {
        fits.push_back(reason(ReasonKind::EmployerAppliesForPermit, kEmployerAppliesForPermit));
        return;
    }
    const int points = *person.work_permit == WorkPermit::Applied       ? kPermitApplied
                       : *person.work_permit == WorkPermit::DoesNotKnow ? kPermitUnknown
                                                                        : kNoPermit;
    missing.push_back(reason(ReasonKind::NeedsPermit, points));
}

// Rule 11. Days from today until the person can start, and until the offer starts.
void rule_start(const RankingProfile& person, const OfferFacts& offer,
                std::optional<std::chrono::sys_days> today, std::vector<Reason>& missing) {
    if (!today || !person.available_from) {
        return;
    }
    const int person_days = *person.available_from == AvailableFrom::Now            ? 0
                            : *person.available_from == AvailableFrom::WithinAMonth ? 30
                                                                                    : 90;
    int offer_days = 0;
    if (const auto start = parse_day(offer.start_date)) {
        offer_days = std::max(0, static_cast<int>((*start - *today).count()));
    }
    if (person_days > offer_days + kStartGraceDays) {
        missing.push_back(
            reason(ReasonKind::StartsBeforeAvailable, kStartsBeforeAvailable, offer.start_date));
    }
}

RankedOffer score(const RankingProfile& person, const OfferFacts& offer,
                  std::optional<std::chrono::sys_days> today) {
    RankedOffer ranked;
    auto& fits = ranked.fits;
    auto& missing = ranked.missing;
    bool occupation_matched = false;
    rule_occupation(person, offer, fits, occupation_matched);
    rule_skill(person, offer, fits);
    if (offer.training_provided && !occupation_matched) {
        fits.push_back(reason(ReasonKind::TrainingProvided, kTrainingProvided));  // rule 3
    }
    rule_languages(person, offer, fits, missing);
    rule_education(person, offer, fits, missing);
    rule_place(person, offer, fits, missing);
    if (std::find(person.sectors.begin(), person.sectors.end(), offer.sector) !=
        person.sectors.end()) {
        fits.push_back(reason(ReasonKind::PreferredSector, kPreferredSector, offer.sector));  // 7
    }
    rule_hours(person, offer, fits, missing);
    rule_permit(person, offer, fits, missing);
    if (offer.women_only && person.gender == Gender::Male) {
        missing.push_back(reason(ReasonKind::WomenOnly, kWomenOnly));  // rule 10
    }
    rule_start(person, offer, today, missing);

    for (const Reason& r : fits) {
        ranked.score += r.points;
    }
    for (const Reason& r : missing) {
        ranked.score += r.points;
    }
    std::stable_sort(fits.begin(), fits.end(),
                     [](const Reason& a, const Reason& b) { return a.points > b.points; });
    std::stable_sort(missing.begin(), missing.end(),
                     [](const Reason& a, const Reason& b) { return a.points < b.points; });
    return ranked;
}

}  // namespace

bool is_fit(ReasonKind kind) {
    return kind <= ReasonKind::EmployerAppliesForPermit;
}

std::string_view to_string(ReasonKind kind) {
    return name_of(kind, kReasonNames);
}

RankingProfile ranking_profile(const Registration& reg, const PlaceFold& fold_place) {
    RankingProfile p;
    p.languages = reg.languages;
    for (const Occupation& o : reg.occupations) {
        if (!o.catalogue_id.empty()) {
            p.occupations.push_back(o.catalogue_id);
        }
    }
    p.isced_level = reg.education.isced_level;
    p.home_key = fold_place(reg.city);
    for (const std::string& city : reg.preferences.cities) {
        p.preferred_places.push_back(fold_place(city));
    }
    p.sectors = reg.preferences.sectors;
    p.hours = reg.availability.hours;
    if (!p.hours || *p.hours == Hours::Either) {
        p.hours = reg.preferences.hours;
    }
    p.available_from = reg.availability.when;
    p.work_permit = reg.work_permit;
    p.gender = reg.gender;
    return p;
}

RankedOffer score_offer(const RankingProfile& person, const OfferFacts& offer,
                        std::string_view today) {
    return score(person, offer, parse_day(today));
}

std::vector<RankedOffer> rank_offers(const RankingProfile& person,
                                     std::span<const OfferFacts> offers, std::string_view today) {
    const auto day = parse_day(today);
    std::vector<RankedOffer> ranked;
    ranked.reserve(offers.size());
    for (std::size_t i = 0; i < offers.size(); ++i) {
        ranked.push_back(score(person, offers[i], day));
        ranked.back().index = i;
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const RankedOffer& a, const RankedOffer& b) { return a.score > b.score; });
    return ranked;
}

}  // namespace kiosk::core

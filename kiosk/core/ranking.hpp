// "Jobs for you": job offers ranked against the profile a person has just registered, each with
// the few facts that make it fit or that are missing. Pure: no clock (today is an argument), no
// I/O, no text for people. Reasons are values (a kind, a subject, levels); the UI turns them into
// words in the person's language ("speaks Turkish B1 (needs A2)", "needs Bulgarian B1").
//
// The offer arrives as OfferFacts, the part of a job offer (sync/protocol/offer.hpp) that ranking
// reads; kiosk/store/job_search.hpp loads them for every offer still open without parsing JSON.
// Places are compared as keys folded by the caller (case, accents, Turkish i: the same folding as
// the search), because the person types their city and the offer's city is typed by the centre.
//
// Scoring rules. Each rule adds the points shown (negative: something is missing) and records a
// Reason with those points; the score is their sum.
//   1. Occupation, the best match only, against the person's "isco.NNNN" occupations:
//      the same ISCO-08 unit group as the offer +40 (SameOccupation); else the same minor group
//      (first 3 digits) +20, else the same sub-major group (first 2 digits) +10
//      (RelatedOccupation). The subject is the person's occupation id.
//   2. Skill: the first of the person's "skill.*" entries that the offer's occupation uses
//      (a small table in ranking.cpp: a truck licence for truck and bus drivers, ...) +15
//      (HasSkill, subject the skill id).
//   3. Training: the offer teaches the work (flag training_provided) and rule 1 found nothing
//      +10 (TrainingProvided): no experience needed.
//   4. Languages, each language the offer requires: spoken at the level or above +10
//      (SpeaksLanguage); otherwise -12 for every CEFR level short, a language not spoken at all
//      counting as one level below A1 (NeedsLanguage; has_level empty when not spoken). Only
//      the spoken level counts: offers state one level, and the work is mostly spoken.
//   5. Education, when the offer asks for ISCED level 1 or more: the person's level is enough +5
//      (EducationEnough); otherwise -8 for every level short, an unknown level counting as 0
//      (NeedsEducation).
//   6. Place: the person's home equals the offer's city or region +15 (NearHome); else one of
//      their preferred cities does +10 (PreferredPlace); else, when the person gave any place,
//      0 points and an OtherPlace reason, so the list can say where the job is. Empty keys never
//      match.
//   7. Sector among the person's preferred sectors +5 (PreferredSector). Other sectors lose
//      nothing: people are open to work outside what they named.
//   8. Hours the person can work (availability.hours; when that is Either or not given, the
//      preferences' hours; Either or nothing: no rule): full time fits full_time and seasonal,
//      part time fits part_time, +5
//      (HoursFit); otherwise -10 (HoursDiffer). The subject is the offer's contract.
//   9. Work permit, when the offer requires one: has a permit or needs none, nothing; applied
//      -10, does not know -15, no permit -25 (NeedsPermit). When the employer applies for the
//      permit, a person without one (no permit, applied, does not know) gets +10
//      (EmployerAppliesForPermit). Not answered: no rule.
//  10. Women only: the offer is for women only and the person answered "male": -100
//      (WomenOnly), so such offers sink to the end. Any other answer: no rule; staff at the
//      centre decide, never the kiosk.
//  11. Start: the person can start now (0 days), within a month (30) or later (90). An offer
//      starts on its start date, or now when it has none or it has passed. When the person's
//      start is more than 30 days after the offer's: -5 (StartsBeforeAvailable, subject the
//      offer's start date, "" for as soon as possible).
//  12. Order: by score, highest first; equal scores keep the order the offers were given in
//      (the store gives the newest first). Every offer is returned: ranking orders, the filters
//      of the browse screen exclude.
// Within an offer, `fits` are sorted by points (largest first) and `missing` by points (most
// negative first); equal points keep the order of the rules above.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/registration.hpp"

namespace kiosk::core {

// [SECTION] Input

enum class ContractKind { FullTime, PartTime, Seasonal };

struct LanguageNeed {
    std::string code;  // ISO 639-3, as in the registration: "tur"
    Cefr level = Cefr::A1;
    bool operator==(const LanguageNeed&) const = default;
};

// What ranking reads of one job offer.
struct OfferFacts {
    std::string occupation;               // ISCO-08 unit group, 4 digits: "5120"
    std::vector<LanguageNeed> languages;  // each spoken at least at its level
    int min_education = 0;                // ISCED 2011 level, 0 = none needed
    std::string city;                     // as the offer writes it: the subject of place reasons
    std::string city_key;                 // folded like RankingProfile's place keys
    std::string region_key;               // "" when the offer names no region
    std::string sector;                   // ISIC Rev. 4 section letter
    ContractKind contract = ContractKind::FullTime;
    bool permit_required = true;  // work_permit "required" (else "employer_applies")
    bool women_only = false;
    bool training_provided = false;
    std::string start_date;  // "YYYY-MM-DD"; "" = as soon as possible
};

// What ranking reads of the person (see ranking_profile()).
struct RankingProfile {
    std::vector<LanguageSkill> languages;
    std::vector<std::string> occupations;  // catalogue ids: "isco.5120", "skill.forklift"
    std::optional<int> isced_level;
    std::string home_key;                       // the person's city, folded; "" = not given
    std::vector<std::string> preferred_places;  // preferred cities, folded
    std::vector<std::string> sectors;           // ISIC section letters
    std::optional<Hours> hours;
    std::optional<AvailableFrom> available_from;
    std::optional<WorkPermit> work_permit;
    std::optional<Gender> gender;
};

// Folds a place name into a key (kiosk/store/job_search.hpp has the one the search uses).
using PlaceFold = std::function<std::string(std::string_view)>;

// The profile of a registration: places folded with `fold_place`, the hours wish of rule 8,
// catalogue occupations only (free-text ones cannot be compared).
RankingProfile ranking_profile(const Registration& reg, const PlaceFold& fold_place);

// [SECTION] Output

enum class ReasonKind {
    // Fits.
    SameOccupation,            // rule 1; subject: the person's occupation id
    RelatedOccupation,         // rule 1; subject: the person's occupation id
    HasSkill,                  // rule 2; subject: the skill id
    TrainingProvided,          // rule 3
    SpeaksLanguage,            // rule 4; subject: language code; has_level, needed_level
    EducationEnough,           // rule 5; has_isced, needed_isced
    NearHome,                  // rule 6; subject: the offer's city
    PreferredPlace,            // rule 6; subject: the offer's city
    PreferredSector,           // rule 7; subject: the sector letter
    HoursFit,                  // rule 8; subject: "full_time", "part_time" or "seasonal"
    EmployerAppliesForPermit,  // rule 9
    // Missing.
    NeedsLanguage,          // rule 4; subject: language code; has_level (empty: not spoken)
    NeedsEducation,         // rule 5; has_isced (empty: unknown), needed_isced
    OtherPlace,             // rule 6; subject: the offer's city (0 points: information)
    HoursDiffer,            // rule 8; subject: the offer's contract
    NeedsPermit,            // rule 9
    WomenOnly,              // rule 10
    StartsBeforeAvailable,  // rule 11; subject: the offer's start date, "" = at once
};

// True for the kinds that say why an offer fits, false for what is missing.
bool is_fit(ReasonKind kind);
// Stable names ("speaks_language", "needs_permit") for message keys and logs.
std::string_view to_string(ReasonKind kind);

struct Reason {
    ReasonKind kind = ReasonKind::SameOccupation;
    int points = 0;       // what the rule added to the score
    std::string subject;  // see ReasonKind; "" when the kind has none
    std::optional<Cefr> has_level;
    std::optional<Cefr> needed_level;
    std::optional<int> has_isced;
    std::optional<int> needed_isced;
    bool operator==(const Reason&) const = default;
};

struct RankedOffer {
    std::size_t index = 0;  // position in the offers given to rank_offers
    int score = 0;
    std::vector<Reason> fits;     // largest points first
    std::vector<Reason> missing;  // most negative first
};

// [SECTION] Ranking

// One offer against the profile (rules 1-11). `today` is "YYYY-MM-DD"; when it is not a date,
// rule 11 is skipped.
RankedOffer score_offer(const RankingProfile& person, const OfferFacts& offer,
                        std::string_view today);

// Every offer, scored and ordered by rule 12.
std::vector<RankedOffer> rank_offers(const RankingProfile& person,
                                     std::span<const OfferFacts> offers, std::string_view today);

}  // namespace kiosk::core

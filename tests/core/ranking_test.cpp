// Tests for kiosk/core/ranking.hpp: one table row per scoring rule (the points and the reason it
// records), then whole profiles against a set of made-up offers with the expected order.
#include "kiosk/core/ranking.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <string>
#include <vector>

#include "tests/core/sample_registration.hpp"

namespace kiosk::core {
namespace {

// The tests' place folding: ASCII lower case is enough for the made-up names used here (the
// kiosk folds with kiosk::i18n, see kiosk/store/job_search.hpp).
std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// An offer that no rule has anything to say about for an empty profile.
OfferFacts neutral_offer() {
    OfferFacts o;
    o.occupation = "9999";
    o.city = "Nowhere";
    o.city_key = "nowhere";
    o.sector = "Z";
    o.contract = ContractKind::FullTime;
    o.permit_required = false;
    return o;
}

struct Expected {
    ReasonKind kind;
    int points;
    std::string subject = {};
};

struct RuleCase {
    const char* name;
    std::function<void(RankingProfile&, OfferFacts&)> setup;
    std::vector<Expected> fits;
    std::vector<Expected> missing;
};

constexpr std::string_view kToday = "2027-03-01";

void expect_reasons(const std::vector<Reason>& got, const std::vector<Expected>& want,
                    const char* what) {
    ASSERT_EQ(got.size(), want.size()) << what;
    for (std::size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(got[i].kind, want[i].kind) << what << " " << i << ": " << to_string(got[i].kind);
        EXPECT_EQ(got[i].points, want[i].points) << what << " " << i;
        EXPECT_EQ(got[i].subject, want[i].subject) << what << " " << i;
        EXPECT_EQ(is_fit(got[i].kind), std::string_view(what) == "fits") << what << " " << i;
    }
}

TEST(Ranking, EachRuleAddsItsPointsAndReason) {
    using K = ReasonKind;
    const std::vector<RuleCase> cases = {
        {"nothing known, nothing said", [](RankingProfile&, OfferFacts&) {}, {}, {}},
        // Rule 1.
        {"same unit group",
         [](RankingProfile& p, OfferFacts& o) {
             p.occupations = {"isco.7115", "isco.5120"};
             o.occupation = "5120";
         },
         {{K::SameOccupation, 40, "isco.5120"}},
         {}},
        {"same minor group beats same sub-major group",
         [](RankingProfile& p, OfferFacts& o) {
             p.occupations = {"isco.5131", "isco.5120"};
             o.occupation = "5122";
         },
         {{K::RelatedOccupation, 20, "isco.5120"}},
         {}},
        {"same sub-major group",
         [](RankingProfile& p, OfferFacts& o) {
             p.occupations = {"isco.7115"};
             o.occupation = "7126";
         },
         {{K::RelatedOccupation, 10, "isco.7115"}},
         {}},
        {"another major group is nothing",
         [](RankingProfile& p, OfferFacts& o) {
             p.occupations = {"isco.7115", "free words are not ids"};
             o.occupation = "7411";  // only the first digit is shared
         },
         {},
         {}},
        // Rule 2.
        {"a licence the job uses",
         [](RankingProfile& p, OfferFacts& o) {
             p.occupations = {"skill.first_aid", "skill.driving_licence_truck"};
             o.occupation = "8332";
         },
         {{K::HasSkill, 15, "skill.driving_licence_truck"}},
         {}},
        {"a skill the job does not use",
         [](RankingProfile& p, OfferFacts& o) {
             p.occupations = {"skill.forklift"};
             o.occupation = "5120";
         },
         {},
         {}},
        // Rule 3.
        {"training when the occupation is new to the person",
         [](RankingProfile& p, OfferFacts& o) {
             p.occupations = {"isco.2512"};
             o.training_provided = true;
         },
         {{K::TrainingProvided, 10}},
         {}},
        {"no training reason when the occupation matches",
         [](RankingProfile& p, OfferFacts& o) {
             p.occupations = {"isco.9412"};
             o.occupation = "9412";
             o.training_provided = true;
         },
         {{K::SameOccupation, 40, "isco.9412"}},
         {}},
        // Rule 4.
        {"speaks every language at the level or above",
         [](RankingProfile& p, OfferFacts& o) {
             p.languages = {{"ara", Cefr::C2, Written::C2}, {"tur", Cefr::B1, Written::A2}};
             o.languages = {{"tur", Cefr::A2}, {"ara", Cefr::C2}};
         },
         {{K::SpeaksLanguage, 10, "tur"}, {K::SpeaksLanguage, 10, "ara"}},
         {}},
        {"a language two levels short, one not spoken",
         [](RankingProfile& p, OfferFacts& o) {
             p.languages = {{"tur", Cefr::A2, Written::DoesNotWrite}};
             o.languages = {{"tur", Cefr::B2}, {"bul", Cefr::A1}};
         },
         {},
         {{K::NeedsLanguage, -24, "tur"}, {K::NeedsLanguage, -12, "bul"}}},
        {"written level does not count",
         [](RankingProfile& p, OfferFacts& o) {
             p.languages = {{"eng", Cefr::A1, Written::C2}};
             o.languages = {{"eng", Cefr::B1}};
         },
         {},
         {{K::NeedsLanguage, -24, "eng"}}},
        // Rule 5.
        {"education enough",
         [](RankingProfile& p, OfferFacts& o) {
             p.isced_level = 6;
             o.min_education = 3;
         },
         {{K::EducationEnough, 5}},
         {}},
        {"education three levels short",
         [](RankingProfile& p, OfferFacts& o) {
             p.isced_level = 3;
             o.min_education = 6;
         },
         {},
         {{K::NeedsEducation, -24}}},
        {"no education asked, nothing said",
         [](RankingProfile& p, OfferFacts&) { p.isced_level = 1; },
         {},
         {}},
        // Rule 6.
        {"home is the offer's city",
         [](RankingProfile& p, OfferFacts& o) {
             p.home_key = "gaziantep";
             p.preferred_places = {"gaziantep"};
             o.city = "Gaziantep";
             o.city_key = "gaziantep";
         },
         {{K::NearHome, 15, "Gaziantep"}},
         {}},
        {"home is the offer's region",
         [](RankingProfile& p, OfferFacts& o) {
             p.home_key = "izmir";
             o.city = "Bornova";
             o.city_key = "bornova";
             o.region_key = "izmir";
         },
         {{K::NearHome, 15, "Bornova"}},
         {}},
        {"a preferred city",
         [](RankingProfile& p, OfferFacts& o) {
             p.home_key = "gaziantep";
             p.preferred_places = {"", "kilis"};
             o.city = "Kilis";
             o.city_key = "kilis";
         },
         {{K::PreferredPlace, 10, "Kilis"}},
         {}},
        {"elsewhere is said, for nothing",
         [](RankingProfile& p, OfferFacts& o) {
             p.preferred_places = {"kilis"};
             o.city = "Sofia";
             o.city_key = "sofia";
         },
         {},
         {{K::OtherPlace, 0, "Sofia"}}},
        {"an empty key never matches an offer without region",
         [](RankingProfile& p, OfferFacts&) { p.preferred_places = {""}; },
         {},
         {}},
        // Rule 7.
        {"a preferred sector",
         [](RankingProfile& p, OfferFacts& o) {
             p.sectors = {"C", "I"};
             o.sector = "I";
         },
         {{K::PreferredSector, 5, "I"}},
         {}},
        // Rule 8.
        {"full time fits seasonal",
         [](RankingProfile& p, OfferFacts& o) {
             p.hours = Hours::FullTime;
             o.contract = ContractKind::Seasonal;
         },
         {{K::HoursFit, 5, "seasonal"}},
         {}},
        {"part time does not fit full time",
         [](RankingProfile& p, OfferFacts& o) {
             p.hours = Hours::PartTime;
             o.contract = ContractKind::FullTime;
         },
         {},
         {{K::HoursDiffer, -10, "full_time"}}},
        {"either hours, nothing said",
         [](RankingProfile& p, OfferFacts& o) {
             p.hours = Hours::Either;
             o.contract = ContractKind::PartTime;
         },
         {},
         {}},
        // Rule 9.
        {"permit required, applied",
         [](RankingProfile& p, OfferFacts& o) {
             p.work_permit = WorkPermit::Applied;
             o.permit_required = true;
         },
         {},
         {{K::NeedsPermit, -10}}},
        {"permit required, does not know",
         [](RankingProfile& p, OfferFacts& o) {
             p.work_permit = WorkPermit::DoesNotKnow;
             o.permit_required = true;
         },
         {},
         {{K::NeedsPermit, -15}}},
        {"permit required, none",
         [](RankingProfile& p, OfferFacts& o) {
             p.work_permit = WorkPermit::NoPermit;
             o.permit_required = true;
         },
         {},
         {{K::NeedsPermit, -25}}},
        {"permit required, has one",
         [](RankingProfile& p, OfferFacts& o) {
             p.work_permit = WorkPermit::HasPermit;
             o.permit_required = true;
         },
         {},
         {}},
        {"the employer applies for the permit",
         [](RankingProfile& p, OfferFacts& o) {
             p.work_permit = WorkPermit::NoPermit;
             o.permit_required = false;
         },
         {{K::EmployerAppliesForPermit, 10}},
         {}},
        {"the employer applies, the person needs none",
         [](RankingProfile& p, OfferFacts& o) {
             p.work_permit = WorkPermit::NotNeeded;
             o.permit_required = false;
         },
         {},
         {}},
        // Rule 10.
        {"women only, a man",
         [](RankingProfile& p, OfferFacts& o) {
             p.gender = Gender::Male;
             o.women_only = true;
         },
         {},
         {{K::WomenOnly, -100}}},
        {"women only, no answer: staff decide",
         [](RankingProfile& p, OfferFacts& o) {
             p.gender = Gender::PreferNotToSay;
             o.women_only = true;
         },
         {},
         {}},
        // Rule 11 (today is 2027-03-01).
        {"available later, the job starts at once",
         [](RankingProfile& p, OfferFacts&) { p.available_from = AvailableFrom::Later; },
         {},
         {{K::StartsBeforeAvailable, -5, ""}}},
        {"available later, the job starts in 60 days",
         [](RankingProfile& p, OfferFacts& o) {
             p.available_from = AvailableFrom::Later;
             o.start_date = "2027-04-30";
         },
         {},
         {}},
        {"available later, the job starts in 59 days",
         [](RankingProfile& p, OfferFacts& o) {
             p.available_from = AvailableFrom::Later;
             o.start_date = "2027-04-29";
         },
         {},
         {{K::StartsBeforeAvailable, -5, "2027-04-29"}}},
        {"within a month fits a job that starts at once",
         [](RankingProfile& p, OfferFacts& o) {
             p.available_from = AvailableFrom::WithinAMonth;
             o.start_date = "2026-12-01";  // passed: starts now
         },
         {},
         {}},
    };
    for (const RuleCase& c : cases) {
        SCOPED_TRACE(c.name);
        RankingProfile person;
        OfferFacts offer = neutral_offer();
        c.setup(person, offer);
        const RankedOffer got = score_offer(person, offer, kToday);
        int sum = 0;
        for (const auto& e : c.fits) {
            sum += e.points;
        }
        for (const auto& e : c.missing) {
            sum += e.points;
        }
        EXPECT_EQ(got.score, sum);
        expect_reasons(got.fits, c.fits, "fits");
        expect_reasons(got.missing, c.missing, "missing");
    }
}

TEST(Ranking, LanguageReasonsCarryBothLevels) {
    RankingProfile person;
    person.languages = {{"tur", Cefr::B1, Written::A1}};
    OfferFacts offer = neutral_offer();
    offer.languages = {{"tur", Cefr::A2}, {"bul", Cefr::B1}};
    const RankedOffer got = score_offer(person, offer, kToday);
    ASSERT_EQ(got.fits.size(), 1U);
    EXPECT_EQ(got.fits[0].has_level, Cefr::B1);  // "speaks Turkish B1 (needs A2)"
    EXPECT_EQ(got.fits[0].needed_level, Cefr::A2);
    ASSERT_EQ(got.missing.size(), 1U);
    EXPECT_EQ(got.missing[0].subject, "bul");  // "needs Bulgarian B1"
    EXPECT_EQ(got.missing[0].has_level, std::nullopt);
    EXPECT_EQ(got.missing[0].needed_level, Cefr::B1);
    EXPECT_EQ(to_string(got.missing[0].kind), "needs_language");
}

TEST(Ranking, EducationReasonsCarryBothLevels) {
    RankingProfile person;  // level not given: counts as 0
    OfferFacts offer = neutral_offer();
    offer.min_education = 2;
    const RankedOffer got = score_offer(person, offer, kToday);
    ASSERT_EQ(got.missing.size(), 1U);
    EXPECT_EQ(got.missing[0].points, -16);
    EXPECT_EQ(got.missing[0].has_isced, std::nullopt);
    EXPECT_EQ(got.missing[0].needed_isced, 2);
}

TEST(Ranking, ReasonsAreSortedByWeightThenRuleOrder) {
    RankingProfile person;
    person.occupations = {"isco.5120"};
    person.languages = {{"tur", Cefr::A1, Written::A1}};
    person.sectors = {"I"};
    person.work_permit = WorkPermit::NoPermit;
    person.home_key = "kilis";
    OfferFacts offer = neutral_offer();
    offer.occupation = "5120";
    offer.sector = "I";
    offer.languages = {{"tur", Cefr::A1}, {"bul", Cefr::A2}, {"eng", Cefr::A1}};
    offer.permit_required = true;
    const RankedOffer got = score_offer(person, offer, kToday);
    std::vector<ReasonKind> fits;
    for (const Reason& r : got.fits) {
        fits.push_back(r.kind);
    }
    EXPECT_EQ(fits, (std::vector<ReasonKind>{ReasonKind::SameOccupation, ReasonKind::SpeaksLanguage,
                                             ReasonKind::PreferredSector}));
    std::vector<std::string> missing;
    for (const Reason& r : got.missing) {
        missing.push_back(std::string(to_string(r.kind)) + ":" + r.subject);
    }
    // bul -24 and permit -25: permit first; eng -12; elsewhere 0 last.
    EXPECT_EQ(missing, (std::vector<std::string>{"needs_permit:", "needs_language:bul",
                                                 "needs_language:eng", "other_place:Nowhere"}));
    EXPECT_EQ(got.score, 40 + 10 + 5 - 25 - 24 - 12 + 0);
}

TEST(Ranking, ProfileFromARegistration) {
    Registration reg = sample_registration();
    reg.occupations = {{"isco.5120", ""}, {"", "Sewing and tailoring"}, {"skill.first_aid", ""}};
    reg.preferences.cities = {"KILIS", "Gaziantep"};
    const RankingProfile p = ranking_profile(reg, lower);
    EXPECT_EQ(p.occupations, (std::vector<std::string>{"isco.5120", "skill.first_aid"}));
    EXPECT_EQ(p.home_key, "gaziantep");
    EXPECT_EQ(p.preferred_places, (std::vector<std::string>{"kilis", "gaziantep"}));
    EXPECT_EQ(p.isced_level, 3);
    EXPECT_EQ(p.sectors, (std::vector<std::string>{"C", "I"}));
    // availability.hours is part time; the preference "either" does not widen it.
    EXPECT_EQ(p.hours, Hours::PartTime);
    EXPECT_EQ(p.available_from, AvailableFrom::Now);
    EXPECT_EQ(p.work_permit, WorkPermit::Applied);
    EXPECT_EQ(p.gender, Gender::Female);

    reg.availability.hours = Hours::Either;
    reg.preferences.hours = Hours::FullTime;
    EXPECT_EQ(ranking_profile(reg, lower).hours, Hours::FullTime);
}

// [SECTION] Whole profiles, expected order

struct NamedOffer {
    std::string id;
    OfferFacts facts;
};

OfferFacts offer(std::string occupation, std::string city, std::vector<LanguageNeed> languages,
                 std::function<void(OfferFacts&)> more = {}) {
    OfferFacts o = neutral_offer();
    o.occupation = std::move(occupation);
    o.city = city;
    o.city_key = lower(city);
    o.languages = std::move(languages);
    if (more) {
        more(o);
    }
    return o;
}

// Made-up offers in Türkiye and Bulgaria, the input order being the store's (newest first).
std::vector<NamedOffer> sample_offers() {
    return {
        {"sofia-cook", offer("5120", "Sofia", {{"bul", Cefr::B1}},
                             [](OfferFacts& o) { o.permit_required = true; })},
        {"gaziantep-waiter", offer("5131", "Gaziantep", {{"tur", Cefr::A2}},
                                   [](OfferFacts& o) { o.contract = ContractKind::PartTime; })},
        {"kilis-cook",
         offer("5120", "Kilis", {{"tur", Cefr::A2}}, [](OfferFacts& o) { o.sector = "I"; })},
        {"istanbul-developer", offer("2512", "Istanbul", {{"eng", Cefr::B2}},
                                     [](OfferFacts& o) { o.min_education = 6; })},
        {"gaziantep-sewing", offer("8153", "Gaziantep", {},
                                   [](OfferFacts& o) {
                                       o.training_provided = true;
                                       o.women_only = true;
                                       o.sector = "C";
                                   })},
        {"plovdiv-warehouse",
         offer("9333", "Plovdiv", {}, [](OfferFacts& o) { o.contract = ContractKind::Seasonal; })},
    };
}

struct OrderCase {
    const char* name;
    std::function<void(Registration&)> edit;
    std::vector<std::string> order;
};

TEST(Ranking, ProfilesAgainstTheSampleOffersInExpectedOrder) {
    // The sample: speaks Arabic C2 and Turkish B1, a cook (isco.5120), upper secondary (3),
    // lives in Gaziantep, prefers Gaziantep and Kilis and sectors C and I, part time, applied
    // for a permit, a woman, available now.
    const std::vector<OrderCase> cases = {
        {"the sample cook",
         [](Registration& r) {
             r.occupations = {{"isco.5120", ""}};
         },
         // Every offer but sofia-cook has the employer apply for the permit: +10 each.
         // kilis-cook 40 +10 tur +10 Kilis +5 I -10 hours +10 = 65; gaziantep-waiter 10 (51)
         // +10 tur +15 home +5 part time +10 = 50; gaziantep-sewing training 10 +15 +5 C -10
         // +10 = 30; plovdiv 0 elsewhere -10 +10 = 0; sofia-cook 40 -36 bul -10 hours -10
         // permit = -16; developer -48 eng -24 education -10 +10 = -72.
         {"kilis-cook", "gaziantep-waiter", "gaziantep-sewing", "plovdiv-warehouse", "sofia-cook",
          "istanbul-developer"}},
        {"a man with a truck licence who speaks Bulgarian, full time, no permit",
         [](Registration& r) {
             r.gender = Gender::Male;
             r.occupations = {{"skill.forklift", ""}};
             r.languages = {{"bul", Cefr::B2, Written::B1}};
             r.availability.hours = Hours::FullTime;
             r.work_permit = WorkPermit::NoPermit;
             r.city = "Plovdiv";
             r.preferences.cities = {"Sofia"};
             r.preferences.sectors = {};
         },
         // plovdiv-warehouse: forklift 15 + home 15 + seasonal fits 5 + employer applies 10 = 45;
         // sofia-cook: bul 10 + preferred 10 + full 5 - permit 25 = 0; kilis-cook: -24 tur
         // elsewhere 0 + full 5 + employer 10 = -9; gaziantep-waiter: -24 tur - 10 part time
         // + 10 employer = -24; istanbul-developer: -48 eng -24 edu + 5 + 10 = -57;
         // gaziantep-sewing: training 10 + 5 + 10 - 100 women only = -75.
         {"plovdiv-warehouse", "sofia-cook", "kilis-cook", "gaziantep-waiter", "istanbul-developer",
          "gaziantep-sewing"}},
        {"a developer with a degree who speaks English",
         [](Registration& r) {
             r.occupations = {{"isco.2512", ""}};
             r.languages = {{"eng", Cefr::C1, Written::C1}, {"tur", Cefr::A2, Written::A1}};
             r.education.isced_level = 6;
             r.availability.hours = Hours::Either;
             r.preferences.hours = std::nullopt;
             r.work_permit = WorkPermit::HasPermit;
             r.city = "Istanbul";
             r.preferences.cities = {};
             r.preferences.sectors = {"J"};
         },
         // developer 40 + 10 eng + 5 edu + 15 home = 70; gaziantep-waiter 10 tur, elsewhere
         // = 10; kilis-cook 10; gaziantep-sewing training 10; plovdiv 0; sofia-cook -36.
         // Ties keep the input order: waiter, kilis-cook, sewing.
         {"istanbul-developer", "gaziantep-waiter", "kilis-cook", "gaziantep-sewing",
          "plovdiv-warehouse", "sofia-cook"}},
    };
    const std::vector<NamedOffer> named = sample_offers();
    std::vector<OfferFacts> facts;
    for (const NamedOffer& n : named) {
        facts.push_back(n.facts);
    }
    for (const OrderCase& c : cases) {
        SCOPED_TRACE(c.name);
        Registration reg = sample_registration();
        c.edit(reg);
        const auto ranked = rank_offers(ranking_profile(reg, lower), facts, kToday);
        ASSERT_EQ(ranked.size(), named.size());
        std::vector<std::string> order;
        for (const RankedOffer& r : ranked) {
            order.push_back(named[r.index].id);
        }
        EXPECT_EQ(order, c.order);
        EXPECT_TRUE(std::is_sorted(
            ranked.begin(), ranked.end(),
            [](const RankedOffer& a, const RankedOffer& b) { return a.score > b.score; }));
    }
}

TEST(Ranking, NoOffersNoResults) {
    EXPECT_TRUE(rank_offers(RankingProfile{}, {}, kToday).empty());
}

TEST(Ranking, ReasonNamesAreStable) {
    EXPECT_EQ(to_string(ReasonKind::SameOccupation), "same_occupation");
    EXPECT_EQ(to_string(ReasonKind::SpeaksLanguage), "speaks_language");
    EXPECT_EQ(to_string(ReasonKind::StartsBeforeAvailable), "starts_before_available");
    EXPECT_TRUE(is_fit(ReasonKind::EmployerAppliesForPermit));
    EXPECT_FALSE(is_fit(ReasonKind::NeedsLanguage));
}

}  // namespace
}  // namespace kiosk::core

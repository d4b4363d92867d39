// The job screens drawn headless (kiosk/ui/jobs_view.cpp, job_detail_view.cpp) from offers the
// app would have read (AppState::jobs): rows open their offer, the detail states its facts in the
// person's language and mirrors in Arabic, a vanished offer leaves only Back, and Declined and
// Done open the list; the filters emit FilterJobs and sit at the end edge in either direction;
// "Jobs for you" rows say why they fit; and the app reads the list from a real store file with
// the session's filters, a page at a time, ranked for a registration of the visit. Offers and
// people are made up.
#include <gtest/gtest.h>

#include <algorithm>

#include "headless_ui.hpp"
#include "kiosk/app/jobs.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/store/sync_state.hpp"
#include "tests/store/store_test_support.hpp"

namespace kiosk::test {
namespace {

core::JobCard offer(std::string id, std::string city) {
    core::JobCard card;
    card.id = std::move(id);
    card.titles = {{"ar", "طباخ"}, {"en", "Cook"}, {"tr", "Aşçı"}};
    card.descriptions = {{"en", "You cook lunch for a school."}};
    card.employer = "Lokanta Demo";
    card.city = std::move(city);
    card.sector = "I";
    card.contract = core::ContractKind::PartTime;
    card.hours_per_week = 25;
    card.pay = core::JobPay{8'750, 10'000, "EUR", "hour"};
    card.languages = {core::LanguageNeed{"tur", core::Cefr::B1}};
    card.min_education = 2;
    card.permit_required = false;
    card.flags = {"training_provided"};
    card.expires = "2027-06-30";
    return card;
}

class JobScreens : public ::testing::Test {
  protected:
    HeadlessUi ui{1280, 800};

    core::Session on(core::Screen screen, std::string language) {
        core::Session s = core::fresh_session(core::KioskSettings{}, Millis{0});
        s.language = std::move(language);
        s.screen = screen;
        s.jobs_from = core::Screen::Declined;
        return s;
    }
    const ui::HitTarget* target(const core::Session& s, std::string_view id) {
        ui.frame(s);
        ui.frame(s);  // a new screen settles in the second frame
        return ui.hits().find_id(id);
    }
    // A finger drags the region `id` up by `dy` pixels, rests and lifts (no fling).
    void drag_up(const core::Session& s, std::string_view id, float dy) {
        const ui::HitTarget* region = target(s, id);
        ASSERT_NE(region, nullptr) << id;
        const float x = region->rect.x + region->rect.w / 2;
        const float y = region->rect.y + region->rect.h - 10;
        ui.frame(s, Pointer{x, y, false});
        for (int i = 0; i <= 10; ++i) {
            ui.frame(s, Pointer{x, y - dy * static_cast<float>(i) / 10, true});
        }
        for (int i = 0; i < 5; ++i) {
            ui.frame(s, Pointer{x, y - dy, true}, Millis{20 * i});
        }
        ui.frame(s, Pointer{x, y - dy, false});
    }
    std::vector<core::Intent> tap(const core::Session& s, std::string_view id) {
        const ui::HitTarget* t = target(s, id);
        EXPECT_NE(t, nullptr) << id;
        return t != nullptr ? ui.tap(s, t->rect) : std::vector<core::Intent>{};
    }
};

TEST_F(JobScreens, ARowOpensItsOfferAndBackLeaves) {
    ui.state().jobs.list = {offer("job-1", "Gaziantep"), offer("job-2", "Ruse")};
    const core::Session s = on(core::Screen::Jobs, "tr");
    const ui::HitTarget* row = target(s, "jobs.job-2");
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->label, "Aşçı \u2014 Ruse") << "the Turkish title and the town";
    const auto opened = tap(s, "jobs.job-2");
    ASSERT_EQ(opened.size(), 1U);
    EXPECT_EQ(std::get<core::OpenJob>(opened[0]).id, "job-2");
    const auto back = tap(s, "nav.back");
    ASSERT_EQ(back.size(), 1U);
    EXPECT_TRUE(std::holds_alternative<core::Back>(back[0]));
    EXPECT_NE(target(s, "field.search"), nullptr);
}

TEST_F(JobScreens, AnEmptyListSaysSoAndOffersOnlyBack) {
    const core::Session s = on(core::Screen::Jobs, "en");
    ui.frame(s);
    EXPECT_EQ(ui.hits().find_id("scroll.jobs"), nullptr);
    EXPECT_NE(ui.hits().find_id("nav.back"), nullptr);
}

TEST_F(JobScreens, TheDetailMirrorsInArabicWithBackOnTheRight) {
    ui.state().jobs.detail = offer("job-1", "Gaziantep");
    for (const auto& [lang, rtl] : {std::pair{"ar", true}, std::pair{"en", false}}) {
        const core::Session s = on(core::Screen::JobDetail, lang);
        const ui::HitTarget* back = target(s, "nav.back");
        ASSERT_NE(back, nullptr) << lang;
        if (rtl) {
            EXPECT_GT(back->rect.x, 640) << lang;
        } else {
            EXPECT_LT(back->rect.x + back->rect.w, 640) << lang;
        }
        EXPECT_TRUE(ui.glyphs().take_new().empty()) << lang << ": every glyph drawn";
    }
}

TEST_F(JobScreens, AnOfferGoneSinceTheListWasDrawnLeavesOnlyBack) {
    const core::Session s = on(core::Screen::JobDetail, "fa");
    ui.frame(s);
    EXPECT_EQ(ui.hits().find_id("scroll.job"), nullptr);
    EXPECT_NE(ui.hits().find_id("nav.back"), nullptr);
}

TEST_F(JobScreens, DeclinedAndDoneOpenTheList) {
    for (const core::Screen screen : {core::Screen::Declined, core::Screen::Done}) {
        const auto intents = tap(on(screen, "ps"), "jobs.open");
        ASSERT_EQ(intents.size(), 1U);
        EXPECT_TRUE(std::holds_alternative<core::OpenJobs>(intents[0]));
    }
}

// [SECTION] Filters and "Jobs for you"

core::JobListFacts some_choices() {
    core::JobListFacts facts;
    facts.matches = 1000;
    facts.more = true;
    facts.cities = {core::JobCity{"İzmir", "izmir", 12}, core::JobCity{"Ruse", "ruse", 3}};
    facts.sectors = {"C", "I"};
    return facts;
}

core::Session registered(core::Session s) {
    core::Registration profile;
    profile.city = "Gaziantep";
    profile.languages = {core::LanguageSkill{"tur", core::Cefr::B1, std::nullopt}};
    s.registered = core::VisitRegistration{"rec-1", "K4M7-Q2PH-X", profile};
    return s;
}

TEST_F(JobScreens, EachFilterChoiceEmitsTheFiltersWithThatOneChanged) {
    ui.state().jobs.list = {offer("job-1", "Ruse")};
    ui.state().jobs.facts = some_choices();
    core::Session s = on(core::Screen::Jobs, "en");
    s.job_filters.sector = "I";
    const auto city = tap(s, "filter.city.izmir");
    ASSERT_EQ(city.size(), 1U);
    const auto& chosen = std::get<core::FilterJobs>(city[0]).filters;
    EXPECT_EQ(chosen.city_key, "izmir");
    EXPECT_EQ(chosen.city, "İzmir");
    EXPECT_EQ(chosen.sector, "I") << "the other groups stay as they were";
    EXPECT_EQ(target(s, "filter.city.izmir")->label, "İzmir  (12)");

    drag_up(s, "scroll.filters", 300);  // the contracts are below the cities
    const auto contract = tap(s, "filter.contract.part_time");
    ASSERT_EQ(contract.size(), 1U);
    EXPECT_EQ(std::get<core::FilterJobs>(contract[0]).filters.contract, "part_time");

    drag_up(s, "scroll.filters", 400);
    const auto all = tap(s, "filter.sector.all");
    ASSERT_EQ(all.size(), 1U);
    EXPECT_EQ(std::get<core::FilterJobs>(all[0]).filters, core::JobFilters{})
        << "All clears its group";
    ui.frame(s);
    EXPECT_EQ(ui.hits().find_id("filter.my_languages"), nullptr)
        << "no registration: no languages to compare with";
    ASSERT_NE(ui.hits().find_id("filter.sector.C"), nullptr);
    EXPECT_EQ(ui.hits().find_id("filter.sector.A"), nullptr) << "only sectors with offers";
}

TEST_F(JobScreens, MyLanguagesIsOfferedAfterRegisteringAndToggles) {
    ui.state().jobs.facts = some_choices();
    core::Session s = registered(on(core::Screen::Jobs, "en"));
    auto on_tap = tap(s, "filter.my_languages");
    ASSERT_EQ(on_tap.size(), 1U);
    EXPECT_TRUE(std::get<core::FilterJobs>(on_tap[0]).filters.my_languages);
    s.job_filters.my_languages = true;
    on_tap = tap(s, "filter.my_languages");
    ASSERT_EQ(on_tap.size(), 1U);
    EXPECT_FALSE(std::get<core::FilterJobs>(on_tap[0]).filters.my_languages);
}

TEST_F(JobScreens, TheFiltersSitAtTheEndEdgeAndMirrorInArabic) {
    ui.state().jobs.list = {offer("job-1", "Ruse")};
    ui.state().jobs.facts = some_choices();
    for (const auto& [lang, rtl] : {std::pair{"ar", true}, std::pair{"en", false}}) {
        const core::Session s = on(core::Screen::Jobs, lang);
        const ui::HitTarget* filter = target(s, "filter.contract.all");
        const ui::HitTarget* row = ui.hits().find_id("jobs.job-1");
        ASSERT_NE(filter, nullptr) << lang;
        ASSERT_NE(row, nullptr) << lang;
        if (rtl) {
            EXPECT_LT(filter->rect.x + filter->rect.w, row->rect.x) << lang;
        } else {
            EXPECT_GT(filter->rect.x, row->rect.x + row->rect.w) << lang;
        }
        EXPECT_TRUE(ui.glyphs().take_new().empty()) << lang << ": every glyph drawn";
    }
}

TEST_F(JobScreens, TheCountSaysWhenThereAreMoreThanItCounted) {
    ui.state().jobs.list = {offer("job-1", "Ruse")};
    ui.state().jobs.facts = some_choices();
    ui.renderer().record_drawn(true);
    ui.frame(on(core::Screen::Jobs, "en"));
    auto drawn = ui.renderer().take_drawn();
    EXPECT_NE(std::find(drawn.begin(), drawn.end(), "More than 1000 jobs"), drawn.end());
    ui.state().jobs.facts.matches = 1;
    ui.state().jobs.facts.more = false;
    ui.frame(on(core::Screen::Jobs, "en"));
    drawn = ui.renderer().take_drawn();
    EXPECT_NE(std::find(drawn.begin(), drawn.end(), "1 job"), drawn.end());
}

TEST_F(JobScreens, RankedRowsSayWhyTheyFitInThePersonsLanguage) {
    core::JobCard job = offer("job-1", "Ruse");
    job.fits = {core::Reason{core::ReasonKind::SpeaksLanguage, 10, "tur", core::Cefr::B1,
                             core::Cefr::B1, std::nullopt, std::nullopt}};
    job.missing = {core::Reason{core::ReasonKind::OtherPlace, 0, "Ruse", std::nullopt, std::nullopt,
                                std::nullopt, std::nullopt},
                   core::Reason{core::ReasonKind::NeedsLanguage, -24, "bul", std::nullopt,
                                core::Cefr::B1, std::nullopt, std::nullopt}};
    ui.state().jobs.list = {job};
    ui.state().jobs.facts = some_choices();
    ui.state().jobs.facts.ranked = true;
    ui.renderer().record_drawn(true);
    const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
        {"en", {"Jobs for you", "You speak Turkish B1", "Needs Bulgarian B1"}},
        {"ar", {"وظائف تناسبك", "تتحدث التركية B1", "يحتاج البلغارية B1"}},
    };
    for (const auto& [lang, texts] : expected) {
        const core::Session s = registered(on(core::Screen::Jobs, lang));
        const ui::HitTarget* row = target(s, "jobs.job-1");
        ASSERT_NE(row, nullptr) << lang;
        EXPECT_GT(row->rect.h, ui.context().theme.button_h) << "a second line for the reasons";
        const auto drawn = ui.renderer().take_drawn();
        for (const std::string& text : texts) {
            EXPECT_NE(std::find(drawn.begin(), drawn.end(), text), drawn.end())
                << lang << ": " << text;
        }
        EXPECT_TRUE(ui.glyphs().take_new().empty()) << lang << ": every glyph drawn";
        const auto opened = tap(s, "jobs.job-1");
        ASSERT_EQ(opened.size(), 1U) << lang;
        EXPECT_EQ(std::get<core::OpenJob>(opened[0]).id, "job-1");
    }
}

TEST_F(JobScreens, TenThousandRowsBuildOnlyWhatShows) {
    for (int i = 0; i < 10'000; ++i) {
        ui.state().jobs.list.push_back(offer("job-" + std::to_string(i), "Ruse"));
    }
    const core::Session s = on(core::Screen::Jobs, "en");
    ui.frame(s);
    ui.frame(s);
    const auto rows =
        std::count_if(ui.hits().targets.begin(), ui.hits().targets.end(),
                      [](const ui::HitTarget& t) { return t.id.starts_with("jobs."); });
    EXPECT_GT(rows, 0);
    EXPECT_LT(rows, 20);
    EXPECT_EQ(ui.hits().find_id("jobs.job-9999"), nullptr);
}

TEST(JobScrollMemory, TheListKeepsItsOffsetAndStopsWhileAnOfferIsOpen) {
    ui::ScrollMemory memory;
    memory.at("jobs").offset = 1234;
    memory.at("jobs").velocity = 900;
    memory.at("filters").offset = 50;
    memory.keep_only("jobs");
    const ui::ScrollState* kept = memory.find("jobs");
    ASSERT_NE(kept, nullptr);
    EXPECT_FLOAT_EQ(kept != nullptr ? kept->offset : 0.0F, 1234.0F);
    EXPECT_FALSE(memory.animating()) << "a fling does not go on behind the offer";
    EXPECT_EQ(memory.find("filters"), nullptr);
}

// [SECTION] The app reads the list

sync::JobOffer stored_offer(std::string id, std::string city, sync::Contract contract,
                            std::vector<sync::RequiredLanguage> languages) {
    sync::JobOffer o;
    o.id = std::move(id);
    o.title = {{"en", "Helper " + o.id}, {"tr", "Yardımcı " + o.id}};
    o.employer = "Example Works (made up)";
    o.city = std::move(city);
    o.country = "TR";
    o.sector = "C";
    o.occupation = "9329";
    o.contract = contract;
    o.hours_per_week = 40;
    o.languages = std::move(languages);
    o.work_permit = sync::PermitRule::employer_applies;
    o.expires = "2027-06-30";
    return o;
}

class JobList : public ::testing::Test {
  protected:
    static constexpr std::string_view kToday = "2027-03-01";

    void SetUp() override {
        auto opened = store::Database::open(dir_ / "kiosk.db");
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        db_.emplace(std::move(opened).value());
    }
    void store_offers(const std::vector<sync::JobOffer>& offers) {
        std::vector<store::JobOffer> page;
        for (const auto& o : offers) {
            page.push_back(store::JobOffer{o.id, sync::canonical_offer_text(o)});
        }
        ASSERT_TRUE(store::apply_offer_page(*db_, page, {}, "e1-1", "e1").ok());
    }
    core::Session jobs() {
        core::Session s = core::fresh_session(core::KioskSettings{}, Millis{0});
        s.screen = core::Screen::Jobs;
        return s;
    }
    std::vector<std::string> ids() const {
        std::vector<std::string> out;
        for (const auto& card : screens_.list) {
            out.push_back(card.id);
        }
        return out;
    }

    store::testing::TempDir dir_;
    std::optional<store::Database> db_;
    app::JobScreens screens_;
};

TEST_F(JobList, FiltersReachTheStoreAndTheChoicesAreRead) {
    store_offers({stored_offer("a", "Bursa", sync::Contract::full_time, {}),
                  stored_offer("b", "İzmir", sync::Contract::part_time, {}),
                  stored_offer("c", "İzmir", sync::Contract::full_time, {})});
    core::Session s = jobs();
    app::refresh_job_screens(*db_, s, kToday, screens_);
    EXPECT_EQ(screens_.list.size(), 3U);
    EXPECT_EQ(screens_.facts.matches, 3);
    EXPECT_FALSE(screens_.facts.ranked);
    ASSERT_EQ(screens_.facts.cities.size(), 2U);
    EXPECT_EQ(screens_.facts.cities[0], (core::JobCity{"İzmir", "izmir", 2}));
    EXPECT_EQ(screens_.facts.sectors, std::vector<std::string>{"C"});

    s.job_filters.city_key = "izmir";
    s.job_filters.contract = "full_time";
    app::refresh_job_screens(*db_, s, kToday, screens_);
    EXPECT_EQ(ids(), std::vector<std::string>{"c"});
    EXPECT_EQ(screens_.facts.matches, 1);
}

TEST_F(JobList, ALongListIsReadAPageAtATimeAsFarAsWanted) {
    std::vector<sync::JobOffer> offers;
    for (int i = 0; i < 250; ++i) {
        offers.push_back(
            stored_offer("o" + std::to_string(i), "Bursa", sync::Contract::full_time, {}));
    }
    store_offers(offers);
    const core::Session s = jobs();
    app::refresh_job_screens(*db_, s, kToday, screens_, 10);
    EXPECT_EQ(screens_.list.size(), app::kJobPage);
    EXPECT_EQ(screens_.facts.matches, 250);
    app::refresh_job_screens(*db_, s, kToday, screens_, 150);
    EXPECT_EQ(screens_.list.size(), 2 * app::kJobPage) << "the next page only";
    app::refresh_job_screens(*db_, s, kToday, screens_, 100'000);
    EXPECT_EQ(screens_.list.size(), 250U);
    EXPECT_TRUE(screens_.list_complete);
}

TEST_F(JobList, ARegistrationOfTheVisitRanksTheListAndMyLanguagesFilters) {
    store_offers({stored_offer("needs-bulgarian", "Gaziantep", sync::Contract::full_time,
                               {sync::RequiredLanguage{"bul", core::Cefr::B1}}),
                  stored_offer("turkish-here", "Gaziantep", sync::Contract::full_time,
                               {sync::RequiredLanguage{"tur", core::Cefr::A2}}),
                  stored_offer("turkish-there", "Ruse", sync::Contract::full_time,
                               {sync::RequiredLanguage{"tur", core::Cefr::A2}})});
    core::Session s = registered(jobs());
    app::refresh_job_screens(*db_, s, kToday, screens_);
    EXPECT_TRUE(screens_.facts.ranked);
    EXPECT_EQ(ids(),
              (std::vector<std::string>{"turkish-here", "turkish-there", "needs-bulgarian"}));
    const core::JobCard& best = screens_.list.front();
    ASSERT_FALSE(best.fits.empty());
    EXPECT_TRUE(std::any_of(best.fits.begin(), best.fits.end(), [](const core::Reason& r) {
        return r.kind == core::ReasonKind::NearHome;
    }));
    ASSERT_FALSE(screens_.list.back().missing.empty());
    EXPECT_EQ(screens_.list.back().missing.front().kind, core::ReasonKind::NeedsLanguage);

    s.search = "ruse";
    app::refresh_job_screens(*db_, s, kToday, screens_);
    EXPECT_EQ(ids(), std::vector<std::string>{"turkish-there"}) << "only the matches, ranked";

    s.search.clear();
    s.job_filters.my_languages = true;
    app::refresh_job_screens(*db_, s, kToday, screens_);
    EXPECT_EQ(ids(), (std::vector<std::string>{"turkish-here", "turkish-there"}));
}

}  // namespace
}  // namespace kiosk::test

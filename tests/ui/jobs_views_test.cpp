// The job screens drawn headless (kiosk/ui/jobs_view.cpp, job_detail_view.cpp) from offers the
// app would have read (AppState::jobs): rows open their offer, the detail states its facts in the
// person's language and mirrors in Arabic, a vanished offer leaves only Back, and Declined and
// Done open the list. Offers are made up.
#include <gtest/gtest.h>

#include "headless_ui.hpp"
#include "kiosk/core/session.hpp"

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

}  // namespace
}  // namespace kiosk::test

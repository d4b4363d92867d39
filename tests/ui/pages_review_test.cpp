// The review screen driven headlessly: a made-up draft's answers are drawn in plain words of the
// session's language (never as stored values), typed text keeps its own direction, every group's
// Change goes to its screen, Save records Submit, and nothing is tappable while saving.
#include <gtest/gtest.h>

#include <algorithm>

#include "kiosk/i18n/bidi.hpp"
#include "kiosk/i18n/occupations.hpp"
#include "pages_test_support.hpp"

namespace kiosk::test {
namespace {

using i18n::isolate;
using i18n::TextDirection;

// Made-up person; nothing here belongs to anyone.
core::Registration made_up_draft() {
    core::Registration d;
    d.given_name = "Amina";
    d.family_name = "Haddad";
    d.phone = core::Phone{"+90", "0532 111 22 33"};
    d.email = "amina.h@example.org";
    d.year_of_birth = 1990;
    d.gender = core::Gender::Female;
    d.nationality = "SY";
    d.city = "غازي عنتاب";
    d.languages = {{"ara", core::Cefr::C2, core::Written::B2},
                   {"tur", core::Cefr::A2, core::Written::DoesNotWrite}};
    d.education = core::Education{3, "05"};
    d.occupations = {{"isco.7531", ""}, {"", "Sewing curtains"}};
    d.work_history = {{"Tailor", "SY", 2010, 2015, false},
                      {"Cook", "TR", 2019, std::nullopt, true}};
    d.prior_learning = {{"Turkish course", true}};
    d.availability = core::Availability{core::AvailableFrom::Now, core::Hours::PartTime};
    d.work_permit = core::WorkPermit::Applied;
    d.preferences = core::JobPreferences{{"C", "I"}, core::Hours::Either, {"Gaziantep"}};
    d.consent_version = "1";
    d.consent_unix_seconds = 1'700'000'000;
    return d;
}

core::Session on_review(std::string_view language) {
    core::Session s = on_screen(core::Screen::Review, language);
    s.draft = made_up_draft();
    return s;
}

class ReviewView : public ::testing::TestWithParam<const char*> {
  protected:
    // Tall enough that every group is on screen without scrolling.
    HeadlessUi ui{1280, 6000};
    float body() { return ui::body_px(ui.context().theme); }
};

TEST_P(ReviewView, ShowsEveryAnswerInPlainWordsOfTheLanguage) {
    const std::string lang = GetParam();
    ui.frame(on_review(lang));
    const i18n::Translator t = ui.catalogue().translator(lang);
    const TextDirection ltr = TextDirection::ltr;
    const std::vector<std::string> expected = {
        isolate("Amina", ltr),
        isolate("Haddad", ltr),
        isolate("+90 0532 111 22 33", ltr),
        isolate("amina.h@example.org", ltr),
        isolate("1990", ltr),
        t("reg.gender.female"),
        isolate("غازي عنتاب", TextDirection::rtl),
        t.format("reg.review.spoken", {{"level", t("reg.cefr.C2")}}),
        t.format("reg.review.written", {{"level", t("reg.cefr.B2")}}),
        t.format("reg.review.spoken", {{"level", t("reg.cefr.A2")}}),
        t("reg.languages_written.does_not_write"),
        t("reg.isced.3"),
        t("reg.education_field.05"),
        isolate("Sewing curtains", ltr),
        isolate("Tailor", ltr),
        t.format("reg.review.years",
                 {{"from", isolate("2010", ltr)}, {"to", isolate("2015", ltr)}}),
        t.format("reg.review.years_ongoing", {{"from", isolate("2019", ltr)}}),
        isolate("Turkish course", ltr),
        t("reg.prior_learning_has_documents.label"),
        t("reg.availability_when.now"),
        t("reg.hours.part_time"),
        t("reg.work_permit.applied"),
        t("reg.isic.C"),
        t("reg.isic.I"),
        t("reg.hours.either"),
        isolate("Gaziantep", ltr),
    };
    // Answers the draft does not hold must not be on the page: checked first, as asking
    // shapes them.
    for (const char* absent : {"reg.gender.male", "reg.isic.A", "reg.work_permit.has_permit"}) {
        EXPECT_FALSE(was_shaped(ui, t(absent), lang, body())) << absent << " is not an answer";
    }
    for (const std::string& text : expected) {
        EXPECT_TRUE(was_shaped(ui, text, lang, body())) << "not drawn: " << text;
    }
}

TEST_P(ReviewView, PhoneAndEmailReadLeftToRightOnEveryPage) {
    const std::string lang = GetParam();
    ui.frame(on_review(lang));
    for (const std::string text : {"+90 0532 111 22 33", "amina.h@example.org"}) {
        const std::string drawn = isolate(text, TextDirection::ltr);
        ASSERT_TRUE(was_shaped(ui, drawn, lang, body())) << text;
        const std::vector<std::uint32_t> clusters = visual_clusters(ui, drawn, lang, body());
        EXPECT_FALSE(clusters.empty());
        EXPECT_TRUE(std::is_sorted(clusters.begin(), clusters.end())) << text;
    }
}

TEST_P(ReviewView, EveryChangeButtonGoesToItsScreen) {
    const core::Session s = on_review(GetParam());
    for (const core::Screen screen : core::kRegistrationScreens) {
        const std::string id = "review.change." + std::string(ui::screen_name(screen));
        const auto out = tap_id(ui, s, id);
        const auto* go = only<core::GoTo>(out);
        ASSERT_NE(go, nullptr) << id;
        EXPECT_EQ(go->screen, screen) << id;
        const core::Session after = core::reduce(s, out[0], Millis{2000});
        EXPECT_EQ(after.screen, screen);
        EXPECT_TRUE(after.review_return) << "its Next comes back to the review";
    }
}

TEST_P(ReviewView, ChangeButtonsSitAtTheEndEdge) {
    ui.frame(on_review(GetParam()));
    const ui::Rect change = ui.hits().find_id("review.change.name")->rect;
    const bool rtl = std::string_view(GetParam()) == "ar";
    if (rtl) {
        EXPECT_LT(change.x, 1280.0F / 4);
    } else {
        EXPECT_GT(change.x + change.w, 1280.0F * 3 / 4);
    }
    EXPECT_GE(change.h, 48.0F);
}

TEST_P(ReviewView, SaveRecordsSubmitAndBackRecordsBack) {
    const core::Session s = on_review(GetParam());
    EXPECT_NE(only<core::Submit>(tap_id(ui, s, "review.submit")), nullptr);
    EXPECT_NE(only<core::Back>(tap_id(ui, s, "nav.back")), nullptr);
    ui.frame(s);
    EXPECT_EQ(ui.hits().find_id("review.submit")->label,
              ui.catalogue().tr(GetParam(), "reg.submit.label"));
}

TEST_P(ReviewView, NothingIsTappableWhileSaving) {
    core::Session s = on_review(GetParam());
    s.saving = true;
    ui.frame(s);
    EXPECT_TRUE(button_ids(ui.hits()).empty());
    EXPECT_TRUE(
        was_shaped(ui, ui.catalogue().tr(GetParam(), "reg.submit.saving"), GetParam(), body()));
}

TEST_P(ReviewView, AFailedSaveSaysNothingIsLostAndOffersSaveAgain) {
    core::Session s = on_review(GetParam());
    const ui::Theme theme = ui.context().theme;
    ui.frame(s);
    EXPECT_FALSE(ui.last_frame_used_colour(theme.colors.error));
    s.save_error = "store.io";
    ui.frame(s);
    EXPECT_TRUE(ui.last_frame_used_colour(theme.colors.error)) << "the message is in red";
    EXPECT_NE(only<core::Submit>(tap_id(ui, s, "review.submit")), nullptr);
}

TEST_P(ReviewView, AnEmptyDraftSaysNotGivenAndStillOffersEveryChange) {
    core::Session s = on_screen(core::Screen::Review, GetParam());
    ui.frame(s);
    EXPECT_TRUE(
        was_shaped(ui, ui.catalogue().tr(GetParam(), "reg.review.not_given"), GetParam(), body()));
    for (const core::Screen screen : core::kRegistrationScreens) {
        EXPECT_NE(ui.hits().find_id("review.change." + std::string(ui::screen_name(screen))),
                  nullptr);
    }
}

INSTANTIATE_TEST_SUITE_P(Languages, ReviewView, ::testing::Values("en", "ar"),
                         [](const auto& param_info) { return std::string(param_info.param); });

// Occupations picked from the catalogue are named in the person's language; before the app
// hands the catalogue over, the id is shown rather than nothing.
TEST(ReviewOccupations, NamesCatalogueEntriesInTheSessionsLanguage) {
    HeadlessUi ui{1280, 6000};
    const auto occupations =
        i18n::OccupationCatalogue::load_directory(KIOSK_ASSETS_DIR "/occupations");
    ASSERT_TRUE(occupations.ok()) << occupations.error().message;
    const core::Session s = on_review("ar");
    ui.frame(s);  // no catalogue in the harness's context
    const float body = ui::body_px(ui.context().theme);
    EXPECT_TRUE(was_shaped(ui, isolate("isco.7531", TextDirection::ltr), "ar", body));

    ui::ViewContext ctx = ui.context();
    ctx.occupations = &*occupations;
    std::vector<core::Intent> out;
    ImGui::NewFrame();
    ui::draw_screen(s, ctx, Millis{0}, out);
    ImGui::Render();
    const std::string tailor(occupations->label("isco.7531", "ar"));
    ASSERT_NE(tailor, "isco.7531");
    EXPECT_TRUE(was_shaped(ui, isolate(tailor, TextDirection::rtl), "ar", body));
}

// The review builds choice keys from the core's stored values ("reg.gender." + "female"): every
// value of every closed choice must have a text in every shipped language, or a person would
// see a key.
TEST(ReviewChoices, EveryStoredValueHasATextInEveryLanguage) {
    const auto catalogue = i18n::Catalogue::load_directory(KIOSK_ASSETS_DIR "/i18n");
    ASSERT_TRUE(catalogue.ok()) << catalogue.error().message;
    std::vector<std::string> keys;
    for (const auto g : {core::Gender::Female, core::Gender::Male, core::Gender::Other,
                         core::Gender::PreferNotToSay}) {
        keys.push_back("reg.gender." + std::string(core::to_string(g)));
    }
    for (const auto c : {core::Cefr::A1, core::Cefr::A2, core::Cefr::B1, core::Cefr::B2,
                         core::Cefr::C1, core::Cefr::C2}) {
        keys.push_back("reg.cefr." + std::string(core::to_string(c)));
    }
    for (const auto w : {core::Written::A1, core::Written::A2, core::Written::B1, core::Written::B2,
                         core::Written::C1, core::Written::C2}) {
        keys.push_back("reg.cefr." + std::string(core::to_string(w)));
    }
    for (const auto a : {core::AvailableFrom::Now, core::AvailableFrom::WithinAMonth,
                         core::AvailableFrom::Later}) {
        keys.push_back("reg.availability_when." + std::string(core::to_string(a)));
    }
    for (const auto h : {core::Hours::FullTime, core::Hours::PartTime, core::Hours::Either}) {
        keys.push_back("reg.hours." + std::string(core::to_string(h)));
    }
    for (const auto p :
         {core::WorkPermit::HasPermit, core::WorkPermit::Applied, core::WorkPermit::NoPermit,
          core::WorkPermit::NotNeeded, core::WorkPermit::DoesNotKnow}) {
        keys.push_back("reg.work_permit." + std::string(core::to_string(p)));
    }
    for (int level = 0; level <= 8; ++level) {
        keys.push_back("reg.isced." + std::to_string(level));
    }
    for (const char* field :
         {"00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "99"}) {
        keys.push_back("reg.education_field." + std::string(field));
    }
    for (char section = 'A'; section <= 'U'; ++section) {
        keys.push_back("reg.isic." + std::string(1, section));
    }
    keys.push_back("reg.nationality." + std::string(core::kStateless));
    keys.push_back("reg.nationality." + std::string(core::kPreferNotToSay));
    ASSERT_EQ(catalogue->languages().size(), 9U);
    for (const std::string& lang : catalogue->languages()) {
        for (const std::string& key : keys) {
            EXPECT_TRUE(catalogue->has_translation(lang, key)) << lang << ": " << key;
        }
    }
}

}  // namespace
}  // namespace kiosk::test

// The registration screens languages, education, occupations, work history, prior learning,
// availability and preferences, driven headlessly with the real catalogue, fonts, shaper and
// occupations catalogue: taps record the edited draft, "add" opens the keyboard on the new entry,
// year fields use the number pad, errors are drawn, and right-to-left languages mirror the page.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "headless_ui.hpp"
#include "kiosk/i18n/occupations.hpp"
#include "kiosk/ui/layout.hpp"

namespace kiosk::test {
namespace {

// HeadlessUi with the occupations catalogue in the view context (HeadlessUi's own frames have
// none) and the translator of the session's language.
class StepScreens {
  public:
    StepScreens(int width, int height) : ui_(width, height) {
        auto loaded = i18n::OccupationCatalogue::load_directory(KIOSK_ASSETS_DIR "/occupations");
        EXPECT_TRUE(loaded.ok()) << (loaded ? "" : loaded.error().message);
        if (loaded) {
            occupations_ = std::move(*loaded);
        }
    }

    std::vector<core::Intent> frame(const core::Session& session, Pointer pointer = {}) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(pointer.x, pointer.y);
        io.MouseDown[0] = pointer.down;
        translator_.emplace(ui_.catalogue().translator(session.language));
        ui::ViewContext ctx = ui_.context();
        ctx.translator = &*translator_;
        ctx.direction = ui::ui_direction(session.language);
        ctx.occupations = &occupations_;
        std::vector<core::Intent> out;
        ImGui::NewFrame();
        ui::draw_screen(session, ctx, Millis{0}, out);
        ImGui::Render();
        ui_.renderer().flush();
        return out;
    }

    // The target `id` as the session draws it now, or nullopt.
    std::optional<ui::HitTarget> find(const core::Session& session, std::string_view id) {
        frame(session);
        const ui::HitTarget* t = ui_.hits().find_id(id);
        return t != nullptr ? std::optional<ui::HitTarget>(*t) : std::nullopt;
    }

    ui::HitTarget target(const core::Session& session, std::string_view id) {
        auto t = find(session, id);
        EXPECT_TRUE(t.has_value()) << "no hit target " << id << " on " << ui_.hits().screen;
        return t.value_or(ui::HitTarget{});
    }

    // A finger tapping the target `id`; the intents of the move, press and release frames.
    std::vector<core::Intent> tap(const core::Session& session, std::string_view id) {
        const ui::HitTarget t = target(session, id);
        std::vector<core::Intent> all;
        for (const bool down : {false, true, false}) {
            auto out = frame(session, {t.rect.center_x(), t.rect.center_y(), down});
            all.insert(all.end(), out.begin(), out.end());
        }
        frame(session);  // the finger has gone
        return all;
    }

    bool drew_error(const core::Session& session) {
        frame(session);
        return ui_.last_frame_used_colour(ui_.context().theme.colors.error);
    }

    const i18n::OccupationCatalogue& occupations() const { return occupations_; }

  private:
    HeadlessUi ui_;
    i18n::OccupationCatalogue occupations_;
    std::optional<i18n::Translator> translator_;
};

core::Session on(core::Screen screen, std::string_view language = "en") {
    core::Session s;
    s.screen = screen;
    s.language = std::string(language);
    s.settings.current_year = 2026;
    return s;
}

// The one EditDraft among `intents` (fails when there is not exactly one).
core::Registration edited(const std::vector<core::Intent>& intents) {
    std::vector<core::Registration> drafts;
    for (const auto& i : intents) {
        if (const auto* e = std::get_if<core::EditDraft>(&i)) {
            drafts.push_back(e->draft);
        }
    }
    EXPECT_EQ(drafts.size(), 1U) << "expected one EditDraft";
    return drafts.empty() ? core::Registration{} : drafts.front();
}

std::optional<core::FocusField> focused(const std::vector<core::Intent>& intents) {
    for (const auto& i : intents) {
        if (const auto* f = std::get_if<core::FocusField>(&i)) {
            return *f;
        }
    }
    return std::nullopt;
}

// As wide as a 1280×800 kiosk but tall enough that every screen's content is on screen without
// scrolling (scrolling is the touch list's own business and tested there).
class StepViews : public ::testing::Test {
  protected:
    StepScreens screens{1280, 3200};
};

// --- Availability ---

TEST_F(StepViews, AvailabilityChoicesRecordTheirValue) {
    core::Session s = on(core::Screen::Availability);
    s.draft.availability.when = core::AvailableFrom::Now;
    const auto hours = edited(screens.tap(s, "availability.hours.part_time"));
    EXPECT_EQ(hours.availability.hours, core::Hours::PartTime);
    EXPECT_EQ(hours.availability.when, core::AvailableFrom::Now) << "other answers are kept";
    EXPECT_EQ(edited(screens.tap(s, "availability.when.within_a_month")).availability.when,
              core::AvailableFrom::WithinAMonth);
    EXPECT_EQ(edited(screens.tap(s, "work_permit.does_not_know")).work_permit,
              core::WorkPermit::DoesNotKnow);
}

TEST_F(StepViews, AvailabilityShowsItsErrors) {
    core::Session s = on(core::Screen::Availability);
    EXPECT_FALSE(screens.drew_error(s));
    s.errors = {{"work_permit", "required"}};
    EXPECT_TRUE(screens.drew_error(s));
}

// --- Education ---

TEST_F(StepViews, EducationLevelAndFieldAreChoices) {
    core::Session s = on(core::Screen::Education);
    EXPECT_EQ(edited(screens.tap(s, "education.level.6")).education.isced_level, 6);
    EXPECT_EQ(edited(screens.tap(s, "education.level.0")).education.isced_level, 0);
    EXPECT_EQ(edited(screens.tap(s, "education.field.06")).education.isced_field, "06");
    s.draft.education.isced_field = "06";
    EXPECT_EQ(edited(screens.tap(s, "education.field.06")).education.isced_field, "")
        << "the field is optional: tapping the chosen one takes it back";
    EXPECT_EQ(edited(screens.tap(s, "education.field.99")).education.isced_field, "99");
}

TEST_F(StepViews, EducationLevelErrorIsDrawn) {
    core::Session s = on(core::Screen::Education);
    s.errors = {{"education.level", "required"}};
    EXPECT_TRUE(screens.drew_error(s));
}

// --- Languages ---

TEST_F(StepViews, AddingALanguageOpensTheListAndCancelDropsIt) {
    core::Session s = on(core::Screen::Languages);
    s.draft.languages = {{"ara", core::Cefr::C2, core::Written::C2}};
    const auto added = edited(screens.tap(s, "languages.add"));
    ASSERT_EQ(added.languages.size(), 2U);
    EXPECT_EQ(added.languages[0].code, "ara");
    EXPECT_EQ(added.languages[1], core::LanguageSkill{});

    s.draft = added;  // the list shows while the new entry has no code
    EXPECT_TRUE(screens.find(s, "field.search").has_value());
    EXPECT_FALSE(screens.find(s, "languages[0].spoken.C2").has_value());
    EXPECT_TRUE(screens.find(s, "nav.next").has_value());
    const auto cancelled = edited(screens.tap(s, "languages.cancel"));
    ASSERT_EQ(cancelled.languages.size(), 1U);
    EXPECT_EQ(cancelled.languages[0].code, "ara");
}

TEST_F(StepViews, LanguageLevelsAndRemove) {
    core::Session s = on(core::Screen::Languages);
    s.draft.languages = {{"tur", std::nullopt, std::nullopt}, {"kmr", core::Cefr::A1, {}}};
    EXPECT_EQ(edited(screens.tap(s, "languages[1].spoken.B2")).languages[1].spoken, core::Cefr::B2);
    EXPECT_EQ(edited(screens.tap(s, "languages[0].written.does_not_write")).languages[0].written,
              core::Written::DoesNotWrite);
    EXPECT_EQ(edited(screens.tap(s, "languages[1].written.C1")).languages[1].written,
              core::Written::C1);
    const auto removed = edited(screens.tap(s, "languages[0].remove"));
    ASSERT_EQ(removed.languages.size(), 1U);
    EXPECT_EQ(removed.languages[0].code, "kmr");
}

TEST_F(StepViews, LanguageErrorsAreDrawn) {
    core::Session s = on(core::Screen::Languages);
    EXPECT_FALSE(screens.drew_error(s));
    s.errors = {{"languages", "required"}};
    EXPECT_TRUE(screens.drew_error(s));
    s.draft.languages = {{"ara", {}, {}}};
    s.errors = {{"languages[0].spoken", "required"}};
    EXPECT_TRUE(screens.drew_error(s));
}

// --- Occupations ---

TEST_F(StepViews, OccupationListTapAddsTheCatalogueId) {
    core::Session s = on(core::Screen::Occupations, "tr");
    s.search = "marangoz";
    const ui::HitTarget row = screens.target(s, "occupations.list.isco.7115");
    EXPECT_EQ(row.label, "Marangoz");
    const auto picked = edited(screens.tap(s, "occupations.list.isco.7115"));
    ASSERT_EQ(picked.occupations.size(), 1U);
    EXPECT_EQ(picked.occupations[0], (core::Occupation{"isco.7115", ""}));
}

TEST_F(StepViews, ChosenOccupationIsAChipThatRemovesItselfAndLeavesTheList) {
    core::Session s = on(core::Screen::Occupations);
    s.draft.occupations = {{"isco.5120", ""}, {"isco.7115", ""}};
    const ui::HitTarget chip = screens.target(s, "occupations[1].remove");
    EXPECT_NE(chip.label.find("Carpenter"), std::string::npos) << chip.label;
    s.search = "carpenter";
    EXPECT_FALSE(screens.find(s, "occupations.list.isco.7115").has_value())
        << "a chosen entry is not offered again";
    const auto removed = edited(screens.tap(s, "occupations[1].remove"));
    EXPECT_EQ(removed.occupations, (std::vector<core::Occupation>{{"isco.5120", ""}}));
}

TEST_F(StepViews, OwnWordsAddsAnEntryAndOpensTheKeyboardOnIt) {
    core::Session s = on(core::Screen::Occupations, "fa");
    s.draft.occupations = {{"isco.5120", ""}};
    const auto intents = screens.tap(s, "occupations.own_words");
    const auto draft = edited(intents);
    ASSERT_EQ(draft.occupations.size(), 2U);
    EXPECT_EQ(draft.occupations[1], core::Occupation{});
    const auto focus = focused(intents);
    ASSERT_TRUE(focus.has_value());
    EXPECT_EQ(focus->field, "occupations[1].free_text");
    EXPECT_NE(focus->layout, "digits");

    s.draft = draft;
    EXPECT_TRUE(screens.find(s, "field.occupations[1].free_text").has_value());
    EXPECT_EQ(edited(screens.tap(s, "occupations[1].remove")).occupations.size(), 1U);
}

TEST_F(StepViews, OccupationSearchWithNoHitsListsNothing) {
    core::Session s = on(core::Screen::Occupations);
    s.search = "zzzz";
    screens.frame(s);
    EXPECT_FALSE(screens.find(s, "occupations.list.isco.7115").has_value());
    s.search.clear();
    EXPECT_TRUE(screens.find(s, "field.search").has_value());
}

// --- Work history ---

TEST_F(StepViews, AddingAJobOpensTheKeyboardOnItsRole) {
    core::Session s = on(core::Screen::WorkHistory);
    const auto intents = screens.tap(s, "work_history.add");
    const auto draft = edited(intents);
    ASSERT_EQ(draft.work_history.size(), 1U);
    EXPECT_EQ(draft.work_history[0], core::WorkEntry{});
    const auto focus = focused(intents);
    ASSERT_TRUE(focus.has_value());
    EXPECT_EQ(focus->field, "work_history[0].role");
}

TEST_F(StepViews, YearsUseTheNumberPad) {
    core::Session s = on(core::Screen::WorkHistory);
    s.draft.work_history = {{"Cook", "SY", 2015, 2019, false}};
    for (const char* field : {"work_history[0].from_year", "work_history[0].to_year"}) {
        const auto focus = focused(screens.tap(s, "field." + std::string(field)));
        ASSERT_TRUE(focus.has_value()) << field;
        EXPECT_EQ(focus->field, field);
        EXPECT_EQ(focus->layout, "digits");
    }
    const auto role = focused(screens.tap(s, "field.work_history[0].role"));
    ASSERT_TRUE(role.has_value());
    EXPECT_NE(role->layout, "digits");
}

TEST_F(StepViews, StillWorkingThereDropsTheEndYearAndHidesIt) {
    core::Session s = on(core::Screen::WorkHistory);
    s.draft.work_history = {{"Cook", "SY", 2015, 2019, false}};
    const auto draft = edited(screens.tap(s, "work_history[0].ongoing"));
    EXPECT_TRUE(draft.work_history[0].ongoing);
    EXPECT_EQ(draft.work_history[0].to_year, std::nullopt);
    EXPECT_EQ(draft.work_history[0].from_year, 2015);
    s.draft = draft;
    EXPECT_FALSE(screens.find(s, "field.work_history[0].to_year").has_value());
    EXPECT_FALSE(edited(screens.tap(s, "work_history[0].ongoing")).work_history[0].ongoing);
}

TEST_F(StepViews, RemovingAJobKeepsTheOthers) {
    core::Session s = on(core::Screen::WorkHistory);
    s.draft.work_history = {{"Cook", "SY", 2015, 2019, false}, {"Driver", "TR", 2020, {}, true}};
    const auto draft = edited(screens.tap(s, "work_history[0].remove"));
    ASSERT_EQ(draft.work_history.size(), 1U);
    EXPECT_EQ(draft.work_history[0].role, "Driver");
}

TEST_F(StepViews, ChosenCountryCanBeChangedAndAnEmptyOneShowsTheSearch) {
    core::Session s = on(core::Screen::WorkHistory);
    s.draft.work_history = {{"Cook", "SY", 2015, 2019, false}};
    EXPECT_FALSE(screens.find(s, "field.search").has_value());
    const auto draft = edited(screens.tap(s, "work_history[0].country"));
    EXPECT_EQ(draft.work_history[0].country, "");
    s.draft = draft;
    EXPECT_TRUE(screens.find(s, "field.search").has_value());
}

TEST_F(StepViews, WorkHistoryErrorsAreDrawn) {
    core::Session s = on(core::Screen::WorkHistory);
    s.draft.work_history = {{"Cook", "SY", 2015, 2019, false}};
    EXPECT_FALSE(screens.drew_error(s));
    s.errors = {{"work_history[0].country", "invalid_country"}};
    EXPECT_TRUE(screens.drew_error(s));
}

// --- Prior learning ---

TEST_F(StepViews, PriorLearningAddToggleRemove) {
    core::Session s = on(core::Screen::PriorLearning);
    const auto intents = screens.tap(s, "prior_learning.add");
    const auto added = edited(intents);
    ASSERT_EQ(added.prior_learning.size(), 1U);
    ASSERT_TRUE(focused(intents).has_value());
    EXPECT_EQ(focused(intents)->field, "prior_learning[0].description");

    s.draft.prior_learning = {{"Sewing course", false}, {"First aid", true}};
    const auto toggled = edited(screens.tap(s, "prior_learning[0].has_documents"));
    EXPECT_TRUE(toggled.prior_learning[0].has_documents);
    EXPECT_TRUE(toggled.prior_learning[1].has_documents);
    EXPECT_FALSE(
        edited(screens.tap(s, "prior_learning[1].has_documents")).prior_learning[1].has_documents);
    const auto removed = edited(screens.tap(s, "prior_learning[0].remove"));
    EXPECT_EQ(removed.prior_learning, (std::vector<core::PriorLearning>{{"First aid", true}}));
}

// --- Preferences ---

TEST_F(StepViews, SectorsAreSeveralChoices) {
    core::Session s = on(core::Screen::Preferences);
    s.draft.preferences.sectors = {"F"};
    EXPECT_EQ(edited(screens.tap(s, "preferences.sectors.C")).preferences.sectors,
              (std::vector<std::string>{"C", "F"}));
    EXPECT_EQ(edited(screens.tap(s, "preferences.sectors.F")).preferences.sectors,
              std::vector<std::string>{});
}

TEST_F(StepViews, PreferredHoursCanBeTakenBack) {
    core::Session s = on(core::Screen::Preferences);
    EXPECT_EQ(edited(screens.tap(s, "preferences.hours.either")).preferences.hours,
              core::Hours::Either);
    s.draft.preferences.hours = core::Hours::Either;
    EXPECT_EQ(edited(screens.tap(s, "preferences.hours.either")).preferences.hours, std::nullopt);
}

TEST_F(StepViews, CitiesAddAndRemove) {
    core::Session s = on(core::Screen::Preferences);
    const auto intents = screens.tap(s, "preferences.cities.add");
    EXPECT_EQ(edited(intents).preferences.cities, std::vector<std::string>{""});
    ASSERT_TRUE(focused(intents).has_value());
    EXPECT_EQ(focused(intents)->field, "preferences.cities[0]");
    s.draft.preferences.cities = {"Gaziantep", "İzmir"};
    EXPECT_TRUE(screens.find(s, "field.preferences.cities[1]").has_value());
    EXPECT_EQ(edited(screens.tap(s, "preferences.cities[0].remove")).preferences.cities,
              std::vector<std::string>{"İzmir"});
}

// --- Every screen: the frame, mirroring, nothing off screen ---

const core::Screen kMyScreens[] = {core::Screen::Languages,     core::Screen::Education,
                                   core::Screen::Occupations,   core::Screen::WorkHistory,
                                   core::Screen::PriorLearning, core::Screen::Availability,
                                   core::Screen::Preferences};

TEST_F(StepViews, BackAndNextAreMirroredInArabic) {
    for (const core::Screen screen : kMyScreens) {
        const core::Session en = on(screen, "en");
        const core::Session ar = on(screen, "ar");
        const float back_en = screens.target(en, "nav.back").rect.x;
        const float next_en = screens.target(en, "nav.next").rect.x;
        const float back_ar = screens.target(ar, "nav.back").rect.x;
        const float next_ar = screens.target(ar, "nav.next").rect.x;
        EXPECT_LT(back_en, next_en) << ui::screen_name(screen);
        EXPECT_GT(back_ar, next_ar) << ui::screen_name(screen);
        EXPECT_FLOAT_EQ(back_en, next_ar) << ui::screen_name(screen);
    }
}

TEST_F(StepViews, ChoicesAndEntryButtonsAreMirroredInArabic) {
    core::Session en = on(core::Screen::Availability, "en");
    core::Session ar = on(core::Screen::Availability, "ar");
    // The first choice sits at the start edge: left of the second in English, right in Arabic.
    EXPECT_LT(screens.target(en, "availability.when.now").rect.x,
              screens.target(en, "availability.when.within_a_month").rect.x);
    EXPECT_GT(screens.target(ar, "availability.when.now").rect.x,
              screens.target(ar, "availability.when.within_a_month").rect.x);
    // "Remove" sits at the end edge.
    en.screen = ar.screen = core::Screen::PriorLearning;
    en.draft.prior_learning = ar.draft.prior_learning = {{"Sewing", false}};
    const auto remove_en = screens.target(en, "prior_learning[0].remove").rect;
    const auto remove_ar = screens.target(ar, "prior_learning[0].remove").rect;
    EXPECT_GT(remove_en.x, 640.0F);
    EXPECT_LT(remove_ar.x + remove_ar.w, 640.0F);  // the display is 1280 wide
}

}  // namespace
}  // namespace kiosk::test

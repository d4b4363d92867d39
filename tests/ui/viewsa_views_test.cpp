// The first six registration screens in headless frames with the real catalogue, fonts and
// shaper: name, contact, year of birth, gender, nationality and city. Each test looks at the hit
// map (where the fields and buttons are, what they say), at the intents a tap records, and at
// the drawn vertices (a selected choice is green, an error line is dark red), in left-to-right
// and right-to-left languages.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "headless_ui.hpp"
#include "kiosk/core/field_path.hpp"
#include "kiosk/i18n/iso_names.hpp"
#include "kiosk/i18n/languages.hpp"
#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/step_parts.hpp"
#include "kiosk/ui/text/widgets.hpp"
#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::test {
namespace {

// [SECTION] Helpers

// A session on `screen` in `lang`, as after the person chose the language and consented.
core::Session on_screen(core::Screen screen, const std::string& lang) {
    core::Session s;
    s.language = lang;
    s.screen = screen;
    s.settings.current_year = 2026;
    return s;
}

template <class T>
std::vector<T> intents_of(const std::vector<core::Intent>& out) {
    std::vector<T> found;
    for (const core::Intent& intent : out) {
        if (const T* t = std::get_if<T>(&intent)) {
            found.push_back(*t);
        }
    }
    return found;
}

// True when the last frame drew a vertex of colour `rgb` inside `rect`.
bool colour_in(const ui::Rect& rect, std::uint32_t rgb) {
    const ImU32 want = ui::to_imgui(rgb);
    const ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; data != nullptr && l < data->CmdListsCount; ++l) {
        for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) {
            if (v.col == want && rect.contains(v.pos.x, v.pos.y)) {
                return true;
            }
        }
    }
    return false;
}

class ViewsA : public ::testing::Test {
  protected:
    HeadlessUi ui{1280, 800};

    // The hit target `id` of the last frame; fails the test when it is missing.
    ui::HitTarget hit(std::string_view id) {
        const ui::HitTarget* t = ui.hits().find_id(id);
        EXPECT_NE(t, nullptr) << "no hit target " << id << " on " << ui.hits().screen;
        return t != nullptr ? *t : ui::HitTarget{};
    }
    // The content area's horizontal extent (the window's padding is the theme's margin).
    float content_left() { return ui.context().theme.margin; }
    float content_right() { return ui.hits().display_w - ui.context().theme.margin; }
    ui::Theme theme() { return ui.context().theme; }

    // The band under `field`'s box, as tall as an error line, where text_field writes errors.
    ui::Rect below(const ui::HitTarget& field) {
        return ui::Rect{field.rect.x, field.rect.y + field.rect.h, field.rect.w,
                        1.6F * theme().em + theme().gap};
    }
    // Taps the hit target `id` of `s` and returns the FocusField the tap recorded.
    core::FocusField focus_by_tap(const core::Session& s, std::string_view id) {
        ui.frame(s);
        const auto focus = intents_of<core::FocusField>(ui.tap(s, hit(id).rect));
        EXPECT_EQ(focus.size(), 1U) << id;
        return focus.empty() ? core::FocusField{} : focus.front();
    }
};

// [SECTION] Name

TEST_F(ViewsA, NameHasBothFieldsLabelledInTheSessionsLanguage) {
    for (const std::string lang : {"en", "tr", "ar", "ru"}) {
        ui.frame(on_screen(core::Screen::Name, lang));
        EXPECT_EQ(ui.hits().screen, "name");
        const ui::HitTarget given = hit("field.given_name");
        const ui::HitTarget family = hit("field.family_name");
        EXPECT_EQ(given.label, ui.catalogue().tr(lang, "reg.given_name.label")) << lang;
        EXPECT_EQ(family.label, ui.catalogue().tr(lang, "reg.family_name.label")) << lang;
        EXPECT_LT(given.rect.y + given.rect.h, family.rect.y) << "given name first, " << lang;
        EXPECT_GE(given.rect.h, 48.0F);
    }
}

TEST_F(ViewsA, NameFieldsAreFullWidthOnATabletAndStartAligned) {
    ui.frame(on_screen(core::Screen::Name, "en"));
    const ui::HitTarget en = hit("field.given_name");
    EXPECT_NEAR(en.rect.x, content_left(), 1.0F);
    EXPECT_NEAR(en.rect.x + en.rect.w, content_right(), 1.0F);
    // The family name is written right to left in Persian and starts at the right edge.
    ui.frame(on_screen(core::Screen::Name, "fa"));
    const ui::HitTarget fa = hit("field.family_name");
    EXPECT_NEAR(fa.rect.x + fa.rect.w, content_right(), 1.0F);
}

TEST(ViewsAWide, FieldsTakeSixtyPercentAtTheStartEdgeOnAWideScreen) {
    HeadlessUi ui(1920, 1080);
    const float margin = ui.context().theme.margin;
    const float content = 1920.0F - 2 * margin;
    for (const std::string lang : {"en", "ar"}) {
        ui.frame(on_screen(core::Screen::City, lang));
        const ui::HitTarget* city = ui.hits().find_id("field.city");
        ASSERT_NE(city, nullptr);
        EXPECT_NEAR(city->rect.w, 0.6F * content, 1.0F) << lang;
        if (lang == "ar") {
            EXPECT_NEAR(city->rect.x + city->rect.w, 1920.0F - margin, 1.0F) << "at the right";
        } else {
            EXPECT_NEAR(city->rect.x, margin, 1.0F) << "at the left";
        }
    }
}

TEST_F(ViewsA, TappingANameFieldFocusesItWithTheLanguagesKeyboard) {
    const core::Session s = on_screen(core::Screen::Name, "tr");
    const core::FocusField given = focus_by_tap(s, "field.given_name");
    EXPECT_EQ(given.field, "given_name");
    EXPECT_EQ(given.layout, ui::keyboard_layout_for("given_name", "tr"));
    EXPECT_NE(given.layout, "digits");
    EXPECT_EQ(focus_by_tap(s, "field.family_name").field, "family_name");
}

TEST_F(ViewsA, TheFocusedFieldStaysAboveTheKeyboard) {
    for (const std::string field : {"given_name", "family_name"}) {
        core::Session s = on_screen(core::Screen::Name, "ar");
        s = core::reduce(s, core::FocusField{field, "ar"}, Millis{1});
        ui.frame(s);
        const float keyboard_top =
            ui.hits().display_h - ui::keyboard_height(s, ui.context()) - theme().margin;
        const ui::HitTarget focused = hit("field." + field);
        EXPECT_LE(focused.rect.y + focused.rect.h, keyboard_top) << field;
        // Whatever else is drawn keeps clear of the keyboard too (the bottom bar's buttons are
        // above it by construction of the step frame).
        for (const ui::HitTarget& t : ui.hits().targets) {
            if (t.id.starts_with("field.")) {
                EXPECT_LE(t.rect.y + t.rect.h, keyboard_top) << t.id << " with " << field;
            }
        }
    }
}

TEST_F(ViewsA, TypingTheFamilyNameMovesItUpToWhereTheGivenNameWas) {
    core::Session s = on_screen(core::Screen::Name, "en");
    ui.frame(s);
    const float first_y = hit("field.given_name").rect.y;
    s = core::reduce(s, core::FocusField{"family_name", "latin"}, Millis{1});
    ui.frame(s);
    EXPECT_NEAR(hit("field.family_name").rect.y, first_y, 1.0F);
    EXPECT_EQ(ui.hits().find_id("field.given_name"), nullptr);
    // Done on the keyboard: both fields are back.
    s = core::reduce(s, core::CloseKeyboard{}, Millis{2});
    ui.frame(s);
    EXPECT_NEAR(hit("field.given_name").rect.y, first_y, 1.0F);
    EXPECT_GT(hit("field.family_name").rect.y, first_y);
}

TEST_F(ViewsA, NameErrorShowsUnderItsOwnField) {
    core::Session s = on_screen(core::Screen::Name, "en");
    ui.frame(s);
    const ui::HitTarget given = hit("field.given_name");
    EXPECT_FALSE(colour_in(below(given), theme().colors.error)) << "no error yet";
    s.errors = {core::FieldError{"given_name", std::string(core::kErrorRequired)}};
    ui.frame(s);
    EXPECT_TRUE(colour_in(below(hit("field.given_name")), theme().colors.error));
    EXPECT_FALSE(colour_in(below(hit("field.family_name")), theme().colors.error));
}

// [SECTION] Contact

TEST_F(ViewsA, PhoneRowReadsLeftToRightInEveryLanguage) {
    for (const auto& lang : i18n::shipped_languages()) {
        const std::string code(lang.code);
        ui.frame(on_screen(core::Screen::Contact, code));
        const ui::HitTarget calling = hit("field.phone.calling_code");
        const ui::HitTarget number = hit("field.phone.national_number");
        EXPECT_FLOAT_EQ(calling.rect.y, number.rect.y) << code << ": one row";
        EXPECT_LT(calling.rect.x + calling.rect.w, number.rect.x)
            << code << ": the calling code is on the left of the number";
        EXPECT_LT(calling.rect.w, number.rect.w) << code;
        const ui::HitTarget email = hit("field.email");
        EXPECT_GT(email.rect.y, number.rect.y + number.rect.h) << code;
        // The row as a whole sits where the email field does (start-aligned like the page).
        EXPECT_NEAR(calling.rect.x, email.rect.x, 1.0F) << code;
        EXPECT_NEAR(number.rect.x + number.rect.w, email.rect.x + email.rect.w, 1.0F) << code;
    }
}

TEST_F(ViewsA, CallingCodeLabelFitsItsNarrowField) {
    for (const auto& lang : i18n::shipped_languages()) {
        const std::string code(lang.code);
        ui.frame(on_screen(core::Screen::Contact, code));
        const ui::HitTarget calling = hit("field.phone.calling_code");
        const float w =
            ui::text::measure_text(ui.renderer(), calling.label, code, ui::body_px(theme())).x;
        EXPECT_LE(w, calling.rect.w) << code << ": \"" << calling.label << "\"";
    }
}

TEST_F(ViewsA, PhoneAndYearFieldsOpenTheNumberPad) {
    for (const std::string lang : {"en", "ar"}) {
        const core::Session contact = on_screen(core::Screen::Contact, lang);
        EXPECT_EQ(focus_by_tap(contact, "field.phone.calling_code").layout, "digits") << lang;
        const core::FocusField number = focus_by_tap(contact, "field.phone.national_number");
        EXPECT_EQ(number.field, "phone.national_number");
        EXPECT_EQ(number.layout, "digits") << lang;
        const core::FocusField year =
            focus_by_tap(on_screen(core::Screen::BirthYear, lang), "field.year_of_birth");
        EXPECT_EQ(year.field, "year_of_birth");
        EXPECT_EQ(year.layout, "digits") << lang;
    }
}

TEST_F(ViewsA, EmailIsOptionalAndTypedOnTheEmailKeyboard) {
    const core::Session s = on_screen(core::Screen::Contact, "fa");
    const core::FocusField email = focus_by_tap(s, "field.email");
    EXPECT_EQ(email.field, "email");
    EXPECT_EQ(email.layout, ui::keyboard_layout_for("email", "fa"));
    EXPECT_NE(email.layout, ui::keyboard_layout_for("given_name", "fa"))
        << "an address is typed in Latin letters, not on the Persian keyboard";
    EXPECT_EQ(hit("field.email").label, ui.catalogue().tr("fa", "reg.email.label"));
}

TEST_F(ViewsA, PhoneErrorShowsUnderTheNumberOnly) {
    core::Session s = on_screen(core::Screen::Contact, "ar");
    s.draft.phone = core::Phone{"963", "12"};
    s.errors = {core::FieldError{"phone.national_number", std::string(core::kErrorInvalidPhone)}};
    ui.frame(s);
    const ui::Rect under_number = below(hit("field.phone.national_number"));
    const ui::Rect under_code = below(hit("field.phone.calling_code"));
    EXPECT_TRUE(colour_in(under_number, theme().colors.error));
    EXPECT_FALSE(colour_in(under_code, theme().colors.error));
    EXPECT_FALSE(colour_in(below(hit("field.email")), theme().colors.error));
}

TEST_F(ViewsA, TypingTheEmailKeepsItAboveTheKeyboard) {
    core::Session s = on_screen(core::Screen::Contact, "en");
    s = core::reduce(s, core::FocusField{"email", "email"}, Millis{1});
    ui.frame(s);
    const float keyboard_top =
        ui.hits().display_h - ui::keyboard_height(s, ui.context()) - theme().margin;
    const ui::HitTarget email = hit("field.email");
    EXPECT_LE(email.rect.y + email.rect.h, keyboard_top);
}

// [SECTION] Year of birth and city

TEST_F(ViewsA, YearOfBirthIsANarrowFieldWithAnExampleHint) {
    core::Session s = on_screen(core::Screen::BirthYear, "tr");
    ui.frame(s);
    const ui::HitTarget year = hit("field.year_of_birth");
    EXPECT_EQ(year.label, ui.catalogue().tr("tr", "reg.year_of_birth.label"));
    EXPECT_LT(year.rect.w, 0.6F * (content_right() - content_left())) << "four digits";
    const ui::Rect hint{content_left(), year.rect.y + year.rect.h, content_right(),
                        2 * theme().em + theme().gap};
    EXPECT_TRUE(colour_in(hint, theme().colors.muted)) << "the grey hint under the field";

    s.draft.year_of_birth = 1900;
    s.errors = {core::FieldError{"year_of_birth", std::string(core::kErrorYearOutOfRange)}};
    ui.frame(s);
    EXPECT_TRUE(colour_in(below(hit("field.year_of_birth")), theme().colors.error));
}

TEST_F(ViewsA, CityIsOneFieldTypedInTheSessionsLanguage) {
    core::Session s = on_screen(core::Screen::City, "uk");
    const core::FocusField city = focus_by_tap(s, "field.city");
    EXPECT_EQ(city.field, "city");
    EXPECT_EQ(city.layout, ui::keyboard_layout_for("city", "uk"));
    EXPECT_EQ(hit("field.city").label, ui.catalogue().tr("uk", "reg.city.label"));
    s.errors = {core::FieldError{"city", std::string(core::kErrorRequired)}};
    ui.frame(s);
    EXPECT_TRUE(colour_in(below(hit("field.city")), theme().colors.error));
}

// [SECTION] Gender

TEST_F(ViewsA, GenderOffersFourChoicesNoneChosenYet) {
    for (const std::string lang : {"kmr", "fa"}) {
        ui.frame(on_screen(core::Screen::Gender, lang));
        std::vector<ui::HitTarget> choices;
        for (const char* value : {"female", "male", "other", "prefer_not_to_say"}) {
            choices.push_back(hit(std::string("gender.") + value));
            EXPECT_EQ(choices.back().label,
                      ui.catalogue().tr(lang, std::string("reg.gender.") + value));
            EXPECT_GE(choices.back().rect.h, 48.0F);
        }
        // Two rows of two, in reading order: female first, at the start edge.
        EXPECT_FLOAT_EQ(choices[0].rect.y, choices[1].rect.y) << lang;
        EXPECT_LT(choices[1].rect.y, choices[2].rect.y) << lang;
        if (lang == "fa") {
            EXPECT_GT(choices[0].rect.x, choices[1].rect.x) << "female at the right in Persian";
        } else {
            EXPECT_LT(choices[0].rect.x, choices[1].rect.x);
        }
        EXPECT_FALSE(ui.last_frame_used_colour(theme().colors.selected)) << "nothing chosen yet";
    }
}

TEST_F(ViewsA, TappingAGenderRecordsTheDraftWithItAndShowsItChosen) {
    core::Session s = on_screen(core::Screen::Gender, "ar");
    s.draft.given_name = "Test";
    s.draft.nationality = "SY";
    ui.frame(s);
    const auto edits = intents_of<core::EditDraft>(ui.tap(s, hit("gender.prefer_not_to_say").rect));
    ASSERT_EQ(edits.size(), 1U);
    EXPECT_EQ(edits[0].draft.gender, core::Gender::PreferNotToSay);
    EXPECT_EQ(edits[0].draft.given_name, "Test") << "the rest of the draft is kept";
    EXPECT_EQ(edits[0].draft.nationality, "SY");

    s = core::reduce(s, edits[0], Millis{1000});
    ASSERT_EQ(s.draft.gender, core::Gender::PreferNotToSay);
    ui.frame(s);
    EXPECT_TRUE(colour_in(hit("gender.prefer_not_to_say").rect, theme().colors.selected));
    EXPECT_FALSE(colour_in(hit("gender.female").rect, theme().colors.selected));
    // Mirrored: the grid starts at the right edge in Arabic.
    EXPECT_NEAR(hit("gender.female").rect.x + hit("gender.female").rect.w, content_right(), 1.0F);
}

TEST_F(ViewsA, GenderErrorIsShownUnderTheChoices) {
    core::Session s = on_screen(core::Screen::Gender, "en");
    ui.frame(s);
    // The band under the grid's last row, across the content width.
    ui::Rect band = below(hit("gender.prefer_not_to_say"));
    band.x = content_left();
    band.w = content_right() - content_left();
    EXPECT_FALSE(colour_in(band, theme().colors.error));
    s.errors = {core::FieldError{"gender", std::string(core::kErrorRequired)}};
    ui.frame(s);
    EXPECT_TRUE(colour_in(band, theme().colors.error));
}

// [SECTION] Nationality

// The ids of the nationality list's rows in the last frame, top to bottom.
std::vector<std::string> nationality_rows(const HeadlessUi& ui) {
    std::vector<ui::HitTarget> rows;
    for (const ui::HitTarget& t : ui.hits().targets) {
        if (t.id.starts_with("nationality.")) {
            rows.push_back(t);
        }
    }
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.rect.y < b.rect.y; });
    std::vector<std::string> ids;
    for (const ui::HitTarget& t : rows) {
        ids.push_back(t.id.substr(std::string_view("nationality.").size()));
    }
    return ids;
}

TEST_F(ViewsA, NationalityStartsWithTheAnswersThatAreNotCountriesThenTheCommonOnes) {
    ui.frame(on_screen(core::Screen::Nationality, "tr"));
    EXPECT_EQ(hit("field.search").label, ui.catalogue().tr("tr", "common.search"));
    const ui::HitTarget search = hit("field.search");
    EXPECT_GT(hit("nationality.stateless").rect.y, search.rect.y + search.rect.h);
    EXPECT_EQ(hit("nationality.stateless").label,
              ui.catalogue().tr("tr", "reg.nationality.stateless"));
    EXPECT_EQ(hit("nationality.prefer_not_to_say").label,
              ui.catalogue().tr("tr", "reg.nationality.prefer_not_to_say"));

    // A portrait screen shows the whole first group: the two answers, then the five countries
    // most people here come from, then the others; a pinned country is not listed again.
    HeadlessUi tall(1080, 1920);
    tall.frame(on_screen(core::Screen::Nationality, "tr"));
    const std::vector<std::string> rows = nationality_rows(tall);
    const std::vector<std::string> first = {
        "stateless", "prefer_not_to_say", "SY", "AF", "UA", "IQ", "IR"};
    ASSERT_GT(rows.size(), first.size());
    EXPECT_EQ(std::vector<std::string>(rows.begin(), rows.begin() + 7), first);
    for (std::size_t i = first.size(); i < rows.size(); ++i) {
        EXPECT_EQ(std::find(first.begin(), first.end(), rows[i]), first.end()) << rows[i];
    }
}

TEST_F(ViewsA, TappingACountryRecordsItsCodeAndShowsItChosen) {
    core::Session s = on_screen(core::Screen::Nationality, "ar");
    s.draft.gender = core::Gender::Female;
    ui.frame(s);
    const auto edits = intents_of<core::EditDraft>(ui.tap(s, hit("nationality.AF").rect));
    ASSERT_EQ(edits.size(), 1U);
    EXPECT_EQ(edits[0].draft.nationality, "AF");
    EXPECT_EQ(edits[0].draft.gender, core::Gender::Female) << "the rest of the draft is kept";
    s = core::reduce(s, edits[0], Millis{1000});
    ui.frame(s);
    EXPECT_TRUE(colour_in(hit("nationality.AF").rect, theme().colors.selected));
    EXPECT_FALSE(colour_in(hit("nationality.SY").rect, theme().colors.selected));

    const auto stateless =
        intents_of<core::EditDraft>(ui.tap(s, hit("nationality.stateless").rect));
    ASSERT_EQ(stateless.size(), 1U);
    EXPECT_EQ(stateless[0].draft.nationality, core::kStateless);
}

TEST_F(ViewsA, TheSearchFieldTakesTheFocus) {
    const core::Session s = on_screen(core::Screen::Nationality, "ps");
    const core::FocusField search = focus_by_tap(s, "field.search");
    EXPECT_EQ(search.field, "search");
    EXPECT_EQ(search.layout, ui::keyboard_layout_for("search", "ps"));
}

TEST_F(ViewsA, NationalityErrorIsShown) {
    core::Session s = on_screen(core::Screen::Nationality, "en");
    ui.frame(s);
    EXPECT_FALSE(ui.last_frame_used_colour(theme().colors.error));
    s.errors = {core::FieldError{"nationality", std::string(core::kErrorRequired)}};
    ui.frame(s);
    EXPECT_TRUE(ui.last_frame_used_colour(theme().colors.error));
}

// One frame of the nationality view with country names from Debian's iso-codes in the
// session's language, handed over in the view context as the app does.
void nationality_frame(HeadlessUi& ui, const core::Session& s,
                       const std::vector<i18n::IsoName>& countries) {
    ui.frame(s);  // the harness's translator follows the session's language
    ui::ViewContext ctx = ui.context();
    ctx.iso_countries = &countries;
    ctx.hits->clear();
    std::vector<core::Intent> out;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin(
        "nationality", nullptr,
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ui::draw_nationality(s, ctx, out);
    ImGui::End();
    ImGui::Render();
    ui.renderer().flush();
}

TEST_F(ViewsA, SearchFindsCountriesByTheirNamesInArabicAndTurkish) {
    struct Case {
        std::string lang;
        std::string query;
        std::string code;
    };
    // iso-codes names Syria "الجمهوريّة العربيّة السّوريّة" in Arabic: the shadda is folded away.
    for (const Case& c : {Case{"ar", "السورية", "SY"}, Case{"ar", "العراق", "IQ"},
                          Case{"tr", "ırak", "IQ"}, Case{"tr", "ALMAN", "DE"}}) {
        auto countries = i18n::load_countries(c.lang);
        ASSERT_TRUE(countries.ok()) << countries.error().message;
        core::Session s = on_screen(core::Screen::Nationality, c.lang);
        nationality_frame(ui, s, *countries);
        ASSERT_NE(ui.hits().find_id("nationality.AF"), nullptr) << "all rows before a search";
        s.search = c.query;
        nationality_frame(ui, s, *countries);
        const ui::HitTarget found = hit("nationality." + c.code);
        EXPECT_EQ(found.label, ui::iso_name(&*countries, c.code)) << c.query;
        EXPECT_EQ(ui.hits().find_id("nationality.AF"), nullptr) << c.query << " hides the rest";
        EXPECT_EQ(ui.hits().find_id("nationality.stateless"), nullptr) << c.query;
    }
}

// [SECTION] Every screen: title, Back and Next, mirrored

struct ScreenCase {
    core::Screen screen;
    const char* title_key;
};

class StepFrame : public ::testing::TestWithParam<ScreenCase> {};

TEST_P(StepFrame, BackAndNextSitAtTheBottomAndMirrorInArabic) {
    HeadlessUi ui(1280, 800);
    for (const std::string lang : {"en", "ar"}) {
        const core::Session s = on_screen(GetParam().screen, lang);
        ui.frame(s);
        EXPECT_EQ(ui.hits().screen, ui::screen_name(GetParam().screen));
        const ui::HitTarget* back = ui.hits().find_id("nav.back");
        const ui::HitTarget* next = ui.hits().find_id("nav.next");
        ASSERT_NE(back, nullptr);
        ASSERT_NE(next, nullptr);
        EXPECT_EQ(back->label, ui.catalogue().tr(lang, "common.back"));
        EXPECT_GT(back->rect.y, 600.0F) << lang;
        if (lang == "ar") {
            EXPECT_GT(back->rect.x, 640.0F) << "Back at the right in Arabic";
            EXPECT_LT(next->rect.x + next->rect.w, 640.0F) << "Next at the left in Arabic";
        } else {
            EXPECT_LT(back->rect.x + back->rect.w, 640.0F);
            EXPECT_GT(next->rect.x, 640.0F);
        }
        const auto out = ui.tap(s, next->rect);
        EXPECT_EQ(intents_of<core::Next>(out).size(), 1U) << lang;
        // The title is a catalogue string the view shaped at title size this frame.
        i18n::Shaper& shaper = ui.renderer().shaper();
        const auto before = shaper.stats();
        ui.renderer().shape(ui.catalogue().tr(lang, GetParam().title_key), lang,
                            ui::title_px(ui.context().theme));
        EXPECT_EQ(shaper.stats().misses, before.misses) << "title not drawn: " << lang;
        EXPECT_TRUE(ui.catalogue().has_translation(lang, GetParam().title_key));
    }
}

INSTANTIATE_TEST_SUITE_P(
    SixScreens, StepFrame,
    ::testing::Values(ScreenCase{core::Screen::Name, "step.name.title"},
                      ScreenCase{core::Screen::Contact, "reg.contact.title"},
                      ScreenCase{core::Screen::BirthYear, "step.birth_year.title"},
                      ScreenCase{core::Screen::Gender, "reg.gender.label"},
                      ScreenCase{core::Screen::Nationality, "reg.nationality.label"},
                      ScreenCase{core::Screen::City, "step.city.title"}),
    [](const auto& param_info) { return std::string(ui::screen_name(param_info.param.screen)); });

}  // namespace
}  // namespace kiosk::test

// The staff screens and the welcome screen's hidden staff entry, driven headlessly with the real
// catalogue and fonts: which intents each tap records, the pad locked by the wall clock, the
// language toggles, and the long press.
#include <gtest/gtest.h>

#include <string>

#include "headless_ui.hpp"
#include "kiosk/i18n/languages.hpp"

namespace kiosk::test {
namespace {

constexpr std::int64_t kNow = 1'790'000'000;

core::Session on(core::Screen screen, std::string language = "en") {
    core::KioskSettings settings;
    settings.staff_pin_set = true;
    core::Session s = core::fresh_session(settings, Millis{0});
    s.language = std::move(language);
    s.screen = screen;
    s.staff_mode = screen != core::Screen::StaffPin;
    s.staff_id = s.staff_mode ? "staff-1" : "";
    return s;
}

// HeadlessUi's frames build the context as the app does; the staff screens also read the wall
// clock and the kiosk status from it, so these frames set them.
class StaffScreens : public ::testing::Test {
  protected:
    HeadlessUi ui{1920, 1080};
    std::int64_t unix_now = kNow;
    const ui::KioskStatus* status = nullptr;
    std::string primed_;  // the language ui.context() translates into

    std::vector<core::Intent> frame(const core::Session& s, Pointer p = {}) {
        if (s.language != primed_) {
            ui.frame(s);  // the harness' translator follows the session's language
            primed_ = s.language;
        }
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(p.x, p.y);
        io.MouseDown[0] = p.down;
        ui::ViewContext ctx = ui.context();
        ctx.unix_now = unix_now;
        ctx.status = status;
        std::vector<core::Intent> out;
        ImGui::NewFrame();
        ui::draw_screen(s, ctx, Millis{0}, out);
        ImGui::Render();
        ui.renderer().flush();
        return out;
    }
    const ui::HitTarget* target(const core::Session& s, std::string_view id) {
        frame(s);
        return ui.hits().find_id(id);
    }
    // A finger drags the settings' field column up by 450 px, held still before the lift so
    // nothing flings, then the list settles. Asserts the drag taps nothing.
    void drag_fields_up(const core::Session& s) {
        const ui::Rect region = target(s, "scroll.settings.fields")->rect;
        const float x = region.center_x();
        float y = region.y + region.h - 10;
        frame(s, {x, y, false});
        for (int i = 0; i < 30; ++i, y -= 15) {
            EXPECT_TRUE(frame(s, {x, y, true}).empty()) << "a drag taps nothing";
        }
        for (int i = 0; i < 20; ++i) {
            frame(s, {x, y, true});
        }
        frame(s, {x, y, false});
        for (int i = 0; i < 30; ++i) {
            frame(s);
        }
    }
    // A finger on `id`'s centre: moved there, pressed, lifted.
    std::vector<core::Intent> tap(const core::Session& s, std::string_view id) {
        const ui::HitTarget* t = target(s, id);
        EXPECT_NE(t, nullptr) << "no target " << id << " on " << ui.hits().screen;
        if (t == nullptr) {
            return {};
        }
        const ui::Rect r = t->rect;
        std::vector<core::Intent> all;
        for (const bool down : {false, true, false}) {
            auto out = frame(s, {r.center_x(), r.center_y(), down});
            all.insert(all.end(), out.begin(), out.end());
        }
        frame(s);  // the finger leaves
        return all;
    }
    bool used_error_colour(const core::Session& s) {
        frame(s);
        return ui.last_frame_used_colour(ui.context().theme.colors.error);
    }
};

template <typename T>
const T& only(const std::vector<core::Intent>& intents) {
    EXPECT_EQ(intents.size(), 1U);
    static const T none{};
    if (intents.size() != 1 || !std::holds_alternative<T>(intents.front())) {
        ADD_FAILURE() << "expected one intent of the asked type";
        return none;
    }
    return std::get<T>(intents.front());
}

TEST_F(StaffScreens, EveryDigitKeyRecordsItsDigit) {
    const core::Session s = on(core::Screen::StaffPin);
    for (char c = '0'; c <= '9'; ++c) {
        EXPECT_EQ(only<core::PinDigit>(tap(s, "pin." + std::string(1, c))).digit, c);
    }
    only<core::PinBackspace>(tap(s, "pin.backspace"));
    only<core::PinEnter>(tap(s, "pin.ok"));
}

TEST_F(StaffScreens, TheKeysAreBigAndDoNotOverlap) {
    const core::Session s = on(core::Screen::StaffPin);
    frame(s);
    std::vector<ui::HitTarget> keys;
    for (const auto& t : ui.hits().targets) {
        if (t.id.starts_with("pin.")) {
            keys.push_back(t);
        }
    }
    ASSERT_EQ(keys.size(), 12U);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        EXPECT_GE(keys[i].rect.h, 72.0F) << keys[i].id;
        for (std::size_t j = i + 1; j < keys.size(); ++j) {
            EXPECT_FALSE(keys[i].rect.overlaps(keys[j].rect)) << keys[i].id << "/" << keys[j].id;
        }
    }
    // Telephone order: 1 above 4, 4 above 7, 7 above 0's row; 1 2 3 from the left.
    auto at = [&](std::string_view id) { return ui.hits().find_id(id)->rect; };
    EXPECT_LT(at("pin.1").y, at("pin.4").y);
    EXPECT_LT(at("pin.7").y, at("pin.0").y);
    EXPECT_LT(at("pin.1").x, at("pin.2").x);
    EXPECT_LT(at("pin.2").x, at("pin.3").x);
}

TEST_F(StaffScreens, WhileLockedTheKeysRecordNothingAndTheWaitIsShown) {
    core::Session s = on(core::Screen::StaffPin);
    s.pin.locked_until = kNow + 30;
    EXPECT_TRUE(used_error_colour(s)) << "the seconds left, in the error colour";
    for (const char* id : {"pin.5", "pin.ok", "pin.backspace"}) {
        EXPECT_TRUE(tap(s, id).empty()) << id << " must be disabled while locked";
    }
    unix_now = kNow + 30;  // the lock is over
    EXPECT_FALSE(used_error_colour(s));
    EXPECT_EQ(only<core::PinDigit>(tap(s, "pin.5")).digit, '5');
}

TEST_F(StaffScreens, AWrongPinIsToldAndTheEntryIsNeverShownAsDigits) {
    core::Session s = on(core::Screen::StaffPin);
    EXPECT_FALSE(used_error_colour(s));
    s.pin.message = "staff.pin_wrong";
    EXPECT_TRUE(used_error_colour(s));
    s.pin.message.clear();
    s.pin.entry = "987654";
    frame(s);
    for (const auto& t : ui.hits().targets) {
        EXPECT_EQ(t.label.find("987654"), std::string::npos) << t.id;
    }
}

TEST_F(StaffScreens, FirstStartOffersNoWayBackLaterBackLeaves) {
    core::Session first = on(core::Screen::StaffPin);
    first.settings.staff_pin_set = false;
    frame(first);
    EXPECT_EQ(ui.hits().find_id("nav.back"), nullptr) << "a new kiosk needs its PIN first";
    only<core::Back>(tap(on(core::Screen::StaffPin), "nav.back"));
}

TEST_F(StaffScreens, TheNewPinScreenIsThePadWithBack) {
    const core::Session s = on(core::Screen::StaffNewPin);
    EXPECT_EQ(only<core::PinDigit>(tap(s, "pin.7")).digit, '7');
    only<core::PinEnter>(tap(s, "pin.ok"));
    only<core::Back>(tap(s, "nav.back"));
}

TEST_F(StaffScreens, TheMenuEntriesRecordTheirIntents) {
    const core::Session s = on(core::Screen::StaffMenu);
    only<core::StartAssisted>(tap(s, "staff.assisted"));
    EXPECT_EQ(only<core::GoTo>(tap(s, "staff.status")).screen, core::Screen::StaffStatus);
    EXPECT_EQ(only<core::GoTo>(tap(s, "staff.settings")).screen, core::Screen::StaffSettings);
    EXPECT_EQ(only<core::GoTo>(tap(s, "staff.change_pin")).screen, core::Screen::StaffNewPin);
    only<core::StaffSignedOut>(tap(s, "staff.leave"));
}

TEST_F(StaffScreens, TheMenuIsTranslatedInEveryLanguage) {
    for (const auto& lang : i18n::shipped_languages()) {
        const core::Session s = on(core::Screen::StaffMenu, std::string(lang.code));
        frame(s);
        const ui::HitTarget* leave = ui.hits().find_id("staff.leave");
        ASSERT_NE(leave, nullptr);
        EXPECT_EQ(leave->label, ui.catalogue().tr(lang.code, "staff.menu.leave")) << lang.code;
        if (lang.code != "en") {
            EXPECT_NE(leave->label, ui.catalogue().tr("en", "staff.menu.leave"))
                << lang.code << " falls back to English";
        }
    }
    EXPECT_TRUE(ui.glyphs().take_new().empty()) << "every glyph of every language is drawn";
}

TEST_F(StaffScreens, StatusWithoutDataSaysSoAndBackReturns) {
    const core::Session s = on(core::Screen::StaffStatus);
    EXPECT_TRUE(used_error_colour(s)) << "status could not be read";
    ui::KioskStatus st;
    st.queued = 3;
    st.enrolled = true;
    status = &st;
    EXPECT_FALSE(used_error_colour(s));
    st.enrolment_needed = true;
    EXPECT_TRUE(used_error_colour(s)) << "the server refused this kiosk";
    st.enrolment_needed = false;
    st.enrolled = false;
    EXPECT_TRUE(used_error_colour(s)) << "not connected to a central server";
    only<core::Back>(tap(s, "nav.back"));
}

core::Session settings_with(std::vector<std::string> languages, std::string language = "en") {
    core::Session s = on(core::Screen::StaffSettings, std::move(language));
    s.settings_draft.centre_name = "Stadtteilzentrum Nord";
    s.settings_draft.languages = std::move(languages);
    return s;
}

TEST_F(StaffScreens, ALanguageToggleAddsOrRemovesItAndUpMovesIt) {
    const core::Session s = settings_with({"ar", "en"});
    auto edited = [&](std::string_view id) {
        return only<core::EditSettings>(tap(s, id)).settings;
    };
    EXPECT_EQ(edited("settings.lang.tr").languages, (std::vector<std::string>{"ar", "en", "tr"}));
    EXPECT_EQ(edited("settings.lang.ar").languages, (std::vector<std::string>{"en"}));
    EXPECT_EQ(edited("settings.lang_up.en").languages, (std::vector<std::string>{"en", "ar"}));
    EXPECT_EQ(edited("settings.lang_up.en").centre_name, "Stadtteilzentrum Nord")
        << "the rest of the draft goes along unchanged";
    frame(s);
    EXPECT_EQ(ui.hits().find_id("settings.lang_up.ar"), nullptr) << "the first cannot go up";
    EXPECT_EQ(ui.hits().find_id("settings.lang_up.tr"), nullptr) << "tr is not offered";
}

TEST_F(StaffScreens, AnEmptyListMeansAllSoTurningOneOffListsTheOthers) {
    const core::Session s = settings_with({});
    std::vector<std::string> expected;
    for (const auto& lang : i18n::shipped_languages()) {
        if (lang.code != "tr") {
            expected.emplace_back(lang.code);
        }
    }
    EXPECT_EQ(only<core::EditSettings>(tap(s, "settings.lang.tr")).settings.languages, expected);
}

TEST_F(StaffScreens, TheDigitsToggleFlipsOnlyThatSetting) {
    // Below the fields, in Arabic (whose digits it is about): dragged into view first.
    core::Session s = settings_with({"ar", "en"}, "ar");
    drag_fields_up(s);
    const core::KioskSettings off =
        only<core::EditSettings>(tap(s, "settings.native_digits")).settings;
    EXPECT_FALSE(off.native_digits);
    EXPECT_EQ(off.languages, s.settings_draft.languages) << "the rest of the draft is unchanged";
    s.settings_draft.native_digits = false;
    EXPECT_TRUE(only<core::EditSettings>(tap(s, "settings.native_digits")).settings.native_digits);
}

TEST_F(StaffScreens, TheLastOfferedLanguageCannotBeTurnedOff) {
    EXPECT_TRUE(tap(settings_with({"uk"}), "settings.lang.uk").empty());
}

TEST_F(StaffScreens, SaveAndTheTextFieldsRecordTheirIntents) {
    const core::Session s = settings_with({"en"});
    only<core::SaveSettings>(tap(s, "settings.save"));
    only<core::Back>(tap(s, "nav.back"));
    for (const char* field : {"settings.centre_name", "settings.retention_months",
                              "settings.person_idle_s", "settings.warning_s"}) {
        EXPECT_EQ(only<core::FocusField>(tap(s, "field." + std::string(field))).field, field);
    }
}

TEST_F(StaffScreens, TheLastFieldIsReachedByDraggingTheFieldsUp) {
    // On a 16:9 screen the fifth field is below the fold: the column scrolls by touch.
    const core::Session s = settings_with({"en"});
    const ui::Rect region = target(s, "scroll.settings.fields")->rect;
    const ui::Rect before = ui.hits().find_id("field.settings.staff_idle_s")->rect;
    ASSERT_GT(before.y + before.h, region.y + region.h) << "it fits now: drop this test";
    drag_fields_up(s);
    const ui::Rect after = ui.hits().find_id("field.settings.staff_idle_s")->rect;
    EXPECT_LT(after.y, before.y);
    ASSERT_LE(after.y + after.h, region.y + region.h) << "now fully in view";
    EXPECT_EQ(only<core::FocusField>(tap(s, "field.settings.staff_idle_s")).field,
              "settings.staff_idle_s");
}

TEST_F(StaffScreens, ARefusedSaveIsShownInTheErrorColour) {
    core::Session s = settings_with({"en"});
    EXPECT_FALSE(used_error_colour(s));
    for (const char* code : {"settings.person_idle_s", "settings.languages", "store.io"}) {
        s.settings_error = code;
        EXPECT_TRUE(used_error_colour(s)) << code;
    }
}

TEST_F(StaffScreens, SettingsMirrorInArabic) {
    const core::Session en = settings_with({"en"});
    frame(en);
    const ui::Rect field_en = ui.hits().find_id("field.settings.centre_name")->rect;
    const ui::Rect save_en = ui.hits().find_id("settings.save")->rect;
    const core::Session ar = settings_with({"en"}, "ar");
    frame(ar);
    const ui::Rect field_ar = ui.hits().find_id("field.settings.centre_name")->rect;
    const ui::Rect save_ar = ui.hits().find_id("settings.save")->rect;
    EXPECT_LT(field_en.center_x(), 960.0F) << "fields at the start edge: left";
    EXPECT_GT(field_ar.center_x(), 960.0F) << "fields at the start edge: right in Arabic";
    EXPECT_GT(save_en.center_x(), 960.0F);
    EXPECT_LT(save_ar.center_x(), 960.0F);
}

// The welcome screen's staff entry.
class StaffEntry : public StaffScreens {
  protected:
    // Holds a finger on the entry for `frames` frames (1/60 s each), then lifts it.
    std::vector<core::Intent> hold(const core::Session& s, int frames) {
        const ui::HitTarget* t = target(s, "staff.entry");
        EXPECT_NE(t, nullptr);
        if (t == nullptr) {
            return {};
        }
        const float x = t->rect.x + 4;
        const float y = t->rect.y + 4;  // the very corner answers too
        std::vector<core::Intent> all;
        frame(s, {x, y, false});
        for (int i = 0; i < frames; ++i) {
            auto out = frame(s, {x, y, true});
            all.insert(all.end(), out.begin(), out.end());
        }
        auto out = frame(s, {x, y, false});
        all.insert(all.end(), out.begin(), out.end());
        return all;
    }
};

TEST_F(StaffEntry, ALongPressOpensStaffOnceATapDoesNothing) {
    const core::Session s = on(core::Screen::Welcome);
    EXPECT_TRUE(hold(s, 3).empty()) << "a tap";
    EXPECT_TRUE(hold(s, 100).empty()) << "1.7 s is not long enough";
    only<core::OpenStaff>(hold(s, 180));  // 3 s: once, not once per frame after 2 s
    frame(s);
    const ui::HitTarget* entry = ui.hits().find_id("staff.entry");
    ASSERT_NE(entry, nullptr);
    EXPECT_TRUE(entry->label.empty()) << "nothing says it is there";
}

TEST_F(StaffEntry, ItSitsInTheTopEndCorner) {
    const ui::Rect en = target(on(core::Screen::Welcome), "staff.entry")->rect;
    EXPECT_FLOAT_EQ(en.y, 0.0F);
    EXPECT_FLOAT_EQ(en.x + en.w, 1920.0F) << "top right";
    const ui::Rect ar = target(on(core::Screen::Welcome, "ar"), "staff.entry")->rect;
    EXPECT_FLOAT_EQ(ar.x, 0.0F) << "top left in Arabic";
    for (const auto& t : ui.hits().targets) {
        if (t.id != "staff.entry") {
            EXPECT_FALSE(t.rect.overlaps(ar)) << t.id;
        }
    }
}

TEST_F(StaffEntry, AFingerThatSlidesOffCancelsIt) {
    const core::Session s = on(core::Screen::Welcome);
    const ui::Rect r = target(s, "staff.entry")->rect;
    std::vector<core::Intent> all;
    frame(s, {r.x + 4, r.y + 4, false});
    for (int i = 0; i < 180; ++i) {
        const float x = i < 30 ? r.x + 4 : r.x - r.w;  // off the square after half a second
        auto out = frame(s, {x, r.y + 4, true});
        all.insert(all.end(), out.begin(), out.end());
    }
    frame(s, {});
    EXPECT_TRUE(all.empty());
}

}  // namespace
}  // namespace kiosk::test

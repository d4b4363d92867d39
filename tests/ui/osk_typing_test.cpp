// Typing through the on-screen keyboard, headless: a person on the Name screen taps the field,
// then taps keys found in the hit map by id; every frame's intents go through the real reducer,
// and the test checks the logical text that lands in the draft (Persian with ZWNJ, Pashto,
// Turkish capitals with shift, backspace with repeat on hold, the caret moved by a tap), the
// mirrored Arabic keyboard, and that the keyboard leaves a field and the nav bar visible.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "headless_ui.hpp"
#include "kiosk/core/field_path.hpp"
#include "kiosk/i18n/text_utf8.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/text_field.hpp"

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;

// The hit id of the key that types `cp` now.
std::string key_id(char32_t cp) {
    if (cp == U' ') {
        return "osk.space";
    }
    if (cp == U'\u200C') {
        return "osk.zwnj";
    }
    return "osk.key." + ui::code_point_name(cp);
}

class OskTyping : public ::testing::Test {
  protected:
    void start(int width, int height, std::string_view language) {
        ui_.emplace(width, height);
        core::KioskSettings settings;
        settings.staff_pin_set = true;
        settings.current_year = 2026;
        session = core::fresh_session(settings, now);
        session.language = std::string(language);
        session.screen = core::Screen::Name;
        session.screen_since = now;
    }

    HeadlessUi& ui() { return *ui_; }

    void apply(const std::vector<core::Intent>& intents) {
        for (const core::Intent& intent : intents) {
            session = core::reduce(session, intent, now);
        }
    }

    // Draws the current state (so the hit map is this state's) and returns the target.
    const ui::HitTarget* find(std::string_view id) {
        apply(ui().frame(session, {}, now));
        return ui().hits().find_id(id);
    }

    // A finger tap on the target with this id, a second after the last one; its intents are
    // applied. Fails the test when nothing has that id.
    void tap(std::string_view id) {
        now += 1s;
        const ui::HitTarget* target = find(id);
        ASSERT_NE(target, nullptr)
            << "nothing to tap with id " << id << " on " << ui().hits().screen;
        const ui::Rect rect = target->rect;
        apply(ui().tap(session, rect, now));
        apply(ui().frame(session, {}, now));  // the finger has gone
    }

    // A tap at a point (not a target's centre).
    void tap_at(float x, float y) {
        now += 1s;
        for (const bool down : {false, true, false}) {
            apply(ui().frame(session, {x, y, down}, now));
        }
        apply(ui().frame(session, {}, now));
    }

    // Types `text` key by key; a character with no key on the screen is looked for again with
    // shift on (capitals).
    void type(std::string_view text) {
        for (const i18n::CodePoint& cp : i18n::decode_utf8(text)) {
            const std::string id = key_id(cp.value);
            if (find(id) == nullptr) {
                tap("osk.shift");
            }
            tap(id);
        }
    }

    std::string given_name() const { return session.draft.given_name; }

    std::optional<HeadlessUi> ui_;
    Millis now{100'000};
    core::Session session;
};

TEST_F(OskTyping, PersianWithZwnjAndBackspace) {
    start(1280, 800, "fa");
    EXPECT_EQ(find("osk.zwnj"), nullptr) << "no keyboard before a field is tapped";
    tap("field.given_name");
    ASSERT_TRUE(session.focus.has_value());
    EXPECT_EQ(session.focus->field, "given_name");
    EXPECT_EQ(session.keyboard.layout, "fa");

    type("می\u200Cخواهم");
    EXPECT_EQ(given_name(), "می‌خواهم");
    EXPECT_EQ(session.focus->cursor, given_name().size());

    for (int i = 0; i < 5; ++i) {
        tap("osk.backspace");
    }
    EXPECT_EQ(given_name(), "می\u200C");
    tap("osk.backspace");
    EXPECT_EQ(given_name(), "می") << "the ZWNJ is deleted on its own";
    type("\u200Cروم");
    EXPECT_EQ(given_name(), "می‌روم");
}

TEST_F(OskTyping, PashtoWithItsOwnLetters) {
    start(1280, 800, "ps");
    tap("field.given_name");
    EXPECT_EQ(session.keyboard.layout, "ps");
    type("ښه ګټه");
    EXPECT_EQ(given_name(), "\u069A\u0647 \u06AB\u067C\u0647");
    tap("osk.backspace");
    tap("osk.backspace");
    EXPECT_EQ(given_name(), "ښه ګ");
}

TEST_F(OskTyping, TurkishCapitalsWithOneShotShift) {
    start(1280, 800, "tr");
    tap("field.given_name");
    EXPECT_EQ(session.keyboard.layout, "tr");

    tap("osk.shift");
    EXPECT_TRUE(session.keyboard.shift);
    // With shift on, the i key types İ and says so in its id and label.
    const ui::HitTarget* dotted = find("osk.key.U+0130");
    ASSERT_NE(dotted, nullptr);
    EXPECT_EQ(dotted->label, "İ");
    EXPECT_EQ(find("osk.key.U+0069"), nullptr);
    tap("osk.key.U+0130");
    EXPECT_FALSE(session.keyboard.shift) << "shift is released after one letter";
    EXPECT_NE(find("osk.key.U+0069"), nullptr);

    type("lkay Işık");
    EXPECT_EQ(given_name(), "İlkay Işık");
}

TEST_F(OskTyping, BackspaceRepeatsWhileHeld) {
    start(1280, 800, "en");
    tap("field.given_name");
    type("abcdefgh");
    ASSERT_EQ(given_name(), "abcdefgh");

    const ui::HitTarget* backspace = find("osk.backspace");
    ASSERT_NE(backspace, nullptr);
    const float x = backspace->rect.center_x();
    const float y = backspace->rect.center_y();
    now += 1s;
    apply(ui().frame(session, {x, y, false}, now));
    // Held for 42 frames of 1/60 s = 0.7 s: deletions at 0.5, 0.58 and 0.66 s.
    for (int frame = 0; frame <= 42; ++frame) {
        apply(ui().frame(session, {x, y, true}, now));
    }
    EXPECT_EQ(given_name(), "abcde");
    apply(ui().frame(session, {x, y, false}, now));
    EXPECT_EQ(given_name(), "abcde") << "lifting after a repeat deletes nothing more";

    tap("osk.backspace");
    EXPECT_EQ(given_name(), "abcd") << "a short tap deletes one";
}

TEST_F(OskTyping, TapInTheFocusedFieldMovesTheCaret) {
    start(1280, 800, "fa");
    tap("field.given_name");
    type("سلام");
    const ui::HitTarget* field = find("field.given_name");
    ASSERT_NE(field, nullptr);
    // Persian runs right to left: the logical start is at the right end of the text.
    tap_at(field->rect.x + field->rect.w - 4, field->rect.center_y());
    EXPECT_EQ(session.focus->cursor, 0U);
    type("و");
    EXPECT_EQ(given_name(), "وسلام");
    EXPECT_EQ(session.focus->cursor, std::string("و").size());
}

TEST_F(OskTyping, ArabicKeyboardIsMirrored) {
    start(1280, 800, "ar");
    tap("field.given_name");
    EXPECT_EQ(session.keyboard.layout, "ar");
    const ui::HitTarget* dad = find("osk.key.U+0636");  // ض, the Arabic layout's first key
    const ui::HitTarget* dal = find("osk.key.U+062F");  // د, the last of that row
    ASSERT_TRUE(dad != nullptr && dal != nullptr);
    const float half = ui().hits().display_w / 2;
    EXPECT_GT(dad->rect.center_x(), half);
    EXPECT_LT(dal->rect.center_x(), dad->rect.x);
    EXPECT_NEAR(dad->rect.y, dal->rect.y, 0.5F);

    // The Latin layout keeps QWERTY order in an Arabic session.
    tap("osk.layout");
    EXPECT_EQ(session.keyboard.layout, "latin");
    const ui::HitTarget* q = find("osk.key.U+0071");
    ASSERT_NE(q, nullptr);
    EXPECT_LT(q->rect.center_x(), half);
    type("Sara");
    EXPECT_EQ(given_name(), "Sara");
}

TEST_F(OskTyping, LayoutKeyCyclesAndDoneCloses) {
    start(1280, 800, "uk");
    tap("field.given_name");
    EXPECT_EQ(session.keyboard.layout, "uk");
    type("Ґалина");
    tap("osk.layout");
    EXPECT_EQ(session.keyboard.layout, "latin");
    tap("osk.layout");
    EXPECT_EQ(session.keyboard.layout, "digits");
    type("2");
    tap("osk.layout");
    EXPECT_EQ(session.keyboard.layout, "uk");
    EXPECT_EQ(given_name(), "Ґалина2");
    tap("osk.done");
    EXPECT_FALSE(session.focus.has_value());
    EXPECT_EQ(find("osk.done"), nullptr);
    EXPECT_EQ(given_name(), "Ґалина2");
}

TEST_F(OskTyping, NumberPadForPhoneWithoutALayoutKey) {
    start(1280, 800, "ar");
    session.screen = core::Screen::Contact;
    apply({core::FocusField{"phone.national_number",
                            std::string(ui::keyboard_layout_for("phone.national_number", "ar"))}});
    EXPECT_EQ(session.keyboard.layout, "digits");
    EXPECT_EQ(find("osk.layout"), nullptr) << "a phone field has only the number pad";
    type("532 111-22");
    EXPECT_EQ(session.draft.phone.national_number, "532 111-22");
}

TEST(OskLayoutFor, FollowsTheFieldThenTheLanguage) {
    EXPECT_EQ(ui::keyboard_layout_for("year_of_birth", "ar"), "digits");
    EXPECT_EQ(ui::keyboard_layout_for("work_history[0].from_year", "tr"), "digits");
    EXPECT_EQ(ui::keyboard_layout_for("phone.calling_code", "fa"), "digits");
    EXPECT_EQ(ui::keyboard_layout_for("email", "ps"), "email");
    EXPECT_EQ(ui::keyboard_layout_for("given_name", "ps"), "ps");
    EXPECT_EQ(ui::keyboard_layout_for("city", "kmr"), "kmr");
    EXPECT_EQ(ui::keyboard_layout_for("family_name", "en"), "latin");
}

TEST_F(OskTyping, KeysShowPressFeedback) {
    start(1280, 800, "en");
    tap("field.given_name");
    const ui::HitTarget* a = find("osk.key.U+0061");
    ASSERT_NE(a, nullptr);
    const ui::Rect rect = a->rect;
    const std::uint32_t amber = ui::make_theme(1280, 800).colors.pressed;
    ui().frame(session, {rect.center_x(), rect.center_y(), false}, now);
    EXPECT_FALSE(ui().last_frame_used_colour(amber));
    ui().frame(session, {rect.center_x(), rect.center_y(), true}, now);
    EXPECT_TRUE(ui().last_frame_used_colour(amber)) << "a held key turns amber";
}

// With the keyboard up, the focused field and Back/Next stay above it, at the kiosk's sizes and
// in both directions; and no key caption misses a glyph.
class OskSpace : public OskTyping,
                 public ::testing::WithParamInterface<std::tuple<int, int, const char*>> {};

TEST_P(OskSpace, FieldAndNavBarStayAboveTheKeyboard) {
    const auto [width, height, language] = GetParam();
    start(width, height, language);
    tap("field.given_name");
    ASSERT_TRUE(session.focus.has_value());
    find("field.given_name");
    float keyboard_top = static_cast<float>(height);
    for (const ui::HitTarget& t : ui().hits().targets) {
        if (t.id.starts_with("osk.")) {
            keyboard_top = std::min(keyboard_top, t.rect.y);
            EXPECT_GE(t.rect.h, 48.0F) << t.id;
            EXPECT_GE(t.rect.x, 0.0F) << t.id;
            EXPECT_LE(t.rect.x + t.rect.w, static_cast<float>(width)) << t.id;
            EXPECT_LE(t.rect.y + t.rect.h, static_cast<float>(height)) << t.id;
        }
    }
    for (const char* id : {"field.given_name", "nav.back", "nav.next"}) {
        const ui::HitTarget* t = ui().hits().find_id(id);
        ASSERT_NE(t, nullptr) << id;
        EXPECT_LE(t->rect.y + t->rect.h, keyboard_top) << id << " is under the keyboard";
    }
    EXPECT_TRUE(ui().glyphs().take_new().empty()) << "a key caption or the field lacks a glyph";
}

INSTANTIATE_TEST_SUITE_P(Displays, OskSpace,
                         ::testing::Values(std::make_tuple(1280, 800, "en"),
                                           std::make_tuple(1280, 800, "ar"),
                                           std::make_tuple(1280, 800, "ps"),
                                           std::make_tuple(1920, 1080, "fa"),
                                           std::make_tuple(1920, 1080, "ru")),
                         [](const auto& param_info) {
                             return std::to_string(std::get<0>(param_info.param)) + "x" +
                                    std::to_string(std::get<1>(param_info.param)) + "_" +
                                    std::get<2>(param_info.param);
                         });

}  // namespace
}  // namespace kiosk::test

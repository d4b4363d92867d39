// The on-screen keyboard model: what each layout can type, the per-layout shift rules (Turkish
// i/İ and ı/I), one-shot shift, ZWNJ and backspace in Persian and Pashto, the number pad, the
// layout cycle and the field's length limit. Text is typed through the layouts' own keys.
#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "kiosk/i18n/keyboard.hpp"
#include "kiosk/i18n/text_edit.hpp"
#include "kiosk/i18n/text_utf8.hpp"

namespace kiosk::i18n {
namespace {

const KeyboardLayout& layout(std::string_view id) {
    const KeyboardLayout* found = find_layout(id);
    EXPECT_NE(found, nullptr) << id;
    return found != nullptr ? *found : keyboard_layouts().front();
}

std::vector<std::string> code_points(std::string_view text) {
    std::vector<std::string> out;
    for (const CodePoint& cp : decode_utf8(text)) {
        std::string one;
        append_utf8(one, cp.value);
        out.push_back(one);
    }
    return out;
}

// A person at the keyboard: the edited text, the keyboard state, and the keys pressed.
struct Typist {
    explicit Typist(std::string_view layout_id, std::size_t max_bytes = 4096)
        : edit(max_bytes), state{std::string(layout_id), false} {
        cycle = layout_cycle(layout_id, "en");
    }

    KeyOutcome press(const Key& key) { return apply_key(key, edit, state, cycle); }
    KeyOutcome press(KeyKind kind) {
        const Key* key = layout(state.layout).find(kind);
        EXPECT_NE(key, nullptr) << "layout " << state.layout << " has no such key";
        return key != nullptr ? press(*key) : KeyOutcome{};
    }

    // Types `text` one code point at a time with the current layout's keys, pressing shift
    // first when the key needs it. Fails the test when a code point has no key.
    void type(std::string_view text) {
        for (const std::string& one : code_points(text)) {
            const auto where = find_key_typing(layout(state.layout), one);
            ASSERT_TRUE(where.has_value()) << "no key types " << one << " on " << state.layout;
            if (where->shift != state.shift) {
                press(KeyKind::shift);
            }
            const KeyOutcome out = press(*where->key);
            ASSERT_TRUE(out.edited) << one;
        }
    }

    TextEdit edit;
    KeyboardState state;
    std::vector<std::string_view> cycle;
};

// Every letter of `alphabet` (space separated) has a key on `layout_id`, capitals behind shift.
void expect_reachable(std::string_view layout_id, std::string_view alphabet, bool capitals) {
    const KeyboardLayout& l = layout(layout_id);
    for (const std::string& letter : code_points(alphabet)) {
        if (letter == " ") {
            continue;
        }
        const auto where = find_key_typing(l, letter);
        ASSERT_TRUE(where.has_value()) << layout_id << " cannot type " << letter;
        EXPECT_FALSE(where->shift) << letter << " should be on a key without shift";
        if (capitals) {
            EXPECT_FALSE(where->key->shifted.empty()) << letter << " has no capital";
        }
    }
}

TEST(Keyboard, TurkishShiftGivesDottedAndDotlessCapitals) {
    Typist turkish("tr");
    const auto i_key = find_key_typing(layout("tr"), "i");
    const auto dotless_key = find_key_typing(layout("tr"), "ı");
    ASSERT_TRUE(i_key && dotless_key);
    turkish.press(KeyKind::shift);
    turkish.press(*i_key->key);
    turkish.press(KeyKind::shift);
    turkish.press(*dotless_key->key);
    turkish.press(*i_key->key);
    turkish.press(*dotless_key->key);
    EXPECT_EQ(turkish.edit.text(),
              "\u0130I"
              "i\u0131");  // İ I i ı

    // The capitals sit on the letters' own keys: I is not reachable from the i key.
    EXPECT_EQ(find_key_typing(layout("tr"), "I")->key, dotless_key->key);
    EXPECT_EQ(find_key_typing(layout("tr"), "\u0130")->key, i_key->key);
}

TEST(Keyboard, TurkishNameTypedWithShift) {
    Typist t("tr");
    t.type("İlkay Işık Çağrı Öztürk Şükrü");
    EXPECT_EQ(t.edit.text(), "İlkay Işık Çağrı Öztürk Şükrü");
    EXPECT_FALSE(t.state.shift);
}

TEST(Keyboard, KurmanjiLettersAreReachable) {
    expect_reachable("kmr", "a b c ç d e ê f g h i î j k l m n o p q r s ş t u û v w x y z", true);
    Typist t("kmr");
    t.type("Êzîdxan Şêrîn Çiya Îbo Ûsiv");
    EXPECT_EQ(t.edit.text(), "Êzîdxan Şêrîn Çiya Îbo Ûsiv");
    // Kurmanji has no dotless ı: its i capitalises to plain I.
    const auto i_key = find_key_typing(layout("kmr"), "i");
    ASSERT_TRUE(i_key);
    EXPECT_EQ(key_text(*i_key->key, true), "I");
}

TEST(Keyboard, EveryLetterOfEachAlphabetHasAKey) {
    expect_reachable("latin", "a b c d e f g h i j k l m n o p q r s t u v w x y z", true);
    expect_reachable("tr", "a b c ç d e f g ğ h ı i j k l m n o ö p r s ş t u ü v y z", true);
    expect_reachable("bg", "а б в г д е ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ь ю я", true);
    expect_reachable("uk", "а б в г ґ д е є ж з и і ї й к л м н о п р с т у ф х ц ч ш щ ь ю я",
                     true);
    expect_reachable("ru", "а б в г д е ё ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я",
                     true);
    expect_reachable(
        "ar", "ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي ء أ إ آ ؤ ئ ى ة", false);
    expect_reachable("fa", "ا آ ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن و ه ی ئ",
                     false);
    expect_reachable("ps",
                     "ا آ ب پ ت ټ ث ج ځ چ څ ح خ د ډ ذ ر ړ ز ژ ږ س ش ښ ص ض ط ظ ع غ ف ق ک ګ ل م ن ڼ "
                     "و ه ي ې ی ۍ ئ ء",
                     false);
    expect_reachable("digits", "0 1 2 3 4 5 6 7 8 9 + -", false);
    expect_reachable("email", "a z 0 9 @ . - _", false);
}

TEST(Keyboard, PersianWithZwnjTypedAndErased) {
    Typist t("fa");
    t.type("می");
    const KeyOutcome zwnj = t.press(KeyKind::zwnj);
    EXPECT_TRUE(zwnj.edited);
    t.type("خواهم");
    EXPECT_EQ(t.edit.text(), "می\u200Cخواهم");
    EXPECT_EQ(t.edit.text(), "می‌خواهم");

    // Backspace removes one code point at a time; the ZWNJ goes on its own.
    for (int i = 0; i < 5; ++i) {
        EXPECT_TRUE(t.press(KeyKind::backspace).edited);
    }
    EXPECT_EQ(t.edit.text(), "می\u200C");
    t.press(KeyKind::backspace);
    EXPECT_EQ(t.edit.text(), "می");
    t.press(KeyKind::backspace);
    t.press(KeyKind::backspace);
    EXPECT_EQ(t.edit.text(), "");
    EXPECT_FALSE(t.press(KeyKind::backspace).edited);
}

TEST(Keyboard, PashtoWordsWithTheirOwnLetters) {
    Typist t("ps");
    t.type("ښه ګټه");
    EXPECT_EQ(t.edit.text(), "\u069A\u0647 \u06AB\u067C\u0647");
    t.type(" ځړ ډېر");
    EXPECT_EQ(t.edit.text(), "ښه ګټه ځړ ډېر");
    for (int i = 0; i < 7; ++i) {
        t.press(KeyKind::backspace);
    }
    EXPECT_EQ(t.edit.text(), "ښه ګټه");
}

TEST(Keyboard, UkrainianLettersAreCyrillicNotLatinLookalikes) {
    Typist t("uk");
    t.type("Їжак Євгенія Ґудзь Іван");
    EXPECT_EQ(t.edit.text(),
              "\u0407\u0436\u0430\u043A \u0404\u0432\u0433\u0435\u043D\u0456\u044F "
              "\u0490\u0443\u0434\u0437\u044C \u0406\u0432\u0430\u043D");
    // і, ї, є, ґ are on the Ukrainian layout and not on the Russian one.
    for (const char* letter : {"і", "ї", "є", "ґ"}) {
        EXPECT_TRUE(find_key_typing(layout("uk"), letter).has_value()) << letter;
        EXPECT_FALSE(find_key_typing(layout("ru"), letter).has_value()) << letter;
    }
}

TEST(Keyboard, DigitsPadTypesAPhoneNumber) {
    Typist t("digits");
    t.type("+90 532-111 22 33");
    EXPECT_EQ(t.edit.text(), "+90 532-111 22 33");
    EXPECT_EQ(layout("digits").find(KeyKind::shift), nullptr);
    EXPECT_FALSE(find_key_typing(layout("digits"), "a").has_value());
}

TEST(Keyboard, ShiftIsOneShot) {
    Typist t("latin");
    const auto a = find_key_typing(layout("latin"), "a");
    ASSERT_TRUE(a);
    t.press(KeyKind::shift);
    EXPECT_TRUE(t.state.shift);
    t.press(KeyKind::space);  // not a letter: shift waits for one
    EXPECT_TRUE(t.state.shift);
    const KeyOutcome first = t.press(*a->key);
    EXPECT_TRUE(first.state_changed);
    EXPECT_FALSE(t.state.shift);
    t.press(*a->key);
    EXPECT_EQ(t.edit.text(), " Aa");

    t.press(KeyKind::shift);
    t.press(KeyKind::shift);  // a second tap takes it back
    EXPECT_FALSE(t.state.shift);
    t.press(*a->key);
    EXPECT_EQ(t.edit.text(), " Aaa");
}

TEST(Keyboard, ShiftDoesNothingOnUncasedLayouts) {
    for (const char* id : {"ar", "fa", "ps", "digits", "email"}) {
        Typist t(id);
        EXPECT_EQ(layout(id).find(KeyKind::shift), nullptr) << id;
        Key shift;
        shift.kind = KeyKind::shift;
        EXPECT_FALSE(t.press(shift).state_changed) << id;
        EXPECT_FALSE(t.state.shift) << id;
    }
}

TEST(Keyboard, MaxLengthIsRespected) {
    Typist t("digits", 4);
    t.type("2024");
    const auto five = find_key_typing(layout("digits"), "5");
    ASSERT_TRUE(five);
    const KeyOutcome out = t.press(*five->key);
    EXPECT_TRUE(out.refused);
    EXPECT_FALSE(out.edited);
    EXPECT_EQ(t.edit.text(), "2024");

    // A refused capital keeps shift on for the next try.
    Typist name("tr", 2);
    name.type("ab");
    name.press(KeyKind::shift);
    EXPECT_TRUE(name.press(*find_key_typing(layout("tr"), "i")->key).refused);
    EXPECT_TRUE(name.state.shift);
    EXPECT_EQ(name.edit.text(), "ab");
}

TEST(Keyboard, LayoutForEachSessionLanguage) {
    EXPECT_EQ(layout_for_language("en"), "latin");
    for (const char* own : {"tr", "kmr", "ar", "fa", "ps", "bg", "uk", "ru"}) {
        EXPECT_EQ(layout_for_language(own), own);
        EXPECT_NE(find_layout(layout_for_language(own)), nullptr) << own;
    }
    EXPECT_EQ(layout_for_language("fa-AF"), "fa");
    EXPECT_EQ(layout_for_language("de"), "latin");
}

TEST(Keyboard, LayoutKeyCyclesThroughWhatSuitsTheField) {
    using Cycle = std::vector<std::string_view>;
    EXPECT_EQ(layout_cycle("fa", "fa"), (Cycle{"fa", "latin", "digits"}));
    EXPECT_EQ(layout_cycle("latin", "en"), (Cycle{"latin", "digits"}));
    EXPECT_EQ(layout_cycle("digits", "ar"), (Cycle{"digits"}));
    EXPECT_EQ(layout_cycle("email", "tr"), (Cycle{"email"}));

    KeyboardState state{"uk", true};
    TextEdit edit;
    const Cycle cycle = layout_cycle("uk", "uk");
    const Key* switch_key = layout("uk").find(KeyKind::layout);
    ASSERT_NE(switch_key, nullptr);
    std::vector<std::string> seen;
    for (int i = 0; i < 3; ++i) {
        EXPECT_TRUE(apply_key(*switch_key, edit, state, cycle).state_changed);
        EXPECT_FALSE(state.shift);
        seen.push_back(state.layout);
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"latin", "digits", "uk"}));
    EXPECT_EQ(edit.text(), "");
}

TEST(Keyboard, DoneOnlyAsksToClose) {
    Typist t("ar");
    t.type("سلام");
    const KeyOutcome out = t.press(KeyKind::done);
    EXPECT_TRUE(out.close);
    EXPECT_FALSE(out.edited);
    EXPECT_EQ(t.edit.text(), "سلام");
}

TEST(Keyboard, ArabicTypesLogicalLettersNotPresentationForms) {
    Typist t("ar");
    t.type("لا أحمد إبراهيم آمنة");
    for (const CodePoint& cp : decode_utf8(t.edit.text())) {
        EXPECT_FALSE(cp.value >= 0xFB50 && cp.value <= 0xFEFF)
            << std::hex << static_cast<std::uint32_t>(cp.value);
    }
    EXPECT_EQ(code_points(t.edit.text()).front(), "\u0644");
    EXPECT_EQ(code_points(t.edit.text())[1], "\u0627");
}

// The UI names each character key by the first code point it types now ("osk.key.U+0627"):
// within one layout and shift state that must be unique. Also the special keys each layout
// needs, and which layouts are drawn right to left.
TEST(Keyboard, LayoutsAreWellFormed) {
    std::set<std::string> ids;
    for (const KeyboardLayout& l : keyboard_layouts()) {
        ids.insert(l.id);
        for (const bool shift : {false, true}) {
            std::set<char32_t> firsts;
            for (const auto& row : l.rows) {
                for (const Key& key : row) {
                    if (key.kind != KeyKind::character) {
                        continue;
                    }
                    const auto cps = decode_utf8(key_text(key, shift && l.cased));
                    ASSERT_FALSE(cps.empty()) << l.id;
                    EXPECT_TRUE(firsts.insert(cps.front().value).second)
                        << l.id << ": two keys start with U+" << std::hex
                        << static_cast<std::uint32_t>(cps.front().value);
                }
            }
        }
        EXPECT_EQ(l.cased, l.find(KeyKind::shift) != nullptr) << l.id;
        EXPECT_NE(l.find(KeyKind::backspace), nullptr) << l.id;
        EXPECT_NE(l.find(KeyKind::done), nullptr) << l.id;
        EXPECT_NE(l.find(KeyKind::layout), nullptr) << l.id;
        const bool needs_zwnj = l.id == "fa" || l.id == "ps";
        EXPECT_EQ(l.find(KeyKind::zwnj) != nullptr, needs_zwnj) << l.id;
        const bool arabic_script = l.id == "ar" || l.id == "fa" || l.id == "ps";
        EXPECT_EQ(l.rtl, arabic_script) << l.id;
    }
    EXPECT_EQ(ids, (std::set<std::string>{"latin", "tr", "kmr", "ar", "fa", "ps", "bg", "uk", "ru",
                                          "digits", "email", "code"}));
}

}  // namespace
}  // namespace kiosk::i18n

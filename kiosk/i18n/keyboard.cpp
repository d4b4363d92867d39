// On-screen keyboard layouts and key rules (see keyboard.hpp for the decisions).
#include "kiosk/i18n/keyboard.hpp"

#include <algorithm>
#include <cassert>
#include <charconv>

namespace kiosk::i18n {

namespace {

// [SECTION] Layout tables
//
// A row is written as it looks: keys separated by spaces, special keys in braces with an
// optional width ("{space:4}"). Cased layouts give each row twice, plain and shifted; the two
// must line up key for key.

struct RowSpec {
    std::string_view plain;
    std::string_view shifted;  // empty: the row has no shifted forms
};

struct LayoutSpec {
    std::string_view id;
    bool cased;
    bool rtl;
    std::vector<RowSpec> rows;
};

constexpr std::string_view kCasedBottom = "{layout} - {space} ' . {done}";
constexpr std::string_view kZwnjBottom = "{layout} {zwnj} {space} {done}";

std::vector<LayoutSpec> layout_specs() {
    return {
        {"latin",
         true,
         false,
         {{"q w e r t y u i o p", "Q W E R T Y U I O P"},
          {"a s d f g h j k l", "A S D F G H J K L"},
          {"{shift} z x c v b n m {backspace}", "{shift} Z X C V B N M {backspace}"},
          {kCasedBottom, {}}}},
        // Turkish Q: dotless ı on the i position, dotted i beside ş; each keeps its own capital.
        {"tr",
         true,
         false,
         {{"q w e r t y u ı o p ğ ü", "Q W E R T Y U I O P Ğ Ü"},
          {"a s d f g h j k l ş i", "A S D F G H J K L Ş İ"},
          {"{shift} z x c v b n m ö ç {backspace}", "{shift} Z X C V B N M Ö Ç {backspace}"},
          {kCasedBottom, {}}}},
        // Kurmanji on the Turkish Q frame (xkb "tr(ku)"): û î ê where Turkish has ü, i, ö.
        {"kmr",
         true,
         false,
         {{"q w e r t y u i o p û", "Q W E R T Y U I O P Û"},
          {"a s d f g h j k l ş î", "A S D F G H J K L Ş Î"},
          {"{shift} z x c v b n m ê ç {backspace}", "{shift} Z X C V B N M Ê Ç {backspace}"},
          {kCasedBottom, {}}}},
        // Arabic PC order; the hamza forms, which the PC layout hides behind shift, get keys.
        {"ar",
         false,
         true,
         {{"ض ص ث ق ف غ ع ه خ ح ج د", {}},
          {"ش س ي ب ل ا ت ن م ك ط", {}},
          {"ذ ئ ء ؤ ر ى ة و ز ظ {backspace}", {}},
          {"{layout} أ إ آ {space} {done}", {}}}},
        // Persian ISIRI 9147 order (Persian yeh ی and keheh ک), with ژ آ ئ on keys of their own.
        {"fa",
         false,
         true,
         {{"ض ص ث ق ف غ ع ه خ ح ج چ", {}},
          {"ش س ی ب ل ا ت ن م ک گ", {}},
          {"ظ ط ز ر ذ د پ و ژ آ ئ {backspace}", {}},
          {kZwnjBottom, {}}}},
        // Pashto: the Persian frame with ګ, then a row of Pashto's own letters that the PC
        // layout (xkb "af(ps)") puts behind shift.
        {"ps",
         false,
         true,
         {{"ض ص ث ق ف غ ع ه خ ح ج چ", {}},
          {"ش س ی ب ل ا ت ن م ک ګ", {}},
          {"ۍ ې ز ر ذ د ړ و ږ ي ئ ء", {}},
          {"پ ټ ځ څ ډ ژ ښ ڼ ط ظ آ {backspace}", {}},
          {kZwnjBottom, {}}}},
        // Bulgarian phonetic, the layout Bulgarian phones default to.
        {"bg",
         true,
         false,
         {{"я в е р т ъ у и о п ш щ", "Я В Е Р Т Ъ У И О П Ш Щ"},
          {"а с д ф г х й к л ю ч", "А С Д Ф Г Х Й К Л Ю Ч"},
          {"{shift} з ь ц ж б н м {backspace}", "{shift} З Ь Ц Ж Б Н М {backspace}"},
          {kCasedBottom, {}}}},
        {"uk",
         true,
         false,
         {{"й ц у к е н г ш щ з х ї", "Й Ц У К Е Н Г Ш Щ З Х Ї"},
          {"ф і в а п р о л д ж є ґ", "Ф І В А П Р О Л Д Ж Є Ґ"},
          {"{shift} я ч с м и т ь б ю {backspace}", "{shift} Я Ч С М И Т Ь Б Ю {backspace}"},
          {kCasedBottom, {}}}},
        {"ru",
         true,
         false,
         {{"й ц у к е н г ш щ з х ъ", "Й Ц У К Е Н Г Ш Щ З Х Ъ"},
          {"ф ы в а п р о л д ж э ё", "Ф Ы В А П Р О Л Д Ж Э Ё"},
          {"{shift} я ч с м и т ь б ю {backspace}", "{shift} Я Ч С М И Т Ь Б Ю {backspace}"},
          {kCasedBottom, {}}}},
        // A phone pad: '+' for the calling code, '-' and space as people group their numbers.
        {"digits",
         false,
         false,
         {{"1 2 3 {backspace:1}", {}},
          {"4 5 6 -", {}},
          {"7 8 9 {space:1}", {}},
          {"{layout:1} 0 + {done:1}", {}}}},
        // Addresses are written in lower case: no shift, no space.
        {"email",
         false,
         false,
         {{"1 2 3 4 5 6 7 8 9 0", {}},
          {"q w e r t y u i o p", {}},
          {"a s d f g h j k l -", {}},
          {"z x c v b n m _ . {backspace}", {}},
          {"{layout} @ {done:3}", {}}}},
        // Reference codes (core/reference_code.hpp): digits and the capitals of Crockford's
        // alphabet, without I L O U, which codes never contain; '-' as on the printed code.
        {"code",
         false,
         false,
         {{"1 2 3 4 5 6 7 8 9 0", {}},
          {"Q W E R T Y P", {}},
          {"A S D F G H J K", {}},
          {"Z X C V B N M {backspace}", {}},
          {"{layout} - {done:3}", {}}}},
    };
}

std::vector<std::string_view> split_words(std::string_view row) {
    std::vector<std::string_view> words;
    std::size_t pos = 0;
    while (pos < row.size()) {
        const std::size_t end = std::min(row.find(' ', pos), row.size());
        if (end > pos) {
            words.push_back(row.substr(pos, end - pos));
        }
        pos = end + 1;
    }
    return words;
}

float default_width(KeyKind kind) {
    switch (kind) {
        case KeyKind::character:
            return 1.0F;
        case KeyKind::space:
            return 4.0F;
        case KeyKind::done:
            return 2.0F;
        case KeyKind::shift:
        case KeyKind::backspace:
        case KeyKind::zwnj:
        case KeyKind::layout:
            break;
    }
    return 1.5F;
}

KeyKind special_kind(std::string_view name) {
    if (name == "shift")
        return KeyKind::shift;
    if (name == "backspace")
        return KeyKind::backspace;
    if (name == "space")
        return KeyKind::space;
    if (name == "zwnj")
        return KeyKind::zwnj;
    if (name == "layout")
        return KeyKind::layout;
    assert(name == "done" && "unknown special key in a layout table");
    return KeyKind::done;
}

// "{space:4}" -> a space key 4 wide; anything else types itself.
Key parse_key(std::string_view word) {
    Key key;
    if (word.size() < 2 || word.front() != '{' || word.back() != '}') {
        key.text = std::string(word);
        return key;
    }
    const std::string_view inner = word.substr(1, word.size() - 2);
    const std::size_t colon = inner.find(':');
    key.kind = special_kind(inner.substr(0, colon));
    key.width = default_width(key.kind);
    if (colon != std::string_view::npos) {
        const std::string_view digits = inner.substr(colon + 1);
        int width = 0;
        std::from_chars(digits.data(), digits.data() + digits.size(), width);
        assert(width > 0 && "a key width in a layout table must be a positive whole number");
        key.width = static_cast<float>(width);
    }
    return key;
}

KeyboardLayout build(const LayoutSpec& spec) {
    KeyboardLayout layout{std::string(spec.id), spec.cased, spec.rtl, {}};
    for (const RowSpec& row_spec : spec.rows) {
        std::vector<Key> row;
        for (const std::string_view word : split_words(row_spec.plain)) {
            row.push_back(parse_key(word));
        }
        if (!row_spec.shifted.empty()) {
            const auto shifted = split_words(row_spec.shifted);
            assert(shifted.size() == row.size() && "a shifted row must match its plain row");
            for (std::size_t i = 0; i < row.size(); ++i) {
                if (row[i].kind == KeyKind::character) {
                    row[i].shifted = std::string(shifted[i]);
                }
            }
        }
        layout.rows.push_back(std::move(row));
    }
    return layout;
}

std::vector<KeyboardLayout> build_all() {
    std::vector<KeyboardLayout> layouts;
    for (const LayoutSpec& spec : layout_specs()) {
        layouts.push_back(build(spec));
    }
    return layouts;
}

// Immutable tables, built once; no state of anyone's lives here.
const std::vector<KeyboardLayout> kLayouts = build_all();

constexpr std::string_view kZwnj = "\u200C";

}  // namespace

// [SECTION] Lookups

const Key* KeyboardLayout::find(KeyKind kind) const {
    for (const auto& row : rows) {
        for (const Key& key : row) {
            if (key.kind == kind) {
                return &key;
            }
        }
    }
    return nullptr;
}

std::span<const KeyboardLayout> keyboard_layouts() {
    return kLayouts;
}

const KeyboardLayout* find_layout(std::string_view id) {
    const auto it = std::find_if(kLayouts.begin(), kLayouts.end(),
                                 [id](const KeyboardLayout& l) { return l.id == id; });
    return it == kLayouts.end() ? nullptr : &*it;
}

std::string_view layout_for_language(std::string_view language) {
    const std::string_view primary = language.substr(0, language.find_first_of("-_"));
    for (const std::string_view own : {"tr", "kmr", "ar", "fa", "ps", "bg", "uk", "ru"}) {
        if (primary == own) {
            return own;
        }
    }
    return "latin";
}

std::vector<std::string_view> layout_cycle(std::string_view start, std::string_view language) {
    if (start == "digits" || start == "email" || start == "code") {
        return {start};
    }
    std::vector<std::string_view> cycle;
    for (const std::string_view id : {start, layout_for_language(language),
                                      std::string_view("latin"), std::string_view("digits")}) {
        if (find_layout(id) != nullptr &&
            std::find(cycle.begin(), cycle.end(), id) == cycle.end()) {
            cycle.push_back(id);
        }
    }
    return cycle;
}

std::string_view next_layout(std::string_view current, std::span<const std::string_view> cycle) {
    assert(!cycle.empty() && "a keyboard needs at least one layout");
    const auto it = std::find(cycle.begin(), cycle.end(), current);
    if (it == cycle.end() || it + 1 == cycle.end()) {
        return cycle.front();
    }
    return *(it + 1);
}

std::string_view key_text(const Key& key, bool shift) {
    return shift && !key.shifted.empty() ? std::string_view(key.shifted)
                                         : std::string_view(key.text);
}

std::optional<KeyLocation> find_key_typing(const KeyboardLayout& layout, std::string_view text) {
    if (text == " ") {
        if (const Key* space = layout.find(KeyKind::space)) {
            return KeyLocation{space, false};
        }
    }
    if (text == kZwnj) {
        if (const Key* zwnj = layout.find(KeyKind::zwnj)) {
            return KeyLocation{zwnj, false};
        }
    }
    for (const bool shift : {false, true}) {
        for (const auto& row : layout.rows) {
            for (const Key& key : row) {
                if (key.kind == KeyKind::character && (!shift || !key.shifted.empty()) &&
                    key_text(key, shift) == text) {
                    return KeyLocation{&key, shift};
                }
            }
        }
    }
    return std::nullopt;
}

// [SECTION] Key rules

KeyOutcome apply_key(const Key& key, TextEdit& edit, KeyboardState& state,
                     std::span<const std::string_view> cycle) {
    KeyOutcome out;
    const auto type = [&](std::string_view text) {
        if (edit.insert(text)) {
            out.edited = true;
        } else {
            out.refused = true;
        }
    };
    switch (key.kind) {
        case KeyKind::character: {
            const KeyboardLayout* layout = find_layout(state.layout);
            const bool shift = state.shift && layout != nullptr && layout->cased;
            type(key_text(key, shift));
            if (out.edited && state.shift) {
                state.shift = false;  // one-shot
                out.state_changed = true;
            }
            break;
        }
        case KeyKind::space:
            type(" ");
            break;
        case KeyKind::zwnj:
            type(kZwnj);
            break;
        case KeyKind::backspace:
            out.edited = edit.backspace();
            break;
        case KeyKind::shift: {
            const KeyboardLayout* layout = find_layout(state.layout);
            if (layout != nullptr && layout->cased) {
                state.shift = !state.shift;
                out.state_changed = true;
            }
            break;
        }
        case KeyKind::layout:
            state.layout = std::string(next_layout(state.layout, cycle));
            state.shift = false;
            out.state_changed = true;
            break;
        case KeyKind::done:
            out.close = true;
            break;
    }
    return out;
}

}  // namespace kiosk::i18n

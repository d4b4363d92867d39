// The on-screen keyboard as data and rules, with no drawing: the layouts (rows of keys, each key
// typing a string, with its shifted form in cased scripts), which layouts a field can switch
// between, and what a key does to a TextEdit and to the keyboard's own state. kiosk/ui draws
// these layouts and records the results as intents; tests and the scripted driver use the same
// tables, so "typed through the keyboard" means through these keys.
//
// Layout ids:
//   latin   English QWERTY                   tr    Turkish Q (ç ğ ı İ ö ş ü)
//   kmr     Kurdish Kurmanji, Latin Q        ar    Arabic
//   fa      Persian (ISIRI order, ZWNJ key)  ps    Pashto (ټ ډ ړ ږ ښ ګ ڼ ې ۍ ځ څ ...)
//   bg      Bulgarian phonetic Cyrillic      uk    Ukrainian Cyrillic (і ї є ґ)
//   ru      Russian ЙЦУКЕН                   digits number pad: 0-9, '+', '-', space (phones,
//   years) email   digits, Latin letters, @ . - _
//   code    reference codes: digits and the capitals A-Z without I L O U, '-'
//
// Decisions:
//  - Shift exists only on cased layouts (latin, tr, kmr, bg, uk, ru) and is one-shot: it is
//    released by the next character typed. There is no caps lock (a name needs one capital).
//    Shifted forms come from each layout's own table, never from toupper(): Turkish i -> İ and
//    ı -> I, Kurmanji i -> I.
//  - The layout key cycles through the layouts that suit the field (layout_cycle): a numeric
//    field only has the number pad, an email field only the email layout and a reference code
//    only the code layout (no switch key is needed); any other text field cycles through the session language's layout, then Latin
//    (names and places written in Latin letters), then the number pad (a house number, "2 years").
//  - Arabic-script layouts (ar, fa, ps) are right to left: row order lists the first key first
//    (ض), and the UI draws them mirrored, first key on the right, as native Arabic and Persian
//    keyboards are. Latin and Cyrillic layouts keep their order even in an Arabic session.
//  - Lam-alef and the hamza forms are typed as their logical letters (ل then ا; أ إ آ keys of
//    their own), never as presentation forms; the shaper joins them.
//  - In a layout no two keys type the same first code point in the same shift state, so the
//    UI's hit ids ("osk.key.U+0627") are unique.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/i18n/text_edit.hpp"

namespace kiosk::i18n {

enum class KeyKind : unsigned char { character, shift, backspace, space, zwnj, layout, done };

struct Key {
    KeyKind kind = KeyKind::character;
    std::string text;     // character keys: what the key types (one or more code points)
    std::string shifted;  // character keys of cased layouts: what it types with shift
    float width = 1.0F;   // in standard key widths
};

struct KeyboardLayout {
    std::string id;
    bool cased = false;  // has a shift key
    bool rtl = false;    // drawn mirrored: each row's first key on the right
    std::vector<std::vector<Key>> rows;

    // The key of a special kind (shift, backspace, ...), or nullptr when the layout has none.
    const Key* find(KeyKind kind) const;
};

// Every layout, in the order of the table above.
std::span<const KeyboardLayout> keyboard_layouts();

// The layout with this id, or nullptr.
const KeyboardLayout* find_layout(std::string_view id);

// The layout of a session language ("fa" -> "fa", "en" -> "latin"); "latin" for a language that
// has no layout of its own. A region suffix is ignored ("fa-AF" -> "fa").
std::string_view layout_for_language(std::string_view language);

// The layouts the layout key cycles through for a field that starts on `start` (see the
// decisions above), `start` first. One entry: the keyboard shows no layout key.
std::vector<std::string_view> layout_cycle(std::string_view start, std::string_view language);

// The layout after `current` in `cycle` (the first one when `current` is not in it).
std::string_view next_layout(std::string_view current, std::span<const std::string_view> cycle);

// What a character key types now: its shifted form when `shift` is on and it has one.
std::string_view key_text(const Key& key, bool shift);

// Where a string is typed on a layout: the key, and whether shift must be on for it.
struct KeyLocation {
    const Key* key = nullptr;
    bool shift = false;
};
// The key that types exactly `text` (unshifted forms first), or nullopt when the layout has
// none. A space is found as the space key, U+200C as the ZWNJ key.
std::optional<KeyLocation> find_key_typing(const KeyboardLayout& layout, std::string_view text);

// The keyboard's own state: the layout shown and whether shift is on.
struct KeyboardState {
    std::string layout;
    bool shift = false;
    bool operator==(const KeyboardState&) const = default;
};

// What a key press did.
struct KeyOutcome {
    bool edited = false;         // the text or the cursor changed
    bool state_changed = false;  // layout or shift changed
    bool close = false;          // "done": the keyboard closes
    bool refused = false;        // the key could not type: the field is full ("i18n.text_too_long")
};

// Applies one key to `edit` and `state`. Character, space and ZWNJ keys insert at the cursor;
// a character key then releases shift. Backspace deletes one code point before the cursor
// (TextEdit's editing unit). Shift toggles (cased layouts only). The layout key moves to
// next_layout(state.layout, cycle) and releases shift. Done only reports `close`.
KeyOutcome apply_key(const Key& key, TextEdit& edit, KeyboardState& state,
                     std::span<const std::string_view> cycle);

}  // namespace kiosk::i18n

// The logical side of a text field filled with an on-screen keyboard in any script. The buffer is
// logical UTF-8 (what the person typed, in typing order); the renderer draws the shaped, visual
// form (Shaper::shape_line of text()) and uses the mapping below for the caret and for taps.
//
// Editing unit, decided for Arabic-script typing:
//  - backspace deletes ONE code point before the cursor. A harakat or other combining mark
//    typed after a letter is therefore removed on its own first (as Arabic and Persian phone
//    keyboards do), and ZWNJ (U+200C, the Persian half-space in "می‌خواهم") is typed and
//    deleted like any character;
//  - delete (forward) removes the code point after the cursor together with the combining marks
//    that follow it, so no mark is left without its letter;
//  - the cursor never stops between a letter and its combining marks: moving steps over a letter
//    with its marks. ZWNJ/ZWJ are not marks and are stops of their own.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "kiosk/core/result.hpp"
#include "kiosk/i18n/shaper.hpp"

namespace kiosk::i18n {

class TextEdit {
  public:
    // `max_bytes`: the longest text accepted (UTF-8 bytes); inserts that would pass it fail.
    explicit TextEdit(std::size_t max_bytes = 4096) : max_bytes_(max_bytes) {}

    const std::string& text() const { return text_; }
    std::size_t cursor() const { return cursor_; }  // byte offset, always a cursor stop

    // Replaces the text and puts the cursor at its end. Errors as for insert().
    Status set_text(std::string_view utf8);

    // Inserts at the cursor and moves the cursor after the inserted text. U+FEFF is dropped.
    // Errors (the text is left unchanged): "i18n.invalid_utf8", "i18n.text_too_long".
    Status insert(std::string_view utf8);

    bool backspace();       // false when there is nothing before the cursor
    bool delete_forward();  // false when there is nothing after the cursor

    // Logical movement (previous/next character in typing order, not screen left/right).
    bool move_previous();
    bool move_next();
    void move_to_start() { cursor_ = 0; }
    void move_to_end() { cursor_ = text_.size(); }

    // Puts the cursor at `offset` if it is a cursor stop; returns false and keeps the cursor
    // otherwise (inside a code point, before a combining mark, past the end).
    bool set_cursor(std::size_t offset);

    // Where to draw the caret, in the coordinates of `line`, which must be text() shaped as one
    // line (Shaper::shape_line). In right-to-left text this is the right edge of the character
    // after the cursor.
    float caret_x(const ShapedLine& line) const;

    // Puts the cursor at the stop nearest to `x` on `line` (a tap in the field).
    void place_cursor_at_x(const ShapedLine& line, float x);

    // True when `offset` is a place the cursor may be.
    bool is_cursor_stop(std::size_t offset) const;

  private:
    std::string text_;
    std::size_t cursor_ = 0;
    std::size_t max_bytes_;
};

}  // namespace kiosk::i18n

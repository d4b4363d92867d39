// Logical editing of a text field (see text_edit.hpp for the editing unit chosen).
#include "kiosk/i18n/text_edit.hpp"

#include <cassert>

#include "kiosk/i18n/script.hpp"
#include "kiosk/i18n/text_utf8.hpp"

namespace kiosk::i18n {
namespace {

// `text` with U+FEFF removed, or an error if it is not UTF-8.
Result<std::string> clean_input(std::string_view utf8) {
    if (!is_valid_utf8(utf8)) {
        return make_error("i18n.invalid_utf8", "the typed text is not valid UTF-8");
    }
    std::string out;
    out.reserve(utf8.size());
    for (const CodePoint& cp : decode_utf8(utf8)) {
        append_utf8(out, cp.value);
    }
    return out;
}

bool mark_at(std::string_view text, std::size_t offset) {
    if (offset >= text.size()) {
        return false;
    }
    std::size_t len = 0;
    return is_combining_mark(decode_utf8_at(text, offset, len));
}

// The stop after the character at `offset`: past it and the combining marks that follow it.
std::size_t next_stop(std::string_view text, std::size_t offset) {
    std::size_t pos = next_code_point(text, offset);
    while (mark_at(text, pos)) {
        pos = next_code_point(text, pos);
    }
    return pos;
}

}  // namespace

Status TextEdit::set_text(std::string_view utf8) {
    Result<std::string> clean = clean_input(utf8);
    if (!clean) {
        return clean.error();
    }
    if (clean->size() > max_bytes_) {
        return make_error("i18n.text_too_long", "the text is longer than this field allows");
    }
    text_ = std::move(clean).value();
    cursor_ = text_.size();
    return Ok{};
}

Status TextEdit::insert(std::string_view utf8) {
    Result<std::string> clean = clean_input(utf8);
    if (!clean) {
        return clean.error();
    }
    if (text_.size() + clean->size() > max_bytes_) {
        return make_error("i18n.text_too_long", "the text is longer than this field allows");
    }
    // The cursor is never before a mark, so what follows the inserted text stays a stop.
    text_.insert(cursor_, *clean);
    cursor_ += clean->size();
    return Ok{};
}

bool TextEdit::backspace() {
    if (cursor_ == 0) {
        return false;
    }
    const std::size_t start = previous_code_point(text_, cursor_);
    text_.erase(start, cursor_ - start);
    cursor_ = start;
    return true;
}

bool TextEdit::delete_forward() {
    if (cursor_ >= text_.size()) {
        return false;
    }
    text_.erase(cursor_, next_stop(text_, cursor_) - cursor_);
    return true;
}

bool TextEdit::move_previous() {
    if (cursor_ == 0) {
        return false;
    }
    std::size_t pos = previous_code_point(text_, cursor_);
    while (pos > 0 && mark_at(text_, pos)) {
        pos = previous_code_point(text_, pos);
    }
    cursor_ = pos;
    return true;
}

bool TextEdit::move_next() {
    if (cursor_ >= text_.size()) {
        return false;
    }
    cursor_ = next_stop(text_, cursor_);
    return true;
}

bool TextEdit::is_cursor_stop(std::size_t offset) const {
    return offset <= text_.size() && is_code_point_boundary(text_, offset) &&
           !mark_at(text_, offset);
}

bool TextEdit::set_cursor(std::size_t offset) {
    if (!is_cursor_stop(offset)) {
        return false;
    }
    cursor_ = offset;
    return true;
}

float TextEdit::caret_x(const ShapedLine& line) const {
    assert(line.text_begin == 0 && line.text_end == text_.size() &&
           "TextEdit::caret_x: the line must be this field's text shaped as one line");
    return line.caret_x(cursor_);
}

void TextEdit::place_cursor_at_x(const ShapedLine& line, float x) {
    assert(line.text_begin == 0 && line.text_end == text_.size() &&
           "TextEdit::place_cursor_at_x: the line must be this field's text shaped as one line");
    std::size_t offset = line.offset_at_x(x);
    // The nearest stop may be before a mark (marks get their own caret stops on the line):
    // move back to its letter.
    while (offset > 0 && !is_cursor_stop(offset)) {
        offset = previous_code_point(text_, offset);
    }
    cursor_ = offset;
}

}  // namespace kiosk::i18n

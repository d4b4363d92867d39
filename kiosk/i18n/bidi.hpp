// The Unicode Bidirectional Algorithm (UAX #9) for one paragraph: FriBidi resolves the embedding
// level of every character; the line-level rules L1 (trailing whitespace) and L2 (reordering) are
// applied here to whole runs, which is all a glyph renderer needs.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/i18n/script.hpp"

namespace kiosk::i18n {

// One paragraph's resolved embedding levels (even = left to right, odd = right to left).
struct BidiParagraph {
    TextDirection base = TextDirection::ltr;
    std::vector<std::uint8_t> levels;  // one per code point, in logical order
    // Per code point: whitespace or an invisible control that rule L1 sends back to the base
    // level when it ends a line; `separator` marks tabs and paragraph separators (reset always).
    std::vector<std::uint8_t> l1_class;
};

// Resolves the levels of `text` (code points of one paragraph, no paragraph separator inside).
// The base direction is `forced` if given, else that of the first strong character, else
// `fallback` (the language's direction).
BidiParagraph analyse_bidi(std::span<const char32_t> text, std::optional<TextDirection> forced,
                           TextDirection fallback);

// The levels of the line made of code points [begin, end) of the paragraph, after rule L1.
std::vector<std::uint8_t> line_levels(const BidiParagraph& para, std::size_t begin,
                                      std::size_t end);

// Rule L2 on runs: given the level of each run of a line in logical order, the indices of the
// runs in visual (left-to-right) order. Adjacent runs may share a level (split by script or font).
std::vector<std::size_t> visual_order(std::span<const std::uint8_t> run_levels);

// Wraps `text` in a directional isolate (LRI or RLI ... PDI). Use it when a value is put into a
// sentence of the other direction, so it keeps its own order: a phone number "+90 532 123 45 67"
// inside Arabic is otherwise shown by UAX #9 with its digit groups reversed.
std::string isolate(std::string_view text, TextDirection direction);

}  // namespace kiosk::i18n

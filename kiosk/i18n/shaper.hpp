// Shaped, bidi-ordered lines of text for a glyph renderer (the ImGui side draws them; nothing here
// knows about ImGui). From logical UTF-8 text, a language and a pixel size:
//   1. FriBidi resolves embedding levels for the paragraph (bidi.hpp);
//   2. the text is itemised into runs of one level, one script and one font (a character the
//      script's font lacks goes to the fallback font, see font_set.hpp);
//   3. HarfBuzz shapes each run with its direction, script and the language;
//   4. runs are put in visual order (UAX #9 L1, L2) and laid out left to right.
// Results are cached (LRU keyed by text, language, size and width), so redrawing the same text
// every frame costs a lookup. A Shaper belongs to one thread (the UI thread).
#pragma once

#include <hb.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/i18n/font_set.hpp"
#include "kiosk/i18n/script.hpp"

namespace kiosk::i18n {

// One glyph to draw. Positions are in pixels; x grows to the right and, as in HarfBuzz, y grows
// UP (a renderer with y down draws at baseline_y - y_offset).
struct ShapedGlyph {
    std::uint32_t glyph_id = 0;  // glyph index in FontSet::font(font)
    std::uint16_t font = 0;      // index into the FontSet
    std::uint8_t level = 0;      // bidi embedding level of its run (odd = right to left)
    std::uint32_t cluster = 0;   // byte offset in the logical text of the first character it shows
    float pen_x = 0;             // pen position from the line's left edge (offsets not included)
    float x_advance = 0;
    float y_advance = 0;
    float x_offset = 0;
    float y_offset = 0;
};

// A run of glyphs shaped together: one level, script and font. Runs are in visual order.
struct ShapedRun {
    std::uint32_t text_begin = 0;  // byte range of the logical text it shows
    std::uint32_t text_end = 0;
    std::uint32_t glyph_begin = 0;  // range in ShapedLine::glyphs
    std::uint32_t glyph_end = 0;
    std::uint16_t font = 0;
    std::uint8_t level = 0;
    hb_script_t script = HB_SCRIPT_INVALID;
    float x = 0;  // left edge
    float width = 0;
    bool rtl() const { return (level & 1U) != 0; }
};

// Where the caret is drawn for a logical position (a byte offset on a code-point boundary).
struct CaretStop {
    std::uint32_t offset = 0;
    float x = 0;
};

// One line, ready to draw: glyphs left to right from x = 0 to x = width.
struct ShapedLine {
    std::uint32_t text_begin = 0;  // byte range of the logical text on this line
    std::uint32_t text_end = 0;
    TextDirection base = TextDirection::ltr;  // an RTL line is normally right-aligned
    float width = 0;
    float ascent = 0;                 // above the baseline, > 0
    float descent = 0;                // below the baseline, > 0
    std::vector<ShapedGlyph> glyphs;  // visual (drawing) order
    std::vector<ShapedRun> runs;      // visual order
    std::vector<CaretStop> carets;    // one per code-point boundary in [text_begin, text_end],
                                      // sorted by offset

    float height() const { return ascent + descent; }

    // The x of the caret before the character at `offset` (its leading edge: left edge if it is
    // drawn left to right, right edge if right to left); at the end of the text, the trailing
    // edge of the last character. Offsets between stops snap to the stop before.
    float caret_x(std::size_t offset) const;

    // The logical position whose caret is nearest to `x` (where a tap puts the caret).
    std::size_t offset_at_x(float x) const;
};

// A paragraph broken into lines no wider than a width (a word wider than that gets a line of its
// own and overflows). Hard line breaks ('\n') start a new bidi paragraph with its own direction.
struct ShapedParagraph {
    std::vector<ShapedLine> lines;
    float width = 0;        // of the widest line
    float line_height = 0;  // the tallest line's ascent + descent: lines are this far apart
};

struct ShaperStats {
    std::size_t hits = 0;
    std::size_t misses = 0;
    std::size_t entries = 0;
};

class Shaper {
  public:
    // `fonts` must outlive the Shaper. `cache_capacity`: lines and paragraphs kept (each).
    explicit Shaper(const FontSet& fonts, std::size_t cache_capacity = 512);
    Shaper(const Shaper&) = delete;
    Shaper& operator=(const Shaper&) = delete;
    Shaper(Shaper&&) noexcept;
    Shaper& operator=(Shaper&&) noexcept;
    ~Shaper();

    // Shapes `text` as one line (a '\n' is shaped like any other character: use
    // layout_paragraph for text with line breaks). `language` is a BCP 47 tag ("fa"): it tells
    // HarfBuzz the language, and gives the direction and font when the text alone does not (no
    // strong character, no script). Invalid UTF-8 bytes show as U+FFFD; U+FEFF is dropped.
    // The result stays valid after the cache drops it.
    std::shared_ptr<const ShapedLine> shape_line(std::string_view text, std::string_view language,
                                                 float pixel_size);

    // Breaks `text` into lines at spaces (in logical order) so each fits `max_width` pixels,
    // then orders each line visually.
    std::shared_ptr<const ShapedParagraph> layout_paragraph(std::string_view text,
                                                            std::string_view language,
                                                            float pixel_size, float max_width);

    void clear_cache();
    ShaperStats stats() const;

    const FontSet& fonts() const { return *fonts_; }

  private:
    struct Impl;
    const FontSet* fonts_;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk::i18n

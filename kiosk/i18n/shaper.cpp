// Itemisation, HarfBuzz shaping, visual ordering, line breaking and the shaped-line cache
// (see shaper.hpp for the pipeline).
#include "kiosk/i18n/shaper.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstring>
#include <iterator>
#include <list>
#include <unordered_map>
#include <utility>

#include "kiosk/i18n/bidi.hpp"
#include "kiosk/i18n/text_utf8.hpp"

namespace kiosk::i18n {
namespace {

// [SECTION] LRU cache -----------------------------------------------------------------------

// Least-recently-used cache of immutable values. Keys are stored once, in the list node; the
// index refers to them by view (list nodes never move).
template <typename V>
class LruCache {
  public:
    explicit LruCache(std::size_t capacity) : capacity_(capacity) {
        assert(capacity > 0 && "LruCache needs room for at least one entry");
    }

    std::shared_ptr<const V> find(std::string_view key) {
        const auto it = index_.find(key);
        if (it == index_.end()) {
            return nullptr;
        }
        order_.splice(order_.begin(), order_, it->second);
        return it->second->second;
    }

    void insert(std::string key, std::shared_ptr<const V> value) {
        assert(index_.find(key) == index_.end() && "LruCache::insert: key already cached");
        order_.emplace_front(std::move(key), std::move(value));
        index_.emplace(std::string_view(order_.front().first), order_.begin());
        while (order_.size() > capacity_) {
            index_.erase(std::string_view(order_.back().first));
            order_.pop_back();
        }
    }

    void clear() {
        index_.clear();
        order_.clear();
    }
    std::size_t size() const { return order_.size(); }

  private:
    using Entry = std::pair<std::string, std::shared_ptr<const V>>;
    std::size_t capacity_;
    std::list<Entry> order_;  // most recently used first
    std::unordered_map<std::string_view, typename std::list<Entry>::iterator> index_;
};

void append_float(std::string& key, float v) {
    std::array<char, sizeof(float)> bytes{};
    std::memcpy(bytes.data(), &v, sizeof v);
    key.append(bytes.data(), bytes.size());
}

std::string cache_key(std::string_view text, std::string_view language, float size, float width) {
    std::string key;
    key.reserve(text.size() + language.size() + 1 + 2 * sizeof(float));
    key.append(language);
    key.push_back('\0');  // language tags never contain NUL, so keys cannot collide
    append_float(key, size);
    append_float(key, width);
    key.append(text);
    return key;
}

// [SECTION] Itemisation -----------------------------------------------------------------------

// What is known about the language before looking at the text.
struct LanguageInfo {
    hb_language_t hb = nullptr;
    TextDirection direction = TextDirection::ltr;
    hb_script_t script = HB_SCRIPT_LATIN;
    std::uint16_t primary_font = 0;
};

// One bidi paragraph, ready to shape: its code points and, for each, its resolved script,
// font and embedding level.
struct Prepared {
    std::uint32_t text_begin = 0;  // byte range in the caller's text
    std::uint32_t text_end = 0;
    std::vector<CodePoint> cps;
    std::vector<hb_codepoint_t> chars;  // the code points again, as HarfBuzz takes them
    std::vector<hb_script_t> scripts;
    std::vector<std::uint16_t> fonts;
    BidiParagraph bidi;
};

// Picks a font for every code point: the first font of its script's chain that has it.
// Invisible characters (ZWNJ, bidi controls...) and marks the previous font has stay with their
// neighbours, so they never split a word into runs (which would break joining and positioning).
std::vector<std::uint16_t> assign_fonts(const FontSet& fonts, const std::vector<CodePoint>& cps,
                                        const std::vector<hb_script_t>& scripts,
                                        std::uint16_t default_font) {
    constexpr std::uint16_t kUnset = 0xFFFF;
    std::vector<std::uint16_t> out(cps.size(), kUnset);
    hb_script_t chain_script = HB_SCRIPT_INVALID;
    FontChain chain;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const char32_t c = cps[i].value;
        const bool follows = i > 0 && out[i - 1] != kUnset;
        if (is_default_ignorable(c)) {
            out[i] = follows ? out[i - 1] : kUnset;
            continue;
        }
        if (follows && is_combining_mark(c) && fonts.font(out[i - 1]).has_code_point(c)) {
            out[i] = out[i - 1];
            continue;
        }
        if (scripts[i] != chain_script) {
            chain = fonts.chain_for(scripts[i]);
            chain_script = scripts[i];
        }
        out[i] = chain.fonts[0];  // shows .notdef of the script's font if no font has it
        for (std::uint16_t id : chain.ids()) {
            if (fonts.font(id).has_code_point(c)) {
                out[i] = id;
                break;
            }
        }
    }
    // Leading invisible characters take the font of the first visible one.
    std::uint16_t next = default_font;
    for (std::size_t i = cps.size(); i-- > 0;) {
        if (out[i] == kUnset) {
            out[i] = next;
        } else {
            next = out[i];
        }
    }
    return out;
}

Prepared prepare(const FontSet& fonts, std::vector<CodePoint> cps, std::uint32_t text_begin,
                 std::uint32_t text_end, const LanguageInfo& lang) {
    Prepared p;
    p.text_begin = text_begin;
    p.text_end = text_end;
    p.cps = std::move(cps);
    p.chars.reserve(p.cps.size());
    std::vector<char32_t> values;
    values.reserve(p.cps.size());
    for (const CodePoint& cp : p.cps) {
        p.chars.push_back(static_cast<hb_codepoint_t>(cp.value));
        values.push_back(cp.value);
    }
    p.scripts = resolve_scripts(p.cps, lang.script);
    p.fonts = assign_fonts(fonts, p.cps, p.scripts, lang.primary_font);
    p.bidi = analyse_bidi(values, std::nullopt, lang.direction);
    return p;
}

// [SECTION] Shaping one line ----------------------------------------------------------------

struct Item {
    std::size_t begin;  // code point range in the paragraph
    std::size_t end;
    std::uint8_t level;
    hb_script_t script;
    std::uint16_t font;
};

// Edges of each character of the line, filled while laying out the runs.
struct CharEdges {
    float leading = 0;
    float trailing = 0;
};

// Gives every character of an item its edges from the glyph clusters HarfBuzz produced. A
// cluster of several characters (lam-alef, a letter with its marks) is shared evenly.
void cluster_edges(const Item& item, const std::vector<ShapedGlyph>& glyphs,
                   std::size_t glyph_begin, const std::vector<std::uint32_t>& glyph_cluster_index,
                   float run_x, bool rtl, std::size_t line_begin, std::vector<CharEdges>& edges) {
    struct Box {
        std::uint32_t first;  // code point index of the cluster
        float x0;
        float x1;
    };
    std::vector<Box> boxes;
    for (std::size_t g = glyph_begin; g < glyphs.size(); ++g) {
        const std::uint32_t cl = glyph_cluster_index[g - glyph_begin];
        const float left = glyphs[g].pen_x;
        const float right = glyphs[g].pen_x + glyphs[g].x_advance;
        if (!boxes.empty() && boxes.back().first == cl) {
            boxes.back().x0 = std::min(boxes.back().x0, std::min(left, right));
            boxes.back().x1 = std::max(boxes.back().x1, std::max(left, right));
        } else {
            boxes.push_back(Box{cl, std::min(left, right), std::max(left, right)});
        }
    }
    std::sort(boxes.begin(), boxes.end(),
              [](const Box& a, const Box& b) { return a.first < b.first; });
    for (std::size_t i = item.begin; i < item.end; ++i) {
        edges[i - line_begin] = CharEdges{run_x, run_x};
    }
    for (std::size_t b = 0; b < boxes.size(); ++b) {
        const std::size_t first = boxes[b].first;
        const std::size_t last = b + 1 < boxes.size() ? boxes[b + 1].first : item.end;
        const float share = (boxes[b].x1 - boxes[b].x0) / static_cast<float>(last - first);
        for (std::size_t i = first; i < last; ++i) {
            const auto k = static_cast<float>(i - first);
            CharEdges& e = edges[i - line_begin];
            if (rtl) {
                e.leading = boxes[b].x1 - k * share;
                e.trailing = e.leading - share;
            } else {
                e.leading = boxes[b].x0 + k * share;
                e.trailing = e.leading + share;
            }
        }
    }
}

// Shapes code points [begin, end) of a paragraph as one visual line. When `advances` is given,
// it receives the advance of every character (a cluster's advance goes to its first character).
ShapedLine build_line(const FontSet& fonts, hb_buffer_t* buffer, const Prepared& p,
                      std::size_t begin, std::size_t end, const LanguageInfo& lang,
                      float pixel_size, std::vector<float>* advances) {
    ShapedLine line;
    line.base = p.bidi.base;
    line.text_begin = begin < p.cps.size() ? p.cps[begin].offset : p.text_end;
    line.text_end = end < p.cps.size() ? p.cps[end].offset : p.text_end;
    if (begin == 0) {
        line.text_begin = p.text_begin;
    }
    if (advances != nullptr) {
        advances->assign(end - begin, 0.0F);
    }

    const std::vector<std::uint8_t> levels = line_levels(p.bidi, begin, end);
    std::vector<Item> items;
    for (std::size_t i = begin; i < end; ++i) {
        const std::uint8_t level = levels[i - begin];
        if (items.empty() || items.back().level != level || items.back().script != p.scripts[i] ||
            items.back().font != p.fonts[i]) {
            items.push_back(Item{i, i + 1, level, p.scripts[i], p.fonts[i]});
        } else {
            items.back().end = i + 1;
        }
    }
    std::vector<std::uint8_t> item_levels;
    item_levels.reserve(items.size());
    for (const Item& it : items) {
        item_levels.push_back(it.level);
    }

    const Font& primary = fonts.font(lang.primary_font);
    float ascent = static_cast<float>(primary.ascender_units()) * pixel_size /
                   static_cast<float>(primary.units_per_em());
    float descent = static_cast<float>(primary.descender_units()) * pixel_size /
                    static_cast<float>(primary.units_per_em());

    std::vector<CharEdges> edges(end - begin);
    std::vector<std::uint32_t> cluster_index;
    float x = 0;
    for (std::size_t idx : visual_order(item_levels)) {
        const Item& item = items[idx];
        const Font& font = fonts.font(item.font);
        const bool rtl = (item.level & 1U) != 0;
        const float scale = pixel_size / static_cast<float>(font.units_per_em());

        hb_buffer_clear_contents(buffer);
        // The whole paragraph is given as context so joining works across run boundaries.
        hb_buffer_add_codepoints(buffer, p.chars.data(), static_cast<int>(p.chars.size()),
                                 static_cast<unsigned>(item.begin),
                                 static_cast<int>(item.end - item.begin));
        hb_buffer_set_direction(buffer, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
        hb_buffer_set_script(buffer, item.script);
        hb_buffer_set_language(buffer, lang.hb);
        hb_shape(font.hb_font(), buffer, nullptr, 0);

        unsigned count = 0;
        const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
        const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, nullptr);

        ShapedRun run;
        run.text_begin = p.cps[item.begin].offset;
        run.text_end = item.end < p.cps.size() ? p.cps[item.end].offset : p.text_end;
        run.glyph_begin = static_cast<std::uint32_t>(line.glyphs.size());
        run.font = item.font;
        run.level = item.level;
        run.script = item.script;
        run.x = x;
        cluster_index.clear();
        for (unsigned g = 0; g < count; ++g) {
            ShapedGlyph glyph;
            glyph.glyph_id = info[g].codepoint;
            glyph.font = item.font;
            glyph.level = item.level;
            glyph.cluster = p.cps[info[g].cluster].offset;
            glyph.pen_x = x;
            glyph.x_advance = static_cast<float>(pos[g].x_advance) * scale;
            glyph.y_advance = static_cast<float>(pos[g].y_advance) * scale;
            glyph.x_offset = static_cast<float>(pos[g].x_offset) * scale;
            glyph.y_offset = static_cast<float>(pos[g].y_offset) * scale;
            x += glyph.x_advance;
            if (advances != nullptr) {
                (*advances)[info[g].cluster - begin] += glyph.x_advance;
            }
            cluster_index.push_back(info[g].cluster);
            line.glyphs.push_back(glyph);
        }
        run.glyph_end = static_cast<std::uint32_t>(line.glyphs.size());
        run.width = x - run.x;
        cluster_edges(item, line.glyphs, run.glyph_begin, cluster_index, run.x, rtl, begin, edges);
        line.runs.push_back(run);

        ascent = std::max(ascent, static_cast<float>(font.ascender_units()) * scale);
        descent = std::max(descent, static_cast<float>(font.descender_units()) * scale);
    }
    line.width = x;
    line.ascent = ascent;
    line.descent = descent;

    line.carets.reserve(end - begin + 1);
    for (std::size_t i = begin; i < end; ++i) {
        line.carets.push_back(CaretStop{p.cps[i].offset, edges[i - begin].leading});
    }
    const float end_x = end > begin                       ? edges[end - begin - 1].trailing
                        : line.base == TextDirection::rtl ? line.width
                                                          : 0.0F;
    line.carets.push_back(CaretStop{line.text_end, end_x});
    return line;
}

// [SECTION] Line breaking -----------------------------------------------------------------------

// Spaces a line may break after. No-break spaces (U+00A0, U+2007, U+202F) are not among them.
bool is_break_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\u1680' || (c >= U'\u2000' && c <= U'\u2006') ||
           (c >= U'\u2008' && c <= U'\u200A') || c == U'\u205F' || c == U'\u3000';
}

// Greedy breaking at spaces in logical order: the code point ranges of the lines, without the
// spaces at the breaks.
std::vector<std::pair<std::size_t, std::size_t>> break_lines(const Prepared& p,
                                                             const std::vector<float>& advances,
                                                             float max_width) {
    std::vector<std::pair<std::size_t, std::size_t>> lines;
    const std::size_t n = p.cps.size();
    std::size_t line_start = 0;
    std::size_t last_word_end = 0;
    float line_width = 0;  // up to the end of the last word on the line
    float pending_space = 0;
    std::size_t i = 0;
    while (i < n) {
        std::size_t j = i;
        float word = 0;
        while (j < n && !is_break_space(p.cps[j].value)) {
            word += advances[j++];
        }
        std::size_t k = j;
        float space = 0;
        while (k < n && is_break_space(p.cps[k].value)) {
            space += advances[k++];
        }
        if (i > line_start && line_width + pending_space + word > max_width) {
            lines.emplace_back(line_start, last_word_end);
            line_start = i;
            line_width = word;
        } else {
            line_width += pending_space + word;
        }
        pending_space = space;
        last_word_end = j;
        i = k;
    }
    lines.emplace_back(line_start, std::max(line_start, last_word_end));
    return lines;
}

}  // namespace

// [SECTION] ShapedLine --------------------------------------------------------------------------

float ShapedLine::caret_x(std::size_t offset) const {
    assert(!carets.empty() && "a shaped line always has an end caret");
    const auto it =
        std::upper_bound(carets.begin(), carets.end(), offset,
                         [](std::size_t o, const CaretStop& stop) { return o < stop.offset; });
    return it == carets.begin() ? carets.front().x : std::prev(it)->x;
}

std::size_t ShapedLine::offset_at_x(float x) const {
    assert(!carets.empty() && "a shaped line always has an end caret");
    const CaretStop* best = &carets.front();
    for (const CaretStop& stop : carets) {
        if (std::abs(stop.x - x) < std::abs(best->x - x)) {
            best = &stop;
        }
    }
    return best->offset;
}

// [SECTION] Shaper ------------------------------------------------------------------------------

struct Shaper::Impl {
    struct BufferDeleter {
        void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
    };
    explicit Impl(std::size_t capacity)
        : buffer(hb_buffer_create()), lines(capacity), paragraphs(capacity) {
        assert(hb_buffer_allocation_successful(buffer.get()) && "HarfBuzz buffer allocation");
    }

    LanguageInfo language_info(const FontSet& fonts, std::string_view language) const {
        LanguageInfo info;
        info.hb = hb_language_from_string(language.data(), static_cast<int>(language.size()));
        if (const Result<TextDirection> dir = language_direction(language)) {
            info.direction = *dir;
        }
        if (const Result<hb_script_t> script = language_script(language)) {
            info.script = *script;
        }
        info.primary_font = fonts.primary_for(info.script);
        return info;
    }

    std::unique_ptr<hb_buffer_t, BufferDeleter> buffer;
    LruCache<ShapedLine> lines;
    LruCache<ShapedParagraph> paragraphs;
    std::size_t hits = 0;
    std::size_t misses = 0;
};

Shaper::Shaper(const FontSet& fonts, std::size_t cache_capacity)
    : fonts_(&fonts), impl_(std::make_unique<Impl>(cache_capacity)) {}
Shaper::Shaper(Shaper&&) noexcept = default;
Shaper& Shaper::operator=(Shaper&&) noexcept = default;
Shaper::~Shaper() = default;

std::shared_ptr<const ShapedLine> Shaper::shape_line(std::string_view text,
                                                     std::string_view language, float pixel_size) {
    assert(pixel_size > 0 && "shape_line: the pixel size must be positive");
    std::string key = cache_key(text, language, pixel_size, 0);
    if (auto hit = impl_->lines.find(key)) {
        ++impl_->hits;
        return hit;
    }
    ++impl_->misses;
    const LanguageInfo lang = impl_->language_info(*fonts_, language);
    const Prepared p =
        prepare(*fonts_, decode_utf8(text), 0, static_cast<std::uint32_t>(text.size()), lang);
    auto line = std::make_shared<const ShapedLine>(
        build_line(*fonts_, impl_->buffer.get(), p, 0, p.cps.size(), lang, pixel_size, nullptr));
    impl_->lines.insert(std::move(key), line);
    return line;
}

std::shared_ptr<const ShapedParagraph> Shaper::layout_paragraph(std::string_view text,
                                                                std::string_view language,
                                                                float pixel_size, float max_width) {
    assert(pixel_size > 0 && "layout_paragraph: the pixel size must be positive");
    std::string key = cache_key(text, language, pixel_size, max_width);
    if (auto hit = impl_->paragraphs.find(key)) {
        ++impl_->hits;
        return hit;
    }
    ++impl_->misses;
    const LanguageInfo lang = impl_->language_info(*fonts_, language);
    auto para = std::make_shared<ShapedParagraph>();
    const std::vector<CodePoint> all = decode_utf8(text);
    std::size_t first = 0;
    std::uint32_t para_begin = 0;
    std::vector<float> advances;
    while (true) {
        // A bidi paragraph ends at '\n' (a "\r\n" pair counts as one break).
        std::size_t last = first;
        while (last < all.size() && all[last].value != U'\n') {
            ++last;
        }
        const bool at_end = last == all.size();
        std::uint32_t para_end =
            at_end ? static_cast<std::uint32_t>(text.size()) : all[last].offset;
        std::size_t content_end = last;
        if (content_end > first && all[content_end - 1].value == U'\r') {
            --content_end;
            para_end = all[content_end].offset;
        }
        std::vector<CodePoint> cps(all.begin() + static_cast<std::ptrdiff_t>(first),
                                   all.begin() + static_cast<std::ptrdiff_t>(content_end));
        const Prepared p = prepare(*fonts_, std::move(cps), para_begin, para_end, lang);
        const ShapedLine whole = build_line(*fonts_, impl_->buffer.get(), p, 0, p.cps.size(), lang,
                                            pixel_size, &advances);
        if (whole.width <= max_width) {
            para->lines.push_back(whole);
        } else {
            for (const auto& [b, e] : break_lines(p, advances, max_width)) {
                para->lines.push_back(
                    build_line(*fonts_, impl_->buffer.get(), p, b, e, lang, pixel_size, nullptr));
            }
        }
        if (at_end) {
            break;
        }
        first = last + 1;
        para_begin = all[last].offset + 1;
    }
    for (const ShapedLine& l : para->lines) {
        para->width = std::max(para->width, l.width);
        para->line_height = std::max(para->line_height, l.height());
    }
    std::shared_ptr<const ShapedParagraph> result = std::move(para);
    impl_->paragraphs.insert(std::move(key), result);
    return result;
}

void Shaper::clear_cache() {
    impl_->lines.clear();
    impl_->paragraphs.clear();
}

ShaperStats Shaper::stats() const {
    return ShaperStats{impl_->hits, impl_->misses, impl_->lines.size() + impl_->paragraphs.size()};
}

}  // namespace kiosk::i18n

// UAX #9 levels via FriBidi, and rules L1/L2 over runs (see bidi.hpp).
#include "kiosk/i18n/bidi.hpp"

#include <fribidi.h>

#include <algorithm>
#include <cassert>

namespace kiosk::i18n {
namespace {

enum L1Class : std::uint8_t {
    kKeep = 0,
    kTrailing = 1,   // reset to the base level only when it ends the line
    kSeparator = 2,  // segment/paragraph separator: reset with the whitespace before it
};

L1Class l1_class_of(FriBidiCharType t) {
    if (t == FRIBIDI_TYPE_SS || t == FRIBIDI_TYPE_BS) {
        return kSeparator;
    }
    // Whitespace, isolate controls, and the characters rule X9 removes (BN and explicit
    // embeddings) all count as trailing whitespace for L1.
    if (t == FRIBIDI_TYPE_WS || t == FRIBIDI_TYPE_BN || t == FRIBIDI_TYPE_LRE ||
        t == FRIBIDI_TYPE_RLE || t == FRIBIDI_TYPE_LRO || t == FRIBIDI_TYPE_RLO ||
        t == FRIBIDI_TYPE_PDF || t == FRIBIDI_TYPE_LRI || t == FRIBIDI_TYPE_RLI ||
        t == FRIBIDI_TYPE_FSI || t == FRIBIDI_TYPE_PDI) {
        return kTrailing;
    }
    return kKeep;
}

std::uint8_t base_level(TextDirection d) {
    return d == TextDirection::rtl ? 1 : 0;
}

}  // namespace

BidiParagraph analyse_bidi(std::span<const char32_t> text, std::optional<TextDirection> forced,
                           TextDirection fallback) {
    BidiParagraph para;
    const auto n = static_cast<FriBidiStrIndex>(text.size());
    std::vector<FriBidiChar> chars(text.begin(), text.end());
    std::vector<FriBidiCharType> types(text.size());
    std::vector<FriBidiBracketType> brackets(text.size());
    std::vector<FriBidiLevel> levels(text.size());
    fribidi_get_bidi_types(chars.data(), n, types.data());
    fribidi_get_bracket_types(chars.data(), n, types.data(), brackets.data());

    FriBidiParType dir = FRIBIDI_PAR_WLTR;
    if (forced) {
        dir = *forced == TextDirection::rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    } else if (fallback == TextDirection::rtl) {
        dir = FRIBIDI_PAR_WRTL;
    }
    if (n > 0) {
        const FriBidiLevel ok = fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(),
                                                                    n, &dir, levels.data());
        // FriBidi fails only when it cannot allocate; that is a broken process, not bad input.
        assert(ok != 0 && "FriBidi could not resolve embedding levels");
        static_cast<void>(ok);
    }
    para.base = dir == FRIBIDI_PAR_RTL   ? TextDirection::rtl
                : dir == FRIBIDI_PAR_LTR ? TextDirection::ltr
                                         : (forced ? *forced : fallback);
    para.levels.resize(text.size());
    para.l1_class.resize(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        para.levels[i] = static_cast<std::uint8_t>(levels[i]);
        para.l1_class[i] = l1_class_of(types[i]);
    }
    return para;
}

std::vector<std::uint8_t> line_levels(const BidiParagraph& para, std::size_t begin,
                                      std::size_t end) {
    assert(begin <= end && end <= para.levels.size() && "line_levels: range outside paragraph");
    std::vector<std::uint8_t> out(para.levels.begin() + static_cast<std::ptrdiff_t>(begin),
                                  para.levels.begin() + static_cast<std::ptrdiff_t>(end));
    const std::uint8_t base = base_level(para.base);
    // L1: separators, the whitespace before them, and the whitespace ending the line take the
    // paragraph level. Walk backwards so "trailing" means "followed only by such characters".
    bool trailing = true;
    for (std::size_t i = out.size(); i-- > 0;) {
        const std::uint8_t cls = para.l1_class[begin + i];
        if (cls == kSeparator) {
            out[i] = base;
            trailing = true;
        } else if (cls == kTrailing && trailing) {
            out[i] = base;
        } else {
            trailing = false;
        }
    }
    return out;
}

std::vector<std::size_t> visual_order(std::span<const std::uint8_t> run_levels) {
    std::vector<std::size_t> order(run_levels.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    if (run_levels.empty()) {
        return order;
    }
    const std::uint8_t highest = *std::max_element(run_levels.begin(), run_levels.end());
    std::uint8_t lowest_odd = 255;
    for (std::uint8_t l : run_levels) {
        if ((l & 1U) != 0 && l < lowest_odd) {
            lowest_odd = l;
        }
    }
    // L2: from the highest level down to the lowest odd level, reverse every maximal sequence of
    // runs at that level or higher. `order` holds the runs in their current visual position.
    for (int level = highest; level >= static_cast<int>(lowest_odd); --level) {
        std::size_t i = 0;
        while (i < order.size()) {
            if (run_levels[order[i]] < level) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < order.size() && run_levels[order[j]] >= level) {
                ++j;
            }
            std::reverse(order.begin() + static_cast<std::ptrdiff_t>(i),
                         order.begin() + static_cast<std::ptrdiff_t>(j));
            i = j;
        }
    }
    return order;
}

std::string isolate(std::string_view text, TextDirection direction) {
    std::string out;
    out.reserve(text.size() + 6);
    append_utf8(out, direction == TextDirection::rtl ? U'\u2067' : U'\u2066');  // RLI / LRI
    out.append(text);
    append_utf8(out, U'\u2069');  // PDI
    return out;
}

}  // namespace kiosk::i18n

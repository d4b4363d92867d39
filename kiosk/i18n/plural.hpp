// Plural-Forms: the header line of a gettext catalogue that says how many plural forms a language
// has and which one a count takes ("nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : ...;").
// The expression is the small C subset gettext accepts; we parse it once into a tree and evaluate
// it for each count, exactly as libintl does (unsigned arithmetic, out-of-range index -> form 0).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.hpp"

namespace kiosk::i18n {

class PluralRule {
  public:
    // Parses the value of a Plural-Forms header ("nplurals=2; plural=(n != 1);").
    // Errors (code "i18n.plural_forms"): missing parts, syntax errors in the expression,
    // nplurals outside 1..10, or an expression that yields an index >= nplurals for some n in
    // 0..1000 (gettext's msgfmt rejects that too).
    static Result<PluralRule> parse(std::string_view plural_forms);

    // English-style two forms; the rule gettext assumes when a catalogue has no header.
    static PluralRule germanic();

    std::size_t nplurals() const { return nplurals_; }

    // Which msgstr[i] a count takes. Always < nplurals().
    std::size_t index(std::uint64_t n) const;

    // The header value this rule was parsed from, for diagnostics.
    const std::string& source() const { return source_; }

  private:
    enum class Op : std::uint8_t {
        number,
        var_n,
        logical_not,
        mul,
        div,
        mod,
        add,
        sub,
        less,
        less_eq,
        greater,
        greater_eq,
        equal,
        not_equal,
        logical_and,
        logical_or,
        conditional
    };
    struct Node {
        Op op = Op::number;
        std::uint64_t value = 0;            // for Op::number
        std::uint32_t a = 0, b = 0, c = 0;  // child node indices
    };
    class Parser;

    std::uint64_t eval(std::uint32_t node, std::uint64_t n) const;

    std::vector<Node> nodes_;
    std::uint32_t root_ = 0;
    std::size_t nplurals_ = 1;
    std::string source_;
};

}  // namespace kiosk::i18n

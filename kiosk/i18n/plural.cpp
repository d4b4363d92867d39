// Recursive-descent parser and evaluator for gettext plural expressions. Grammar, loosest first
// (the same precedence as C and as gettext's plural-exp.y):
//   cond    := or ( '?' cond ':' cond )?
//   or      := and ( '||' and )*
//   and     := eq ( '&&' eq )*
//   eq      := rel ( ('=='|'!=') rel )*
//   rel     := add ( ('<'|'<='|'>'|'>=') add )*
//   add     := mul ( ('+'|'-') mul )*
//   mul     := unary ( ('*'|'/'|'%') unary )*
//   unary   := '!' unary | primary
//   primary := 'n' | digits | '(' cond ')'
#include "kiosk/i18n/plural.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <limits>
#include <span>

#include "kiosk/core/text.hpp"

namespace kiosk::i18n {

namespace {

constexpr std::size_t kMaxPlurals = 10;
constexpr int kMaxDepth = 64;  // bounds recursion on hostile input
constexpr std::uint64_t kCheckedCounts = 1000;

Error plural_error(std::string_view what, std::string_view source) {
    return make_error("i18n.plural_forms",
                      std::string(what) + " in Plural-Forms \"" + std::string(source) + "\"");
}

std::string_view trim(std::string_view s) {
    return core::trim_text(s);
}

}  // namespace

class PluralRule::Parser {
  public:
    Parser(std::string_view text, std::vector<Node>& nodes) : text_(text), nodes_(nodes) {}

    // Parses the whole text as one expression; returns the root or an error message.
    Result<std::uint32_t> parse_all() {
        auto root = cond(0);
        if (!error_.empty()) {
            return make_error("i18n.plural_forms", error_);
        }
        skip_space();
        if (pos_ != text_.size()) {
            return make_error("i18n.plural_forms", "unexpected '" + std::string(1, text_[pos_]) +
                                                       "' at column " + std::to_string(pos_ + 1));
        }
        return root;
    }

  private:
    std::uint32_t add_node(Op op, std::uint32_t a = 0, std::uint32_t b = 0, std::uint32_t c = 0,
                           std::uint64_t value = 0) {
        nodes_.push_back(Node{op, value, a, b, c});
        return static_cast<std::uint32_t>(nodes_.size() - 1);
    }

    void fail(std::string message) {
        if (error_.empty()) {
            error_ = std::move(message) + " at column " + std::to_string(pos_ + 1);
        }
    }

    void skip_space() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_])) != 0) {
            ++pos_;
        }
    }

    // Consumes `token` if it comes next; "<" must not swallow the start of "<=".
    bool accept(std::string_view token) {
        skip_space();
        if (text_.substr(pos_, token.size()) != token) {
            return false;
        }
        const bool followed_by_eq = pos_ + 1 < text_.size() && text_[pos_ + 1] == '=';
        if ((token == "<" || token == ">" || token == "!") && followed_by_eq) {
            return false;
        }
        pos_ += token.size();
        return true;
    }

    std::uint32_t cond(int depth) {
        if (depth > kMaxDepth) {
            fail("expression nested too deeply");
            return 0;
        }
        const auto test = binary(0, depth);
        if (!accept("?")) {
            return test;
        }
        const auto then_branch = cond(depth + 1);
        if (!accept(":")) {
            fail("expected ':'");
            return 0;
        }
        const auto else_branch = cond(depth + 1);
        return add_node(Op::conditional, test, then_branch, else_branch);
    }

    // The binary operators by precedence level, loosest first; each level is left-associative.
    // Longer tokens come first so "<=" is not read as "<".
    struct BinaryOp {
        std::string_view token;
        Op op;
    };
    static constexpr BinaryOp kOr[] = {{"||", Op::logical_or}};
    static constexpr BinaryOp kAnd[] = {{"&&", Op::logical_and}};
    static constexpr BinaryOp kEquality[] = {{"==", Op::equal}, {"!=", Op::not_equal}};
    static constexpr BinaryOp kRelational[] = {
        {"<=", Op::less_eq}, {">=", Op::greater_eq}, {"<", Op::less}, {">", Op::greater}};
    static constexpr BinaryOp kAdditive[] = {{"+", Op::add}, {"-", Op::sub}};
    static constexpr BinaryOp kMultiplicative[] = {{"*", Op::mul}, {"/", Op::div}, {"%", Op::mod}};
    static constexpr std::array<std::span<const BinaryOp>, 6> kLevels = {
        kOr, kAnd, kEquality, kRelational, kAdditive, kMultiplicative};

    std::uint32_t binary(std::size_t level, int depth) {
        if (level == kLevels.size()) {
            return unary(depth);
        }
        auto left = binary(level + 1, depth);
        for (;;) {
            const BinaryOp* found = nullptr;
            for (const auto& candidate : kLevels[level]) {
                if (accept(candidate.token)) {
                    found = &candidate;
                    break;
                }
            }
            if (found == nullptr) {
                return left;
            }
            const auto right = binary(level + 1, depth);
            if (error_.empty() && (found->op == Op::div || found->op == Op::mod) &&
                nodes_[right].op == Op::number && nodes_[right].value == 0) {
                fail("division by zero");
            }
            left = add_node(found->op, left, right);
        }
    }

    std::uint32_t unary(int depth) {
        if (depth > kMaxDepth) {
            fail("expression nested too deeply");
            return 0;
        }
        if (accept("!")) {
            return add_node(Op::logical_not, unary(depth + 1));
        }
        return primary(depth);
    }

    std::uint32_t primary(int depth) {
        skip_space();
        if (pos_ >= text_.size()) {
            fail("unexpected end of expression");
            return 0;
        }
        const char c = text_[pos_];
        if (c == 'n') {
            ++pos_;
            return add_node(Op::var_n);
        }
        if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
            std::uint64_t value = 0;
            const auto* begin = text_.data() + pos_;
            const auto [end, ec] = std::from_chars(begin, text_.data() + text_.size(), value);
            if (ec != std::errc{}) {
                fail("number out of range");
                return 0;
            }
            pos_ += static_cast<std::size_t>(end - begin);
            return add_node(Op::number, 0, 0, 0, value);
        }
        if (c == '(') {
            ++pos_;
            const auto inner = cond(depth + 1);
            if (!accept(")")) {
                fail("expected ')'");
                return 0;
            }
            return inner;
        }
        fail("unexpected '" + std::string(1, c) + "'");
        return 0;
    }

    std::string_view text_;
    std::vector<Node>& nodes_;
    std::size_t pos_ = 0;
    std::string error_;
};

Result<PluralRule> PluralRule::parse(std::string_view plural_forms) {
    PluralRule rule;
    rule.source_ = std::string(trim(plural_forms));
    std::string_view rest = rule.source_;

    const auto np = rest.find("nplurals");
    const auto pl = rest.find("plural", np == std::string_view::npos ? 0 : np + 8);
    if (np == std::string_view::npos || pl == std::string_view::npos) {
        return plural_error("expected \"nplurals=N; plural=EXPRESSION;\"", rule.source_);
    }

    // nplurals = digits ;
    auto after_np = trim(rest.substr(np + 8, pl - np - 8));
    if (after_np.empty() || after_np.front() != '=') {
        return plural_error("expected '=' after nplurals", rule.source_);
    }
    after_np = trim(after_np.substr(1));
    if (!after_np.empty() && after_np.back() == ';') {
        after_np = trim(after_np.substr(0, after_np.size() - 1));
    }
    std::size_t count = 0;
    const auto [ptr, ec] =
        std::from_chars(after_np.data(), after_np.data() + after_np.size(), count);
    if (ec != std::errc{} || ptr != after_np.data() + after_np.size()) {
        return plural_error("nplurals is not a number", rule.source_);
    }
    if (count < 1 || count > kMaxPlurals) {
        return plural_error("nplurals must be between 1 and 10", rule.source_);
    }
    rule.nplurals_ = count;

    // plural = expression ;   (the final ';' is optional, as in libintl)
    auto expr = trim(rest.substr(pl + 6));
    if (expr.empty() || expr.front() != '=') {
        return plural_error("expected '=' after plural", rule.source_);
    }
    expr = trim(expr.substr(1));
    if (!expr.empty() && expr.back() == ';') {
        expr = trim(expr.substr(0, expr.size() - 1));
    }
    Parser parser(expr, rule.nodes_);
    auto root = parser.parse_all();
    if (!root) {
        return plural_error(root.error().message, rule.source_);
    }
    rule.root_ = root.value();

    for (std::uint64_t n = 0; n <= kCheckedCounts; ++n) {
        if (rule.eval(rule.root_, n) >= rule.nplurals_) {
            return plural_error("plural index out of range for n=" + std::to_string(n),
                                rule.source_);
        }
    }
    return rule;
}

PluralRule PluralRule::germanic() {
    auto rule = parse("nplurals=2; plural=(n != 1);");
    assert(rule.ok() && "built-in plural rule must parse");
    return std::move(rule).value();
}

std::size_t PluralRule::index(std::uint64_t n) const {
    const auto i = eval(root_, n);
    // libintl falls back to the first form when the expression and nplurals disagree; parse()
    // already rejects such rules for small n, this guards the rest.
    return i < nplurals_ ? static_cast<std::size_t>(i) : 0;
}

std::uint64_t PluralRule::eval(std::uint32_t node, std::uint64_t n) const {
    const Node& x = nodes_[node];
    switch (x.op) {
        case Op::number:
            return x.value;
        case Op::var_n:
            return n;
        case Op::logical_not:
            return eval(x.a, n) == 0 ? 1 : 0;
        case Op::mul:
            return eval(x.a, n) * eval(x.b, n);
        case Op::div: {
            const auto d = eval(x.b, n);
            return d == 0 ? 0 : eval(x.a, n) / d;
        }
        case Op::mod: {
            const auto d = eval(x.b, n);
            return d == 0 ? 0 : eval(x.a, n) % d;
        }
        case Op::add:
            return eval(x.a, n) + eval(x.b, n);
        case Op::sub:
            return eval(x.a, n) - eval(x.b, n);
        case Op::less:
            return eval(x.a, n) < eval(x.b, n) ? 1 : 0;
        case Op::less_eq:
            return eval(x.a, n) <= eval(x.b, n) ? 1 : 0;
        case Op::greater:
            return eval(x.a, n) > eval(x.b, n) ? 1 : 0;
        case Op::greater_eq:
            return eval(x.a, n) >= eval(x.b, n) ? 1 : 0;
        case Op::equal:
            return eval(x.a, n) == eval(x.b, n) ? 1 : 0;
        case Op::not_equal:
            return eval(x.a, n) != eval(x.b, n) ? 1 : 0;
        case Op::logical_and:
            return (eval(x.a, n) != 0 && eval(x.b, n) != 0) ? 1 : 0;
        case Op::logical_or:
            return (eval(x.a, n) != 0 || eval(x.b, n) != 0) ? 1 : 0;
        case Op::conditional:
            return eval(x.a, n) != 0 ? eval(x.b, n) : eval(x.c, n);
    }
    assert(false && "unknown plural operator");
    return 0;
}

}  // namespace kiosk::i18n

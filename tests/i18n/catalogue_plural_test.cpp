// Plural-Forms: the expressions of the shipped languages give CLDR's categories, agree with
// glibc's own evaluator for every count up to 1000, and malformed rules are rejected.
#include <gtest/gtest.h>
#include <libintl.h>

#include <clocale>
#include <cstdlib>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "kiosk/i18n/languages.hpp"
#include "kiosk/i18n/plural.hpp"
#include "kiosk/i18n/po_parser.hpp"
#include "tests/i18n/catalogue_test_support.hpp"

namespace kiosk::i18n {
namespace {

// The rule in the shipped catalogue of `lang`.
PluralRule shipped_rule(std::string_view lang) {
    auto file = read_po_file(std::filesystem::path(KIOSK_ASSETS_DIR) / "i18n" /
                             (std::string(lang) + ".po"));
    EXPECT_TRUE(file.ok()) << (file.ok() ? "" : file.error().message);
    if (!file.ok()) {
        return PluralRule::germanic();
    }
    const auto forms = file->header_field("Plural-Forms");
    EXPECT_TRUE(forms.has_value()) << lang;
    auto rule = PluralRule::parse(forms.value_or(""));
    EXPECT_TRUE(rule.ok()) << (rule.ok() ? "" : rule.error().message);
    return rule.ok() ? std::move(rule).value() : PluralRule::germanic();
}

// Expected msgstr index for each count: CLDR's categories in gettext's form order.
void expect_indices(std::string_view lang, const std::map<std::uint64_t, std::size_t>& expected) {
    const auto rule = shipped_rule(lang);
    for (const auto& [n, index] : expected) {
        EXPECT_EQ(rule.index(n), index) << lang << " n=" << n;
    }
}

TEST(PluralRule, ArabicHasSixForms) {
    EXPECT_EQ(shipped_rule("ar").nplurals(), 6u);
    // zero, one, two, few (3-10), many (11-99), other (100-102)
    expect_indices("ar", {{0, 0},
                          {1, 1},
                          {2, 2},
                          {3, 3},
                          {10, 3},
                          {11, 4},
                          {99, 4},
                          {100, 5},
                          {101, 5},
                          {102, 5},
                          {103, 3},
                          {111, 4},
                          {1000, 5}});
}

TEST(PluralRule, RussianAndUkrainianHaveThreeForms) {
    for (const auto* lang : {"ru", "uk"}) {
        EXPECT_EQ(shipped_rule(lang).nplurals(), 3u) << lang;
        // one (1, 21), few (2-4, 22), many (5-20, 25, 111, 0)
        expect_indices(lang, {{1, 0},
                              {2, 1},
                              {5, 2},
                              {11, 2},
                              {12, 2},
                              {14, 2},
                              {21, 0},
                              {22, 1},
                              {25, 2},
                              {111, 2},
                              {0, 2},
                              {101, 0},
                              {1001, 0}});
    }
}

TEST(PluralRule, TwoFormLanguages) {
    for (const auto* lang : {"en", "tr", "bg", "ps", "kmr"}) {
        EXPECT_EQ(shipped_rule(lang).nplurals(), 2u) << lang;
        expect_indices(lang, {{0, 1}, {1, 0}, {2, 1}, {5, 1}, {21, 1}, {101, 1}});
    }
    // Persian (CLDR: i = 0 or n = 1) puts 0 with 1.
    expect_indices("fa", {{0, 0}, {1, 0}, {2, 1}, {100, 1}});
}

// glibc's libintl is gettext's reference evaluator: compile a probe catalogue per language with
// msgfmt (forms "0", "1", ...) and ask ngettext which form each count takes.
TEST(PluralRule, AgreesWithGlibcUpToAThousand) {
    const auto dir = test::scratch_dir();
    std::vector<std::pair<std::string, PluralRule>> rules;
    for (const auto& lang : shipped_languages()) {
        auto rule = shipped_rule(lang.code);
        std::string po =
            "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
            "\"Plural-Forms: " +
            rule.source() + "\\n\"\n\nmsgid \"probe\"\nmsgid_plural \"probes\"\n";
        for (std::size_t i = 0; i < rule.nplurals(); ++i) {
            po += "msgstr[" + std::to_string(i) + "] \"" + std::to_string(i) + "\"\n";
        }
        const std::string domain = "probe_" + std::string(lang.code);
        const auto po_path = dir / (domain + ".po");
        test::write_text(po_path, po);
        const auto mo_path = dir / "xx" / "LC_MESSAGES" / (domain + ".mo");
        std::filesystem::create_directories(mo_path.parent_path());
        const auto fmt =
            test::run_command(std::string(KIOSK_MSGFMT) + " --check -o " +
                              test::shell_quote(mo_path) + " " + test::shell_quote(po_path));
        ASSERT_EQ(fmt.exit_code, 0) << fmt.output;
        rules.emplace_back(domain, std::move(rule));
    }

    // LANGUAGE is honoured in any locale but plain "C"; C.UTF-8 is built into glibc.
    const std::string saved_locale = std::setlocale(LC_ALL, nullptr);
    ASSERT_NE(std::setlocale(LC_ALL, "C.UTF-8"), nullptr);
    ::setenv("LANGUAGE", "xx", 1);
    for (const auto& [domain, rule] : rules) {
        ::bindtextdomain(domain.c_str(), dir.c_str());
        for (unsigned long n = 0; n <= 1000; ++n) {
            const std::string form = ::dngettext(domain.c_str(), "probe", "probes", n);
            ASSERT_EQ(std::to_string(rule.index(n)), form) << domain << " n=" << n;
        }
    }
    ::unsetenv("LANGUAGE");
    std::setlocale(LC_ALL, saved_locale.c_str());
}

TEST(PluralRule, ParsesTheWholeOperatorSet) {
    // Precedence as in C: * / % before + -, before < <=, before == !=, before &&, before ||,
    // before ?: (right-associative).
    auto rule = PluralRule::parse(
        "nplurals=4; plural=n*2+1 == 7 || !(n > 1) && n != 0 ? 3 : n % 3 - 1 <= 0 ? n / 2 % 4 : "
        "2;");
    ASSERT_TRUE(rule.ok()) << rule.error().message;
    EXPECT_EQ(rule->nplurals(), 4u);
    EXPECT_EQ(rule->index(3), 3u);  // 3*2+1 == 7
    EXPECT_EQ(rule->index(1), 3u);  // !(1 > 1) && 1 != 0
    EXPECT_EQ(rule->index(0), 2u);  // 0%3-1 wraps around (unsigned, as in libintl): not <= 0
    EXPECT_EQ(rule->index(4), 2u);  // 4%3-1 == 0, so (4/2)%4
    EXPECT_EQ(rule->index(7), 3u);  // 7%3-1 == 0, so (7/2)%4
    EXPECT_EQ(rule->index(6), 2u);  // 6%3-1 wraps around
}

// Each case tells a correct grammar from one with a precedence or associativity mistake.
TEST(PluralRule, OperatorsBindLikeC) {
    const std::vector<std::tuple<std::string, std::uint64_t, std::size_t>> cases = {
        {"n == 1 || n == 2 && n == 3", 1, 1},   // && binds tighter than ||
        {"(n + 1 * 2) % 10", 1, 3},             // * before +
        {"9 - n % 3", 4, 8},                    // % before -
        {"(n - 1 - 1) % 10", 5, 3},             // left-associative
        {"n < 3 == 1", 1, 1},                   // < before ==
        {"n == 1 ? 2 : n == 2 ? 3 : 4", 2, 3},  // ?: is right-associative
        {"n != 1 && n <= 4 && n >= 2", 3, 1},
    };
    for (const auto& [expr, n, expected] : cases) {
        auto rule = PluralRule::parse("nplurals=10; plural=" + expr + ";");
        ASSERT_TRUE(rule.ok()) << expr << ": " << rule.error().message;
        EXPECT_EQ(rule->index(n), expected) << expr << " for n=" << n;
    }
}

TEST(PluralRule, OneFormLanguages) {
    auto rule = PluralRule::parse("nplurals=1; plural=0;");
    ASSERT_TRUE(rule.ok());
    EXPECT_EQ(rule->index(0), 0u);
    EXPECT_EQ(rule->index(7), 0u);
}

TEST(PluralRule, AcceptsMissingFinalSemicolonAndSpaces) {
    auto rule = PluralRule::parse("  nplurals = 2 ;  plural = ( n != 1 )  ");
    ASSERT_TRUE(rule.ok()) << rule.error().message;
    EXPECT_EQ(rule->index(1), 0u);
    EXPECT_EQ(rule->index(2), 1u);
}

TEST(PluralRule, RejectsMalformedRules) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"plural=(n != 1);", "expected \"nplurals=N; plural=EXPRESSION;\""},
        {"nplurals=two; plural=(n != 1);", "nplurals is not a number"},
        {"nplurals=0; plural=0;", "nplurals must be between 1 and 10"},
        {"nplurals=2; plural=(n != 1;", "expected ')'"},
        {"nplurals=2; plural=n != ;", "unexpected end of expression"},
        {"nplurals=2; plural=n ? 1;", "expected ':'"},
        {"nplurals=2; plural=n % 0;", "division by zero"},
        {"nplurals=2; plural=n & 1;", "unexpected '&'"},
        {"nplurals=2; plural=x;", "unexpected 'x'"},
        {"nplurals=2; plural=n;", "plural index out of range for n=2"},
        {"nplurals=2; plural=" + std::string(200, '(') + "1" + std::string(200, ')') + ";",
         "expression nested too deeply"},
    };
    for (const auto& [text, message] : cases) {
        auto rule = PluralRule::parse(text);
        ASSERT_FALSE(rule.ok()) << text;
        EXPECT_EQ(rule.error().code, "i18n.plural_forms");
        EXPECT_NE(rule.error().message.find(message), std::string::npos)
            << text << " -> " << rule.error().message;
    }
}

}  // namespace
}  // namespace kiosk::i18n

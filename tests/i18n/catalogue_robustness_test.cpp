// Damaged input never crashes the readers: thousands of deterministic random mutations of real
// files either parse or give an error that names the file and line (run under ASan/UBSan in the
// asan preset to catch out-of-bounds reads).
#include <gtest/gtest.h>

#include <random>
#include <regex>
#include <string>

#include "kiosk/i18n/mo_reader.hpp"
#include "kiosk/i18n/plural.hpp"
#include "kiosk/i18n/po_parser.hpp"
#include "tests/i18n/catalogue_test_support.hpp"

namespace kiosk::i18n {
namespace {

constexpr int kRounds = 2000;

std::string shipped(const std::string& name) {
    auto text = read_file_bytes(std::filesystem::path(KIOSK_ASSETS_DIR) / "i18n" / name);
    EXPECT_TRUE(text.ok());
    return text.ok() ? std::move(text).value() : std::string{};
}

// Deletes, duplicates or inserts a few bytes, favouring the characters PO syntax hinges on.
std::string mutate(std::string text, std::mt19937& rng) {
    static constexpr std::string_view kSpecial = "\"\\\n[]#:,m0\xC3\xFF";
    std::uniform_int_distribution<int> edits(1, 4);
    for (int e = edits(rng); e > 0 && !text.empty(); --e) {
        std::uniform_int_distribution<std::size_t> at(0, text.size() - 1);
        const auto pos = at(rng);
        switch (rng() % 3) {
            case 0:
                text.erase(pos, 1 + rng() % 3);
                break;
            case 1:
                text.insert(pos, text.substr(pos, 1 + rng() % 8));
                break;
            default:
                text.insert(pos, 1, kSpecial[rng() % kSpecial.size()]);
                break;
        }
    }
    return text;
}

TEST(Robustness, MutatedPoFilesParseOrNameTheLine) {
    const auto original = shipped("ar.po");
    ASSERT_FALSE(original.empty());
    const std::regex located(R"(^mut\.po:[0-9]+: .+)");
    std::mt19937 rng(20261123);
    int errors = 0;
    for (int round = 0; round < kRounds; ++round) {
        const auto text = mutate(original, rng);
        auto file = parse_po(text, "mut.po");
        if (!file.ok()) {
            ++errors;
            EXPECT_EQ(file.error().code, "i18n.po_syntax");
            EXPECT_TRUE(std::regex_match(file.error().message, located)) << file.error().message;
        }
    }
    EXPECT_GT(errors, kRounds / 4) << "mutations this rough should break many files";
}

TEST(Robustness, MutatedMoFilesParseOrFail) {
    const auto dir = test::scratch_dir();
    const auto mo_path = dir / "ru.mo";
    const auto fmt = test::run_command(
        std::string(KIOSK_MSGFMT) + " -o " + test::shell_quote(mo_path) + " " +
        test::shell_quote(std::filesystem::path(KIOSK_ASSETS_DIR) / "i18n" / "ru.po"));
    ASSERT_EQ(fmt.exit_code, 0) << fmt.output;
    auto bytes = read_file_bytes(mo_path);
    ASSERT_TRUE(bytes.ok());
    std::mt19937 rng(7);
    int errors = 0;
    for (int round = 0; round < kRounds; ++round) {
        std::string damaged = bytes.value();
        // Flip bytes in the header and tables, where lengths and offsets live.
        for (int k = 0; k < 3; ++k) {
            const auto limit = std::min<std::size_t>(damaged.size(), 28 + 16 * 200);
            damaged[rng() % limit] = static_cast<char>(rng() % 256);
        }
        auto mo = MoCatalogue::parse(damaged, "mut.mo");
        if (!mo.ok()) {
            ++errors;
            EXPECT_EQ(mo.error().code, "i18n.mo_format");
        }
    }
    EXPECT_GT(errors, 0);
}

TEST(Robustness, RandomPluralExpressionsParseOrFail) {
    static constexpr std::string_view kTokens[] = {"n", "1",  "2", "10", "100", "%",  "==", "!=",
                                                   "<", "<=", ">", ">=", "&&",  "||", "?",  ":",
                                                   "(", ")",  "!", "+",  "-",   "*",  "/",  " "};
    std::mt19937 rng(42);
    int parsed = 0;
    for (int round = 0; round < kRounds * 5; ++round) {
        std::string expr;
        for (auto len = 1 + rng() % 12; len > 0; --len) {
            expr += kTokens[rng() % std::size(kTokens)];
        }
        auto rule = PluralRule::parse("nplurals=3; plural=" + expr + ";");
        if (rule.ok()) {
            ++parsed;
            for (std::uint64_t n : {0ULL, 1ULL, 7ULL, 123456789ULL, ~0ULL}) {
                EXPECT_LT(rule->index(n), 3u) << expr;
            }
        } else {
            EXPECT_EQ(rule.error().code, "i18n.plural_forms");
        }
    }
    EXPECT_GT(parsed, 0);
}

}  // namespace
}  // namespace kiosk::i18n

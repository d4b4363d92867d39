// `kiosk text shape`: arguments, errors and exit codes (its output is checked against hb-shape
// in shaping_hb_shape_test.cpp).
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "kiosk/i18n/text_command.hpp"
#include "tests/i18n/shaping_process.hpp"

namespace kiosk::i18n {
namespace {

struct CommandRun {
    int code;
    std::string out;
    std::string err;
};

CommandRun run_command(const std::vector<std::string>& args, FontSearch search = {}) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = run_text_command(args, out, err, std::move(search));
    return CommandRun{code, out.str(), err.str()};
}

TEST(TextCommand, UsageErrorsExitWithTwoAndPrintTheUsage) {
    const std::vector<std::vector<std::string>> bad = {
        {},
        {"text"},
        {"text", "draw", "--lang", "fa", "سلام"},
        {"text", "shape", "--lang", "xx", "hello"},
        {"text", "shape", "--lang", "fa"},
        {"text", "shape", "سلام"},
        {"text", "shape", "--lang"},
        {"text", "shape", "--lang", "fa", "--bold", "سلام"},
        {"text", "shape", "--lang", "fa", "one", "two"},
        {"text", "shape", "--lang", "fa", std::string("\xFF", 1)},
    };
    for (const auto& args : bad) {
        const CommandRun r = run_command(args);
        EXPECT_EQ(r.code, 2) << testing::PrintToString(args);
        EXPECT_NE(r.err.find("usage: kiosk text shape"), std::string::npos);
        EXPECT_TRUE(r.out.empty());
    }
    EXPECT_NE(run_command({"text", "shape", "--lang", "xx", "a"}).err.find("unknown language 'xx'"),
              std::string::npos);
    EXPECT_NE(run_command({"text", "draw"}).err.find("unknown subcommand 'draw'"),
              std::string::npos);
}

TEST(TextCommand, MissingFontsExitWithOne) {
    const CommandRun r = run_command({"text", "shape", "--lang", "fa", "سلام"},
                                     FontSearch{{::testing::TempDir() + "/kiosk-none"}, false});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("i18n.font_missing"), std::string::npos);
}

TEST(TextCommand, LangMayBeGivenWithEqualsAndEachLineIsShapedAlone) {
    const CommandRun r = run_command({"text", "shape", "--lang=ps", "ښه\nښه"});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::vector<std::string> lines = test::split_lines(r.out);
    ASSERT_EQ(lines.size(), 3U);
    EXPECT_EQ(lines[1], lines[2]);
    EXPECT_EQ(lines[1].front(), '[');
    EXPECT_EQ(lines[1].back(), ']');
}

TEST(TextCommand, MixedTextNamesGlyphsFromEveryFontUsed) {
    // The Latin word comes from Noto Sans, the Arabic from Noto Sans Arabic UI, in visual order:
    // Latin glyph names first (left), then the Arabic word drawn right to left.
    const CommandRun r = run_command({"text", "shape", "--lang", "ar", "شركة Google"});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::vector<std::string> lines = test::split_lines(r.out);
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_EQ(lines[1].rfind("[G|o|o|g|l|e|space|", 0), 0U) << lines[1];
}

}  // namespace
}  // namespace kiosk::i18n

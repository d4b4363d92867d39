// End to end: `kiosk text shape` (the real binary, no window) prints the font it uses and the
// glyph run it draws; HarfBuzz's own hb-shape, given that font and text, must print the same.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "kiosk_process.hpp"

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

struct ShapeCase {
    std::string lang;
    std::string text;
};

void PrintTo(const ShapeCase& c, std::ostream* os) {
    *os << c.lang << " \"" << c.text << '"';
}

class KioskTextShape : public ::testing::TestWithParam<ShapeCase> {};

TEST_P(KioskTextShape, MatchesHbShapeWithTheSameFont) {
    const ShapeCase c = GetParam();
    const fs::path dir = make_temp_dir("kiosk-text-shape");
    const ProcessResult kiosk = run_kiosk({"text", "shape", "--lang", c.lang, c.text}, false, dir);
    ASSERT_EQ(kiosk.exit_code, 0) << kiosk.stderr_text;
    const auto out = lines_of(kiosk.stdout_text);
    ASSERT_EQ(out.size(), 2U) << kiosk.stdout_text;
    const fs::path font = out[0];
    EXPECT_TRUE(fs::is_regular_file(font)) << font;

    const ProcessResult hb =
        run_program({"hb-shape", "--no-positions", "--no-clusters", font.string(), c.text}, dir);
    ASSERT_EQ(hb.exit_code, 0) << hb.stderr_text;
    const auto reference = lines_of(hb.stdout_text);
    ASSERT_EQ(reference.size(), 1U) << hb.stdout_text;
    EXPECT_EQ(out[1], reference[0]) << c.lang << ": " << c.text;
    EXPECT_NE(out[1], "[]");
    fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Languages, KioskTextShape,
                         ::testing::Values(ShapeCase{"fa", "زبان خود را انتخاب کنید"},
                                           ShapeCase{"ar", "اختر لغتك"}, ShapeCase{"ps", "پښتو"},
                                           ShapeCase{"tr", "Dilinizi seçin"}),
                         [](const auto& param_info) { return param_info.param.lang; });

TEST(KioskTextShape, UnknownLanguageIsAUsageErrorWithoutAWindow) {
    const fs::path dir = make_temp_dir("kiosk-text-usage");
    const ProcessResult r = run_kiosk({"text", "shape", "--lang", "xx", "abc"}, false, dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_FALSE(r.stderr_text.empty());
    EXPECT_EQ(r.stderr_text.find("platform.glfw"), std::string::npos) << "no window is opened";
    fs::remove_all(dir);
}

}  // namespace
}  // namespace kiosk::test

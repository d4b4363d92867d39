// The Done screen's QR code must scan: the screen is drawn headlessly with the real fonts and
// theme, its draw data turned into pixels, written as a PNG and read by zbarimg (zbar-tools), a
// decoder that knows nothing of this code. What it decodes must be the reference code exactly.
#include <gtest/gtest.h>

#include <string>

#include "headless_ui.hpp"
#include "kiosk_process.hpp"
#include "pages_raster.hpp"

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;

// The Done screen for `code` at `w`×`h` in `language`, as a PNG in `dir`.
fs::path done_screen_png(int w, int h, std::string_view language, const std::string& code,
                         const fs::path& dir) {
    HeadlessUi ui{w, h};
    core::Session s =
        core::reduce(core::Session{}, core::ChooseLanguage{std::string(language)}, Millis{1000});
    s.screen = core::Screen::Done;
    s.reference_code = code;
    ui.frame(s);
    const Bitmap bmp =
        rasterize(*ImGui::GetDrawData(), kImGuiAtlasTexture, ui.context().theme.colors.background);
    const fs::path png = dir / ("done-" + std::string(language) + "-" + std::to_string(w) + "x" +
                                std::to_string(h) + ".png");
    EXPECT_TRUE(write_png(bmp, png));
    return png;
}

// zbarimg's decoded text, or its exit code when it found nothing (4) or failed.
ProcessResult scan(const fs::path& png, const fs::path& dir) {
    return run_program({"zbarimg", "--raw", "-q", png.string()}, dir);
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
        text.pop_back();
    }
    return text;
}

struct Case {
    int w;
    int h;
    const char* language;
    const char* code;
};

class DoneQrScan : public ::testing::TestWithParam<Case> {};

TEST_P(DoneQrScan, ZbarDecodesTheReferenceCode) {
    const Case c = GetParam();
    const fs::path dir = make_temp_dir("kiosk-qr");
    const fs::path png = done_screen_png(c.w, c.h, c.language, c.code, dir);
    const ProcessResult read = scan(png, dir);
    ASSERT_EQ(read.exit_code, 0) << "zbarimg found no code in " << png << ": " << read.stderr_text;
    EXPECT_EQ(trimmed(read.stdout_text), c.code);
}

INSTANTIATE_TEST_SUITE_P(Screens, DoneQrScan,
                         ::testing::Values(Case{1280, 800, "en", "K4M-7Q2-PHX"},
                                           Case{1280, 800, "ar", "7QX-M2K-4HB"},
                                           Case{1920, 1080, "fa", "ZZ9-0A1-T5R"},
                                           Case{800, 1280, "tr", "H3N-8WD-2EC"}),
                         [](const auto& param_info) {
                             return std::string(param_info.param.language) + "_" +
                                    std::to_string(param_info.param.w) + "x" +
                                    std::to_string(param_info.param.h);
                         });

// The decoder is not simply agreeing: a screen with no code in it gives nothing.
TEST(DoneQrScanWithoutCode, ZbarFindsNothing) {
    const fs::path dir = make_temp_dir("kiosk-qr");
    const fs::path png = done_screen_png(1280, 800, "en", "", dir);
    const ProcessResult read = scan(png, dir);
    EXPECT_NE(read.exit_code, 0);
    EXPECT_EQ(trimmed(read.stdout_text), "");
}

}  // namespace
}  // namespace kiosk::test

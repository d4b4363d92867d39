// Runs shaped_text_demo in a real X server (xvfb-run) with the OpenGL texture backend and judges
// the PNG it writes: every line has glyph pixels inside its box, right-to-left lines sit at the
// right, left-to-right lines at the left, and nothing is drawn between the lines.
#include <gtest/gtest.h>

#include <stb_image.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

namespace {

struct Image {
    int width = 0;
    int height = 0;
    std::unique_ptr<unsigned char, decltype(&std::free)> rgba{nullptr, &std::free};

    // Lit text pixels (well brighter than the dark background) in [x0,x1) x [y0,y1).
    int text_pixels(int x0, int y0, int x1, int y1) const {
        int n = 0;
        for (int y = std::max(y0, 0); y < std::min(y1, height); ++y) {
            for (int x = std::max(x0, 0); x < std::min(x1, width); ++x) {
                const unsigned char* p = rgba.get() + (static_cast<std::size_t>(y) * width + x) * 4;
                n += (p[0] + p[1] + p[2]) / 3 > 120 ? 1 : 0;
            }
        }
        return n;
    }
};

class ShapedTextScreenshot : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        const std::string dir = std::string(KIOSK_BINARY_DIR) + "/tests/ui_text";
        png_ = dir + "/shaped_text_demo.png";
        json_ = dir + "/shaped_text_demo.json";
        std::remove(png_.c_str());
        std::remove(json_.c_str());
        const std::string cmd = "xvfb-run -a -s '-screen 0 1280x720x24' '" +
                                std::string(SHAPED_TEXT_DEMO) + "' '" + png_ + "' '" + json_ + "'";
        exit_code_ = std::system(cmd.c_str());
    }

    static inline std::string png_;
    static inline std::string json_;
    static inline int exit_code_ = -1;
};

TEST_F(ShapedTextScreenshot, EveryLineHasTextInItsBoxOnItsReadingSide) {
    ASSERT_EQ(exit_code_, 0) << "shaped_text_demo failed under xvfb-run";
    Image img;
    int channels = 0;
    img.rgba.reset(stbi_load(png_.c_str(), &img.width, &img.height, &channels, 4));
    ASSERT_NE(img.rgba, nullptr) << "no PNG at " << png_;
    std::ifstream in(json_);
    ASSERT_TRUE(in.good()) << "no layout at " << json_;
    const nlohmann::json layout = nlohmann::json::parse(in);
    ASSERT_EQ(img.width, layout["width"].get<int>());
    ASSERT_EQ(img.height, layout["height"].get<int>());
    const auto& lines = layout["lines"];
    ASSERT_EQ(lines.size(), 6u);
    EXPECT_GT(layout["glyphs_rasterised"].get<int>(), 60);

    float previous_bottom = 0;
    for (const auto& line : lines) {
        SCOPED_TRACE(line["language"].get<std::string>());
        const auto& b = line["box"];
        const int x0 = static_cast<int>(b[0].get<float>());
        const int y0 = static_cast<int>(b[1].get<float>());
        const int x1 = static_cast<int>(b[2].get<float>()) + 1;
        const int y1 = static_cast<int>(b[3].get<float>()) + 1;
        const int inside = img.text_pixels(x0 - 2, y0 - 2, x1 + 2, y1 + 2);
        // A 44-px line of a dozen or more letters lights thousands of pixels.
        EXPECT_GT(inside, 2000);
        // Beside the box on the line's own band: background only.
        const int beside = line["rtl"].get<bool>() ? img.text_pixels(0, y0, x0 - 4, y1)
                                                   : img.text_pixels(x1 + 4, y0, img.width, y1);
        EXPECT_EQ(beside, 0);
        // Start alignment: the box touches the 40-px padding on the reading side.
        if (line["rtl"].get<bool>()) {
            EXPECT_NEAR(b[2].get<float>(), 1280 - 40, 1.0f);
        } else {
            EXPECT_NEAR(b[0].get<float>(), 40, 1.0f);
        }
        // Between this line and the previous one, nothing.
        EXPECT_EQ(img.text_pixels(0, static_cast<int>(previous_bottom) + 3, img.width, y0 - 10), 0);
        previous_bottom = b[3].get<float>();
    }
}

}  // namespace

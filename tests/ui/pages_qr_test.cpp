// QR codes: libqrencode's matrix (size, finder patterns, errors), the whole-pixel module size,
// and the Done screen's drawing read back from its draw data: every module where the matrix
// says, a whole number of pixels wide, inside a white quiet zone of four modules.
#include <gtest/gtest.h>

#include <string>

#include "kiosk/ui/qr_code.hpp"
#include "pages_raster.hpp"
#include "pages_test_support.hpp"

namespace kiosk::test {
namespace {

// The 7×7 finder pattern with its top left module at (x0, y0): a dark ring, a light ring, a
// dark 3×3 centre.
bool finder_at(const ui::QrMatrix& m, int x0, int y0) {
    for (int y = 0; y < 7; ++y) {
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (m.dark(x0 + x, y0 + y) != (ring || centre)) {
                return false;
            }
        }
    }
    return true;
}

TEST(QrMatrix, AReferenceCodeFitsTheSmallestSymbol) {
    const auto m = ui::encode_qr("K4M-7Q2-PHX");
    ASSERT_TRUE(m.ok()) << m.error().message;
    EXPECT_EQ(m->version, 1);
    EXPECT_EQ(m->side, 21);
    EXPECT_EQ(m->modules.size(), 21U * 21U);
}

TEST(QrMatrix, HasFinderPatternsAtThreeCornersOnly) {
    const auto m = ui::encode_qr("K4M-7Q2-PHX");
    ASSERT_TRUE(m.ok());
    const int far = m->side - 7;
    EXPECT_TRUE(finder_at(*m, 0, 0));
    EXPECT_TRUE(finder_at(*m, far, 0));
    EXPECT_TRUE(finder_at(*m, 0, far));
    EXPECT_FALSE(finder_at(*m, far, far)) << "the fourth corner holds data";
    // Timing pattern between the top finders: alternating, dark on even columns.
    for (int x = 8; x < far - 1; ++x) {
        EXPECT_EQ(m->dark(x, 6), x % 2 == 0) << "column " << x;
    }
}

TEST(QrMatrix, LongerTextNeedsALargerVersion) {
    const auto m = ui::encode_qr(std::string(120, 'x'));
    ASSERT_TRUE(m.ok());
    EXPECT_GT(m->version, 1);
    EXPECT_EQ(m->side, 17 + 4 * m->version);
    EXPECT_TRUE(finder_at(*m, m->side - 7, 0));
}

TEST(QrMatrix, DifferentTextsGiveDifferentSymbols) {
    const auto a = ui::encode_qr("K4M-7Q2-PHX");
    const auto b = ui::encode_qr("K4M-7Q2-PHY");
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_NE(a->modules, b->modules);
}

TEST(QrMatrix, RefusesWhatItCannotEncodeWithAClearCode) {
    EXPECT_EQ(ui::encode_qr("").error().code, "qr.empty");
    EXPECT_EQ(ui::encode_qr(std::string(8000, '7')).error().code, "qr.too_long");
    EXPECT_EQ(ui::encode_qr(std::string("A\0B", 3)).error().code, "qr.encode");
}

TEST(QrModuleSize, IsTheLargestWholePixelCountThatFits) {
    const auto m = ui::encode_qr("K4M-7Q2-PHX");
    ASSERT_TRUE(m.ok());
    // 21 modules + 2 × 4 quiet = 29 modules across.
    EXPECT_EQ(ui::qr_module_px(*m, 290.0F), 10);
    EXPECT_EQ(ui::qr_module_px(*m, 289.9F), 9);
    EXPECT_EQ(ui::qr_module_px(*m, 28.0F), 0) << "too small to scan: draw nothing";
    EXPECT_EQ(ui::qr_module_px(*m, -5.0F), 0);
    EXPECT_EQ(ui::qr_side_px(*m, 10), 290);
}

// The Done screen's QR code as drawn, read back module by module.
class QrOnDoneScreen : public ::testing::TestWithParam<std::pair<int, int>> {};

TEST_P(QrOnDoneScreen, EveryModuleIsWhereTheMatrixSaysAndWholePixels) {
    const auto [w, h] = GetParam();
    HeadlessUi ui{w, h};
    core::Session s = on_screen(core::Screen::Done, "ar");
    s.reference_code = "7QX-M2K-4HB";
    ui.frame(s);
    const Bitmap bmp =
        rasterize(*ImGui::GetDrawData(), kImGuiAtlasTexture, ui.context().theme.colors.background);
    const auto m = ui::encode_qr(s.reference_code);
    ASSERT_TRUE(m.ok());

    // The dark modules' bounds are the symbol: finders fill three corners.
    const PixelBox box = bounds_of(bmp, 0x000000);
    ASSERT_GT(box.width(), 0) << "no QR code drawn";
    ASSERT_EQ(box.width(), box.height());
    ASSERT_EQ(box.width() % m->side, 0) << "modules are whole pixels";
    const int px = box.width() / m->side;
    EXPECT_GE(px, 4) << "large enough for a phone at arm's length";
    for (int y = 0; y < m->side; ++y) {
        for (int x = 0; x < m->side; ++x) {
            // Every pixel of the module, not just its centre: no seams, no bleeding.
            for (int dy = 0; dy < px; ++dy) {
                for (int dx = 0; dx < px; ++dx) {
                    const std::uint32_t want = m->dark(x, y) ? 0x000000 : 0xFFFFFF;
                    ASSERT_EQ(bmp.at(box.x0 + x * px + dx, box.y0 + y * px + dy), want)
                        << "module " << x << "," << y;
                }
            }
        }
    }
    // The quiet zone: four modules of white on every side.
    const int quiet = ui::kQrQuietZone * px;
    for (int y = box.y0 - quiet; y < box.y1 + quiet; ++y) {
        for (int x = box.x0 - quiet; x < box.x1 + quiet; ++x) {
            const bool inside = x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1;
            if (!inside) {
                ASSERT_EQ(bmp.at(x, y), 0xFFFFFFU) << "quiet zone at " << x << "," << y;
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Displays, QrOnDoneScreen,
                         ::testing::Values(std::pair{1280, 800}, std::pair{1920, 1080},
                                           std::pair{800, 1280}),
                         [](const auto& param_info) {
                             return std::to_string(param_info.param.first) + "x" +
                                    std::to_string(param_info.param.second);
                         });

}  // namespace
}  // namespace kiosk::test

// End to end: the real kiosk in a real window under Xvfb shows the notice, declined, review and
// done screens (--screen) in English and Arabic at a tablet and a 1080p size. The dumped layout
// must hold each screen's buttons, large enough for a finger and inside the display, mirrored in
// Arabic; the screenshot must show them (button colour and label glyphs where the layout says).
#include <gtest/gtest.h>

#include <stb_image.h>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kiosk/ui/theme.hpp"
#include "kiosk_process.hpp"

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;

struct Case {
    const char* screen;
    const char* language;
    int w;
    int h;
    std::vector<std::string> ids;  // must be on screen
    const char* start_id;          // sits at the reading start (left in English), or nullptr
    const char* end_id;            // sits at the reading end, or nullptr
};

std::string name_of(const Case& c) {
    return std::string(c.screen) + "_" + c.language + "_" + std::to_string(c.w) + "x" +
           std::to_string(c.h);
}

struct KioskRun {
    ProcessResult process;
    int width = 0;
    int height = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> pixels{nullptr, stbi_image_free};
    nlohmann::json layout;

    std::uint32_t rgb(int x, int y) const {
        const unsigned char* p = pixels.get() + (static_cast<std::size_t>(y) * width + x) * 4;
        return (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2];
    }
};

KioskRun run_screen(const Case& c) {
    const fs::path dir = make_temp_dir("kiosk-pages");
    KioskRun r;
    r.process = run_kiosk(
        {"--size", std::to_string(c.w) + "x" + std::to_string(c.h), "--lang", c.language,
         "--screen", c.screen, "--screenshot", (dir / "out.png").string(), "--dump-layout",
         (dir / "out.json").string(), "--data-dir", configured_data_dir(dir / "data").string()},
        true, dir);
    int channels = 0;
    r.pixels.reset(stbi_load((dir / "out.png").c_str(), &r.width, &r.height, &channels, 4));
    std::ifstream in(dir / "out.json");
    r.layout = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    return r;
}

const nlohmann::json* target(const nlohmann::json& layout, const std::string& id) {
    for (const auto& t : layout.at("targets")) {
        if (t.at("id") == id) {
            return &t;
        }
    }
    return nullptr;
}

class PagesScreens : public ::testing::TestWithParam<Case> {};

TEST_P(PagesScreens, ShowsItsButtonsTouchSizedAndMirroredForTheLanguage) {
    const Case& c = GetParam();
    const KioskRun r = run_screen(c);
    ASSERT_EQ(r.process.exit_code, 0) << r.process.stderr_text;
    ASSERT_NE(r.pixels, nullptr) << "no screenshot";
    ASSERT_EQ(r.width, c.w);
    ASSERT_EQ(r.height, c.h);
    ASSERT_FALSE(r.layout.is_discarded());
    EXPECT_EQ(r.layout.at("screen"), c.screen);

    const ui::Palette colors;
    for (const std::string& id : c.ids) {
        const nlohmann::json* t = target(r.layout, id);
        ASSERT_NE(t, nullptr) << id;
        const float x = t->at("x");
        const float y = t->at("y");
        const float w = t->at("w");
        const float h = t->at("h");
        EXPECT_GE(h, 48.0F) << id;
        EXPECT_GE(x, 0.0F) << id;
        EXPECT_LE(x + w, static_cast<float>(c.w)) << id;
        EXPECT_LE(y + h, static_cast<float>(c.h)) << id;
        EXPECT_FALSE(t->at("label").get<std::string>().empty()) << id;
        // Inside the rounded corners: mostly button colour, with light label glyphs on it.
        std::size_t button = 0;
        std::size_t light = 0;
        std::size_t area = 0;
        for (int py = static_cast<int>(y) + 12; py < static_cast<int>(y + h) - 12; ++py) {
            for (int px = static_cast<int>(x) + 12; px < static_cast<int>(x + w) - 12; ++px) {
                const std::uint32_t rgb = r.rgb(px, py);
                button += rgb == colors.button ? 1 : 0;
                light +=
                    ((rgb >> 16) & 0xFF) > 200 && ((rgb >> 8) & 0xFF) > 200 && (rgb & 0xFF) > 200
                        ? 1
                        : 0;
                ++area;
            }
        }
        EXPECT_GE(static_cast<double>(button) / static_cast<double>(area), 0.5) << id;
        EXPECT_GE(light, 30U) << id << ": no label drawn";
    }

    const bool rtl = std::string_view(c.language) == "ar";
    const float mid = static_cast<float>(c.w) / 2;
    if (c.start_id != nullptr) {
        const nlohmann::json* start = target(r.layout, c.start_id);
        ASSERT_NE(start, nullptr);
        const float start_centre = start->at("x").get<float>() + start->at("w").get<float>() / 2;
        EXPECT_EQ(start_centre > mid, rtl) << c.start_id << " at the reading start";
    }
    if (c.end_id != nullptr) {
        const nlohmann::json* end = target(r.layout, c.end_id);
        ASSERT_NE(end, nullptr);
        const float end_centre = end->at("x").get<float>() + end->at("w").get<float>() / 2;
        EXPECT_EQ(end_centre < mid, rtl) << c.end_id << " at the reading end";
    }

    // Text is on the page, not just buttons: dark glyph pixels outside every target.
    std::size_t ink = 0;
    for (int y = 0; y < r.height; y += 2) {
        for (int x = 0; x < r.width; x += 2) {
            const std::uint32_t rgb = r.rgb(x, y);
            ink += ((rgb >> 16) & 0xFF) < 80 && ((rgb >> 8) & 0xFF) < 80 && (rgb & 0xFF) < 80;
        }
    }
    EXPECT_GE(ink, 200U) << "the page's text is missing";
}

std::vector<Case> cases() {
    std::vector<Case> all;
    for (const char* lang : {"en", "ar"}) {
        for (const auto& [w, h] : {std::pair{1280, 800}, std::pair{1920, 1080}}) {
            all.push_back({"notice",
                           lang,
                           w,
                           h,
                           {"consent.accept", "consent.decline", "nav.back"},
                           "nav.back",
                           nullptr});
            all.push_back({"declined",
                           lang,
                           w,
                           h,
                           {"nav.back", "declined.finish"},
                           "nav.back",
                           "declined.finish"});
            all.push_back({"review",
                           lang,
                           w,
                           h,
                           {"nav.back", "review.submit", "review.change.name"},
                           "nav.back",
                           "review.submit"});
            // Done has no Back: its one button is at the reading end.
            all.push_back({"done", lang, w, h, {"done.finish"}, nullptr, "done.finish"});
        }
    }
    return all;
}

INSTANTIATE_TEST_SUITE_P(EnglishAndArabic, PagesScreens, ::testing::ValuesIn(cases()),
                         [](const auto& param_info) { return name_of(param_info.param); });

}  // namespace
}  // namespace kiosk::test

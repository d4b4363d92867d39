// End to end: the real kiosk binary in a real window under Xvfb draws the welcome screen; the
// screenshot's pixels and the dumped layout must agree (buttons where the layout says, with
// button colour and glyph pixels inside them, background around them).
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "kiosk/i18n/languages.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk_process.hpp"
#include "png.hpp"

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;

nlohmann::json load_json(const fs::path& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
}

// A glyph pixel of a white label: all channels high (anti-aliased edges are not counted).
bool is_label_pixel(std::uint32_t rgb) {
    return ((rgb >> 16) & 0xFF) >= 220 && ((rgb >> 8) & 0xFF) >= 220 && (rgb & 0xFF) >= 220;
}

struct Shot {
    fs::path dir;
    ProcessResult run;
    Png png;
    nlohmann::json layout;
};

Shot take_screenshot(int w, int h, std::vector<std::string> extra = {}) {
    Shot s;
    s.dir = make_temp_dir("kiosk-e2e");
    std::vector<std::string> args = {"--size",        std::to_string(w) + "x" + std::to_string(h),
                                     "--screenshot",  (s.dir / "out.png").string(),
                                     "--dump-layout", (s.dir / "out.json").string(),
                                     "--data-dir",    configured_data_dir(s.dir / "data").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    s.run = run_kiosk(args, true, s.dir);
    s.png = load_png(s.dir / "out.png");
    s.layout = load_json(s.dir / "out.json");
    return s;
}

struct Box {
    int x0, y0, x1, y1;  // pixel bounds, half open
};

Box box_of(const nlohmann::json& t, int inset) {
    return Box{static_cast<int>(t.at("x").get<float>()) + inset,
               static_cast<int>(t.at("y").get<float>()) + inset,
               static_cast<int>(t.at("x").get<float>() + t.at("w").get<float>()) - inset,
               static_cast<int>(t.at("y").get<float>() + t.at("h").get<float>()) - inset};
}

TEST(WelcomeScreenshot, At1080pButtonsHoldTheirColourAndGlyphs) {
    const Shot s = take_screenshot(1920, 1080);
    ASSERT_EQ(s.run.exit_code, 0) << s.run.stderr_text;
    ASSERT_NE(s.png.pixels, nullptr) << "no PNG written";
    ASSERT_EQ(s.png.width, 1920);
    ASSERT_EQ(s.png.height, 1080);
    ASSERT_FALSE(s.layout.is_discarded()) << "layout JSON unreadable";
    EXPECT_EQ(s.layout.at("screen"), "welcome");

    const ui::Palette colors;
    // Not blank: many colours (anti-aliased text), and a good share is not background.
    std::unordered_set<std::uint32_t> distinct;
    std::size_t background = 0;
    for (int y = 0; y < s.png.height; ++y) {
        for (int x = 0; x < s.png.width; ++x) {
            const std::uint32_t c = s.png.rgb(x, y);
            distinct.insert(c);
            background += c == colors.background ? 1 : 0;
        }
    }
    const double total = 1920.0 * 1080.0;
    EXPECT_GE(distinct.size(), 16U);
    EXPECT_LE(static_cast<double>(background) / total, 0.9) << "mostly blank";
    EXPECT_GE(static_cast<double>(background) / total, 0.4) << "background should frame it";

    // Every language has its button, with button colour and label glyphs inside.
    const auto& targets = s.layout.at("targets");
    // One button per language, and the invisible staff corner (a long press opens the PIN pad).
    ASSERT_EQ(targets.size(), i18n::shipped_languages().size() + 1);
    EXPECT_EQ(targets.back().at("id"), "staff.entry");
    std::vector<Box> buttons;
    for (const auto& lang : i18n::shipped_languages()) {
        const std::string id = "lang." + std::string(lang.code);
        const auto it = std::find_if(targets.begin(), targets.end(),
                                     [&](const auto& t) { return t.at("id") == id; });
        ASSERT_NE(it, targets.end()) << id;
        EXPECT_EQ(it->at("label"), std::string(lang.endonym));
        const Box b = box_of(*it, 12);  // inside the rounded corners
        buttons.push_back(box_of(*it, 0));
        std::size_t button_px = 0;
        std::size_t label_px = 0;
        std::size_t area = 0;
        for (int y = b.y0; y < b.y1; ++y) {
            for (int x = b.x0; x < b.x1; ++x) {
                const std::uint32_t c = s.png.rgb(x, y);
                button_px += c == colors.button ? 1 : 0;
                label_px += is_label_pixel(c) ? 1 : 0;
                ++area;
            }
        }
        EXPECT_GE(static_cast<double>(button_px) / static_cast<double>(area), 0.6) << id;
        EXPECT_GE(label_px, 40U) << id << ": no visible label glyphs";
        EXPECT_LE(static_cast<double>(label_px) / static_cast<double>(area), 0.3) << id;
    }

    // Outside the buttons, the background dominates (only the greeting is drawn there).
    std::size_t outside = 0;
    std::size_t outside_bg = 0;
    for (int y = 0; y < s.png.height; ++y) {
        for (int x = 0; x < s.png.width; ++x) {
            const bool in_button = std::any_of(buttons.begin(), buttons.end(), [&](const Box& b) {
                return x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1;
            });
            if (!in_button) {
                ++outside;
                outside_bg += s.png.rgb(x, y) == colors.background ? 1 : 0;
            }
        }
    }
    EXPECT_GE(static_cast<double>(outside_bg) / static_cast<double>(outside), 0.95);

    // The kiosk opened (created) its database in the data directory before drawing.
    std::ifstream db(s.dir / "data" / "kiosk.db", std::ios::binary);
    std::string header(16, '\0');
    db.read(header.data(), 16);
    EXPECT_EQ(header, std::string("SQLite format 3\0", 16));
    fs::remove_all(s.dir);
}

TEST(WelcomeScreenshot, At1280x800EveryButtonFitsAndIsTouchSized) {
    const Shot s = take_screenshot(1280, 800);
    ASSERT_EQ(s.run.exit_code, 0) << s.run.stderr_text;
    ASSERT_NE(s.png.pixels, nullptr);
    EXPECT_EQ(s.png.width, 1280);
    EXPECT_EQ(s.png.height, 800);
    ASSERT_FALSE(s.layout.is_discarded());
    const ui::Palette colors;
    ASSERT_EQ(s.layout.at("targets").size(), 10U);  // nine languages and the staff corner
    for (const auto& t : s.layout.at("targets")) {
        if (t.at("id") == "staff.entry") {
            continue;  // invisible on purpose
        }
        const Box b = box_of(t, 0);
        EXPECT_GE(b.y1 - b.y0, 48) << t.at("id");
        EXPECT_GE(b.x0, 0);
        EXPECT_LE(b.x1, 1280) << t.at("id");
        EXPECT_LE(b.y1, 800) << t.at("id");
        // The centre row of the button, left of the label, is button-coloured.
        EXPECT_EQ(s.png.rgb(b.x0 + 12, (b.y0 + b.y1) / 2), colors.button) << t.at("id");
    }
    fs::remove_all(s.dir);
}

TEST(WelcomeScreenshot, WithALanguageChosenTheNoticeShowsBackAcceptAndDecline) {
    const Shot s = take_screenshot(1280, 800, {"--lang", "ar"});
    ASSERT_EQ(s.run.exit_code, 0) << s.run.stderr_text;
    ASSERT_FALSE(s.layout.is_discarded());
    EXPECT_EQ(s.layout.at("screen"), "notice");
    std::set<std::string> ids;
    for (const auto& t : s.layout.at("targets")) {
        ids.insert(t.at("id").get<std::string>());
    }
    EXPECT_TRUE(ids.count("consent.accept") && ids.count("consent.decline")) << s.layout.dump();
    const auto back_it = std::find_if(s.layout.at("targets").begin(), s.layout.at("targets").end(),
                                      [](const auto& t) { return t.at("id") == "nav.back"; });
    ASSERT_NE(back_it, s.layout.at("targets").end());
    const auto& back = *back_it;
    const Box b = box_of(back, 0);
    EXPECT_EQ(s.png.rgb(b.x0 + 12, (b.y0 + b.y1) / 2), ui::Palette{}.button);
    fs::remove_all(s.dir);
}

// The Notice screen in a language: where Back is, judged from the real window's pixels.
struct MirrorCase {
    std::string lang;
    bool rtl = false;
};

void PrintTo(const MirrorCase& c, std::ostream* os) {
    *os << c.lang << (c.rtl ? " (rtl)" : " (ltr)");
}

class NoticeMirroring : public ::testing::TestWithParam<MirrorCase> {};

TEST_P(NoticeMirroring, BackSitsAtTheBottomStartCornerWithItsLabel) {
    const MirrorCase c = GetParam();
    const Shot s = take_screenshot(1280, 800, {"--lang", c.lang});
    ASSERT_EQ(s.run.exit_code, 0) << s.run.stderr_text;
    ASSERT_NE(s.png.pixels, nullptr);
    ASSERT_FALSE(s.layout.is_discarded());
    EXPECT_EQ(s.layout.at("screen"), "notice");
    const auto& targets = s.layout.at("targets");
    const auto back = std::find_if(targets.begin(), targets.end(),
                                   [](const auto& t) { return t.at("id") == "nav.back"; });
    ASSERT_NE(back, targets.end());
    const Box whole = box_of(*back, 0);
    if (c.rtl) {
        EXPECT_GE(whole.x0, 640) << c.lang << ": Back must be in the right half";
    } else {
        EXPECT_LE(whole.x1, 640) << c.lang << ": Back must be in the left half";
    }
    EXPECT_GE(whole.y0, 400) << "Back sits at the bottom";

    // The pixels agree with the layout: button colour and white label glyphs inside the rect.
    const ui::Palette colors;
    const Box b = box_of(*back, 12);
    std::size_t button_px = 0;
    std::size_t label_px = 0;
    std::size_t area = 0;
    for (int y = b.y0; y < b.y1; ++y) {
        for (int x = b.x0; x < b.x1; ++x) {
            const std::uint32_t px = s.png.rgb(x, y);
            button_px += px == colors.button ? 1 : 0;
            label_px += is_label_pixel(px) ? 1 : 0;
            ++area;
        }
    }
    EXPECT_GE(static_cast<double>(button_px) / static_cast<double>(area), 0.6) << c.lang;
    EXPECT_GE(label_px, 40U) << c.lang << ": no visible label glyphs";
    // And the mirrored corner is empty background.
    const int mirror_x = 1280 - (whole.x0 + whole.x1) / 2;
    EXPECT_EQ(s.png.rgb(mirror_x, (whole.y0 + whole.y1) / 2), colors.background) << c.lang;
    fs::remove_all(s.dir);
}

INSTANTIATE_TEST_SUITE_P(Languages, NoticeMirroring,
                         ::testing::Values(MirrorCase{"ar", true}, MirrorCase{"fa", true},
                                           MirrorCase{"ps", true}, MirrorCase{"en", false},
                                           MirrorCase{"tr", false}),
                         [](const auto& param_info) { return param_info.param.lang; });

// A registration step (City: a title, the progress, a text field, Back and Next) in a language:
// the page is mirrored in Arabic, Persian and Pashto, as the real window draws it.
class StepMirroring : public ::testing::TestWithParam<MirrorCase> {};

TEST_P(StepMirroring, BackNextAndTheFieldFollowTheReadingDirection) {
    const MirrorCase c = GetParam();
    const Shot s = take_screenshot(1280, 800, {"--lang", c.lang, "--screen", "city"});
    ASSERT_EQ(s.run.exit_code, 0) << s.run.stderr_text;
    ASSERT_FALSE(s.layout.is_discarded());
    EXPECT_EQ(s.layout.at("screen"), "city");
    const auto& targets = s.layout.at("targets");
    auto find = [&targets](const char* id) {
        return std::find_if(targets.begin(), targets.end(),
                            [id](const auto& t) { return t.at("id") == id; });
    };
    const auto back = find("nav.back");
    const auto next = find("nav.next");
    ASSERT_NE(back, targets.end());
    ASSERT_NE(next, targets.end());
    const Box b = box_of(*back, 0);
    const Box n = box_of(*next, 0);
    if (c.rtl) {
        EXPECT_GE(b.x0, 640) << c.lang << ": Back on the right";
        EXPECT_LE(n.x1, 640) << c.lang << ": Next on the left";
    } else {
        EXPECT_LE(b.x1, 640) << c.lang;
        EXPECT_GE(n.x0, 640) << c.lang;
    }
    const ui::Palette colors;
    EXPECT_EQ(s.png.rgb((b.x0 + b.x1) / 2, b.y0 + 6), colors.button) << c.lang;
    EXPECT_EQ(s.png.rgb((n.x0 + n.x1) / 2, n.y0 + 6), colors.button) << c.lang;
    fs::remove_all(s.dir);
}

INSTANTIATE_TEST_SUITE_P(Languages, StepMirroring,
                         ::testing::Values(MirrorCase{"ar", true}, MirrorCase{"fa", true},
                                           MirrorCase{"ps", true}, MirrorCase{"en", false}),
                         [](const auto& param_info) { return param_info.param.lang; });

TEST(KioskProcess, UnusableDataDirectoryStopsWithAClearMessage) {
    const fs::path dir = make_temp_dir("kiosk-e2e-datadir");
    std::ofstream(dir / "not-a-dir") << "x";
    const ProcessResult r = run_kiosk({"--data-dir", (dir / "not-a-dir").string()}, false, dir);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.stderr_text.find("platform.data_dir"), std::string::npos) << r.stderr_text;
    fs::remove_all(dir);
}

TEST(KioskProcess, ADatabaseThatIsNotOursStopsWithAClearMessageAndIsLeftAlone) {
    const fs::path dir = make_temp_dir("kiosk-e2e-db");
    fs::create_directories(dir / "data");
    const std::string not_a_db = "these are somebody's notes, not a kiosk database\n";
    std::ofstream(dir / "data" / "kiosk.db") << not_a_db;
    const ProcessResult r = run_kiosk({"--data-dir", (dir / "data").string()}, false, dir);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.stderr_text.find("store."), std::string::npos) << r.stderr_text;
    std::ifstream in(dir / "data" / "kiosk.db");
    std::string first_line;
    std::getline(in, first_line);
    EXPECT_EQ(first_line + "\n", not_a_db) << "a refused file must be left as it was";
    fs::remove_all(dir);
}

TEST(KioskProcess, NoDisplayStopsWithAClearMessage) {
    const fs::path dir = make_temp_dir("kiosk-e2e-nodisplay");
    const ProcessResult r = run_kiosk({"--data-dir", (dir / "data").string()}, false, dir);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.stderr_text.find("platform.glfw"), std::string::npos) << r.stderr_text;
    fs::remove_all(dir);
}

TEST(KioskProcess, BadArgumentIsAUsageError) {
    const fs::path dir = make_temp_dir("kiosk-e2e-usage");
    const ProcessResult r = run_kiosk({"--size", "huge"}, false, dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.stderr_text.find("usage: kiosk"), std::string::npos) << r.stderr_text;
    fs::remove_all(dir);
}

}  // namespace
}  // namespace kiosk::test

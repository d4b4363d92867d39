// The script runner driving the real views, catalogue, fonts and reducer in a headless ImGui
// (no window): the frame loop of kiosk_loop.cpp with HeadlessUi in place of the window. Also
// the TextRenderer's record of drawn strings that `expect` reads.
#include <gtest/gtest.h>

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>
#include <utility>

#include "headless_ui.hpp"
#include "kiosk/app/script.hpp"
#include "kiosk/i18n/languages.hpp"
#include "kiosk/ui/text/widgets.hpp"

namespace kiosk::test {
namespace {

// The app's loop without a window: tick, draw, apply intents, show the runner the frame.
class HeadlessDriver {
  public:
    explicit HeadlessDriver(int width = 1280, int height = 800) : ui(width, height) {
        core::KioskSettings settings;
        settings.current_year = 2026;
        settings.staff_pin_set = true;
        session = core::fresh_session(settings, clock.monotonic());
        ui.renderer().record_drawn(true);
    }

    // Runs `text` until it ends (or `max_frames`); returns the runner for its verdict.
    app::ScriptRunner run(std::string_view text, int max_frames = 20'000) {
        auto script = app::parse_script(text);
        EXPECT_TRUE(script.ok()) << (script.ok() ? "" : script.error().message);
        app::ScriptRunner runner(script.ok() ? std::move(*script) : app::Script{});
        Pointer finger;
        for (int i = 0; i < max_frames && !runner.done(); ++i) {
            clock.advance(Millis{16});
            const core::Session ticked = core::tick(session, clock.monotonic());
            const bool timers_changed = ticked != session;
            session = ticked;
            const auto intents = ui.frame(session, finger, clock.monotonic());
            const bool holding = ImGui::IsAnyItemActive();
            for (const auto& intent : intents) {
                session = core::reduce(session, intent, clock.monotonic());
            }
            const std::vector<std::string> drawn = ui.renderer().take_drawn();
            const app::FrameSeen seen{&ui.hits(),
                                      drawn,
                                      clock.monotonic(),
                                      session.screen_since,
                                      !(timers_changed || holding || !intents.empty()),
                                      session.keyboard.layout};
            const app::FrameRequest request = runner.after_frame(seen);
            finger = Pointer{request.finger.x, request.finger.y, request.finger.down};
            clock.advance(request.advance);
        }
        EXPECT_TRUE(runner.done()) << "the script did not end in " << max_frames << " frames";
        return runner;
    }

    HeadlessUi ui;
    FakeClock clock{Millis{100'000}};
    core::Session session;
};

std::string text_in(const HeadlessDriver& d, std::string_view lang, std::string_view key) {
    return d.ui.catalogue().tr(lang, key);
}

std::string endonym(std::string_view code) {
    const auto lang = i18n::find_language(code);
    EXPECT_TRUE(lang.has_value()) << code;
    return lang ? std::string(lang->endonym) : std::string();
}

TEST(ScriptHeadless, ALanguageTapShowsItsNoticeAndBackReturnsToWelcome) {
    HeadlessDriver d;
    const std::string script = "tap \"" + endonym("tr") + "\"\n" + "expect \"" +
                               text_in(d, "tr", "notice.title") + "\"\n" +
                               "expect-screen notice\n" + "tap \"" +
                               text_in(d, "tr", "common.back") + "\"\n" + "expect-screen welcome\n";
    const auto runner = d.run(script);
    ASSERT_TRUE(runner.finished()) << describe(*runner.failure());
    EXPECT_EQ(d.session.screen, core::Screen::Welcome);
    EXPECT_EQ(d.session.language, "tr");
}

TEST(ScriptHeadless, RightToLeftTextIsExpectedInItsLogicalOrder) {
    HeadlessDriver d;
    const std::string title = text_in(d, "ar", "notice.title");
    ASSERT_NE(title, text_in(d, "en", "notice.title")) << "the Arabic catalogue has the title";
    const auto runner = d.run("tap \"lang.ar\"\nexpect \"" + title + "\"\nexpect-screen notice\n");
    ASSERT_TRUE(runner.finished()) << describe(*runner.failure());
    EXPECT_EQ(d.session.language, "ar");
}

TEST(ScriptHeadless, IdleJumpsShowTheWarningThenResetToWelcome) {
    HeadlessDriver d;
    const auto runner = d.run(
        "tap \"lang.tr\"\n"
        "expect-screen notice\n"
        "idle 95s\n"
        "expect-screen idle_warning\n"
        "expect \"" +
        text_in(d, "tr", "idle.still_there") +
        "\"\n"
        "idle 30s\n"
        "expect-screen welcome\n");
    ASSERT_TRUE(runner.finished()) << describe(*runner.failure());
    EXPECT_TRUE(core::is_pristine(d.session)) << "nothing of the visit is left";
    EXPECT_LT(d.clock.monotonic(), Millis{100'000 + 125'000 + 60'000})
        << "the idle time was jumped, not waited out frame by frame";
}

TEST(ScriptHeadless, ContinueOnTheWarningKeepsTheVisit) {
    HeadlessDriver d;
    const auto runner = d.run(
        "tap \"lang.ar\"\nidle 91s\ntap \"idle.continue\"\n"
        "expect-screen notice\n");
    ASSERT_TRUE(runner.finished()) << describe(*runner.failure());
    EXPECT_EQ(d.session.language, "ar");
    EXPECT_EQ(d.session.idle, core::IdlePhase::Active);
}

TEST(ScriptHeadless, AFailureReportsTheRealScreensTargets) {
    HeadlessDriver d;
    const auto runner = d.run("expect-screen welcome\ntap \"Klingon\"\n");
    ASSERT_TRUE(runner.failure());
    const std::string report = describe(*runner.failure());
    EXPECT_NE(report.find("script line 2: tap \"Klingon\""), std::string::npos) << report;
    EXPECT_NE(report.find("screen: welcome"), std::string::npos) << report;
    for (const auto& lang : i18n::shipped_languages()) {
        EXPECT_NE(report.find("lang." + std::string(lang.code) + "  \"" +
                              std::string(lang.endonym) + "\""),
                  std::string::npos)
            << report;
    }
    EXPECT_EQ(d.session.screen, core::Screen::Welcome) << "nothing was tapped";
}

TEST(ScriptHeadless, AFingerThatSlidesOntoAButtonAndLiftsDoesNotPressIt) {
    // Welcome has no scroll region, so a drag starts at the display's centre (on the greeting)
    // and here ends on a language button.
    HeadlessDriver d;
    d.ui.frame(d.session);
    const auto& targets = d.ui.hits().targets;
    const bool ends_on_button = std::any_of(targets.begin(), targets.end(), [](const auto& t) {
        return t.id.starts_with("lang.") && t.rect.contains(640, 600);
    });
    ASSERT_TRUE(ends_on_button) << "the layout changed: pick another drag for this test";
    const auto runner = d.run("drag 0 200\nexpect-screen welcome\n");
    ASSERT_TRUE(runner.finished()) << describe(*runner.failure());
    EXPECT_TRUE(core::is_pristine(d.session)) << "the drag chose a language";
}

// [SECTION] TextRenderer's record of drawn strings

class DrawnRecord : public ::testing::Test {
  protected:
    HeadlessUi ui{800, 600};

    // One ImGui frame in which `draw` runs inside a full-screen window.
    template <typename Draw>
    void frame(Draw draw) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(800, 600));
        ImGui::Begin("##record", nullptr, ImGuiWindowFlags_NoDecoration);
        draw(ImGui::GetWindowDrawList());
        ImGui::End();
        ImGui::Render();
        ui.renderer().flush();
    }
};

TEST_F(DrawnRecord, OnlyStringsWhoseGlyphsWereDrawnAreRecordedOncePerFrame) {
    ui::text::TextRenderer& r = ui.renderer();
    r.record_drawn(true);
    const ui::text::LabelStyle style;
    frame([&](ImDrawList* list) {
        ui::text::draw_label(r, list, ImVec2(10, 10), ImVec2(400, 60), "Devam", "tr", style);
        ui::text::draw_label(r, list, ImVec2(10, 70), ImVec2(400, 120), "Devam", "tr", style);
        ui::text::draw_label(r, list, ImVec2(10, 130), ImVec2(400, 180), "متابعة", "ar", style);
        // Shaped to be measured, never drawn.
        (void)ui::text::measure_text(r, "Ölçülen", "tr", 24);
        // Drawn far outside the window's clip rectangle: not visible.
        ui::text::draw_label(r, list, ImVec2(10, 5000), ImVec2(400, 5050), "Gizli", "tr", style);
    });
    EXPECT_EQ(r.take_drawn(), (std::vector<std::string>{"Devam", "متابعة"}));
    EXPECT_TRUE(r.take_drawn().empty()) << "taking the record starts a new one";
}

TEST_F(DrawnRecord, AWrappedParagraphIsRecordedWhole) {
    ui::text::TextRenderer& r = ui.renderer();
    r.record_drawn(true);
    const std::string paragraph =
        "Bu bilgiler yalnızca iş bulmanız ve sizinle iletişim kurmamız için kullanılır.";
    frame([&](ImDrawList* list) {
        const float h = ui::text::draw_paragraph(r, list, ImVec2(10, 10), 200, paragraph, "tr",
                                                 ui::text::ParagraphStyle{});
        EXPECT_GT(h, 2 * 22.0F) << "the paragraph must wrap for this test";
    });
    EXPECT_EQ(r.take_drawn(), std::vector<std::string>{paragraph});
}

TEST_F(DrawnRecord, NothingIsRecordedUnlessAsked) {
    ui::text::TextRenderer& r = ui.renderer();
    frame([&](ImDrawList* list) {
        ui::text::draw_label(r, list, ImVec2(10, 10), ImVec2(400, 60), "Devam", "tr",
                             ui::text::LabelStyle{});
    });
    EXPECT_TRUE(r.take_drawn().empty());
}

}  // namespace
}  // namespace kiosk::test

// End to end: `kiosk --script FILE` drives the real kiosk binary's window under Xvfb with a
// synthetic finger, and says by its exit code and stderr whether every step passed.
#include <gtest/gtest.h>

#include <stb_image.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <set>

#include "kiosk/i18n/catalogue.hpp"
#include "kiosk/i18n/languages.hpp"
#include "kiosk_process.hpp"

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;

struct ScriptRun {
    fs::path dir;
    ProcessResult result;
    double seconds = 0;  // wall time of the whole run, Xvfb start included
};

// Writes `script` to a file and runs the kiosk on it at 1280x800 with a fresh data directory.
ScriptRun run_script(const std::string& script) {
    ScriptRun run;
    run.dir = make_temp_dir("kiosk-script");
    std::ofstream(run.dir / "test.script") << script;
    const auto started = std::chrono::steady_clock::now();
    run.result = run_kiosk(
        {"--size", "1280x800", "--data-dir", configured_data_dir(run.dir / "data").string(),
         "--script", (run.dir / "test.script").string()},
        true, run.dir);
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return run;
}

// The shipped catalogue's text for `key` in `lang`.
std::string text(std::string_view lang, std::string_view key) {
    auto catalogue = i18n::Catalogue::load_directory(KIOSK_ASSETS_DIR "/i18n");
    EXPECT_TRUE(catalogue.ok()) << catalogue.error().message;
    return catalogue.ok() ? catalogue->tr(lang, key) : std::string(key);
}

std::string in_quotes(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

TEST(ScriptedRun, ALanguageTapShowsTheNoticeBackReturnsAndAScreenshotIsTaken) {
    const auto turkish = i18n::find_language("tr");
    ASSERT_TRUE(turkish.has_value());
    const std::string title = text("tr", "notice.title");
    ASSERT_NE(title, text("en", "notice.title")) << "the Turkish catalogue has the title";
    const fs::path shot = make_temp_dir("kiosk-script-shot") / "welcome again.png";
    const ScriptRun run = run_script(
        "# a visitor picks Turkish, reads the notice title, goes back\n"
        "tap " +
        in_quotes(turkish->endonym) + "\n" + "expect " + in_quotes(title) + "\n" +
        "expect-screen notice\n" + "tap " + in_quotes(text("tr", "common.back")) +
        "   # by its Turkish label\n" + "expect-screen welcome\n" + "screenshot " +
        in_quotes(shot.string()) + "\n");
    ASSERT_EQ(run.result.exit_code, 0) << run.result.stderr_text;

    int w = 0;
    int h = 0;
    int channels = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> pixels(
        stbi_load(shot.c_str(), &w, &h, &channels, 4), stbi_image_free);
    ASSERT_NE(pixels, nullptr) << "no PNG at " << shot;
    EXPECT_EQ(w, 1280);
    EXPECT_EQ(h, 800);
    // The welcome screen, not a blank frame: many colours (anti-aliased glyphs on buttons).
    std::set<std::uint32_t> colours;
    for (int i = 0; i < w * h; i += 7) {
        const unsigned char* p = pixels.get() + static_cast<std::size_t>(i) * 4;
        colours.insert((std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2]);
    }
    EXPECT_GE(colours.size(), 16U);
    fs::remove_all(run.dir);
    fs::remove_all(shot.parent_path());
}

TEST(ScriptedRun, AFailingExpectExitsThreeAndPrintsTheLineAndTheScreen) {
    const ScriptRun run = run_script(
        "# the notice does not say this\n"
        "tap \"lang.tr\"\n"
        "expect \"Bu metin hiçbir yerde yok\"\n"
        "expect-screen notice\n");
    EXPECT_EQ(run.result.exit_code, 3) << run.result.stderr_text;
    const std::string& err = run.result.stderr_text;
    EXPECT_NE(err.find("script line 3: expect \"Bu metin hiçbir yerde yok\""), std::string::npos)
        << err;
    EXPECT_NE(err.find("screen: notice"), std::string::npos) << err;
    EXPECT_NE(err.find("nav.back  " + in_quotes(text("tr", "common.back"))), std::string::npos)
        << err;
    EXPECT_NE(err.find(in_quotes(text("tr", "notice.title"))), std::string::npos)
        << "the text that was drawn is listed\n"
        << err;
    fs::remove_all(run.dir);
}

TEST(ScriptedRun, IdleShowsTheWarningAndThenResetsWithoutWaiting) {
    const ScriptRun run = run_script(
        "tap \"lang.tr\"\n"
        "expect-screen notice\n"
        "idle 95s\n"
        "expect-screen idle_warning\n"
        "expect " +
        in_quotes(text("tr", "idle.still_there")) +
        "\n"
        "idle 30s\n"
        "expect-screen welcome\n"
        "expect " +
        in_quotes(i18n::find_language("ar")->endonym) + "\n");
    EXPECT_EQ(run.result.exit_code, 0) << run.result.stderr_text;
    EXPECT_LT(run.seconds, 60.0) << "125 s of idle time were jumped, not slept";
    fs::remove_all(run.dir);
}

TEST(ScriptedRun, HoldKeepsTheFingerDownInRealTime) {
    const ScriptRun run = run_script("hold \"lang.ar\" 1500ms\nexpect-screen notice\n");
    EXPECT_EQ(run.result.exit_code, 0) << run.result.stderr_text;
    EXPECT_GE(run.seconds, 1.5);
    fs::remove_all(run.dir);
}

TEST(ScriptedRun, AMalformedScriptIsRefusedWithEveryBadLine) {
    const ScriptRun run = run_script("tap \"lang.tr\"\nwait 5\nexpect Onay\n");
    EXPECT_EQ(run.result.exit_code, 2) << run.result.stderr_text;
    EXPECT_NE(run.result.stderr_text.find("line 2: "), std::string::npos) << run.result.stderr_text;
    EXPECT_NE(run.result.stderr_text.find("line 3: "), std::string::npos) << run.result.stderr_text;
    fs::remove_all(run.dir);
}

TEST(ScriptedRun, AScreenshotThatCannotBeWrittenFailsItsLine) {
    const ScriptRun run = run_script("expect-screen welcome\nscreenshot /nonexistent/dir/x.png\n");
    EXPECT_EQ(run.result.exit_code, 3) << run.result.stderr_text;
    EXPECT_NE(run.result.stderr_text.find("script line 2: screenshot /nonexistent/dir/x.png"),
              std::string::npos)
        << run.result.stderr_text;
    fs::remove_all(run.dir);
}

TEST(ScriptedRun, ScriptAndScreenshotOptionsDoNotGoTogether) {
    const fs::path dir = make_temp_dir("kiosk-script-usage");
    const ProcessResult r =
        run_kiosk({"--script", "a.script", "--screenshot", "a.png"}, false, dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.stderr_text.find("--script and --screenshot"), std::string::npos) << r.stderr_text;
    fs::remove_all(dir);
}

}  // namespace
}  // namespace kiosk::test

// The --script format: every action, durations and their units, quoting and escapes, comments,
// and errors that name their line.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "kiosk/app/options.hpp"
#include "kiosk/app/script.hpp"

namespace kiosk::app {
namespace {

ScriptAction only_action(std::string_view text) {
    const auto script = parse_script(text);
    EXPECT_TRUE(script.ok()) << (script.ok() ? "" : script.error().message);
    if (!script.ok() || script->actions.size() != 1) {
        ADD_FAILURE() << "expected exactly one action from: " << text;
        return {};
    }
    return script->actions.front();
}

std::string error_of(std::string_view text) {
    const auto script = parse_script(text);
    EXPECT_FALSE(script.ok()) << "accepted: " << text;
    if (script.ok()) {
        return {};
    }
    EXPECT_EQ(script.error().code, "script.syntax");
    return script.error().message;
}

TEST(ScriptParse, EveryActionWithItsArguments) {
    const auto script = parse_script(
        "tap \"Türkçe\"\n"
        "hold \"staff.entry\" 3s\n"
        "type \"Ayşe\"\n"
        "drag 0 -600\n"
        "wait 500ms\n"
        "expect \"Onay\"\n"
        "expect-screen review\n"
        "screenshot out/step3.png\n"
        "idle 95s\n"
        "fling 0 -900\n");
    ASSERT_TRUE(script.ok()) << script.error().message;
    const auto& a = script->actions;
    ASSERT_EQ(a.size(), 10U);

    EXPECT_EQ(a[0].kind, ActionKind::tap);
    EXPECT_EQ(a[0].text, "Türkçe");
    EXPECT_EQ(a[1].kind, ActionKind::hold);
    EXPECT_EQ(a[1].text, "staff.entry");
    EXPECT_EQ(a[1].duration, Millis{3000});
    EXPECT_EQ(a[2].kind, ActionKind::type);
    EXPECT_EQ(a[2].text,
              "Ay\xC5\x9F"
              "e");
    EXPECT_EQ(a[3].kind, ActionKind::drag);
    EXPECT_EQ(a[3].dx, 0.0F);
    EXPECT_EQ(a[3].dy, -600.0F);
    EXPECT_EQ(a[4].kind, ActionKind::wait);
    EXPECT_EQ(a[4].duration, Millis{500});
    EXPECT_EQ(a[5].kind, ActionKind::expect);
    EXPECT_EQ(a[5].text, "Onay");
    EXPECT_EQ(a[6].kind, ActionKind::expect_screen);
    EXPECT_EQ(a[6].text, "review");
    EXPECT_EQ(a[7].kind, ActionKind::screenshot);
    EXPECT_EQ(a[7].text, "out/step3.png");
    EXPECT_EQ(a[8].kind, ActionKind::idle);
    EXPECT_EQ(a[8].duration, Millis{95'000});
    EXPECT_EQ(a[9].kind, ActionKind::fling);
    EXPECT_EQ(a[9].dx, 0.0F);
    EXPECT_EQ(a[9].dy, -900.0F);
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].line, static_cast<int>(i) + 1);
    }
    EXPECT_EQ(action_name(a[6].kind), "expect-screen");
}

TEST(ScriptParse, CommentsAndBlankLinesAreSkippedAndLinesKeepTheirNumbers) {
    const auto script = parse_script(
        "# a registration in Turkish\n"
        "\n"
        "   \t\n"
        "tap \"Türkçe\"            # the language button\n"
        "wait 1s#no space needed\n");
    ASSERT_TRUE(script.ok()) << script.error().message;
    ASSERT_EQ(script->actions.size(), 2U);
    EXPECT_EQ(script->actions[0].line, 4);
    EXPECT_EQ(script->actions[0].source, "tap \"Türkçe\"") << "the comment is not part of it";
    EXPECT_EQ(script->actions[1].line, 5);
    EXPECT_EQ(script->actions[1].duration, Millis{1000});
}

TEST(ScriptParse, DurationUnits) {
    EXPECT_EQ(only_action("wait 0ms").duration, Millis{0});
    EXPECT_EQ(only_action("wait 250ms").duration, Millis{250});
    EXPECT_EQ(only_action("wait 2s").duration, Millis{2000});
    EXPECT_EQ(only_action("wait 1.5s").duration, Millis{1500});
    EXPECT_EQ(only_action("wait 0.125s").duration, Millis{125});
    EXPECT_EQ(only_action("idle 120s").duration, Millis{120'000});
    EXPECT_EQ(only_action("hold \"x\" 800ms").duration, Millis{800});

    for (const char* bad : {"wait 500", "wait 5m", "wait 1.5ms", "wait 0.0001s", "wait -1s",
                            "wait s", "wait 1.s", "wait \"1s\"", "wait 99999999s"}) {
        const std::string message = error_of(bad);
        EXPECT_NE(message.find("line 1: "), std::string::npos) << bad << ": " << message;
        EXPECT_NE(message.find("duration"), std::string::npos) << bad << ": " << message;
    }
    EXPECT_NE(error_of("idle 0s").find("longer than 0"), std::string::npos);
    EXPECT_NE(error_of("hold \"x\" 0ms").find("longer than 0"), std::string::npos);
}

TEST(ScriptParse, QuotedStringsTakeEscapedQuotesAndBackslashes) {
    EXPECT_EQ(only_action(R"(expect "say \"yes\"")").text, "say \"yes\"");
    EXPECT_EQ(only_action(R"(type "a\\b")").text, "a\\b");
    EXPECT_EQ(only_action(R"(expect "# not a comment")").text, "# not a comment");
    EXPECT_EQ(only_action("type \"two  spaces\"").text, "two  spaces");
    // UTF-8 of any script: Arabic with its ZWNJ-free letters, Persian with a ZWNJ.
    EXPECT_EQ(only_action("type \"می\xE2\x80\x8Cخواهم\"").text, "می\xE2\x80\x8Cخواهم");
    EXPECT_EQ(only_action("screenshot \"out dir/a#1.png\"").text, "out dir/a#1.png");
    EXPECT_EQ(only_action("expect-screen \"review\"").text, "review");
}

TEST(ScriptParse, BadStringsSayWhatIsWrong) {
    EXPECT_NE(error_of("tap \"open").find("not closed"), std::string::npos);
    EXPECT_NE(error_of(R"(tap "a\n")").find("escape"), std::string::npos);
    EXPECT_NE(error_of("tap \"a\"b").find("after a closing quote"), std::string::npos);
    EXPECT_NE(error_of("tap Türkçe").find("double quotes"), std::string::npos);
    EXPECT_NE(error_of("tap \"\"").find("empty"), std::string::npos);
    EXPECT_NE(error_of("expect \"\xC3\x28\"").find("UTF-8"), std::string::npos);
}

TEST(ScriptParse, WrongArgumentsShowHowToWriteTheAction) {
    struct Case {
        const char* line;
        const char* mentions;
    };
    const Case cases[] = {
        {"tap", "tap \"Türkçe\""},
        {"tap \"a\" \"b\"", "one quoted string"},
        {"hold \"staff.entry\"", "hold \"staff.entry\" 3s"},
        {"type", "type \"Ayşe\""},
        {"drag 0", "drag 0 -600"},
        {"drag up 600", "'up' is not a distance"},
        {"drag 0 0", "must move"},
        {"fling 0", "fling 0 -600"},
        {"fling 0 0", "a fling must move"},
        {"wait", "wait 500ms"},
        {"expect", "expect \"Onay\""},
        {"expect-screen", "expect-screen review"},
        {"screenshot", "screenshot out/step3.png"},
        {"idle 1s 2s", "idle 95s"},
        {"clik \"x\"", "unknown action 'clik'"},
        {"\"tap\" \"x\"", "unknown action"},
    };
    for (const Case& c : cases) {
        const std::string message = error_of(c.line);
        EXPECT_NE(message.find(c.mentions), std::string::npos) << c.line << " → " << message;
    }
}

TEST(ScriptParse, DragDistancesMayBeSignedOrFractional) {
    const ScriptAction a = only_action("drag +12.5 -600");
    EXPECT_EQ(a.dx, 12.5F);
    EXPECT_EQ(a.dy, -600.0F);
    EXPECT_NE(error_of("drag 0 99999").find("not a distance"), std::string::npos);
}

TEST(ScriptParse, EveryBadLineIsReportedWithItsNumber) {
    const std::string message = error_of(
        "tap \"ok\"\n"
        "wait 5\n"
        "# fine\n"
        "jump 3\n"
        "expect \"ok\"\n");
    EXPECT_NE(message.find("line 2: "), std::string::npos) << message;
    EXPECT_NE(message.find("line 4: "), std::string::npos) << message;
    EXPECT_EQ(message.find("line 1: "), std::string::npos) << message;
    EXPECT_EQ(message.find("line 5: "), std::string::npos) << message;
    EXPECT_EQ(std::count(message.begin(), message.end(), '\n'), 1) << "one line per error";
}

TEST(ScriptParse, WindowsLineEndsAndAByteOrderMarkAreRead) {
    const auto script = parse_script("\xEF\xBB\xBFtap \"a\"\r\nwait 1s\r\n");
    ASSERT_TRUE(script.ok()) << script.error().message;
    ASSERT_EQ(script->actions.size(), 2U);
    EXPECT_EQ(script->actions[0].text, "a");
    EXPECT_EQ(script->actions[1].duration, Millis{1000});
}

TEST(ScriptParse, AnEmptyScriptHasNoActions) {
    const auto script = parse_script("# nothing to do\n\n");
    ASSERT_TRUE(script.ok());
    EXPECT_TRUE(script->actions.empty());
}

TEST(ScriptLoad, ReadsAFileAndNamesAMissingOne) {
    const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / "script-load";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "ok.txt") << "tap \"nav.back\"\nexpect-screen welcome\n";
    const auto loaded = load_script(dir / "ok.txt");
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(loaded->actions.size(), 2U);

    const auto missing = load_script(dir / "missing.txt");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, "script.read");
    EXPECT_NE(missing.error().message.find("missing.txt"), std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST(ScriptOption, ScriptTakesAFileAndRefusesScreenshotBesideIt) {
    const std::vector<std::string_view> ok = {"--size", "1280x800", "--script", "flows/tr.script"};
    const auto options = parse_options(ok);
    ASSERT_TRUE(options.ok()) << options.error().message;
    ASSERT_TRUE(options->script.has_value());
    EXPECT_EQ(*options->script, "flows/tr.script");
    EXPECT_FALSE(parse_options(std::vector<std::string_view>{}).value().script.has_value());

    const std::vector<std::string_view> missing = {"--script"};
    const auto no_file = parse_options(missing);
    ASSERT_FALSE(no_file.ok());
    EXPECT_NE(no_file.error().message.find("--script needs a value"), std::string::npos);

    const std::vector<std::string_view> both = {"--script", "a.script", "--screenshot", "a.png"};
    const auto clash = parse_options(both);
    ASSERT_FALSE(clash.ok());
    EXPECT_EQ(clash.error().code, "app.usage");
    EXPECT_NE(clash.error().message.find("screenshot FILE"), std::string::npos);
    EXPECT_NE(usage().find("--script FILE"), std::string_view::npos);
}

}  // namespace
}  // namespace kiosk::app

// The kiosk's command line: defaults, every option, and clear errors for bad input.
#include <gtest/gtest.h>

#include "kiosk/app/options.hpp"

namespace kiosk::app {
namespace {

Result<Options> parse(std::initializer_list<std::string_view> args) {
    const std::vector<std::string_view> v(args);
    return parse_options(v);
}

TEST(AppOptions, DefaultsAreAWindowOnTheDesk) {
    const auto o = parse({});
    ASSERT_TRUE(o.ok());
    EXPECT_FALSE(o->fullscreen);
    EXPECT_EQ(o->width, 1280);
    EXPECT_EQ(o->height, 800);
    EXPECT_FALSE(o->screenshot || o->dump_layout || o->data_dir || o->language);
    EXPECT_FALSE(o->report_startup);
    EXPECT_FALSE(o->frame_times);
}

TEST(AppOptions, EveryOptionIsRead) {
    const auto o =
        parse({"--fullscreen", "--size", "1920x1080", "--screenshot", "s.png", "--dump-layout",
               "l.json", "--data-dir", "/tmp/k", "--lang", "fa", "--report-startup",
               "--frame-times", "f.csv"});
    ASSERT_TRUE(o.ok()) << o.error().message;
    EXPECT_TRUE(o->fullscreen);
    EXPECT_EQ(o->width, 1920);
    EXPECT_EQ(o->height, 1080);
    EXPECT_EQ(*o->screenshot, "s.png");
    EXPECT_EQ(*o->dump_layout, "l.json");
    EXPECT_EQ(*o->data_dir, "/tmp/k");
    EXPECT_EQ(*o->language, "fa");
    EXPECT_TRUE(o->report_startup);
    EXPECT_EQ(*o->frame_times, "f.csv");
}

TEST(AppOptions, BadInputIsAnErrorNamingTheArgument) {
    struct Case {
        std::vector<std::string_view> args;
        std::string_view mentions;
    };
    const std::vector<Case> cases = {
        {{"--size", "1920"}, "1920"},
        {{"--size", "1920x"}, "1920x"},
        {{"--size", "10x10"}, "10x10"},
        {{"--size", "axb"}, "axb"},
        {{"--size"}, "--size"},
        {{"--lang", "xx"}, "xx"},
        {{"--data-dir", ""}, "--data-dir"},
        {{"--screenshot"}, "--screenshot"},
        {{"--frame-times"}, "--frame-times"},
        {{"--fulscreen"}, "--fulscreen"},
        {{"--dump-layout", "l.json"}, "--screenshot"},
    };
    for (const auto& c : cases) {
        const auto o = parse_options(c.args);
        ASSERT_FALSE(o.ok()) << c.mentions;
        EXPECT_EQ(o.error().code, "app.usage");
        EXPECT_NE(o.error().message.find(c.mentions), std::string::npos) << o.error().message;
    }
}

}  // namespace
}  // namespace kiosk::app

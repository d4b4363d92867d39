// The platform pieces that need no window: frame pacing, the touch pointer fix, XDG paths,
// file writing and PNG encoding.
#include <gtest/gtest.h>

#include <stb_image.h>

#include <cfloat>
#include <filesystem>
#include <fstream>

#include "platform/frame_pacer.hpp"
#include "platform/paths.hpp"
#include "platform/screenshot.hpp"
#include "platform/touch_pointer.hpp"

namespace kiosk::platform {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::path(::testing::TempDir()) / ("kiosk-platform-" + name);
    fs::remove_all(dir);
    return dir;
}

TEST(FramePacer, SettlesThenSleepsUntilAnEvent) {
    FramePacer pacer;
    const Millis now{1000};
    for (int i = 0; i < FramePacer::kSettleFrames; ++i) {
        EXPECT_EQ(pacer.sleep_for(now, std::nullopt), Millis{0}) << "start-up frame " << i;
        pacer.frame_drawn();
    }
    EXPECT_EQ(pacer.sleep_for(now, std::nullopt), std::nullopt) << "idle: no timeout at all";
}

TEST(FramePacer, SleepsUntilTheDeadlineAndNotPastIt) {
    FramePacer pacer;
    for (int i = 0; i < FramePacer::kSettleFrames; ++i) {
        pacer.frame_drawn();
    }
    EXPECT_EQ(pacer.sleep_for(Millis{1000}, Millis{91000}), Millis{90000});
    EXPECT_EQ(pacer.sleep_for(Millis{91500}, Millis{91000}), Millis{0}) << "overdue: draw now";
}

TEST(FramePacer, InputRestartsTheSettleFrames) {
    FramePacer pacer;
    for (int i = 0; i < 10; ++i) {
        pacer.frame_drawn();
    }
    EXPECT_FALSE(pacer.settling());
    pacer.on_activity();
    EXPECT_TRUE(pacer.settling());
    EXPECT_EQ(pacer.sleep_for(Millis{0}, Millis{50000}), Millis{0});
    for (int i = 0; i < FramePacer::kSettleFrames; ++i) {
        pacer.frame_drawn();
    }
    EXPECT_EQ(pacer.sleep_for(Millis{0}, Millis{50000}), Millis{50000});
}

TEST(TouchPointer, KeepsTheReleaseFrameThenHidesThePointer) {
    TouchPointer touch;
    const float off = -FLT_MAX;
    EXPECT_EQ(touch.filter({100, 200, true}, off).x, 100);  // finger down
    const PointerSample release = touch.filter({100, 200, false}, off);
    EXPECT_EQ(release.x, 100) << "ImGui must see the release where the button is";
    EXPECT_EQ(release.y, 200);
    const PointerSample next = touch.filter({100, 200, false}, off);
    EXPECT_EQ(next.x, off) << "the lifted finger must not keep the button hovered";
    EXPECT_EQ(next.y, off);
    EXPECT_EQ(touch.filter({100, 200, false}, off).x, off) << "and stays hidden";
}

TEST(TouchPointer, AMovingMouseOrANewTouchShowsThePointerAgain) {
    TouchPointer touch;
    const float off = -FLT_MAX;
    touch.filter({10, 10, true}, off);
    touch.filter({10, 10, false}, off);
    ASSERT_EQ(touch.filter({10, 10, false}, off).x, off);
    EXPECT_EQ(touch.filter({30, 10, false}, off).x, 30) << "a real mouse moved (staff)";
    touch.filter({30, 10, true}, off);
    touch.filter({30, 10, false}, off);
    ASSERT_EQ(touch.filter({30, 10, false}, off).x, off);
    const PointerSample again = touch.filter({30, 10, true}, off);
    EXPECT_EQ(again.x, 30) << "a new touch on the same spot must land";
    EXPECT_TRUE(again.down);
}

TEST(Paths, XdgDataHomeWinsWhenAbsolute) {
    auto dir = data_dir_from("/var/lib/kiosk-user/data", "/home/kiosk");
    ASSERT_TRUE(dir.ok());
    EXPECT_EQ(*dir, fs::path("/var/lib/kiosk-user/data/kiosk"));
}

TEST(Paths, RelativeOrMissingXdgDataHomeFallsBackToHome) {
    auto relative = data_dir_from("relative/data", "/home/kiosk");
    ASSERT_TRUE(relative.ok());
    EXPECT_EQ(*relative, fs::path("/home/kiosk/.local/share/kiosk"));
    auto unset = data_dir_from(nullptr, "/home/kiosk");
    ASSERT_TRUE(unset.ok());
    EXPECT_EQ(*unset, fs::path("/home/kiosk/.local/share/kiosk"));
}

TEST(Paths, NoUsableDirectoryIsAnError) {
    auto none = data_dir_from(nullptr, nullptr);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().code, "platform.no_home");
    EXPECT_FALSE(data_dir_from("", "relative-home").ok());
}

TEST(Paths, EnsurePrivateDirCreatesAnOwnerOnlyDirectory) {
    const fs::path dir = fresh_dir("private") / "a" / "kiosk";
    ASSERT_TRUE(ensure_private_dir(dir).ok());
    EXPECT_TRUE(fs::is_directory(dir));
    EXPECT_EQ(fs::status(dir).permissions() & fs::perms::all, fs::perms::owner_all);
    EXPECT_TRUE(ensure_private_dir(dir).ok()) << "an existing directory is fine";
}

TEST(Paths, EnsurePrivateDirRefusesAFile) {
    const fs::path base = fresh_dir("file");
    fs::create_directories(base);
    std::ofstream(base / "plain") << "x";
    const Status s = ensure_private_dir(base / "plain");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, "platform.data_dir");
}

TEST(Files, WriteTextFileReplacesContentAndReportsFailure) {
    const fs::path base = fresh_dir("write");
    fs::create_directories(base);
    ASSERT_TRUE(write_text_file(base / "a.json", "first, longer content").ok());
    ASSERT_TRUE(write_text_file(base / "a.json", "{}").ok());
    std::ifstream in(base / "a.json");
    std::string content;
    std::getline(in, content);
    EXPECT_EQ(content, "{}");
    EXPECT_TRUE(in.eof()) << "the longer first content must be gone";
    const Status bad = write_text_file(base / "missing-dir" / "a.json", "{}");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, "platform.write");
}

TEST(Screenshot, PngRoundTripsPixelsExactly) {
    Image image;
    image.width = 3;
    image.height = 2;
    image.rgba = {255, 0,  0,  255, 0,  255, 0,  255, 0,  0,  255, 255,
                  10,  20, 30, 255, 40, 50,  60, 255, 70, 80, 90,  255};
    const fs::path base = fresh_dir("png");
    fs::create_directories(base);
    ASSERT_TRUE(write_png(base / "p.png", image).ok());
    int w = 0;
    int h = 0;
    int channels = 0;
    unsigned char* read = stbi_load((base / "p.png").c_str(), &w, &h, &channels, 4);
    ASSERT_NE(read, nullptr);
    EXPECT_EQ(w, 3);
    EXPECT_EQ(h, 2);
    EXPECT_TRUE(std::equal(image.rgba.begin(), image.rgba.end(), read));
    stbi_image_free(read);
    const Status bad = write_png(base / "no" / "p.png", image);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, "platform.png_write");
}

}  // namespace
}  // namespace kiosk::platform

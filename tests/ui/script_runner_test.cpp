// The script runner and the keyboard planner without a window: frames are described by hand
// (a hit map, the strings drawn, the time) and the finger the runner answers with is checked.
#include <gtest/gtest.h>

#include <algorithm>
#include <cfloat>
#include <map>

#include "kiosk/app/script.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/i18n/text_utf8.hpp"
#include "kiosk/ui/touch_list.hpp"

namespace kiosk::app {
namespace {

Script parsed(std::string_view text) {
    auto script = parse_script(text);
    EXPECT_TRUE(script.ok()) << (script.ok() ? "" : script.error().message);
    return script.ok() ? std::move(*script) : Script{};
}

ui::HitMap screen(std::string name, std::vector<ui::HitTarget> targets) {
    ui::HitMap map;
    map.screen = std::move(name);
    map.display_w = 1280;
    map.display_h = 800;
    map.targets = std::move(targets);
    return map;
}

// A frame as the runner sees it; `now` moves 16 ms per frame.
struct Frames {
    explicit Frames(ui::HitMap shown) : hits(std::move(shown)) {}

    ui::HitMap hits;
    std::vector<std::string> drawn;
    Millis now{10'000};
    Millis screen_since{0};
    bool quiet = true;
    std::string layout;

    FrameRequest next(ScriptRunner& runner) {
        now += Millis{16};
        return runner.after_frame(FrameSeen{&hits, drawn, now, screen_since, quiet, layout});
    }
};

// Runs frames until the runner is done (or `limit`), returning every finger it asked for.
std::vector<platform::PointerSample> run(ScriptRunner& runner, Frames& frames, int limit = 2000) {
    std::vector<platform::PointerSample> fingers;
    for (int i = 0; i < limit && !runner.done(); ++i) {
        fingers.push_back(frames.next(runner).finger);
    }
    return fingers;
}

bool off_screen(const platform::PointerSample& p) {
    return p.x == -FLT_MAX && p.y == -FLT_MAX && !p.down;
}

// The frames where the finger went down and came up again, as (x, y) of the press.
std::vector<std::pair<float, float>> presses(const std::vector<platform::PointerSample>& fingers) {
    std::vector<std::pair<float, float>> out;
    for (std::size_t i = 1; i < fingers.size(); ++i) {
        if (fingers[i].down && !fingers[i - 1].down) {
            out.emplace_back(fingers[i].x, fingers[i].y);
        }
    }
    return out;
}

const ui::HitTarget kTurkish{"lang.tr", "Türkçe", ui::Rect{100, 200, 300, 80}};
const ui::HitTarget kArabic{"lang.ar", "العربية", ui::Rect{500, 200, 300, 80}};

TEST(ScriptRunner, TapMovesOverTheTargetThenPressesAndReleasesAtItsCentre) {
    ScriptRunner runner(parsed("tap \"Türkçe\"\n"));
    Frames frames{screen("welcome", {kTurkish, kArabic})};
    const auto fingers = run(runner, frames);
    ASSERT_TRUE(runner.finished());
    EXPECT_FALSE(runner.failure());
    // The first screen settles before anything is touched.
    ASSERT_GE(fingers.size(), 6U);
    EXPECT_TRUE(off_screen(fingers[0]));
    const auto first_touch =
        std::find_if(fingers.begin(), fingers.end(), [](const auto& p) { return !off_screen(p); });
    ASSERT_NE(first_touch, fingers.end());
    ASSERT_GE(fingers.end() - first_touch, 3);
    // Over it, pressed, released: three frames at the centre, as ImGui 1.86 needs.
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(first_touch[i].x, 250.0F);
        EXPECT_EQ(first_touch[i].y, 240.0F);
        EXPECT_EQ(first_touch[i].down, i == 1) << "frame " << i;
    }
    // Then the lifted finger is nowhere while the screen settles (nothing stays hovered).
    for (auto it = first_touch + 3; it != fingers.end(); ++it) {
        EXPECT_TRUE(off_screen(*it));
    }
}

TEST(ScriptRunner, AnIdIsFoundBeforeALabel) {
    ScriptRunner runner(parsed("tap \"nav.back\"\n"));
    Frames frames{screen("notice", {{"decoy", "nav.back", ui::Rect{0, 0, 100, 100}},
                                    {"nav.back", "Geri", ui::Rect{1000, 600, 200, 100}}})};
    const auto taps = presses(run(runner, frames));
    ASSERT_EQ(taps.size(), 1U);
    EXPECT_EQ(taps[0], std::make_pair(1100.0F, 650.0F));
}

TEST(ScriptRunner, ATargetPartlyOffTheDisplayIsTouchedOnItsVisiblePart) {
    ScriptRunner runner(parsed("tap \"row\"\n"));
    Frames frames{screen("nationality", {{"list.row", "row", ui::Rect{100, 700, 200, 200}}})};
    const auto taps = presses(run(runner, frames));
    ASSERT_EQ(taps.size(), 1U);
    EXPECT_EQ(taps[0], std::make_pair(200.0F, 750.0F));

    ScriptRunner gone(parsed("tap \"row\"\n"));
    Frames below{screen("nationality", {{"list.row", "row", ui::Rect{100, 900, 200, 80}}})};
    run(gone, below);
    ASSERT_TRUE(gone.failure());
    EXPECT_NE(gone.failure()->error.find("not on the display"), std::string::npos);
}

TEST(ScriptRunner, AnAmbiguousLabelFailsWithTheLineScreenAndTargets) {
    ScriptRunner runner(parsed("# choose\nwait 0ms\n  tap \"Evet\"  # which one?\n"));
    Frames frames{screen("prior_learning", {{"documents.yes", "Evet", ui::Rect{0, 0, 100, 100}},
                                            {"permit.yes", "Evet", ui::Rect{0, 200, 100, 100}}})};
    frames.drawn = {"Belgeleriniz var mı?"};
    run(runner, frames);
    ASSERT_TRUE(runner.failure());
    const ScriptFailure& f = *runner.failure();
    EXPECT_EQ(f.line, 3);
    EXPECT_EQ(f.source, "tap \"Evet\"");
    EXPECT_EQ(f.screen, "prior_learning");
    EXPECT_NE(f.error.find("documents.yes, permit.yes"), std::string::npos) << f.error;
    const std::string report = describe(f);
    for (const char* part :
         {"script line 3: tap \"Evet\"", "error: 2 targets are labelled", "screen: prior_learning",
          "documents.yes  \"Evet\"", "permit.yes  \"Evet\"", "\"Belgeleriniz var mı?\""}) {
        EXPECT_NE(report.find(part), std::string::npos) << part << " missing from\n" << report;
    }
}

TEST(ScriptRunner, AMissingTargetFailsAndNothingIsPressed) {
    ScriptRunner runner(parsed("tap \"Français\"\n"));
    Frames frames{screen("welcome", {kTurkish, kArabic})};
    const auto fingers = run(runner, frames);
    ASSERT_TRUE(runner.failure());
    EXPECT_EQ(runner.failure()->line, 1);
    EXPECT_NE(runner.failure()->error.find("\"Français\""), std::string::npos);
    EXPECT_TRUE(presses(fingers).empty());
    const std::string report = describe(*runner.failure());
    EXPECT_NE(report.find("lang.tr  \"Türkçe\""), std::string::npos) << report;
    EXPECT_NE(report.find("lang.ar  \"العربية\""), std::string::npos) << report;
}

TEST(ScriptRunner, ExpectLooksForTheTextOrAPartOfItInTheLastFrame) {
    Frames frames{screen("notice", {})};
    frames.drawn = {"Bilgilendirme ve onay", "Geri"};
    ScriptRunner whole(parsed("expect \"Geri\"\nexpect \"ve onay\"\n"));
    run(whole, frames);
    EXPECT_TRUE(whole.finished());
    EXPECT_FALSE(whole.failure());

    ScriptRunner missing(parsed("expect \"Geri\"\nexpect \"Onay\"\n"));
    run(missing, frames);
    ASSERT_TRUE(missing.failure());
    EXPECT_EQ(missing.failure()->line, 2);
    EXPECT_EQ(missing.failure()->error, "\"Onay\" was not drawn in the last frame");
    EXPECT_NE(describe(*missing.failure()).find("\"Bilgilendirme ve onay\""), std::string::npos);
}

TEST(ScriptRunner, ExpectScreenComparesTheHitMapsScreenName) {
    Frames frames{screen("notice", {})};
    ScriptRunner right(parsed("expect-screen notice\n"));
    run(right, frames);
    EXPECT_TRUE(right.finished());

    ScriptRunner wrong(parsed("expect-screen review\n"));
    run(wrong, frames);
    ASSERT_TRUE(wrong.failure());
    EXPECT_EQ(wrong.failure()->error, "the screen is 'notice', not 'review'");
}

TEST(ScriptRunner, ATapWaitsForTheDoubleTapGuardAfterAScreenChange) {
    ScriptRunner runner(parsed("tap \"lang.tr\"\n"));
    Frames frames{screen("welcome", {kTurkish})};
    frames.screen_since = frames.now;  // the screen has just appeared
    Millis pressed_at{-1};
    for (int i = 0; i < 200 && !runner.done(); ++i) {
        const auto request = frames.next(runner);
        if (request.finger.down && pressed_at.count() < 0) {
            pressed_at = frames.now + Millis{16};  // the frame that shows it
        }
    }
    ASSERT_TRUE(runner.finished());
    ASSERT_GE(pressed_at.count(), 0);
    EXPECT_GE(pressed_at - frames.screen_since, core::kScreenChangeGuard);
    EXPECT_LT(pressed_at - frames.screen_since, core::kScreenChangeGuard + Millis{100});
}

TEST(ScriptRunner, TheNextActionWaitsUntilTheScreenIsQuiet) {
    ScriptRunner runner(parsed("tap \"lang.tr\"\nexpect-screen notice\n"));
    Frames frames{screen("welcome", {kTurkish})};
    // Until the tap is released.
    while (!runner.done()) {
        const auto request = frames.next(runner);
        if (request.finger.down) {
            break;
        }
    }
    frames.next(runner);  // the release frame is asked for
    // The app is busy (intents, a fling) for a while on the new screen.
    frames.hits.screen = "notice";
    frames.quiet = false;
    for (int i = 0; i < 20; ++i) {
        frames.next(runner);
        ASSERT_FALSE(runner.done()) << "judged the screen before it settled";
    }
    frames.quiet = true;
    run(runner, frames, 5);
    EXPECT_TRUE(runner.finished());
}

TEST(ScriptRunner, AScreenThatNeverSettlesDoesNotHangTheScript) {
    ScriptRunner runner(parsed("wait 0ms\n"));
    Frames frames{screen("welcome", {})};
    frames.quiet = false;
    const auto fingers = run(runner, frames);
    EXPECT_TRUE(runner.finished());
    EXPECT_LE(fingers.size(), static_cast<std::size_t>(ScriptRunner::kMaxSettleFrames) + 2);
}

TEST(ScriptRunner, HoldKeepsTheFingerDownForItsDuration) {
    ScriptRunner runner(parsed("hold \"staff.entry\" 3s\n"));
    Frames frames{screen("welcome", {{"staff.entry", "", ui::Rect{1180, 0, 100, 100}}})};
    Millis pressed{-1};
    Millis released{-1};
    while (!runner.done()) {
        const auto request = frames.next(runner);
        const Millis shown = frames.now + Millis{16};  // the frame that shows this finger
        if (request.finger.down) {
            pressed = pressed.count() < 0 ? shown : pressed;
            EXPECT_EQ(request.finger.x, 1230.0F);
            EXPECT_EQ(request.finger.y, 50.0F);
        } else if (pressed.count() >= 0 && released.count() < 0) {
            released = shown;
        }
    }
    EXPECT_TRUE(runner.finished());
    EXPECT_GE(released - pressed, Millis{3000});
    EXPECT_LT(released - pressed, Millis{3000 + 2 * 16});
}

TEST(ScriptRunner, WaitPassesOnTheAppsClockWithFramesComing) {
    ScriptRunner runner(parsed("wait 500ms\n"));
    Frames frames{screen("welcome", {})};
    run(runner, frames, 3);  // settle the first screen
    const Millis started = frames.now;
    const auto fingers = run(runner, frames);
    EXPECT_TRUE(runner.finished());
    EXPECT_GE(frames.now - started, Millis{500});
    EXPECT_LT(frames.now - started, Millis{500 + 3 * 16});
    EXPECT_TRUE(std::all_of(fingers.begin(), fingers.end(), off_screen));
}

TEST(ScriptRunner, IdleAsksOnceForTheClockToJumpThenSettles) {
    ScriptRunner runner(parsed("idle 95s\nexpect-screen idle_warning\n"));
    Frames frames{screen("notice", {})};
    Millis asked{0};
    int asks = 0;
    while (!runner.done()) {
        const auto request = frames.next(runner);
        if (request.advance.count() > 0) {
            asked = request.advance;
            ++asks;
            frames.hits.screen = "idle_warning";  // what the app's tick shows after the jump
        }
    }
    EXPECT_TRUE(runner.finished()) << (runner.failure() ? runner.failure()->error : "");
    EXPECT_EQ(asks, 1);
    EXPECT_EQ(asked, Millis{95'000});
}

TEST(ScriptRunner, ScreenshotAsksForTheSettledFrameAndAWriteErrorFailsItsLine) {
    ScriptRunner runner(parsed("expect-screen welcome\nscreenshot out/a.png\nscreenshot b.png\n"));
    Frames frames{screen("welcome", {})};
    std::vector<std::string> paths;
    while (!runner.done()) {
        const auto request = frames.next(runner);
        if (request.screenshot) {
            paths.push_back(request.screenshot->string());
        }
    }
    EXPECT_TRUE(runner.finished());
    EXPECT_EQ(paths, (std::vector<std::string>{"out/a.png", "b.png"}));

    ScriptRunner failing(parsed("screenshot /nonexistent/x.png\nexpect-screen welcome\n"));
    Frames again{screen("welcome", {})};
    while (!failing.done()) {
        const auto request = again.next(failing);
        if (request.screenshot) {
            failing.screenshot_failed(Error{"platform.png_write", "cannot write"},
                                      FrameSeen{&again.hits, {}, again.now, {}, true, {}});
        }
    }
    ASSERT_TRUE(failing.failure());
    EXPECT_EQ(failing.failure()->line, 1);
    EXPECT_NE(failing.failure()->error.find("platform.png_write"), std::string::npos);
}

TEST(ScriptRunner, DragStartsOnTheScrollRegionAndMovesByTheDistanceOverFrames) {
    ScriptRunner runner(parsed("drag 0 -300\n"));
    Frames frames{screen("nationality", {{"nav.back", "Back", ui::Rect{0, 700, 200, 100}},
                                         {"scroll.countries", "", ui::Rect{0, 100, 1280, 600}}})};
    const auto fingers = run(runner, frames);
    ASSERT_TRUE(runner.finished());
    std::vector<platform::PointerSample> down;
    std::copy_if(fingers.begin(), fingers.end(), std::back_inserter(down),
                 [](const auto& p) { return p.down; });
    ASSERT_GE(down.size(), static_cast<std::size_t>(ScriptRunner::kDragFrames));
    EXPECT_EQ(down.front().x, 640.0F);
    EXPECT_EQ(down.front().y, 400.0F);
    EXPECT_EQ(down.back().y, 100.0F);
    for (std::size_t i = 1; i < down.size(); ++i) {
        EXPECT_LE(down[i].y, down[i - 1].y) << "the finger goes one way";
        EXPECT_GT(down[i].y, down[i - 1].y - 300.0F / 4) << "in several steps";
        EXPECT_EQ(down[i].x, 640.0F);
    }
    // It rests at the end before lifting, so the list stops where the finger did (no fling).
    EXPECT_EQ(down[down.size() - 2].y, 100.0F);
    const auto release = std::find_if(fingers.rbegin(), fingers.rend(),
                                      [](const auto& p) { return !off_screen(p); });
    EXPECT_EQ(release->y, 100.0F) << "lifted where it stopped";
}

// The list's velocity after the runner's fingers for `line` went through step_scroll, frame
// by frame at 60 Hz, as touch_list feeds it.
float velocity_after(const char* line) {
    ScriptRunner runner(parsed(line));
    Frames frames{screen("jobs", {{"scroll.jobs", "", ui::Rect{0, 100, 1280, 600}}})};
    ui::ScrollState list;
    bool was_down = false;
    for (const auto& p : run(runner, frames)) {
        if (off_screen(p)) {
            continue;
        }
        const bool pressed = p.down && !was_down;
        ui::step_scroll(list, ui::ScrollInput{1.0F / 60.0F, p.y, p.down, pressed}, 100'000);
        if (was_down && !p.down) {
            break;  // the lift: what the list was left with
        }
        was_down = p.down;
    }
    EXPECT_TRUE(runner.finished());
    return list.velocity;
}

TEST(ScriptRunner, AFlingLiftsWhileMovingSoTheListGlidesOnAndADragDoesNot) {
    EXPECT_EQ(velocity_after("drag 0 -300\n"), 0.0F) << "a drag rests, then lifts: no fling";
    // 300 px up in 12 frames of 1/60 s: the finger left at 1,500 px/s (positive: the content
    // moves on towards its end).
    EXPECT_GT(velocity_after("fling 0 -300\n"), 1000.0F);
}

TEST(ScriptRunner, AFingerStaysOnTheGlassWhenADragIsLongerThanTheDisplay) {
    ScriptRunner runner(parsed("drag -5000 2000\n"));
    Frames frames{screen("review", {{"scroll.review", "", ui::Rect{0, 0, 1280, 800}}})};
    const auto fingers = run(runner, frames);
    ASSERT_TRUE(runner.finished());
    for (const auto& p : fingers) {
        if (!off_screen(p)) {
            EXPECT_GE(p.x, 0.0F);
            EXPECT_LT(p.x, 1280.0F);
            EXPECT_GE(p.y, 0.0F);
            EXPECT_LT(p.y, 800.0F);
        }
    }
    const auto release = std::find_if(fingers.rbegin(), fingers.rend(),
                                      [](const auto& p) { return !off_screen(p); });
    ASSERT_NE(release, fingers.rend());
    EXPECT_EQ(release->x, 0.0F);
    EXPECT_EQ(release->y, 799.0F);
    EXPECT_TRUE(off_screen(fingers.back())) << "the lifted finger is nowhere";
}

TEST(ScriptRunner, WithoutAScrollRegionADragStartsAtTheScreenCentre) {
    ScriptRunner runner(parsed("drag 100 0\n"));
    Frames frames{screen("welcome", {kTurkish})};
    const auto fingers = run(runner, frames);
    const auto first =
        std::find_if(fingers.begin(), fingers.end(), [](const auto& p) { return p.down; });
    ASSERT_NE(first, fingers.end());
    EXPECT_EQ(first->x, 640.0F);
    EXPECT_EQ(first->y, 400.0F);
}

TEST(ScriptRunner, AnEmptyScriptFinishes) {
    ScriptRunner runner(Script{});
    Frames frames{screen("welcome", {})};
    run(runner, frames);
    EXPECT_TRUE(runner.finished());
}

TEST(OffsetClock, IdleJumpsMoveMonotonicAndWallTime) {
    FakeClock base(Millis{1000}, 1'790'000'000);
    OffsetClock clock(base);
    EXPECT_EQ(clock.monotonic(), Millis{1000});
    clock.advance(Millis{95'000});
    EXPECT_EQ(clock.monotonic(), Millis{96'000});
    EXPECT_EQ(clock.unix_seconds(), base.unix_seconds() + 95);
    base.advance(Millis{10});
    EXPECT_EQ(clock.monotonic(), Millis{96'010}) << "the base keeps running under the offset";
}

// [SECTION] Typing through the on-screen keyboard

// A keyboard shown the way text_field.hpp's hit ids describe it: one key per character the
// current layout types now, plus shift, layout, space and (where it has one) ZWNJ. Shift is
// one-shot, as on phones.
struct Keyboard {
    struct Layout {
        std::string name;
        std::u32string plain;
        std::u32string shifted;
        bool zwnj = false;
    };
    std::vector<Layout> layouts;
    std::size_t current = 0;
    bool shift = false;
    std::string typed;
    std::vector<std::string> taps;

    ui::HitMap hits() const {
        ui::HitMap map;
        map.screen = "name";
        map.display_w = 1280;
        map.display_h = 800;
        float x = 0;
        auto add = [&](std::string id, std::string label) {
            map.targets.push_back({std::move(id), std::move(label), ui::Rect{x, 500, 30, 60}});
            x += 30;
        };
        add("field.given_name", typed);
        const Layout& l = layouts[current];
        for (const char32_t c : shift ? l.shifted : l.plain) {
            std::string label;
            i18n::append_utf8(label, c);
            add(key_id(c), label);
        }
        add("osk.shift", "⇧");
        add("osk.layout", l.name);
        add("osk.space", "");
        if (l.zwnj) {
            add("osk.zwnj", "ZWNJ");
        }
        return map;
    }

    void tap(const std::string& id) {
        taps.push_back(id);
        if (id == "osk.shift") {
            shift = !shift;
        } else if (id == "osk.layout") {
            current = (current + 1) % layouts.size();
            shift = false;
        } else if (id == "osk.space") {
            typed += ' ';
        } else if (id == "osk.zwnj") {
            typed += "\u200C";
        } else if (id.starts_with("osk.key.U+")) {
            const auto c = static_cast<char32_t>(std::stoul(id.substr(10), nullptr, 16));
            i18n::append_utf8(typed, c);
            shift = false;
        }
    }
};

Keyboard turkish_keyboard() {
    Keyboard k;
    k.layouts = {{"tr", U"abcçdefgğhıijklmnoöprsştuüvyz", U"ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ"},
                 {"digits", U"0123456789+", U"0123456789+"},
                 {"fa", U"ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی", U"ًٌٍَُِّْ", true}};
    return k;
}

// Plans every character of `text` on `keyboard`, tapping what the planner says.
Status type_with_planner(Keyboard& keyboard, std::u32string_view text) {
    for (const char32_t c : text) {
        KeyPlanner planner(c);
        for (;;) {
            const auto tap = planner.next(keyboard.hits(), keyboard.layouts[keyboard.current].name);
            if (!tap) {
                return tap.error();
            }
            keyboard.tap(tap->id);
            if (tap->types) {
                break;
            }
        }
    }
    return Ok{};
}

TEST(KeyPlanner, TypesThroughShiftAndComesBackForSmallLetters) {
    Keyboard k = turkish_keyboard();
    const Status typed = type_with_planner(k, U"Ayşe İz");
    ASSERT_TRUE(typed.ok()) << typed.error().message;
    EXPECT_EQ(k.typed, "Ayşe İz");
    EXPECT_EQ(k.taps, (std::vector<std::string>{"osk.shift", "osk.key.U+0041", "osk.key.U+0079",
                                                "osk.key.U+015F", "osk.key.U+0065", "osk.space",
                                                "osk.shift", "osk.key.U+0130", "osk.key.U+007A"}));
}

TEST(KeyPlanner, SwitchesLayoutsToFindACharacterAndZwnj) {
    Keyboard k = turkish_keyboard();
    const Status typed = type_with_planner(k, U"a5م\u200Cی");
    ASSERT_TRUE(typed.ok()) << typed.error().message;
    EXPECT_EQ(k.typed, "a5م\u200Cی");
    EXPECT_EQ(k.layouts[k.current].name, "fa");
}

TEST(KeyPlanner, ACharacterNoLayoutHasFailsAfterTryingEachOnce) {
    Keyboard k = turkish_keyboard();
    const Status typed = type_with_planner(k, U"ж");
    ASSERT_FALSE(typed.ok());
    EXPECT_EQ(typed.error().code, "script.cannot_type");
    EXPECT_NE(typed.error().message.find("U+0436 'ж'"), std::string::npos) << typed.error().message;
    EXPECT_NE(typed.error().message.find("tr, digits, fa"), std::string::npos)
        << typed.error().message;
    // Each layout: a look, shift, then the layout key; nothing more.
    EXPECT_EQ(std::count(k.taps.begin(), k.taps.end(), "osk.layout"), 3);
    EXPECT_EQ(std::count(k.taps.begin(), k.taps.end(), "osk.shift"), 3);
}

TEST(KeyPlanner, AKeyIsAlsoFoundByTheCharacterItShows) {
    // A keyboard whose ids name the unshifted letter while the label shows what it types now.
    ui::HitMap hits;
    hits.targets = {{"osk.key.U+0069", "İ", ui::Rect{0, 0, 10, 10}},
                    {"osk.shift", "⇧", ui::Rect{10, 0, 10, 10}}};
    KeyPlanner planner(U'İ');
    const auto tap = planner.next(hits, "tr");
    ASSERT_TRUE(tap.ok()) << tap.error().message;
    EXPECT_EQ(tap->id, "osk.key.U+0069");
    EXPECT_TRUE(tap->types);
}

TEST(KeyPlanner, WithoutAKeyboardItAsksForAFieldToBeTapped) {
    KeyPlanner planner(U'a');
    const auto tap = planner.next(screen("name", {{"field.given_name", "", ui::Rect{}}}), "");
    ASSERT_FALSE(tap.ok());
    EXPECT_EQ(tap.error().code, "script.no_keyboard");
    EXPECT_NE(tap.error().message.find("tap a text field first"), std::string::npos);
}

TEST(KeyPlanner, ALayoutKeyThatChangesNothingEndsTheSearch) {
    ui::HitMap hits;
    hits.targets = {{"osk.key.U+0061", "a", ui::Rect{0, 0, 10, 10}},
                    {"osk.layout", "?", ui::Rect{10, 0, 10, 10}}};
    KeyPlanner planner(U'q');
    Result<KeyPlanner::Tap> tap = KeyPlanner::Tap{};
    int taps = 0;
    while ((tap = planner.next(hits, "")).ok() && taps < 100) {
        ++taps;
    }
    EXPECT_LT(taps, 100);
    ASSERT_FALSE(tap.ok());
    EXPECT_EQ(tap.error().code, "script.cannot_type");
}

// The runner types by tapping keys with the finger; the keyboard reacts to whole taps.
TEST(ScriptRunner, TypeTapsEachKeyAndSettlesBetweenThem) {
    Keyboard k = turkish_keyboard();
    ScriptRunner runner(parsed("type \"Ali Öz\"\ntype \"55\"\n"));
    Frames frames{k.hits()};
    platform::PointerSample previous = {-FLT_MAX, -FLT_MAX, false};
    for (int i = 0; i < 5000 && !runner.done(); ++i) {
        frames.hits = k.hits();
        frames.layout = k.layouts[k.current].name;
        const auto request = frames.next(runner);
        // A release over a key is a tap (the frame that shows it is the next one).
        if (previous.down && !request.finger.down) {
            for (const ui::HitTarget& t : frames.hits.targets) {
                if (t.rect.contains(request.finger.x, request.finger.y)) {
                    k.tap(t.id);
                }
            }
        }
        previous = request.finger;
    }
    ASSERT_TRUE(runner.finished()) << (runner.failure() ? describe(*runner.failure()) : "");
    EXPECT_EQ(k.typed, "Ali Öz55");
}

TEST(ScriptRunner, TypeFailsOnTheCharacterItCannotType) {
    Keyboard k = turkish_keyboard();
    ScriptRunner runner(parsed("wait 0ms\ntype \"aж\"\n"));
    Frames frames{k.hits()};
    platform::PointerSample previous = {-FLT_MAX, -FLT_MAX, false};
    for (int i = 0; i < 5000 && !runner.done(); ++i) {
        frames.hits = k.hits();
        frames.layout = k.layouts[k.current].name;
        const auto request = frames.next(runner);
        if (previous.down && !request.finger.down) {
            for (const ui::HitTarget& t : frames.hits.targets) {
                if (t.rect.contains(request.finger.x, request.finger.y)) {
                    k.tap(t.id);
                }
            }
        }
        previous = request.finger;
    }
    ASSERT_TRUE(runner.failure());
    EXPECT_EQ(runner.failure()->line, 2);
    EXPECT_NE(runner.failure()->error.find("U+0436"), std::string::npos);
    EXPECT_EQ(k.typed, "a") << "what could be typed was typed";
}

}  // namespace
}  // namespace kiosk::app

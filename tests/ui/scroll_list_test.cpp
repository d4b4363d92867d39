// touch_list and begin/end_touch_scroll in a real ImGui frame (the headless harness's context,
// catalogue, fonts and shaper), driven by pointer frames as a finger would: taps select, drags
// and the tap that stops a fling do not, a flick keeps moving, and only visible rows are built.
#include <gtest/gtest.h>

#include <imgui.h>

#include <cfloat>
#include <optional>
#include <string>
#include <vector>

#include "headless_ui.hpp"
#include "kiosk/ui/touch_list.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

using test::Pointer;

const ImVec2 kListPos(200, 100);
const ImVec2 kListSize(600, 500);
const Rect kListRect{kListPos.x, kListPos.y, kListSize.x, kListSize.y};

std::vector<ListItem> rows(int n) {
    std::vector<ListItem> items;
    for (int i = 0; i < n; ++i) {
        items.push_back({"r" + std::to_string(i), "Row " + std::to_string(i), "", i == 2});
    }
    return items;
}

// Frames with one touch list (or one free scrolling region) at kListPos in a full-screen
// window, with this test's own hit map and scroll memory.
class ScrollHarness {
  public:
    HitMap hits;
    ScrollMemory memory;
    bool use_memory = true;
    i18n::TextDirection direction = i18n::TextDirection::ltr;
    std::vector<ListItem> items = rows(40);

    // One frame of the list; returns the row it reports tapped.
    std::optional<std::string> frame(Pointer p) {
        std::optional<std::string> tapped;
        run(p, [&](const ViewContext& ctx) { tapped = touch_list(ctx, "list", items, kListSize); });
        return tapped;
    }

    // One frame of free content: `buttons` big buttons in a touch scroll region. Returns the
    // buttons tapped.
    std::vector<std::string> content_frame(Pointer p, int buttons = 20) {
        std::vector<std::string> tapped;
        run(p, [&](const ViewContext& ctx) {
            begin_touch_scroll(ctx, "page", kListSize);
            for (int i = 0; i < buttons; ++i) {
                const std::string id = "page.b" + std::to_string(i);
                if (big_button(ctx, id, "Button " + std::to_string(i), 400, ctx.theme.button_h)) {
                    tapped.push_back(id);
                }
            }
            end_touch_scroll(ctx, "page");
        });
        return tapped;
    }

    // A finger tapping (x, y): arrive, press, lift; returns what any of the frames tapped.
    std::vector<std::string> tap(float x, float y) {
        std::vector<std::string> out;
        for (const bool down : {false, true, false}) {
            if (auto t = frame({x, y, down})) {
                out.push_back(*t);
            }
        }
        return out;
    }
    std::vector<std::string> tap(const Rect& r) { return tap(r.center_x(), r.center_y()); }

    // A finger pressing at (x, y0) and moving by `step` px a frame for `frames` frames, then
    // holding still for `hold` frames (no fling) and lifting there. Returns what any of the
    // frames tapped.
    std::vector<std::string> drag(float x, float y0, float step, int frames, int hold = 0) {
        std::vector<std::string> out;
        float y = y0;
        for (int i = 0; i <= frames; ++i) {
            if (auto t = frame({x, y, true})) {
                out.push_back(*t);
            }
            if (i < frames) {
                y += step;
            }
        }
        for (int i = 0; i < hold; ++i) {
            if (auto t = frame({x, y, true})) {
                out.push_back(*t);
            }
        }
        if (auto t = frame({x, y, false})) {
            out.push_back(*t);
        }
        return out;
    }

    std::optional<std::string> idle() { return frame(Pointer{}); }

    float offset() { return memory.at("list").offset; }
    std::optional<Rect> row(std::string_view id) const {
        const HitTarget* t = hits.find_id(id);
        return t ? std::optional<Rect>(t->rect) : std::nullopt;
    }
    std::vector<const HitTarget*> row_targets() const {
        std::vector<const HitTarget*> out;
        for (const HitTarget& t : hits.targets) {
            if (t.id.starts_with("list.")) {
                out.push_back(&t);
            }
        }
        return out;
    }
    bool pressed_colour_shown() const { return ui_.last_frame_used_colour(Palette{}.pressed); }
    Theme theme() { return ui_.context().theme; }

  private:
    template <typename Draw>
    void run(Pointer p, Draw draw) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(p.x, p.y);
        io.MouseDown[0] = p.down;
        ViewContext ctx = ui_.context();
        hits.clear();
        ctx.hits = &hits;
        ctx.scrolls = use_memory ? &memory : nullptr;
        ctx.direction = direction;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("scroll test", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoSavedSettings);
        ImGui::SetCursorScreenPos(kListPos);
        draw(ctx);
        ImGui::End();
        ImGui::Render();
        ui_.renderer().flush();
    }

    test::HeadlessUi ui_{1280, 800};
};

TEST(TouchList, RegistersItsRegionForTheDriver) {
    ScrollHarness h;
    h.idle();
    const HitTarget* region = h.hits.find_id("scroll.list");
    ASSERT_NE(region, nullptr);
    EXPECT_EQ(region->label, "");
    EXPECT_EQ(region->rect.x, kListRect.x);
    EXPECT_EQ(region->rect.y, kListRect.y);
    EXPECT_EQ(region->rect.w, kListRect.w);
    EXPECT_EQ(region->rect.h, kListRect.h);
    const HitTarget* first = h.hits.find_id("list.r0");
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->label, "Row 0");
}

TEST(TouchList, APlainTapSelectsTheRowUnderTheFinger) {
    ScrollHarness h;
    h.idle();
    const auto r3 = h.row("list.r3");
    ASSERT_TRUE(r3);
    EXPECT_EQ(h.tap(*r3), std::vector<std::string>{"r3"});
    // The lift frame reported it; the frame after reports nothing.
    EXPECT_EQ(h.idle(), std::nullopt);
}

TEST(TouchList, ADragAcrossRowsScrollsAndTapsNothing) {
    ScrollHarness h;
    h.idle();
    const Rect r4 = *h.row("list.r4");
    const auto tapped = h.drag(r4.center_x(), r4.center_y(), -20, 10, 8);  // 200 px up
    EXPECT_TRUE(tapped.empty());
    EXPECT_FALSE(h.memory.animating()) << "held still before lifting: no fling";
    h.idle();
    EXPECT_FLOAT_EQ(h.offset(), 200);
    const auto moved = h.row("list.r4");
    ASSERT_TRUE(moved);
    EXPECT_FLOAT_EQ(moved->y, r4.y - 200);
}

TEST(TouchList, ADragThatStartsOnARowDoesNotPressIt) {
    ScrollHarness h;
    h.idle();
    const Rect r1 = *h.row("list.r1");
    const float x = r1.center_x();
    float y = r1.center_y();
    h.frame({x, y, false});
    h.frame({x, y, true});
    EXPECT_TRUE(h.pressed_colour_shown()) << "a press shows at once";
    for (int i = 0; i < 4; ++i) {
        y -= 15;
        EXPECT_EQ(h.frame({x, y, true}), std::nullopt);
    }
    EXPECT_FALSE(h.pressed_colour_shown()) << "once it is a drag, no row looks pressed";
    EXPECT_EQ(h.frame({x, y, false}), std::nullopt);
    EXPECT_FALSE(h.pressed_colour_shown());
}

TEST(TouchList, NothingStaysPressedAfterTheFingerLifts) {
    ScrollHarness h;
    h.idle();
    const Rect r2 = *h.row("list.r2");
    h.tap(r2);
    // X11 leaves the pointer where the finger lifted: the row must not look pressed.
    h.frame({r2.center_x(), r2.center_y(), false});
    EXPECT_FALSE(h.pressed_colour_shown());
}

TEST(TouchList, AFlickKeepsScrollingAfterRelease) {
    ScrollHarness h;
    h.idle();
    h.drag(500, 550, -40, 8);  // 2400 px/s upwards
    ASSERT_TRUE(h.memory.animating());
    const float released_at = h.offset();
    float last = released_at;
    const auto r8 = h.row("list.r8");
    ASSERT_TRUE(r8);
    for (int i = 0; i < 6; ++i) {
        h.idle();
        EXPECT_GT(h.offset(), last) << "frame " << i;
        last = h.offset();
    }
    EXPECT_TRUE(h.memory.animating());
    const auto r8_now = h.row("list.r8");
    ASSERT_TRUE(r8_now);
    EXPECT_NEAR(r8_now->y, r8->y - (h.offset() - released_at), 1.0F) << "the rows on screen move";
    // It comes to rest by itself.
    int frames = 0;
    while (h.memory.animating() && frames < 600) {
        h.idle();
        ++frames;
    }
    EXPECT_FALSE(h.memory.animating());
    const float rest = h.offset();
    h.idle();
    EXPECT_EQ(h.offset(), rest);
}

TEST(TouchList, ATapDuringAFlingStopsItAndSelectsNothing) {
    ScrollHarness h;
    h.idle();
    h.drag(500, 550, -40, 8);
    h.idle();
    h.idle();
    ASSERT_TRUE(h.memory.animating());
    const HitTarget* under = h.row_targets()[2];
    const float x = under->rect.center_x();
    const float y = under->rect.center_y();
    EXPECT_EQ(h.frame({x, y, false}), std::nullopt);  // the finger arrives: still flinging
    EXPECT_EQ(h.frame({x, y, true}), std::nullopt);
    EXPECT_FALSE(h.memory.animating());
    EXPECT_FALSE(h.pressed_colour_shown()) << "the tap that stops a fling presses no row";
    const float stopped = h.offset();
    EXPECT_EQ(h.frame({x, y, false}), std::nullopt);
    h.idle();
    h.idle();
    EXPECT_EQ(h.offset(), stopped);
    // The list is still, so the next tap selects again.
    const HitTarget* now_under = h.row_targets()[2];
    const std::string id = now_under->id.substr(std::string("list.").size());
    EXPECT_EQ(h.tap(now_under->rect), std::vector<std::string>{id});
}

TEST(TouchList, OnlyVisibleRowsAreBuiltForTenThousandRows) {
    ScrollHarness h;
    h.items = rows(10000);
    h.idle();
    const float pitch = h.theme().button_h + h.theme().gap;
    const auto fit = static_cast<std::size_t>(kListSize.y / pitch);
    EXPECT_GE(h.row_targets().size(), fit);
    EXPECT_LE(h.row_targets().size(), fit + 2);

    h.memory.at("list").offset = 4321 * pitch + 10;
    h.idle();
    EXPECT_EQ(h.row("list.r0"), std::nullopt);
    EXPECT_TRUE(h.row("list.r4321"));
    EXPECT_TRUE(h.row("list.r4322"));
    EXPECT_EQ(h.row("list.r4320"), std::nullopt);
    EXPECT_LE(h.row_targets().size(), fit + 2);
    for (const HitTarget* t : h.row_targets()) {
        EXPECT_GE(t->rect.y, kListRect.y) << t->id << " is clipped to the list";
        EXPECT_LE(t->rect.y + t->rect.h, kListRect.y + kListRect.h) << t->id;
        EXPECT_GT(t->rect.h, 0) << t->id;
    }
}

TEST(TouchList, TheEndOfTheListIsTheLastRow) {
    ScrollHarness h;
    h.memory.at("list").offset = 1e9F;
    h.idle();
    ASSERT_TRUE(h.row("list.r39"));
    const Rect last = *h.row("list.r39");
    EXPECT_NEAR(last.y + last.h, kListRect.y + kListRect.h, 1.0F);
    EXPECT_LT(h.offset(), 1e9F) << "clamped to the end";
}

TEST(TouchList, RowsLeaveRoomForThePositionBarAtTheEndEdge) {
    ScrollHarness ltr;
    ltr.idle();
    const Rect l = *ltr.row("list.r0");
    EXPECT_EQ(l.x, kListRect.x);
    EXPECT_LT(l.w, kListRect.w);

    ScrollHarness rtl;
    rtl.direction = i18n::TextDirection::rtl;
    rtl.idle();
    const Rect r = *rtl.row("list.r0");
    EXPECT_EQ(r.x + r.w, kListRect.x + kListRect.w) << "rows start at the right in RTL";
    EXPECT_GT(r.x, kListRect.x);

    ScrollHarness short_list;
    short_list.items = rows(3);
    short_list.idle();
    EXPECT_EQ(short_list.row("list.r0")->w, kListRect.w) << "nothing to scroll: no bar";
}

TEST(TouchList, WithoutScrollMemoryTapsSelectAndDragsScrollWithoutInertia) {
    ScrollHarness h;
    h.use_memory = false;
    h.idle();
    EXPECT_EQ(h.tap(*h.row("list.r1")), std::vector<std::string>{"r1"});
    const Rect r5 = *h.row("list.r5");
    EXPECT_TRUE(h.drag(r5.center_x(), r5.center_y(), -30, 6).empty());
    h.idle();
    const auto moved = h.row("list.r5");
    ASSERT_TRUE(moved);
    EXPECT_LT(moved->y, r5.y - 100);
    const float y = moved->y;
    h.idle();
    EXPECT_EQ(h.row("list.r5")->y, y) << "no fling without memory";
}

TEST(TouchScroll, FreeContentFollowsADragAndItsButtonsAreNotPressed) {
    ScrollHarness h;
    h.content_frame(Pointer{});
    h.content_frame(Pointer{});  // the content's height is known from the first frame
    const Rect b3 = h.hits.find_id("page.b3")->rect;
    std::vector<std::string> tapped;
    float y = b3.center_y();
    for (int i = 0; i <= 16; ++i) {  // 160 px up in 8 frames, then held still for 8
        auto t = h.content_frame({b3.center_x(), y, true});
        tapped.insert(tapped.end(), t.begin(), t.end());
        if (i < 8) {
            y -= 20;
        }
    }
    auto t = h.content_frame({b3.center_x(), y, false});
    tapped.insert(tapped.end(), t.begin(), t.end());
    EXPECT_TRUE(tapped.empty());
    h.content_frame(Pointer{});
    EXPECT_FLOAT_EQ(h.hits.find_id("page.b3")->rect.y, b3.y - 160);
    EXPECT_TRUE(h.hits.find_id("scroll.page"));
}

// The first button of the free content that shows whole in the region on the last frame.
std::optional<HitTarget> shown_button(const HitMap& hits) {
    for (const HitTarget& target : hits.targets) {
        if (target.id.starts_with("page.b") && target.rect.y >= kListRect.y &&
            target.rect.y + target.rect.h <= kListRect.y + kListRect.h) {
            return target;
        }
    }
    return std::nullopt;
}

TEST(TouchScroll, ATapStopsAFlingOfFreeContentWithoutPressingAButton) {
    ScrollHarness h;
    h.content_frame(Pointer{});
    h.content_frame(Pointer{});
    float y = 500;
    for (int i = 0; i <= 6; ++i) {
        h.content_frame({300, y, true});
        y -= 35;
    }
    h.content_frame({300, y, false});
    h.content_frame(Pointer{});
    ASSERT_TRUE(h.memory.animating());
    // The finger lands on a button: the press stops the content where this frame left it.
    const auto under = shown_button(h.hits);
    ASSERT_TRUE(under);
    std::vector<std::string> tapped;
    for (const bool down : {true, false}) {
        auto t = h.content_frame({under->rect.center_x(), under->rect.center_y(), down});
        tapped.insert(tapped.end(), t.begin(), t.end());
        if (down) {
            EXPECT_FALSE(h.pressed_colour_shown()) << "the stopping tap presses no button";
            EXPECT_EQ(h.hits.find_id(under->id)->rect.y, under->rect.y) << "stopped at once";
        }
    }
    EXPECT_TRUE(tapped.empty());
    EXPECT_FALSE(h.memory.animating());
    // A plain tap on the still content presses the button under it.
    const auto still = shown_button(h.hits);
    ASSERT_TRUE(still);
    tapped.clear();
    for (const bool down : {false, true, false}) {
        auto t = h.content_frame({still->rect.center_x(), still->rect.center_y(), down});
        tapped.insert(tapped.end(), t.begin(), t.end());
    }
    EXPECT_EQ(tapped, std::vector<std::string>{still->id});
}

}  // namespace
}  // namespace kiosk::ui

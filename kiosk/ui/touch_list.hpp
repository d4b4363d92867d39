// Touch-scrolling lists: a region that scrolls by dragging with the finger, keeps moving after a
// flick (inertia, slowing down), stops when tapped during a fling, and never presses a row when
// the finger dragged. The scroll offset and velocity of each list live in ScrollMemory, owned by
// the app (views keep no state), keyed by the list's id; the app keeps drawing frames while
// any list is still moving (ScrollMemory::animating).
//
// The motion itself is step_scroll(): a pure function of the list's state and one frame of
// pointer input, so the kinematics are tested without ImGui. touch_list and begin_touch_scroll
// feed it ImGui's input and draw with its result.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "kiosk/ui/view_context.hpp"

namespace kiosk::ui {

// The pointer's recent positions, to measure how fast the finger moved just before it lifted.
class VelocityTracker {
  public:
    void clear() { count_ = 0; }
    void add(double t, float y);
    // Pixels per second of y between the newest sample and the latest one at least `window`
    // seconds older (or the oldest kept, when the finger has not been down that long). 0 with
    // fewer than two samples.
    float velocity(double window) const;
    // True when the newest samples cover at least `duration` seconds and none of them is more
    // than `tolerance` px from the newest: the finger rested before it lifted.
    bool still_for(double duration, float tolerance) const;

  private:
    struct Sample {
        double t = 0;
        float y = 0;
    };
    // The sample `age` places before the newest (0: the newest); age < count_.
    const Sample& from_newest(std::size_t age) const {
        return samples_[(next_ + samples_.size() - 1 - age) % samples_.size()];
    }
    // Enough for 100 ms at 300 frames per second; older samples are overwritten.
    std::array<Sample, 32> samples_{};
    std::size_t count_ = 0;
    std::size_t next_ = 0;
};

// One list's motion; pure kinematics, no ImGui (tested on its own).
struct ScrollState {
    float offset = 0;    // pixels scrolled from the top, 0 ... max
    float velocity = 0;  // pixels per second, while flinging
    bool dragging = false;
    bool held = false;    // a press that landed in this list is still down
    bool caught = false;  // that press stopped a fling: its lift is not a tap
    float press_y = 0;    // where that press landed
    float last_y = 0;     // the pointer's y on the previous frame of that press
    double clock = 0;     // seconds of frames this list has seen (velocity sample times)
    VelocityTracker tracker;
    float content_h = 0;  // free content's height on the last frame (begin/end_touch_scroll)
};

// How the list moves. Defaults suit a finger on a 1280×800 .. 1920×1080 screen.
struct ScrollPhysics {
    float drag_threshold = 18;     // px the finger travels before a press becomes a drag
    double velocity_window = 0.1;  // s of motion before the lift that set the fling's speed
    double rest_time = 0.04;       // s without motion before the lift: no fling at all
    float rest_tolerance = 2;      // px a resting finger may wobble
    float friction = 2.5F;         // 1/s: the speed falls by a factor e every 1/friction s
    float stop_speed = 15;         // px/s: slower than this a fling stops (under ¼ px a frame)
    float max_speed = 8000;        // px/s: a glitchy flick cannot throw the list further
};

// One frame of pointer input as a list sees it.
struct ScrollInput {
    float dt = 0;          // seconds since the previous frame
    float y = 0;           // the pointer's y on screen (kept on the frame the finger lifts)
    bool down = false;     // finger (left button) down
    bool pressed = false;  // the finger landed in this list's region on this frame
};

// What one frame of scrolling decided.
struct ScrollStep {
    bool lifted = false;  // the press that landed in this list ended on this frame
    bool tap = false;     // ... without dragging and without stopping a fling: it may select
};

// Advances `state` by one frame: a press stops a fling; a press that travels `drag_threshold`
// becomes a drag and the content follows the finger 1:1 from then on; a lift after a drag
// flings at the finger's speed over the last `velocity_window` (unless the finger rested for
// `rest_time` first: a person who stops before lifting means "stay here"); a fling slows down
// exponentially and stops below `stop_speed`. The offset stays within [0, max_offset] (a fling
// that reaches an end stops there).
ScrollStep step_scroll(ScrollState& state, const ScrollInput& input, float max_offset,
                       const ScrollPhysics& physics = {});

class ScrollMemory {
  public:
    ScrollState& at(std::string_view list_id) { return lists_[std::string(list_id)]; }
    // The list's state, or null when it has not been drawn since the last clear.
    const ScrollState* find(std::string_view list_id) const {
        const auto it = lists_.find(list_id);
        return it == lists_.end() ? nullptr : &it->second;
    }
    // True while some list is flinging: the app must draw the next frame.
    bool animating() const;
    // A new screen starts at the top of its lists.
    void clear() { lists_.clear(); }
    // Forgets every list but `list_id`, which keeps its offset and stops moving: the Jobs list
    // keeps its place while an offer is open, so Back returns to the row the person tapped.
    void keep_only(std::string_view list_id);

  private:
    std::map<std::string, ScrollState, std::less<>> lists_;
};

// One row of a list: its stable id (hit id "<list id>.<item id>"), the text shown, the language
// the text is in (empty: the session's), and whether it is the current choice.
struct ListItem {
    std::string id;
    std::string label;
    std::string language;
    bool selected = false;
};

// The items whose label matches a typed query (i18n::search_matches: every word of the query
// starts a word of the label, ignoring case and accents), in their order. An empty query keeps
// every item. `language` is the session's.
std::vector<ListItem> filter_items(std::span<const ListItem> items, std::string_view query,
                                   std::string_view language);

// A scrolling list of big rows filling `size` at the cursor. Returns the id of the row tapped
// this frame (a tap, not the end of a drag). Rows outside the visible part are not built.
// `size` components <= 0 fill the available region (minus that much), as for ImGui::BeginChild.
// Hit targets: "scroll.<list id>" (the whole region, empty label: where to drag) and
// "<list id>.<item id>" for each visible row (clipped to the region).
std::optional<std::string> touch_list(const ViewContext& ctx, std::string_view list_id,
                                      std::span<const ListItem> items, ImVec2 size);

// Draws row `index` of a touch_rows list at the cursor, `w`×`h` pixels, and registers its hit
// target ("<list id>.<row id>") last, as choice_button does. Returns true when it was tapped.
using DrawRow = std::function<bool(std::size_t index, float w, float h)>;

// touch_list for rows the caller draws, `count` of them, each `row_h` high: only the rows that
// show are asked for, so a list of 10,000 costs a frame what a list of ten does. Returns the
// index of the row tapped this frame.
std::optional<std::size_t> touch_rows(const ViewContext& ctx, std::string_view list_id,
                                      std::size_t count, float row_h, const DrawRow& draw_row,
                                      ImVec2 size);

// Scrollable free content (the review, the notice): call between begin/end; what is drawn
// inside scrolls by dragging. `size` as for touch_list. Registers "scroll.<id>" like touch_list.
// A button inside is not pressed by a drag or by the tap that stops a fling. Regions do not
// nest (a press inside both would drag both); put lists side by side or one after another.
void begin_touch_scroll(const ViewContext& ctx, std::string_view id, ImVec2 size);
void end_touch_scroll(const ViewContext& ctx, std::string_view id);

}  // namespace kiosk::ui

// Touch-scrolling lists: a region that scrolls by dragging with the finger, keeps moving after a
// flick (inertia, slowing down), stops when tapped during a fling, and never presses a row when
// the finger dragged. The scroll offset and velocity of each list live in ScrollMemory, owned by
// the app (views keep no state), keyed by the list's id; the app keeps drawing frames while
// any list is still moving (ScrollMemory::animating).
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <imgui.h>

#include "kiosk/ui/view_context.hpp"

namespace kiosk::ui {

// One list's motion; pure kinematics, no ImGui (tested on its own).
struct ScrollState {
    float offset = 0;    // pixels scrolled from the top, 0 ... max
    float velocity = 0;  // pixels per second, while flinging
    bool dragging = false;
};

class ScrollMemory {
  public:
    ScrollState& at(std::string_view list_id) { return lists_[std::string(list_id)]; }
    // True while some list is flinging: the app must draw the next frame.
    bool animating() const;
    // A new screen starts at the top of its lists.
    void clear() { lists_.clear(); }

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

// A scrolling list of big rows filling `size` at the cursor. Returns the id of the row tapped
// this frame (a tap, not the end of a drag). Rows outside the visible part are not built.
std::optional<std::string> touch_list(const ViewContext& ctx, std::string_view list_id,
                                      std::span<const ListItem> items, ImVec2 size);

// Scrollable free content (the review, the notice): call between begin/end; what is drawn
// inside scrolls by dragging. `size` as for touch_list.
void begin_touch_scroll(const ViewContext& ctx, std::string_view id, ImVec2 size);
void end_touch_scroll(const ViewContext& ctx, std::string_view id);

}  // namespace kiosk::ui

// Touch widgets shared by the views. Each tappable widget registers itself in the frame's hit
// map, checks its label against the font, and draws a pressed state (there is no hover).
#pragma once

#include <string_view>

#include "kiosk/ui/view_context.hpp"

struct ImFont;

namespace kiosk::ui {

// A big button of `w`×`h` pixels at the cursor, labelled in the body font. Returns true on the
// frame a tap ends on it. A press that turns into a drag (the finger travels further than the
// drag threshold) is cancelled, as on a phone: a person scrolling must not tap by accident.
bool big_button(const ViewContext& ctx, std::string_view id, std::string_view label, float w,
                float h);

// A line of text in `font`, horizontally centred in the window's content area.
void centered_text(const ViewContext& ctx, ImFont* font, std::string_view text);

}  // namespace kiosk::ui

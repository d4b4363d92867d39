// Layout helpers shared by every view. Right-to-left languages mirror the page: what sits at
// the start edge (left in English) sits at the right in Arabic, Persian and Pashto. Views place
// things by their distance from the start edge and these helpers turn that into screen x, so
// mirroring is decided here once and not in each view.
#pragma once

#include "kiosk/ui/view_context.hpp"

namespace kiosk::ui {

// The layout direction for a language: its script's direction; left to right for a code that
// is not shipped (the caller validated it already; a wrong guess must not crash the kiosk).
i18n::TextDirection ui_direction(std::string_view language);

// The left x of a box of width `w` whose start edge is `offset` pixels from the start edge of
// the container [left, left + width): left + offset for LTR, mirrored from the right for RTL.
float start_x(float left, float width, float offset, float w, bool rtl);

// Puts the ImGui cursor so the next item, `w`×`h`, sits at the bottom of the window's remaining
// content region at its start edge (bottom left in LTR, bottom right in RTL): where Back goes.
void place_bottom_start(const ViewContext& ctx, float w, float h);

}  // namespace kiosk::ui

// The frame of every registration screen: the step's title, a progress indicator (one dot per
// screen, filled up to this one, running from the start edge: right to left in Arabic), the
// content area, and the bottom bar with Back at the start edge and Next at the end edge (both
// mirrored in right-to-left languages). Views draw their fields between begin and end.
#pragma once

#include <string_view>
#include <vector>

#include <imgui.h>

#include "kiosk/core/session.hpp"
#include "kiosk/ui/view_context.hpp"

namespace kiosk::ui {

// Draws the title (catalogue key) and the progress, then leaves the ImGui cursor at the top of
// the content area. Returns the content area's size (between the header and the bottom bar, and
// above the keyboard when it is shown).
ImVec2 begin_step_page(const core::Session& session, const ViewContext& ctx,
                       std::string_view title_key);

// Draws the bottom bar: Back ("nav.back") and Next ("nav.next"); on Review's edits Next reads
// "back to review". Records core::Back / core::Next.
void end_step_page(const core::Session& session, const ViewContext& ctx,
                   std::vector<core::Intent>& out);

// The width of a step's fields in a content area `available` wide: all of it on a tablet; on a
// very wide screen (over 48 em) 60 %, a line easier to take in.
float field_width(const ViewContext& ctx, float available);

// The translated message of the first error Session::errors holds for `field` (exact path),
// drawn as a line in the error colour at the cursor; nothing when there is none. Returns the
// height used.
float field_error(const core::Session& session, const ViewContext& ctx, std::string_view field);

}  // namespace kiosk::ui

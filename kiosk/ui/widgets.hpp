// Touch widgets shared by the views. All visible text is shaped (kiosk_ui_text) in the language
// it is written in. Each tappable widget registers itself in the frame's hit map, checks its
// label for missing glyphs, and draws a pressed state (there is no hover).
#pragma once

#include <string_view>

#include "kiosk/ui/view_context.hpp"

namespace kiosk::ui {

// Text sizes in pixels: titles and everything else.
float title_px(const Theme& theme);
float body_px(const Theme& theme);
// Kept free on each side of a button's label: the label must fit in w - 2 × this.
float button_label_padding(const Theme& theme);

// A big button of `w`×`h` pixels at the cursor, its label shaped in `language` (empty: the
// session's language) at body size. Returns true on the frame a tap ends on it. A press that
// turns into a drag (the finger travels further than the drag threshold) is cancelled, as on a
// phone: a person scrolling must not tap by accident.
bool big_button(const ViewContext& ctx, std::string_view id, std::string_view label, float w,
                float h, std::string_view language = {});

// A selectable option (gender, levels, yes/no): a big_button drawn green with a white label when
// `selected`, light with a dark label when not. Returns true when tapped.
bool choice_button(const ViewContext& ctx, std::string_view id, std::string_view label,
                   bool selected, float w, float h, std::string_view language = {});

// A "name  value" line across the content width with a rule under it (status and job facts):
// the name at the start edge in the session's language, the value at the end edge, shaped in
// `value_language` (empty: the session's; "en" for a code shown as it is).
// `width` 0: the available content width.
void fact_row(const ViewContext& ctx, std::string_view name, std::string_view value,
              std::string_view value_language = {}, float width = 0);

// A screen's title: one line at title size in the session's language, as an ImGui item as wide
// as the content region; start-aligned (the right edge in RTL) unless `centred`.
void page_title(const ViewContext& ctx, std::string_view text, bool centred = false);

// A line of text shaped in `language` (empty: the session's) at `pixel_size`, horizontally
// centred in the window's content area, as an ImGui item.
void centered_text(const ViewContext& ctx, std::string_view text, float pixel_size,
                   std::string_view language = {});

}  // namespace kiosk::ui

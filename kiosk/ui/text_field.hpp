// Text fields and the on-screen keyboard. Every text a person types goes through these: a field
// shows the session's text for a path (core/field_path.hpp) shaped in the session's language,
// with the caret when it has the focus; tapping it records FocusField with the layout that suits
// the field and the language (keyboard_layout_for). While a field has the focus, draw_screen()
// docks the keyboard at the bottom of the screen; its keys record EditText (the whole new text
// and caret, computed with i18n::TextEdit and i18n::Keyboard) and SetKeyboard (layout, shift).
#pragma once

#include <string_view>
#include <vector>

#include "kiosk/core/session.hpp"
#include "kiosk/ui/view_context.hpp"

namespace kiosk::ui {

// The layout a field starts with: the number pad for numeric paths (core::is_numeric_field),
// "email" for email, "code" for a reference code, else the session language's own layout ("ar",
// "fa", "tr", "kmr", ...).
std::string_view keyboard_layout_for(std::string_view field, std::string_view language);

// A labelled text field at the cursor (its lines all start at the cursor's x), `width` wide (label
// above, one-line box below, and the field's validation error, translated, under it when
// Session::errors has one for `field`). `label_key` is a catalogue key. Hit id: "field.<field>".
// Returns the height it used.
float text_field(const core::Session& session, const ViewContext& ctx, std::string_view field,
                 std::string_view label_key, float width, std::vector<core::Intent>& out);

// Height of the docked keyboard for the display (0 when no field has the focus). Views keep
// their content above it.
float keyboard_height(const core::Session& session, const ViewContext& ctx);

// The docked keyboard (called by draw_screen after the view when session.focus is set).
// Hit ids: "osk.key.<U+XXXX>" (label: the character the key types now), "osk.shift",
// "osk.backspace" (repeats while held), "osk.space", "osk.zwnj", "osk.layout", "osk.done".
void draw_keyboard(const core::Session& session, const ViewContext& ctx,
                   std::vector<core::Intent>& out);

}  // namespace kiosk::ui

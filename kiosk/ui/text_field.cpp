// PLACEHOLDER until the on-screen keyboard lands: a field is a button that takes the focus, and
// no keyboard is drawn.
#include "kiosk/ui/text_field.hpp"

#include <string>

#include <imgui.h>

#include "kiosk/core/field_path.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

std::string_view keyboard_layout_for(std::string_view field, std::string_view language) {
    if (core::is_numeric_field(field)) {
        return "digits";
    }
    return field == "email" ? std::string_view("latin") : language;
}

float text_field(const core::Session& session, const ViewContext& ctx, std::string_view field,
                 std::string_view label_key, float width, std::vector<core::Intent>& out) {
    const float top = ImGui::GetCursorPosY();
    const std::string id = "field." + std::string(field);
    const std::string value = core::text_field(session, field).value_or("");
    if (big_button(ctx, id, value.empty() ? ctx.text(label_key) : value, width,
                   ctx.theme.button_h)) {
        out.emplace_back(core::FocusField{std::string(field),
                                          std::string(keyboard_layout_for(field, ctx.language()))});
    }
    return ImGui::GetCursorPosY() - top;
}

float keyboard_height(const core::Session&, const ViewContext&) {
    return 0;
}

void draw_keyboard(const core::Session&, const ViewContext&, std::vector<core::Intent>&) {}

}  // namespace kiosk::ui

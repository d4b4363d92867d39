// Screen::Name: the given name, and the family name for those who have one (many people from
// Afghanistan and elsewhere have a single name, so the label says it is optional).
//
// While the keyboard is up the page starts at the focused field: the field being typed into
// sits right under the title and the field before it steps aside, so nothing the person types
// is ever hidden behind the keyboard, even on a 1280×800 tablet.
#include <imgui.h>

#include <array>
#include <iterator>
#include <string_view>

#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/step_page.hpp"
#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

namespace {

struct NameField {
    std::string_view path;
    std::string_view label_key;
};

constexpr std::array<NameField, 2> kFields = {{
    {"given_name", i18n::key("reg.given_name.label")},
    {"family_name", i18n::key("reg.family_name.label")},
}};

// The first field to draw: the focused one while typing, else the first.
std::size_t first_shown(const core::Session& session) {
    if (!session.focus) {
        return 0;
    }
    for (std::size_t i = 0; i < kFields.size(); ++i) {
        if (kFields[i].path == session.focus->field) {
            return i;
        }
    }
    return 0;
}

}  // namespace

void draw_name(const core::Session& session, const ViewContext& ctx,
               std::vector<core::Intent>& out) {
    const ImVec2 area = begin_step_page(session, ctx, i18n::key("step.name.title"));
    const float top = ImGui::GetCursorPosY();
    const float left = ImGui::GetCursorPosX();
    const float w = field_width(ctx, area.x);
    float last_h = 0;
    for (std::size_t i = first_shown(session); i < kFields.size(); ++i) {
        // A field that would reach under the keyboard waits until the keyboard is closed.
        const float y = ImGui::GetCursorPosY();
        if (last_h > 0 && y + last_h > top + area.y) {
            break;
        }
        ImGui::SetCursorPosX(start_x(left, area.x, 0, w, ctx.rtl()));
        last_h = text_field(session, ctx, kFields[i].path, kFields[i].label_key, w, out);
    }
    end_step_page(session, ctx, out);
}

}  // namespace kiosk::ui

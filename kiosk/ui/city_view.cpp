// Screen::City: the city or town where the person lives now, as they write it (place names
// have many spellings and scripts, so this is free text, not a list).
#include <imgui.h>

#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/step_page.hpp"
#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

void draw_city(const core::Session& session, const ViewContext& ctx,
               std::vector<core::Intent>& out) {
    const ImVec2 area = begin_step_page(session, ctx, i18n::key("step.city.title"));
    const float w = field_width(ctx, area.x);
    ImGui::SetCursorPosX(start_x(ImGui::GetCursorPosX(), area.x, 0, w, ctx.rtl()));
    text_field(session, ctx, "city", "reg.city.label", w, out);
    end_step_page(session, ctx, out);
}

}  // namespace kiosk::ui

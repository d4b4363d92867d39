// Screen::BirthYear: the year of birth, four digits on the number pad. A year is easier to give
// than a full date for people whose documents were lost or record only a year, and it is all
// job matching needs (working age). A hint under the field shows what a year looks like.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/step_page.hpp"
#include "kiosk/ui/text/widgets.hpp"
#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

void draw_birth_year(const core::Session& session, const ViewContext& ctx,
                     std::vector<core::Intent>& out) {
    const ImVec2 area = begin_step_page(session, ctx, i18n::key("step.birth_year.title"));
    // Four digits need little room; a narrow field also tells the person a short answer is
    // wanted. Never narrower than its label.
    const float label_w = text::measure_text(*ctx.renderer, ctx.text("reg.year_of_birth.label"),
                                             ctx.language(), body_px(ctx.theme))
                              .x;
    const float w = std::min(area.x, std::max(12 * ctx.theme.em, label_w + ctx.theme.em));
    const float left = ImGui::GetCursorPosX();
    const float bottom = ImGui::GetCursorPosY() + area.y;
    ImGui::SetCursorPosX(start_x(left, area.x, 0, w, ctx.rtl()));
    text_field(session, ctx, "year_of_birth", "reg.year_of_birth.label", w, out);

    // The example year in the digits typed numbers are shown in (Western unless set otherwise).
    const std::string example =
        ctx.translator->format("reg.year_of_birth.hint", {{"year", ctx.translator->code("1990")}});
    text::ParagraphStyle hint;
    hint.pixel_size = body_px(ctx.theme);
    hint.colour = to_imgui(ctx.theme.colors.muted);
    const float hint_h =
        text::measure_paragraph(*ctx.renderer, example, ctx.language(), area.x, hint);
    if (ImGui::GetCursorPosY() + hint_h <= bottom) {  // not under the keyboard
        ImGui::SetCursorPosX(left);
        text::shaped_paragraph(*ctx.renderer, example, ctx.language(), hint);
    }
    end_step_page(session, ctx, out);
}

}  // namespace kiosk::ui

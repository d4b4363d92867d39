// The registration screens' shared frame (see step_page.hpp).
#include "kiosk/ui/step_page.hpp"

#include <algorithm>
#include <iterator>
#include <string>

#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/text/widgets.hpp"
#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

// The bottom bar's height: one big button.
float bar_height(const ViewContext& ctx) {
    return ctx.theme.button_h;
}

// One dot per registration screen, filled up to `position`, from the start edge.
void draw_progress(const ViewContext& ctx, int position) {
    const int count = static_cast<int>(std::size(core::kRegistrationScreens));
    const float radius = 0.28F * ctx.theme.em;
    const float step = 3.2F * radius;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int i = 0; i < count; ++i) {
        const float x =
            start_x(origin.x, width, static_cast<float>(i) * step, 2 * radius, ctx.rtl());
        const ImVec2 centre(x + radius, origin.y + radius);
        if (i < position) {
            draw->AddCircleFilled(centre, radius, to_imgui(ctx.theme.colors.button));
        } else {
            draw->AddCircle(centre, radius, to_imgui(ctx.theme.colors.muted), 0, 2.0F);
        }
    }
    ImGui::Dummy(ImVec2(width, 2 * radius + ctx.theme.gap));
}

}  // namespace

ImVec2 begin_step_page(const core::Session& session, const ViewContext& ctx,
                       std::string_view title_key) {
    page_title(ctx, ctx.text(title_key));
    draw_progress(ctx, core::registration_position(session.screen));
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float below = bar_height(ctx) + ctx.theme.gap + keyboard_height(session, ctx);
    return ImVec2(avail.x, std::max(0.0F, avail.y - below));
}

void end_step_page(const core::Session& session, const ViewContext& ctx,
                   std::vector<core::Intent>& out) {
    const ImVec2 min = ImGui::GetWindowContentRegionMin();
    const ImVec2 max = ImGui::GetWindowContentRegionMax();
    const float width = max.x - min.x;
    const float h = bar_height(ctx);
    const float y = max.y - keyboard_height(session, ctx) - h;
    const float w = std::min(ctx.theme.button_min_w * 1.5F, (width - ctx.theme.gap) / 2);

    ImGui::SetCursorPos(ImVec2(start_x(min.x, width, 0, w, ctx.rtl()), y));
    if (big_button(ctx, "nav.back", ctx.text("common.back"), w, h)) {
        out.emplace_back(core::Back{});
    }
    ImGui::SetCursorPos(ImVec2(start_x(min.x, width, width - w, w, ctx.rtl()), y));
    const std::string_view next_key =
        session.review_return ? "reg.review.back_to_review" : "common.next";
    if (big_button(ctx, "nav.next", ctx.text(next_key), w, h)) {
        out.emplace_back(core::Next{});
    }
}

float field_width(const ViewContext& ctx, float available) {
    return available > 48 * ctx.theme.em ? 0.6F * available : available;
}

float field_error(const core::Session& session, const ViewContext& ctx, std::string_view field) {
    const auto it = std::find_if(session.errors.begin(), session.errors.end(),
                                 [field](const core::FieldError& e) { return e.field == field; });
    if (it == session.errors.end()) {
        return 0;
    }
    const float top = ImGui::GetCursorPosY();
    text::ParagraphStyle style;
    style.pixel_size = body_px(ctx.theme);
    style.colour = to_imgui(ctx.theme.colors.error);
    text::shaped_paragraph(*ctx.renderer, ctx.text("error." + it->code), ctx.language(), style);
    return ImGui::GetCursorPosY() - top;
}

}  // namespace kiosk::ui

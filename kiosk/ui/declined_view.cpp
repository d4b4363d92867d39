// Screen::Declined: the person said no to the notice. Nothing of them was kept (the reducer
// cleared the draft), and the page says so kindly, with what they can still do: ask staff about
// jobs (the job offers open from here, without registering), or come back later. Finish ends the
// visit; Back returns to the notice, for someone who tapped "no" by mistake.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/text/widgets.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

void draw_declined(const core::Session&, const ViewContext& ctx, std::vector<core::Intent>& out) {
    const Theme& theme = ctx.theme;
    ImGui::Dummy(ImVec2(0, 2 * theme.em));
    centered_text(ctx, ctx.text("consent.declined_title"), title_px(theme));
    ImGui::Dummy(ImVec2(0, theme.em));

    text::ParagraphStyle body;
    body.pixel_size = body_px(theme);
    body.colour = to_imgui(theme.colors.text);
    body.align = text::Align::centre;
    for (const std::string* line :
         {&ctx.text("consent.declined_jobs"), &ctx.text("consent.declined_later")}) {
        text::shaped_paragraph(*ctx.renderer, *line, ctx.language(), body);
        ImGui::Dummy(ImVec2(0, 0.5F * theme.em));
    }
    // Looking at jobs needs no consent: nothing of the person is asked or kept.
    {
        const float avail = ImGui::GetContentRegionAvail().x;
        const float jw = std::min(theme.button_min_w * 2.0F, avail);
        ImGui::Dummy(ImVec2(0, 0.5F * theme.em));
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - jw) / 2);
        if (big_button(ctx, "jobs.open", ctx.text("jobs.open"), jw, theme.button_h)) {
            out.emplace_back(core::OpenJobs{});
        }
    }

    // Back at the bottom start corner as on every page, the way on at the end corner.
    const ImVec2 origin = ImGui::GetCursorPos();
    const float avail_w = ImGui::GetContentRegionAvail().x;
    const float w = std::min(theme.button_min_w * 1.5F, (avail_w - theme.gap) / 2);
    place_bottom_start(ctx, w, theme.button_h);
    const float y = ImGui::GetCursorPosY();
    if (big_button(ctx, "nav.back", ctx.text("common.back"), w, theme.button_h)) {
        out.emplace_back(core::Back{});
    }
    ImGui::SetCursorPos(ImVec2(start_x(origin.x, avail_w, avail_w - w, w, ctx.rtl()), y));
    if (big_button(ctx, "declined.finish", ctx.text("common.finish"), w, theme.button_h)) {
        out.emplace_back(core::EndSession{});
    }
}

}  // namespace kiosk::ui

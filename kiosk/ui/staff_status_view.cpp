// Screen::StaffStatus: what the kiosk still has to send and how the last sync went, from
// ctx.status (read from the store by the app before the frame). One row per fact: its name at
// the start edge, its value at the end edge (mirrored in right-to-left languages).
#include <imgui.h>

#include <algorithm>
#include <string>

#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/text/widgets.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

// "just now", "5 minutes ago", "3 hours ago", "2 days ago".
std::string time_ago(const ViewContext& ctx, std::int64_t then) {
    const std::int64_t seconds = std::max<std::int64_t>(0, ctx.unix_now - then);
    if (seconds < 60) {
        return ctx.text("staff.status.just_now");
    }
    if (seconds < 2 * 3600) {
        return ctx.count_text("staff.status.minutes_ago", seconds / 60, "n");
    }
    if (seconds < 2 * 86'400) {
        return ctx.count_text("staff.status.hours_ago", seconds / 3600, "n");
    }
    return ctx.count_text("staff.status.days_ago", seconds / 86'400, "n");
}

}  // namespace

void draw_staff_status(const core::Session&, const ViewContext& ctx,
                       std::vector<core::Intent>& out) {
    page_title(ctx, ctx.text("staff.status.title"));
    ImGui::Dummy(ImVec2(0, 0.3F * ctx.theme.em));

    if (ctx.status == nullptr) {
        text::LabelStyle error;
        error.pixel_size = body_px(ctx.theme);
        error.colour = to_imgui(ctx.theme.colors.error);
        text::shaped_label(*ctx.renderer, ctx.text("staff.status.unavailable"), ctx.language(),
                           error);
    } else {
        const KioskStatus& s = *ctx.status;
        fact_row(ctx, ctx.text("staff.status.queued"), ctx.translator->count(s.queued));
        fact_row(ctx, ctx.text("staff.status.rejected"), ctx.translator->count(s.rejected));
        fact_row(ctx, ctx.text("staff.status.acked"), ctx.translator->count(s.acked_kept));
        fact_row(ctx, ctx.text("staff.status.last_success"),
                 s.last_success_unix == 0 ? ctx.text("staff.status.never")
                                          : time_ago(ctx, s.last_success_unix));
        if (s.last_error.empty()) {
            fact_row(ctx, ctx.text("staff.status.last_error"), ctx.text("staff.status.no_error"));
        } else {
            // The code is for whoever supports the kiosk: shown as it is, in Latin letters.
            fact_row(ctx, ctx.text("staff.status.last_error"), s.last_error, "en");
        }
        if (!s.enrolled || s.enrolment_needed) {
            ImGui::Dummy(ImVec2(0, 0.3F * ctx.theme.em));
            text::ParagraphStyle note;
            note.pixel_size = body_px(ctx.theme);
            note.colour = to_imgui(ctx.theme.colors.error);
            text::shaped_paragraph(*ctx.renderer,
                                   ctx.text(s.enrolled ? "staff.status.enrolment_needed"
                                                       : "staff.status.not_enrolled"),
                                   ctx.language(), note);
        }
    }

    const float w = std::min(ctx.theme.button_min_w, ImGui::GetContentRegionAvail().x);
    place_bottom_start(ctx, w, ctx.theme.button_h);
    if (big_button(ctx, "nav.back", ctx.text("common.back"), w, ctx.theme.button_h)) {
        out.emplace_back(core::Back{});
    }
}

}  // namespace kiosk::ui

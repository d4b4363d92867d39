// Screen::Jobs: the open job offers (ctx.jobs, newest first, read by the app), each row its
// title in the person's language when the offer has one (else English, else the first) and its
// town; a search field above: the app searches the store's index as the person types (every
// word typed starts a word of the offer in any of its languages: case, accents, Turkish i and
// Arabic forms folded) and hands over the matches. A tap opens the offer; Back
// returns where the person came from. Works before and without registering.
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/step_page.hpp"
#include "kiosk/ui/text/widgets.hpp"
#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/touch_list.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

constexpr std::string_view kListId = "jobs";

std::vector<ListItem> job_rows(const ViewContext& ctx) {
    std::vector<ListItem> rows;
    if (ctx.jobs == nullptr) {
        return rows;
    }
    rows.reserve(ctx.jobs->size());
    for (const core::JobCard& job : *ctx.jobs) {
        const auto [language, title] = core::text_in(job.titles, ctx.language());
        // The town after the title: one row, searchable by either.
        rows.push_back(ListItem{job.id, std::string(title) + " \u2014 " + job.city,
                                std::string(language), false});
    }
    return rows;
}

}  // namespace

void draw_jobs(const core::Session& session, const ViewContext& ctx,
               std::vector<core::Intent>& out) {
    const Theme& theme = ctx.theme;
    page_title(ctx, ctx.text("jobs.title"));
    ImGui::Dummy(ImVec2(0, 0.2F * theme.em));
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float left = ImGui::GetCursorPosX();
    const float top = ImGui::GetCursorPosY();
    const float w = field_width(ctx, avail.x);
    const float x = start_x(left, avail.x, 0, w, ctx.rtl());
    ImGui::SetCursorPosX(x);
    text_field(session, ctx, "search", "common.search", w, out);

    const std::vector<ListItem> items = filter_items(job_rows(ctx), session.search, ctx.language());
    const float below = theme.button_h + theme.gap + keyboard_height(session, ctx);
    const float list_h = std::max(0.0F, top + avail.y - below - ImGui::GetCursorPosY());
    if (items.empty()) {
        text::ParagraphStyle style;
        style.pixel_size = body_px(theme);
        style.colour = to_imgui(theme.colors.muted);
        ImGui::SetCursorPosX(x);
        const float h = text::draw_paragraph(*ctx.renderer, ImGui::GetWindowDrawList(),
                                             ImGui::GetCursorScreenPos(), w, ctx.text("jobs.none"),
                                             ctx.language(), style);
        ImGui::Dummy(ImVec2(w, h));
    } else {
        ImGui::SetCursorPosX(x);
        if (const auto tapped = touch_list(ctx, kListId, items, ImVec2(w, list_h))) {
            out.emplace_back(core::OpenJob{*tapped});
        }
    }

    const float bw = std::min(theme.button_min_w * 1.5F, avail.x);
    ImGui::SetCursorPos(ImVec2(start_x(left, avail.x, 0, bw, ctx.rtl()),
                               top + avail.y - keyboard_height(session, ctx) - theme.button_h));
    if (big_button(ctx, "nav.back", ctx.text("common.back"), bw, theme.button_h)) {
        out.emplace_back(core::Back{});
    }
}

}  // namespace kiosk::ui

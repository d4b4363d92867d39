// Screen::Notice: what the centre collects and why, in short plain sentences, then the consent
// question with two buttons of the same size: agreeing must not be easier than refusing (the
// consent would not be free), and refusing must not look like the wrong answer. The notice
// scrolls; the question and the buttons stay in view below it.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "kiosk/i18n/bidi.hpp"
#include "kiosk/i18n/script.hpp"
#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/text/widgets.hpp"
#include "kiosk/ui/touch_list.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

// The question is read before the choice: a little larger than the notice.
constexpr float kQuestionScale = 1.15F;

// "{centre} collects this information.", or a generic wording before staff named the centre.
std::string who_collects(const core::Session& session, const ViewContext& ctx) {
    const std::string& centre = session.settings.centre_name;
    if (centre.empty()) {
        return ctx.text("notice.who_generic");
    }
    // The name keeps its own direction inside the sentence (a Latin name in Arabic text).
    const auto direction = i18n::paragraph_direction(centre).value_or(ctx.direction);
    return ctx.translator->format("notice.who", {{"centre", i18n::isolate(centre, direction)}});
}

// One sentence group of the notice, with a dot at the start edge so each point stands apart.
void notice_point(const ViewContext& ctx, const std::string& text) {
    const float px = body_px(ctx.theme);
    const float indent = 1.2F * px;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = std::max(ImGui::GetContentRegionAvail().x - indent, 1.0F);
    text::ParagraphStyle style;
    style.pixel_size = px;
    style.colour = to_imgui(ctx.theme.colors.text);
    const float text_left = ctx.rtl() ? pos.x : pos.x + indent;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float height = text::draw_paragraph(*ctx.renderer, draw, ImVec2(text_left, pos.y), width,
                                              text, ctx.language(), style);
    const float dot_x = start_x(pos.x, width + indent, 0.35F * px, 0.3F * px, ctx.rtl());
    draw->AddCircleFilled(ImVec2(dot_x + 0.15F * px, pos.y + 0.6F * px), 0.15F * px,
                          to_imgui(ctx.theme.colors.button));
    ImGui::Dummy(ImVec2(width + indent, height));
}

}  // namespace

void draw_notice(const core::Session& session, const ViewContext& ctx,
                 std::vector<core::Intent>& out) {
    const Theme& theme = ctx.theme;
    page_title(ctx, ctx.text("notice.title"));

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    text::ParagraphStyle question;
    question.pixel_size = std::round(kQuestionScale * body_px(theme));
    question.colour = to_imgui(theme.colors.text);
    const std::string& question_text = ctx.text("consent.question");
    const float question_h =
        text::measure_paragraph(*ctx.renderer, question_text, ctx.language(), avail.x, question);
    // Below the notice: the question, the choice row and the Back row, with gaps between.
    const float below = question_h + 2 * theme.button_h + 3 * theme.gap;

    const std::array<std::string, 6> points = {
        who_collects(session, ctx),
        ctx.text("notice.what"),
        ctx.text("notice.why"),
        ctx.text("notice.who_sees"),
        ctx.count_text("notice.how_long", session.settings.retention_months, "months"),
        ctx.text("notice.deletion"),
    };
    begin_touch_scroll(ctx, "notice.body", ImVec2(avail.x, std::max(avail.y - below, 0.0F)));
    for (const std::string& point : points) {
        notice_point(ctx, point);
    }
    end_touch_scroll(ctx, "notice.body");

    text::shaped_paragraph(*ctx.renderer, question_text, ctx.language(), question);

    // Accept at the reading start, decline after it: the same size and colour, side by side.
    const float w = std::min((avail.x - theme.gap) / 2, 2 * theme.button_min_w);
    const float row_left = ImGui::GetCursorPosX() + (avail.x - (2 * w + theme.gap)) / 2;
    const float row_y = ImGui::GetCursorPosY();
    const float row_w = 2 * w + theme.gap;
    ImGui::SetCursorPos(ImVec2(start_x(row_left, row_w, 0, w, ctx.rtl()), row_y));
    if (big_button(ctx, "consent.accept", ctx.text("consent.accept"), w, theme.button_h)) {
        out.emplace_back(core::AcceptConsent{ctx.unix_now});
    }
    ImGui::SetCursorPos(ImVec2(start_x(row_left, row_w, w + theme.gap, w, ctx.rtl()), row_y));
    if (big_button(ctx, "consent.decline", ctx.text("consent.decline"), w, theme.button_h)) {
        out.emplace_back(core::DeclineConsent{});
    }

    const float back_w = std::min(theme.button_min_w, avail.x);
    place_bottom_start(ctx, back_w, theme.button_h);
    if (big_button(ctx, "nav.back", ctx.text("common.back"), back_w, theme.button_h)) {
        out.emplace_back(core::Back{});
    }
}

}  // namespace kiosk::ui

// Screen::InterestCode: "I'm interested" from a person who did not register in this visit. They
// type the reference code they were given (on paper, or a photo of the QR page) on the code
// keyboard; the code's check symbol catches a wrong or swapped character before anything is
// stored, and the message says which kind of mistake it is. Someone without a code can register
// first: the registration starts, and its Done page leads back to this offer. Back returns to the
// offer. The buttons stay above the keyboard while it is up.
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

namespace {

// What to tell the person about Session::interest_error: the parser's reason, or a failed save.
std::string_view error_key(const std::string& code) {
    if (code == "reference_code.wrong_length") {
        return i18n::key("interest.code_wrong_length");
    }
    if (code == "reference_code.invalid_symbol") {
        return i18n::key("interest.code_invalid_symbol");
    }
    if (code == "reference_code.bad_check") {
        return i18n::key("interest.code_bad_check");
    }
    return i18n::key("interest.failed");
}

}  // namespace

void draw_interest_code(const core::Session& session, const ViewContext& ctx,
                        std::vector<core::Intent>& out) {
    const Theme& theme = ctx.theme;
    page_title(ctx, ctx.text("interest.code_title"));
    ImGui::Dummy(ImVec2(0, 0.2F * theme.em));
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float left = ImGui::GetCursorPosX();
    const float top = ImGui::GetCursorPosY();
    const float w = field_width(ctx, avail.x);
    const float x = start_x(left, avail.x, 0, w, ctx.rtl());

    text::ParagraphStyle body;
    body.pixel_size = body_px(theme);
    body.colour = to_imgui(theme.colors.text);
    if (!session.focus) {  // while typing, the field sits right under the title
        ImGui::SetCursorPosX(x);
        const float h = text::draw_paragraph(*ctx.renderer, ImGui::GetWindowDrawList(),
                                             ImGui::GetCursorScreenPos(), w,
                                             ctx.text("interest.code_help"), ctx.language(), body);
        ImGui::Dummy(ImVec2(w, h + 0.3F * theme.em));
    }
    ImGui::SetCursorPosX(x);
    text_field(session, ctx, "interest_code", i18n::key("interest.code_label"), w, out);
    if (!session.interest_error.empty()) {
        body.colour = to_imgui(theme.colors.error);
        ImGui::SetCursorPosX(x);
        const float h = text::draw_paragraph(
            *ctx.renderer, ImGui::GetWindowDrawList(), ImGui::GetCursorScreenPos(), w,
            ctx.text(error_key(session.interest_error)), ctx.language(), body);
        ImGui::Dummy(ImVec2(w, h));
    }

    // Back at the start corner, send at the end corner; "no code" between them when the keyboard
    // is closed (a person typing a code has one).
    const float row_y = top + avail.y - keyboard_height(session, ctx) - theme.button_h;
    const float bw = std::min(theme.button_min_w * 1.5F, (avail.x - 2 * theme.gap) / 3);
    ImGui::SetCursorPos(ImVec2(start_x(left, avail.x, 0, bw, ctx.rtl()), row_y));
    if (big_button(ctx, "nav.back", ctx.text("common.back"), bw, theme.button_h)) {
        out.emplace_back(core::Back{});
    }
    if (!session.focus) {
        const float mw = avail.x - 2 * (bw + theme.gap);
        ImGui::SetCursorPos(ImVec2(start_x(left, avail.x, bw + theme.gap, mw, ctx.rtl()), row_y));
        if (big_button(ctx, "interest.register", ctx.text("interest.register"), mw,
                       theme.button_h)) {
            out.emplace_back(core::RegisterForInterest{});
        }
    }
    ImGui::SetCursorPos(ImVec2(start_x(left, avail.x, avail.x - bw, bw, ctx.rtl()), row_y));
    if (big_button(ctx, "interest.send", ctx.text("interest.send"), bw, theme.button_h)) {
        out.emplace_back(core::SendInterestCode{});
    }
}

}  // namespace kiosk::ui

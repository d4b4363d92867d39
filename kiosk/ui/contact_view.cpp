// Screen::Contact: the phone number as country calling code + national number, and an optional
// email address. Both phone parts are typed on the number pad.
//
// The phone row reads left to right in every language, calling code first, as a number is
// written and dialled everywhere (an Arabic form writes "+90 532 ..." left to right too); only
// the row's place on the page mirrors. While the keyboard is up, the page starts at the row of
// the focused field, so what is typed is never under the keyboard.
#include <imgui.h>

#include <algorithm>
#include <string_view>

#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/step_page.hpp"
#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

namespace {

constexpr std::string_view kCallingCode = "phone.calling_code";
constexpr std::string_view kNationalNumber = "phone.national_number";
constexpr std::string_view kEmail = "email";

// A text field at (x, y) in window coordinates; returns its height.
float field_at(const core::Session& session, const ViewContext& ctx, ImVec2 at,
               std::string_view field, std::string_view label_key, float w,
               std::vector<core::Intent>& out) {
    ImGui::SetCursorPos(at);
    return text_field(session, ctx, field, label_key, w, out);
}

// The calling code and the national number side by side in a row `w` wide whose left edge is
// at `x`; returns the row's height (the taller field, e.g. the one showing an error).
float phone_row(const core::Session& session, const ViewContext& ctx, float x, float w,
                std::vector<core::Intent>& out) {
    // Up to "+998" fits in a quarter of the row; the label ("Country code") needs ~7 em.
    const float code_w = std::min(std::max(7 * ctx.theme.em, 0.28F * w), 0.5F * w);
    const float y = ImGui::GetCursorPosY();
    const float code_h = field_at(session, ctx, ImVec2(x, y), kCallingCode,
                                  i18n::key("reg.phone_calling_code.label"), code_w, out);
    const float number_x = x + code_w + ctx.theme.gap;
    const float number_h =
        field_at(session, ctx, ImVec2(number_x, y), kNationalNumber,
                 i18n::key("reg.phone_national_number.label"), x + w - number_x, out);
    const float h = std::max(code_h, number_h);
    ImGui::SetCursorPos(ImVec2(x, y + h));
    return h;
}

}  // namespace

void draw_contact(const core::Session& session, const ViewContext& ctx,
                  std::vector<core::Intent>& out) {
    const ImVec2 area = begin_step_page(session, ctx, i18n::key("reg.contact.title"));
    const float top = ImGui::GetCursorPosY();
    const float left = ImGui::GetCursorPosX();
    const float w = field_width(ctx, area.x);
    const float x = start_x(left, area.x, 0, w, ctx.rtl());

    const bool typing_email = session.focus && session.focus->field == kEmail;
    float phone_h = 0;
    if (!typing_email) {
        phone_h = phone_row(session, ctx, x, w, out);
    }
    // The email row is about as tall as the phone row: it waits for the keyboard to close
    // when it would reach under it.
    if (phone_h == 0 || ImGui::GetCursorPosY() + phone_h <= top + area.y) {
        field_at(session, ctx, ImVec2(x, ImGui::GetCursorPosY()), kEmail,
                 i18n::key("reg.email.label"), w, out);
    }
    end_step_page(session, ctx, out);
}

}  // namespace kiosk::ui

// Screen::Done: the registration is stored (the app applied RegistrationSaved only after the
// store's commit). The reference code is what the person takes away: very large so it can be
// copied onto paper, and as a QR code beside it for a phone photo or a staff scanner. The code is
// Latin letters and digits and keeps its left-to-right order on right-to-left pages.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "kiosk/i18n/bidi.hpp"
#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/qr_code.hpp"
#include "kiosk/ui/text/widgets.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

// The code is the largest text in the kiosk, but never wider than its column.
constexpr float kCodeScale = 2.2F;
// A QR code larger than this many em gains nothing for a phone and crowds the code.
constexpr float kQrMaxEm = 14.0F;

// One centred line in [left, left + width] at `y`; returns its height.
float column_line(const ViewContext& ctx, float left, float width, float y, std::string_view line,
                  float px, std::uint32_t rgb) {
    const float h = text::measure_text(*ctx.renderer, line, ctx.language(), px).y;
    text::LabelStyle style;
    style.pixel_size = px;
    style.colour = to_imgui(rgb);
    style.align = text::Align::centre;
    text::draw_label(*ctx.renderer, ImGui::GetWindowDrawList(), ImVec2(left, y),
                     ImVec2(left + width, y + h), line, ctx.language(), style);
    return h;
}

}  // namespace

void draw_done(const core::Session& session, const ViewContext& ctx,
               std::vector<core::Intent>& out) {
    const Theme& theme = ctx.theme;
    centered_text(ctx, ctx.text("reg.saved.title"), title_px(theme));
    ImGui::Dummy(ImVec2(0, theme.gap));

    const ImVec2 origin = ImGui::GetCursorPos();
    const ImVec2 screen = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float area_h = std::max(avail.y - theme.button_h - theme.gap, 0.0F);

    // Wide screens: the words at the start, the QR code at the end; narrow: one above the other.
    const bool side_by_side = avail.x >= 1.3F * area_h;
    const float text_w = side_by_side ? (avail.x - theme.gap) / 2 : avail.x;

    const std::string code =
        i18n::isolate(ctx.translator->code(session.reference_code), i18n::TextDirection::ltr);
    const float body = body_px(theme);
    float code_px = std::round(kCodeScale * title_px(theme));
    const float code_w = text::measure_text(*ctx.renderer, code, ctx.language(), code_px).x;
    if (code_w > 0.95F * text_w) {
        code_px = std::floor(code_px * 0.95F * text_w / code_w);
    }
    const float code_h = text::measure_text(*ctx.renderer, code, ctx.language(), code_px).y;
    const std::string& label = ctx.text("reg.saved.code_label");
    const std::string& show_staff = ctx.text("reg.saved.show_staff");
    const std::string& photo_hint = ctx.text("reg.saved.photo_hint");
    auto height = [&ctx](std::string_view line, float px) {
        return text::measure_text(*ctx.renderer, line, ctx.language(), px).y;
    };
    const float words_h = height(label, body) + code_h + height(show_staff, body) +
                          height(photo_hint, body) + 3 * theme.gap;

    // The app shows Done only with a code; --screen done (screenshots) has none: no QR then.
    std::optional<QrMatrix> qr;
    if (!session.reference_code.empty()) {
        if (auto encoded = encode_qr(session.reference_code)) {
            qr = std::move(*encoded);
        }
    }
    const float qr_room = side_by_side ? std::min(avail.x - text_w - theme.gap, area_h)
                                       : std::min(avail.x, area_h - words_h - theme.gap);
    const int module_px = qr ? qr_module_px(*qr, std::min(qr_room, kQrMaxEm * theme.em)) : 0;
    const auto qr_px = static_cast<float>(module_px > 0 ? qr_side_px(*qr, module_px) : 0);

    const float text_left = start_x(screen.x, avail.x, 0, text_w, ctx.rtl());
    float y = screen.y + (side_by_side ? std::max((area_h - words_h) / 2, 0.0F) : 0.0F);
    y += column_line(ctx, text_left, text_w, y, label, body, theme.colors.muted) + theme.gap;
    if (!session.reference_code.empty()) {
        y += column_line(ctx, text_left, text_w, y, code, code_px, theme.colors.text);
    }
    y += theme.gap;
    y += column_line(ctx, text_left, text_w, y, show_staff, body, theme.colors.text) + theme.gap;
    if (qr_px > 0) {
        column_line(ctx, text_left, text_w, y, photo_hint, body, theme.colors.muted);
        ImVec2 at;
        if (side_by_side) {
            const float column = avail.x - text_w - theme.gap;
            at.x = start_x(screen.x, avail.x, text_w + theme.gap + (column - qr_px) / 2, qr_px,
                           ctx.rtl());
            at.y = screen.y + std::max((area_h - qr_px) / 2, 0.0F);
        } else {
            at.x = screen.x + (avail.x - qr_px) / 2;
            at.y = y + height(photo_hint, body) + theme.gap;
        }
        draw_qr(ImGui::GetWindowDrawList(), at, *qr, module_px);
    }
    ImGui::SetCursorPos(ImVec2(origin.x, origin.y + area_h + theme.gap));

    // Finish is the way on: the end corner, where Next was on every step; the job offers at the
    // start corner (the code stays on this page for when the person comes back to it).
    const float w = std::min(theme.button_min_w * 1.5F, (avail.x - theme.gap) / 2);
    const float row_y = ImGui::GetCursorPosY();
    ImGui::SetCursorPosX(start_x(origin.x, avail.x, 0, w, ctx.rtl()));
    if (!session.interest_job.empty()) {
        // Registered to say "I'm interested": back to that offer, where it now takes one tap.
        if (big_button(ctx, "interest.back_to_job", ctx.text("interest.back_to_job"), w,
                       theme.button_h)) {
            out.emplace_back(core::OpenJob{session.interest_job});
        }
    } else if (big_button(ctx, "jobs.open", ctx.text("jobs.open"), w, theme.button_h)) {
        out.emplace_back(core::OpenJobs{});
    }
    ImGui::SetCursorPos(ImVec2(start_x(origin.x, avail.x, avail.x - w, w, ctx.rtl()), row_y));
    if (big_button(ctx, "done.finish", ctx.text("common.finish"), w, theme.button_h)) {
        out.emplace_back(core::EndSession{});
    }
}

}  // namespace kiosk::ui

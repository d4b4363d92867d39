// Screen::StaffMenu: what a signed-in staff member can do, one big button each, in a column
// centred on the page, with who is signed in and the last PIN message ("PIN changed") above.
#include <imgui.h>

#include <algorithm>
#include <array>

#include "kiosk/i18n/catalogue.hpp"
#include "kiosk/ui/text/widgets.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

// A confirmation the PIN pad left for this screen ("staff.pin_set", "staff.pin_changed").
void draw_pin_confirmation(const core::Session& session, const ViewContext& ctx) {
    std::string_view text;
    if (session.pin.message == i18n::key("staff.pin_set")) {
        text = ctx.text("staff.pin_set");
    } else if (session.pin.message == i18n::key("staff.pin_changed")) {
        text = ctx.text("staff.pin_changed");
    }
    if (!text.empty()) {
        text::LabelStyle style;
        style.pixel_size = body_px(ctx.theme);
        style.colour = to_imgui(ctx.theme.colors.selected);
        style.align = text::Align::centre;
        text::shaped_label(*ctx.renderer, text, ctx.language(), style);
    }
}

}  // namespace

void draw_staff_menu(const core::Session& session, const ViewContext& ctx,
                     std::vector<core::Intent>& out) {
    page_title(ctx, ctx.text("staff.menu.title"), /*centred=*/true);
    text::LabelStyle muted;
    muted.pixel_size = body_px(ctx.theme);
    muted.colour = to_imgui(ctx.theme.colors.muted);
    muted.align = text::Align::centre;
    text::shaped_label(*ctx.renderer,
                       i18n::format(ctx.text("staff.menu.signed_in"), {{"id", session.staff_id}}),
                       ctx.language(), muted);
    draw_pin_confirmation(session, ctx);
    ImGui::Dummy(ImVec2(0, 0.3F * ctx.theme.em));

    struct Entry {
        const char* id;
        std::string_view label;
        core::Intent intent;
    };
    const std::array<Entry, 5> entries = {{
        {"staff.assisted", ctx.text("staff.menu.assisted"), core::StartAssisted{}},
        {"staff.status", ctx.text("staff.menu.status"), core::GoTo{core::Screen::StaffStatus}},
        {"staff.settings", ctx.text("staff.menu.settings"),
         core::GoTo{core::Screen::StaffSettings}},
        {"staff.change_pin", ctx.text("staff.menu.change_pin"),
         core::GoTo{core::Screen::StaffNewPin}},
        {"staff.leave", ctx.text("staff.menu.leave"), core::StaffSignedOut{}},
    }};
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = ctx.theme.gap;
    const float w = std::min(avail.x, 2.0F * ctx.theme.button_min_w);
    const float count = static_cast<float>(entries.size());
    const float h =
        std::max(std::min(ctx.theme.button_h, (avail.y - gap * (count - 1)) / count), 48.0F);
    const ImVec2 origin = ImGui::GetCursorPos();
    float y = origin.y;
    for (const Entry& entry : entries) {
        ImGui::SetCursorPos(ImVec2(origin.x + (avail.x - w) / 2, y));
        if (big_button(ctx, entry.id, entry.label, w, h)) {
            out.push_back(entry.intent);
        }
        y += h + gap;
    }
}

}  // namespace kiosk::ui

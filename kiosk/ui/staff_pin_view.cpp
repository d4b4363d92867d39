// Screen::StaffPin and Screen::StaffNewPin: the staff PIN pad. Ten big digit keys, delete and
// OK; what was typed shows as dots only. On first start it asks for a new PIN (typed twice, as
// on StaffNewPin). While the store's lockout runs (ctx.unix_now < pin.locked_until) the keys are
// drawn disabled and the seconds left are shown; the store refuses a check meanwhile anyway.
//
// The keys keep the telephone order (1 2 3 at the top, from the left) in every language: digits
// are written left to right in Arabic and Persian too, and phones there keep this order. The
// page around them mirrors (Back at the start edge).
#include <imgui.h>

#include <algorithm>
#include <array>
#include <string>

#include "kiosk/i18n/catalogue.hpp"
#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/text/widgets.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

// The messages the reducer and the app put in Session::pin.message, and whether each reports
// a problem (drawn in the error colour).
struct PinMessage {
    std::string_view key;
    bool problem;
};
constexpr std::array kPinMessages = {
    PinMessage{i18n::key("staff.pin_wrong"), true},
    PinMessage{i18n::key("staff.pin_locked"), true},
    PinMessage{i18n::key("staff.pin_short"), true},
    PinMessage{i18n::key("staff.pin_mismatch"), true},
    PinMessage{i18n::key("staff.pin_store_error"), true},
    PinMessage{i18n::key("staff.pin_again"), false},
    PinMessage{i18n::key("staff.pin_set"), false},
    PinMessage{i18n::key("staff.pin_changed"), false},
};

bool is_locked(const core::Session& session, const ViewContext& ctx) {
    return ctx.unix_now < session.pin.locked_until;
}

// One line of text at the cursor, start-aligned, in `colour`; always takes a line's height so
// the pad does not jump when a message comes and goes.
void message_line(const ViewContext& ctx, std::string_view text, std::uint32_t colour) {
    text::LabelStyle style;
    style.pixel_size = body_px(ctx.theme);
    style.colour = to_imgui(colour);
    style.align = text::Align::centre;
    const float h = text::measure_text(*ctx.renderer, "0", ctx.language(), style.pixel_size).y;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    if (!text.empty()) {
        text::draw_label(*ctx.renderer, ImGui::GetWindowDrawList(), at, ImVec2(at.x + w, at.y + h),
                         text, ctx.language(), style);
    }
    ImGui::Dummy(ImVec2(w, h));
}

// What to tell staff under the dots: the lock's countdown, else the session's message.
void draw_message(const core::Session& session, const ViewContext& ctx) {
    const Palette& colors = ctx.theme.colors;
    if (is_locked(session, ctx)) {
        const std::int64_t seconds = session.pin.locked_until - ctx.unix_now;
        message_line(ctx, ctx.count_text("staff.pin.locked_seconds", seconds, "n"), colors.error);
        return;
    }
    const auto it = std::find_if(kPinMessages.begin(), kPinMessages.end(),
                                 [&](const PinMessage& m) { return m.key == session.pin.message; });
    if (it == kPinMessages.end()) {
        message_line(ctx, {}, colors.text);
        return;
    }
    message_line(ctx, ctx.text(it->key), it->problem ? colors.error : colors.text);
}

// One dot per digit typed (never the digits), and empty rings up to the minimum length.
void draw_dots(const core::Session& session, const ViewContext& ctx) {
    const std::size_t typed = session.pin.entry.size();
    const std::size_t shown = std::max(typed, core::kMinPinDigits);
    const float radius = 0.4F * ctx.theme.em;
    const float step = 3 * radius;
    const float row_w = step * static_cast<float>(shown - 1) + 2 * radius;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float avail = ImGui::GetContentRegionAvail().x;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < shown; ++i) {
        const ImVec2 centre(origin.x + (avail - row_w) / 2 + radius + step * static_cast<float>(i),
                            origin.y + radius);
        if (i < typed) {
            draw->AddCircleFilled(centre, radius, to_imgui(ctx.theme.colors.text));
        } else {
            draw->AddCircle(centre, radius, to_imgui(ctx.theme.colors.muted), 0, 2.0F);
        }
    }
    ImGui::Dummy(ImVec2(avail, 2 * radius));
}

// A key of the pad: a blue button, or a grey one that cannot be pressed while locked.
bool pad_key(const ViewContext& ctx, const std::string& id, std::string_view label, float w,
             float h, bool enabled) {
    if (enabled) {
        return big_button(ctx, id, label, w, h);
    }
    ImGui::BeginDisabled();
    choice_button(ctx, id, label, false, w, h);
    ImGui::EndDisabled();
    return false;
}

void draw_keys(const core::Session& session, const ViewContext& ctx, float height,
               std::vector<core::Intent>& out) {
    const bool enabled = !is_locked(session, ctx);
    const float gap = ctx.theme.gap;
    const float avail_w = ImGui::GetContentRegionAvail().x;
    const float key_w = std::min(5.0F * ctx.theme.em, (avail_w - 2 * gap) / 3);
    const float key_h = std::max(std::min(ctx.theme.button_h, (height - 3 * gap) / 4), 48.0F);
    const ImVec2 origin = ImGui::GetCursorPos();
    const float left = origin.x + (avail_w - (3 * key_w + 2 * gap)) / 2;
    auto place = [&](int row, int col) {
        ImGui::SetCursorPos(ImVec2(left + static_cast<float>(col) * (key_w + gap),
                                   origin.y + static_cast<float>(row) * (key_h + gap)));
    };
    // Rows 0-2: 1 2 3 / 4 5 6 / 7 8 9; row 3: delete 0 OK.
    for (int digit = 1; digit <= 9; ++digit) {
        place((digit - 1) / 3, (digit - 1) % 3);
        const char c = static_cast<char>('0' + digit);
        if (pad_key(ctx, "pin." + std::string(1, c), ctx.translator->code(std::string(1, c)), key_w,
                    key_h, enabled)) {
            out.emplace_back(core::PinDigit{c});
        }
    }
    place(3, 0);
    if (pad_key(ctx, "pin.backspace", ctx.text("staff.pin.delete"), key_w, key_h, enabled)) {
        out.emplace_back(core::PinBackspace{});
    }
    place(3, 1);
    if (pad_key(ctx, "pin.0", ctx.translator->code("0"), key_w, key_h, enabled)) {
        out.emplace_back(core::PinDigit{'0'});
    }
    place(3, 2);
    if (pad_key(ctx, "pin.ok", ctx.text("staff.pin.ok"), key_w, key_h, enabled)) {
        out.emplace_back(core::PinEnter{});
    }
}

}  // namespace

void draw_staff_pin(const core::Session& session, const ViewContext& ctx,
                    std::vector<core::Intent>& out) {
    const bool changing = session.screen == core::Screen::StaffNewPin;
    const bool first_start = !changing && !session.settings.staff_pin_set;

    page_title(ctx, changing ? ctx.text("staff.new_pin.title") : ctx.text("staff.pin.title"),
               /*centred=*/true);
    std::string_view hint = ctx.text("staff.pin.hint");
    if (first_start) {
        hint = ctx.text("staff.pin.first_hint");
    } else if (changing) {
        hint = ctx.text("staff.new_pin.hint");
    }
    message_line(ctx, hint, ctx.theme.colors.text);
    ImGui::Dummy(ImVec2(0, 0.2F * ctx.theme.em));
    draw_dots(session, ctx);
    draw_message(session, ctx);

    // The pad fills what is left above the bottom bar (where Back sits).
    const float bar = ctx.theme.button_h + ctx.theme.gap;
    draw_keys(session, ctx, ImGui::GetContentRegionAvail().y - bar, out);

    if (first_start) {
        return;  // the kiosk cannot be used before a staff PIN exists: no way back
    }
    const float w = std::min(ctx.theme.button_min_w, ImGui::GetContentRegionAvail().x);
    place_bottom_start(ctx, w, ctx.theme.button_h);
    if (big_button(ctx, "nav.back", ctx.text("common.back"), w, ctx.theme.button_h)) {
        out.emplace_back(core::Back{});
    }
}

}  // namespace kiosk::ui

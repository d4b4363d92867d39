// Screen::StaffSettings: the centre's name, how long registrations are kept, the idle times
// (text fields on Session::settings_draft, typed with the on-screen keyboard), whether counts
// and dates use Arabic/Persian digits (a toggle), and which
// languages Welcome offers in which order (one toggle per shipped language, enabled ones first,
// each with "up"). Save asks the app to store the draft; a refusal names its field (the store's
// error code is the field's path) and is shown under it.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <string>

#include "kiosk/i18n/catalogue.hpp"
#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/text/widgets.hpp"
#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/touch_list.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

struct Field {
    std::string_view path;   // core/field_path.hpp, and the store's error code for it
    std::string_view label;  // catalogue key
    std::string_view error;  // catalogue key of the refusal
};
constexpr std::array kFields = {
    Field{"settings.centre_name", i18n::key("staff.settings.centre_name"),
          i18n::key("staff.settings.error_centre_name")},
    Field{"settings.retention_months", i18n::key("staff.settings.retention_months"),
          i18n::key("staff.settings.error_retention_months")},
    Field{"settings.person_idle_s", i18n::key("staff.settings.person_idle_s"),
          i18n::key("staff.settings.error_person_idle_s")},
    Field{"settings.warning_s", i18n::key("staff.settings.warning_s"),
          i18n::key("staff.settings.error_warning_s")},
    Field{"settings.staff_idle_s", i18n::key("staff.settings.staff_idle_s"),
          i18n::key("staff.settings.error_staff_idle_s")},
};
constexpr std::string_view kLanguagesPath = "settings.languages";

// Kept free at the end edge of a scrolling column for its position bar.
float indicator_room(const ViewContext& ctx) {
    return 0.6F * ctx.theme.em;
}

// A refusal in the error colour, `width` wide at the cursor (wrapped), as an item.
void error_line(const ViewContext& ctx, std::string_view text, float width) {
    text::ParagraphStyle style;
    style.pixel_size = body_px(ctx.theme);
    style.colour = to_imgui(ctx.theme.colors.error);
    const float h =
        text::draw_paragraph(*ctx.renderer, ImGui::GetWindowDrawList(), ImGui::GetCursorScreenPos(),
                             width, text, ctx.language(), style);
    ImGui::Dummy(ImVec2(width, h));
}

// The codes Welcome offers, in order: the draft's list, or every shipped language when empty.
std::vector<std::string> offered_codes(const core::KioskSettings& draft) {
    if (!draft.languages.empty()) {
        return draft.languages;
    }
    std::vector<std::string> all;
    for (const i18n::UiLanguage& lang : i18n::shipped_languages()) {
        all.emplace_back(lang.code);
    }
    return all;
}

void draw_fields(const core::Session& session, const ViewContext& ctx, ImVec2 size,
                 std::vector<core::Intent>& out) {
    begin_touch_scroll(ctx, "settings.fields", size);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float w = avail - indicator_room(ctx);
    const float left = ImGui::GetCursorPosX();
    for (const Field& field : kFields) {
        // A group, so that every line of the field (label, box, refusal) starts at this x.
        ImGui::SetCursorPosX(start_x(left, avail, 0, w, ctx.rtl()));
        ImGui::BeginGroup();
        text_field(session, ctx, field.path, field.label, w, out);
        if (session.settings_error == field.path) {
            error_line(ctx, ctx.text(field.error), w);
        }
        ImGui::EndGroup();
        ImGui::Dummy(ImVec2(0, 0.2F * ctx.theme.em));
    }
    // One toggle: counts and dates in Arabic/Persian digits for the languages that have them.
    const core::KioskSettings& draft = session.settings_draft;
    ImGui::SetCursorPosX(start_x(left, avail, 0, w, ctx.rtl()));
    if (choice_button(ctx, "settings.native_digits", ctx.text("staff.settings.native_digits"),
                      draft.native_digits, w, std::max(48.0F, 0.8F * ctx.theme.button_h))) {
        core::KioskSettings edited = draft;
        edited.native_digits = !draft.native_digits;
        out.emplace_back(core::EditSettings{std::move(edited)});
    }
    end_touch_scroll(ctx, "settings.fields");
}

void draw_languages(const core::Session& session, const ViewContext& ctx, ImVec2 size,
                    std::vector<core::Intent>& out) {
    const ImVec2 top = ImGui::GetCursorPos();
    text::LabelStyle label;
    label.pixel_size = body_px(ctx.theme);
    const ImVec2 label_at = ImGui::GetCursorScreenPos();
    const float label_h = 1.4F * label.pixel_size;
    text::draw_label(*ctx.renderer, ImGui::GetWindowDrawList(), label_at,
                     ImVec2(label_at.x + size.x, label_at.y + label_h),
                     ctx.text("staff.settings.languages"), ctx.language(), label);
    ImGui::Dummy(ImVec2(size.x, label_h));
    if (session.settings_error == kLanguagesPath) {
        ImGui::SetCursorPosX(top.x);  // an item ends its line: back to this column
        error_line(ctx, ctx.text("staff.settings.error_languages"), size.x);
    }
    const float used = ImGui::GetCursorPosY() - top.y;
    const core::KioskSettings& draft = session.settings_draft;
    const std::vector<std::string> offered = offered_codes(draft);

    // Offered languages first, in their order, then the others in the shipped order.
    std::vector<i18n::UiLanguage> rows;
    for (const std::string& code : offered) {
        if (const auto lang = i18n::find_language(code)) {
            rows.push_back(*lang);
        }
    }
    for (const i18n::UiLanguage& lang : i18n::shipped_languages()) {
        if (std::find(offered.begin(), offered.end(), lang.code) == offered.end()) {
            rows.push_back(lang);
        }
    }

    ImGui::SetCursorPosX(top.x);
    begin_touch_scroll(ctx, "settings.languages", ImVec2(size.x, std::max(0.0F, size.y - used)));
    const float gap = ctx.theme.gap;
    const float row_h = std::max(48.0F, 0.8F * ctx.theme.button_h);
    const float full = ImGui::GetContentRegionAvail().x;
    const float width = full - indicator_room(ctx);
    const float up_w = std::min(4.0F * ctx.theme.em, width / 3);
    const float toggle_w = width - up_w - gap;
    const float left = ImGui::GetCursorPosX();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string code(rows[i].code);
        const auto at = std::find(offered.begin(), offered.end(), code);
        const bool on = at != offered.end();
        const float y = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(start_x(left, full, 0, toggle_w, ctx.rtl()), y));
        // The endonym, shaped in its own language, as on Welcome.
        if (choice_button(ctx, "settings.lang." + code, rows[i].endonym, on, toggle_w, row_h,
                          rows[i].code)) {
            std::vector<std::string> next = offered;
            if (!on) {
                next.push_back(code);
            } else if (next.size() > 1) {  // an empty list would mean "all": keep one at least
                next.erase(next.begin() + (at - offered.begin()));
            }
            if (next != offered) {
                core::KioskSettings edited = draft;
                edited.languages = std::move(next);
                out.emplace_back(core::EditSettings{std::move(edited)});
            }
        }
        if (on && at != offered.begin()) {
            ImGui::SetCursorPos(ImVec2(start_x(left, full, toggle_w + gap, up_w, ctx.rtl()), y));
            if (big_button(ctx, "settings.lang_up." + code, ctx.text("staff.settings.move_up"),
                           up_w, row_h)) {
                core::KioskSettings edited = draft;
                edited.languages = offered;
                const auto pos = static_cast<std::ptrdiff_t>(at - offered.begin());
                std::swap(edited.languages[static_cast<std::size_t>(pos)],
                          edited.languages[static_cast<std::size_t>(pos - 1)]);
                out.emplace_back(core::EditSettings{std::move(edited)});
            }
        }
        ImGui::SetCursorPos(ImVec2(left, y + row_h + gap));
    }
    end_touch_scroll(ctx, "settings.languages");
}

}  // namespace

void draw_staff_settings(const core::Session& session, const ViewContext& ctx,
                         std::vector<core::Intent>& out) {
    page_title(ctx, ctx.text("staff.settings.title"));
    ImGui::Dummy(ImVec2(0, 0.2F * ctx.theme.em));

    const float gap = ctx.theme.gap;
    const float bar_h = ctx.theme.button_h;
    const float below = bar_h + gap + keyboard_height(session, ctx);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 origin = ImGui::GetCursorPos();
    const float column_w = (avail.x - 2 * gap) / 2;
    const float column_h = std::max(0.0F, avail.y - below);

    // Fields at the start edge, languages at the end edge.
    ImGui::SetCursorPos(ImVec2(start_x(origin.x, avail.x, 0, column_w, ctx.rtl()), origin.y));
    draw_fields(session, ctx, ImVec2(column_w, column_h), out);
    ImGui::SetCursorPos(
        ImVec2(start_x(origin.x, avail.x, column_w + 2 * gap, column_w, ctx.rtl()), origin.y));
    draw_languages(session, ctx, ImVec2(column_w, column_h), out);

    // The bottom bar, above the keyboard: Back at the start edge, Save at the end edge.
    const ImVec2 min = ImGui::GetWindowContentRegionMin();
    const ImVec2 max = ImGui::GetWindowContentRegionMax();
    const float width = max.x - min.x;
    const float y = max.y - keyboard_height(session, ctx) - bar_h;
    const float w = std::min(ctx.theme.button_min_w * 1.5F, (width - gap) / 2);
    ImGui::SetCursorPos(ImVec2(start_x(min.x, width, 0, w, ctx.rtl()), y));
    if (big_button(ctx, "nav.back", ctx.text("common.back"), w, bar_h)) {
        out.emplace_back(core::Back{});
    }
    if (!session.settings_error.empty() &&
        std::none_of(kFields.begin(), kFields.end(),
                     [&](const Field& f) { return f.path == session.settings_error; }) &&
        session.settings_error != kLanguagesPath) {
        // Not a field's fault: the database could not save. Said between the two buttons.
        const float msg_w = std::max(0.0F, width - 2 * w - 2 * gap);
        const ImVec2 window = ImGui::GetWindowPos();
        text::ParagraphStyle style;
        style.pixel_size = body_px(ctx.theme);
        style.colour = to_imgui(ctx.theme.colors.error);
        style.align = text::Align::centre;
        text::draw_paragraph(*ctx.renderer, ImGui::GetWindowDrawList(),
                             ImVec2(window.x + min.x + w + gap, window.y + y), msg_w,
                             ctx.text("staff.settings.error_store"), ctx.language(), style);
    }
    ImGui::SetCursorPos(ImVec2(start_x(min.x, width, width - w, w, ctx.rtl()), y));
    if (big_button(ctx, "settings.save", ctx.text("staff.settings.save"), w, bar_h)) {
        out.emplace_back(core::SaveSettings{});
    }
}

}  // namespace kiosk::ui

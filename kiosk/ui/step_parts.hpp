// Parts the registration screens share inside the step frame (step_page.hpp): a question line,
// a grid of choice buttons that reads from the start edge (mirrored in right-to-left languages),
// a row with an entry's title and its "remove" button, and the draft edit helper. Header-only so
// each screen's file stays the only place its layout is decided.
#pragma once

#include <imgui.h>

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/session.hpp"
#include "kiosk/i18n/iso_names.hpp"
#include "kiosk/i18n/search_fold.hpp"
#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/step_page.hpp"
#include "kiosk/ui/text/widgets.hpp"
#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/touch_list.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

// One option of a choice grid: its hit id, its visible label, and whether it is chosen now.
struct Choice {
    std::string id;
    std::string label;
    bool selected = false;
};

// A question or a section's heading: one shaped line at body size at the start edge.
inline void question_label(const ViewContext& ctx, std::string_view text) {
    text::LabelStyle style;
    style.pixel_size = body_px(ctx.theme);
    style.colour = to_imgui(ctx.theme.colors.text);
    text::shaped_label(*ctx.renderer, text, ctx.language(), style);
}

// Columns for `choices` in `width`: as many as fit the longest label (never under the theme's
// narrowest button), at most `max_columns`.
inline int choice_columns(const ViewContext& ctx, std::span<const Choice> choices, float width,
                          int max_columns) {
    float widest = ctx.theme.button_min_w;
    for (const Choice& c : choices) {
        const float w =
            text::measure_text(*ctx.renderer, c.label, ctx.language(), body_px(ctx.theme)).x +
            2 * button_label_padding(ctx.theme);
        widest = std::max(widest, w);
    }
    const int fit = static_cast<int>((width + ctx.theme.gap) / (widest + ctx.theme.gap));
    return std::clamp(fit, 1, std::max(1, max_columns));
}

// `choices` as rows of equal choice buttons across the available width at the cursor, the first
// at the start edge. Returns the index of the one tapped this frame.
inline std::optional<std::size_t> choice_grid(const ViewContext& ctx,
                                              std::span<const Choice> choices,
                                              int max_columns = 3) {
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 origin = ImGui::GetCursorPos();
    const int columns = choice_columns(ctx, choices, width, max_columns);
    const auto cols = static_cast<float>(columns);
    const float gap = ctx.theme.gap;
    const float w = (width - gap * (cols - 1)) / cols;
    const float h = ctx.theme.button_h;
    std::optional<std::size_t> tapped;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        const auto col = static_cast<float>(i % static_cast<std::size_t>(columns));
        const auto row = static_cast<float>(i / static_cast<std::size_t>(columns));
        ImGui::SetCursorPos(ImVec2(start_x(origin.x, width, col * (w + gap), w, ctx.rtl()),
                                   origin.y + row * (h + gap)));
        if (choice_button(ctx, choices[i].id, choices[i].label, choices[i].selected, w, h)) {
            tapped = i;
        }
    }
    const std::size_t rows = (choices.size() + static_cast<std::size_t>(columns) - 1) /
                             static_cast<std::size_t>(columns);
    ImGui::SetCursorPos(origin);
    ImGui::Dummy(ImVec2(width, static_cast<float>(rows) * (h + gap) - gap));
    return tapped;
}

// A big button of width `w` at the start edge of a new line. Returns true when tapped.
inline bool start_button(const ViewContext& ctx, std::string_view id, std::string_view label,
                         float w) {
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 origin = ImGui::GetCursorPos();
    w = std::min(w, width);
    ImGui::SetCursorPosX(start_x(origin.x, width, 0, w, ctx.rtl()));
    return big_button(ctx, id, label, w, ctx.theme.button_h);
}

// The width of a button that fits `label` (at least the theme's narrowest button).
inline float fitting_width(const ViewContext& ctx, std::string_view label) {
    const float text_w =
        text::measure_text(*ctx.renderer, label, ctx.language(), body_px(ctx.theme)).x;
    return std::max(ctx.theme.button_min_w, text_w + 2 * button_label_padding(ctx.theme));
}

// An entry's first row: its title at the start edge (shaped in `title_language`, empty: the
// session's) and a button at the end edge ("remove", "cancel"). Returns true when it was tapped.
inline bool entry_header(const ViewContext& ctx, std::string_view title, std::string_view button_id,
                         std::string_view button_label, std::string_view title_language = {}) {
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 origin = ImGui::GetCursorPos();
    const ImVec2 screen = ImGui::GetCursorScreenPos();
    const float w = std::min(fitting_width(ctx, button_label), width / 2);
    const float h = ctx.theme.button_h;
    text::LabelStyle style;
    style.pixel_size = body_px(ctx.theme);
    style.colour = to_imgui(ctx.theme.colors.text);
    // The title takes the rest of the row and sits at its start edge whatever its own script
    // (an English name in an Arabic list is still at the right).
    const std::string_view lang = title_language.empty() ? ctx.language() : title_language;
    const float room = width - w - ctx.theme.gap;
    const float line_w = text::measure_text(*ctx.renderer, title, lang, style.pixel_size).x;
    const float x =
        screen.x + start_x(0, room + w + ctx.theme.gap, 0, std::min(line_w, room), ctx.rtl());
    const ImVec2 min(ctx.rtl() ? screen.x + w + ctx.theme.gap : screen.x, screen.y);
    const ImVec2 max(min.x + room, screen.y + h);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(min, max, true);
    text::draw_label(*ctx.renderer, draw, ImVec2(x, min.y), ImVec2(x + line_w, max.y), title, lang,
                     style);
    draw->PopClipRect();
    ImGui::SetCursorPos(ImVec2(start_x(origin.x, width, width - w, w, ctx.rtl()), origin.y));
    const bool tapped = big_button(ctx, button_id, button_label, w, h);
    ImGui::SetCursorPos(ImVec2(origin.x, origin.y + h + ctx.theme.gap));
    ImGui::Dummy(ImVec2(width, 0));
    return tapped;
}

// A thin line between entries of a list.
inline void entry_separator(const ViewContext& ctx) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y), ImVec2(p.x + width, p.y),
                                        to_imgui(ctx.theme.colors.muted), 1.0F);
    ImGui::Dummy(ImVec2(width, 0.5F * ctx.theme.gap));
}

// One closed question: its label, a grid of its values (hit ids "<field>.<value>", e.g.
// "availability.hours.part_time"), and the validation error of `field` under them. Returns the
// value tapped this frame.
template <class Value, std::size_t N, class Label>
std::optional<Value> choice_question(const core::Session& session, const ViewContext& ctx,
                                     std::string_view question_text, std::string_view field,
                                     const std::array<Value, N>& values,
                                     const std::optional<Value>& current, Label label,
                                     int max_columns = 3) {
    question_label(ctx, question_text);
    std::vector<Choice> choices;
    for (const Value v : values) {
        choices.push_back({std::string(field) + "." + std::string(core::to_string(v)),
                           std::string(label(ctx, v)), current == v});
    }
    const auto tapped = choice_grid(ctx, choices, max_columns);
    field_error(session, ctx, field);
    ImGui::Dummy(ImVec2(0, ctx.theme.gap));
    return tapped ? std::optional<Value>(values[*tapped]) : std::nullopt;
}

// Full time, part time, either: asked on Availability and Preferences.
inline constexpr std::array kHoursChoices = {core::Hours::FullTime, core::Hours::PartTime,
                                             core::Hours::Either};
inline const std::string& hours_label(const ViewContext& ctx, core::Hours value) {
    switch (value) {
        case core::Hours::FullTime:
            return ctx.text("reg.hours.full_time");
        case core::Hours::PartTime:
            return ctx.text("reg.hours.part_time");
        case core::Hours::Either:
            break;
    }
    return ctx.text("reg.hours.either");
}

// Gives `field` the keyboard, as tapping it would (after an EditDraft that created it).
inline void focus_field(const ViewContext& ctx, const std::string& field,
                        std::vector<core::Intent>& out) {
    out.emplace_back(
        core::FocusField{field, std::string(keyboard_layout_for(field, ctx.language()))});
}

// Records the screen's edited copy of the draft.
inline void push_draft(std::vector<core::Intent>& out, core::Registration draft) {
    out.emplace_back(core::EditDraft{std::move(draft)});
}

// The name of `code` in `names`, or the code itself when it is not there.
inline std::string_view iso_name(const std::vector<i18n::IsoName>* names, std::string_view code) {
    if (names != nullptr) {
        for (const i18n::IsoName& n : *names) {
            if (n.code == code) {
                return n.name;
            }
        }
    }
    return code;
}

// The rows of a pick list of ISO names: the codes of `first` (in that order), then every other
// name in list order, leaving out the codes in `hide`; when the person has typed a search, only
// the names whose localized or English form matches it (search_fold.hpp).
inline std::vector<ListItem> iso_items(const core::Session& session, const ViewContext& ctx,
                                       const std::vector<i18n::IsoName>* names,
                                       std::span<const std::string_view> first,
                                       std::span<const std::string> hide) {
    std::vector<ListItem> items;
    if (names == nullptr) {
        return items;
    }
    const i18n::SearchQuery query(session.search, ctx.language());
    const auto add = [&](const i18n::IsoName& n) {
        if (std::find(hide.begin(), hide.end(), n.code) == hide.end() &&
            (query.empty() || query.matches(n.name) || query.matches(n.english))) {
            items.push_back({n.code, n.name, {}, false});
        }
    };
    for (const std::string_view code : first) {
        const auto it = std::find_if(names->begin(), names->end(),
                                     [code](const i18n::IsoName& n) { return n.code == code; });
        if (it != names->end()) {
            add(*it);
        }
    }
    for (const i18n::IsoName& n : *names) {
        if (std::find(first.begin(), first.end(), n.code) == first.end()) {
            add(n);
        }
    }
    return items;
}

// A searchable pick list: the "search" text field, then `items` in a touch list filling
// `height` (or "nothing found"). Returns the id of the row tapped.
inline std::optional<std::string> search_list(const core::Session& session, const ViewContext& ctx,
                                              std::string_view list_id,
                                              std::span<const ListItem> items, float height,
                                              std::vector<core::Intent>& out) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float top = ImGui::GetCursorPosY();
    text_field(session, ctx, "search", "common.search", width, out);
    if (items.empty()) {
        question_label(ctx, ctx.text("reg.search.no_results"));
        return std::nullopt;
    }
    const float used = ImGui::GetCursorPosY() - top;
    const float rows_h = std::max(height - used, 3 * ctx.theme.button_h);
    return touch_list(ctx, list_id, items, ImVec2(width, rows_h));
}

}  // namespace kiosk::ui

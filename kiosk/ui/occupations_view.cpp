// Screen::Occupations: the jobs and skills a person has. What they chose from the catalogue
// shows as chips at the top (tap one to take it back); what they wrote in their own words shows
// as text fields ("occupations[i].free_text") with "remove"; below, the catalogue
// (assets/occupations, ctx.occupations) as a searchable list, without what is already chosen.
#include <algorithm>
#include <string>

#include "kiosk/i18n/occupations.hpp"
#include "kiosk/ui/step_page.hpp"
#include "kiosk/ui/step_parts.hpp"
#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/touch_list.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

namespace {

std::string_view occupation_label(const ViewContext& ctx, std::string_view id) {
    return ctx.occupations != nullptr ? ctx.occupations->label(id, ctx.language()) : id;
}

core::Registration without(const core::Session& session, std::size_t i) {
    core::Registration edited = session.draft;
    edited.occupations.erase(edited.occupations.begin() + static_cast<std::ptrdiff_t>(i));
    return edited;
}

// The chosen catalogue entries as chips flowing from the start edge, wrapping as needed.
void draw_chips(const core::Session& session, const ViewContext& ctx,
                std::vector<core::Intent>& out) {
    const auto& chosen = session.draft.occupations;
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 origin = ImGui::GetCursorPos();
    const float h = ctx.theme.button_h;
    const float gap = ctx.theme.gap;
    float x = 0;
    float y = 0;
    bool any = false;
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        if (chosen[i].catalogue_id.empty()) {
            continue;
        }
        // "×" marks the chip as something that goes away when tapped.
        const std::string label = "× " + std::string(occupation_label(ctx, chosen[i].catalogue_id));
        const float w = std::min(fitting_width(ctx, label), width);
        if (x > 0 && x + w > width) {
            x = 0;
            y += h + gap;
        }
        ImGui::SetCursorPos(ImVec2(start_x(origin.x, width, x, w, ctx.rtl()), origin.y + y));
        const std::string id = "occupations[" + std::to_string(i) + "].remove";
        if (choice_button(ctx, id, label, true, w, h)) {
            push_draft(out, without(session, i));
        }
        x += w + gap;
        any = true;
    }
    ImGui::SetCursorPos(origin);
    if (any) {
        ImGui::Dummy(ImVec2(width, y + h));
    }
}

// What the person wrote in their own words, each a text field with "remove".
void draw_own_words(const core::Session& session, const ViewContext& ctx,
                    std::vector<core::Intent>& out) {
    const auto& chosen = session.draft.occupations;
    const float width = ImGui::GetContentRegionAvail().x;
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        const std::string path = "occupations[" + std::to_string(i) + "]";
        if (!chosen[i].catalogue_id.empty()) {
            field_error(session, ctx, path + ".catalogue_id");
            continue;
        }
        if (entry_header(ctx, ctx.text("reg.occupations_free_text.label"), path + ".remove",
                         ctx.text("reg.entry.remove"))) {
            push_draft(out, without(session, i));
        }
        text_field(session, ctx, path + ".free_text", "reg.occupations_free_text.label", width,
                   out);
        field_error(session, ctx, path);  // both an id and words: one or the other
    }
}

// The catalogue rows for the session's search, without the entries already chosen.
std::vector<ListItem> catalogue_items(const core::Session& session, const ViewContext& ctx) {
    std::vector<ListItem> items;
    if (ctx.occupations == nullptr) {
        return items;
    }
    const auto found = ctx.occupations->search(session.search, ctx.language());
    if (!found) {
        return items;
    }
    const auto& chosen = session.draft.occupations;
    for (const std::size_t i : *found) {
        const std::string& id = ctx.occupations->entries()[i].id;
        const bool taken =
            std::any_of(chosen.begin(), chosen.end(),
                        [&](const core::Occupation& o) { return o.catalogue_id == id; });
        if (!taken) {
            items.push_back(
                {id, std::string(ctx.occupations->label_at(i, ctx.language())), {}, false});
        }
    }
    return items;
}

}  // namespace

void draw_occupations(const core::Session& session, const ViewContext& ctx,
                      std::vector<core::Intent>& out) {
    const ImVec2 area = begin_step_page(session, ctx, "reg.occupations.title");
    begin_touch_scroll(ctx, "occupations.scroll", area);
    const float top = ImGui::GetCursorPosY();
    draw_chips(session, ctx, out);
    draw_own_words(session, ctx, out);
    field_error(session, ctx, "occupations");

    const std::string& own = ctx.text("reg.occupations.own_words");
    if (start_button(ctx, "occupations.own_words", own, fitting_width(ctx, own))) {
        core::Registration edited = session.draft;
        edited.occupations.emplace_back();
        const std::string field =
            "occupations[" + std::to_string(edited.occupations.size() - 1) + "].free_text";
        push_draft(out, std::move(edited));
        focus_field(ctx, field, out);
    }
    question_label(ctx, ctx.text("reg.occupations.add"));
    const auto items = catalogue_items(session, ctx);
    const float list_h = area.y - (ImGui::GetCursorPosY() - top);
    if (const auto id = search_list(session, ctx, "occupations.list", items, list_h, out)) {
        core::Registration edited = session.draft;
        edited.occupations.push_back(core::Occupation{*id, {}});
        push_draft(out, std::move(edited));
        if (session.focus) {
            out.emplace_back(core::CloseKeyboard{});
        }
    }
    end_touch_scroll(ctx, "occupations.scroll");
    end_step_page(session, ctx, out);
}

}  // namespace kiosk::ui

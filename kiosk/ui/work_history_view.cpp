// Screen::WorkHistory: the jobs a person has had, 0..n entries, each with what they did
// ("work_history[i].role"), the country (picked from the iso-codes list), the years from and
// until (number pad), or "I still work there". No entry at all means no work history.
//
// The country list is shown under the first entry that has no country yet (a new entry starts
// that way; "change" empties it again), so which list is open follows from the draft alone.
#include <algorithm>
#include <string>

#include "kiosk/ui/step_page.hpp"
#include "kiosk/ui/step_parts.hpp"
#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/touch_list.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

namespace {

core::Registration with_entry(const core::Session& session, std::size_t i,
                              const core::WorkEntry& entry) {
    core::Registration edited = session.draft;
    edited.work_history[i] = entry;
    return edited;
}

// The country: a picker while it is empty (only for `picking`), else its name with "change".
void draw_country(const core::Session& session, const ViewContext& ctx, std::size_t i, bool picking,
                  float area_h, std::vector<core::Intent>& out) {
    const core::WorkEntry& entry = session.draft.work_history[i];
    const std::string path = "work_history[" + std::to_string(i) + "].country";
    question_label(ctx, ctx.text("reg.work_history_country.label"));
    if (!entry.country.empty()) {
        const Choice chosen{path, std::string(iso_name(ctx.iso_countries, entry.country)), true};
        if (choice_grid(ctx, std::span(&chosen, 1), 1)) {
            core::WorkEntry changed = entry;
            changed.country.clear();  // opens the list again
            push_draft(out, with_entry(session, i, changed));
        }
    } else if (picking) {
        // The person's nationality first: the most likely country of past work.
        const std::string_view nationality = session.draft.nationality;
        const std::string_view first[] = {nationality};
        const auto items = iso_items(session, ctx, ctx.iso_countries, first, {});
        if (const auto code = search_list(session, ctx, path, items, 0.7F * area_h, out)) {
            core::WorkEntry changed = entry;
            changed.country = *code;
            push_draft(out, with_entry(session, i, changed));
            if (session.focus) {
                out.emplace_back(core::CloseKeyboard{});
            }
        }
    }
    field_error(session, ctx, path);
}

// From and until side by side (until at the end edge), then "I still work there".
void draw_years(const core::Session& session, const ViewContext& ctx, std::size_t i,
                std::vector<core::Intent>& out) {
    const core::WorkEntry& entry = session.draft.work_history[i];
    const std::string path = "work_history[" + std::to_string(i) + "]";
    const float width = ImGui::GetContentRegionAvail().x;
    const float half = (width - ctx.theme.gap) / 2;
    const ImVec2 origin = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(start_x(origin.x, width, 0, half, ctx.rtl()), origin.y));
    float used = text_field(session, ctx, path + ".from_year", "reg.work_history_from_year.label",
                            half, out);
    if (!entry.ongoing) {
        ImGui::SetCursorPos(
            ImVec2(start_x(origin.x, width, width - half, half, ctx.rtl()), origin.y));
        used = std::max(used, text_field(session, ctx, path + ".to_year",
                                         "reg.work_history_to_year.label", half, out));
    }
    ImGui::SetCursorPos(ImVec2(origin.x, origin.y + used));
    ImGui::Dummy(ImVec2(width, 0));
    const Choice ongoing{path + ".ongoing", ctx.text("reg.work_history_ongoing.label"),
                         entry.ongoing};
    if (choice_grid(ctx, std::span(&ongoing, 1), 1)) {
        core::WorkEntry changed = entry;
        changed.ongoing = !entry.ongoing;
        if (changed.ongoing) {
            changed.to_year.reset();  // validation refuses an end year for a job still held
        }
        push_draft(out, with_entry(session, i, changed));
    }
}

}  // namespace

void draw_work_history(const core::Session& session, const ViewContext& ctx,
                       std::vector<core::Intent>& out) {
    const ImVec2 area = begin_step_page(session, ctx, "reg.work_history.title");
    begin_touch_scroll(ctx, "work_history.scroll", area);
    const auto& jobs = session.draft.work_history;
    const float width = ImGui::GetContentRegionAvail().x;
    if (jobs.empty()) {
        question_label(ctx, ctx.text("reg.work_history.none"));
    }
    const auto picking = static_cast<std::size_t>(
        std::find_if(jobs.begin(), jobs.end(),
                     [](const core::WorkEntry& job) { return job.country.empty(); }) -
        jobs.begin());
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        const std::string path = "work_history[" + std::to_string(i) + "]";
        if (entry_header(ctx, ctx.translator->count(static_cast<std::int64_t>(i) + 1),
                         path + ".remove", ctx.text("reg.entry.remove"))) {
            core::Registration edited = session.draft;
            edited.work_history.erase(edited.work_history.begin() + static_cast<std::ptrdiff_t>(i));
            push_draft(out, std::move(edited));
        }
        text_field(session, ctx, path + ".role", "reg.work_history_role.label", width, out);
        draw_country(session, ctx, i, i == picking, area.y, out);
        draw_years(session, ctx, i, out);
        entry_separator(ctx);
    }
    const std::string& add = ctx.text("reg.work_history.add");
    if (start_button(ctx, "work_history.add", add, fitting_width(ctx, add))) {
        core::Registration edited = session.draft;
        edited.work_history.emplace_back();
        const std::string field =
            "work_history[" + std::to_string(edited.work_history.size() - 1) + "].role";
        push_draft(out, std::move(edited));
        focus_field(ctx, field, out);
    }
    field_error(session, ctx, "work_history");
    end_touch_scroll(ctx, "work_history.scroll");
    end_step_page(session, ctx, out);
}

}  // namespace kiosk::ui

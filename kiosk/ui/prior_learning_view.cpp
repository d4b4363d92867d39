// Screen::PriorLearning: courses, training and skills learned outside school, each a text
// ("prior_learning[i].description") and an "I have documents" toggle, added and removed freely.
// Having none is a fine answer.
#include <string>

#include "kiosk/ui/step_page.hpp"
#include "kiosk/ui/step_parts.hpp"
#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/touch_list.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

void draw_prior_learning(const core::Session& session, const ViewContext& ctx,
                         std::vector<core::Intent>& out) {
    const ImVec2 area = begin_step_page(session, ctx, "reg.prior_learning.title");
    begin_touch_scroll(ctx, "prior_learning.scroll", area);
    const auto& items = session.draft.prior_learning;
    const float width = ImGui::GetContentRegionAvail().x;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string path = "prior_learning[" + std::to_string(i) + "]";
        if (entry_header(ctx, ctx.translator->count(static_cast<std::int64_t>(i) + 1),
                         path + ".remove", ctx.text("reg.entry.remove"))) {
            core::Registration edited = session.draft;
            edited.prior_learning.erase(edited.prior_learning.begin() +
                                        static_cast<std::ptrdiff_t>(i));
            push_draft(out, std::move(edited));
        }
        text_field(session, ctx, path + ".description", "reg.prior_learning_description.label",
                   width, out);
        const Choice documents{path + ".has_documents",
                               ctx.text("reg.prior_learning_has_documents.label"),
                               items[i].has_documents};
        if (choice_grid(ctx, std::span(&documents, 1), 1)) {
            core::Registration edited = session.draft;
            edited.prior_learning[i].has_documents = !items[i].has_documents;
            push_draft(out, std::move(edited));
        }
        entry_separator(ctx);
    }
    const std::string& add = ctx.text("reg.prior_learning.add");
    if (start_button(ctx, "prior_learning.add", add, fitting_width(ctx, add))) {
        core::Registration edited = session.draft;
        edited.prior_learning.push_back({});
        const std::string field =
            "prior_learning[" + std::to_string(edited.prior_learning.size() - 1) + "].description";
        push_draft(out, std::move(edited));
        focus_field(ctx, field, out);  // the keyboard opens on the new entry
    }
    field_error(session, ctx, "prior_learning");
    end_touch_scroll(ctx, "prior_learning.scroll");
    end_step_page(session, ctx, out);
}

}  // namespace kiosk::ui

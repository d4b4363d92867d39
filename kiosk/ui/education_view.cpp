// Screen::Education — PLACEHOLDER: the step frame only (title, progress, Back/Next) until its
// fields are built.
#include "kiosk/ui/step_page.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

void draw_education(const core::Session& session, const ViewContext& ctx,
                    std::vector<core::Intent>& out) {
    begin_step_page(session, ctx, "step.education.title");
    end_step_page(session, ctx, out);
}

}  // namespace kiosk::ui

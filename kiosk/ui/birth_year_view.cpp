// Screen::BirthYear — PLACEHOLDER: the step frame only (title, progress, Back/Next) until its
// fields are built.
#include "kiosk/ui/step_page.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

void draw_birth_year(const core::Session& session, const ViewContext& ctx,
                     std::vector<core::Intent>& out) {
    begin_step_page(session, ctx, "step.birth_year.title");
    end_step_page(session, ctx, out);
}

}  // namespace kiosk::ui

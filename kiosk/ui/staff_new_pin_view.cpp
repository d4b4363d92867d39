// Screen::StaffNewPin: the signed-in staff member types a new PIN twice. It is the PIN pad of
// staff_pin_view.cpp; that view reads the screen to choose its title and hint, and the reducer
// turns OK into a change request here.
#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

void draw_staff_new_pin(const core::Session& session, const ViewContext& ctx,
                        std::vector<core::Intent>& out) {
    draw_staff_pin(session, ctx, out);
}

}  // namespace kiosk::ui

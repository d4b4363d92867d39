// TouchPointer: hide the pointer the frame after a release.
#include "platform/touch_pointer.hpp"

namespace kiosk::platform {

PointerSample TouchPointer::filter(PointerSample raw, float off_screen) {
    const bool released_now = was_down_ && !raw.down;
    was_down_ = raw.down;
    if (released_now) {
        // Keep the position this frame: the click is only seen where the button is.
        parked_ = true;
        release_x_ = raw.x;
        release_y_ = raw.y;
        return raw;
    }
    if (parked_ && !raw.down && raw.x == release_x_ && raw.y == release_y_) {
        return PointerSample{off_screen, off_screen, false};
    }
    parked_ = false;
    return raw;
}

}  // namespace kiosk::platform

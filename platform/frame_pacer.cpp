// FramePacer: the sleep decision of the event-driven loop, kept pure so it is tested without a
// window.
#include "platform/frame_pacer.hpp"

namespace kiosk::platform {

std::optional<Millis> FramePacer::sleep_for(Millis now, std::optional<Millis> deadline) const {
    if (pending_ > 0) {
        return Millis{0};
    }
    if (!deadline) {
        return std::nullopt;
    }
    return *deadline > now ? *deadline - now : Millis{0};
}

}  // namespace kiosk::platform

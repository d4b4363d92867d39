// When the kiosk draws: only when something changed. After input (or at start) a few frames run
// back to back so ImGui settles (press/release, layout measured in one frame and used in the
// next); otherwise the loop sleeps until the next timer deadline or an event. Continuous
// rendering would burn most of a core on a software GL stack (FIELD-NOTES, "Idle").
#pragma once

#include <optional>

#include "kiosk/core/clock.hpp"

namespace kiosk::platform {

class FramePacer {
  public:
    // Frames drawn after each input without waiting.
    static constexpr int kSettleFrames = 3;

    // Something happened (input, resize, start): draw the next kSettleFrames frames without
    // waiting.
    void on_activity() { pending_ = kSettleFrames; }

    // A frame was drawn.
    void frame_drawn() {
        if (pending_ > 0) {
            --pending_;
        }
    }

    // How long the loop may sleep before the next frame at time `now`: zero while settle frames
    // are pending, the time left to `deadline` when there is one (zero if it has passed), and
    // nullopt (sleep until an event) otherwise.
    std::optional<Millis> sleep_for(Millis now, std::optional<Millis> deadline) const;

    bool settling() const { return pending_ > 0; }

  private:
    int pending_ = kSettleFrames;  // the first frames settle the first layout
};

}  // namespace kiosk::platform

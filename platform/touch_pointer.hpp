// Touch screens have no hover: after a finger lifts, the pointer must not stay over the last
// button it touched, or that button looks "hovered" until the next tap (ocornut/imgui #1470,
// #2074). X11 reports the finger as a mouse that stays where it was lifted. This filter keeps the
// position for the release frame (ImGui needs it there to see the click) and moves it off-screen
// from the next frame on, until the pointer moves again (a real mouse used by staff) or presses.
#pragma once

namespace kiosk::platform {

struct PointerSample {
    float x = 0;
    float y = 0;
    bool down = false;
};

class TouchPointer {
  public:
    // Takes the backend's sample for this frame and returns what ImGui should see. `off_screen`
    // is the coordinate used for "no pointer" (ImGui uses -FLT_MAX).
    PointerSample filter(PointerSample raw, float off_screen);

  private:
    bool was_down_ = false;
    bool parked_ = false;  // the pointer is hidden until it moves or presses again
    float release_x_ = 0;
    float release_y_ = 0;
};

}  // namespace kiosk::platform

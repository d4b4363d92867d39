// A headless ImGui harness for view tests: a real ImGui context with the kiosk's real fonts
// and theme, no window and no GPU. Input is fed as ImGui 1.86 expects it (pointer position and
// button state set before NewFrame), one frame at a time.
#pragma once

#include <imgui.h>

#include <optional>
#include <vector>

#include "kiosk/core/session.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::test {

struct Pointer {
    float x = -FLT_MAX;  // off-screen: no finger
    float y = -FLT_MAX;
    bool down = false;
};

class HeadlessUi {
  public:
    HeadlessUi(int width, int height);
    ~HeadlessUi();
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    // Runs one frame of draw_screen(session) at monotonic time `now` with `pointer`; returns
    // the frame's intents.
    std::vector<core::Intent> frame(const core::Session& session, Pointer pointer = {},
                                    Millis now = Millis{0});

    // A finger tapping the centre of `rect`: a frame to move there, one pressed, one released
    // (ImGui 1.86 sees a click only across frames). Returns the intents of all three.
    std::vector<core::Intent> tap(const core::Session& session, const ui::Rect& rect,
                                  Millis now = Millis{0});

    const ui::HitMap& hits() const { return hits_; }
    const ui::ViewContext& context() const { return ctx_; }
    ui::GlyphAudit& glyphs() { return glyphs_; }
    // Vertex colours of the last frame's draw data.
    bool last_frame_used_colour(std::uint32_t rgb) const;

  private:
    ImGuiContext* imgui_ = nullptr;
    ui::HitMap hits_;
    ui::GlyphAudit glyphs_;
    ui::ViewContext ctx_;
};

// English text for the keys the views use, as the app's placeholder gives it.
std::string test_text(std::string_view key);

}  // namespace kiosk::test

// A headless ImGui harness for view tests: a real ImGui context with the kiosk's real catalogue,
// fonts, shaper, glyph cache (on the CPU texture backend) and theme; no window and no GPU. Input
// is fed as ImGui 1.86 expects it (pointer position and button state set before NewFrame), one
// frame at a time.
#pragma once

#include <imgui.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/kiosk_loop.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/i18n/catalogue.hpp"
#include "kiosk/i18n/font_set.hpp"
#include "kiosk/i18n/shaper.hpp"
#include "kiosk/ui/text/glyph_cache.hpp"
#include "kiosk/ui/text/text_renderer.hpp"
#include "kiosk/ui/text/texture_backend.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::test {

struct Pointer {
    float x = -FLT_MAX;  // off-screen: no finger
    float y = -FLT_MAX;
    bool down = false;
};

// ImGui's own font atlas texture in the harness: distinct from the glyph cache's CPU texture
// ids (small integers from 1), so a test can tell which drew what.
inline const ImTextureID kImGuiAtlasTexture =
    reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(0x7F000));

class HeadlessUi {
  public:
    HeadlessUi(int width, int height);
    ~HeadlessUi();
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    // Runs one frame of draw_screen(session) at monotonic time `now` with `pointer`, then
    // uploads new glyphs as the app does; returns the frame's intents.
    std::vector<core::Intent> frame(const core::Session& session, Pointer pointer = {},
                                    Millis now = Millis{0});

    // A finger tapping the centre of `rect`: a frame to move there, one pressed, one released
    // (ImGui 1.86 sees a click only across frames). Returns the intents of all three.
    std::vector<core::Intent> tap(const core::Session& session, const ui::Rect& rect,
                                  Millis now = Millis{0});

    const ui::HitMap& hits() const { return app_.hits; }
    // The app's state between frames, for what the app would have read from the store (the
    // job offers, the kiosk status) before the next frame.
    app::AppState& state() { return app_; }
    // The context of the last frame (or of the default language before any frame).
    ui::ViewContext context() { return app::view_context(resources_, app_); }
    ui::GlyphAudit& glyphs() { return app_.glyphs; }
    const i18n::Catalogue& catalogue() const { return *catalogue_; }
    const i18n::FontSet& font_set() const { return *fonts_; }
    ui::text::TextRenderer& renderer() { return *renderer_; }
    const ui::text::CpuTextureBackend& textures() const { return textures_; }
    // Vertex colours of the last frame's draw data.
    bool last_frame_used_colour(std::uint32_t rgb) const;

  private:
    ImGuiContext* imgui_ = nullptr;
    std::optional<i18n::Catalogue> catalogue_;
    std::optional<i18n::FontSet> fonts_;
    std::unique_ptr<i18n::Shaper> shaper_;
    ui::text::CpuTextureBackend textures_;
    std::unique_ptr<ui::text::GlyphCache> cache_;
    std::optional<ui::text::TextRenderer> renderer_;
    app::ViewResources resources_;
    app::AppState app_;
};

// English text for a key, from the shipped catalogue.
std::string test_text(std::string_view key);

}  // namespace kiosk::test

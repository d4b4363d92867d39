// GlTextureBackend: glyph-cache pages as OpenGL textures (GL 3 core or later; only calls that
// exist since GL 1.1, so no loader is needed). Use it on the thread that owns the GL context,
// after the context is current; destroy it before the context goes away.
#pragma once

#include "kiosk/ui/text/texture_backend.hpp"

namespace kiosk::ui::text {

class GlTextureBackend final : public TextureBackend {
  public:
    kiosk::Result<ImTextureID> create(int width, int height) override;
    void update(ImTextureID texture, const PixelRect& rect) override;
    void destroy(ImTextureID texture) override;
};

}  // namespace kiosk::ui::text

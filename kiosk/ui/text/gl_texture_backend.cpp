// GlTextureBackend: glTexImage2D to create a page, glTexSubImage2D of only the changed rectangle.
#include "kiosk/ui/text/gl_texture_backend.hpp"

#include <cstdint>
#include <string>

#include <GL/gl.h>

namespace kiosk::ui::text {
namespace {

GLuint gl_name(ImTextureID id) {
    return static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(id));
}

// Pixel-store state is shared with ImGui's own backend; put back whatever we change.
class UnpackStateGuard {
  public:
    UnpackStateGuard() {
        glGetIntegerv(GL_UNPACK_ALIGNMENT, &alignment_);
        glGetIntegerv(GL_UNPACK_ROW_LENGTH, &row_length_);
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &binding_);
    }
    ~UnpackStateGuard() {
        glPixelStorei(GL_UNPACK_ALIGNMENT, alignment_);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, row_length_);
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(binding_));
    }
    UnpackStateGuard(const UnpackStateGuard&) = delete;
    UnpackStateGuard& operator=(const UnpackStateGuard&) = delete;

  private:
    GLint alignment_ = 4;
    GLint row_length_ = 0;
    GLint binding_ = 0;
};

}  // namespace

kiosk::Result<ImTextureID> GlTextureBackend::create(int width, int height) {
    if (width <= 0 || height <= 0) {
        return kiosk::make_error("ui_text.texture_size", "texture size must be positive");
    }
    UnpackStateGuard guard;
    while (glGetError() != GL_NO_ERROR) {
        // Drop errors left by earlier code so the check below is about this texture only.
    }
    GLuint tex = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    // Quads are drawn at whole pixels and 1:1 scale, so linear filtering samples texel centres;
    // it only blends when the UI is scaled, and the 1-px gutter keeps neighbours out.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    // Start transparent: a texture created without data has undefined contents.
    const PixelBuffer transparent =
        allocate_zeroed(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    if (!transparent) {
        glDeleteTextures(1, &tex);
        return kiosk::make_error("ui_text.out_of_memory", "no memory to clear a glyph texture");
    }
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 transparent.get());
    const GLenum err = glGetError();
    if (err != GL_NO_ERROR) {
        glDeleteTextures(1, &tex);
        return kiosk::make_error("ui_text.gl_texture", "creating a " + std::to_string(width) + "x" +
                                                           std::to_string(height) +
                                                           " glyph texture failed, GL error " +
                                                           std::to_string(err));
    }
    return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(tex));
}

void GlTextureBackend::update(ImTextureID texture, const PixelRect& rect) {
    UnpackStateGuard guard;
    glBindTexture(GL_TEXTURE_2D, gl_name(texture));
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, static_cast<GLint>(rect.row_stride / 4));
    glTexSubImage2D(GL_TEXTURE_2D, 0, rect.x, rect.y, rect.width, rect.height, GL_RGBA,
                    GL_UNSIGNED_BYTE, rect.pixels);
}

void GlTextureBackend::destroy(ImTextureID texture) {
    const GLuint tex = gl_name(texture);
    glDeleteTextures(1, &tex);
}

}  // namespace kiosk::ui::text

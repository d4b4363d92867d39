// Framebuffer read-back and PNG encoding. stb_image_write's implementation is compiled into
// Debian's libstb, so only its declarations are included here.
#include "platform/screenshot.hpp"

#include <GLFW/glfw3.h>  // also brings in <GL/gl.h>
#include <stb_image_write.h>

#include <cstring>

namespace kiosk::platform {

Image read_framebuffer(int width, int height) {
    Image image;
    image.width = width;
    image.height = height;
    const auto row = static_cast<std::size_t>(width) * 4;
    image.rgba.resize(row * static_cast<std::size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    // GL's rows run bottom to top; images run top to bottom.
    std::vector<std::uint8_t> swap(row);
    for (int y = 0; y < height / 2; ++y) {
        std::uint8_t* top = image.rgba.data() + static_cast<std::size_t>(y) * row;
        std::uint8_t* bottom = image.rgba.data() + static_cast<std::size_t>(height - 1 - y) * row;
        std::memcpy(swap.data(), top, row);
        std::memcpy(top, bottom, row);
        std::memcpy(bottom, swap.data(), row);
    }
    return image;
}

Status write_png(const std::filesystem::path& path, const Image& image) {
    const int ok = stbi_write_png(path.c_str(), image.width, image.height, 4, image.rgba.data(),
                                  image.width * 4);
    if (ok == 0) {
        return make_error("platform.png_write", "cannot write PNG " + path.string());
    }
    return Ok{};
}

}  // namespace kiosk::platform

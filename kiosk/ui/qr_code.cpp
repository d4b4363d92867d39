// QR codes: libqrencode's symbol as a plain matrix, drawn pixel-exact with ImGui's draw list.
#include "kiosk/ui/qr_code.hpp"

#include <qrencode.h>

#include <cerrno>
#include <cmath>
#include <memory>
#include <string>

#include "kiosk/ui/theme.hpp"

namespace kiosk::ui {

namespace {

struct QrFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

// Scanners need contrast, not the theme: pure black on pure white.
constexpr std::uint32_t kDark = 0x000000;
constexpr std::uint32_t kLight = 0xFFFFFF;

}  // namespace

Result<QrMatrix> encode_qr(std::string_view text) {
    if (text.empty()) {
        return make_error("qr.empty", "no text to encode in a QR code");
    }
    if (text.find('\0') != std::string_view::npos) {
        return make_error("qr.encode", "the text for a QR code holds a NUL byte");
    }
    const std::string terminated(text);
    errno = 0;
    // Version 0: the smallest that holds the text. QR_MODE_8 as the hint keeps non-alphanumeric
    // bytes (UTF-8) as they are; case-sensitive so lower-case letters are not upper-cased.
    const std::unique_ptr<QRcode, QrFree> code(
        QRcode_encodeString(terminated.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code) {
        if (errno == ERANGE) {
            return make_error("qr.too_long", "the text is too long for a QR code (" +
                                                 std::to_string(text.size()) + " bytes)");
        }
        return make_error("qr.encode", "libqrencode failed (errno " + std::to_string(errno) + ")");
    }
    QrMatrix matrix;
    matrix.version = code->version;
    matrix.side = code->width;
    const auto count =
        static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
    matrix.modules.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        matrix.modules[i] = (code->data[i] & 1U) != 0;  // bit 0: dark; the others are metadata
    }
    return matrix;
}

int qr_module_px(const QrMatrix& matrix, float max_px) {
    const int modules = matrix.side + 2 * kQrQuietZone;
    if (matrix.side <= 0 || !(max_px >= 1.0F)) {
        return 0;
    }
    return static_cast<int>(std::floor(max_px)) / modules;
}

int qr_side_px(const QrMatrix& matrix, int module_px) {
    return (matrix.side + 2 * kQrQuietZone) * module_px;
}

std::pair<ImVec2, ImVec2> draw_qr(ImDrawList* draw, ImVec2 top_left, const QrMatrix& matrix,
                                  int module_px) {
    const ImVec2 min(std::floor(top_left.x), std::floor(top_left.y));
    const auto side = static_cast<float>(qr_side_px(matrix, module_px));
    const ImVec2 max(min.x + side, min.y + side);
    if (module_px <= 0 || matrix.side <= 0) {
        return {min, min};
    }
    draw->AddRectFilled(min, max, to_imgui(kLight));
    const auto m = static_cast<float>(module_px);
    const float origin_x = min.x + static_cast<float>(kQrQuietZone) * m;
    const float origin_y = min.y + static_cast<float>(kQrQuietZone) * m;
    const ImU32 dark = to_imgui(kDark);
    for (int y = 0; y < matrix.side; ++y) {
        const float top = origin_y + static_cast<float>(y) * m;
        int x = 0;
        while (x < matrix.side) {
            if (!matrix.dark(x, y)) {
                ++x;
                continue;
            }
            const int run_start = x;
            while (x < matrix.side && matrix.dark(x, y)) {
                ++x;
            }
            // One rectangle per run: a third of the vertices of one per module, same pixels.
            draw->AddRectFilled(ImVec2(origin_x + static_cast<float>(run_start) * m, top),
                                ImVec2(origin_x + static_cast<float>(x) * m, top + m), dark);
        }
    }
    return {min, max};
}

}  // namespace kiosk::ui

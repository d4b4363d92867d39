// libqrencode → half-block text.
#include "sync/server/qr.hpp"

#include <qrencode.h>

#include <memory>

namespace kiosk::sync {

Result<std::string> render_qr_halfblocks(std::string_view text) {
    const std::string input(text);
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
        QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!qr) {
        return make_error("qr.encode", "cannot encode a QR code for this text");
    }
    constexpr int kQuiet = 2;
    const int width = qr->width;
    const int side = width + 2 * kQuiet;
    // Bit 0 of each module byte is "dark"; outside the symbol is the light quiet zone.
    auto light = [&](int x, int y) {
        const int mx = x - kQuiet;
        const int my = y - kQuiet;
        if (mx < 0 || my < 0 || mx >= width || my >= width) {
            return true;
        }
        return (qr->data[my * width + mx] & 1) == 0;
    };
    std::string out;
    for (int y = 0; y < side; y += 2) {
        for (int x = 0; x < side; ++x) {
            const bool top = light(x, y);
            const bool bottom = y + 1 < side ? light(x, y + 1) : false;
            out += top && bottom ? "\u2588" : top ? "\u2580" : bottom ? "\u2584" : " ";
        }
        out += '\n';
    }
    return out;
}

}  // namespace kiosk::sync

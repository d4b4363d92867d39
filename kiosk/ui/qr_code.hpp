// QR codes for the confirmation screen: the reference code encoded with libqrencode, and the
// module matrix drawn as filled squares. A phone or a staff scanner reads it only if every module
// is a whole number of pixels, dark on light, with a quiet zone of 4 light modules around it
// (ISO/IEC 18004), so the drawing here snaps to pixels and never scales by a fraction.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include <imgui.h>

#include "kiosk/core/result.hpp"

namespace kiosk::ui {

// Light modules kept around the symbol on every side (the standard's minimum).
inline constexpr int kQrQuietZone = 4;

// A QR symbol: side × side modules, row by row from the top left, true where the module is dark.
struct QrMatrix {
    int version = 0;  // 1 (21 × 21) ... 40 (177 × 177)
    int side = 0;
    std::vector<bool> modules;

    bool dark(int x, int y) const {
        return modules[static_cast<std::size_t>(y) * static_cast<std::size_t>(side) +
                       static_cast<std::size_t>(x)];
    }
};

// Encodes `text` at error correction level M (15% of the symbol may be lost: a smudged screen,
// a reflection), in the smallest version that holds it; libqrencode picks numeric, alphanumeric
// or 8-bit segments (UTF-8 is kept as bytes). Errors: "qr.empty" (nothing to encode),
// "qr.too_long" (more than a version 40 symbol holds), "qr.encode" (a NUL byte in the text, or
// libqrencode failed otherwise, e.g. out of memory).
Result<QrMatrix> encode_qr(std::string_view text);

// The largest whole module size in pixels at which the symbol and its quiet zone fit in a square
// of `max_px`; 0 when not even one pixel per module fits (the caller then draws nothing).
int qr_module_px(const QrMatrix& matrix, float max_px);

// Side in pixels of the drawn symbol, quiet zone included, at `module_px`.
int qr_side_px(const QrMatrix& matrix, int module_px);

// Draws the symbol with its quiet zone, its top left corner at `top_left` rounded down to whole
// pixels: a light square, then each horizontal run of dark modules as one filled rectangle.
// Returns the square drawn (min, max).
std::pair<ImVec2, ImVec2> draw_qr(ImDrawList* draw, ImVec2 top_left, const QrMatrix& matrix,
                                  int module_px);

}  // namespace kiosk::ui

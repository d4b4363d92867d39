// A QR code drawn with Unicode half blocks, so `kiosk-central enrol-code` can show the code for
// a kiosk's camera (or a phone) right in the terminal.
#pragma once

#include <string>
#include <string_view>

#include "kiosk/core/result.hpp"

namespace kiosk::sync {

// Two module rows per text line ("▀", "▄", "█", " "), a quiet zone of 2 modules. Light modules
// are drawn as blocks so the code reads on the usual dark terminal background. Errors:
// "qr.encode".
Result<std::string> render_qr_halfblocks(std::string_view text);

}  // namespace kiosk::sync

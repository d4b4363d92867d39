// The preset deflate dictionary for sealed record plaintext (format byte 0x01). A registration
// is ~1-2 KiB of JSON whose key names and closed-choice values repeat in every record; with them
// in a dictionary the compressed record is about half the size of plain deflate, which keeps a
// typical registration's envelope under 60 % of its JSON (the base64 and the signature cost the
// rest). Never edit v1: records sealed with it must stay readable. A new dictionary is a new
// format byte.
#pragma once

#include <string_view>

namespace kiosk::sync {

inline constexpr unsigned char kSealFormatDeflateV1 = 0x01;

std::string_view seal_dictionary_v1();

}  // namespace kiosk::sync

// gzip (RFC 1952) for request/response bodies, raw deflate with a dictionary for record
// plaintext before sealing.
// Decompression is always bounded: a small input that inflates past the limit (a "zip bomb")
// is an error, not an allocation.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "kiosk/core/result.hpp"

namespace kiosk::sync {

// Level 1..9 as zlib; 9 for sealed records (small, compressed once); HTTP request bodies use
// kiosk-sync's kRequestGzipLevel (sync/client/transport.hpp).
std::string gzip_compress(std::string_view data, int level = 6);

// One complete gzip member, nothing after it. Errors: "gzip.corrupt" (bad header, checksum,
// truncated, trailing bytes) and "gzip.too_large" (output would exceed max_output bytes).
Result<std::string> gzip_decompress(std::string_view data, std::size_t max_output);

// Raw deflate (RFC 1951, no header or checksum) with a preset dictionary: for small records
// whose vocabulary is known in advance (sealed registrations), where the dictionary saves most
// of the key names. The same dictionary must be given to inflate_raw. Errors as gzip_decompress.
std::string deflate_raw(std::string_view data, std::string_view dictionary, int level = 9);
Result<std::string> inflate_raw(std::string_view data, std::string_view dictionary,
                                std::size_t max_output);

// True when bytes start with the gzip magic number (1f 8b).
bool looks_gzipped(std::string_view data);

}  // namespace kiosk::sync

// Byte encodings shared by the wire format and the key files: lowercase hex ids, base64url
// (no padding) for keys, tokens and sealed bytes, and the random ids records and devices carry.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::sync {

// Calls sodium_init() once per process; every function here that needs libsodium calls it.
void ensure_sodium();

// Lowercase hex of arbitrary bytes.
std::string to_hex(std::string_view bytes);
// Strict: even length, lowercase hex digits only; nullopt otherwise.
std::optional<std::string> from_hex(std::string_view hex);

// base64url without padding (RFC 4648 section 5).
std::string to_base64url(std::string_view bytes);
// Strict: only the canonical encoding decodes (no padding, no whitespace, zero trailing bits).
std::optional<std::string> from_base64url(std::string_view text);

// A record, device or epoch id: 128 random bits as 32 lowercase hex characters.
inline constexpr std::size_t kIdHexChars = 32;
std::string random_id();
bool is_id(std::string_view text);

// Random bytes from the OS CSPRNG (libsodium).
std::string random_bytes(std::size_t n);

// SHA-256 of bytes, as lowercase hex: how tokens and enrolment codes are stored on the server.
std::string sha256_hex(std::string_view bytes);

}  // namespace kiosk::sync

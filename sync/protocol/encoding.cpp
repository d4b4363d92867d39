// Hex, base64url, random ids and hashing on top of libsodium's constant-time helpers.
#include "sync/protocol/encoding.hpp"

#include <sodium.h>

#include <cassert>
#include <cstdlib>

namespace kiosk::sync {

void ensure_sodium() {
    // sodium_init() is thread-safe and returns 1 when already initialised.
    const int rc = sodium_init();
    assert(rc >= 0 && "libsodium failed to initialise (no entropy source?)");
    if (rc < 0) {
        std::abort();  // Without a CSPRNG nothing here is safe; even release builds stop.
    }
}

std::string to_hex(std::string_view bytes) {
    std::string out(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                   bytes.size());
    out.pop_back();  // the terminating NUL sodium writes
    return out;
}

std::optional<std::string> from_hex(std::string_view hex) {
    if (hex.size() % 2 != 0) {
        return std::nullopt;
    }
    for (const char c : hex) {
        const bool digit = c >= '0' && c <= '9';
        const bool lower = c >= 'a' && c <= 'f';
        if (!digit && !lower) {
            return std::nullopt;
        }
    }
    std::string out(hex.size() / 2, '\0');
    size_t written = 0;
    if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(),
                       hex.size(), nullptr, &written, nullptr) != 0 ||
        written != out.size()) {
        return std::nullopt;
    }
    return out;
}

std::string to_base64url(std::string_view bytes) {
    constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), kVariant);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

std::optional<std::string> from_base64url(std::string_view text) {
    ensure_sodium();
    std::string out(text.size() * 3 / 4 + 3, '\0');
    size_t written = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                          text.size(), nullptr, &written, &end,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        end != text.data() + text.size()) {
        return std::nullopt;
    }
    out.resize(written);
    // Several texts can decode to the same bytes (non-zero trailing bits); accept only the one
    // we would have written so a body has exactly one spelling.
    if (to_base64url(out) != text) {
        return std::nullopt;
    }
    return out;
}

std::string random_bytes(std::size_t n) {
    ensure_sodium();
    std::string out(n, '\0');
    randombytes_buf(out.data(), out.size());
    return out;
}

std::string random_id() {
    return to_hex(random_bytes(kIdHexChars / 2));
}

bool is_id(std::string_view text) {
    return text.size() == kIdHexChars && from_hex(text).has_value();
}

std::string sha256_hex(std::string_view bytes) {
    ensure_sodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return to_hex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

}  // namespace kiosk::sync

// Codes and tokens come from libsodium's CSPRNG; hashes are SHA-256 (sync/protocol/encoding).
#include "sync/server/credentials.hpp"

#include <cctype>

#include "sync/protocol/encoding.hpp"

namespace kiosk::sync {
namespace {
constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t kCodeSymbols = 16;
}  // namespace

std::string make_enrol_code() {
    const std::string bytes = random_bytes(kCodeSymbols);
    std::string code;
    for (std::size_t i = 0; i < kCodeSymbols; ++i) {
        if (i > 0 && i % 4 == 0) {
            code += '-';
        }
        // 256 is a multiple of 32, so the low five bits are uniform.
        code += kCrockford[static_cast<unsigned char>(bytes[i]) % 32U];
    }
    return code;
}

std::string normalise_enrol_code(std::string_view code) {
    std::string out;
    for (const char raw : code) {
        const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(raw)));
        if (c == '-' || c == ' ') {
            continue;
        }
        out += c == 'O' ? '0' : (c == 'I' || c == 'L') ? '1' : c;
    }
    return out;
}

std::string enrol_code_hash(std::string_view code) {
    return sha256_hex("enrol:" + normalise_enrol_code(code));
}

std::string make_token() {
    return to_base64url(random_bytes(32));
}

std::string token_hash(std::string_view token) {
    return sha256_hex(token);
}

std::string make_admin_token() {
    return "kca_" + make_token();
}

std::string admin_token_hash(std::string_view token) {
    return sha256_hex("admin:" + std::string(token));
}

}  // namespace kiosk::sync

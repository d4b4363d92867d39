// SystemRandom, SeededRandom and RecordId (see random.hpp).
#include "kiosk/core/random.hpp"

#include <sys/random.h>

#include <cerrno>
#include <cstdlib>

namespace kiosk::core {

void SystemRandom::fill(std::span<std::uint8_t> out) {
    std::size_t done = 0;
    while (done < out.size()) {
        // getrandom may return fewer bytes than asked (large requests, signals): loop.
        const ssize_t got = getrandom(out.data() + done, out.size() - done, 0);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            // No randomness means ids could repeat: stopping is safer than going on.
            std::abort();
        }
        done += static_cast<std::size_t>(got);
    }
}

std::uint64_t SeededRandom::next() {
    // splitmix64 (Steele, Lea, Flood 2014): tiny, and every seed gives a full-period stream.
    state_ += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

void SeededRandom::fill(std::span<std::uint8_t> out) {
    std::size_t i = 0;
    while (i < out.size()) {
        std::uint64_t word = next();
        for (int b = 0; b < 8 && i < out.size(); ++b, ++i) {
            out[i] = static_cast<std::uint8_t>(word & 0xFFU);
            word >>= 8;
        }
    }
}

RecordId RecordId::generate(Random& random) {
    std::array<std::uint8_t, 16> bytes{};
    // The all-zero id means "none"; with a real generator it never comes, with a broken one
    // we would rather loop than hand out the sentinel.
    do {
        random.fill(bytes);
    } while (RecordId(bytes).is_nil());
    return RecordId(bytes);
}

namespace {

constexpr std::string_view kHexDigits = "0123456789abcdef";

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

}  // namespace

Result<RecordId> RecordId::parse(std::string_view hex) {
    if (hex.size() != 32) {
        return make_error("record_id.invalid", "a record id has exactly 32 hex digits");
    }
    std::array<std::uint8_t, 16> bytes{};
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const int high = hex_value(hex[2 * i]);
        const int low = hex_value(hex[2 * i + 1]);
        if (high < 0 || low < 0) {
            return make_error("record_id.invalid", "a record id holds only hex digits");
        }
        bytes[i] = static_cast<std::uint8_t>(high * 16 + low);
    }
    return RecordId(bytes);
}

std::string RecordId::to_hex() const {
    std::string out;
    out.reserve(32);
    for (const std::uint8_t b : bytes_) {
        out.push_back(kHexDigits[b >> 4]);
        out.push_back(kHexDigits[b & 0x0FU]);
    }
    return out;
}

bool RecordId::is_nil() const {
    for (const std::uint8_t b : bytes_) {
        if (b != 0) {
            return false;
        }
    }
    return true;
}

}  // namespace kiosk::core

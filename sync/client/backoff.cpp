// Exponential backoff with full jitter (backoff.hpp).
#include "sync/client/backoff.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace kiosk::sync::client {

Millis Backoff::ceiling_for(int failures) const {
    Millis ceiling = config_.base;
    for (int i = 1; i < failures && ceiling < config_.cap; ++i) {
        ceiling *= 2;
    }
    return std::min(ceiling, config_.cap);
}

Millis Backoff::next_delay(std::optional<Millis> retry_after) {
    ++failures_;
    const auto ceiling = static_cast<std::uint64_t>(ceiling_for(failures_).count());
    std::array<std::uint8_t, 8> bytes{};
    random_.fill(bytes);
    std::uint64_t r = 0;
    std::memcpy(&r, bytes.data(), bytes.size());
    // The modulo bias over a 64-bit draw is far below anything a retry delay could notice.
    const Millis jittered{static_cast<Millis::rep>(r % (ceiling + 1))};
    return retry_after ? std::max(jittered, *retry_after) : jittered;
}

}  // namespace kiosk::sync::client

// Retry delays after a failed sync pass: exponential with full jitter, capped, honouring the
// server's Retry-After, reset after a success. Randomness is injected (STYLE.md rule 8) so tests
// can pin every delay.
#pragma once

#include <optional>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/random.hpp"

namespace kiosk::sync::client {

struct BackoffConfig {
    Millis base{2'000};   // ceiling of the first delay
    Millis cap{300'000};  // no ceiling grows past this
};

// After the n-th failure in a row (n = 1, 2, ...) the delay is uniform in
// [0, min(cap, base * 2^(n-1))] ("full jitter": many kiosks coming back after one outage spread
// out instead of retrying in step). A Retry-After from the server is a floor on the delay.
class Backoff {
  public:
    Backoff(BackoffConfig config, core::Random& random) : config_(config), random_(random) {}

    // Records one more failure and returns how long to wait before the next attempt.
    Millis next_delay(std::optional<Millis> retry_after = std::nullopt);
    // A pass succeeded: the next failure starts from `base` again.
    void reset() { failures_ = 0; }
    int failures() const { return failures_; }
    // The ceiling used for the next failure (for status displays and tests).
    Millis ceiling_for(int failures) const;

  private:
    BackoffConfig config_;
    core::Random& random_;
    int failures_ = 0;
};

}  // namespace kiosk::sync::client

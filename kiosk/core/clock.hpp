// Time is injected (STYLE.md rule 8): the session's idle timers, the staff lockout and backoff
// read a Clock so tests can drive them with a fake one instead of sleeping.
#pragma once

#include <chrono>
#include <cstdint>

namespace kiosk {

using Millis = std::chrono::milliseconds;

// Monotonic time for timers (never goes back), and wall time for recording only: nothing is
// ordered by the wall clock.
class Clock {
public:
    virtual ~Clock() = default;
    virtual Millis monotonic() const = 0;
    virtual std::int64_t unix_seconds() const = 0;
};

class SystemClock final : public Clock {
public:
    Millis monotonic() const override {
        return std::chrono::duration_cast<Millis>(
            std::chrono::steady_clock::now().time_since_epoch());
    }
    std::int64_t unix_seconds() const override {
        return std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
};

// A clock that moves only when told to.
class FakeClock final : public Clock {
public:
    explicit FakeClock(Millis start = Millis{0}, std::int64_t unix_start = 1'790'000'000)
        : now_(start), unix_start_(unix_start) {}
    Millis monotonic() const override { return now_; }
    std::int64_t unix_seconds() const override {
        return unix_start_ + std::chrono::duration_cast<std::chrono::seconds>(now_).count();
    }
    void advance(Millis by) { now_ += by; }

private:
    Millis now_;
    std::int64_t unix_start_;
};

}  // namespace kiosk

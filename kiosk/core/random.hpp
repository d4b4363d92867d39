// Injected randomness (STYLE.md rule 8): record ids and reference codes draw their bytes from a
// Random, so production uses the kernel's generator and tests use a seeded, repeatable one.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "kiosk/core/result.hpp"

namespace kiosk::core {

class Random {
  public:
    virtual ~Random() = default;
    // Fills every byte of `out`. Never fails: a kiosk that cannot get randomness must not run.
    virtual void fill(std::span<std::uint8_t> out) = 0;
};

// The kernel's CSPRNG through getrandom(2). Blocks only until the pool is first initialised
// (early boot); aborts on an error other than EINTR, since ids would no longer be unique.
class SystemRandom final : public Random {
  public:
    void fill(std::span<std::uint8_t> out) override;
};

// Deterministic bytes from a 64-bit seed (splitmix64) for tests. Not for production: the
// sequence is predictable by design.
class SeededRandom final : public Random {
  public:
    explicit SeededRandom(std::uint64_t seed) : state_(seed) {}
    void fill(std::span<std::uint8_t> out) override;

  private:
    std::uint64_t next();
    std::uint64_t state_;
};

// A random 128-bit record id, made when a record is created, so that retries and duplicates
// can be recognised by the server whatever the kiosk's clock says.
class RecordId {
  public:
    RecordId() = default;  // all zeroes: "no id yet"; generate() never returns it
    explicit RecordId(const std::array<std::uint8_t, 16>& bytes) : bytes_(bytes) {}

    static RecordId generate(Random& random);
    // Accepts exactly 32 hex digits (either case); error code "record_id.invalid".
    static Result<RecordId> parse(std::string_view hex);

    std::string to_hex() const;  // 32 lowercase hex digits
    const std::array<std::uint8_t, 16>& bytes() const { return bytes_; }
    bool is_nil() const;

    auto operator<=>(const RecordId&) const = default;

  private:
    std::array<std::uint8_t, 16> bytes_{};
};

}  // namespace kiosk::core

// Staff accounts and the PIN pad's lockout, kept in the `settings` table (staff credentials are
// kiosk configuration; no schema change is needed for them):
//   staff.pin_hash.<id>     Argon2id hash of the PIN (libsodium crypto_pwhash_str format)
//   staff.pin_failures      wrong PINs since the last right one (one counter for the whole pad)
//   staff.pin_locked_until  unix seconds; until then the pad checks nothing
//
// Rules:
//   1. A PIN is 6 to 12 ASCII digits (core::kMinPinDigits..kMaxPinDigits); never stored or
//      logged in clear.
//   2. check_pin FIRST commits failures + 1 (and from the 5th failure on, the lock), in its own
//      transaction, and only THEN verifies the PIN. A power cut or a kill during the slow
//      verification therefore leaves the attempt counted; only a verified PIN resets the counter,
//      in a second transaction.
//   3. While locked (now < locked_until) check_pin refuses without verifying or counting. A lock
//      further away than 1 h means the wall clock went back; it is cut to 1 h from now, so a
//      clock fix cannot lock staff out for days.
//   4. The lock after the n-th consecutive failure (n >= 5) lasts 30 s × 2^(n-5), at most 1 h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "kiosk/core/result.hpp"
#include "kiosk/store/database.hpp"

namespace kiosk::store {

namespace staff_errc {
inline constexpr const char* kBadPin = "staff.bad_pin";        // not 6..12 digits
inline constexpr const char* kPinExists = "staff.pin_exists";  // set_first_pin: already set
inline constexpr const char* kNoPin = "staff.no_pin";          // check_pin before any PIN is set
inline constexpr const char* kUnknownStaff = "staff.unknown";  // change_pin of an unknown id
inline constexpr const char* kCrypto = "staff.crypto";         // libsodium could not hash (memory)
}  // namespace staff_errc

inline constexpr std::int64_t kPinFailuresBeforeLock = 5;
inline constexpr std::int64_t kFirstLockSeconds = 30;
inline constexpr std::int64_t kMaxLockSeconds = 3600;

// The id the first staff account gets.
inline constexpr std::string_view kFirstStaffId = "staff-1";

// Rule 1.
bool is_valid_pin(std::string_view pin);

// Rule 4: how long the pad locks after `failures` consecutive wrong PINs (0 below 5).
std::int64_t lock_seconds_after(std::int64_t failures);

struct PinLockout {
    std::int64_t failures = 0;
    std::int64_t locked_until = 0;  // unix seconds; 0: never locked
};

struct PinCheck {
    bool ok = false;
    std::string staff_id;           // when ok
    std::int64_t failures = 0;      // after this check (0 when ok)
    std::int64_t locked_until = 0;  // unix seconds; > now: the pad is locked until then
    bool refused_locked = false;    // rule 3: the PIN was not even looked at
};

// True once any staff PIN is stored.
Result<bool> has_staff_pin(Database& db);

// First start: stores `pin` for kFirstStaffId and returns that id. Errors: staff.bad_pin,
// staff.pin_exists (some PIN is stored already; nothing changes), staff.crypto, store errors.
Result<std::string> set_first_pin(Database& db, std::string_view pin);

// Signs in (rules 2-4) at wall time `now_unix`. A wrong or locked PIN is a PinCheck with
// ok = false, not an error. Errors: staff.no_pin (nothing counted), store errors (when the
// counting transaction fails, nothing was verified).
Result<PinCheck> check_pin(Database& db, std::string_view pin, std::int64_t now_unix);

// Replaces the PIN of `staff_id`. Errors: staff.bad_pin, staff.unknown, staff.crypto, store
// errors; on error the old PIN still works.
Status change_pin(Database& db, std::string_view staff_id, std::string_view new_pin);

// The pad's counter and lock as stored (for showing a lock after a restart).
Result<PinLockout> read_pin_lockout(Database& db);

}  // namespace kiosk::store

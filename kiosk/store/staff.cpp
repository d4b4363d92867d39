// Staff PINs: Argon2id hashes and the lockout counter in the settings table (see staff.hpp).
#include "kiosk/store/staff.hpp"

#include <sodium.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "kiosk/core/session.hpp"
#include "kiosk/store/settings.hpp"
#include "kiosk/store/sqlite.hpp"

namespace kiosk::store {

namespace {

constexpr std::string_view kHashPrefix = "staff.pin_hash.";
constexpr std::string_view kFailuresKey = "staff.pin_failures";
constexpr std::string_view kLockedUntilKey = "staff.pin_locked_until";

struct Account {
    std::string id;
    std::string hash;
};

Status ensure_sodium() {
    // Thread-safe, and returns 1 when an earlier call already initialised the library.
    if (sodium_init() < 0) {
        return make_error(staff_errc::kCrypto, "libsodium could not be initialised");
    }
    return Ok{};
}

Result<std::string> hash_pin(std::string_view pin) {
    if (!is_valid_pin(pin)) {
        return make_error(staff_errc::kBadPin, "a staff PIN is 6 to 12 digits");
    }
    if (auto ready = ensure_sodium(); !ready) {
        return ready.error();
    }
    std::string hash(crypto_pwhash_STRBYTES, '\0');
    if (crypto_pwhash_str_alg(
            hash.data(), pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return make_error(staff_errc::kCrypto, "not enough memory to hash the PIN");
    }
    hash.resize(hash.find('\0'));  // the string is NUL-terminated inside the buffer
    return hash;
}

bool pin_matches(const std::string& hash, std::string_view pin) {
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

std::string hash_key(std::string_view staff_id) {
    return std::string(kHashPrefix) + std::string(staff_id);
}

// Every account, in id order.
Result<std::vector<Account>> accounts(Database& db) {
    // GLOB, not LIKE: '_' in the prefix must match itself only.
    auto stmt = Statement::prepare(
        db.handle(),
        "SELECT key, value FROM settings WHERE key GLOB 'staff.pin_hash.*' ORDER BY key");
    if (!stmt) {
        return stmt.error();
    }
    std::vector<Account> out;
    const Status read = for_each_row(*stmt, [&]() {
        out.push_back(
            Account{stmt->column_text(0).substr(kHashPrefix.size()), stmt->column_text(1)});
        return true;
    });
    if (!read) {
        return read.error();
    }
    return out;
}

Status write_lockout(Database& db, const PinLockout& lockout) {
    if (auto s = set_int_setting(db, kFailuresKey, lockout.failures); !s) {
        return s;
    }
    return set_int_setting(db, kLockedUntilKey, lockout.locked_until);
}

// Rule 2's first transaction (or rule 3's refusal): what the attempt at `now` leaves on disk.
struct Attempt {
    PinLockout lockout;
    bool refused = false;  // locked: do not verify
    std::vector<Account> accounts;
};

Result<Attempt> count_attempt(Database& db, std::int64_t now) {
    return in_transaction<Attempt>(db, [&]() -> Result<Attempt> {
        auto stored = read_pin_lockout(db);
        if (!stored) {
            return stored.error();
        }
        auto all = accounts(db);
        if (!all) {
            return all.error();
        }
        if (all->empty()) {
            return make_error(staff_errc::kNoPin, "no staff PIN has been set");
        }
        Attempt a{*stored, false, std::move(*all)};
        if (now < a.lockout.locked_until) {
            a.refused = true;
            if (a.lockout.locked_until - now > kMaxLockSeconds) {
                a.lockout.locked_until = now + kMaxLockSeconds;  // the clock went back
                if (auto s = write_lockout(db, a.lockout); !s) {
                    return s.error();
                }
            }
            return a;
        }
        a.lockout.failures += 1;
        const std::int64_t lock = lock_seconds_after(a.lockout.failures);
        a.lockout.locked_until = lock > 0 ? now + lock : 0;
        if (auto s = write_lockout(db, a.lockout); !s) {
            return s.error();
        }
        return a;
    });
}

}  // namespace

bool is_valid_pin(std::string_view pin) {
    return pin.size() >= core::kMinPinDigits && pin.size() <= core::kMaxPinDigits &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::int64_t lock_seconds_after(std::int64_t failures) {
    if (failures < kPinFailuresBeforeLock) {
        return 0;
    }
    std::int64_t seconds = kFirstLockSeconds;
    for (std::int64_t n = kPinFailuresBeforeLock; n < failures && seconds < kMaxLockSeconds; ++n) {
        seconds *= 2;
    }
    return std::min(seconds, kMaxLockSeconds);
}

Result<bool> has_staff_pin(Database& db) {
    auto all = accounts(db);
    if (!all) {
        return all.error();
    }
    return !all->empty();
}

Result<std::string> set_first_pin(Database& db, std::string_view pin) {
    auto hash = hash_pin(pin);  // slow: outside the write transaction
    if (!hash) {
        return hash.error();
    }
    return in_transaction<std::string>(db, [&]() -> Result<std::string> {
        auto exists = has_staff_pin(db);
        if (!exists) {
            return exists.error();
        }
        if (*exists) {
            return make_error(staff_errc::kPinExists, "a staff PIN is already set");
        }
        if (auto s = set_setting(db, hash_key(kFirstStaffId), *hash); !s) {
            return s.error();
        }
        if (auto s = write_lockout(db, PinLockout{}); !s) {
            return s.error();
        }
        return std::string(kFirstStaffId);
    });
}

Result<PinCheck> check_pin(Database& db, std::string_view pin, std::int64_t now_unix) {
    auto attempt = count_attempt(db, now_unix);
    if (!attempt) {
        return attempt.error();
    }
    PinCheck check;
    check.failures = attempt->lockout.failures;
    check.locked_until = attempt->lockout.locked_until;
    check.refused_locked = attempt->refused;
    if (attempt->refused || !is_valid_pin(pin)) {
        return check;
    }
    if (auto ready = ensure_sodium(); !ready) {
        return ready.error();  // counted: the attempt is not lost
    }
    const auto match =
        std::find_if(attempt->accounts.begin(), attempt->accounts.end(),
                     [pin](const Account& account) { return pin_matches(account.hash, pin); });
    if (match == attempt->accounts.end()) {
        return check;
    }
    if (auto s = in_transaction<Ok>(db, [&]() { return write_lockout(db, PinLockout{}); }); !s) {
        return s.error();  // the right PIN, but the counter stays: staff try again
    }
    check.ok = true;
    check.staff_id = match->id;
    check.failures = 0;
    check.locked_until = 0;
    return check;
}

Status change_pin(Database& db, std::string_view staff_id, std::string_view new_pin) {
    auto hash = hash_pin(new_pin);
    if (!hash) {
        return hash.error();
    }
    return in_transaction<Ok>(db, [&]() -> Status {
        auto current = get_setting(db, hash_key(staff_id));
        if (!current) {
            return current.error();
        }
        if (!*current) {
            return make_error(staff_errc::kUnknownStaff, "no staff account with this id");
        }
        return set_setting(db, hash_key(staff_id), *hash);
    });
}

Result<PinLockout> read_pin_lockout(Database& db) {
    auto failures = get_int_setting(db, kFailuresKey);
    if (!failures) {
        return failures.error();
    }
    auto locked_until = get_int_setting(db, kLockedUntilKey);
    if (!locked_until) {
        return locked_until.error();
    }
    return PinLockout{failures->value_or(0), locked_until->value_or(0)};
}

}  // namespace kiosk::store

// Saving a registration at the end of the flow: the draft becomes JSON, is sealed to the central
// server's public key (sync/protocol/envelope.hpp) together with the kiosk's device id, and is
// written with its outbox entry in one transaction (store::submit_registration). Nothing of the
// person is stored readable: the kiosk cannot open what it sealed (sync/README.md, "Before
// enrolment").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kiosk/core/random.hpp"
#include "kiosk/core/registration.hpp"
#include "kiosk/core/result.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/store/database.hpp"

namespace kiosk::app {

// Registration JSON schema version (the sealed record's `schema`). Version 2 adds
// `reference_code`, so the central office can find the registration an interest names by code.
inline constexpr std::uint32_t kRegistrationSchema = 2;
// Interest JSON schema version.
inline constexpr std::uint32_t kInterestSchema = 1;

// The draft as the sealed record's `data`: every field of core::Registration under its own name,
// enums in their stable string forms, absent answers as null (or empty strings/lists), and the
// reference code (canonical form) the person was given.
nlohmann::json registration_json(const core::Registration& reg, std::string_view reference_code);

struct SavedRegistration {
    std::string reference_code;  // display form ("K4M-7Q2-PHX")
    std::string record_id;
};

// Seals `reg` to `server_public_key` (32 raw bytes) and stores it. Returns the reference code
// and record id only after the store's COMMIT. Errors: the store's (store.io, store.busy, ...),
// "sync.identity_lost", "envelope.bad_input", "app.no_server_key" (empty key: the kiosk refuses
// to store a registration it cannot seal).
Result<SavedRegistration> store_registration(store::Database& db, const core::Registration& reg,
                                             std::string_view server_public_key,
                                             core::Random& random, std::int64_t unix_now);

// An "I'm interested" as the sealed record's `data`: {job_id, registration_id (null when linked
// by code only), reference_code (canonical), language, staff_assisted, staff_id}.
struct InterestContent {
    core::PendingInterest link;
    std::string language;  // the screen's language: how the centre should answer
    bool staff_assisted = false;
    std::string staff_id;
};
nlohmann::json interest_json(const InterestContent& interest);

// Seals an interest like a registration and stores it with its receipt row in one transaction
// (store::submit_interest). `consent_version` is the notice the person accepted (this visit's
// registration), or the kiosk's current one when they typed a code. Same errors as
// store_registration.
Result<std::string> store_interest(store::Database& db, const InterestContent& interest,
                                   std::string_view consent_version,
                                   std::string_view server_public_key, core::Random& random,
                                   std::int64_t unix_now);

}  // namespace kiosk::app

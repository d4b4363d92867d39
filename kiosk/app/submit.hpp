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
#include "kiosk/store/database.hpp"

namespace kiosk::app {

// Registration JSON schema version (the sealed record's `schema`).
inline constexpr std::uint32_t kRegistrationSchema = 1;

// The draft as the sealed record's `data`: every field of core::Registration under its own name,
// enums in their stable string forms, absent answers as null (or empty strings/lists).
nlohmann::json registration_json(const core::Registration& reg);

// Seals `reg` to `server_public_key` (32 raw bytes) and stores it. Returns the reference code
// in its display form ("K4M-7Q2-PHX") only after the store's COMMIT. Errors: the store's
// (store.io, store.busy, ...), "sync.identity_lost", "envelope.bad_input", "app.no_server_key"
// (empty key: the kiosk refuses to store a registration it cannot seal).
Result<std::string> store_registration(store::Database& db, const core::Registration& reg,
                                       std::string_view server_public_key, core::Random& random,
                                       std::int64_t unix_now);

}  // namespace kiosk::app

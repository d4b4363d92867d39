// The app's side effects: what the session asks of the world after a frame (store a
// registration, check a staff PIN, save settings), done with the store and answered with an
// intent through core::reduce, so the session only ever changes in the reducer.
#pragma once

#include <filesystem>
#include <span>
#include <string>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/random.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/store/database.hpp"

namespace kiosk::app {

struct Services {
    store::Database* db = nullptr;
    std::string server_public_key;  // 32 raw bytes, or empty when none is installed
    core::Random* random = nullptr;
    const Clock* clock = nullptr;
};

// The server's public key for sealing: the first of `candidates` that exists, read as a key file
// (sync/protocol/envelope.hpp). Empty when none exists (registrations are then refused with
// app.no_server_key); an error when one exists but is malformed.
Result<std::string> load_server_key(std::span<const std::filesystem::path> candidates);

// Does what `session` is waiting for (Session::saving, pin.pending, settings_pending) and applies
// the answer. Returns true when the session changed.
bool run_effects(core::Session& session, Services& services);

}  // namespace kiosk::app

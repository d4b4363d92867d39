// Enrolment codes, device tokens and the admin tokens of central-office staff: how they are
// made, normalised and hashed. The server stores only the hashes (DESIGN.md, "Sync protocol").
#pragma once

#include <string>
#include <string_view>

namespace kiosk::sync {

// 16 symbols of Crockford base32 (80 random bits) in groups of four: "7KQ2-M9XD-...".
std::string make_enrol_code();
// Uppercase, no dashes or spaces, O→0 and I/L→1, so a code typed by staff still matches.
std::string normalise_enrol_code(std::string_view code);
std::string enrol_code_hash(std::string_view code);

// 32 random bytes, base64url: the bearer token a kiosk sends with every push.
std::string make_token();
std::string token_hash(std::string_view token);

// The bearer token of central-office staff for /v1/admin: "kca_" and 32 random bytes in
// base64url; the prefix tells people (and secret scanners) it from a kiosk's token.
std::string make_admin_token();
// SHA-256 in its own domain ("admin:"), so no kiosk token can match an admin token's hash. The
// server looks tokens up by hash: with 256 random bits behind it, what a lookup's timing could
// tell about a hash does not help to make a token, so no constant-time compare is needed.
std::string admin_token_hash(std::string_view token);

}  // namespace kiosk::sync

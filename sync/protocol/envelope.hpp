// Sealed records: what a kiosk puts in a PushRecord's body.
//
//   plaintext = JSON {v, record_id, device_id, kind, schema, consent_version, data}
//   sealed    = crypto_box_seal(0x01 ‖ deflate_raw(plaintext, dictionary v1), server public key)
//   signature = Ed25519(device key, signing_message(record_id, device_seq, kind, schema, sealed))
//
// Sealing happens at submit time (the UI process, before the outbox assigns device_seq); the
// signature needs device_seq, so it can be made then or by kiosk-sync when it builds the push.
// Ed25519 is deterministic: re-signing on a retry gives the same bytes, so the server still sees
// the same body and answers "duplicate".
//
// The kiosk cannot open what it sealed (a stolen kiosk reveals nothing queued); the server
// checks the signature with the key registered at enrolment, opens the box and checks that the
// ids inside match the outer record and the authenticated device. See sync/README.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kiosk/core/result.hpp"
#include "sync/protocol/wire.hpp"

namespace kiosk::sync {

// [SECTION] Keys (raw bytes in std::string; secrets are wiped on destruction)

struct BoxKeyPair {          // the server's X25519 pair; the kiosk holds only public_key
    std::string public_key;  // 32 bytes
    std::string secret_key;  // 32 bytes
    static BoxKeyPair generate();
    BoxKeyPair() = default;
    BoxKeyPair(const BoxKeyPair&) = default;
    BoxKeyPair& operator=(const BoxKeyPair&) = default;
    ~BoxKeyPair();
};

struct SignKeyPair {         // a kiosk's Ed25519 pair, made at first start
    std::string public_key;  // 32 bytes
    std::string secret_key;  // 64 bytes (libsodium layout: seed ‖ public key)
    static SignKeyPair generate();
    // Deterministic pair from a 32-byte seed: for golden tests only.
    static SignKeyPair from_seed(std::string_view seed);
    SignKeyPair() = default;
    SignKeyPair(const SignKeyPair&) = default;
    SignKeyPair& operator=(const SignKeyPair&) = default;
    ~SignKeyPair();
};

// Key files are one line of base64url. A public file can be shipped with the kiosk's
// configuration; secret files are written with mode 0600. Errors: "keys.io", "keys.malformed".
Status write_key_file(const std::string& path, std::string_view key, bool secret);
Result<std::string> read_key_file(const std::string& path, std::size_t expected_bytes);

// [SECTION] Sealing and opening

struct RecordContent {
    std::string record_id;  // 32 hex
    std::string device_id;  // 32 hex
    std::string kind;
    std::uint32_t schema = 0;
    std::string consent_version;  // as the kiosk records it, e.g. "2026-01"
    nlohmann::json data;          // the personal data: a JSON object
    bool operator==(const RecordContent&) const = default;
};

// The bytes signed for one record: "kiosk-record-v1" NUL ‖ record id (16 bytes) ‖ device_seq
// (u64 big-endian) ‖ kind length (u32 BE) ‖ kind ‖ schema (u32 BE) ‖ sealed.
std::string signing_message(std::string_view record_id, std::uint64_t device_seq,
                            std::string_view kind, std::uint32_t schema, std::string_view sealed);

// The JSON sealed inside the box (before gzip); deterministic, pinned by a golden test.
std::string encode_plaintext(const RecordContent& content);

// Kiosk side, at submit time: the sealed bytes (PushRecord.body.sealed). Errors:
// "envelope.bad_input" (ids, kind, schema, consent version, data not an object, key size, too
// large).
Result<std::string> seal_content(const RecordContent& content,
                                 std::string_view server_box_public_key);
// Kiosk side, once device_seq is known: the 64-byte signature (PushRecord.body.signature).
Result<std::string> sign_record(std::string_view record_id, std::uint64_t device_seq,
                                std::string_view kind, std::uint32_t schema,
                                std::string_view sealed, const SignKeyPair& device_key);
// Both at once, when device_seq is known at sealing time.
Result<Envelope> seal_record(const RecordContent& content, std::uint64_t device_seq,
                             std::string_view server_box_public_key, const SignKeyPair& device_key);

// Server side. device_id/device_public_key come from the authenticated device. Errors (each a
// stable reason for a "rejected" ack): "envelope.bad_signature", "envelope.cannot_open",
// "envelope.corrupt", "envelope.id_mismatch".
Result<RecordContent> open_record(const PushRecord& record, std::string_view device_id,
                                  std::string_view device_public_key, const BoxKeyPair& server);

}  // namespace kiosk::sync

// The versioned sync wire format shared by kiosk-sync (libcurl) and kiosk-central (httplib).
//
// Every message is one JSON object with "v":1. Encoding is deterministic (keys sorted, no
// whitespace) so golden tests pin the exact bytes; decoding is strict: unknown or duplicate keys,
// wrong types, out-of-range numbers, malformed ids and oversize arrays are all errors, never
// guessed at. Decode errors have code "protocol.malformed" (message starts with the field path,
// e.g. "records[2].record_id: ...") or "protocol.version".
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/core/result.hpp"

namespace kiosk::sync {

// [SECTION] Version, paths, limits

inline constexpr int kProtocolVersion = 1;
inline constexpr std::string_view kPathEnroll = "/v1/enroll";
inline constexpr std::string_view kPathPush = "/v1/push";
inline constexpr std::string_view kPathChanges = "/v1/changes";
inline constexpr std::string_view kPathHealth = "/v1/health";
inline constexpr std::string_view kJsonContentType = "application/json";

inline constexpr std::size_t kMaxRequestBytes = 4 * 1024 * 1024;  // on the wire (maybe gzip)
inline constexpr std::size_t kMaxBodyBytes = 16 * 1024 * 1024;    // after gunzip
inline constexpr std::size_t kMaxBatchRecords = 1000;
inline constexpr std::size_t kMaxSealedBytes = 64 * 1024;  // one record's sealed box
inline constexpr std::size_t kMaxKindChars = 32;
inline constexpr std::size_t kMaxReasonChars = 200;
inline constexpr std::size_t kMaxOfferIdChars = 64;
inline constexpr std::size_t kMaxOfferBytes = 64 * 1024;
inline constexpr std::size_t kMaxPageItems = 1000;  // upserts + tombstones
inline constexpr std::size_t kDefaultPageLimit = 100;
inline constexpr std::size_t kMaxTextChars = 200;  // codes, centres, messages

// [SECTION] Messages

// A record's body on the wire: what seal_record() made (envelope.hpp). Raw bytes here; base64url
// in JSON.
struct Envelope {
    std::string sealed;     // crypto_box_seal output
    std::string signature;  // Ed25519 detached, 64 bytes
    bool operator==(const Envelope&) const = default;
};

// POST /v1/enroll. The kiosk made device_id and its Ed25519 key pair at first start, so records
// sealed before enrolment already carry the right device id (sync/README.md).
struct EnrollRequest {
    std::string code;             // one-time enrolment code as printed by kiosk-central
    std::string device_id;        // 32 hex
    std::string sign_public_key;  // raw 32 bytes
    bool operator==(const EnrollRequest&) const = default;
};

struct EnrollResponse {
    std::string epoch;
    std::string device_id;
    std::string token;  // opaque bearer token; the server keeps only its hash
    std::string centre;
    bool operator==(const EnrollResponse&) const = default;
};

// One outbox record. created_at_device is recorded, never used for ordering (device_seq is).
struct PushRecord {
    std::string record_id;  // 32 hex, made at creation
    std::uint64_t device_seq = 0;
    std::string kind;  // [a-z][a-z0-9_]*, e.g. "registration", "interest"
    std::uint32_t schema = 0;
    std::int64_t created_at_device = 0;  // Unix seconds by the kiosk's clock
    Envelope body;
    bool operator==(const PushRecord&) const = default;
};

struct PushBatch {
    std::vector<PushRecord> records;
    bool operator==(const PushBatch&) const = default;
};

enum class AckStatus { created, duplicate, rejected, retry_later };
std::string_view to_string(AckStatus status);

struct Ack {
    std::string record_id;
    AckStatus status = AckStatus::rejected;
    std::string reason;  // "" for created/duplicate; a stable code for rejected ("conflict", ...)
    bool operator==(const Ack&) const = default;
};

struct PushResponse {
    std::string epoch;
    std::vector<Ack> acks;  // one per pushed record, same order
    bool operator==(const PushResponse&) const = default;
};

// A job offer is an opaque JSON object for now; its model comes with the job-offer issue.
struct OfferUpsert {
    std::string id;
    nlohmann::json offer;
    bool operator==(const OfferUpsert&) const = default;
};

// GET /v1/changes. Within one page each offer id appears at most once (its latest state), so
// upserts and tombstones can be applied in either order. Store `next` with the applied page.
struct ChangesPage {
    std::string epoch;
    std::vector<OfferUpsert> upserts;
    std::vector<std::string> tombstones;
    std::string next;   // pass back as ?since=
    bool more = false;  // true when another page is ready now
    bool operator==(const ChangesPage&) const = default;
};

struct HealthResponse {
    std::string epoch;
    std::string status;  // "ok"
    bool operator==(const HealthResponse&) const = default;
};

// Any 4xx/5xx with a JSON body. epoch is "" only when the server cannot reach its database.
struct ErrorResponse {
    std::string epoch;
    std::string code;
    std::string message;
    bool operator==(const ErrorResponse&) const = default;
};

// [SECTION] Change cursors: "0" (the beginning) or "<epoch>-<seq>". Opaque to the kiosk.

struct Cursor {
    std::string epoch;  // "" for the beginning
    std::uint64_t seq = 0;
    bool operator==(const Cursor&) const = default;
};
std::string format_cursor(const Cursor& cursor);
Result<Cursor> parse_cursor(std::string_view text);

// "/v1/changes?since=...&limit=N" for a client.
std::string changes_target(std::string_view since, std::size_t limit);

// [SECTION] Encoding (deterministic bytes)

std::string encode(const Envelope& m);
std::string encode(const EnrollRequest& m);
std::string encode(const EnrollResponse& m);
std::string encode(const PushBatch& m);
std::string encode(const PushResponse& m);
std::string encode(const ChangesPage& m);
std::string encode(const HealthResponse& m);
std::string encode(const ErrorResponse& m);

// [SECTION] Strict decoding

Result<Envelope> decode_envelope(std::string_view text);
Result<EnrollRequest> decode_enroll_request(std::string_view text);
Result<EnrollResponse> decode_enroll_response(std::string_view text);
Result<PushBatch> decode_push_batch(std::string_view text);
Result<PushResponse> decode_push_response(std::string_view text);
Result<ChangesPage> decode_changes_page(std::string_view text);
Result<HealthResponse> decode_health_response(std::string_view text);
Result<ErrorResponse> decode_error_response(std::string_view text);

// A job offer as the server stores it: a JSON object under kMaxOfferBytes; returns the
// canonical text.
Result<std::string> canonical_offer(std::string_view text);
bool is_offer_id(std::string_view id);
// A record kind: [a-z][a-z0-9_]*, at most kMaxKindChars.
bool is_record_kind(std::string_view kind);

}  // namespace kiosk::sync

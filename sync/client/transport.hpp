// The kiosk's HTTP transport to kiosk-central (libcurl), and the classification of every reply
// into what the sync worker should do next (DESIGN.md, "Sync protocol"; FIELD-NOTES, libcurl).
//
// Rules:
//   1. One Transport per thread: it owns one curl easy handle (curl handles are not shareable).
//      curl_global_init runs once per process, on the first Transport.
//   2. Nothing hangs: a connect timeout, a total timeout, and a low-speed limit (off by default
//      in libcurl, so a stalled link would otherwise wait forever).
//   3. A reply body is capped in the write callback (CURLOPT_MAXFILESIZE does not stop a body
//      sent without Content-Length); gzip replies are inflated by curl before the cap applies.
//      A body that announces more than the cap is refused before it is read.
//   4. TLS peer and host verification are always on; a CA file and a pinned public key are
//      options. Redirects are never followed (a captive portal redirects).
//   5. A 2xx counts only with Content-Type application/json (every reply of kiosk-central has
//      it); anything else, even a body that would parse, is transient "sync.bad_reply". Then
//      only the caller can say whether the 2xx is good: it must decode strictly as the expected
//      message, otherwise the caller reports it as transient (a portal's HTML 200 is not an ack).
#pragma once

#include <atomic>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/result.hpp"

namespace kiosk::sync::client {

struct TransportConfig {
    std::string base_url;           // "https://central.example.org" or "http://127.0.0.1:PORT"
    std::string ca_file;            // empty: the system's CA store
    std::string pinned_public_key;  // empty: none; else CURLOPT_PINNEDPUBLICKEY ("sha256//...")
    Millis connect_timeout{10'000};
    Millis total_timeout{120'000};
    long low_speed_bytes_per_second = 64;  // below this for low_speed_time: abort
    Millis low_speed_time{20'000};
    std::size_t max_response_bytes = 16 * 1024 * 1024;  // after gzip inflation
    std::size_t gzip_request_over = 1024;               // bodies larger than this are sent gzip
    // When set and true, a transfer in progress is aborted (the daemon's SIGTERM).
    const std::atomic<bool>* cancel = nullptr;
};

// What the caller should do with a reply.
enum class Verdict {
    ok,                // 2xx JSON: decode strictly; a body that does not decode is transient
    transient,         // network, timeout, 429, 5xx, unexpected status: back off and retry
    enrolment_needed,  // the server's 401/403: stop and ask staff, keep the queue
    too_large,         // 413: halve the batch (a single record: dead-letter it)
    reset,             // the server's 410: the change cursor is no longer valid, start from 0
    permanent,         // another 4xx: retrying the same request cannot help
};
std::string_view to_string(Verdict verdict);

struct Reply {
    Verdict verdict = Verdict::transient;
    long status = 0;                    // HTTP status, 0 when no reply came
    std::string body;                   // up to max_response_bytes
    std::optional<Millis> retry_after;  // from a Retry-After header (delta seconds)
    bool timed_out = false;             // connect/total timeout or the low-speed limit
    // For anything but ok: a stable code ("sync.network", "sync.timeout", "sync.http_503",
    // "sync.reply_too_large", "sync.bad_reply" for a 2xx that is not JSON, or the server's own
    // error code when the body is a protocol error reply) and a message.
    Error error;
};

// Maps an HTTP status to a verdict (2xx ok, 401/403 enrolment, 410 reset, 413 too large,
// 408/429/5xx transient, other 4xx permanent, anything else transient). Transport::get/post_json
// then demand more: a 2xx must be application/json, and a 401/403/410 must carry the server's
// protocol error reply, else the verdict is transient (a portal or a proxy answered).
Verdict classify_status(long status);

// Retry-After as delta seconds (RFC 9110 also allows a date; a kiosk's clock may be wrong, so a
// date is ignored). nullopt when absent or malformed (a date, "-5", "1e12"); any run of digits,
// however long, is capped at one hour against a hostile server.
std::optional<Millis> parse_retry_after(std::string_view value);

// A POST body as it goes on the wire.
struct RequestBody {
    std::string bytes;
    bool gzip = false;  // sent with Content-Encoding: gzip
};

// gzip level for request bodies. A push body is mostly base64 of sealed boxes and signatures
// (random bytes), which deflate only shrinks by its Huffman coding: level 1 leaves it within
// ~1.5 % of level 6's size for much less CPU (BENCHMARKS.md, "Sync").
inline constexpr int kRequestGzipLevel = 1;

// `json` as post_json sends it: gzip when over config.gzip_request_over bytes. A push batch costs
// milliseconds here, so SyncWorker makes its body while other batches are on the wire.
RequestBody make_request_body(std::string json, const TransportConfig& config);

class Transport {
  public:
    explicit Transport(TransportConfig config);
    ~Transport();
    Transport(const Transport&) = delete;
    Transport& operator=(const Transport&) = delete;

    // GET base_url + target.
    Reply get(std::string_view target, std::string_view bearer_token);
    // POST base_url + target with a JSON body (gzip when large).
    Reply post_json(std::string_view target, std::string_view body, std::string_view bearer_token);
    // POST base_url + target with a JSON body already made by make_request_body.
    Reply post(std::string_view target, const RequestBody& body, std::string_view bearer_token);

    const TransportConfig& config() const { return config_; }

  private:
    Reply perform(std::string_view target, const RequestBody* body, std::string_view bearer_token);

    TransportConfig config_;
    void* curl_ = nullptr;  // CURL*; kept opaque so users do not include curl.h
};

}  // namespace kiosk::sync::client

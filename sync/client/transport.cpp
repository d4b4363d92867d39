// libcurl transport: one easy handle per Transport, bounded in time and size (transport.hpp).
#include "sync/client/transport.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cassert>
#include <charconv>
#include <mutex>

#include "sync/protocol/gzip.hpp"
#include "sync/protocol/wire.hpp"

namespace kiosk::sync::client {
namespace {

std::once_flag g_curl_once;  // curl_global_init is not thread-safe: run it exactly once

constexpr Millis kMaxRetryAfter{3'600'000};

struct Sink {
    std::string* body;
    std::size_t cap;
    bool overflow = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* sink = static_cast<Sink*>(user);
    const std::size_t n = size * count;
    if (sink->body->size() + n > sink->cap) {
        sink->overflow = true;
        return 0;  // makes curl stop with CURLE_WRITE_ERROR
    }
    sink->body->append(data, n);
    return n;
}

struct Headers {
    std::optional<Millis> retry_after;
};

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* headers = static_cast<Headers*>(user);
    const std::size_t n = size * count;
    const std::string_view line(data, n);
    constexpr std::string_view kName = "retry-after:";
    if (line.size() > kName.size()) {
        bool match = true;
        for (std::size_t i = 0; i < kName.size() && match; ++i) {
            const char c = line[i];
            const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            match = lower == kName[i];
        }
        if (match) {
            headers->retry_after = parse_retry_after(line.substr(kName.size()));
        }
    }
    return n;
}

// True for "application/json", in any case, with or without parameters ("; charset=utf-8").
bool is_json_content_type(const char* content_type) {
    if (content_type == nullptr) {
        return false;
    }
    std::string_view type(content_type);
    type = type.substr(0, type.find(';'));
    while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) {
        type.remove_suffix(1);
    }
    while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) {
        type.remove_prefix(1);
    }
    constexpr std::string_view kJson = "application/json";
    return type.size() == kJson.size() &&
           std::equal(type.begin(), type.end(), kJson.begin(), [](char a, char b) {
               return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
           });
}

// A header value from an unknown server, fit for last_error and the staff screen: printable
// ASCII only, at most 64 characters.
std::string printable(const char* text) {
    std::string out;
    for (const char* c = text; c != nullptr && *c != '\0' && out.size() < 64; ++c) {
        out.push_back(*c >= ' ' && *c <= '~' ? *c : '?');
    }
    return out;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto* cancel = static_cast<const std::atomic<bool>*>(user);
    return cancel != nullptr && cancel->load() ? 1 : 0;  // non-zero aborts the transfer
}

}  // namespace

std::string_view to_string(Verdict verdict) {
    switch (verdict) {
        case Verdict::ok:
            return "ok";
        case Verdict::transient:
            return "transient";
        case Verdict::enrolment_needed:
            return "enrolment_needed";
        case Verdict::too_large:
            return "too_large";
        case Verdict::reset:
            return "reset";
        case Verdict::permanent:
            return "permanent";
    }
    return "unknown";
}

Verdict classify_status(long status) {
    if (status >= 200 && status < 300) {
        return Verdict::ok;
    }
    if (status == 401 || status == 403) {
        return Verdict::enrolment_needed;
    }
    if (status == 410) {
        return Verdict::reset;
    }
    if (status == 413) {
        return Verdict::too_large;
    }
    if (status == 408 || status == 429 || (status >= 500 && status < 600)) {
        return Verdict::transient;
    }
    if (status >= 400 && status < 500) {
        return Verdict::permanent;
    }
    return Verdict::transient;  // 1xx/3xx (redirects are not followed): a portal, not our server
}

std::optional<Millis> parse_retry_after(std::string_view value) {
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
        value.remove_prefix(1);
    }
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ' ||
                              value.back() == '\t')) {
        value.remove_suffix(1);
    }
    if (value.empty() ||
        !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;  // a date, a sign, a unit, a fraction: not delta seconds
    }
    // Any run of digits is a valid delta, however long ("1000000000000" asks for the longest
    // wait, not for none): too many digits for an int64 is simply over the cap.
    std::int64_t seconds = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec != std::errc{} || seconds > kMaxRetryAfter.count() / 1000) {
        return kMaxRetryAfter;
    }
    return Millis{seconds * 1000};
}

RequestBody make_request_body(std::string json, const TransportConfig& config) {
    if (json.size() > config.gzip_request_over) {
        return RequestBody{gzip_compress(json, kRequestGzipLevel), true};
    }
    return RequestBody{std::move(json), false};
}

Transport::Transport(TransportConfig config) : config_(std::move(config)) {
    std::call_once(g_curl_once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    curl_ = curl_easy_init();
    assert(curl_ != nullptr && "curl_easy_init failed: out of memory");
}

Transport::~Transport() {
    curl_easy_cleanup(static_cast<CURL*>(curl_));
}

Reply Transport::get(std::string_view target, std::string_view bearer_token) {
    return perform(target, nullptr, bearer_token);
}

Reply Transport::post_json(std::string_view target, std::string_view body,
                           std::string_view bearer_token) {
    return post(target, make_request_body(std::string(body), config_), bearer_token);
}

Reply Transport::post(std::string_view target, const RequestBody& body,
                      std::string_view bearer_token) {
    return perform(target, &body, bearer_token);
}

Reply Transport::perform(std::string_view target, const RequestBody* body,
                         std::string_view bearer_token) {
    CURL* h = static_cast<CURL*>(curl_);
    curl_easy_reset(h);  // keeps the connection cache, drops every option of the last request

    Reply reply;
    const std::string url = config_.base_url + std::string(target);
    Sink sink{&reply.body, config_.max_response_bytes};
    Headers headers;
    char error_buffer[CURL_ERROR_SIZE] = {0};

    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!config_.ca_file.empty()) {
        curl_easy_setopt(h, CURLOPT_CAINFO, config_.ca_file.c_str());
    }
    if (!config_.pinned_public_key.empty()) {
        curl_easy_setopt(h, CURLOPT_PINNEDPUBLICKEY, config_.pinned_public_key.c_str());
    }
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(config_.connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(config_.total_timeout.count()));
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, config_.low_speed_bytes_per_second);
    curl_easy_setopt(
        h, CURLOPT_LOW_SPEED_TIME,
        static_cast<long>(std::max<std::int64_t>(1, config_.low_speed_time.count() / 1000)));
    // A body announced larger than the cap is refused before it is read (the write callback
    // still cuts bodies that announce nothing or lie).
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE,
                     static_cast<curl_off_t>(config_.max_response_bytes));
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip");
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &headers);
    if (config_.cancel != nullptr) {
        curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
        curl_easy_setopt(h, CURLOPT_XFERINFODATA, config_.cancel);
        curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    }

    curl_slist* list = nullptr;
    list = curl_slist_append(list, "Accept: application/json");
    std::string auth;
    if (!bearer_token.empty()) {
        auth = "Authorization: Bearer " + std::string(bearer_token);
        list = curl_slist_append(list, auth.c_str());
    }
    if (body != nullptr) {
        list = curl_slist_append(list, "Content-Type: application/json");
        // No "Expect: 100-continue" round trip before each body over 1 KiB.
        list = curl_slist_append(list, "Expect:");
        if (body->gzip) {
            list = curl_slist_append(list, "Content-Encoding: gzip");
        }
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        // Not copied by curl (CURLOPT_POSTFIELDS): `body` outlives curl_easy_perform below.
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body->bytes.data());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
                         static_cast<curl_off_t>(body->bytes.size()));
    }
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);

    const CURLcode rc = curl_easy_perform(h);
    curl_slist_free_all(list);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, nullptr);
    reply.retry_after = headers.retry_after;

    if (rc != CURLE_OK) {
        reply.verdict = Verdict::transient;
        reply.body.clear();
        if (sink.overflow || rc == CURLE_FILESIZE_EXCEEDED) {
            reply.error =
                make_error("sync.reply_too_large",
                           "reply over " + std::to_string(config_.max_response_bytes) + " bytes");
        } else if (rc == CURLE_OPERATION_TIMEDOUT) {
            reply.timed_out = true;
            reply.error = make_error("sync.timeout", std::string(error_buffer));
        } else if (rc == CURLE_ABORTED_BY_CALLBACK) {
            reply.error = make_error("sync.cancelled", "stopped");
        } else {
            // TLS failures (60 untrusted CA, 90 wrong pinned key) are reported with curl's code:
            // staff need to see them, but the link may be a portal, so they stay transient.
            reply.error = make_error("sync.network", std::string(curl_easy_strerror(rc)) + " (" +
                                                         std::to_string(rc) + "): " + error_buffer);
        }
        return reply;
    }
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply.status);
    reply.verdict = classify_status(reply.status);
    const char* content_type = nullptr;
    curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &content_type);
    if (reply.verdict == Verdict::ok && !is_json_content_type(content_type)) {
        // Every reply of ours is application/json (error replies too). A 2xx with any other
        // type, or none (a 204), is a portal or a proxy, even if its body happened to parse.
        reply.verdict = Verdict::transient;
        reply.error = make_error("sync.bad_reply",
                                 "a 2xx reply with Content-Type \"" + printable(content_type) +
                                     "\", not application/json (captive portal?)");
        return reply;
    }
    if (reply.verdict != Verdict::ok) {
        reply.error = make_error("sync.http_" + std::to_string(reply.status),
                                 "server answered HTTP " + std::to_string(reply.status));
        // Our server explains itself in a protocol error reply; anything else (a portal's
        // page) keeps the generic code.
        if (auto err = decode_error_response(reply.body); err) {
            reply.error = make_error(err->code, err->message);
        } else if (reply.verdict == Verdict::enrolment_needed || reply.verdict == Verdict::reset) {
            // Stopping the kiosk until staff re-enrol it, or throwing its change cursor away,
            // takes our server's own word: the same status from a portal or a proxy is only a
            // failed attempt. (A bare 413 still halves the batch: a proxy in front of the server
            // may well limit bodies.)
            reply.verdict = Verdict::transient;
        }
    }
    return reply;
}

}  // namespace kiosk::sync::client

// The /v1 handlers on cpp-httplib 0.11.4. Index:
//   [SECTION] Replies        JSON bodies, each with the epoch; status codes for store errors
//   [SECTION] Verify pool    opening + verifying a batch's records on every core
//   [SECTION] Request bodies bounded reading (gzip is inflated by httplib, capped here)
//   [SECTION] Endpoints      enroll, push, changes, health
//   [SECTION] Admin endpoints /v1/admin/jobs for central-office staff (admin tokens only)
//   [SECTION] Server         thread pool, TCP_NODELAY, limits, bind/run/stop
#include "sync/server/server.hpp"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <charconv>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "sync/protocol/encoding.hpp"
#include "sync/protocol/strict_json.hpp"
#include "sync/protocol/wire.hpp"
#include "sync/server/credentials.hpp"
#include "sync/server/jobs.hpp"

namespace kiosk::sync {
namespace {

// [SECTION] Replies

void reply_json(httplib::Response& res, int status, const std::string& body) {
    res.status = status;
    res.set_content(body, std::string(kJsonContentType).c_str());
}

bool transient(const Error& e) {
    return e.code == "store.busy" || e.code == "store.unavailable";
}

// The admin API's 200 replies: `fields` plus v and epoch, encoded like the protocol's messages.
std::string admin_reply(nlohmann::json fields, const std::string& epoch) {
    fields["v"] = kProtocolVersion;
    fields["epoch"] = epoch;
    return detail::dump(fields);
}

// An import body's format from its Content-Type ("text/csv; charset=utf-8" is CSV).
std::optional<OfferFileFormat> import_format(const std::string& content_type) {
    std::string type = content_type.substr(0, content_type.find(';'));
    type.erase(std::remove(type.begin(), type.end(), ' '), type.end());
    std::transform(type.begin(), type.end(), type.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (type == "text/csv") {
        return OfferFileFormat::csv;
    }
    if (type == kJsonContentType) {
        return OfferFileFormat::json;
    }
    return std::nullopt;
}

// The request's `limit` (1..max), `fallback` without one; nothing when it is not such a number.
std::optional<std::size_t> read_limit(const httplib::Request& req, std::size_t fallback,
                                      std::size_t max) {
    if (!req.has_param("limit")) {
        return fallback;
    }
    const std::string text = req.get_param_value("limit");
    std::size_t limit = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), limit);
    if (ec != std::errc{} || end != text.data() + text.size() || limit == 0 || limit > max) {
        return std::nullopt;
    }
    return limit;
}

nlohmann::json offer_state_json(const OfferState& o) {
    return {{"id", o.id}, {"seq", o.seq}, {"state", o.published ? "published" : "withdrawn"}};
}

OfferState state_of(const FeedEntry& e) {
    return OfferState{e.offer_id, e.seq, e.offer.has_value()};
}

// [SECTION] Verify pool
//
// Opening and verifying one record costs ~130 us of crypto (X25519 + Ed25519), so a batch of 100
// on one thread is ~13 ms while the other core idles. The request's own thread and a few
// helpers, started once with the server, share each batch record by record through an atomic
// counter: a batch of any size uses every core, concurrent requests share the same helpers
// instead of each spawning its own (2 per core handler threads x cores would oversubscribe),
// and the caller always works on its own batch, so it finishes even when every helper is busy.
class VerifyPool {
  public:
    explicit VerifyPool(std::size_t helpers) {
        for (std::size_t i = 0; i < helpers; ++i) {
            threads_.emplace_back([this] { work(); });
        }
    }
    ~VerifyPool() {
        {
            const std::lock_guard lock(mu_);
            stopping_ = true;
        }
        wake_.notify_all();
        for (auto& t : threads_) {
            t.join();
        }
    }
    VerifyPool(const VerifyPool&) = delete;
    VerifyPool& operator=(const VerifyPool&) = delete;

    // Runs item(0) .. item(count - 1), each exactly once, on the caller and the helpers; returns
    // when all have finished. item must be safe to run concurrently for different indexes.
    void run(std::size_t count, const std::function<void(std::size_t)>& item) {
        if (count == 0) {
            return;
        }
        auto job = std::make_shared<Job>(count, item);
        if (count > 1 && !threads_.empty()) {
            {
                const std::lock_guard lock(mu_);
                jobs_.push_back(job);
            }
            // One helper per item beyond the caller's first, at most all of them.
            if (count - 1 >= threads_.size()) {
                wake_.notify_all();
            } else {
                for (std::size_t i = 0; i + 1 < count; ++i) {
                    wake_.notify_one();
                }
            }
        }
        job->drain();
        std::unique_lock lock(job->mu);
        job->all_done.wait(lock, [&] { return job->finished == job->count; });
    }

  private:
    struct Job {
        Job(std::size_t n, const std::function<void(std::size_t)>& f) : count(n), item(f) {}
        const std::size_t count;
        const std::function<void(std::size_t)>& item;  // lives until run() returns
        std::atomic<std::size_t> next{0};
        std::mutex mu;
        std::condition_variable all_done;
        std::size_t finished = 0;  // guarded by mu

        bool exhausted() const { return next.load() >= count; }
        // Takes items until none is left; the last one to finish wakes the caller.
        void drain() {
            std::size_t done_here = 0;
            for (std::size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) {
                item(i);
                ++done_here;
            }
            if (done_here == 0) {
                return;
            }
            const std::lock_guard lock(mu);
            finished += done_here;
            if (finished == count) {
                all_done.notify_all();
            }
        }
    };

    void work() {
        for (;;) {
            std::shared_ptr<Job> job;
            {
                std::unique_lock lock(mu_);
                wake_.wait(lock, [&] {
                    while (!jobs_.empty() && jobs_.front()->exhausted()) {
                        jobs_.pop_front();
                    }
                    return stopping_ || !jobs_.empty();
                });
                if (jobs_.empty()) {
                    return;  // stopping, nothing left to help with
                }
                job = jobs_.front();
            }
            job->drain();
        }
    }

    std::mutex mu_;
    std::condition_variable wake_;
    std::deque<std::shared_ptr<Job>> jobs_;  // guarded by mu_; exhausted jobs are dropped lazily
    bool stopping_ = false;                  // guarded by mu_
    std::vector<std::thread> threads_;
};

}  // namespace

struct CentralServer::Impl {
    ServerStore& store;
    const BoxKeyPair& keys;
    const Clock& clock;
    ServerConfig config;
    // The request thread verifies too, so one helper fewer than cores keeps a lone batch at one
    // thread per core.
    VerifyPool verifiers{std::max(1U, std::thread::hardware_concurrency()) - 1};
    httplib::Server http;

    Impl(ServerStore& s, const BoxKeyPair& k, const Clock& c, ServerConfig cfg)
        : store(s), keys(k), clock(c), config(cfg) {}

    std::string epoch_or_empty() {
        auto e = store.epoch();
        return e ? *e : std::string();
    }

    void reply_error(httplib::Response& res, int status, const std::string& code,
                     const std::string& message, const std::string& epoch) {
        reply_json(res, status, encode(ErrorResponse{epoch, code, message}));
    }

    // A store failure: 503 + Retry-After when it may pass, 500 otherwise.
    void reply_store_error(httplib::Response& res, const Error& e, const std::string& epoch) {
        if (transient(e)) {
            res.set_header("Retry-After", std::to_string(config.retry_after_seconds));
            reply_error(res, 503, e.code, "the database is busy or unreachable; retry later",
                        epoch);
            return;
        }
        std::fprintf(stderr, "kiosk-central: %s: %s\n", e.code.c_str(), e.message.c_str());
        reply_error(res, 500, e.code, "internal error", epoch);
    }

    // [SECTION] Request bodies

    // Reads the body (already gunzipped by httplib when Content-Encoding says gzip) up to
    // max_body_bytes; past that it stops reading and answers 413, so a zip bomb costs at most
    // the cap.
    bool read_body(const httplib::ContentReader& reader, httplib::Response& res,
                   const std::string& epoch, std::string& body) {
        bool too_large = false;
        const bool ok = reader([&](const char* data, size_t n) {
            if (body.size() + n > config.max_body_bytes) {
                too_large = true;
                return false;
            }
            body.append(data, n);
            return true;
        });
        // httplib itself stops at payload_max_length (wire bytes) and marks the response 413.
        if (too_large || res.status == 413) {
            reply_error(res, 413, "request.too_large",
                        too_large
                            ? "body over " + std::to_string(config.max_body_bytes) +
                                  " bytes once decompressed"
                            : "request over " + std::to_string(config.max_request_bytes) + " bytes",
                        epoch);
            return false;
        }
        if (!ok) {
            reply_error(res, 400, "request.unreadable", "could not read the request body", epoch);
            return false;
        }
        return true;
    }

    // [SECTION] Endpoints

    void enroll(const httplib::Request&, httplib::Response& res,
                const httplib::ContentReader& reader) {
        auto epoch = store.epoch();
        if (!epoch) {
            return reply_store_error(res, epoch.error(), "");
        }
        std::string body;
        if (!read_body(reader, res, *epoch, body)) {
            return;
        }
        auto req = decode_enroll_request(body);
        if (!req) {
            return reply_error(res, 400, req.error().code, req.error().message, *epoch);
        }
        const std::string token = make_token();
        auto device = store.enrol(enrol_code_hash(req->code), req->device_id, token_hash(token),
                                  req->sign_public_key, clock.unix_seconds() * 1000);
        if (!device) {
            const auto& e = device.error();
            if (e.code == "enrol.bad_code") {
                return reply_error(res, 403, e.code, e.message, *epoch);
            }
            if (e.code == "enrol.device_exists") {
                return reply_error(res, 409, e.code, e.message, *epoch);
            }
            return reply_store_error(res, e, *epoch);
        }
        reply_json(res, 200, encode(EnrollResponse{*epoch, device->id, token, device->centre}));
    }

    // The request's bearer token, or a 401 reply.
    std::optional<std::string> bearer_token(const httplib::Request& req, httplib::Response& res,
                                            const std::string& epoch) {
        const std::string header = req.get_header_value("Authorization");
        constexpr std::string_view kBearer = "Bearer ";
        if (header.rfind(kBearer, 0) != 0 || header.size() == kBearer.size()) {
            reply_error(res, 401, "auth.missing", "Authorization: Bearer <token> required", epoch);
            return std::nullopt;
        }
        return header.substr(kBearer.size());
    }

    // The verdict on a token's lookup: 401 unless it found a credential that is not revoked.
    template <typename T>
    std::optional<T> accept(Result<std::optional<T>> found, httplib::Response& res,
                            const std::string& epoch, const std::string& unknown,
                            const std::string& revoked) {
        if (!found) {
            reply_store_error(res, found.error(), epoch);
            return std::nullopt;
        }
        if (!found->has_value()) {
            reply_error(res, 401, "auth.unknown_token", unknown, epoch);
            return std::nullopt;
        }
        if ((*found)->revoked) {
            reply_error(res, 401, "auth.revoked", revoked, epoch);
            return std::nullopt;
        }
        return std::move(**found);
    }

    // 401 unless the bearer token belongs to a device that is not revoked.
    std::optional<Device> authenticate(const httplib::Request& req, httplib::Response& res,
                                       const std::string& epoch) {
        const auto token = bearer_token(req, res, epoch);
        if (!token) {
            return std::nullopt;
        }
        return accept(store.device_by_token(token_hash(*token)), res, epoch, "unknown device token",
                      "this device has been revoked");
    }

    // open_record() for each record: an empty reason when it verifies (then the body as stored),
    // else the rejection reason. Spread over the cores by the verify pool, one record at a time.
    struct Verified {
        std::string reason;
        std::string body;
    };
    std::vector<Verified> verify_all(const std::vector<PushRecord>& records, const Device& device) {
        std::vector<Verified> out(records.size());
        verifiers.run(records.size(), [&](std::size_t i) {
            auto opened = open_record(records[i], device.id, device.sign_public_key, keys);
            if (!opened) {
                out[i].reason = opened.error().code;
                return;
            }
            out[i].body = encode(records[i].body);
        });
        return out;
    }

    void push(const httplib::Request& http_req, httplib::Response& res,
              const httplib::ContentReader& reader) {
        auto epoch = store.epoch();
        if (!epoch) {
            return reply_store_error(res, epoch.error(), "");
        }
        // Authenticate before reading the body: an unknown client never costs a large read.
        const auto device = authenticate(http_req, res, *epoch);
        if (!device) {
            return;
        }
        std::string body;
        if (!read_body(reader, res, *epoch, body)) {
            return;
        }
        auto batch = decode_push_batch(body);
        if (!batch) {
            return reply_error(res, 400, batch.error().code, batch.error().message, *epoch);
        }
        PushResponse out{*epoch, {}};
        out.acks.resize(batch->records.size());
        std::vector<StoredRecord> accepted;
        std::vector<std::size_t> accepted_index;
        const std::int64_t now_ms = clock.unix_seconds() * 1000;
        // Verify and open before acking: a record the server could not read later must not be
        // acknowledged now. The opened content is dropped here; export opens again.
        std::vector<Verified> verified = verify_all(batch->records, *device);
        for (std::size_t i = 0; i < batch->records.size(); ++i) {
            const PushRecord& rec = batch->records[i];
            out.acks[i].record_id = rec.record_id;
            if (!verified[i].reason.empty()) {
                out.acks[i].status = AckStatus::rejected;
                out.acks[i].reason = std::move(verified[i].reason);
                continue;
            }
            accepted.push_back(StoredRecord{rec.record_id, device->id, rec.device_seq, rec.kind,
                                            rec.schema, rec.created_at_device,
                                            std::move(verified[i].body), now_ms});
            accepted_index.push_back(i);
        }
        if (!accepted.empty()) {
            auto outcomes = store.insert_records(accepted);
            if (!outcomes) {
                return reply_store_error(res, outcomes.error(), *epoch);
            }
            for (std::size_t k = 0; k < accepted.size(); ++k) {
                Ack& ack = out.acks[accepted_index[k]];
                switch ((*outcomes)[k]) {
                    case InsertOutcome::created:
                        ack.status = AckStatus::created;
                        break;
                    case InsertOutcome::duplicate:
                        ack.status = AckStatus::duplicate;
                        break;
                    case InsertOutcome::conflict:
                        ack.status = AckStatus::rejected;
                        ack.reason = "conflict";
                        break;
                }
            }
        }
        reply_json(res, 200, encode(out));
    }

    void changes(const httplib::Request& req, httplib::Response& res) {
        auto epoch = store.epoch();
        if (!epoch) {
            return reply_store_error(res, epoch.error(), "");
        }
        const std::string since = req.has_param("since") ? req.get_param_value("since") : "0";
        auto cursor = parse_cursor(since);
        if (!cursor) {
            return reply_error(res, 400, cursor.error().code, cursor.error().message, *epoch);
        }
        const auto limit = read_limit(req, kDefaultPageLimit, kMaxPageItems);
        if (!limit) {
            return reply_error(res, 400, "protocol.malformed",
                               "limit: expected 1.." + std::to_string(kMaxPageItems), *epoch);
        }
        if (!cursor->epoch.empty() && cursor->epoch != *epoch) {
            return reply_error(res, 410, "changes.reset",
                               "cursor from another epoch: start again from 0", *epoch);
        }
        auto page = store.changes(cursor->seq, *limit);
        if (!page) {
            return reply_store_error(res, page.error(), *epoch);
        }
        if (cursor->seq > page->head) {
            return reply_error(res, 410, "changes.reset",
                               "cursor ahead of the feed: start again from 0", *epoch);
        }
        ChangesPage out;
        out.epoch = *epoch;
        std::uint64_t last = cursor->seq;
        for (auto& e : page->entries) {
            last = e.seq;
            if (e.offer) {
                out.upserts.push_back(OfferUpsert{e.offer_id, nlohmann::json::parse(*e.offer)});
            } else {
                out.tombstones.push_back(e.offer_id);
            }
        }
        out.next = format_cursor(Cursor{*epoch, last});
        out.more = last < page->head;
        reply_json(res, 200, encode(out));
    }

    void health(httplib::Response& res) {
        auto epoch = store.epoch();
        if (!epoch) {
            return reply_store_error(res, epoch.error(), "");
        }
        reply_json(res, 200, encode(HealthResponse{*epoch, "ok"}));
    }

    // [SECTION] Admin endpoints
    //
    // Central-office staff publish and withdraw job offers over HTTP as `kiosk-central jobs`
    // does on the command line, with the same functions (jobs.hpp). Only admin tokens
    // (`kiosk-central admin-token create`) open these; a kiosk's token is unknown here, as an
    // admin token is to /v1/push. Every write is logged on stderr with the token's name.

    // 401 unless the bearer token is an admin token that is not revoked.
    std::optional<AdminToken> authenticate_admin(const httplib::Request& req,
                                                 httplib::Response& res, const std::string& epoch) {
        const auto token = bearer_token(req, res, epoch);
        if (!token) {
            return std::nullopt;
        }
        return accept(store.admin_by_token(admin_token_hash(*token)), res, epoch,
                      "unknown admin token (kiosk tokens do not open /v1/admin)",
                      "this admin token has been revoked");
    }

    // Runs handler(epoch, admin) once the epoch is read and the admin token checked.
    template <typename F>
    void as_admin(const httplib::Request& req, httplib::Response& res, F&& handler) {
        auto epoch = store.epoch();
        if (!epoch) {
            return reply_store_error(res, epoch.error(), "");
        }
        const auto admin = authenticate_admin(req, res, *epoch);
        if (admin) {
            handler(*epoch, *admin);
        }
    }

    // ?today=YYYY-MM-DD, else the server's local date; a 400 reply when it is not a date.
    std::optional<std::string> today_of(const httplib::Request& req, httplib::Response& res,
                                        const std::string& epoch) {
        if (!req.has_param("today")) {
            return local_today();
        }
        const std::string today = req.get_param_value("today");
        if (!is_offer_date(today)) {
            reply_error(res, 400, "request.bad_parameter", "today: expected YYYY-MM-DD", epoch);
            return std::nullopt;
        }
        return today;
    }

    // The offer's latest feed entry, or a reply: 404 when it was never published.
    std::optional<FeedEntry> published_or_withdrawn(const std::string& id, httplib::Response& res,
                                                    const std::string& epoch) {
        auto entry = store.offer(id);
        if (!entry) {
            reply_store_error(res, entry.error(), epoch);
            return std::nullopt;
        }
        if (!*entry) {
            reply_error(res, 404, "jobs.unknown_offer", "no offer " + id + " was ever published",
                        epoch);
        }
        return std::move(*entry);
    }

    static void audit(const AdminToken& admin, const std::string& what) {
        std::fprintf(stderr, "kiosk-central: admin %s: %s\n", admin.name.c_str(), what.c_str());
    }

    // POST /v1/admin/jobs/import: a CSV or JSON offers file, as `jobs import`.
    void admin_import(const httplib::Request& req, httplib::Response& res,
                      const httplib::ContentReader& reader) {
        as_admin(req, res, [&](const std::string& epoch, const AdminToken& admin) {
            // Everything that can refuse the request is checked before the body is read.
            const auto format = import_format(req.get_header_value("Content-Type"));
            if (!format) {
                return reply_error(res, 415, "request.unsupported_type",
                                   "Content-Type: expected text/csv or application/json", epoch);
            }
            const auto today = today_of(req, res, epoch);
            std::string body;
            if (!today || !read_body(reader, res, epoch, body)) {
                return;
            }
            auto rows = read_offer_file(body, *format);
            if (!rows) {
                return reply_error(res, 400, rows.error().code, rows.error().message, epoch);
            }
            auto summary = publish_offers(store, *rows, *today);
            if (!summary) {
                return reply_store_error(res, summary.error(), epoch);
            }
            nlohmann::json errors = nlohmann::json::array();
            for (const RowProblem& p : row_problems(*rows, *format)) {
                nlohmann::json e{{"where", p.where}, {"field", p.field}, {"message", p.message}};
                if (!p.id.empty()) {
                    e["id"] = p.id;
                }
                if (!p.column.empty()) {
                    e["column"] = p.column;
                }
                errors.push_back(std::move(e));
            }
            audit(admin, "import: published " + std::to_string(summary->published) +
                             ", unchanged " + std::to_string(summary->unchanged) + ", bad " +
                             std::to_string(summary->bad));
            reply_json(res, 200,
                       admin_reply({{"rows", rows->size()},
                                    {"published", summary->published},
                                    {"unchanged", summary->unchanged},
                                    {"bad", summary->bad},
                                    {"already_expired", summary->already_expired},
                                    {"errors", std::move(errors)}},
                                   epoch));
        });
    }

    // POST /v1/admin/jobs/expire: as `jobs expire`.
    void admin_expire(const httplib::Request& req, httplib::Response& res) {
        as_admin(req, res, [&](const std::string& epoch, const AdminToken& admin) {
            const auto today = today_of(req, res, epoch);
            if (!today) {
                return;
            }
            auto withdrawn = expire_offers(store, *today);
            if (!withdrawn) {
                return reply_store_error(res, withdrawn.error(), epoch);
            }
            audit(admin, "expire before " + *today + ": withdrew " +
                             std::to_string(withdrawn->size()) + " offers");
            reply_json(res, 200,
                       admin_reply({{"today", *today}, {"withdrawn", *withdrawn}}, epoch));
        });
    }

    // DELETE /v1/admin/jobs/ID: as `jobs withdraw`, but idempotent: withdrawing again answers
    // 200 with "changed": false (a retry after a lost reply is no error). 404 when the offer was
    // never published.
    void admin_withdraw(const httplib::Request& req, httplib::Response& res) {
        as_admin(req, res, [&](const std::string& epoch, const AdminToken& admin) {
            const std::string id = req.matches[1];
            auto withdrawn = store.withdraw_offer(id);
            if (!withdrawn && withdrawn.error().code != "store.unknown_offer") {
                return reply_store_error(res, withdrawn.error(), epoch);
            }
            const auto now = published_or_withdrawn(id, res, epoch);
            if (!now) {
                return;
            }
            if (withdrawn) {
                audit(admin, "withdrew offer " + id);
            }
            nlohmann::json fields = offer_state_json(state_of(*now));
            fields["changed"] = withdrawn.ok();
            reply_json(res, 200, admin_reply(std::move(fields), epoch));
        });
    }

    // GET /v1/admin/jobs/ID: the offer's state, sequence and body (when published).
    void admin_offer(const httplib::Request& req, httplib::Response& res) {
        as_admin(req, res, [&](const std::string& epoch, const AdminToken&) {
            const std::string id = req.matches[1];
            const auto entry = published_or_withdrawn(id, res, epoch);
            if (!entry) {
                return;
            }
            nlohmann::json fields = offer_state_json(state_of(*entry));
            if (entry->offer) {
                fields["offer"] = nlohmann::json::parse(*entry->offer);
            }
            reply_json(res, 200, admin_reply(std::move(fields), epoch));
        });
    }

    // GET /v1/admin/jobs[?after=ID][&limit=N]: offers' ids, states and sequences, by id, a page
    // at a time; `next` (the `after` of the next page) only when more follow.
    void admin_list(const httplib::Request& req, httplib::Response& res) {
        as_admin(req, res, [&](const std::string& epoch, const AdminToken&) {
            const auto limit = read_limit(req, kAdminListLimit, kAdminListLimit);
            if (!limit) {
                return reply_error(res, 400, "request.bad_parameter",
                                   "limit: expected 1.." + std::to_string(kAdminListLimit),
                                   epoch);
            }
            const std::string after = req.has_param("after") ? req.get_param_value("after") : "";
            auto page = list_offers(store, after, *limit);
            if (!page) {
                return reply_store_error(res, page.error(), epoch);
            }
            nlohmann::json list = nlohmann::json::array();
            for (const OfferState& o : page->offers) {
                list.push_back(offer_state_json(o));
            }
            nlohmann::json fields = {{"offers", std::move(list)}};
            if (page->more) {
                fields["next"] = page->offers.back().id;
            }
            reply_json(res, 200, admin_reply(std::move(fields), epoch));
        });
    }

    // [SECTION] Server

    void configure() {
        const std::size_t threads =
            config.threads != 0 ? config.threads
                                : std::max<std::size_t>(4, 2 * std::thread::hardware_concurrency());
        http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
        // Off by default in 0.11.4: each small request then waits ~27 ms (FIELD-NOTES).
        http.set_tcp_nodelay(true);
        http.set_payload_max_length(config.max_request_bytes);
        http.set_read_timeout(config.read_timeout.count(), 0);
        http.set_write_timeout(config.write_timeout.count(), 0);

        const std::string enroll_path(kPathEnroll);
        const std::string push_path(kPathPush);
        http.Post(enroll_path,
                  [this](const httplib::Request& req, httplib::Response& res,
                         const httplib::ContentReader& reader) { enroll(req, res, reader); });
        http.Post(push_path,
                  [this](const httplib::Request& req, httplib::Response& res,
                         const httplib::ContentReader& reader) { push(req, res, reader); });
        http.Get(std::string(kPathChanges), [this](const httplib::Request& req,
                                                   httplib::Response& res) { changes(req, res); });
        http.Get(std::string(kPathHealth),
                 [this](const httplib::Request&, httplib::Response& res) { health(res); });

        const std::string jobs(kPathAdminJobs);
        const std::string one_offer = jobs + "/([A-Za-z0-9_.-]{1,64})";
        http.Post(jobs + "/import",
                  [this](const httplib::Request& req, httplib::Response& res,
                         const httplib::ContentReader& reader) { admin_import(req, res, reader); });
        http.Post(jobs + "/expire", [this](const httplib::Request& req, httplib::Response& res) {
            admin_expire(req, res);
        });
        http.Delete(one_offer, [this](const httplib::Request& req, httplib::Response& res) {
            admin_withdraw(req, res);
        });
        http.Get(jobs, [this](const httplib::Request& req, httplib::Response& res) {
            admin_list(req, res);
        });
        http.Get(one_offer, [this](const httplib::Request& req, httplib::Response& res) {
            admin_offer(req, res);
        });

        // Whatever httplib answers by itself (404, 413 over the payload limit, 400) still gets
        // a JSON body with the epoch, so a kiosk can tell this server from a captive portal.
        http.set_error_handler(httplib::Server::HandlerWithResponse(
            [this](const httplib::Request&, httplib::Response& res) {
                if (!res.body.empty()) {
                    return httplib::Server::HandlerResponse::Unhandled;
                }
                std::string code = "http." + std::to_string(res.status);
                std::string message = "request refused";
                if (res.status == 413) {
                    code = "request.too_large";
                    message = "request over " + std::to_string(config.max_request_bytes) + " bytes";
                } else if (res.status == 404) {
                    code = "http.not_found";
                    message = "no such endpoint";
                }
                reply_error(res, res.status, code, message, epoch_or_empty());
                return httplib::Server::HandlerResponse::Handled;
            }));
        http.set_exception_handler(
            [this](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
                std::string what = "unknown";
                try {
                    std::rethrow_exception(ep);
                } catch (const std::exception& e) {
                    what = e.what();
                } catch (...) {
                }
                std::fprintf(stderr, "kiosk-central: handler failed: %s\n", what.c_str());
                reply_error(res, 500, "server.internal", "internal error", epoch_or_empty());
            });
    }
};

CentralServer::CentralServer(ServerStore& store, const BoxKeyPair& keys, const Clock& clock,
                             ServerConfig config)
    : impl_(std::make_unique<Impl>(store, keys, clock, config)) {
    impl_->configure();
}

CentralServer::~CentralServer() {
    stop();
}

Result<int> CentralServer::bind(const std::string& host, int port) {
    const int bound = port == 0 ? impl_->http.bind_to_any_port(host)
                                : (impl_->http.bind_to_port(host, port) ? port : -1);
    if (bound <= 0) {
        return make_error("server.bind", "cannot listen on " + host + ":" + std::to_string(port));
    }
    return bound;
}

void CentralServer::run() {
    impl_->http.listen_after_bind();
}

void CentralServer::stop() {
    if (impl_) {
        impl_->http.stop();
    }
}

}  // namespace kiosk::sync

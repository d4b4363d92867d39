// Identity, enrolment, sync passes and status (client.hpp). Index:
//   [SECTION] Settings helpers
//   [SECTION] Identity
//   [SECTION] One worker per database
//   [SECTION] Enrolment
//   [SECTION] The pass's HTTP thread and durability
//   [SECTION] Push (P1-P3)
//   [SECTION] Pull (P4)
//   [SECTION] Pass and status
#include "sync/client/client.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "kiosk/store/settings.hpp"
#include "kiosk/store/sqlite.hpp"
#include "kiosk/store/sync_state.hpp"
#include "sync/protocol/encoding.hpp"
#include "sync/protocol/wire.hpp"

namespace kiosk::sync::client {
namespace {

// [SECTION] Settings helpers

constexpr std::size_t kSignSecretBytes = 64;

std::string setting_or(store::Database& db, std::string_view key, std::string fallback,
                       Error* error) {
    auto v = store::get_setting(db, key);
    if (!v) {
        if (error != nullptr) {
            *error = v.error();
        }
        return fallback;
    }
    return v->value_or(std::move(fallback));
}

PassOutcome failed(Verdict verdict, Error error, std::optional<Millis> retry_after = {}) {
    PassOutcome out;
    out.ok = false;
    out.verdict = verdict;
    out.error = std::move(error);
    out.retry_after = retry_after;
    return out;
}

PassOutcome store_failed(const Error& e) {
    // A store error is local (disk full, busy): retry later like a network error.
    return failed(Verdict::transient, e);
}

PassOutcome from_reply(const Reply& reply) {
    return failed(reply.verdict, reply.error, reply.retry_after);
}

// A pass that stops part-way still reports what it did before stopping.
PassOutcome with_report(PassOutcome outcome, const PassReport& so_far) {
    outcome.report = so_far;
    return outcome;
}

// Adds a second push's counts (after an epoch change found while pulling) to the first one's.
void add_push_report(PassReport& into, const PassReport& more) {
    into.acked += more.acked;
    into.rejected += more.rejected;
    into.released += more.released;
    into.batches += more.batches;
}

Error bad_reply(const Error& decode_error) {
    return make_error(
        "sync.bad_reply",
        "a 2xx reply that is not a protocol message (captive portal?): " + decode_error.message);
}

// Applies one page of the change feed and its cursor in one transaction (P4); a page read from
// cursor "0" replaces every stored offer (store::apply_offer_page).
Status apply_page(store::Database& db, const ChangesPage& page) {
    std::vector<store::JobOffer> offers;
    offers.reserve(page.upserts.size());
    for (const auto& up : page.upserts) {
        offers.push_back(store::JobOffer{up.id, up.offer.dump()});
    }
    return store::apply_offer_page(db, offers, page.tombstones, page.next, page.epoch);
}

// Records the server's epoch. When a different one was stored the server was restored or
// recreated: acked and rejected records go back to the queue (the restore may have lost them;
// the server answers `duplicate` for the rest), then the offers and cursor are reset. In that
// order, so a crash in between only repeats the requeue. Returns whether the epoch changed.
Result<bool> adopt_epoch(store::Database& db, const std::string& epoch) {
    auto state = store::read_sync_state(db);
    if (!state) {
        return state.error();
    }
    if (state->server_epoch == epoch) {
        return false;
    }
    const bool changed = state->server_epoch.has_value();
    if (changed) {
        if (auto moved = store::requeue_for_new_epoch(db); !moved) {
            return moved.error();
        }
    }
    if (auto s = store::reset_offers(db, epoch); !s) {
        return s.error();
    }
    return changed;
}

}  // namespace

// [SECTION] Identity

std::filesystem::path device_key_path(const store::Database& db) {
    return db.path().parent_path() / "device.key";
}

Result<Identity> ensure_identity(store::Database& db) {
    const std::string key_file = device_key_path(db).string();
    auto id = store::get_setting(db, keys::kDeviceId);
    if (!id) {
        return id.error();
    }
    if (id->has_value()) {
        auto secret = read_key_file(key_file, kSignSecretBytes);
        if (!secret) {
            return make_error("sync.identity_lost",
                              "device id is set but its key cannot be read (" +
                                  secret.error().message + "); re-enrol the kiosk");
        }
        Identity identity;
        identity.device_id = **id;
        identity.key.public_key = secret->substr(32);
        identity.key.secret_key = std::move(*secret);
        return identity;
    }
    // First use: the key file first, then the id, so an id never exists without its key. A key
    // file with no id (a crash between the two) is kept: nothing was signed with it yet.
    Identity identity{random_id(), {}};
    if (auto orphan = read_key_file(key_file, kSignSecretBytes); orphan) {
        identity.key.public_key = orphan->substr(32);
        identity.key.secret_key = std::move(*orphan);
    } else {
        identity.key = SignKeyPair::generate();
        if (auto s = write_key_file(key_file, identity.key.secret_key, true); !s) {
            return s.error();
        }
    }
    if (auto s = store::set_setting(db, keys::kDeviceId, identity.device_id); !s) {
        return s.error();
    }
    return identity;
}

// [SECTION] One worker per database

Result<WorkerLock> WorkerLock::acquire(const store::Database& db) {
    const std::string path = (db.path().parent_path() / "sync.lock").string();
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        return make_error("sync.lock", "cannot open " + path + ": " + std::strerror(errno));
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return make_error("sync.busy", "another kiosk-sync is already syncing this database");
    }
    return WorkerLock(fd);
}

WorkerLock::~WorkerLock() {
    if (fd_ >= 0) {
        ::close(fd_);  // closing the last descriptor releases the flock
    }
}

// [SECTION] Enrolment

Result<TransportConfig> transport_config_from(store::Database& db, TransportConfig base) {
    Error error;
    base.base_url = setting_or(db, keys::kServerUrl, base.base_url, &error);
    base.ca_file = setting_or(db, keys::kCaFile, base.ca_file, &error);
    base.pinned_public_key = setting_or(db, keys::kPinnedKey, base.pinned_public_key, &error);
    if (!error.code.empty()) {
        return error;
    }
    return base;
}

Status enroll(store::Database& db, const TransportConfig& base, std::string_view code) {
    if (base.base_url.empty()) {
        return make_error("sync.no_server", "no server URL given");
    }
    auto identity = ensure_identity(db);
    if (!identity) {
        return identity.error();
    }
    Transport transport(base);
    const Reply reply = transport.post_json(
        kPathEnroll,
        encode(EnrollRequest{std::string(code), identity->device_id, identity->key.public_key}),
        "");
    if (reply.verdict != Verdict::ok) {
        return reply.error;
    }
    auto response = decode_enroll_response(reply.body);
    if (!response) {
        return bad_reply(response.error());
    }
    if (response->device_id != identity->device_id) {
        return make_error("sync.bad_reply", "the server enrolled another device id");
    }
    auto stored = store::in_transaction<Ok>(db, [&]() -> Status {
        for (const auto& [key, value] :
             {std::pair{keys::kServerUrl, std::string_view(base.base_url)},
              std::pair{keys::kCaFile, std::string_view(base.ca_file)},
              std::pair{keys::kPinnedKey, std::string_view(base.pinned_public_key)},
              std::pair{keys::kToken, std::string_view(response->token)},
              std::pair{keys::kCentre, std::string_view(response->centre)}}) {
            if (auto s = store::set_setting(db, key, value); !s) {
                return s;
            }
        }
        return store::erase_setting(db, keys::kEnrolmentNeeded);
    });
    if (!stored) {
        return stored;
    }
    if (auto adopted = adopt_epoch(db, response->epoch); !adopted) {
        return adopted.error();
    }
    return Ok{};
}

// [SECTION] The pass's HTTP thread and durability

// All HTTP of a pass goes through one thread that owns the pass's Transport, so the curl handle
// is made, used and freed on that thread alone (transport.hpp rule 1) and the worker's thread can
// claim and sign the next batch while the previous one is on the wire. One request at a time:
// start() hands it over, wait() takes its reply.
class HttpThread {
  public:
    explicit HttpThread(TransportConfig config)
        : thread_([this, config = std::move(config)]() mutable { serve(std::move(config)); }) {}
    ~HttpThread() {
        {
            const std::lock_guard lock(mu_);
            stopping_ = true;
        }
        cv_.notify_all();
        thread_.join();
    }
    HttpThread(const HttpThread&) = delete;
    HttpThread& operator=(const HttpThread&) = delete;

    // body nullopt: GET target; else POST target with the body (make_request_body).
    void start(std::string target, std::optional<RequestBody> body, std::string token) {
        {
            const std::lock_guard lock(mu_);
            assert(!request_ && !reply_ && "HttpThread: one request at a time");
            request_ = Request{std::move(target), std::move(body), std::move(token)};
        }
        cv_.notify_all();
    }

    Reply wait() {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return reply_.has_value(); });
        Reply reply = std::move(*reply_);
        reply_.reset();
        return reply;
    }

    Reply get(std::string target, std::string token) {
        start(std::move(target), std::nullopt, std::move(token));
        return wait();
    }

  private:
    struct Request {
        std::string target;
        std::optional<RequestBody> body;
        std::string token;
    };

    void serve(TransportConfig config) {
        Transport transport(std::move(config));
        for (;;) {
            Request request;
            {
                std::unique_lock lock(mu_);
                cv_.wait(lock, [&] { return stopping_ || request_.has_value(); });
                if (!request_) {
                    return;
                }
                request = std::move(*request_);
                request_.reset();
            }
            Reply reply = request.body
                              ? transport.post(request.target, *request.body, request.token)
                              : transport.get(request.target, request.token);
            {
                const std::lock_guard lock(mu_);
                reply_ = std::move(reply);
            }
            cv_.notify_all();
        }
    }

    std::mutex mu_;
    std::condition_variable cv_;
    std::optional<Request> request_;  // guarded by mu_
    std::optional<Reply> reply_;      // guarded by mu_
    bool stopping_ = false;           // guarded by mu_
    std::thread thread_;              // last: it starts once the members above exist
};

// The worker's own writes during a pass (claims, acks, rejections, releases, pull pages and
// cursors, epoch changes, bookkeeping) commit with synchronous=NORMAL on its connection; the UI
// writes on its own connection, which stays FULL (database.hpp rule 2). Safe because:
//   1. In WAL mode the log is one sequence in commit order and recovery keeps its longest valid
//      prefix (each frame's checksum chains to the one before). A power cut can therefore only
//      drop the worker's commits made since the last fsync (any FULL commit of the UI, which
//      syncs every frame before its own, or a checkpoint): the file comes back as it was at an
//      earlier moment of the pass, never torn, and never without a registration the UI reported
//      saved.
//   2. An earlier moment of a pass is a state the worker already recovers from after kill -9:
//      claimed or acked rows are `sending` or `queued` again and are sent again; the server
//      (whose own commit is FULL) answers `duplicate` for what it stored, so a lost ack costs a
//      re-send, and nothing is acked without an ack. A lost rejection is sent and rejected again.
//   3. A pull page and its cursor commit in one transaction, so a lost page takes its cursor
//      with it and is read again (upserts and tombstones are idempotent). adopt_epoch requeues
//      before it stores the new epoch, so a lost epoch change is found again in the next reply
//      and repeats the requeue; a lost requeue cannot survive without its epoch (prefix).
//   4. Enrolment (its token is the only copy once the code is spent) and the device identity are
//      written outside this scope, with FULL.
// It saves the fsync of each claim and each ack: ~1-4 ms per batch here (FIELD-NOTES).
namespace {

class RelaxedDurability {
  public:
    explicit RelaxedDurability(store::Database& db) : db_(db) {
        assert(sqlite3_get_autocommit(db_.handle()) != 0 &&
               "synchronous cannot change inside a transaction");
        (void)db_.exec("PRAGMA synchronous=NORMAL");  // failing leaves FULL: slower, still safe
    }
    ~RelaxedDurability() {
        const auto restored = db_.exec("PRAGMA synchronous=FULL");
        assert(restored.ok() && "the worker's connection must be FULL again after a pass");
        (void)restored;
    }
    RelaxedDurability(const RelaxedDurability&) = delete;
    RelaxedDurability& operator=(const RelaxedDurability&) = delete;

  private:
    store::Database& db_;
};

}  // namespace

// [SECTION] Push (P1-P3)

SyncWorker::SyncWorker(store::Database& db, const Clock& clock, TransportConfig transport,
                       WorkerOptions options)
    : db_(db),
      clock_(clock),
      transport_base_(std::move(transport)),
      options_(options),
      batch_records_(options.max_records),
      batch_bytes_(options.max_bytes) {
    assert(options.max_records > 0 && options.max_bytes > 0 && options.max_in_flight > 0 &&
           "batch limits must be positive");
}

void SyncWorker::shrink() {
    batch_records_ = std::max<std::size_t>(1, batch_records_ / 2);
    batch_bytes_ = std::max<std::size_t>(1, batch_bytes_ / 2);
}

void SyncWorker::grow() {
    batch_records_ = std::min(options_.max_records, batch_records_ * 2);
    batch_bytes_ = std::min(options_.max_bytes, batch_bytes_ * 2);
}

// T2 and signing: the next batch as it goes on the wire, or nullopt when nothing is queued.
Result<std::optional<SyncWorker::Prepared>> SyncWorker::prepare(const Identity& identity,
                                                                const TransportConfig& config,
                                                                PassReport& report) {
    for (;;) {
        auto batch = store::claim_batch(db_, batch_records_, batch_bytes_);
        if (!batch) {
            return batch.error();
        }
        if (batch->empty()) {
            return std::optional<Prepared>{};
        }
        Prepared prepared;
        PushBatch wire;
        wire.records.reserve(batch->size());
        for (const auto& rec : *batch) {
            std::string sealed(rec.body.begin(), rec.body.end());
            auto sig =
                sign_record(rec.record_id, static_cast<std::uint64_t>(rec.device_seq), rec.kind,
                            static_cast<std::uint32_t>(rec.schema), sealed, identity.key);
            if (!sig) {
                // A record the kiosk itself cannot sign can never be sent: dead-letter it.
                if (auto s = store::mark_rejected(db_, rec.record_id, sig.error().code); !s) {
                    return s.error();
                }
                ++report.rejected;
                continue;
            }
            prepared.ids.push_back(rec.record_id);
            wire.records.push_back(
                PushRecord{rec.record_id, static_cast<std::uint64_t>(rec.device_seq), rec.kind,
                           static_cast<std::uint32_t>(rec.schema), rec.created_at_device,
                           Envelope{std::move(sealed), std::move(*sig)}});
        }
        if (!prepared.ids.empty()) {
            // gzip here too, while other batches are on the wire, not on the HTTP thread.
            prepared.body = make_request_body(encode(wire), config);
            return std::optional<Prepared>(std::move(prepared));
        }
    }
}

// Applies the reply to a batch that was sent and counts it in `report`. kStop leaves why the
// pass must stop in `failure`.
SyncWorker::Settled SyncWorker::settle(const std::vector<std::string>& ids, const Reply& reply,
                                       PassReport& report, PassOutcome& failure) {
    auto stop = [&](PassOutcome why) {
        failure = std::move(why);
        return Settled::kStop;
    };
    auto give_back = [&](const std::string& why) -> bool {
        auto moved = store::release(db_, ids, why);
        if (!moved) {
            stop(store_failed(moved.error()));
            return false;
        }
        report.released += *moved;
        return true;
    };

    if (reply.verdict == Verdict::too_large ||
        (reply.verdict == Verdict::permanent && reply.error.code == "protocol.malformed")) {
        if (ids.size() == 1) {
            if (reply.error.code != "request.too_large" &&
                reply.error.code != "protocol.malformed") {
                // A bare 413 (a proxy that refuses every push) says nothing about this record:
                // keep it and stop, rather than dead-letter the queue one record at a time.
                if (!give_back(reply.error.code)) {
                    return Settled::kStop;
                }
                return stop(from_reply(reply));
            }
            // The server itself finds this one record too large or unreadable on its own:
            // dead-letter it so the records behind it move.
            if (auto s = store::mark_rejected(db_, ids.front(), reply.error.code); !s) {
                return stop(store_failed(s.error()));
            }
            ++report.rejected;
            return Settled::kNext;
        }
        if (!give_back(reply.error.code)) {
            return Settled::kStop;
        }
        // Halve until the offending record travels alone.
        batch_records_ = std::max<std::size_t>(1, std::min(batch_records_, ids.size()) / 2);
        batch_bytes_ = std::max<std::size_t>(1, batch_bytes_ / 2);
        return Settled::kResized;
    }
    if (reply.verdict != Verdict::ok) {
        if (reply.timed_out) {
            shrink();
        }
        if (!give_back(reply.error.code)) {
            return Settled::kStop;
        }
        return stop(from_reply(reply));
    }
    auto response = decode_push_response(reply.body);
    if (!response) {
        if (!give_back("sync.bad_reply")) {
            return Settled::kStop;
        }
        return stop(failed(Verdict::transient, bad_reply(response.error())));
    }
    auto changed = adopt_epoch(db_, response->epoch);
    if (!changed) {
        return stop(store_failed(changed.error()));
    }
    report.epoch_changed = report.epoch_changed || *changed;

    // Only an ack naming one of the records just sent counts; the first ack per id wins.
    std::unordered_map<std::string, const Ack*> by_id;
    for (const auto& ack : response->acks) {
        by_id.emplace(ack.record_id, &ack);
    }
    std::vector<std::string> acked;
    std::vector<std::string> unanswered;
    for (const auto& id : ids) {
        const auto it = by_id.find(id);
        if (it == by_id.end() || it->second->status == AckStatus::retry_later) {
            unanswered.push_back(id);
            continue;
        }
        const Ack& ack = *it->second;
        if (ack.status == AckStatus::created || ack.status == AckStatus::duplicate) {
            acked.push_back(id);
        } else {
            if (auto s = store::mark_rejected(
                    db_, id, ack.reason.empty() ? std::string("rejected") : ack.reason);
                !s) {
                return stop(store_failed(s.error()));
            }
            ++report.rejected;
        }
    }
    // Once a slice's worth of records was acked since the last purge, the acked rows beyond the
    // retention window go in this ack's transaction (P5): the purge of a long pass is spread
    // over it in short transactions, and adds none. Every ~3 batches of 100 rather than each:
    // a purge first walks the kept rows' index entries to find where the window starts.
    unpurged_ += acked.size();
    const std::size_t purge_now = unpurged_ >= store::kPurgeSliceRows ? unpurged_ : 0;
    auto moved = store::mark_acked_and_purge(db_, acked, options_.acked_retention, purge_now);
    if (!moved) {
        return stop(store_failed(moved.error()));
    }
    if (purge_now > 0) {
        unpurged_ = 0;
    }
    report.acked += moved->acked;
    if (!unanswered.empty()) {
        auto released = store::release(db_, unanswered, "sync.no_ack");
        if (!released) {
            return stop(store_failed(released.error()));
        }
        report.released += *released;
        // The server kept these back (retry_later) or ignored them: try again after a pause
        // rather than spinning on them in this pass.
        return stop(failed(Verdict::transient,
                           make_error("sync.no_ack", std::to_string(unanswered.size()) +
                                                         " record(s) not acknowledged")));
    }
    // A batch claimed before a 413 halved the size does not grow it back: the halving must go on
    // until the record the server refused travels alone.
    if (ids.size() <= batch_records_) {
        grow();
    }
    return Settled::kNext;
}

// P2/P3 as a pipeline. Up to WorkerOptions::max_in_flight batches are on the wire at once,
// each on an HTTP thread (and connection) of its own, and this thread claims and signs the next
// one meanwhile; so the gzip and upload of one batch, the server's work on another and the
// settling of a third overlap. Replies are settled in the order the batches were sent. Once the
// pass must stop (or a 413 changed the batch size) the prepared batch goes back untouched (T5b)
// and, when stopping, nothing more is sent; batches already on the wire are still settled as
// their replies come, so their acks count. At most max_in_flight + 1 batches are `sending`.
PassOutcome SyncWorker::push(HttpThread& http, const TransportConfig& config,
                             const Identity& identity, const std::string& token) {
    struct Flight {
        HttpThread* lane;
        std::vector<std::string> ids;
    };
    PassReport report;
    std::optional<PassOutcome> stopped;  // the first reason to stop
    auto stop = [&](PassOutcome why) {
        if (!stopped) {
            stopped = std::move(why);
        }
    };
    std::deque<Flight> flying;
    std::vector<std::unique_ptr<HttpThread>> lanes;  // beyond `http`, made when first needed
    std::optional<Prepared> next;

    auto prepare_next = [&] {
        if (next || stopped) {
            return;
        }
        auto prepared = prepare(identity, config, report);
        if (!prepared) {
            stop(store_failed(prepared.error()));
        } else if (*prepared) {
            next = std::move(**prepared);
        }
    };
    auto drop_next = [&] {
        if (!next) {
            return;
        }
        auto moved = store::unclaim(db_, next->ids);
        next.reset();
        if (!moved) {
            recovered_ = false;  // its rows stay `sending`: the next pass starts with T6
            stop(store_failed(moved.error()));
        }
    };
    auto free_lane = [&]() -> HttpThread* {
        auto busy = [&](const HttpThread* lane) {
            return std::any_of(flying.begin(), flying.end(),
                               [&](const Flight& f) { return f.lane == lane; });
        };
        if (!busy(&http)) {
            return &http;
        }
        for (const auto& lane : lanes) {
            if (!busy(lane.get())) {
                return lane.get();
            }
        }
        lanes.push_back(std::make_unique<HttpThread>(config));
        return lanes.back().get();
    };

    for (;;) {
        while (!stopped && flying.size() < options_.max_in_flight) {
            prepare_next();
            if (!next) {
                break;  // nothing left to send (or a store failure stopped the pass)
            }
            HttpThread* lane = free_lane();
            lane->start(std::string(kPathPush), std::move(next->body), token);
            flying.push_back(Flight{lane, std::move(next->ids)});
            next.reset();
            ++report.batches;
        }
        if (flying.empty()) {
            break;
        }
        prepare_next();  // while they travel
        const Flight flight = std::move(flying.front());
        flying.pop_front();
        const Reply reply = flight.lane->wait();
        PassOutcome failure;
        switch (settle(flight.ids, reply, report, failure)) {
            case Settled::kNext:
                break;
            case Settled::kResized:
                drop_next();  // prepared at the old size
                break;
            case Settled::kStop:
                stop(std::move(failure));
                break;
        }
        if (stopped) {
            drop_next();
        }
    }
    drop_next();
    if (stopped) {
        return with_report(std::move(*stopped), report);
    }
    PassOutcome out;
    out.ok = true;
    out.report = report;
    return out;
}

// [SECTION] Pull (P4)

namespace {

// True when `next` is in the same epoch as `since` but behind it.
bool going_backwards(std::string_view since, std::string_view next) {
    const auto from = parse_cursor(since);
    const auto to = parse_cursor(next);
    return from && to && !from->epoch.empty() && from->epoch == to->epoch && to->seq < from->seq;
}

}  // namespace

PassOutcome SyncWorker::pull(HttpThread& http, const std::string& token) {
    PassOutcome out;
    out.ok = true;
    int resets = 0;
    for (std::size_t n = 0; n < options_.max_pages_per_pass; ++n) {
        auto state = store::read_sync_state(db_);
        if (!state) {
            return store_failed(state.error());
        }
        const Reply reply =
            http.get(changes_target(state->pull_cursor, options_.page_limit), token);
        if (reply.verdict == Verdict::reset && resets++ == 0) {
            if (auto s = store::restart_pull(db_); !s) {
                return store_failed(s.error());
            }
            continue;
        }
        if (reply.verdict != Verdict::ok) {
            return with_report(from_reply(reply), out.report);
        }
        auto page = decode_changes_page(reply.body);
        if (!page) {
            return with_report(failed(Verdict::transient, bad_reply(page.error())), out.report);
        }
        auto changed = adopt_epoch(db_, page->epoch);
        if (!changed) {
            return store_failed(changed.error());
        }
        if (*changed) {
            // The page was read with a cursor of the old epoch: read again from zero.
            out.report.epoch_changed = true;
            if (resets++ == 0) {
                continue;
            }
        }
        if (going_backwards(state->pull_cursor, page->next)) {
            // A feed never moves back within an epoch: a replayed or foreign page, not news.
            return with_report(
                failed(Verdict::transient,
                       make_error("sync.bad_reply", "the next cursor is behind the one asked for")),
                out.report);
        }
        if (auto s = apply_page(db_, *page); !s) {
            return store_failed(s.error());
        }
        ++out.report.pages;
        out.report.upserts += page->upserts.size();
        out.report.tombstones += page->tombstones.size();
        if (!page->more) {
            return out;
        }
    }
    return out;  // more pages wait; the next pass continues from the stored cursor
}

// [SECTION] Pass and status

PassOutcome SyncWorker::run_pass() {
    if (!recovered_) {
        auto moved = store::recover_after_crash(db_);
        if (!moved) {
            return store_failed(moved.error());
        }
        recovered_ = true;
    }
    // From the identity check to the bookkeeping: the worker's own writes (RelaxedDurability).
    std::optional<RelaxedDurability> relaxed;
    PassOutcome out = [&]() -> PassOutcome {
        auto needed = store::get_bool_setting(db_, keys::kEnrolmentNeeded);
        if (!needed) {
            return store_failed(needed.error());
        }
        if (needed->value_or(false)) {
            return failed(Verdict::enrolment_needed,
                          make_error("sync.enrolment_needed",
                                     "the server refused this kiosk; staff must enrol it again"));
        }
        auto token = store::get_setting(db_, keys::kToken);
        if (!token) {
            return store_failed(token.error());
        }
        if (!token->has_value()) {
            return failed(Verdict::enrolment_needed,
                          make_error("sync.not_enrolled", "this kiosk is not enrolled yet"));
        }
        auto identity = ensure_identity(db_);
        if (!identity) {
            return failed(Verdict::enrolment_needed, identity.error());
        }
        if (options_.relaxed_durability) {
            relaxed.emplace(db_);
        }
        auto config = transport_config_from(db_, transport_base_);
        if (!config) {
            return store_failed(config.error());
        }
        HttpThread http(*config);
        PassOutcome pushed = push(http, *config, *identity, **token);
        if (!pushed.ok) {
            return pushed;
        }
        PassOutcome pulled = pull(http, **token);
        if (pulled.ok && pulled.report.epoch_changed) {
            // The feed revealed a restored server and its records were requeued: send them now.
            PassOutcome again = push(http, *config, *identity, **token);
            add_push_report(pushed.report, again.report);
            if (!again.ok) {
                again.report = pushed.report;
                again.report.pages = pulled.report.pages;
                again.report.upserts = pulled.report.upserts;
                again.report.tombstones = pulled.report.tombstones;
                again.report.epoch_changed = true;
                return again;
            }
        }
        pulled.report.acked = pushed.report.acked;
        pulled.report.rejected = pushed.report.rejected;
        pulled.report.released = pushed.report.released;
        pulled.report.batches = pushed.report.batches;
        pulled.report.epoch_changed = pulled.report.epoch_changed || pushed.report.epoch_changed;
        return pulled;
    }();

    // Bookkeeping failures here must not hide the pass's own outcome; they are retried next time.
    if (out.ok) {
        (void)store::set_int_setting(db_, keys::kLastSuccess, clock_.unix_seconds());
        (void)store::erase_setting(db_, keys::kLastError);
        // What the acks did not purge (a batch larger than a slice, rows acked by an earlier
        // pass), in slices too. purge_acked checkpoints only when it deleted something; the WAL
        // also holds the pass's other writes.
        (void)store::purge_acked(db_, options_.acked_retention);
        (void)db_.checkpoint();
    } else {
        (void)store::set_setting(db_, keys::kLastError, out.error.code + ": " + out.error.message);
        if (out.verdict == Verdict::enrolment_needed && out.error.code != "sync.not_enrolled" &&
            out.error.code != "sync.enrolment_needed") {
            (void)store::set_bool_setting(db_, keys::kEnrolmentNeeded, true);
        }
    }
    return out;
}

Result<SyncStatus> read_status(store::Database& db) {
    SyncStatus st;
    auto get = [&](std::string_view key, std::optional<std::string>& into) -> Status {
        auto v = store::get_setting(db, key);
        if (!v) {
            return v.error();
        }
        into = std::move(*v);
        return Ok{};
    };
    std::optional<std::string> token;
    for (auto [key, into] :
         {std::pair{keys::kDeviceId, &st.device_id}, std::pair{keys::kServerUrl, &st.server_url},
          std::pair{keys::kCentre, &st.centre}, std::pair{keys::kToken, &token},
          std::pair{keys::kLastError, &st.last_error}}) {
        if (auto s = get(key, *into); !s) {
            return s.error();
        }
    }
    st.enrolled = token.has_value();
    auto needed = store::get_bool_setting(db, keys::kEnrolmentNeeded);
    if (!needed) {
        return needed.error();
    }
    st.enrolment_needed = needed->value_or(false);
    auto last = store::get_int_setting(db, keys::kLastSuccess);
    if (!last) {
        return last.error();
    }
    st.last_success = *last;
    auto queue = store::counts(db);
    if (!queue) {
        return queue.error();
    }
    st.queue = *queue;
    auto sync = store::read_sync_state(db);
    if (!sync) {
        return sync.error();
    }
    st.epoch = sync->server_epoch;
    st.cursor = sync->pull_cursor;
    st.offers = sync->offers;
    return st;
}

Result<std::optional<std::string>> stored_offer(store::Database& db, std::string_view id) {
    return store::find_offer(db, id);
}

}  // namespace kiosk::sync::client

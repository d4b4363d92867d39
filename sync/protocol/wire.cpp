// Encoders build nlohmann::json objects (std::map: keys come out sorted) and dump them without
// whitespace; decoders walk the parsed tree with Obj, which rejects anything it was not told
// about. Decode failures are thrown as Malformed inside this file and returned as Results at
// each decode_* edge.
#include "sync/protocol/wire.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <set>
#include <utility>

#include "sync/protocol/encoding.hpp"
#include "sync/protocol/strict_json.hpp"

namespace kiosk::sync {
namespace {

using nlohmann::json;

constexpr std::size_t kEd25519SignatureBytes = 64;
constexpr std::size_t kEd25519PublicKeyBytes = 32;
constexpr std::size_t kSealOverheadBytes = 48;  // crypto_box_SEALBYTES

using detail::decode_with;
using detail::dump;
using detail::fail;
using detail::index;
using detail::Obj;

}  // namespace

bool is_record_kind(std::string_view kind) {
    if (kind.empty() || kind.size() > kMaxKindChars || kind[0] < 'a' || kind[0] > 'z') {
        return false;
    }
    return std::all_of(kind.begin(), kind.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

namespace {

json envelope_json(const Envelope& m) {
    return json{{"sealed", to_base64url(m.sealed)}, {"sig", to_base64url(m.signature)}};
}

Envelope envelope_from(const json& j, const std::string& path) {
    const Obj o(j, path, {"sealed", "sig"});
    Envelope e;
    e.sealed = o.bytes("sealed", kSealOverheadBytes + 1, kMaxSealedBytes);
    e.signature = o.bytes("sig", kEd25519SignatureBytes, kEd25519SignatureBytes);
    return e;
}

json versioned(json j) {
    j["v"] = kProtocolVersion;
    return j;
}

}  // namespace

std::string_view to_string(AckStatus status) {
    switch (status) {
        case AckStatus::created:
            return "created";
        case AckStatus::duplicate:
            return "duplicate";
        case AckStatus::rejected:
            return "rejected";
        case AckStatus::retry_later:
            return "retry_later";
    }
    return "rejected";
}

// [SECTION] Cursors

std::string format_cursor(const Cursor& cursor) {
    if (cursor.epoch.empty()) {
        return "0";
    }
    return cursor.epoch + "-" + std::to_string(cursor.seq);
}

Result<Cursor> parse_cursor(std::string_view text) {
    if (text == "0") {
        return Cursor{};
    }
    const auto dash = text.find('-');
    const auto bad = make_error("protocol.malformed", "since: expected 0 or <epoch>-<sequence>");
    if (dash != kIdHexChars || !is_id(text.substr(0, dash))) {
        return bad;
    }
    const auto digits = text.substr(dash + 1);
    Cursor c{std::string(text.substr(0, dash)), 0};
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), c.seq);
    if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() ||
        (digits.size() > 1 && digits[0] == '0')) {
        return bad;
    }
    return c;
}

std::string changes_target(std::string_view since, std::size_t limit) {
    // Cursors are [0-9a-f-] only, so they need no percent-encoding.
    return std::string(kPathChanges) + "?since=" + std::string(since) +
           "&limit=" + std::to_string(limit);
}

// [SECTION] Encoders

std::string encode(const Envelope& m) {
    return dump(envelope_json(m));
}

std::string encode(const EnrollRequest& m) {
    return dump(versioned({{"code", m.code},
                           {"device_id", m.device_id},
                           {"sign_public_key", to_base64url(m.sign_public_key)}}));
}

std::string encode(const EnrollResponse& m) {
    return dump(versioned({{"epoch", m.epoch},
                           {"device_id", m.device_id},
                           {"token", m.token},
                           {"centre", m.centre}}));
}

std::string encode(const PushBatch& m) {
    json records = json::array();
    for (const auto& r : m.records) {
        records.push_back({{"record_id", r.record_id},
                           {"device_seq", r.device_seq},
                           {"kind", r.kind},
                           {"schema", r.schema},
                           {"created_at_device", r.created_at_device},
                           {"body", envelope_json(r.body)}});
    }
    return dump(versioned({{"records", std::move(records)}}));
}

std::string encode(const PushResponse& m) {
    json acks = json::array();
    for (const auto& a : m.acks) {
        acks.push_back(
            {{"record_id", a.record_id}, {"status", to_string(a.status)}, {"reason", a.reason}});
    }
    return dump(versioned({{"epoch", m.epoch}, {"acks", std::move(acks)}}));
}

std::string encode(const ChangesPage& m) {
    json upserts = json::array();
    for (const auto& u : m.upserts) {
        upserts.push_back({{"id", u.id}, {"offer", u.offer}});
    }
    return dump(versioned({{"epoch", m.epoch},
                           {"upserts", std::move(upserts)},
                           {"tombstones", m.tombstones},
                           {"next", m.next},
                           {"more", m.more}}));
}

std::string encode(const HealthResponse& m) {
    return dump(versioned({{"epoch", m.epoch}, {"status", m.status}}));
}

std::string encode(const ErrorResponse& m) {
    return dump(
        versioned({{"epoch", m.epoch}, {"error", {{"code", m.code}, {"message", m.message}}}}));
}

// [SECTION] Decoders

Result<Envelope> decode_envelope(std::string_view text) {
    return decode_with<Envelope>(text, [](const json& j) { return envelope_from(j, ""); });
}

Result<EnrollRequest> decode_enroll_request(std::string_view text) {
    return decode_with<EnrollRequest>(text, [](const json& j) {
        const Obj o(j, "", {"v", "code", "device_id", "sign_public_key"});
        o.version();
        return EnrollRequest{
            o.text("code", kMaxTextChars), o.id("device_id"),
            o.bytes("sign_public_key", kEd25519PublicKeyBytes, kEd25519PublicKeyBytes)};
    });
}

Result<EnrollResponse> decode_enroll_response(std::string_view text) {
    return decode_with<EnrollResponse>(text, [](const json& j) {
        const Obj o(j, "", {"v", "epoch", "device_id", "token", "centre"});
        o.version();
        return EnrollResponse{o.epoch(), o.id("device_id"), o.text("token", kMaxTextChars),
                              o.text("centre", kMaxTextChars)};
    });
}

Result<PushBatch> decode_push_batch(std::string_view text) {
    return decode_with<PushBatch>(text, [](const json& j) {
        const Obj o(j, "", {"v", "records"});
        o.version();
        const json& records = o.array("records", kMaxBatchRecords);
        PushBatch batch;
        batch.records.reserve(records.size());
        std::set<std::string> seen;
        for (std::size_t i = 0; i < records.size(); ++i) {
            const std::string path = index("records", i);
            const Obj r(records[i], path,
                        {"record_id", "device_seq", "kind", "schema", "created_at_device", "body"});
            PushRecord rec;
            rec.record_id = r.id("record_id");
            if (!seen.insert(rec.record_id).second) {
                fail(r.field("record_id"), "repeated in the same batch");
            }
            rec.device_seq = r.uint("device_seq", 1, std::numeric_limits<std::int64_t>::max());
            rec.kind = r.text("kind", kMaxKindChars);
            if (!is_record_kind(rec.kind)) {
                fail(r.field("kind"), "expected [a-z][a-z0-9_]*");
            }
            rec.schema = static_cast<std::uint32_t>(
                r.uint("schema", 1, std::numeric_limits<std::int32_t>::max()));
            rec.created_at_device = r.int64("created_at_device");
            rec.body = envelope_from(r.at("body"), r.field("body"));
            batch.records.push_back(std::move(rec));
        }
        return batch;
    });
}

Result<PushResponse> decode_push_response(std::string_view text) {
    return decode_with<PushResponse>(text, [](const json& j) {
        const Obj o(j, "", {"v", "epoch", "acks"});
        o.version();
        PushResponse resp;
        resp.epoch = o.epoch();
        const json& acks = o.array("acks", kMaxBatchRecords);
        std::set<std::string> seen;
        for (std::size_t i = 0; i < acks.size(); ++i) {
            const Obj a(acks[i], index("acks", i), {"record_id", "status", "reason"});
            Ack ack;
            ack.record_id = a.id("record_id");
            if (!seen.insert(ack.record_id).second) {
                // Two answers for one record cannot both be true: trust neither.
                fail(a.field("record_id"), "answered twice in the same reply");
            }
            const std::string status = a.text("status", 16);
            if (status == "created") {
                ack.status = AckStatus::created;
            } else if (status == "duplicate") {
                ack.status = AckStatus::duplicate;
            } else if (status == "rejected") {
                ack.status = AckStatus::rejected;
            } else if (status == "retry_later") {
                ack.status = AckStatus::retry_later;
            } else {
                fail(a.field("status"), "unknown status \"" + status + "\"");
            }
            ack.reason = a.text("reason", kMaxReasonChars, true);
            if (ack.status == AckStatus::rejected && ack.reason.empty()) {
                fail(a.field("reason"), "a rejection needs a reason");
            }
            resp.acks.push_back(std::move(ack));
        }
        return resp;
    });
}

Result<ChangesPage> decode_changes_page(std::string_view text) {
    return decode_with<ChangesPage>(text, [](const json& j) {
        const Obj o(j, "", {"v", "epoch", "upserts", "tombstones", "next", "more"});
        o.version();
        ChangesPage page;
        page.epoch = o.epoch();
        const json& upserts = o.array("upserts", kMaxPageItems);
        const json& tombstones = o.array("tombstones", kMaxPageItems);
        if (upserts.size() + tombstones.size() > kMaxPageItems) {
            fail("upserts",
                 "more than " + std::to_string(kMaxPageItems) + " items with the tombstones");
        }
        std::set<std::string> seen;
        auto offer_id = [&](std::string id, const std::string& field) {
            if (!is_offer_id(id)) {
                fail(field, "expected 1..64 of [A-Za-z0-9_.-]");
            }
            if (!seen.insert(id).second) {
                fail(field, "offer id appears twice in one page");
            }
            return id;
        };
        for (std::size_t i = 0; i < upserts.size(); ++i) {
            const Obj u(upserts[i], index("upserts", i), {"id", "offer"});
            OfferUpsert up;
            up.id = offer_id(u.text("id", kMaxOfferIdChars), u.field("id"));
            up.offer = u.at("offer");
            if (!up.offer.is_object()) {
                fail(u.field("offer"), "expected an object");
            }
            page.upserts.push_back(std::move(up));
        }
        for (std::size_t i = 0; i < tombstones.size(); ++i) {
            const std::string field = index("tombstones", i);
            if (!tombstones[i].is_string()) {
                fail(field, "expected a string");
            }
            page.tombstones.push_back(offer_id(tombstones[i].get<std::string>(), field));
        }
        page.next = o.text("next", kIdHexChars + 21);
        const auto cursor = parse_cursor(page.next);
        if (!cursor) {
            fail("next", "expected 0 or <epoch>-<sequence>");
        }
        if (!cursor->epoch.empty() && cursor->epoch != page.epoch) {
            fail("next", "cursor from another epoch");
        }
        page.more = o.boolean("more");
        return page;
    });
}

Result<HealthResponse> decode_health_response(std::string_view text) {
    return decode_with<HealthResponse>(text, [](const json& j) {
        const Obj o(j, "", {"v", "epoch", "status"});
        o.version();
        return HealthResponse{o.epoch(), o.text("status", kMaxTextChars)};
    });
}

Result<ErrorResponse> decode_error_response(std::string_view text) {
    return decode_with<ErrorResponse>(text, [](const json& j) {
        const Obj o(j, "", {"v", "epoch", "error"});
        o.version();
        const Obj e(o.at("error"), "error", {"code", "message"});
        return ErrorResponse{o.epoch(true), e.text("code", kMaxTextChars),
                             e.text("message", kMaxTextChars * 4, true)};
    });
}

bool is_offer_id(std::string_view id) {
    return !id.empty() && id.size() <= kMaxOfferIdChars &&
           std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '_' || c == '.' || c == '-';
           });
}

Result<std::string> canonical_offer(std::string_view text) {
    if (text.size() > kMaxOfferBytes) {
        return make_error("protocol.malformed",
                          "offer: longer than " + std::to_string(kMaxOfferBytes) + " bytes");
    }
    return decode_with<std::string>(text, [](const json& j) {
        if (!j.is_object()) {
            fail("offer", "expected an object");
        }
        return dump(j);
    });
}

}  // namespace kiosk::sync

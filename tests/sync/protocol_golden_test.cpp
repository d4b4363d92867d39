// Golden bytes: each message type encodes to exactly the file under tests/sync/golden/ (written
// independently of the encoder, with Python's json.dumps(sort_keys=True)), and decoding that
// file gives back the same struct. A change to the wire format must change these files.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "sync/protocol/encoding.hpp"
#include "sync/protocol/envelope.hpp"
#include "sync/protocol/wire.hpp"

namespace kiosk::sync {
namespace {

const std::string kEpoch = "0123456789abcdef0123456789abcdef";
const std::string kDevice = "d0d1d2d3d4d5d6d7d8d9dadbdcdddedf";
const std::string kR1 = "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf";
const std::string kR2 = "b0b1b2b3b4b5b6b7b8b9babbbcbdbebf";
const std::string kR3 = "c0c1c2c3c4c5c6c7c8c9cacbcccdcecf";
const std::string kR4 = "e0e1e2e3e4e5e6e7e8e9eaebecedeeef";

std::string golden(const std::string& name) {
    std::ifstream in(std::string(KIOSK_GOLDEN_DIR) + "/" + name, std::ios::binary);
    EXPECT_TRUE(in.good()) << "missing golden file " << name;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string bytes_from(int first, int count) {
    std::string s;
    for (int i = 0; i < count; ++i) {
        s.push_back(static_cast<char>(first + i));
    }
    return s;
}

Envelope envelope1() {
    return Envelope{bytes_from(0, 49), bytes_from(64, 64)};
}

PushBatch batch() {
    PushBatch b;
    b.records.push_back(PushRecord{kR1, 1, "registration", 3, 1790000000, envelope1()});
    b.records.push_back(PushRecord{kR2, 2, "interest", 1, -5,
                                   Envelope{std::string(60, '\xff'), std::string(64, 'Z')}});
    return b;
}

template <typename T, typename Decode>
void expect_golden(const T& message, const std::string& file, Decode decode) {
    const std::string bytes = golden(file);
    EXPECT_EQ(encode(message), bytes) << file;
    auto decoded = decode(bytes);
    ASSERT_TRUE(decoded.ok()) << file << ": " << decoded.error().message;
    EXPECT_EQ(*decoded, message) << file;
}

TEST(ProtocolGolden, EnrollRequest) {
    expect_golden(EnrollRequest{"QG7C-S6NR-BA0A-3WVB", kDevice, bytes_from(0, 32)},
                  "enroll_request.json", decode_enroll_request);
}

TEST(ProtocolGolden, EnrollResponse) {
    expect_golden(EnrollResponse{kEpoch, kDevice, "dG9rZW4tZm9yLXRlc3RzLW9ubHktMzItYnl0ZXMhISE",
                                 "Centre Nord \u2013 Caf\u00e9"},
                  "enroll_response.json", decode_enroll_response);
}

TEST(ProtocolGolden, PushBatch) {
    expect_golden(batch(), "push_batch.json", decode_push_batch);
}

TEST(ProtocolGolden, PushResponse) {
    PushResponse r{kEpoch,
                   {Ack{kR1, AckStatus::created, ""}, Ack{kR2, AckStatus::duplicate, ""},
                    Ack{kR3, AckStatus::rejected, "conflict"},
                    Ack{kR4, AckStatus::retry_later, "store.busy"}}};
    expect_golden(r, "push_response.json", decode_push_response);
}

TEST(ProtocolGolden, ChangesPage) {
    ChangesPage p;
    p.epoch = kEpoch;
    p.upserts.push_back(OfferUpsert{
        "job-17",
        nlohmann::json{
            {"title", "Cook"}, {"hours", 20}, {"languages", {"ar", "fr"}}, {"remote", false}}});
    p.upserts.push_back(OfferUpsert{"job.18_B", nlohmann::json::object()});
    p.tombstones = {"job-3"};
    p.next = format_cursor(Cursor{kEpoch, 42});
    p.more = true;
    expect_golden(p, "changes_page.json", decode_changes_page);
}

TEST(ProtocolGolden, EmptyChangesPage) {
    ChangesPage p;
    p.epoch = kEpoch;
    p.next = "0";
    expect_golden(p, "changes_page_empty.json", decode_changes_page);
}

TEST(ProtocolGolden, Health) {
    expect_golden(HealthResponse{kEpoch, "ok"}, "health.json", decode_health_response);
}

TEST(ProtocolGolden, ErrorWithAndWithoutEpoch) {
    expect_golden(ErrorResponse{kEpoch, "auth.revoked", "this device has been revoked"},
                  "error.json", decode_error_response);
    expect_golden(ErrorResponse{"", "store.unavailable", "retry later"}, "error_no_epoch.json",
                  decode_error_response);
}

TEST(ProtocolGolden, Envelope) {
    expect_golden(envelope1(), "envelope.json", decode_envelope);
}

TEST(ProtocolGolden, SealedPlaintext) {
    const RecordContent c{
        kR1,
        kDevice,
        "registration",
        3,
        "2026-01",
        nlohmann::json{
            {"given_name", "Amal"}, {"languages", {"ar", "en"}}, {"phone", "+000 0000 0001"}}};
    EXPECT_EQ(encode_plaintext(c), golden("record_plaintext.json"));
}

TEST(ProtocolGolden, SigningMessage) {
    const std::string msg = signing_message(kR1, 1, "registration", 3, bytes_from(0, 49));
    EXPECT_EQ(to_hex(msg), golden("signing_message.hex"));
}

TEST(ProtocolGolden, ChangesTarget) {
    EXPECT_EQ(changes_target("0", 100), "/v1/changes?since=0&limit=100");
    EXPECT_EQ(changes_target(kEpoch + "-7", 5), "/v1/changes?since=" + kEpoch + "-7&limit=5");
}

}  // namespace
}  // namespace kiosk::sync

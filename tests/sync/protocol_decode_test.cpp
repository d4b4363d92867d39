// Strict decoding: a table of malformed messages, each with the error code and the start of the
// message (field path first) that it must produce. Valid inputs are taken from the golden files
// and broken one way at a time.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "sync/protocol/wire.hpp"

namespace kiosk::sync {
namespace {

using nlohmann::json;

std::string golden(const std::string& name) {
    std::ifstream in(std::string(KIOSK_GOLDEN_DIR) + "/" + name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A golden message with one change applied.
std::string mutate(const std::string& file, const std::function<void(json&)>& change) {
    json j = json::parse(golden(file));
    change(j);
    return j.dump();
}

enum class Kind { enroll_request, push_batch, push_response, changes, health, error };

Status decode(Kind kind, const std::string& text) {
    auto drop = [](const auto& r) -> Status {
        if (r.ok()) {
            return Ok{};
        }
        return r.error();
    };
    switch (kind) {
        case Kind::enroll_request:
            return drop(decode_enroll_request(text));
        case Kind::push_batch:
            return drop(decode_push_batch(text));
        case Kind::push_response:
            return drop(decode_push_response(text));
        case Kind::changes:
            return drop(decode_changes_page(text));
        case Kind::health:
            return drop(decode_health_response(text));
        case Kind::error:
            return drop(decode_error_response(text));
    }
    return Ok{};
}

struct Case {
    std::string name;
    Kind kind;
    std::string input;
    std::string code;
    std::string message_prefix;
};

std::string batch_with(const std::function<void(json&)>& change) {
    return mutate("push_batch.json", change);
}

std::vector<Case> cases() {
    const std::string m = "protocol.malformed";
    std::vector<Case> c = {
        {"not json", Kind::push_batch, "{\"v\":1,", m, "(message): not valid JSON"},
        {"empty input", Kind::health, "", m, "(message): not valid JSON"},
        {"top level array", Kind::push_batch, "[]", m, "(message): expected an object"},
        {"missing v", Kind::push_batch, batch_with([](json& j) { j.erase("v"); }), m, "v: missing"},
        {"v as string", Kind::push_batch, batch_with([](json& j) { j["v"] = "1"; }), m,
         "v: expected an integer"},
        {"future version", Kind::push_batch, batch_with([](json& j) { j["v"] = 2; }),
         "protocol.version", "v: unsupported protocol version 2"},
        {"unknown top field", Kind::push_batch, batch_with([](json& j) { j["extra"] = 1; }), m,
         "extra: unknown field"},
        {"duplicate key", Kind::health,
         "{\"epoch\":\"0123456789abcdef0123456789abcdef\",\"status\":\"ok\",\"v\":1,\"v\":1}", m,
         "v: duplicate key"},
        {"records not array", Kind::push_batch, batch_with([](json& j) { j["records"] = "x"; }), m,
         "records: expected an array"},
        {"too many records", Kind::push_batch, batch_with([](json& j) {
             j["records"] = json::array();
             for (int i = 0; i <= 1000; ++i) {
                 j["records"].push_back(1);
             }
         }),
         m, "records: more than 1000 items"},
        {"record id 31 chars", Kind::push_batch,
         batch_with([](json& j) { j["records"][0]["record_id"] = std::string(31, 'a'); }), m,
         "records[0].record_id: expected 32 lowercase hex"},
        {"record id 33 chars", Kind::push_batch,
         batch_with([](json& j) { j["records"][1]["record_id"] = std::string(33, 'a'); }), m,
         "records[1].record_id: longer than 32 bytes"},
        {"record id uppercase", Kind::push_batch,
         batch_with([](json& j) { j["records"][0]["record_id"] = std::string(32, 'A'); }), m,
         "records[0].record_id: expected 32 lowercase hex"},
        {"record id not hex", Kind::push_batch,
         batch_with([](json& j) { j["records"][0]["record_id"] = std::string(32, 'g'); }), m,
         "records[0].record_id: expected 32 lowercase hex"},
        {"record id repeated", Kind::push_batch,
         batch_with([](json& j) { j["records"][1]["record_id"] = j["records"][0]["record_id"]; }),
         m, "records[1].record_id: repeated in the same batch"},
        {"device_seq negative", Kind::push_batch,
         batch_with([](json& j) { j["records"][0]["device_seq"] = -1; }), m,
         "records[0].device_seq: negative"},
        {"device_seq zero", Kind::push_batch,
         batch_with([](json& j) { j["records"][0]["device_seq"] = 0; }), m,
         "records[0].device_seq: out of range"},
        {"device_seq fraction", Kind::push_batch,
         batch_with([](json& j) { j["records"][0]["device_seq"] = 1.5; }), m,
         "records[0].device_seq: expected an unsigned integer"},
        {"device_seq string", Kind::push_batch,
         batch_with([](json& j) { j["records"][0]["device_seq"] = "1"; }), m,
         "records[0].device_seq: expected an unsigned integer"},
        {"kind with capitals", Kind::push_batch,
         batch_with([](json& j) { j["records"][0]["kind"] = "Registration"; }), m,
         "records[0].kind: expected [a-z][a-z0-9_]*"},
        {"kind too long", Kind::push_batch,
         batch_with([](json& j) { j["records"][0]["kind"] = std::string(33, 'k'); }), m,
         "records[0].kind: longer than 32 bytes"},
        {"schema missing", Kind::push_batch,
         batch_with([](json& j) { j["records"][1].erase("schema"); }), m,
         "records[1].schema: missing"},
        {"created_at beyond int64", Kind::push_batch,
         batch_with([](json& j) { j["records"][0]["created_at_device"] = std::uint64_t{1} << 63; }),
         m, "records[0].created_at_device: out of range"},
        {"unknown record field", Kind::push_batch,
         batch_with([](json& j) { j["records"][0]["colour"] = "red"; }), m,
         "records[0].colour: unknown field"},
        {"body not object", Kind::push_batch,
         batch_with([](json& j) { j["records"][0]["body"] = "sealed"; }), m,
         "records[0].body: expected an object"},
        {"signature 63 bytes", Kind::push_batch, batch_with([](json& j) {
             j["records"][0]["body"]["sig"] = std::string(84, 'A');  // 63 bytes
         }),
         m, "records[0].body.sig: expected 64 bytes"},
        {"sealed not base64", Kind::push_batch,
         batch_with([](json& j) { j["records"][0]["body"]["sealed"] = "!!!!"; }), m,
         "records[0].body.sealed: not canonical base64url"},
        {"sealed with padding", Kind::push_batch, batch_with([](json& j) {
             j["records"][0]["body"]["sealed"] =
                 j["records"][0]["body"]["sealed"].get<std::string>() + "==";
         }),
         m, "records[0].body.sealed: not canonical base64url"},
        {"sealed shorter than a box", Kind::push_batch,
         batch_with([](json& j) { j["records"][0]["body"]["sealed"] = "AAAA"; }), m,
         "records[0].body.sealed: expected 49..65536 bytes"},
        {"invalid utf-8", Kind::error,
         "{\"epoch\":\"\",\"error\":{\"code\":\"x\",\"message\":\"\xc3\x28\"},\"v\":1}", m,
         "(message): not valid JSON"},
        {"nested too deep", Kind::health,
         "{\"epoch\":" + std::string(40, '[') + std::string(40, ']') + "}", m,
         "(message): nested deeper than 32 levels"},
        {"unknown ack status", Kind::push_response,
         mutate("push_response.json", [](json& j) { j["acks"][0]["status"] = "accepted"; }), m,
         "acks[0].status: unknown status \"accepted\""},
        {"rejected without reason", Kind::push_response,
         mutate("push_response.json", [](json& j) { j["acks"][2]["reason"] = ""; }), m,
         "acks[2].reason: a rejection needs a reason"},
        {"one record answered twice", Kind::push_response,
         mutate("push_response.json",
                [](json& j) { j["acks"][1]["record_id"] = j["acks"][0]["record_id"]; }),
         m, "acks[1].record_id: answered twice in the same reply"},
        {"number beyond double", Kind::health, "{\"epoch\":\"e\",\"status\":\"ok\",\"v\":1e400}", m,
         "(message): unreadable JSON"},
        {"ack without epoch", Kind::push_response,
         mutate("push_response.json", [](json& j) { j.erase("epoch"); }), m, "epoch: missing"},
        {"enrol key 31 bytes", Kind::enroll_request,
         mutate("enroll_request.json",
                [](json& j) { j["sign_public_key"] = std::string(41, 'A') + "Q"; }),
         m, "sign_public_key: expected 32 bytes"},
        {"enrol empty code", Kind::enroll_request,
         mutate("enroll_request.json", [](json& j) { j["code"] = ""; }), m, "code: empty"},
        {"cursor from another epoch", Kind::changes,
         mutate("changes_page.json", [](json& j) { j["next"] = std::string(32, 'f') + "-42"; }), m,
         "next: cursor from another epoch"},
        {"cursor with leading zero", Kind::changes,
         mutate("changes_page.json",
                [](json& j) { j["next"] = j["epoch"].get<std::string>() + "-042"; }),
         m, "next: expected 0 or <epoch>-<sequence>"},
        {"bad tombstone id", Kind::changes,
         mutate("changes_page.json", [](json& j) { j["tombstones"][0] = "job 3"; }), m,
         "tombstones[0]: expected 1..64 of [A-Za-z0-9_.-]"},
        {"offer id twice in a page", Kind::changes,
         mutate("changes_page.json", [](json& j) { j["tombstones"][0] = "job-17"; }), m,
         "tombstones[0]: offer id appears twice in one page"},
        {"offer not an object", Kind::changes,
         mutate("changes_page.json", [](json& j) { j["upserts"][1]["offer"] = json::array(); }), m,
         "upserts[1].offer: expected an object"},
        {"more as string", Kind::changes,
         mutate("changes_page.json", [](json& j) { j["more"] = "true"; }), m,
         "more: expected true or false"},
        {"health epoch empty", Kind::health,
         mutate("health.json", [](json& j) { j["epoch"] = ""; }), m, "epoch: empty"},
        {"error without code", Kind::error,
         mutate("error.json", [](json& j) { j["error"].erase("code"); }), m, "error.code: missing"},
    };
    return c;
}

TEST(ProtocolDecode, RejectsEachMalformedInputWithItsError) {
    const auto table = cases();
    ASSERT_GE(table.size(), 20U);
    for (const auto& c : table) {
        const Status s = decode(c.kind, c.input);
        ASSERT_FALSE(s.ok()) << c.name << " was accepted";
        EXPECT_EQ(s.error().code, c.code) << c.name;
        EXPECT_EQ(s.error().message.rfind(c.message_prefix, 0), 0U)
            << c.name << ": got \"" << s.error().message << "\"";
    }
}

TEST(ProtocolDecode, GoldenInputsAreAcceptedBeforeMutation) {
    // The table above is only meaningful if the unmutated messages decode.
    EXPECT_TRUE(decode(Kind::push_batch, golden("push_batch.json")).ok());
    EXPECT_TRUE(decode(Kind::push_response, golden("push_response.json")).ok());
    EXPECT_TRUE(decode(Kind::changes, golden("changes_page.json")).ok());
    EXPECT_TRUE(decode(Kind::enroll_request, golden("enroll_request.json")).ok());
    EXPECT_TRUE(decode(Kind::health, golden("health.json")).ok());
    EXPECT_TRUE(decode(Kind::error, golden("error.json")).ok());
}

TEST(ProtocolDecode, CursorsParseStrictly) {
    const std::string epoch(32, 'a');
    EXPECT_EQ(*parse_cursor("0"), Cursor{});
    EXPECT_EQ(*parse_cursor(epoch + "-0"), (Cursor{epoch, 0}));
    EXPECT_EQ(*parse_cursor(epoch + "-18446744073709551615"), (Cursor{epoch, UINT64_MAX}));
    for (const std::string& bad : std::vector<std::string>{
             "", "00", "1", epoch, epoch + "-", epoch + "-01", epoch + "-18446744073709551616",
             epoch + "--1", std::string(31, 'a') + "-1", epoch + "-1x"}) {
        EXPECT_FALSE(parse_cursor(bad).ok()) << "accepted \"" << bad << "\"";
    }
    EXPECT_EQ(format_cursor(Cursor{epoch, 9}), epoch + "-9");
    EXPECT_EQ(format_cursor(Cursor{}), "0");
}

TEST(ProtocolDecode, OffersAreCanonicalisedAndBounded) {
    EXPECT_EQ(*canonical_offer("{ \"b\": 1, \"a\": [true] }"), "{\"a\":[true],\"b\":1}");
    EXPECT_FALSE(canonical_offer("[1]").ok());
    EXPECT_FALSE(canonical_offer("{\"a\":1,\"a\":2}").ok());
    EXPECT_EQ(canonical_offer("{\"a\":\"" + std::string(kMaxOfferBytes, 'x') + "\"}")
                  .error()
                  .message.rfind("offer: longer than", 0),
              0U);
}

}  // namespace
}  // namespace kiosk::sync

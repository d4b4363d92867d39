// Sealed records end to end (seal on the "kiosk", open on the "server"), every tampering the
// server must catch, the compression ratio of a typical registration, key files, gzip limits
// and the strict byte encodings under them.
#include <gtest/gtest.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "sync/protocol/encoding.hpp"
#include "sync/protocol/envelope.hpp"
#include "sync/protocol/gzip.hpp"
#include "sync/protocol/wire.hpp"

namespace kiosk::sync {
namespace {

using nlohmann::json;

// A made-up but complete registration, shaped like what the kiosk's form collects.
json typical_registration() {
    return json{
        {"given_name", "Amal"},
        {"family_name", "Haddad"},
        {"phone", {{"calling_code", "+90"}, {"national_number", "0532 000 00 01"}}},
        {"email", "amal.test@example.invalid"},
        {"year_of_birth", 1990},
        {"gender", "female"},
        {"nationality", "SY"},
        {"city", "Gaziantep"},
        {"languages",
         json::array({{{"code", "ara"}, {"spoken", "C2"}, {"written", "C2"}},
                      {{"code", "tur"}, {"spoken", "B1"}, {"written", "A2"}},
                      {{"code", "eng"}, {"spoken", "A2"}, {"written", "does_not_write"}}})},
        {"education", {{"isced_level", 6}, {"isced_field", "04"}}},
        {"occupations",
         json::array({{{"catalogue_id", "isco-5120"}, {"free_text", ""}},
                      {{"catalogue_id", ""}, {"free_text", "bookkeeping for a family shop"}}})},
        {"work_history", json::array({{{"role", "Cook"},
                                       {"country", "SY"},
                                       {"from_year", 2012},
                                       {"to_year", 2016},
                                       {"ongoing", false}},
                                      {{"role", "Cashier"},
                                       {"country", "TR"},
                                       {"from_year", 2019},
                                       {"to_year", nullptr},
                                       {"ongoing", true}}})},
        {"prior_learning",
         json::array({{{"description", "Food hygiene course, 2020"}, {"has_documents", true}}})},
        {"availability", {{"when", "within_a_month"}, {"hours", "part_time"}}},
        {"work_permit", "applied"},
        {"preferences",
         {{"sectors", {"I", "G"}}, {"hours", "part_time"}, {"cities", {"Gaziantep"}}}},
        {"consent_version", "2026-01"},
        {"consent_unix_seconds", 1790000000},
        {"staff_assisted", false},
        {"staff_id", ""}};
}

class Envelopes : public ::testing::Test {
  protected:
    BoxKeyPair server = BoxKeyPair::generate();
    SignKeyPair device = SignKeyPair::generate();
    std::string device_id = random_id();

    RecordContent content() const {
        return RecordContent{random_id(), device_id, "registration",
                             3,           "2026-01", typical_registration()};
    }

    PushRecord push_record(const RecordContent& c, std::uint64_t seq = 7) const {
        auto env = seal_record(c, seq, server.public_key, device);
        EXPECT_TRUE(env.ok()) << env.error().message;
        return PushRecord{c.record_id, seq, c.kind, c.schema, 1790000000000, *env};
    }

    // Re-signs a record after a change, as an attacker with the device key could.
    void resign(PushRecord& r, const SignKeyPair& key) const {
        const std::string msg =
            signing_message(r.record_id, r.device_seq, r.kind, r.schema, r.body.sealed);
        crypto_sign_detached(reinterpret_cast<unsigned char*>(r.body.signature.data()), nullptr,
                             reinterpret_cast<const unsigned char*>(msg.data()), msg.size(),
                             reinterpret_cast<const unsigned char*>(key.secret_key.data()));
    }

    std::string open_error(const PushRecord& r) const {
        auto opened = open_record(r, device_id, device.public_key, server);
        return opened.ok() ? std::string("opened") : opened.error().code;
    }
};

TEST_F(Envelopes, RoundTripGivesBackTheContent) {
    const RecordContent c = content();
    const PushRecord r = push_record(c);
    auto opened = open_record(r, device_id, device.public_key, server);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    EXPECT_EQ(*opened, c);
    // Through the wire format as well.
    auto again = decode_envelope(encode(r.body));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, r.body);
}

TEST_F(Envelopes, SealedBytesCarryNoPlaintext) {
    const PushRecord r = push_record(content());
    EXPECT_EQ(encode(r.body).find("Gaziantep"), std::string::npos);
    EXPECT_EQ(r.body.sealed.find("Gaziantep"), std::string::npos);
}

TEST_F(Envelopes, TypicalRegistrationOnTheWireIsAtMostSixtyPercentOfItsJson) {
    const RecordContent c = content();
    const std::size_t plain = encode_plaintext(c).size();
    const std::size_t wire = encode(push_record(c).body).size();
    std::printf("plaintext %zu bytes, envelope on the wire %zu bytes (%.0f %%)\n", plain, wire,
                100.0 * static_cast<double>(wire) / static_cast<double>(plain));
    EXPECT_LE(static_cast<double>(wire), 0.60 * static_cast<double>(plain));
}

TEST_F(Envelopes, FlippedSignatureBitIsRejected) {
    PushRecord r = push_record(content());
    r.body.signature[10] = static_cast<char>(r.body.signature[10] ^ 0x01);
    EXPECT_EQ(open_error(r), "envelope.bad_signature");
}

TEST_F(Envelopes, ChangedOuterFieldsBreakTheSignature) {
    const PushRecord good = push_record(content());
    PushRecord seq = good;
    seq.device_seq += 1;
    EXPECT_EQ(open_error(seq), "envelope.bad_signature");
    PushRecord kind = good;
    kind.kind = "interest";
    EXPECT_EQ(open_error(kind), "envelope.bad_signature");
    PushRecord schema = good;
    schema.schema = 4;
    EXPECT_EQ(open_error(schema), "envelope.bad_signature");
}

TEST_F(Envelopes, FlippedBoxBitIsRejectedEvenWhenResigned) {
    PushRecord r = push_record(content());
    r.body.sealed[r.body.sealed.size() / 2] ^= 0x40;
    EXPECT_EQ(open_error(r), "envelope.bad_signature");
    resign(r, device);
    EXPECT_EQ(open_error(r), "envelope.cannot_open");
}

TEST_F(Envelopes, AnotherDevicesKeyIsRejected) {
    const PushRecord r = push_record(content());
    const SignKeyPair other = SignKeyPair::generate();
    auto opened = open_record(r, device_id, other.public_key, server);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, "envelope.bad_signature");
}

TEST_F(Envelopes, SealedToAnotherServerCannotBeOpened) {
    const PushRecord r = push_record(content());
    const BoxKeyPair other = BoxKeyPair::generate();
    auto opened = open_record(r, device_id, device.public_key, other);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, "envelope.cannot_open");
}

TEST_F(Envelopes, InnerIdsMustMatchTheOuterRecordAndTheDevice) {
    // A validly signed record whose outer id differs from the sealed one (a replayed box under
    // a new id) is caught by the inner check.
    PushRecord r = push_record(content());
    r.record_id = random_id();
    resign(r, device);
    EXPECT_EQ(open_error(r), "envelope.id_mismatch");

    // A record sealed for another device id but pushed (and signed) by this device.
    RecordContent c = content();
    c.device_id = random_id();
    const PushRecord foreign = push_record(c);
    EXPECT_EQ(open_error(foreign), "envelope.id_mismatch");
}

TEST_F(Envelopes, GarbageInsideAValidBoxIsCorrupt) {
    PushRecord r = push_record(content());
    const std::string junk = "not gzip at all, just bytes";
    r.body.sealed.assign(junk.size() + crypto_box_SEALBYTES, '\0');
    crypto_box_seal(reinterpret_cast<unsigned char*>(r.body.sealed.data()),
                    reinterpret_cast<const unsigned char*>(junk.data()), junk.size(),
                    reinterpret_cast<const unsigned char*>(server.public_key.data()));
    resign(r, device);
    EXPECT_EQ(open_error(r), "envelope.corrupt");
}

TEST_F(Envelopes, SealRefusesBadInput) {
    RecordContent c = content();
    c.record_id = "nope";
    EXPECT_EQ(seal_record(c, 1, server.public_key, device).error().code, "envelope.bad_input");
    c = content();
    c.data = json::array();
    EXPECT_EQ(seal_record(c, 1, server.public_key, device).error().code, "envelope.bad_input");
    EXPECT_EQ(seal_record(content(), 1, "short", device).error().code, "envelope.bad_input");
    EXPECT_EQ(seal_record(content(), 0, server.public_key, device).error().code,
              "envelope.bad_input");
    c = content();
    c.consent_version = "";
    EXPECT_EQ(seal_record(c, 1, server.public_key, device).error().code, "envelope.bad_input");
}

TEST_F(Envelopes, SealNowSignLaterEqualsSealRecord) {
    // The UI seals at submit time; kiosk-sync signs once the outbox gave the record its seq.
    const RecordContent c = content();
    auto sealed = seal_content(c, server.public_key);
    ASSERT_TRUE(sealed.ok());
    auto sig = sign_record(c.record_id, 12, c.kind, c.schema, *sealed, device);
    ASSERT_TRUE(sig.ok());
    const PushRecord r{c.record_id, 12, c.kind, c.schema, 1790000000, Envelope{*sealed, *sig}};
    ASSERT_TRUE(open_record(r, device_id, device.public_key, server).ok());
    // Deterministic: signing again (a retry) gives the same bytes, so the body is unchanged.
    EXPECT_EQ(*sign_record(c.record_id, 12, c.kind, c.schema, *sealed, device), *sig);
    EXPECT_EQ(sign_record(c.record_id, 0, c.kind, c.schema, *sealed, device).error().code,
              "envelope.bad_input");
}

TEST(KeyFiles, SecretFileIsPrivateAndNeverOverwritten) {
    const auto dir = std::filesystem::temp_directory_path() / ("kiosk-keys-" + random_id());
    std::filesystem::create_directories(dir);
    const BoxKeyPair kp = BoxKeyPair::generate();
    const std::string sk = (dir / "server.key").string();
    const std::string pk = (dir / "server.pub").string();
    ASSERT_TRUE(write_key_file(sk, kp.secret_key, true).ok());
    ASSERT_TRUE(write_key_file(pk, kp.public_key, false).ok());
    struct stat st {};
    ASSERT_EQ(::stat(sk.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600U);
    EXPECT_EQ(*read_key_file(sk, 32), kp.secret_key);
    EXPECT_EQ(*read_key_file(pk, 32), kp.public_key);
    EXPECT_EQ(write_key_file(sk, BoxKeyPair::generate().secret_key, true).error().code, "keys.io");
    EXPECT_EQ(*read_key_file(sk, 32), kp.secret_key);
    EXPECT_EQ(read_key_file(pk, 64).error().code, "keys.malformed");
    EXPECT_EQ(read_key_file((dir / "absent").string(), 32).error().code, "keys.io");
    std::filesystem::remove_all(dir);
}

TEST(Gzip, RoundTripsAndIsSmallerForText) {
    const std::string text(10000, 'a');
    const std::string packed = gzip_compress(text);
    EXPECT_TRUE(looks_gzipped(packed));
    EXPECT_LT(packed.size(), 200U);
    EXPECT_EQ(*gzip_decompress(packed, text.size()), text);
    EXPECT_EQ(*gzip_decompress(gzip_compress(""), 0), "");
}

TEST(Gzip, ZipBombStopsAtTheLimit) {
    // 16 MiB of zeros packs into ~16 KiB; inflating with a 1 MiB limit must fail early.
    const std::string bomb = gzip_compress(std::string(16U << 20, '\0'), 1);
    ASSERT_LT(bomb.size(), 100U * 1024U);
    auto r = gzip_decompress(bomb, 1U << 20);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "gzip.too_large");
    // Exactly at the limit is fine.
    const std::string exact(1U << 20, 'x');
    EXPECT_TRUE(gzip_decompress(gzip_compress(exact), exact.size()).ok());
}

TEST(Gzip, TruncatedTrailingAndForeignDataAreCorrupt) {
    const std::string packed = gzip_compress("hello, kiosk");
    EXPECT_EQ(gzip_decompress(packed.substr(0, packed.size() - 3), 1000).error().code,
              "gzip.corrupt");
    EXPECT_EQ(gzip_decompress(packed + "x", 1000).error().code, "gzip.corrupt");
    EXPECT_EQ(gzip_decompress("{\"v\":1}", 1000).error().code, "gzip.corrupt");
    EXPECT_EQ(gzip_decompress("", 1000).error().code, "gzip.corrupt");
}

TEST(Gzip, RawDeflateNeedsTheSameDictionary) {
    const std::string dict = "\"given_name\":\"family_name\":";
    const std::string text = "{\"family_name\":\"X\",\"given_name\":\"Y\"}";
    const std::string packed = deflate_raw(text, dict);
    EXPECT_LT(packed.size(), deflate_raw(text, "").size());
    EXPECT_EQ(*inflate_raw(packed, dict, 1000), text);
    auto wrong = inflate_raw(packed, "something else entirely", 1000);
    EXPECT_TRUE(!wrong.ok() || *wrong != text);
    EXPECT_EQ(inflate_raw(packed, dict, 5).error().code, "gzip.too_large");
}

TEST(Encoding, Base64urlIsStrictAndCanonical) {
    EXPECT_EQ(to_base64url(std::string("\xfb\xff", 2)), "-_8");
    EXPECT_EQ(*from_base64url("-_8"), std::string("\xfb\xff", 2));
    EXPECT_FALSE(from_base64url("-_9").has_value());   // non-zero trailing bits
    EXPECT_FALSE(from_base64url("-_8=").has_value());  // padding
    EXPECT_FALSE(from_base64url("+/8").has_value());   // standard alphabet
    EXPECT_FALSE(from_base64url("-_ 8").has_value());
    EXPECT_EQ(*from_base64url(""), "");
}

TEST(Encoding, IdsAndHashes) {
    const std::string id = random_id();
    EXPECT_TRUE(is_id(id));
    EXPECT_NE(id, random_id());
    EXPECT_FALSE(is_id(id.substr(1)));
    EXPECT_FALSE(is_id(std::string(32, 'F')));
    // SHA-256("abc"), FIPS 180-2 test vector.
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(*from_hex("00ff10"), std::string("\x00\xff\x10", 3));
    EXPECT_FALSE(from_hex("0F").has_value());
    EXPECT_FALSE(from_hex("abc").has_value());
}

}  // namespace
}  // namespace kiosk::sync

// seal_record / open_record with libsodium (crypto_box_seal, Ed25519 detached signatures) and
// the key files kiosk-central init writes.
#include "sync/protocol/envelope.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cassert>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "sync/protocol/encoding.hpp"
#include "sync/protocol/gzip.hpp"
#include "sync/protocol/seal_dictionary.hpp"
#include "sync/protocol/strict_json.hpp"

namespace kiosk::sync {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxPlaintextBytes = 1024 * 1024;
constexpr std::size_t kMaxConsentVersionBytes = 64;
constexpr std::string_view kDomain{"kiosk-record-v1\0", 16};

const unsigned char* u8(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}
unsigned char* u8(std::string& s) {
    return reinterpret_cast<unsigned char*>(s.data());
}

void append_be(std::string& out, std::uint64_t value, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) {
        out.push_back(static_cast<char>((value >> (8 * i)) & 0xffU));
    }
}

void wipe(std::string& s) {
    sodium_memzero(s.data(), s.size());
    s.clear();
}

Result<RecordContent> decode_plaintext(std::string_view text) {
    auto decoded = detail::decode_with<RecordContent>(text, [](const json& j) {
        const detail::Obj o(
            j, "", {"v", "record_id", "device_id", "kind", "schema", "consent_version", "data"});
        o.version();
        RecordContent c;
        c.record_id = o.id("record_id");
        c.device_id = o.id("device_id");
        c.kind = o.text("kind", kMaxKindChars);
        c.schema = static_cast<std::uint32_t>(o.uint("schema", 1, 0x7fffffff));
        c.consent_version = o.text("consent_version", kMaxConsentVersionBytes);
        c.data = o.at("data");
        if (!c.data.is_object()) {
            detail::fail("data", "expected an object");
        }
        return c;
    });
    if (!decoded) {
        return make_error("envelope.corrupt", "sealed plaintext: " + decoded.error().message);
    }
    return decoded;
}

}  // namespace

// [SECTION] Keys

BoxKeyPair BoxKeyPair::generate() {
    ensure_sodium();
    BoxKeyPair kp;
    kp.public_key.resize(crypto_box_PUBLICKEYBYTES);
    kp.secret_key.resize(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(u8(kp.public_key), u8(kp.secret_key));
    return kp;
}

BoxKeyPair::~BoxKeyPair() {
    wipe(secret_key);
}

SignKeyPair SignKeyPair::generate() {
    ensure_sodium();
    SignKeyPair kp;
    kp.public_key.resize(crypto_sign_PUBLICKEYBYTES);
    kp.secret_key.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(u8(kp.public_key), u8(kp.secret_key));
    return kp;
}

SignKeyPair SignKeyPair::from_seed(std::string_view seed) {
    assert(seed.size() == crypto_sign_SEEDBYTES && "Ed25519 seeds are 32 bytes");
    ensure_sodium();
    SignKeyPair kp;
    kp.public_key.resize(crypto_sign_PUBLICKEYBYTES);
    kp.secret_key.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_seed_keypair(u8(kp.public_key), u8(kp.secret_key), u8(seed));
    return kp;
}

SignKeyPair::~SignKeyPair() {
    wipe(secret_key);
}

Status write_key_file(const std::string& path, std::string_view key, bool secret) {
    // O_EXCL: init never overwrites a key pair that may already have sealed records.
    const int fd =
        ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, secret ? 0600 : 0644);
    if (fd < 0) {
        return make_error("keys.io", "cannot create " + path + ": " + std::strerror(errno));
    }
    std::string line = to_base64url(key) + "\n";
    const ssize_t n = ::write(fd, line.data(), line.size());
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    sodium_memzero(line.data(), line.size());
    if (n != static_cast<ssize_t>(line.size()) || !synced) {
        return make_error("keys.io", "cannot write " + path);
    }
    return Ok{};
}

Result<std::string> read_key_file(const std::string& path, std::size_t expected_bytes) {
    std::ifstream in(path);
    if (!in) {
        return make_error("keys.io", "cannot read " + path);
    }
    std::string line;
    std::getline(in, line);
    auto key = from_base64url(line);
    if (!key || key->size() != expected_bytes) {
        return make_error("keys.malformed", path + ": expected one line of base64url, " +
                                                std::to_string(expected_bytes) + " bytes");
    }
    return std::move(*key);
}

// [SECTION] Sealing and opening

std::string signing_message(std::string_view record_id, std::uint64_t device_seq,
                            std::string_view kind, std::uint32_t schema, std::string_view sealed) {
    const auto id = from_hex(record_id);
    assert(id && id->size() == kIdHexChars / 2 && "record ids are 32 hex characters");
    std::string m(kDomain);
    m += *id;
    append_be(m, device_seq, 8);
    append_be(m, kind.size(), 4);
    m += kind;
    append_be(m, schema, 4);
    m += sealed;
    return m;
}

std::string encode_plaintext(const RecordContent& c) {
    return detail::dump(json{{"v", kProtocolVersion},
                             {"record_id", c.record_id},
                             {"device_id", c.device_id},
                             {"kind", c.kind},
                             {"schema", c.schema},
                             {"consent_version", c.consent_version},
                             {"data", c.data}});
}

Result<std::string> seal_content(const RecordContent& content,
                                 std::string_view server_box_public_key) {
    if (!is_id(content.record_id) || !is_id(content.device_id) || !is_record_kind(content.kind) ||
        content.schema == 0 || content.consent_version.empty() ||
        content.consent_version.size() > kMaxConsentVersionBytes || !content.data.is_object()) {
        return make_error("envelope.bad_input",
                          "record " + content.record_id +
                              ": malformed ids, kind, schema, consent version or data");
    }
    if (server_box_public_key.size() != crypto_box_PUBLICKEYBYTES) {
        return make_error("envelope.bad_input", "the server public key must be 32 bytes");
    }
    ensure_sodium();
    std::string plain = encode_plaintext(content);
    std::string packed(1, static_cast<char>(kSealFormatDeflateV1));
    packed += deflate_raw(plain, seal_dictionary_v1(), 9);
    sodium_memzero(plain.data(), plain.size());
    if (packed.size() + crypto_box_SEALBYTES > kMaxSealedBytes) {
        sodium_memzero(packed.data(), packed.size());
        return make_error("envelope.bad_input", "record " + content.record_id + " too large");
    }
    std::string sealed(packed.size() + crypto_box_SEALBYTES, '\0');
    crypto_box_seal(u8(sealed), u8(packed), packed.size(), u8(server_box_public_key));
    sodium_memzero(packed.data(), packed.size());
    return sealed;
}

Result<std::string> sign_record(std::string_view record_id, std::uint64_t device_seq,
                                std::string_view kind, std::uint32_t schema,
                                std::string_view sealed, const SignKeyPair& device_key) {
    if (!is_id(record_id) || device_seq == 0 || !is_record_kind(kind) || schema == 0 ||
        sealed.empty()) {
        return make_error("envelope.bad_input", "record " + std::string(record_id) +
                                                    ": malformed id, sequence, kind or schema");
    }
    if (device_key.secret_key.size() != crypto_sign_SECRETKEYBYTES) {
        return make_error("envelope.bad_input", "the device secret key must be 64 bytes");
    }
    ensure_sodium();
    const std::string msg = signing_message(record_id, device_seq, kind, schema, sealed);
    std::string signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(u8(signature), nullptr, u8(msg), msg.size(), u8(device_key.secret_key));
    return signature;
}

Result<Envelope> seal_record(const RecordContent& content, std::uint64_t device_seq,
                             std::string_view server_box_public_key,
                             const SignKeyPair& device_key) {
    auto sealed = seal_content(content, server_box_public_key);
    if (!sealed) {
        return sealed.error();
    }
    auto signature = sign_record(content.record_id, device_seq, content.kind, content.schema,
                                 *sealed, device_key);
    if (!signature) {
        return signature.error();
    }
    return Envelope{std::move(*sealed), std::move(*signature)};
}

Result<RecordContent> open_record(const PushRecord& record, std::string_view device_id,
                                  std::string_view device_public_key, const BoxKeyPair& server) {
    ensure_sodium();
    const auto& env = record.body;
    if (device_public_key.size() != crypto_sign_PUBLICKEYBYTES ||
        env.signature.size() != crypto_sign_BYTES) {
        return make_error("envelope.bad_signature", "wrong key or signature size");
    }
    const std::string msg = signing_message(record.record_id, record.device_seq, record.kind,
                                            record.schema, env.sealed);
    if (crypto_sign_verify_detached(u8(env.signature), u8(msg), msg.size(),
                                    u8(device_public_key)) != 0) {
        return make_error("envelope.bad_signature",
                          "record " + record.record_id + ": signature does not verify");
    }
    if (env.sealed.size() <= crypto_box_SEALBYTES) {
        return make_error("envelope.cannot_open", "sealed box too short");
    }
    std::string packed(env.sealed.size() - crypto_box_SEALBYTES, '\0');
    if (crypto_box_seal_open(u8(packed), u8(env.sealed), env.sealed.size(), u8(server.public_key),
                             u8(server.secret_key)) != 0) {
        return make_error("envelope.cannot_open",
                          "record " + record.record_id + ": not sealed to this server's key");
    }
    if (packed.empty() || static_cast<unsigned char>(packed[0]) != kSealFormatDeflateV1) {
        sodium_memzero(packed.data(), packed.size());
        return make_error("envelope.corrupt",
                          "record " + record.record_id + ": unknown sealed format");
    }
    auto plain =
        inflate_raw(std::string_view(packed).substr(1), seal_dictionary_v1(), kMaxPlaintextBytes);
    sodium_memzero(packed.data(), packed.size());
    if (!plain) {
        return make_error("envelope.corrupt",
                          "record " + record.record_id + ": " + plain.error().message);
    }
    auto content = decode_plaintext(*plain);
    sodium_memzero(plain->data(), plain->size());
    if (!content) {
        return content.error();
    }
    if (content->record_id != record.record_id || content->device_id != device_id ||
        content->kind != record.kind || content->schema != record.schema) {
        return make_error("envelope.id_mismatch",
                          "record " + record.record_id +
                              ": ids inside the sealed box do not match the record or device");
    }
    return content;
}

}  // namespace kiosk::sync

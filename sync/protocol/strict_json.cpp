// The strict JSON reader: every rule the decoders enforce is written here once.
#include "sync/protocol/strict_json.hpp"

#include <algorithm>
#include <limits>
#include <set>
#include <utility>
#include <vector>

#include "sync/protocol/encoding.hpp"
#include "sync/protocol/wire.hpp"

namespace kiosk::sync::detail {

using nlohmann::json;

namespace {
constexpr int kMaxDepth = 32;
}  // namespace

void fail(std::string field, std::string what) {
    throw Malformed{std::move(field), std::move(what)};
}

std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string index(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

json parse_strict(std::string_view text) {
    std::vector<std::set<std::string>> open_objects;
    auto callback = [&](int depth, json::parse_event_t event, json& parsed) {
        if (depth > kMaxDepth) {
            fail("(message)", "nested deeper than " + std::to_string(kMaxDepth) + " levels");
        }
        switch (event) {
            case json::parse_event_t::object_start:
                open_objects.emplace_back();
                break;
            case json::parse_event_t::object_end:
                open_objects.pop_back();
                break;
            case json::parse_event_t::key: {
                const auto& key = parsed.get_ref<const std::string&>();
                if (!open_objects.back().insert(key).second) {
                    fail(key, "duplicate key");
                }
                break;
            }
            default:
                break;
        }
        return true;
    };
    try {
        return json::parse(text.begin(), text.end(), callback);
    } catch (const json::parse_error& e) {
        fail("(message)", "not valid JSON (byte " + std::to_string(e.byte) + ")");
    } catch (const json::exception& e) {
        // Valid syntax the library cannot hold, such as a number beyond double (1e400, error
        // 406): an error like any other malformed message, never an escaped exception.
        fail("(message)", std::string("unreadable JSON: ") + e.what());
    }
}

std::string dump(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Obj::Obj(const json& j, std::string path, std::initializer_list<std::string_view> keys)
    : j_(j), path_(std::move(path)) {
    if (!j.is_object()) {
        fail(path_.empty() ? "(message)" : path_, "expected an object");
    }
    for (const auto& item : j.items()) {
        if (std::find(keys.begin(), keys.end(), item.key()) == keys.end()) {
            fail(join(path_, item.key()), "unknown field");
        }
    }
}

std::string Obj::field(std::string_view key) const {
    return join(path_, key);
}

const json& Obj::at(std::string_view key) const {
    const auto it = j_.find(key);
    if (it == j_.end()) {
        fail(field(key), "missing");
    }
    return *it;
}

void Obj::version() const {
    const json& v = at("v");
    if (!v.is_number_integer()) {
        fail(field("v"), "expected an integer");
    }
    if (!v.is_number_unsigned() ||
        v.get<std::uint64_t>() != static_cast<std::uint64_t>(kProtocolVersion)) {
        throw WrongVersion{v.dump()};
    }
}

std::string Obj::text(std::string_view key, std::size_t max_bytes, bool allow_empty) const {
    const json& v = at(key);
    if (!v.is_string()) {
        fail(field(key), "expected a string");
    }
    const auto& s = v.get_ref<const std::string&>();
    if (s.empty() && !allow_empty) {
        fail(field(key), "empty");
    }
    if (s.size() > max_bytes) {
        fail(field(key), "longer than " + std::to_string(max_bytes) + " bytes");
    }
    return s;
}

std::string Obj::id(std::string_view key) const {
    std::string s = text(key, kIdHexChars);
    if (!is_id(s)) {
        fail(field(key), "expected 32 lowercase hex characters");
    }
    return s;
}

std::string Obj::bytes(std::string_view key, std::size_t min_bytes, std::size_t max_bytes) const {
    const std::string s = text(key, (max_bytes * 4 + 2) / 3);
    auto raw = from_base64url(s);
    if (!raw) {
        fail(field(key), "not canonical base64url");
    }
    if (raw->size() < min_bytes || raw->size() > max_bytes) {
        fail(field(key), min_bytes == max_bytes ? "expected " + std::to_string(min_bytes) + " bytes"
                                                : "expected " + std::to_string(min_bytes) + ".." +
                                                      std::to_string(max_bytes) + " bytes");
    }
    return std::move(*raw);
}

std::uint64_t Obj::uint(std::string_view key, std::uint64_t min, std::uint64_t max) const {
    const json& v = at(key);
    if (!v.is_number_unsigned()) {
        fail(field(key), v.is_number_integer() ? "negative" : "expected an unsigned integer");
    }
    const auto n = v.get<std::uint64_t>();
    if (n < min || n > max) {
        fail(field(key), "out of range " + std::to_string(min) + ".." + std::to_string(max));
    }
    return n;
}

std::int64_t Obj::int64(std::string_view key) const {
    const json& v = at(key);
    if (!v.is_number_integer()) {
        fail(field(key), "expected an integer");
    }
    if (v.is_number_unsigned() &&
        v.get<std::uint64_t>() >
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        fail(field(key), "out of range");
    }
    return v.get<std::int64_t>();
}

bool Obj::boolean(std::string_view key) const {
    const json& v = at(key);
    if (!v.is_boolean()) {
        fail(field(key), "expected true or false");
    }
    return v.get<bool>();
}

const json& Obj::array(std::string_view key, std::size_t max_items) const {
    const json& v = at(key);
    if (!v.is_array()) {
        fail(field(key), "expected an array");
    }
    if (v.size() > max_items) {
        fail(field(key), "more than " + std::to_string(max_items) + " items");
    }
    return v;
}

std::string Obj::epoch(bool allow_empty) const {
    const json& v = at("epoch");
    if (allow_empty && v.is_string() && v.get_ref<const std::string&>().empty()) {
        return {};
    }
    return id("epoch");
}

Error malformed_error(const Malformed& m) {
    return make_error("protocol.malformed", m.field + ": " + m.what);
}

Error version_error(const WrongVersion& w) {
    return make_error("protocol.version", "v: unsupported protocol version " + w.found +
                                              " (this build speaks " +
                                              std::to_string(kProtocolVersion) + ")");
}

}  // namespace kiosk::sync::detail

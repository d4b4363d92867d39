// Internal to sync_protocol: the strict JSON reader behind every decode_* function (wire.cpp,
// envelope.cpp). Not for use outside sync/protocol.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kiosk/core/result.hpp"

namespace kiosk::sync::detail {

// Thrown inside a decoder, turned into "protocol.malformed" at its edge by decode_with().
struct Malformed {
    std::string field;
    std::string what;
};
struct WrongVersion {
    std::string found;
};

[[noreturn]] void fail(std::string field, std::string what);
std::string join(const std::string& path, std::string_view key);
std::string index(const std::string& path, std::size_t i);

// One JSON document; refuses duplicate keys (nlohmann would keep the last silently) and deep
// nesting.
nlohmann::json parse_strict(std::string_view text);

// Deterministic text: sorted keys, no whitespace, invalid UTF-8 replaced rather than thrown.
std::string dump(const nlohmann::json& j);

// A view of one JSON object that knows which keys it may contain; every getter fails with the
// field's path.
class Obj {
  public:
    Obj(const nlohmann::json& j, std::string path, std::initializer_list<std::string_view> keys);

    std::string field(std::string_view key) const;
    const nlohmann::json& at(std::string_view key) const;
    void version() const;  // "v" must be kProtocolVersion
    std::string text(std::string_view key, std::size_t max_bytes, bool allow_empty = false) const;
    std::string id(std::string_view key) const;  // 32 lowercase hex
    std::string bytes(std::string_view key, std::size_t min_bytes, std::size_t max_bytes) const;
    std::uint64_t uint(std::string_view key, std::uint64_t min, std::uint64_t max) const;
    std::int64_t int64(std::string_view key) const;
    bool boolean(std::string_view key) const;
    const nlohmann::json& array(std::string_view key, std::size_t max_items) const;
    std::string epoch(bool allow_empty = false) const;

  private:
    const nlohmann::json& j_;
    std::string path_;
};

Error malformed_error(const Malformed& m);
Error version_error(const WrongVersion& w);

template <typename T, typename F>
Result<T> decode_with(std::string_view text, F&& build) {
    try {
        const nlohmann::json j = parse_strict(text);
        return build(j);
    } catch (const Malformed& m) {
        return malformed_error(m);
    } catch (const WrongVersion& w) {
        return version_error(w);
    }
}

}  // namespace kiosk::sync::detail

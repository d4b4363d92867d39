// The settings table and its typed helpers (see settings.hpp).
#include "kiosk/store/settings.hpp"

#include <charconv>

#include "kiosk/store/sqlite.hpp"

namespace kiosk::store {

namespace {

Error bad_setting(std::string_view key, std::string_view expected) {
    return make_error(errc::kBadSetting,
                      "setting '" + std::string(key) + "' does not hold " + std::string(expected));
}

Status require_key(std::string_view key) {
    if (key.empty()) {
        return make_error(errc::kInvalidArgument, "setting key must not be empty");
    }
    return Ok{};
}

}  // namespace

Result<std::optional<std::string>> get_setting(Database& db, std::string_view key) {
    if (auto ok = require_key(key); !ok) {
        return ok.error();
    }
    return query_text_by_key(db.handle(), "SELECT value FROM settings WHERE key = ?", key);
}

Status set_setting(Database& db, std::string_view key, std::string_view value) {
    if (auto ok = require_key(key); !ok) {
        return ok;
    }
    auto upsert = Statement::prepare(db.handle(),
                                     "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!upsert) {
        return upsert.error();
    }
    upsert->bind(1, key).bind(2, value);
    return upsert->run();
}

Status erase_setting(Database& db, std::string_view key) {
    if (auto ok = require_key(key); !ok) {
        return ok;
    }
    auto erase = Statement::prepare(db.handle(), "DELETE FROM settings WHERE key = ?");
    if (!erase) {
        return erase.error();
    }
    erase->bind(1, key);
    return erase->run();
}

Result<std::optional<std::int64_t>> get_int_setting(Database& db, std::string_view key) {
    auto text = get_setting(db, key);
    if (!text) {
        return text.error();
    }
    if (!*text) {
        return std::optional<std::int64_t>{};
    }
    const std::string& s = **text;
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{} || end != s.data() + s.size()) {
        return bad_setting(key, "an integer");
    }
    return std::optional<std::int64_t>{value};
}

Status set_int_setting(Database& db, std::string_view key, std::int64_t value) {
    return set_setting(db, key, std::to_string(value));
}

Result<std::optional<bool>> get_bool_setting(Database& db, std::string_view key) {
    auto text = get_setting(db, key);
    if (!text) {
        return text.error();
    }
    if (!*text) {
        return std::optional<bool>{};
    }
    if (**text == "true") {
        return std::optional<bool>{true};
    }
    if (**text == "false") {
        return std::optional<bool>{false};
    }
    return bad_setting(key, "true or false");
}

Status set_bool_setting(Database& db, std::string_view key, bool value) {
    return set_setting(db, key, value ? "true" : "false");
}

}  // namespace kiosk::store

// Kiosk settings: string values by key in the `settings` table, plus typed helpers. A missing key
// is not an error (nullopt); a stored value of the wrong type is (store.bad_setting).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/result.hpp"
#include "kiosk/store/database.hpp"

namespace kiosk::store {

Result<std::optional<std::string>> get_setting(Database& db, std::string_view key);
Status set_setting(Database& db, std::string_view key, std::string_view value);
// Removing a missing key is not an error.
Status erase_setting(Database& db, std::string_view key);

// Stored as decimal text.
Result<std::optional<std::int64_t>> get_int_setting(Database& db, std::string_view key);
Status set_int_setting(Database& db, std::string_view key, std::int64_t value);

// Stored as "true" / "false".
Result<std::optional<bool>> get_bool_setting(Database& db, std::string_view key);
Status set_bool_setting(Database& db, std::string_view key, bool value);

}  // namespace kiosk::store

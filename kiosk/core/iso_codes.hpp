// Which ISO 3166-1 country codes and ISO 639-3 language codes exist. The tables are generated
// at build time from Debian's iso-codes (the same source as the names the UI shows), so the
// domain validates against the real lists with no file reading at run time.
#pragma once

#include <string_view>

namespace kiosk::core {

// "TR", "SY", "UA": an assigned ISO 3166-1 alpha-2 code, in upper case.
bool is_country_code(std::string_view code);
// "ara", "tur", "prs": an ISO 639-3 code (individual languages and macrolanguages), lower case.
bool is_language_code(std::string_view code);

}  // namespace kiosk::core

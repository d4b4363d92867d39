// Country and language names for pickers (nationality, languages spoken, country of past work),
// from Debian's iso-codes: the English names from its JSON files, the translations from its
// gettext catalogues (/usr/share/locale/<lang>/LC_MESSAGES/iso_3166-1.mo, iso_639-3.mo), which
// use the same folder names as our UI codes (ar, bg, fa, kmr, ps, ru, tr, uk). A name with no
// translation keeps its English form. Lists come sorted for the person's language.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.hpp"

namespace kiosk::i18n {

struct IsoName {
    std::string code;      // countries: ISO 3166-1 alpha-2 ("TR"); languages: ISO 639-3 ("kmr")
    std::string alt_code;  // countries: alpha-3 ("TUR"); languages: ISO 639-1 ("ku") or ""
    std::string english;   // the common English name ("Syria", not "Syrian Arab Republic")
    std::string name;      // in the UI language; the English name when iso-codes has none
    bool translated = false;
};

struct IsoPaths {
    std::filesystem::path json_dir = "/usr/share/iso-codes/json";
    std::filesystem::path locale_dir = "/usr/share/locale";
};

enum class LanguageSet {
    major,   // living languages that have an ISO 639-1 code (~180): a short first list
    living,  // every living individual language and macrolanguage in ISO 639-3 (~7,000)
};

// Countries (ISO 3166-1) named in `ui_lang` and sorted by its collation.
// Errors: "i18n.io" (JSON unreadable), "i18n.iso_codes" (JSON not in the expected shape),
// "i18n.mo_format" (a damaged translation file), "i18n.icu". A missing translation file for the
// language is not an error: the names stay English.
Result<std::vector<IsoName>> load_countries(std::string_view ui_lang, const IsoPaths& paths = {});

// Languages (ISO 639-3) named in `ui_lang`, sorted by its collation. Same errors.
Result<std::vector<IsoName>> load_languages(std::string_view ui_lang, LanguageSet set,
                                            const IsoPaths& paths = {});

// Indices into `names` of the entries whose localized or English name contains `query`
// (case- and accent-insensitive in `ui_lang`), best first: names starting with the query, then a
// later word starting with it, then the query inside a word; list order within each group.
// An empty query returns every index.
Result<std::vector<std::size_t>> search_names(const std::vector<IsoName>& names,
                                              std::string_view query, std::string_view ui_lang);

}  // namespace kiosk::i18n

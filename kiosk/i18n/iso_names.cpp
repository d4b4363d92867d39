// Reads iso-codes' JSON and .mo files. Translations are keyed by the English msgid: for a country
// the common_name (when it has one) is tried first, then the name.
#include "kiosk/i18n/iso_names.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <optional>

#include "kiosk/i18n/collate.hpp"
#include "kiosk/i18n/mo_reader.hpp"
#include "kiosk/i18n/po_parser.hpp"

namespace kiosk::i18n {

namespace {

struct Source {
    std::string_view json_file;  // e.g. "iso_3166-1.json"
    std::string_view json_key;   // the top-level array: "3166-1"
    std::string_view domain;     // gettext domain: "iso_3166-1"
};

constexpr Source kCountries{"iso_3166-1.json", "3166-1", "iso_3166-1"};
constexpr Source kLanguages{"iso_639-3.json", "639-3", "iso_639-3"};

Result<nlohmann::json> read_entries(const IsoPaths& paths, const Source& source) {
    const auto path = paths.json_dir / source.json_file;
    auto bytes = read_file_bytes(path);
    if (!bytes) {
        return bytes.error();
    }
    auto doc = nlohmann::json::parse(bytes.value(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains(source.json_key) ||
        !doc[std::string(source.json_key)].is_array()) {
        return make_error("i18n.iso_codes", path.string() +
                                                ": expected an object with an array \"" +
                                                std::string(source.json_key) + "\"");
    }
    return std::move(doc[std::string(source.json_key)]);
}

// The translation catalogue for `ui_lang`; an empty optional when the file does not exist
// (English, or a language iso-codes has not translated).
Result<std::optional<MoCatalogue>> read_translations(const IsoPaths& paths,
                                                     std::string_view ui_lang,
                                                     const Source& source) {
    const auto path = paths.locale_dir / std::string(ui_lang) / "LC_MESSAGES" /
                      (std::string(source.domain) + ".mo");
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        return std::optional<MoCatalogue>{};
    }
    auto mo = MoCatalogue::read(path);
    if (!mo) {
        return mo.error();
    }
    return std::optional<MoCatalogue>(std::move(mo).value());
}

std::string string_field(const nlohmann::json& entry, const char* field) {
    const auto it = entry.find(field);
    return it != entry.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

// Fills `name`/`translated` from the first of `msgids` that has a translation.
void translate(IsoName& item, const std::optional<MoCatalogue>& mo,
               std::initializer_list<const std::string*> msgids) {
    item.name = item.english;
    if (!mo) {
        return;
    }
    for (const auto* msgid : msgids) {
        if (msgid->empty()) {
            continue;
        }
        if (const auto* text = mo->find(*msgid)) {
            item.name = *text;
            item.translated = true;
            return;
        }
    }
}

Status sort_by_name(std::vector<IsoName>& names, std::string_view ui_lang) {
    auto collator = Collator::create(ui_lang);
    if (!collator) {
        return collator.error();
    }
    const auto& c = collator.value();
    std::stable_sort(names.begin(), names.end(), [&](const IsoName& a, const IsoName& b) {
        return c.compare(a.name, b.name) < 0;
    });
    return Ok{};
}

// Reads one iso-codes table and its translations for `ui_lang`. `fill_codes` sets the codes of
// an entry and returns false to leave the entry out. Names are translated and sorted here.
template <typename FillCodes>
Result<std::vector<IsoName>> load_names(std::string_view ui_lang, const IsoPaths& paths,
                                        const Source& source, FillCodes fill_codes) {
    auto entries = read_entries(paths, source);
    if (!entries) {
        return entries.error();
    }
    auto mo = read_translations(paths, ui_lang, source);
    if (!mo) {
        return mo.error();
    }
    std::vector<IsoName> names;
    for (const auto& entry : entries.value()) {
        IsoName item;
        if (!fill_codes(entry, item)) {
            continue;
        }
        const auto name = string_field(entry, "name");
        const auto common = string_field(entry, "common_name");
        if (item.code.empty() || name.empty()) {
            return make_error("i18n.iso_codes", std::string(source.json_file) +
                                                    ": an entry without a code or a name");
        }
        item.english = common.empty() ? name : common;
        translate(item, mo.value(), {&common, &name});
        names.push_back(std::move(item));
    }
    if (auto sorted = sort_by_name(names, ui_lang); !sorted) {
        return sorted.error();
    }
    return names;
}

}  // namespace

Result<std::vector<IsoName>> load_countries(std::string_view ui_lang, const IsoPaths& paths) {
    return load_names(ui_lang, paths, kCountries, [](const nlohmann::json& entry, IsoName& item) {
        item.code = string_field(entry, "alpha_2");
        item.alt_code = string_field(entry, "alpha_3");
        return true;
    });
}

Result<std::vector<IsoName>> load_languages(std::string_view ui_lang, LanguageSet set,
                                            const IsoPaths& paths) {
    return load_names(ui_lang, paths, kLanguages,
                      [set](const nlohmann::json& entry, IsoName& item) {
                          // Living ("L") individual ("I") languages and macrolanguages ("M"); not
                          // historical, extinct, constructed or special codes.
                          const auto type = string_field(entry, "type");
                          const auto scope = string_field(entry, "scope");
                          if (type != "L" || (scope != "I" && scope != "M")) {
                              return false;
                          }
                          item.code = string_field(entry, "alpha_3");
                          item.alt_code = string_field(entry, "alpha_2");
                          return set == LanguageSet::living || !item.alt_code.empty();
                      });
}

Result<std::vector<std::size_t>> search_names(const std::vector<IsoName>& names,
                                              std::string_view query, std::string_view ui_lang) {
    auto matcher = NameMatcher::create(ui_lang, query);
    if (!matcher) {
        return matcher.error();
    }
    std::vector<std::string_view> texts;
    texts.reserve(names.size());
    for (const auto& n : names) {
        texts.push_back(n.name);
    }
    auto best = matcher->match_all(texts);
    // Then the English names, where they differ and the local name was not already a prefix hit.
    std::vector<std::size_t> second;
    texts.clear();
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (best[i] != NameMatcher::Match::prefix && names[i].english != names[i].name) {
            second.push_back(i);
            texts.push_back(names[i].english);
        }
    }
    const auto english = matcher->match_all(texts);
    for (std::size_t k = 0; k < second.size(); ++k) {
        best[second[k]] = std::max(best[second[k]], english[k]);
    }
    // Bucket by match quality; each bucket keeps list order.
    std::array<std::vector<std::size_t>, 3> buckets;  // prefix, word_start, inside
    for (std::size_t i = 0; i < names.size(); ++i) {
        switch (best[i]) {
            case NameMatcher::Match::prefix:
                buckets[0].push_back(i);
                break;
            case NameMatcher::Match::word_start:
                buckets[1].push_back(i);
                break;
            case NameMatcher::Match::inside:
                buckets[2].push_back(i);
                break;
            case NameMatcher::Match::none:
                break;
        }
    }
    std::vector<std::size_t> result;
    for (const auto& bucket : buckets) {
        result.insert(result.end(), bucket.begin(), bucket.end());
    }
    return result;
}

}  // namespace kiosk::i18n

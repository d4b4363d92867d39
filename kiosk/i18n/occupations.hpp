// The occupations and skills catalogue a person picks from on the registration's "jobs and
// skills" step (assets/occupations/occupations.tsv): stable ids (ISCO-08 unit groups such as
// "isco.7115", or skills such as "skill.forklift") with a plain name in each shipped language.
// The app loads it once at start; views only look names up and search them (no I/O).
//
// File format (UTF-8, one entry a line, cells separated by one TAB):
//   # comment lines and blank lines are skipped
//   id  en  tr  ar ...      the header: "id", then "en", then any other language codes
//   isco.7115  Carpenter  Marangoz  نجّار ...
// Every row has exactly as many cells as the header. Ids follow the registration's catalogue id
// rule ([A-Za-z0-9._-], 1-64) and are unique; the English name is required; an empty cell means
// "not translated" and falls back to English.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.hpp"

namespace kiosk::i18n {

struct OccupationEntry {
    std::string id;
    std::vector<std::string> names;  // by column of OccupationCatalogue::languages(); "" = none
};

class OccupationCatalogue {
  public:
    // The file's name inside an assets directory: <dir>/occupations.tsv.
    static constexpr std::string_view kFileName = "occupations.tsv";

    // Reads `dir`/occupations.tsv. Errors: "occupations.io" (cannot read the file),
    // "occupations.format" (file:line and what is wrong: header, cell count, id, duplicate id,
    // missing English name, bad UTF-8, no entries).
    static Result<OccupationCatalogue> load_directory(const std::filesystem::path& dir);
    static Result<OccupationCatalogue> load_file(const std::filesystem::path& file);
    // Parses the text of a catalogue; `source` names it in error messages.
    static Result<OccupationCatalogue> parse(std::string_view text, std::string_view source);

    // Language codes of the name columns, in file order; the first is "en".
    const std::vector<std::string>& languages() const { return languages_; }
    // Entries in file order.
    const std::vector<OccupationEntry>& entries() const { return entries_; }
    std::size_t size() const { return entries_.size(); }

    // The index of the entry with this id, or size() when there is none.
    std::size_t find(std::string_view id) const;
    bool contains(std::string_view id) const { return find(id) != size(); }

    // The entry's name in `lang`, else in English. An id the catalogue does not know (say, from
    // an older catalogue) is shown as the id itself rather than as nothing.
    std::string_view label(std::string_view id, std::string_view lang) const;
    std::string_view label_at(std::size_t index, std::string_view lang) const;

    // Indices of the entries matching `query` (search_fold.hpp: every word of the query starts a
    // word of the entry's name in `lang` or in English, ignoring case, accents and the other
    // differences people type around). Names starting with the query come first, then the rest,
    // each group in the order of the names in `lang`; an empty query gives every entry in that
    // order. Errors: "i18n.icu" when no collator can be built for the order.
    Result<std::vector<std::size_t>> search(std::string_view query, std::string_view lang) const;

  private:
    std::size_t column(std::string_view lang) const;  // languages_.size() when not shipped

    std::vector<std::string> languages_;
    std::vector<OccupationEntry> entries_;
};

}  // namespace kiosk::i18n

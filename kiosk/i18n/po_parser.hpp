// Reader for gettext PO files (the format Poedit, Weblate and msgfmt use), so translators edit
// the kiosk's catalogues with their usual tools. Supports msgctxt, msgid, msgid_plural, msgstr,
// msgstr[n], multi-line strings, C escapes, all comment kinds and flags; obsolete (#~) entries
// are skipped. Errors carry "file:line".
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/core/result.hpp"

namespace kiosk::i18n {

struct PoEntry {
    std::optional<std::string> context;    // msgctxt
    std::string id;                        // msgid (our stable key, e.g. "welcome.title")
    std::optional<std::string> id_plural;  // msgid_plural
    std::vector<std::string> strings;      // msgstr, or msgstr[0..n-1] for plural entries
    std::vector<std::string> flags;        // from "#," lines: "fuzzy", "c-format", ...
    std::string extracted_comment;         // "#." lines, joined by '\n'
    std::string translator_comment;        // "# " lines, joined by '\n'
    std::vector<std::string> references;   // "#:" items
    std::size_t line = 0;                  // line of the msgid keyword, 1-based

    bool plural() const { return id_plural.has_value(); }
    bool has_flag(std::string_view flag) const;
    bool fuzzy() const { return has_flag("fuzzy"); }
    // Usable at run time: not fuzzy and no empty msgstr. Fuzzy entries count as untranslated,
    // as in msgfmt.
    bool translated() const;
};

struct PoFile {
    std::string name;                                         // for messages: usually the file path
    std::vector<PoEntry> entries;                             // without the header entry
    std::vector<std::pair<std::string, std::string>> header;  // "Plural-Forms" -> "nplurals=..."
    std::string header_comment;  // comment lines above the header entry

    // Header field by name (case-insensitive, as in libintl).
    std::optional<std::string_view> header_field(std::string_view field) const;
    // Entry by msgid without msgctxt.
    const PoEntry* find(std::string_view id) const;
};

// Parses PO text. `name` appears in error messages. Errors (code "i18n.po_syntax") name the
// file and line: unknown keyword, bad escape, unterminated string, msgstr missing, msgstr[n]
// out of order, duplicate msgid, non-UTF-8 charset.
Result<PoFile> parse_po(std::string_view text, std::string name);

// Reads and parses one file (code "i18n.io" when it cannot be read).
Result<PoFile> read_po_file(const std::filesystem::path& path);

// Reads a whole file into memory; shared with the .mo reader.
Result<std::string> read_file_bytes(const std::filesystem::path& path);

}  // namespace kiosk::i18n

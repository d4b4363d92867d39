// Reader for gettext's binary catalogues (.mo), used for the translations Debian's iso-codes
// installs under /usr/share/locale/<lang>/LC_MESSAGES/. Layout (gettext manual, "MO Files"):
// a magic number that also tells the byte order, a revision, the string count, and two tables of
// (length, offset) pairs for the original and translated strings.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "kiosk/core/result.hpp"

namespace kiosk::i18n {

class MoCatalogue {
  public:
    // Parses .mo bytes. Errors (code "i18n.mo_format") for a wrong magic number, an unknown
    // major revision, or tables/strings that point outside the data.
    static Result<MoCatalogue> parse(std::string_view bytes, std::string_view name);
    static Result<MoCatalogue> read(const std::filesystem::path& path);

    // Singular translation of `msgid` (the first msgstr of a plural entry), or nullptr.
    // Context-qualified entries are looked up as "context\x04msgid", the gettext convention.
    const std::string* find(std::string_view msgid) const;

    std::size_t size() const { return messages_.size(); }
    // The header entry (empty msgid), e.g. to read its Language field.
    const std::string& header() const { return header_; }

  private:
    std::map<std::string, std::string, std::less<>> messages_;
    std::string header_;
};

}  // namespace kiosk::i18n

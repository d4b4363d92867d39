// Language-aware sorting and searching of names (countries, languages) with ICU, so a Turkish
// list puts Ç after C and İ/I in Turkish order, a Russian one follows Cyrillic order, and a search
// finds "Cote d'Ivoire" for "côte" or "ИРАН" for "иран".
// Kurmanji ("kmr") uses ICU's "ku" rules (CLDR's Kurdish data is Kurmanji in Latin script); any
// language ICU does not know falls back to the root (Unicode default) order.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.hpp"

namespace kiosk::i18n {

// The ICU locale id for a UI language code: "kmr" -> "ku", others unchanged.
std::string icu_locale_id(std::string_view lang);

class Collator {
  public:
    enum class Strength {
        primary,   // base letters only: case and accents ignored (search)
        tertiary,  // full ordering with case and accents as tie-breakers (sorting)
    };

    // Errors (code "i18n.icu") only when ICU cannot build any collator at all.
    static Result<Collator> create(std::string_view lang, Strength strength = Strength::tertiary);

    // <0, 0 or >0 as a sorts before, equal to, or after b (UTF-8 input).
    int compare(std::string_view a, std::string_view b) const;
    bool operator()(std::string_view a, std::string_view b) const { return compare(a, b) < 0; }

    // The ICU locale whose rules are actually used ("root" when ICU had none for the language).
    const std::string& rules_locale() const { return rules_locale_; }

  private:
    struct Impl;  // owns the icu::Collator; ICU headers stay in collate.cpp
    std::shared_ptr<const Impl> impl_;
    std::string rules_locale_;
};

// Finds a typed query inside names, ignoring case and accents the way the person's language does
// (primary collation strength): in Turkish "izmir" finds "İzmir" and "ırak" finds "Irak", but
// "irak" does not (dotted and dotless i are two letters); in Arabic short-vowel marks are
// ignored. A matcher keeps ICU search state: use one per thread (the UI thread).
class NameMatcher {
  public:
    enum class Match {
        none,
        inside,      // the query occurs inside a word
        word_start,  // the query starts a word (not the first)
        prefix,      // the name starts with the query
    };

    // An empty (or all-space) query matches every name as `prefix`.
    static Result<NameMatcher> create(std::string_view lang, std::string_view query);

    Match match(std::string_view name) const;
    // The same for many names in one ICU pass (far faster than one call per name, which matters
    // for the ~7,000 languages): result[i] is the match of names[i].
    std::vector<Match> match_all(std::span<const std::string_view> names) const;

  private:
    struct Impl;
    std::shared_ptr<Impl> impl_;
};

}  // namespace kiosk::i18n

// Folding for search-as-you-type in the kiosk's lists (countries, languages): a typed query and
// a name are both folded, then every word of the query must start a word of the name. Folding
// is deliberately generous: a person types on whatever keyboard is at hand, often without the
// letters of their own language, and a few extra rows in a list cost less than a missing one.
//
// What folds (the same in every language, because a list shows names in several languages and
// the same query must find the same rows whatever language the screen is in):
// - Case, by Unicode simple case folding (A→a, Σ/ς→σ, Ж→ж).
// - Turkish dotted and dotless i: İ, I, ı and i all fold to "i". In Turkish "I" is the capital
//   of "ı", but people type either; "irak", "ırak" and "IRAK" all find "Irak".
// - Accents and other combining marks on Latin, Greek and Cyrillic letters (ç→c, ş→s, ğ→g, ö→o,
//   ü→u, ê→e, î→i, û→u, é→e, ё→е), plus the Latin letters that have no decomposition: ß→ss,
//   æ→ae, œ→oe, ø→o, ł→l, đ→d.
// - Kept as letters: Cyrillic й, ї and ў. They are keys of their own on every Cyrillic
//   keyboard and nobody writes и, і or у for them (unlike ё, long printed as е), and "мой"
//   must not find "мои". Ukrainian ґ folds to г: it was written г for decades and many
//   keyboards lack it.
// - Arabic script: harakat and other Arabic marks (fatha ... sukun, shadda, tanwin, superscript
//   alef, Quranic marks) and tatweel are removed; alef forms أ إ آ ٱ → ا; hamza on a seat is
//   dropped to the seat (ؤ→و, ئ→ي), as many people type it; ى→ي; ة→ه; ۀ→ه; the Persian yeh
//   and kaf are unified with the Arabic ones (ی→ي, ک→ك). Sorani ە stays apart from ه.
// - Invisible format characters (ZWNJ, ZWJ, LRM/RLM, soft hyphen) are removed, so a Persian
//   word matches whether the ZWNJ inside it was typed or not.
// - Digits of any script become ASCII digits (٣ and ۳ → 3).
// Other scripts pass through case-folded (Hebrew points, Indic vowel signs are kept).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::i18n {

// `text` (UTF-8; malformed bytes become U+FFFD) folded for matching. `language` is the
// session's; the rules above are the same for every language today (see why above).
std::string fold_for_search(std::string_view text, std::string_view language);

// True when every word of the folded query is the start of some word of the folded text:
// "syr" finds "Syrian Arab Republic", "rep syr" too, "سور" finds "سوريا". Words are split at
// white space and punctuation (so "d'iv" finds "Côte d'Ivoire"). An empty query matches all.
bool search_matches(std::string_view query, std::string_view text, std::string_view language);

// A query folded once, for matching many names (a list filtered on every frame).
class SearchQuery {
  public:
    SearchQuery(std::string_view query, std::string_view language);
    bool matches(std::string_view text) const;
    bool empty() const { return words_.empty(); }
    // The folded words of the query, in order.
    const std::vector<std::string>& words() const { return words_; }

  private:
    std::vector<std::string> words_;
    std::string language_;
};

}  // namespace kiosk::i18n

// Search folding with ICU's character properties and decompositions; the choices are listed in
// search_fold.hpp. ICU stays private to kiosk_i18n.
#include "kiosk/i18n/search_fold.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>

#include "kiosk/i18n/text_utf8.hpp"

namespace kiosk::i18n {

namespace {

// Letters folded by a rule of their own (after case folding and removing marks). An empty
// target removes the character.
struct Rule {
    char32_t from;
    std::u32string_view to;
};

// Sorted by `from` for the binary search.
constexpr std::array kRules{
    Rule{U'\u00DF', U"ss"},      // ß
    Rule{U'\u00E6', U"ae"},      // æ
    Rule{U'\u00F8', U"o"},       // ø
    Rule{U'\u0111', U"d"},       // đ
    Rule{U'\u0131', U"i"},       // ı dotless i (İ is I + dot above, folded by the marks rule)
    Rule{U'\u0142', U"l"},       // ł
    Rule{U'\u0153', U"oe"},      // œ
    Rule{U'\u0491', U"\u0433"},  // ґ → г
    Rule{U'\u0629', U"\u0647"},  // ة teh marbuta → ه
    Rule{U'\u0640', U""},        // ـ tatweel
    Rule{U'\u0649', U"\u064A"},  // ى alef maksura → ي
    Rule{U'\u0671', U"\u0627"},  // ٱ alef wasla → ا
    Rule{U'\u06A9', U"\u0643"},  // ک keheh (Persian kaf) → ك
    Rule{U'\u06C0', U"\u0647"},  // ۀ heh with yeh above → ه
    Rule{U'\u06CC', U"\u064A"},  // ی Farsi yeh → ي
};

static_assert(std::is_sorted(kRules.begin(), kRules.end(),
                             [](const Rule& a, const Rule& b) { return a.from < b.from; }),
              "kRules must stay sorted for the binary search");

const Rule* find_rule(char32_t c) {
    const auto it = std::lower_bound(kRules.begin(), kRules.end(), c,
                                     [](const Rule& r, char32_t v) { return r.from < v; });
    return it != kRules.end() && it->from == c ? &*it : nullptr;
}

// Letters whose marks are part of the letter (see search_fold.hpp): й ї ў, after case folding.
bool keeps_marks(char32_t folded) {
    return folded == U'\u0439' || folded == U'\u0457' || folded == U'\u045E';
}

// A mark that only decorates its letter: combining accents (script Inherited) and Arabic
// harakat and Quranic marks. Marks that are vowels of other scripts (Indic) are kept.
bool is_droppable_mark(char32_t c) {
    const auto u = static_cast<UChar32>(c);
    if (u_charType(u) != U_NON_SPACING_MARK) {
        return false;
    }
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(u, &status);
    return U_SUCCESS(status) && (script == USCRIPT_INHERITED || script == USCRIPT_ARABIC);
}

// Appends one character with its marks already removed: case-folded, then by kRules, format
// characters dropped, digits made ASCII.
void append_folded(std::string& out, char32_t c) {
    const auto u = static_cast<UChar32>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
    const auto folded = static_cast<char32_t>(u);
    if (const Rule* rule = find_rule(folded)) {
        for (const char32_t t : rule->to) {
            append_utf8(out, t);
        }
        return;
    }
    switch (u_charType(u)) {
        case U_FORMAT_CHAR:
            return;
        case U_DECIMAL_DIGIT_NUMBER:
            out.push_back(static_cast<char>('0' + u_charDigitValue(u)));
            return;
        default:
            append_utf8(out, folded);
    }
}

// The text in NFC, so a letter typed as base + combining mark folds like the precomposed one:
// `text` itself when it is already (the usual case, without a copy), else `storage`.
std::string_view composed(std::string_view text, std::string& storage) {
    if (std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; })) {
        return text;  // ASCII is always NFC
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    assert(U_SUCCESS(status) && "ICU has no NFC data");
    const icu::StringPiece piece(text.data(), static_cast<std::int32_t>(text.size()));
    if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
        return text;
    }
    icu::StringByteSink<std::string> sink(&storage);
    status = U_ZERO_ERROR;
    nfc->normalizeUTF8(0, piece, sink, nullptr, status);
    return U_SUCCESS(status) ? std::string_view(storage) : text;
}

bool is_separator(char32_t c) {
    const auto u = static_cast<UChar32>(c);
    return u_isUWhiteSpace(u) || u_ispunct(u);
}

// Appends what one code point of NFC text folds to (nothing for a mark that is dropped).
void append_code_point_folded(std::string& out, char32_t c, const icu::Normalizer2& nfd,
                              icu::UnicodeString& decomposition) {
    if (c < 0x80) {
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a')
                                           : static_cast<char>(c));
        return;
    }
    if (is_droppable_mark(c)) {
        return;
    }
    const auto folded =
        static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
    // A rule of its own wins over the decomposition (ۀ is heh, not Sorani ە + hamza).
    if (keeps_marks(folded) || find_rule(folded) != nullptr ||
        !nfd.getDecomposition(static_cast<UChar32>(c), decomposition)) {
        append_folded(out, c);
        return;
    }
    // A precomposed letter: its base letters without the decorating marks (ş → s, أ → ا,
    // İ → I → i). Decompositions without such marks (Hangul syllables) stay whole.
    std::u32string kept;
    bool dropped = false;
    for (std::int32_t i = 0; i < decomposition.length(); i = decomposition.moveIndex32(i, 1)) {
        const auto part = static_cast<char32_t>(decomposition.char32At(i));
        if (is_droppable_mark(part)) {
            dropped = true;
        } else {
            kept.push_back(part);
        }
    }
    if (!dropped) {
        append_folded(out, c);
        return;
    }
    for (const char32_t part : kept) {
        append_folded(out, part);
    }
}

const icu::Normalizer2& nfd_instance() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    assert(U_SUCCESS(status) && nfd != nullptr && "ICU has no NFD data");
    return *nfd;
}

// The code points of one or two UTF-8 bytes (ASCII, Latin, Greek, Cyrillic, Hebrew, Arabic ...):
// what each folds to and whether it separates words, worked out once with the ICU calls above
// (an offer's words cost ~2 µs instead of ~40 µs). Other code points go through ICU each time.
class FoldTable {
  public:
    static constexpr char32_t kEnd = 0x800;

    FoldTable() {
        const icu::Normalizer2& nfd = nfd_instance();
        icu::UnicodeString decomposition;
        for (char32_t c = 0; c < kEnd; ++c) {
            start_[c] = static_cast<std::uint16_t>(bytes_.size());
            append_code_point_folded(bytes_, c, nfd, decomposition);
            separator_[c] = is_separator(c);
        }
        start_[kEnd] = static_cast<std::uint16_t>(bytes_.size());
        assert(bytes_.size() <= UINT16_MAX && "FoldTable: offsets are 16 bits");
    }

    // c < kEnd
    void append_folded(std::string& out, char32_t c) const {
        out.append(bytes_, start_[c], start_[c + 1] - start_[c]);
    }
    bool separator(char32_t c) const { return separator_[c]; }

  private:
    std::string bytes_;
    std::array<std::uint16_t, kEnd + 1> start_{};
    std::array<bool, kEnd> separator_{};
};

const FoldTable& fold_table() {
    static const FoldTable table;  // constant once built; built on first use, thread-safe
    return table;
}

// The code point at `at` of `text`, as decode_utf8_at gives it, with one and two bytes decoded
// here (most of an offer's text).
char32_t next_char(std::string_view text, std::size_t at, std::size_t& length) {
    const auto b0 = static_cast<unsigned char>(text[at]);
    if (b0 < 0x80) {
        length = 1;
        return b0;
    }
    // C2..DF and a continuation byte: a well-formed two-byte sequence, never overlong.
    if (b0 >= 0xC2 && b0 <= 0xDF && at + 1 < text.size() &&
        (static_cast<unsigned char>(text[at + 1]) & 0xC0) == 0x80) {
        length = 2;
        return static_cast<char32_t>(((b0 & 0x1Fu) << 6) |
                                     (static_cast<unsigned char>(text[at + 1]) & 0x3Fu));
    }
    return decode_utf8_at(text, at, length);
}

bool separates_words(const FoldTable& table, char32_t c) {
    return c < FoldTable::kEnd ? table.separator(c) : is_separator(c);
}

// Calls `word(view)` for each word of folded text, in order, until it returns true; returns
// whether one did. Views point into `folded`.
template <typename Visit>
bool any_word(std::string_view folded, Visit word) {
    const FoldTable& table = fold_table();
    std::size_t start = 0;
    std::size_t at = 0;
    while (at < folded.size()) {
        std::size_t length = 0;
        const char32_t c = next_char(folded, at, length);
        if (separates_words(table, c)) {
            if (at > start && word(folded.substr(start, at - start))) {
                return true;
            }
            start = at + length;
        }
        at += length;
    }
    return folded.size() > start && word(folded.substr(start));
}

}  // namespace

std::string fold_for_search(std::string_view text, std::string_view /*language*/) {
    const FoldTable& table = fold_table();
    std::string storage;
    const std::string_view nfc = composed(text, storage);
    std::string out;
    out.reserve(nfc.size());
    icu::UnicodeString decomposition;
    std::size_t at = 0;
    while (at < nfc.size()) {
        std::size_t length = 0;
        const char32_t c = next_char(nfc, at, length);
        at += length;
        if (c < FoldTable::kEnd) {
            table.append_folded(out, c);
        } else {
            append_code_point_folded(out, c, nfd_instance(), decomposition);
        }
    }
    return out;
}

SearchQuery::SearchQuery(std::string_view query, std::string_view language) : language_(language) {
    const std::string folded = fold_for_search(query, language);
    any_word(folded, [this](std::string_view word) {
        words_.emplace_back(word);
        return false;
    });
}

namespace {

// The Arabic article "ال" is written joined to the noun: "السورية" (Syrian). People search for
// the noun ("سور"), so a word also matches after its article, when something is left of it.
constexpr std::string_view kArabicArticle = "\u0627\u0644";

bool word_starts_with(std::string_view word, std::string_view wanted) {
    if (word.starts_with(wanted)) {
        return true;
    }
    return word.starts_with(kArabicArticle) && word.size() > kArabicArticle.size() &&
           word.substr(kArabicArticle.size()).starts_with(wanted);
}

}  // namespace

bool SearchQuery::matches(std::string_view text) const {
    if (words_.empty()) {
        return true;
    }
    const std::string folded = fold_for_search(text, language_);
    return std::all_of(words_.begin(), words_.end(), [&folded](const std::string& wanted) {
        return any_word(
            folded, [&wanted](std::string_view word) { return word_starts_with(word, wanted); });
    });
}

bool search_matches(std::string_view query, std::string_view text, std::string_view language) {
    return SearchQuery(query, language).matches(text);
}

}  // namespace kiosk::i18n

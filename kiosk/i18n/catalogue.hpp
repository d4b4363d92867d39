// Message catalogue: every visible string, by stable key ("welcome.title"), in every shipped
// language, loaded from gettext PO files (assets/i18n/<lang>.po). Lookups fall back from the
// person's language to English, and from English to the key itself (logged once, so a missing
// key is visible in tests and logs but never blanks the screen).
//
// Keys found by the completeness test (tests/i18n/catalogue_completeness.cpp) are the first
// string literal argument of these call forms anywhere under kiosk/, platform/, sync/:
//   tr("key"   trn("key"   text("key"   T("key"   t("key"   plural("key"   key("key"
//   format("key"   count_text("key"   tr(lang, "key"   trn(lang, "key"
// where a key is dot-separated words starting with a lower-case letter ("reg.cefr.A1").
// Code that picks a key at run time (e.g. "error." + code) lists its keys with i18n::key("...")
// so the test still sees them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.hpp"
#include "kiosk/i18n/numbers.hpp"
#include "kiosk/i18n/plural.hpp"
#include "kiosk/i18n/po_parser.hpp"

namespace kiosk::i18n {

// The source language: its catalogue defines the keys and is the fallback for all others.
inline constexpr std::string_view kSourceLanguage = "en";

// Marks a string literal as a catalogue key for the completeness test; returns it unchanged.
constexpr std::string_view key(std::string_view k) {
    return k;
}

// One {name} -> value substitution for format().
struct FormatArg {
    std::string_view name;
    std::string value;
};

// Replaces each {name} in `pattern` with its value. Placeholder names are [a-z0-9_]+; a
// placeholder without an argument stays as it is (visible, never silently dropped); other braces
// are copied unchanged.
std::string format(std::string_view pattern, std::span<const FormatArg> args);
inline std::string format(std::string_view pattern, std::initializer_list<FormatArg> args) {
    return format(pattern, std::span<const FormatArg>(args.begin(), args.size()));
}

// The names of the {placeholders} in `pattern` (used to check translations keep them).
std::set<std::string> placeholders(std::string_view pattern);

class Translator;

class Catalogue {
  public:
    // Receives one line per missing key (the key and language code only, never user text).
    using LogSink = std::function<void(std::string_view)>;

    // Loads every <lang>.po in `dir` (the template kiosk.pot is skipped). en.po must exist.
    // Errors: "i18n.io" (directory or file unreadable), "i18n.po_syntax" (file:line),
    // "i18n.plural_forms" (missing or bad Plural-Forms), "i18n.catalogue" (en.po missing, a plural
    // entry whose msgstr count differs from nplurals).
    static Result<Catalogue> load_directory(const std::filesystem::path& dir);

    // Builds a catalogue from parsed files; `files` maps a language code to its PO file and must
    // contain kSourceLanguage. Same errors as load_directory.
    static Result<Catalogue> from_files(std::map<std::string, PoFile> files);

    // The translation of `key` in `lang`; else the English text; else the key itself.
    // Fuzzy and empty entries count as missing. The reference stays valid as long as the
    // catalogue lives.
    const std::string& tr(std::string_view lang, std::string_view key) const;

    // The plural form of `key` for the count n, with the same fallback; when it falls back to
    // English, English's rule picks the form. The text is not formatted: pass it to format().
    const std::string& trn(std::string_view lang, std::string_view key, std::uint64_t n) const;

    // True when `lang` itself (not a fallback) has a usable translation of `key`.
    bool has_translation(std::string_view lang, std::string_view key) const;

    // Loaded language codes, sorted.
    std::vector<std::string> languages() const;
    bool has_language(std::string_view lang) const;
    // The language's plural rule, or nullptr when it is not loaded.
    const PluralRule* plural_rule(std::string_view lang) const;

    // Where missing-key lines go (default: standard error).
    void set_log_sink(LogSink sink);

    // A view bound to one language. It points at this catalogue: keep the catalogue in one
    // place (do not move it) while translators live.
    Translator translator(std::string_view lang, DigitSettings digits = {}) const;

  private:
    struct Message {
        std::vector<std::string> forms;  // one for a singular entry, nplurals for a plural entry
    };
    struct Language {
        PluralRule plural = PluralRule::germanic();
        std::map<std::string, Message, std::less<>> messages;
    };
    // Keys already logged as missing, and storage for returning the key itself. Behind a mutex
    // because lookups are const and may come from more than one thread.
    struct MissingKeys {
        std::mutex mutex;
        std::set<std::string, std::less<>> keys;
        LogSink sink;
    };

    const Message* lookup(std::string_view lang, std::string_view key) const;
    const std::string& missing(std::string_view lang, std::string_view key) const;

    std::map<std::string, Language, std::less<>> languages_;
    std::unique_ptr<MissingKeys> missing_ = std::make_unique<MissingKeys>();
};

// A catalogue bound to one language (and the kiosk's digit setting): what views hold.
class Translator {
  public:
    Translator(const Catalogue& catalogue, std::string lang, DigitSettings digits = {});

    const std::string& operator()(std::string_view key) const;
    const std::string& plural(std::string_view key, std::uint64_t n) const;

    // tr + format: t.format("notice.who", {{"centre", name}}).
    std::string format(std::string_view key, std::initializer_list<FormatArg> args) const;
    // Picks the plural form for n and puts n (in the setting's digits for counts) into
    // {count_name}: t.count_text("idle.seconds_left", 5, "n") -> "5 seconds left".
    std::string count_text(std::string_view key, std::int64_t n, std::string_view count_name,
                           std::initializer_list<FormatArg> more = {}) const;
    // A count / a code in the digits the setting asks for.
    std::string count(std::int64_t n) const;
    std::string code(std::string_view text) const;

    const std::string& language() const { return lang_; }
    const DigitSettings& digits() const { return digits_; }

    // The form the UI's view context stores; it copies this translator (the catalogue must
    // outlive it).
    std::function<std::string(std::string_view)> as_function() const;

  private:
    const Catalogue* catalogue_;
    std::string lang_;
    DigitSettings digits_;
};

}  // namespace kiosk::i18n

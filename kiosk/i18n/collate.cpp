// ICU collation and collation-based search (icu::StringSearch), wrapped so that no ICU header
// leaks into the rest of the kiosk.
#include "kiosk/i18n/collate.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stsearch.h>
#include <unicode/tblcoll.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cassert>

namespace kiosk::i18n {

namespace {

icu::UnicodeString from_utf8(std::string_view s) {
    return icu::UnicodeString::fromUTF8(
        icu::StringPiece(s.data(), static_cast<std::int32_t>(s.size())));
}

Result<std::unique_ptr<icu::Collator>> make_collator(std::string_view lang,
                                                     Collator::Strength strength,
                                                     std::string& rules_locale) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale(icu_locale_id(lang).c_str());
    std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(locale, status));
    if (U_FAILURE(status) || !collator) {
        return make_error("i18n.icu", "no ICU collator for \"" + std::string(lang) +
                                          "\": " + u_errorName(status));
    }
    collator->setStrength(strength == Collator::Strength::primary ? icu::Collator::PRIMARY
                                                                  : icu::Collator::TERTIARY);
    const auto actual = collator->getLocale(ULOC_ACTUAL_LOCALE, status);
    rules_locale = U_SUCCESS(status) && actual.getName()[0] != '\0' ? actual.getName() : "root";
    return collator;
}

bool is_word_separator(UChar32 c) {
    return u_isUWhiteSpace(c) || u_ispunct(c) || c == '-';
}

}  // namespace

struct Collator::Impl {
    std::unique_ptr<icu::Collator> collator;
};

std::string icu_locale_id(std::string_view lang) {
    if (lang == "kmr" || lang.starts_with("kmr-") || lang.starts_with("kmr_")) {
        return "ku" + std::string(lang.substr(3));
    }
    return std::string(lang);
}

Result<Collator> Collator::create(std::string_view lang, Strength strength) {
    Collator c;
    auto made = make_collator(lang, strength, c.rules_locale_);
    if (!made) {
        return made.error();
    }
    auto impl = std::make_shared<Impl>();
    impl->collator = std::move(made).value();
    c.impl_ = std::move(impl);
    return c;
}

int Collator::compare(std::string_view a, std::string_view b) const {
    UErrorCode status = U_ZERO_ERROR;
    const auto result = impl_->collator->compareUTF8(
        icu::StringPiece(a.data(), static_cast<std::int32_t>(a.size())),
        icu::StringPiece(b.data(), static_cast<std::int32_t>(b.size())), status);
    assert(U_SUCCESS(status) && "ICU compareUTF8 failed on valid input");
    return static_cast<int>(result);
}

struct NameMatcher::Impl {
    std::unique_ptr<icu::Collator> collator;
    icu::UnicodeString pattern;
    // StringSearch keeps iteration state: match() is const for callers but not thread-safe.
    std::unique_ptr<icu::StringSearch> search;
};

Result<NameMatcher> NameMatcher::create(std::string_view lang, std::string_view query) {
    NameMatcher matcher;
    matcher.impl_ = std::make_shared<Impl>();
    auto& impl = *matcher.impl_;
    impl.pattern = from_utf8(query);
    impl.pattern.trim();
    if (impl.pattern.isEmpty()) {
        return matcher;
    }
    std::string rules_locale;
    auto made = make_collator(lang, Collator::Strength::primary, rules_locale);
    if (!made) {
        return made.error();
    }
    impl.collator = std::move(made).value();
    auto* rules = dynamic_cast<icu::RuleBasedCollator*>(impl.collator.get());
    if (rules == nullptr) {
        return make_error("i18n.icu", "ICU collator for \"" + std::string(lang) +
                                          "\" is not rule-based; cannot search");
    }
    UErrorCode status = U_ZERO_ERROR;
    // A placeholder text: the real one is set per name in match().
    impl.search = std::make_unique<icu::StringSearch>(impl.pattern, icu::UnicodeString(u" "), rules,
                                                      nullptr, status);
    if (U_FAILURE(status)) {
        return make_error("i18n.icu",
                          std::string("cannot build ICU search: ") + u_errorName(status));
    }
    return matcher;
}

NameMatcher::Match NameMatcher::match(std::string_view name) const {
    return match_all(std::span<const std::string_view>(&name, 1)).front();
}

std::vector<NameMatcher::Match> NameMatcher::match_all(
    std::span<const std::string_view> names) const {
    if (!impl_->search) {
        return std::vector<Match>(names.size(), Match::prefix);
    }
    std::vector<Match> best(names.size(), Match::none);
    // All names in one text, each followed by a line feed; starts[i] is where names[i] begins.
    icu::UnicodeString text;
    std::vector<std::int32_t> starts;
    starts.reserve(names.size() + 1);
    for (const auto name : names) {
        starts.push_back(text.length());
        text += from_utf8(name);
        text += u'\n';
    }
    starts.push_back(text.length());

    UErrorCode status = U_ZERO_ERROR;
    auto& search = *impl_->search;
    search.setText(text, status);
    // Overlapping matches too, or a match that runs across two names could hide a real one.
    search.setAttribute(USEARCH_OVERLAP, USEARCH_ON, status);
    if (U_FAILURE(status)) {
        return best;
    }
    for (auto at = search.first(status); U_SUCCESS(status) && at != USEARCH_DONE;
         at = search.next(status)) {
        const auto item = static_cast<std::size_t>(
            std::upper_bound(starts.begin(), starts.end(), at) - starts.begin() - 1);
        const auto end_of_name = starts[item + 1] - 1;  // the line feed after it
        if (at + search.getMatchedLength() > end_of_name) {
            continue;  // runs into the next name: not a match of either
        }
        Match found = Match::inside;
        if (at == starts[item]) {
            found = Match::prefix;
        } else if (is_word_separator(text.char32At(text.moveIndex32(at, -1)))) {
            found = Match::word_start;
        }
        best[item] = std::max(best[item], found);
    }
    return best;
}

}  // namespace kiosk::i18n

// ICU collation and collation-based search (icu::StringSearch), wrapped so that no ICU header
// leaks into the rest of the kiosk.
#include "kiosk/i18n/collate.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stsearch.h>
#include <unicode/tblcoll.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

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
    if (!impl_->search) {
        return Match::prefix;
    }
    const auto text = from_utf8(name);
    if (text.isEmpty()) {
        return Match::none;
    }
    UErrorCode status = U_ZERO_ERROR;
    impl_->search->setText(text, status);
    if (U_FAILURE(status)) {
        return Match::none;
    }
    Match best = Match::none;
    for (auto at = impl_->search->first(status); U_SUCCESS(status) && at != USEARCH_DONE;
         at = impl_->search->next(status)) {
        if (at == 0) {
            return Match::prefix;
        }
        if (is_word_separator(text.char32At(text.moveIndex32(at, -1)))) {
            best = Match::word_start;
        } else if (best == Match::none) {
            best = Match::inside;
        }
    }
    return best;
}

}  // namespace kiosk::i18n

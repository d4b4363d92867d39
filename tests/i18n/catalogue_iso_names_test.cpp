// Country and language names from iso-codes, sorted and searched with each language's rules.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/i18n/collate.hpp"
#include "kiosk/i18n/iso_names.hpp"
#include "tests/i18n/catalogue_test_support.hpp"

namespace kiosk::i18n {
namespace {

std::vector<IsoName> countries(std::string_view lang) {
    auto list = load_countries(lang);
    EXPECT_TRUE(list.ok()) << (list.ok() ? "" : list.error().message);
    return list.ok() ? std::move(list).value() : std::vector<IsoName>{};
}

const IsoName* by_code(const std::vector<IsoName>& names, std::string_view code) {
    const auto it =
        std::find_if(names.begin(), names.end(), [&](const IsoName& n) { return n.code == code; });
    return it == names.end() ? nullptr : &*it;
}

std::size_t position(const std::vector<IsoName>& names, std::string_view code) {
    const auto* found = by_code(names, code);
    EXPECT_NE(found, nullptr) << code;
    return found == nullptr ? names.size() : static_cast<std::size_t>(found - names.data());
}

// Codes of the search hits, best first.
std::vector<std::string> search(const std::vector<IsoName>& names, std::string_view query,
                                std::string_view lang) {
    auto hits = search_names(names, query, lang);
    EXPECT_TRUE(hits.ok()) << (hits.ok() ? "" : hits.error().message);
    std::vector<std::string> codes;
    for (const auto i : hits.ok() ? hits.value() : std::vector<std::size_t>{}) {
        codes.push_back(names[i].code);
    }
    return codes;
}

bool contains(const std::vector<std::string>& codes, std::string_view code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

TEST(IsoNames, CountriesAreTranslatedWhereIsoCodesHasIt) {
    const auto tr = countries("tr");
    ASSERT_GT(tr.size(), 240u);
    ASSERT_NE(by_code(tr, "DE"), nullptr);
    EXPECT_EQ(by_code(tr, "DE")->name, "Almanya");
    EXPECT_EQ(by_code(tr, "DE")->english, "Germany");
    EXPECT_EQ(by_code(tr, "DE")->alt_code, "DEU");
    EXPECT_TRUE(by_code(tr, "DE")->translated);

    EXPECT_EQ(by_code(countries("ru"), "DE")->name, "Германия");
    EXPECT_EQ(by_code(countries("uk"), "DE")->name, "Німеччина");
    EXPECT_EQ(by_code(countries("bg"), "DE")->name, "Германия");
    for (const auto* lang : {"ar", "fa", "ps", "kmr"}) {
        const auto list = countries(lang);
        const auto* de = by_code(list, "DE");
        ASSERT_NE(de, nullptr) << lang;
        EXPECT_TRUE(de->translated) << lang;
        EXPECT_NE(de->name, "Germany") << lang;
    }
}

TEST(IsoNames, EnglishUsesCommonNamesAndMarksNothingTranslated) {
    const auto en = countries("en");
    ASSERT_NE(by_code(en, "SY"), nullptr);
    EXPECT_EQ(by_code(en, "SY")->name, "Syria");  // common_name, not "Syrian Arab Republic"
    EXPECT_EQ(by_code(en, "IR")->name, "Iran");
    EXPECT_TRUE(std::none_of(en.begin(), en.end(), [](const IsoName& n) { return n.translated; }));
}

TEST(IsoNames, MissingTranslationsFallBackToEnglish) {
    // Pashto's catalogue covers only part of the countries; the rest keep English names.
    const auto ps = countries("ps");
    const auto untranslated =
        std::count_if(ps.begin(), ps.end(), [](const IsoName& n) { return !n.translated; });
    EXPECT_GT(untranslated, 0);
    for (const auto& n : ps) {
        if (!n.translated) {
            EXPECT_EQ(n.name, n.english) << n.code;
        }
    }
}

TEST(IsoNames, ListsAreSortedByTheLanguagesRules) {
    for (const auto* lang : {"en", "tr", "ar", "ru", "kmr"}) {
        const auto list = countries(lang);
        auto collator = Collator::create(lang);
        ASSERT_TRUE(collator.ok());
        for (std::size_t i = 1; i < list.size(); ++i) {
            EXPECT_LE(collator->compare(list[i - 1].name, list[i].name), 0)
                << lang << ": " << list[i - 1].name << " before " << list[i].name;
        }
    }
    // Turkish puts Ç after all of C: Çad (Chad) after Cezayir (Algeria), before Danimarka.
    const auto tr = countries("tr");
    EXPECT_LT(position(tr, "DZ"), position(tr, "TD"));
    EXPECT_LT(position(tr, "TD"), position(tr, "DK"));
}

TEST(IsoNames, LanguagesComeInTwoSizes) {
    auto major = load_languages("tr", LanguageSet::major);
    auto living = load_languages("tr", LanguageSet::living);
    ASSERT_TRUE(major.ok()) << major.error().message;
    ASSERT_TRUE(living.ok()) << living.error().message;
    EXPECT_GT(major->size(), 150u);
    EXPECT_LT(major->size(), 250u);
    EXPECT_GT(living->size(), 7000u);
    EXPECT_TRUE(std::all_of(major->begin(), major->end(),
                            [](const IsoName& n) { return !n.alt_code.empty(); }));
    const auto* turkish = by_code(major.value(), "tur");
    ASSERT_NE(turkish, nullptr);
    EXPECT_EQ(turkish->alt_code, "tr");
    EXPECT_EQ(turkish->name, "Türkçe");
    // Northern Kurdish (Kurmanji) has no ISO 639-1 code: only in the full list.
    EXPECT_EQ(by_code(major.value(), "kmr"), nullptr);
    EXPECT_NE(by_code(living.value(), "kmr"), nullptr);
    // Extinct and historical languages are left out.
    EXPECT_EQ(by_code(living.value(), "ang"), nullptr);  // Old English
}

TEST(IsoNames, ReportsUnreadableIsoCodes) {
    const auto dir = test::scratch_dir();
    auto missing = load_countries("tr", IsoPaths{dir, dir});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, "i18n.io");

    test::write_text(dir / "iso_3166-1.json", "{\"3166-1\": 5}");
    auto wrong_shape = load_countries("tr", IsoPaths{dir, dir});
    ASSERT_FALSE(wrong_shape.ok());
    EXPECT_EQ(wrong_shape.error().code, "i18n.iso_codes");

    test::write_text(dir / "iso_3166-1.json",
                     R"({"3166-1": [{"alpha_2": "DE", "alpha_3": "DEU", "name": "Germany"}]})");
    test::write_text(dir / "tr" / "LC_MESSAGES" / "iso_3166-1.mo", "not a catalogue at all....");
    auto damaged = load_countries("tr", IsoPaths{dir, dir});
    ASSERT_FALSE(damaged.ok());
    EXPECT_EQ(damaged.error().code, "i18n.mo_format");
}

TEST(NameSearch, IgnoresCaseAndAccentsAndRanksPrefixesFirst) {
    const auto en = countries("en");
    EXPECT_EQ(search(en, "cote", "en"), (std::vector<std::string>{"CI"}));  // Côte d'Ivoire
    EXPECT_EQ(search(en, "GERMANY", "en"), (std::vector<std::string>{"DE"}));
    const auto guinea = search(en, "guinea", "en");
    // Guinea and Guinea-Bissau start with it; Equatorial Guinea and Papua New Guinea have it
    // as a later word.
    ASSERT_EQ(guinea.size(), 4u);
    EXPECT_EQ((std::vector<std::string>{guinea[0], guinea[1]}),
              (std::vector<std::string>{"GN", "GW"}));
    EXPECT_EQ((std::vector<std::string>{guinea[2], guinea[3]}),
              (std::vector<std::string>{"GQ", "PG"}));
    EXPECT_EQ(search(en, "   ", "en").size(), en.size()) << "an empty query lists everything";
}

TEST(NameSearch, FollowsTurkishDottedAndDotlessI) {
    const auto tr = countries("tr");
    // İran and İzlanda are found with a dotted i, lower or upper case.
    EXPECT_TRUE(contains(search(tr, "iran", "tr"), "IR"));
    EXPECT_TRUE(contains(search(tr, "İRAN", "tr"), "IR"));
    EXPECT_TRUE(contains(search(tr, "izlanda", "tr"), "IS"));
    // Irak is written with a dotless I: found with ı, not with i.
    EXPECT_TRUE(contains(search(tr, "ırak", "tr"), "IQ"));
    EXPECT_FALSE(contains(search(tr, "ırak", "tr"), "IR"));
    // Under English rules the same letters are one.
    const auto en = countries("en");
    EXPECT_TRUE(contains(search(en, "İRAQ", "en"), "IQ"));
}

TEST(NameSearch, IgnoresArabicVowelMarks) {
    const auto ar = countries("ar");
    const auto* egypt = by_code(ar, "EG");
    ASSERT_NE(egypt, nullptr);
    ASSERT_EQ(egypt->name, "مصر");
    EXPECT_TRUE(contains(search(ar, "مِصْر", "ar"), "EG"));  // with kasra and sukun
    EXPECT_TRUE(contains(search(ar, "Egypt", "ar"), "EG")) << "the English name also matches";
}

TEST(NameSearch, FindsCyrillicRegardlessOfCase) {
    const auto ru = countries("ru");
    EXPECT_TRUE(contains(search(ru, "ГЕРМАН", "ru"), "DE"));
    EXPECT_FALSE(contains(search(ru, "ГЕРМАН", "ru"), "FR"));
}

TEST(NameSearch, MatchesManyNamesAtOnceWithoutRunningAcrossThem) {
    using Match = NameMatcher::Match;
    auto matcher = NameMatcher::create("en", "nd");
    ASSERT_TRUE(matcher.ok()) << matcher.error().message;
    // "...Ireland" + "Denmark" would contain "nd" only across the two names.
    const std::vector<std::string_view> names = {"Irelan", "Denmark", "Nd", "Iceland", "Grand Nd"};
    EXPECT_EQ(matcher->match_all(names),
              (std::vector<Match>{Match::none, Match::none, Match::prefix, Match::inside,
                                  Match::word_start}));
    EXPECT_EQ(matcher->match("Finland"), Match::inside);
    EXPECT_EQ(matcher->match(""), Match::none);
    EXPECT_TRUE(matcher->match_all({}).empty());
}

TEST(Collate, KurmanjiUsesKurdishRules) {
    auto kmr = Collator::create("kmr");
    auto root = Collator::create("und");
    ASSERT_TRUE(kmr.ok());
    ASSERT_TRUE(root.ok());
    EXPECT_EQ(kmr->rules_locale(), "ku");
    EXPECT_EQ(root->rules_locale(), "root");
    // In Kurmanji ç is a letter after c: "çem" sorts after "cz"; by the root rules before it.
    EXPECT_GT(kmr->compare("çem", "cz"), 0);
    EXPECT_LT(root->compare("çem", "cz"), 0);
    EXPECT_LT(kmr->compare("çem", "dar"), 0);
}

TEST(Collate, PrimaryStrengthIgnoresCaseAndAccents) {
    auto primary = Collator::create("en", Collator::Strength::primary);
    auto tertiary = Collator::create("en");
    ASSERT_TRUE(primary.ok());
    ASSERT_TRUE(tertiary.ok());
    EXPECT_EQ(primary->compare("cote", "Côte"), 0);
    EXPECT_NE(tertiary->compare("cote", "Côte"), 0);
    EXPECT_TRUE((*tertiary)("apple", "Banana"));
}

}  // namespace
}  // namespace kiosk::i18n

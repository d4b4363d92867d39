// Search folding and word-prefix matching on made-up names in the kiosk's languages: what a
// person types on the on-screen keyboard (often without accents or their own letters) must find
// the names in the lists.
#include <gtest/gtest.h>

#include <string>

#include "kiosk/i18n/search_fold.hpp"

namespace kiosk::i18n {
namespace {

std::string fold(std::string_view text, std::string_view language = "en") {
    return fold_for_search(text, language);
}

bool finds(std::string_view query, std::string_view name, std::string_view language = "en") {
    return search_matches(query, name, language);
}

TEST(SearchFold, CaseFoldsInEveryScript) {
    EXPECT_EQ(fold("SYRIAN Arab"), "syrian arab");
    EXPECT_EQ(fold("БЪЛГАРИЯ"), "българия");
    EXPECT_EQ(fold("ΣΟΦΊΑ"), fold("σοφια"));
}

TEST(SearchFold, TurkishDottedAndDotlessIAllFoldToI) {
    for (const std::string_view lang : {"tr", "en", "ar"}) {
        EXPECT_EQ(fold("İzmir", lang), "izmir") << lang;
        EXPECT_EQ(fold("IĞDIR", lang), "igdir") << lang;
        EXPECT_EQ(fold("Kırıkkale", lang), "kirikkale") << lang;
    }
    EXPECT_TRUE(finds("irak", "Irak", "tr"));
    EXPECT_TRUE(finds("ırak", "Irak", "tr"));
    EXPECT_TRUE(finds("IRAK", "Irak", "tr"));
    EXPECT_TRUE(finds("İST", "istanbul", "tr"));
    EXPECT_TRUE(finds("ist", "İstanbul", "tr"));
}

TEST(SearchFold, TurkishAndKurmanjiLettersLoseTheirMarks) {
    EXPECT_EQ(fold("Çağla Şükrü Öğüt", "tr"), "cagla sukru ogut");
    EXPECT_EQ(fold("Êzîdxan Ûsiv", "kmr"), "ezidxan usiv");
    EXPECT_TRUE(finds("sukr", "Şükrü Demirtaş", "tr"));
    EXPECT_TRUE(finds("kurmanci", "Kurmancî", "kmr"));
    EXPECT_TRUE(finds("zim", "Zimanê Kurdî", "kmr"));
    // Typed with the accents, it still finds the name typed without them.
    EXPECT_TRUE(finds("çanak", "Canakkale", "tr"));
}

TEST(SearchFold, LettersWithoutADecompositionFold) {
    EXPECT_EQ(fold("Straße"), "strasse");
    EXPECT_EQ(fold("Łódź"), "lodz");
    EXPECT_EQ(fold("Øresund Æble Œuvre Đakovo"), "oresund aeble oeuvre dakovo");
}

TEST(SearchFold, ArabicHarakatAndTatweelAreRemoved) {
    EXPECT_EQ(fold("سُورِيَا", "ar"), "سوريا");
    EXPECT_EQ(fold("عـــربـي", "ar"), "عربي");
    EXPECT_EQ(fold("مُحَمَّدٌ", "ar"), "محمد");
    EXPECT_TRUE(finds("سور", "سوريا", "ar"));
    EXPECT_TRUE(finds("سُو", "سوريا", "ar"));
    EXPECT_TRUE(finds("سور", "سُورِيَا", "ar"));
}

TEST(SearchFold, ArabicLetterVariantsAreUnified) {
    // Alef with hamza above, below, madda and wasla: all plain alef.
    EXPECT_EQ(fold("أحمد إبراهيم آمنة ٱلنور", "ar"), "احمد ابراهيم امنه النور");
    // Hamza on waw and yeh drops to its seat; alef maksura is yeh; teh marbuta is heh.
    EXPECT_EQ(fold("مسؤول", "ar"), "مسوول");
    EXPECT_EQ(fold("بئر", "ar"), "بير");
    EXPECT_EQ(fold("مصطفى", "ar"), "مصطفي");
    EXPECT_EQ(fold("فاطمة", "ar"), "فاطمه");
    EXPECT_TRUE(finds("احمد", "أحمد", "ar"));
    EXPECT_TRUE(finds("اسم", "إسماعيل", "ar"));
    EXPECT_TRUE(finds("فاطمه", "فاطمة", "ar"));
}

TEST(SearchFold, PersianAndArabicYehAndKafAreOneLetter) {
    EXPECT_EQ(fold("ایران", "fa"), fold("ايران", "ar"));
    EXPECT_EQ(fold("کابل", "fa"), fold("كابل", "ar"));
    EXPECT_TRUE(finds("ایر", "جمهوری اسلامی ايران", "fa"));
    EXPECT_TRUE(finds("كرد", "کردی", "ar"));
    // Heh with yeh above (the ezafe) is heh.
    EXPECT_EQ(fold("خانۀ", "fa"), "خانه");
}

TEST(SearchFold, ZeroWidthNonJoinerDoesNotSplitOrBlock) {
    EXPECT_EQ(fold("می\u200Cروم", "fa"), "ميروم");
    EXPECT_TRUE(finds("میر", "می\u200Cروم", "fa"));
    EXPECT_TRUE(finds("می\u200Cر", "میروم", "fa"));
    // Bidi marks copied along with a name are invisible and do not count either.
    EXPECT_EQ(fold("\u200Fسوريا\u200E", "ar"), "سوريا");
}

TEST(SearchFold, CyrillicYoFoldsButShortIStays) {
    EXPECT_EQ(fold("Ёлка", "ru"), "елка");
    EXPECT_TRUE(finds("береза", "Берёза", "ru"));
    EXPECT_TRUE(finds("берёз", "Береза", "ru"));
    EXPECT_EQ(fold("Йемен", "ru"), "йемен");
    EXPECT_FALSE(finds("иемен", "Йемен", "ru"));
    EXPECT_FALSE(finds("мои", "мой", "ru"));
    EXPECT_EQ(fold("Їжак", "uk"), "їжак");
    EXPECT_FALSE(finds("іжак", "Їжак", "uk"));
    EXPECT_EQ(fold("Ґанок", "uk"), "ганок");
    EXPECT_TRUE(finds("укр", "Україна", "uk"));
    EXPECT_TRUE(finds("соф", "София", "bg"));
}

TEST(SearchFold, DecomposedInputFoldsLikePrecomposed) {
    EXPECT_EQ(fold("s\u0327ehir", "tr"), fold("şehir", "tr"));
    EXPECT_EQ(fold("\u0438\u0306од", "ru"), "йод");  // и + combining breve is й
    EXPECT_EQ(fold("\u0627\u0654حمد", "ar"), "احمد");
}

TEST(SearchFold, DigitsOfEveryScriptAreAscii) {
    EXPECT_EQ(fold("٣٤ ۱۲", "ar"), "34 12");
    EXPECT_TRUE(finds("19", "Sokak ۱۹۸۰", "fa"));
}

TEST(SearchFold, MalformedBytesDoNotStopFolding) {
    EXPECT_EQ(fold("A\xFF"
                   "B"),
              "a\uFFFDb");
}

TEST(SearchMatches, EveryQueryWordStartsSomeWordOfTheName) {
    const std::string_view name = "Syrian Arab Republic";
    EXPECT_TRUE(finds("syr", name));
    EXPECT_TRUE(finds("rep syr", name));
    EXPECT_TRUE(finds("  ARAB  ", name));
    EXPECT_TRUE(finds("Syrian Arab Republic", name));
    EXPECT_FALSE(finds("rian", name)) << "inside a word is not a word start";
    EXPECT_FALSE(finds("syr x", name)) << "every query word must match";
    EXPECT_FALSE(finds("syriana", name));
}

TEST(SearchMatches, PunctuationSeparatesWords) {
    EXPECT_TRUE(finds("iv", "Côte d'Ivoire"));
    EXPECT_TRUE(finds("d'iv", "Côte d'Ivoire"));
    EXPECT_TRUE(finds("bissau", "Guinea-Bissau"));
    EXPECT_TRUE(finds("cabo", "Verde (Cabo)"));
    EXPECT_TRUE(finds("کرد", "کردی، سورانی", "fa"));
    EXPECT_TRUE(finds("سور", "کردی، سورانی", "fa"));
}

TEST(SearchMatches, AnEmptyQueryMatchesEverything) {
    EXPECT_TRUE(finds("", "Türkiye", "tr"));
    EXPECT_TRUE(finds("   ", "Türkiye", "tr"));
    EXPECT_TRUE(SearchQuery(" \t", "tr").empty());
    EXPECT_FALSE(finds("x", "", "tr"));
}

TEST(SearchQuery, FoldsTheQueryOnceIntoWords) {
    const SearchQuery query("  Şam  İdlib ", "tr");
    ASSERT_EQ(query.words().size(), 2U);
    EXPECT_EQ(query.words()[0], "sam");
    EXPECT_EQ(query.words()[1], "idlib");
    EXPECT_TRUE(query.matches("Idlib ve Şam"));
    EXPECT_FALSE(query.matches("Şam"));
}

TEST(SearchMatches, AnArabicNounIsFoundBehindItsArticle) {
    // iso-codes' Arabic name of Syria: every word starts with the article "ال".
    const std::string syria = "الجمهوريّة العربيّة السّوريّة";
    EXPECT_TRUE(search_matches("سور", syria, "ar"));
    EXPECT_TRUE(search_matches("السورية", syria, "ar"));
    EXPECT_TRUE(search_matches("جمهورية سورية", syria, "ar"));
    EXPECT_FALSE(search_matches("عراق", syria, "ar"));
    EXPECT_FALSE(search_matches("ل", "الجزائر", "ar"));  // the article alone is not a word's start
}

}  // namespace
}  // namespace kiosk::i18n

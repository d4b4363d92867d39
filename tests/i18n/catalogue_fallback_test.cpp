// Catalogue lookups: the person's language, then English, then the key (logged once); plural
// forms; {placeholders}; the Translator view; load errors.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "kiosk/i18n/catalogue.hpp"
#include "tests/i18n/catalogue_test_support.hpp"

namespace kiosk::i18n {
namespace {

PoFile po(std::string_view text, std::string name) {
    auto file = parse_po(text, std::move(name));
    EXPECT_TRUE(file.ok()) << (file.ok() ? "" : file.error().message);
    return file.ok() ? std::move(file).value() : PoFile{};
}

constexpr std::string_view kEnglish = R"(msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "greeting"
msgstr "Hello"

msgid "only.english"
msgstr "Only in English"

msgid "fuzzy.one"
msgstr "Checked text"

msgid "empty.one"
msgstr "English for empty"

msgid "days"
msgid_plural "days"
msgstr[0] "{n} day"
msgstr[1] "{n} days"

msgid "visit"
msgstr "Hello {name}, you have {count} messages from {name}"
)";

constexpr std::string_view kRussian = R"(msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

msgid "greeting"
msgstr "Привет"

#, fuzzy
msgid "fuzzy.one"
msgstr "Непроверенный текст"

msgid "empty.one"
msgstr ""

msgid "days"
msgid_plural "days"
msgstr[0] "{n} день"
msgstr[1] "{n} дня"
msgstr[2] "{n} дней"
)";

constexpr std::string_view kArabic = R"(msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);\n"

msgid "greeting"
msgstr "مرحبا"
)";

class CatalogueFallback : public ::testing::Test {
  protected:
    void SetUp() override {
        std::map<std::string, PoFile> files;
        files.emplace("en", po(kEnglish, "en.po"));
        files.emplace("ru", po(kRussian, "ru.po"));
        files.emplace("ar", po(kArabic, "ar.po"));
        auto loaded = Catalogue::from_files(std::move(files));
        ASSERT_TRUE(loaded.ok()) << loaded.error().message;
        catalogue_ = std::make_unique<Catalogue>(std::move(loaded).value());
        catalogue_->set_log_sink([this](std::string_view line) { log_.emplace_back(line); });
    }

    std::unique_ptr<Catalogue> catalogue_;
    std::vector<std::string> log_;
};

TEST_F(CatalogueFallback, UsesTheLanguageWhenTranslated) {
    EXPECT_EQ(catalogue_->tr("ru", "greeting"), "Привет");
    EXPECT_EQ(catalogue_->tr("ar", "greeting"), "مرحبا");
    EXPECT_TRUE(catalogue_->has_translation("ru", "greeting"));
    EXPECT_TRUE(log_.empty());
}

TEST_F(CatalogueFallback, FallsBackToEnglishWhenMissingFuzzyOrEmpty) {
    EXPECT_EQ(catalogue_->tr("ru", "only.english"), "Only in English");
    EXPECT_EQ(catalogue_->tr("ru", "fuzzy.one"), "Checked text");
    EXPECT_EQ(catalogue_->tr("ru", "empty.one"), "English for empty");
    EXPECT_FALSE(catalogue_->has_translation("ru", "fuzzy.one"));
    EXPECT_FALSE(catalogue_->has_translation("ru", "empty.one"));
    // A language that is not loaded at all reads English.
    EXPECT_EQ(catalogue_->tr("de", "greeting"), "Hello");
    EXPECT_TRUE(log_.empty()) << "English fallbacks are not missing keys";
}

TEST_F(CatalogueFallback, FallsBackToTheKeyAndLogsItOnce) {
    const auto& first = catalogue_->tr("ru", "no.such.key");
    const auto& second = catalogue_->tr("ar", "no.such.key");
    EXPECT_EQ(first, "no.such.key");
    EXPECT_EQ(&first, &second) << "the key text is stored once and stays valid";
    EXPECT_EQ(catalogue_->trn("ru", "no.such.key", 3), "no.such.key");
    ASSERT_EQ(log_.size(), 1u);
    EXPECT_EQ(log_[0], "i18n: missing key \"no.such.key\" (asked in \"ru\")");
    (void)catalogue_->tr("en", "another.missing");
    EXPECT_EQ(log_.size(), 2u);
}

TEST_F(CatalogueFallback, PicksRussianPluralForms) {
    EXPECT_EQ(catalogue_->trn("ru", "days", 1), "{n} день");
    EXPECT_EQ(catalogue_->trn("ru", "days", 3), "{n} дня");
    EXPECT_EQ(catalogue_->trn("ru", "days", 5), "{n} дней");
    EXPECT_EQ(catalogue_->trn("ru", "days", 21), "{n} день");
    EXPECT_EQ(catalogue_->trn("ru", "days", 111), "{n} дней");
}

TEST_F(CatalogueFallback, EnglishPluralFallbackUsesEnglishRule) {
    // Arabic has no "days": n=2 is Arabic form 2 (dual) but must pick English form 1, and n=1
    // (Arabic form 1) must pick English form 0.
    EXPECT_EQ(catalogue_->trn("ar", "days", 1), "{n} day");
    EXPECT_EQ(catalogue_->trn("ar", "days", 2), "{n} days");
    EXPECT_EQ(catalogue_->trn("ar", "days", 0), "{n} days");
}

TEST_F(CatalogueFallback, SingularEntryUsedWithACountReturnsItsText) {
    EXPECT_EQ(catalogue_->trn("ru", "greeting", 5), "Привет");
}

TEST_F(CatalogueFallback, TranslatorIsBoundToOneLanguage) {
    const auto t = catalogue_->translator("ru");
    EXPECT_EQ(t.language(), "ru");
    EXPECT_EQ(&t("greeting"), &catalogue_->tr("ru", "greeting"));
    EXPECT_EQ(t.plural("days", 2), "{n} дня");
    EXPECT_EQ(t.count_text("days", 22, "n"), "22 дня");
    EXPECT_EQ(t.count_text("days", -1, "n"), "-1 день");
    const auto fn = t.as_function();
    EXPECT_EQ(fn("greeting"), "Привет");
    EXPECT_EQ(fn("only.english"), "Only in English");
}

TEST_F(CatalogueFallback, TranslatorCountsUseTheDigitSetting) {
    const auto arabic = catalogue_->translator("ar");  // default: native digits for counts
    EXPECT_EQ(arabic.count_text("days", 12, "n"), "\u0661\u0662 days");
    EXPECT_EQ(arabic.code("TR-2024"), "TR-2024");  // codes stay Western by default
    const auto western =
        catalogue_->translator("ar", DigitSettings{DigitStyle::western, DigitStyle::western});
    EXPECT_EQ(western.count(12), "12");
    const auto native_codes =
        catalogue_->translator("ar", DigitSettings{DigitStyle::native, DigitStyle::native});
    EXPECT_EQ(native_codes.code("TR-24"), "TR-\u0662\u0664");
}

TEST(CatalogueFormat, ReplacesNamedPlaceholders) {
    EXPECT_EQ(format("Hello {name}, {count} from {name}", {{"name", "Ada"}, {"count", "3"}}),
              "Hello Ada, 3 from Ada");
    EXPECT_EQ(format("{centre} collects this.", {{"centre", "{n} Centre"}}),
              "{n} Centre collects this.")
        << "values are not formatted again";
}

TEST(CatalogueFormat, KeepsUnknownPlaceholdersAndOtherBraces) {
    EXPECT_EQ(format("Left {missing} and {n}", {{"n", "1"}}), "Left {missing} and 1");
    EXPECT_EQ(format("{ not } {Name} {} {a-b} {", {{"Name", "x"}}), "{ not } {Name} {} {a-b} {");
    EXPECT_EQ(format("", {}), "");
}

TEST(CatalogueFormat, ListsPlaceholders) {
    EXPECT_EQ(placeholders("{a} {b_2} {a} {Not} {} {c"), (std::set<std::string>{"a", "b_2"}));
    EXPECT_TRUE(placeholders("no placeholders").empty());
}

TEST(CatalogueLoad, NeedsTheSourceLanguage) {
    std::map<std::string, PoFile> files;
    files.emplace("ru", po(kRussian, "ru.po"));
    auto loaded = Catalogue::from_files(std::move(files));
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, "i18n.catalogue");
}

TEST(CatalogueLoad, RejectsAWrongNumberOfPluralForms) {
    std::map<std::string, PoFile> files;
    files.emplace("en", po(kEnglish, "en.po"));
    files.emplace("ru", po(R"(msgid ""
msgstr "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

msgid "days"
msgid_plural "days"
msgstr[0] "{n} день"
msgstr[1] "{n} дня"
)",
                           "ru.po"));
    auto loaded = Catalogue::from_files(std::move(files));
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, "i18n.catalogue");
    EXPECT_EQ(loaded.error().message, "ru.po:4: \"days\" has 2 plural forms, the language has 3");
}

TEST(CatalogueLoad, RejectsAMissingPluralFormsHeader) {
    std::map<std::string, PoFile> files;
    files.emplace("en", po("msgid \"a\"\nmsgstr \"A\"\n", "en.po"));
    auto loaded = Catalogue::from_files(std::move(files));
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, "i18n.plural_forms");
    EXPECT_EQ(loaded.error().message, "en.po: header has no Plural-Forms");
}

TEST(CatalogueLoad, LoadsADirectoryAndReportsTheBrokenFileAndLine) {
    const auto dir = test::scratch_dir();
    test::write_text(dir / "en.po", kEnglish);
    test::write_text(dir / "ru.po", kRussian);
    test::write_text(dir / "kiosk.pot", "this is not read");
    test::write_text(dir / "notes.txt", "neither is this");
    auto loaded = Catalogue::load_directory(dir);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(loaded->languages(), (std::vector<std::string>{"en", "ru"}));
    EXPECT_EQ(loaded->tr("ru", "greeting"), "Привет");

    test::write_text(dir / "ar.po", std::string(kArabic) + "\nmsgid \"x\"\nmsgstr \"y\n");
    auto broken = Catalogue::load_directory(dir);
    ASSERT_FALSE(broken.ok());
    EXPECT_EQ(broken.error().code, "i18n.po_syntax");
    EXPECT_EQ(broken.error().message, (dir / "ar.po").string() + ":10: unterminated string");
}

TEST(CatalogueLoad, ReportsAMissingDirectory) {
    auto loaded = Catalogue::load_directory("/nonexistent/kiosk/i18n");
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, "i18n.io");
}

TEST(CatalogueLoad, ShippedCataloguesLoadWithEveryLanguage) {
    auto loaded = Catalogue::load_directory(std::filesystem::path(KIOSK_ASSETS_DIR) / "i18n");
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(loaded->languages(),
              (std::vector<std::string>{"ar", "bg", "en", "fa", "kmr", "ps", "ru", "tr", "uk"}));
    const auto ru = loaded->translator("ru");
    EXPECT_EQ(ru.count_text("idle.seconds_left", 21, "n"), "Осталась 21 секунда");
    EXPECT_EQ(ru.count_text("idle.seconds_left", 3, "n"), "Осталось 3 секунды");
    const auto ar = loaded->translator("ar");
    EXPECT_EQ(ar.count_text("idle.seconds_left", 2, "n"),
              "\u0662 \u062B\u0627\u0646\u064A\u062A\u0627\u0646 "
              "\u0645\u062A\u0628\u0642\u064A\u062A\u0627\u0646");  // "٢ ثانيتان متبقيتان"
    EXPECT_EQ(loaded->translator("en").format("notice.who", {{"centre", "Harbour Centre"}}),
              "Harbour Centre collects this information.");
}

}  // namespace
}  // namespace kiosk::i18n

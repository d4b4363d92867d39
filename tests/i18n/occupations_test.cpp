// The occupations and skills catalogue: the shipped file (complete in every UI language), names
// with English fallback, search in the person's language, and clear errors for bad files.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "kiosk/i18n/collate.hpp"
#include "kiosk/i18n/languages.hpp"
#include "kiosk/i18n/occupations.hpp"
#include "tests/i18n/catalogue_test_support.hpp"

namespace kiosk::i18n {
namespace {

const std::filesystem::path kAssets = std::filesystem::path(KIOSK_ASSETS_DIR) / "occupations";

OccupationCatalogue shipped() {
    auto catalogue = OccupationCatalogue::load_directory(kAssets);
    EXPECT_TRUE(catalogue.ok()) << (catalogue ? "" : catalogue.error().message);
    return catalogue ? std::move(catalogue).value() : OccupationCatalogue{};
}

// Ids of the search hits, best first.
std::vector<std::string> search_ids(const OccupationCatalogue& catalogue, std::string_view query,
                                    std::string_view lang) {
    auto hits = catalogue.search(query, lang);
    EXPECT_TRUE(hits.ok()) << (hits ? "" : hits.error().message);
    std::vector<std::string> ids;
    for (const std::size_t i : hits ? hits.value() : std::vector<std::size_t>{}) {
        ids.push_back(catalogue.entries()[i].id);
    }
    return ids;
}

Error parse_error(std::string_view text) {
    auto parsed = OccupationCatalogue::parse(text, "test.tsv");
    EXPECT_FALSE(parsed.ok()) << "parsed a bad catalogue:\n" << text;
    return parsed ? Error{} : parsed.error();
}

TEST(OccupationCatalogue, ShippedFileNamesEveryEntryInEveryUiLanguage) {
    const OccupationCatalogue catalogue = shipped();
    EXPECT_GE(catalogue.size(), 60U);
    EXPECT_LE(catalogue.size(), 100U);
    std::set<std::string> ui_languages;
    for (const auto& lang : shipped_languages()) {
        ui_languages.insert(std::string(lang.code));
    }
    const std::set<std::string> columns(catalogue.languages().begin(), catalogue.languages().end());
    EXPECT_EQ(columns, ui_languages);
    for (const auto& entry : catalogue.entries()) {
        EXPECT_TRUE(entry.id.starts_with("isco.") || entry.id.starts_with("skill.")) << entry.id;
        for (std::size_t c = 0; c < entry.names.size(); ++c) {
            EXPECT_FALSE(entry.names[c].empty())
                << entry.id << " has no name in " << catalogue.languages()[c];
        }
    }
}

TEST(OccupationCatalogue, ShippedFileCoversTheCommonTrades) {
    const OccupationCatalogue catalogue = shipped();
    for (const char* id :
         {"isco.7115", "isco.9112", "isco.5120", "isco.5322", "isco.8322", "isco.7531", "isco.9211",
          "isco.9333", "isco.5141", "isco.2512", "isco.2341", "isco.2643", "skill.forklift"}) {
        EXPECT_TRUE(catalogue.contains(id)) << id;
    }
}

TEST(OccupationCatalogue, LabelsInTheLanguageWithEnglishFallback) {
    auto parsed = OccupationCatalogue::parse(
        "# a comment\n"
        "id\ten\ttr\tar\n"
        "\n"
        "isco.7115\tCarpenter\tMarangoz\tنجّار\n"
        "skill.first_aid\tFirst aid\t\t\n",
        "test.tsv");
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    const OccupationCatalogue& catalogue = parsed.value();
    EXPECT_EQ(catalogue.size(), 2U);
    EXPECT_EQ(catalogue.label("isco.7115", "tr"), "Marangoz");
    EXPECT_EQ(catalogue.label("isco.7115", "ar"), "نجّار");
    EXPECT_EQ(catalogue.label("skill.first_aid", "tr"), "First aid");  // empty cell
    EXPECT_EQ(catalogue.label("isco.7115", "uk"), "Carpenter");        // no such column
    EXPECT_EQ(catalogue.label("isco.9999", "tr"), "isco.9999");        // unknown id
    EXPECT_EQ(catalogue.find("skill.first_aid"), 1U);
    EXPECT_EQ(catalogue.find("isco.9999"), catalogue.size());
}

TEST(OccupationCatalogue, AcceptsWindowsLineEnds) {
    auto parsed = OccupationCatalogue::parse("id\ten\r\nisco.7115\tCarpenter\r\n", "crlf.tsv");
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed->label("isco.7115", "en"), "Carpenter");
}

TEST(OccupationCatalogue, SearchFindsTheNameInThePersonsLanguageIgnoringCase) {
    const OccupationCatalogue catalogue = shipped();
    EXPECT_EQ(search_ids(catalogue, "marangoz", "tr"), std::vector<std::string>{"isco.7115"});
    EXPECT_EQ(search_ids(catalogue, "ТЕСЛЯ", "uk"), std::vector<std::string>{"isco.7115"});
    // Typed without Turkish letters, as on a foreign keyboard.
    const auto drivers = search_ids(catalogue, "SOFOR", "tr");
    EXPECT_EQ(std::set<std::string>(drivers.begin(), drivers.end()),
              (std::set<std::string>{"isco.8322", "isco.8332", "isco.8331"}));
    // Arabic typed with a plain alef finds the name written with hamza (أ).
    const auto cashier = search_ids(catalogue, "امين صندوق", "ar");
    EXPECT_EQ(cashier, std::vector<std::string>{"isco.5230"});
}

TEST(OccupationCatalogue, SearchAlsoFindsTheEnglishName) {
    const OccupationCatalogue catalogue = shipped();
    const auto hits = search_ids(catalogue, "carpenter", "ar");
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits.front(), "isco.7115");
}

TEST(OccupationCatalogue, SearchPutsNamesStartingWithTheQueryFirst) {
    auto parsed = OccupationCatalogue::parse(
        "id\ten\n"
        "a.1\tTruck driver\n"
        "a.2\tDriving licence\n"
        "a.3\tBus driver\n"
        "a.4\tCook\n"
        "a.5\tScrewdriver work\n",
        "test.tsv");
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    // Names starting with the query first, then a later word starting with it, each in name
    // order; a word merely containing it ("Screwdriver") is not a hit.
    EXPECT_EQ(search_ids(*parsed, "driv", "en"), (std::vector<std::string>{"a.2", "a.3", "a.1"}));
}

TEST(OccupationCatalogue, EmptyQueryListsEverythingInTheLanguagesOrder) {
    const OccupationCatalogue catalogue = shipped();
    for (const std::string_view lang : {"en", "tr", "ru"}) {
        auto all = catalogue.search("", lang);
        ASSERT_TRUE(all.ok());
        ASSERT_EQ(all->size(), catalogue.size());
        auto collator = Collator::create(lang);
        ASSERT_TRUE(collator.ok());
        for (std::size_t k = 1; k < all->size(); ++k) {
            EXPECT_LE(collator->compare(catalogue.label_at((*all)[k - 1], lang),
                                        catalogue.label_at((*all)[k], lang)),
                      0)
                << lang << " at " << k;
        }
    }
}

TEST(OccupationCatalogue, MissingFileIsAnIoError) {
    auto loaded = OccupationCatalogue::load_directory(test::scratch_dir());
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, "occupations.io");
    EXPECT_NE(loaded.error().message.find("occupations.tsv"), std::string::npos);
}

TEST(OccupationCatalogue, LoadsAFileFromDisk) {
    const auto dir = test::scratch_dir();
    test::write_text(dir / "occupations.tsv", "id\ten\tfa\nisco.5120\tCook\tآشپز\n");
    auto loaded = OccupationCatalogue::load_directory(dir);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(loaded->label("isco.5120", "fa"), "آشپز");
}

TEST(OccupationCatalogue, BadFilesNameTheLineAndTheProblem) {
    struct Case {
        const char* text;
        const char* where;  // expected in the message
    };
    const Case cases[] = {
        {"", "test.tsv:1: no header"},
        {"code\ten\nisco.1\tA\n", "test.tsv:1: the header"},
        {"id\ten\ten\nisco.1\tA\tB\n", "test.tsv:1: empty or repeated"},
        {"id\ten\ttr\nisco.1\tA\n", "test.tsv:2: 2 cells"},
        {"id\ten\nisco.1\tA\nisco.1\tB\n", "test.tsv:3: duplicate id"},
        {"id\ten\nisco 7115\tCarpenter\n", "test.tsv:2: bad id"},
        {"id\ten\tar\nisco.1\t\tنجّار\n", "test.tsv:2: no English name"},
        {"id\ten\n# only a comment\n", "no entries"},
        {"id\ten\nisco.1\t\xC3\x28\n", "not valid UTF-8"},
    };
    for (const Case& c : cases) {
        const Error error = parse_error(c.text);
        EXPECT_EQ(error.code, "occupations.format") << c.text;
        EXPECT_NE(error.message.find(c.where), std::string::npos)
            << "message: " << error.message << "\nexpected: " << c.where;
    }
}

}  // namespace
}  // namespace kiosk::i18n

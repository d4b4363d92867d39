// Completeness of the shipped translations (assets/i18n):
//   - every key used in the code exists in en.po (see catalogue.hpp for the call forms found);
//   - every validation error code of the core has its "error.<code>" message;
//   - every shipped language has every English key, translated (not empty, not fuzzy), with the
//     same {placeholders} in every form and exactly nplurals forms for plural entries;
//   - kiosk.pot lists exactly the English keys;
//   - gettext's own msgfmt --check accepts every file (so Poedit and Weblate open them).
// Whether a translation fits its widget needs the UI's fonts and layout; the UI's tests own that.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "kiosk/i18n/catalogue.hpp"
#include "kiosk/i18n/languages.hpp"
#include "kiosk/i18n/po_parser.hpp"
#include "tests/i18n/catalogue_test_support.hpp"

namespace kiosk::i18n {
namespace {

const std::filesystem::path kI18nDir = std::filesystem::path(KIOSK_ASSETS_DIR) / "i18n";

// Keys in source text: the first string literal argument of tr( trn( text( T( t( plural( key(
// format( count_text(, the second of tr(lang, "..." / trn(lang, "..." (the Catalogue's own
// form), and the label of text_field(session, ctx, field, "label.key", ...), when it looks like
// a key (dot-separated words, starting lower-case).
std::set<std::string> keys_in_source(std::string_view source) {
    static const std::regex first_argument(
        R"re((?:^|[^A-Za-z0-9_])(?:tr|trn|text|T|t|plural|key|format|count_text)\(\s*"([a-z][a-z0-9_]*(?:\.[A-Za-z0-9_]+)+)")re");
    static const std::regex after_language(
        R"re((?:^|[^A-Za-z0-9_])(?:tr|trn)\(\s*[A-Za-z_][A-Za-z0-9_.]*(?:\(\))?\s*,\s*"([a-z][a-z0-9_]*(?:\.[A-Za-z0-9_]+)+)")re");
    // ui::text_field(session, ctx, "field.path", "label.key", ...): the label is the 4th.
    static const std::regex field_label(
        R"re(text_field\(\s*[A-Za-z_][A-Za-z0-9_.]*\s*,\s*[A-Za-z_][A-Za-z0-9_.]*\s*,\s*[^,()]+,\s*"([a-z][a-z0-9_]*(?:\.[A-Za-z0-9_]+)+)")re");
    std::set<std::string> keys;
    const std::string text(source);
    for (const auto* pattern : {&first_argument, &after_language, &field_label}) {
        for (auto it = std::sregex_iterator(text.begin(), text.end(), *pattern);
             it != std::sregex_iterator(); ++it) {
            keys.insert((*it)[1].str());
        }
    }
    return keys;
}

struct KeyUse {
    std::string key;
    std::string file;
};

std::vector<KeyUse> keys_in_tree() {
    std::vector<KeyUse> uses;
    for (const auto* top : {"kiosk", "platform", "sync"}) {
        const auto root = std::filesystem::path(KIOSK_SOURCE_ROOT) / top;
        if (!std::filesystem::exists(root)) {
            continue;
        }
        for (const auto& item : std::filesystem::recursive_directory_iterator(root)) {
            const auto ext = item.path().extension();
            if (!item.is_regular_file() || (ext != ".cpp" && ext != ".hpp" && ext != ".h")) {
                continue;
            }
            auto text = read_file_bytes(item.path());
            if (!text) {
                ADD_FAILURE() << text.error().message;
                continue;
            }
            for (const auto& key : keys_in_source(text.value())) {
                uses.push_back({key, item.path().lexically_relative(KIOSK_SOURCE_ROOT).string()});
            }
        }
    }
    return uses;
}

PoFile load(const std::string& file_name) {
    auto file = read_po_file(kI18nDir / file_name);
    EXPECT_TRUE(file.ok()) << (file.ok() ? "" : file.error().message);
    return file.ok() ? std::move(file).value() : PoFile{};
}

// Entries by key; the pointers point into `file`, which must outlive the map.
std::map<std::string, const PoEntry*> by_key(const PoFile& file) {
    std::map<std::string, const PoEntry*> entries;
    for (const auto& e : file.entries) {
        entries.emplace(e.id, &e);
    }
    return entries;
}

TEST(CatalogueKeyScanner, RecognisesTheDocumentedCallForms) {
    const auto keys = keys_in_source(R"(
        ctx.text("welcome.title");  catalogue.tr(lang, "common.cancel");  tr("common.next", x);
        catalogue_->trn(session.language(), "notice.how_long", 6);  tr(f(x), "not.found");
        t.plural("idle.seconds_left", n);  trn( "notice.how_long", 6);  T("a.b");
        constexpr auto k = i18n::key("error.required");  t.format("notice.who", {});
        t.count_text("idle.seconds_left", 5, "n");  t("reg.cefr.A1");
        centered_text(ctx, "x.y");  my_text("not.this");  text("Not a key");  text("nodot");
        big_button(ctx, "nav.back", ...);
    )");
    EXPECT_EQ(keys, (std::set<std::string>{"welcome.title", "common.cancel", "common.next",
                                           "idle.seconds_left", "notice.how_long", "a.b",
                                           "error.required", "notice.who", "reg.cefr.A1"}));
}

TEST(CatalogueCompleteness, EveryKeyUsedInTheCodeIsInEnglish) {
    const auto english_file = load("en.po");
    const auto english = by_key(english_file);
    const auto uses = keys_in_tree();
    for (const auto& use : uses) {
        EXPECT_TRUE(english.count(use.key) == 1)
            << "\"" << use.key << "\" is used in " << use.file << " but missing from en.po";
    }
    // The UI already shows the welcome screen; a scan that finds nothing is broken.
    EXPECT_FALSE(uses.empty()) << "no keys found under " << KIOSK_SOURCE_ROOT;
}

TEST(CatalogueCompleteness, EveryCoreValidationCodeHasAMessage) {
    const auto header = std::filesystem::path(KIOSK_SOURCE_ROOT) / "kiosk/core/registration.hpp";
    auto text = read_file_bytes(header);
    ASSERT_TRUE(text.ok()) << text.error().message;
    static const std::regex code_decl(R"re(kError\w+\s*=\s*"([a-z_]+)")re");
    const auto english_file = load("en.po");
    const auto english = by_key(english_file);
    std::size_t codes = 0;
    for (auto it = std::sregex_iterator(text->begin(), text->end(), code_decl);
         it != std::sregex_iterator(); ++it, ++codes) {
        const auto key = "error." + (*it)[1].str();
        EXPECT_TRUE(english.count(key) == 1) << key << " is missing from en.po";
    }
    EXPECT_GE(codes, 13u) << "the error codes in " << header << " were not found";
}

TEST(CatalogueCompleteness, EveryShippedLanguageHasEveryKey) {
    const auto english_file = load("en.po");
    const auto english = by_key(english_file);
    ASSERT_GT(english.size(), 100u);
    for (const auto& [key, entry] : english) {
        EXPECT_TRUE(entry->translated()) << "en.po: \"" << key << "\" is empty or fuzzy";
        EXPECT_FALSE(entry->extracted_comment.empty())
            << "en.po: \"" << key << "\" has no #. comment for translators";
    }
    for (const auto& lang : shipped_languages()) {
        const std::string name = std::string(lang.code) + ".po";
        const auto file = load(name);
        const auto translated = by_key(file);
        EXPECT_EQ(file.header_field("Language"), std::optional<std::string_view>(lang.code))
            << name;
        if (lang.code != kSourceLanguage) {
            EXPECT_NE(file.header_field("X-Review-Status").value_or("").find("native speaker"),
                      std::string_view::npos)
                << name << " must say it needs review by a native speaker";
        }
        const auto forms = PluralRule::parse(file.header_field("Plural-Forms").value_or(""));
        ASSERT_TRUE(forms.ok()) << name << ": " << forms.error().message;

        for (const auto& [key, source] : english) {
            const auto found = translated.find(key);
            if (found == translated.end()) {
                ADD_FAILURE() << name << ": \"" << key << "\" is missing";
                continue;
            }
            const PoEntry& entry = *found->second;
            EXPECT_TRUE(entry.translated())
                << name << ":" << entry.line << ": \"" << key << "\" is empty or fuzzy";
            EXPECT_EQ(entry.plural(), source->plural())
                << name << ":" << entry.line << ": \"" << key << "\" plural kind differs";
            if (entry.plural()) {
                EXPECT_EQ(entry.strings.size(), forms->nplurals())
                    << name << ":" << entry.line << ": \"" << key << "\" needs "
                    << forms->nplurals() << " forms";
            }
            std::set<std::string> expected;
            for (const auto& s : source->strings) {
                const auto names = placeholders(s);
                expected.insert(names.begin(), names.end());
            }
            for (std::size_t i = 0; i < entry.strings.size(); ++i) {
                EXPECT_EQ(placeholders(entry.strings[i]), expected)
                    << name << ":" << entry.line << ": \"" << key << "\" form " << i
                    << " does not keep the English {placeholders}";
            }
        }
        for (const auto& [key, entry] : translated) {
            EXPECT_EQ(english.count(key), 1u)
                << name << ":" << entry->line << ": \"" << key << "\" is not in en.po (stale?)";
        }
    }
}

TEST(CatalogueCompleteness, TemplateListsExactlyTheEnglishKeys) {
    const auto english_file = load("en.po");
    const auto pot_file = load("kiosk.pot");
    const auto english = by_key(english_file);
    const auto pot = by_key(pot_file);
    std::set<std::string> english_keys;
    std::set<std::string> pot_keys;
    for (const auto& [key, entry] : english) {
        english_keys.insert(key);
    }
    for (const auto& [key, entry] : pot) {
        pot_keys.insert(key);
        EXPECT_FALSE(entry->translated()) << "kiosk.pot: \"" << key << "\" should be empty";
        ASSERT_EQ(english.count(key), 1u) << key;
        EXPECT_EQ(entry->plural(), english.at(key)->plural()) << key;
        EXPECT_EQ(entry->extracted_comment, english.at(key)->extracted_comment) << key;
    }
    EXPECT_EQ(pot_keys, english_keys);
}

TEST(CatalogueCompleteness, GettextAcceptsEveryFile) {
    for (const auto& lang : shipped_languages()) {
        const auto path = kI18nDir / (std::string(lang.code) + ".po");
        const auto result = test::run_command(std::string(KIOSK_MSGFMT) + " --check -o /dev/null " +
                                              test::shell_quote(path));
        EXPECT_EQ(result.exit_code, 0) << path << ":\n" << result.output;
    }
    // A template has no language yet (msgfmt --check rejects its placeholder header on
    // purpose); msgcat still parses it fully.
    const auto pot = test::run_command(std::string(KIOSK_MSGCAT) + " -o /dev/null " +
                                       test::shell_quote(kI18nDir / "kiosk.pot"));
    EXPECT_EQ(pot.exit_code, 0) << pot.output;
}

TEST(CatalogueCompleteness, GettextRejectsABrokenFile) {
    // The check above must be able to fail: a file with a bad plural count is refused.
    const auto path = test::scratch_dir() / "broken.po";
    test::write_text(path,
                     "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n"
                     "Plural-Forms: nplurals=3; plural=(n != 1);\\n\"\n\n"
                     "msgid \"a\"\nmsgid_plural \"a\"\nmsgstr[0] \"x\"\nmsgstr[1] \"y\"\n");
    const auto result = test::run_command(std::string(KIOSK_MSGFMT) + " --check -o /dev/null " +
                                          test::shell_quote(path));
    EXPECT_NE(result.exit_code, 0) << result.output;
}

}  // namespace
}  // namespace kiosk::i18n

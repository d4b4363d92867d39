// PO parser: strings, escapes, plurals, flags, comments, and errors that name the line.
#include <gtest/gtest.h>

#include "kiosk/i18n/po_parser.hpp"

namespace kiosk::i18n {
namespace {

PoFile parse_ok(std::string_view text) {
    auto file = parse_po(text, "test.po");
    EXPECT_TRUE(file.ok()) << (file.ok() ? "" : file.error().message);
    return file.ok() ? std::move(file).value() : PoFile{};
}

// The error message of a parse that must fail.
std::string parse_error(std::string_view text) {
    auto file = parse_po(text, "bad.po");
    EXPECT_FALSE(file.ok()) << "parsed although malformed:\n" << text;
    if (file.ok()) {
        return {};
    }
    EXPECT_EQ(file.error().code, "i18n.po_syntax");
    return file.error().message;
}

constexpr std::string_view kHeader =
    "# Header comment for translators\n"
    "msgid \"\"\n"
    "msgstr \"\"\n"
    "\"Language: ru\\n\"\n"
    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : 2);\\n\"\n"
    "\n";

TEST(PoParser, ReadsHeaderFieldsAndComment) {
    const auto file = parse_ok(kHeader);
    EXPECT_TRUE(file.entries.empty());
    EXPECT_EQ(file.header_comment, "Header comment for translators");
    ASSERT_TRUE(file.header_field("Language").has_value());
    EXPECT_EQ(*file.header_field("Language"), "ru");
    EXPECT_EQ(*file.header_field("plural-forms"),  // field names are case-insensitive
              "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : 2);");
    EXPECT_FALSE(file.header_field("X-Missing").has_value());
}

TEST(PoParser, DecodesEscapes) {
    const auto file = parse_ok(
        "msgid \"k\"\n"
        "msgstr \"a\\nb\\tc \\\"q\\\" back\\\\slash \\101\\x42 \\r\"\n");
    ASSERT_EQ(file.entries.size(), 1u);
    EXPECT_EQ(file.entries[0].strings[0], "a\nb\tc \"q\" back\\slash AB \r");
}

TEST(PoParser, JoinsMultiLineStrings) {
    const auto file = parse_ok(
        "msgid \"\"\n"
        "\"long.\"\n"
        "\"key\"\n"
        "msgstr \"\"\n"
        "\"First line\\n\"\n"
        "   \"second line\"\n");
    ASSERT_EQ(file.entries.size(), 1u);
    EXPECT_EQ(file.entries[0].id, "long.key");
    EXPECT_EQ(file.entries[0].strings[0], "First line\nsecond line");
    EXPECT_EQ(file.entries[0].line, 1u);
}

TEST(PoParser, ReadsPluralEntries) {
    const auto file = parse_ok(
        "msgid \"idle.seconds_left\"\n"
        "msgid_plural \"idle.seconds_left\"\n"
        "msgstr[0] \"one\"\n"
        "msgstr[1] \"few\"\n"
        "msgstr[2] \"many\"\n");
    ASSERT_EQ(file.entries.size(), 1u);
    const auto& e = file.entries[0];
    EXPECT_TRUE(e.plural());
    EXPECT_EQ(e.strings, (std::vector<std::string>{"one", "few", "many"}));
    EXPECT_TRUE(e.translated());
}

TEST(PoParser, ReadsContextCommentsFlagsAndReferences) {
    const auto file = parse_ok(
        "# translator note\n"
        "#. Where it appears.\n"
        "#. How much room.\n"
        "#: kiosk/ui/a.cpp:10 kiosk/ui/b.cpp:20\n"
        "#, fuzzy, c-format\n"
        "#| msgid \"old\"\n"
        "msgctxt \"menu\"\n"
        "msgid \"open\"\n"
        "msgstr \"Open\"\n");
    ASSERT_EQ(file.entries.size(), 1u);
    const auto& e = file.entries[0];
    EXPECT_EQ(e.context, std::optional<std::string>("menu"));
    EXPECT_EQ(e.translator_comment, "translator note");
    EXPECT_EQ(e.extracted_comment, "Where it appears.\nHow much room.");
    EXPECT_EQ(e.references, (std::vector<std::string>{"kiosk/ui/a.cpp:10", "kiosk/ui/b.cpp:20"}));
    EXPECT_EQ(e.flags, (std::vector<std::string>{"fuzzy", "c-format"}));
    EXPECT_EQ(e.line, 8u);
    // Context-qualified entries are not found by a plain key.
    EXPECT_EQ(file.find("open"), nullptr);
}

TEST(PoParser, FuzzyAndEmptyEntriesCountAsUntranslated) {
    const auto file = parse_ok(
        "#, fuzzy\n"
        "msgid \"a\"\n"
        "msgstr \"guess\"\n"
        "\n"
        "msgid \"b\"\n"
        "msgstr \"\"\n"
        "\n"
        "msgid \"c\"\n"
        "msgid_plural \"c\"\n"
        "msgstr[0] \"one\"\n"
        "msgstr[1] \"\"\n"
        "\n"
        "msgid \"d\"\n"
        "msgstr \"done\"\n");
    ASSERT_EQ(file.entries.size(), 4u);
    EXPECT_TRUE(file.find("a")->fuzzy());
    EXPECT_FALSE(file.find("a")->translated());
    EXPECT_FALSE(file.find("b")->translated());
    EXPECT_FALSE(file.find("c")->translated());  // one empty plural form is enough
    EXPECT_TRUE(file.find("d")->translated());
}

TEST(PoParser, SkipsObsoleteEntriesAndAcceptsCrlfAndBom) {
    const auto file = parse_ok(
        "\xEF\xBB\xBFmsgid \"kept\"\r\n"
        "msgstr \"yes\"\r\n"
        "\r\n"
        "#~ msgid \"gone\"\r\n"
        "#~ msgstr \"old\"\r\n");
    ASSERT_EQ(file.entries.size(), 1u);
    EXPECT_EQ(file.entries[0].id, "kept");
    EXPECT_EQ(file.entries[0].strings[0], "yes");
}

TEST(PoParser, EntriesNeedNoBlankLineBetweenThem) {
    const auto file = parse_ok(
        "msgid \"a\"\nmsgstr \"A\"\n#. about b\nmsgid \"b\"\nmsgstr \"B\"\nmsgid \"c\"\nmsgstr "
        "\"C\"\n");
    ASSERT_EQ(file.entries.size(), 3u);
    EXPECT_EQ(file.find("b")->extracted_comment, "about b");
    EXPECT_EQ(file.find("c")->strings[0], "C");
}

TEST(PoParser, ErrorsNameTheFileAndLine) {
    EXPECT_EQ(parse_error("msgid \"a\"\nmsgstr \"A\"\n\nmsgfoo \"x\"\n"),
              "bad.po:4: unknown keyword 'msgfoo'");
    EXPECT_EQ(parse_error("msgid \"a\"\nmsgstr \"unterminated\n"), "bad.po:2: unterminated string");
    EXPECT_EQ(parse_error("msgid \"a\"\nmsgstr \"bad \\q escape\"\n"),
              "bad.po:2: unknown escape sequence '\\q'");
    EXPECT_EQ(parse_error("msgid \"a\"\nmsgid_plural \"a\"\nmsgstr[1] \"x\"\n"),
              "bad.po:3: expected msgstr[0], found msgstr[1]");
    EXPECT_EQ(parse_error("msgid \"a\"\nmsgstr \"A\"\n\nmsgid \"a\"\nmsgstr \"B\"\n"),
              "bad.po:4: duplicate msgid \"a\"");
    EXPECT_EQ(parse_error("msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"B\"\n"),
              "bad.po:1: msgid without msgstr");
    EXPECT_EQ(parse_error("msgid \"a\"\nmsgstr \"A\" trailing\n"),
              "bad.po:2: unexpected text after the closing quote");
    EXPECT_EQ(parse_error("msgid \"a\"\nmsgstr[0] \"A\"\n"),
              "bad.po:2: msgstr[0] in an entry without msgid_plural");
    EXPECT_EQ(parse_error("\"orphan\"\n"), "bad.po:1: string without a keyword before it");
    EXPECT_EQ(parse_error("msgid \"a\"\nmsgstr \"\xC3\x28\"\n"), "bad.po:2: invalid UTF-8");
}

TEST(PoParser, RejectsCharsetsOtherThanUtf8) {
    const auto message =
        parse_error("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-9\\n\"\n");
    EXPECT_EQ(message, "bad.po:1: charset ISO-8859-9 is not supported, use UTF-8");
}

TEST(PoParser, ReportsUnreadableFiles) {
    auto file = read_po_file("/nonexistent/kiosk/xx.po");
    ASSERT_FALSE(file.ok());
    EXPECT_EQ(file.error().code, "i18n.io");
    EXPECT_NE(file.error().message.find("/nonexistent/kiosk/xx.po"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::i18n

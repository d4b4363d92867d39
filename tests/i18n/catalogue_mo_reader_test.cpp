// .mo reader: agrees with msgfmt on the shipped catalogues, reads both byte orders, and turns
// damaged files into errors.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/i18n/languages.hpp"
#include "kiosk/i18n/mo_reader.hpp"
#include "kiosk/i18n/po_parser.hpp"
#include "tests/i18n/catalogue_test_support.hpp"

namespace kiosk::i18n {
namespace {

// Builds .mo bytes by hand (the layout of gettext's manual, "The Format of GNU MO Files").
std::string build_mo(const std::vector<std::pair<std::string, std::string>>& messages,
                     bool big_endian) {
    std::string out;
    const auto u32 = [&](std::uint32_t v) {
        for (int i = 0; i < 4; ++i) {
            const int shift = big_endian ? (3 - i) * 8 : i * 8;
            out += static_cast<char>((v >> shift) & 0xFFu);
        }
    };
    const auto n = static_cast<std::uint32_t>(messages.size());
    const std::uint32_t originals = 28;
    const std::uint32_t translations = originals + n * 8;
    std::uint32_t data = translations + n * 8;
    u32(0x950412de);
    u32(0);  // revision
    u32(n);
    u32(originals);
    u32(translations);
    u32(0);  // hash table size
    u32(0);  // hash table offset
    std::string strings;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> orig_table;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> trans_table;
    for (const auto& [id, text] : messages) {
        orig_table.emplace_back(static_cast<std::uint32_t>(id.size()), data);
        strings += id + '\0';
        data += static_cast<std::uint32_t>(id.size() + 1);
    }
    for (const auto& [id, text] : messages) {
        trans_table.emplace_back(static_cast<std::uint32_t>(text.size()), data);
        strings += text + '\0';
        data += static_cast<std::uint32_t>(text.size() + 1);
    }
    for (const auto& [len, off] : orig_table) {
        u32(len);
        u32(off);
    }
    for (const auto& [len, off] : trans_table) {
        u32(len);
        u32(off);
    }
    return out + strings;
}

const std::vector<std::pair<std::string, std::string>> kMessages = {
    {"", "Language: tr\n"},
    {"Germany", "Almanya"},
    {std::string("day\0days", 8), std::string("gün\0gün", 9)},
    {std::string("menu\x04Open"), "Aç"},
};

TEST(MoReader, ReadsLittleAndBigEndianFilesAlike) {
    for (const bool big : {false, true}) {
        auto mo = MoCatalogue::parse(build_mo(kMessages, big), "test.mo");
        ASSERT_TRUE(mo.ok()) << mo.error().message;
        EXPECT_EQ(mo->size(), 3u) << "the header is not a message";
        EXPECT_EQ(mo->header(), "Language: tr\n");
        ASSERT_NE(mo->find("Germany"), nullptr);
        EXPECT_EQ(*mo->find("Germany"), "Almanya");
        ASSERT_NE(mo->find("day"), nullptr) << "plural entries are found by their msgid";
        EXPECT_EQ(*mo->find("day"), "gün");
        ASSERT_NE(mo->find("menu\x04Open"), nullptr);
        EXPECT_EQ(mo->find("Open"), nullptr);
        EXPECT_EQ(mo->find("France"), nullptr);
    }
}

TEST(MoReader, RejectsDamagedFiles) {
    const auto good = build_mo(kMessages, false);
    const auto expect_error = [](const std::string& bytes, const std::string& message) {
        auto mo = MoCatalogue::parse(bytes, "bad.mo");
        ASSERT_FALSE(mo.ok()) << message;
        EXPECT_EQ(mo.error().code, "i18n.mo_format");
        EXPECT_EQ(mo.error().message, "bad.mo: " + message);
    };
    expect_error(good.substr(0, 20), "too short for a .mo header");
    expect_error("XXXX" + good.substr(4), "not a .mo file (bad magic number)");
    // Cutting the last 10 bytes cuts into the third translation ("gün\0gün").
    expect_error(good.substr(0, good.size() - 10), "string table entry 2 out of bounds");
    std::string bad_revision = good;
    bad_revision[6] = 2;  // major revision 2 (little endian: bytes 6-7 hold the major part)
    expect_error(bad_revision, "unsupported .mo revision 2");
    std::string huge_count = good;
    for (std::size_t i = 8; i < 12; ++i) {
        huge_count[i] = '\xFF';  // 4 billion strings in a file of a hundred bytes
    }
    auto mo = MoCatalogue::parse(huge_count, "bad.mo");
    ASSERT_FALSE(mo.ok());
    EXPECT_NE(mo.error().message.find("out of bounds"), std::string::npos) << mo.error().message;
}

// msgfmt is the reference writer: what it compiles from our PO files must read back as the PO
// parser read the source.
TEST(MoReader, AgreesWithMsgfmtOnTheShippedCatalogues) {
    const auto dir = test::scratch_dir();
    for (const auto& lang : shipped_languages()) {
        const auto po_path =
            std::filesystem::path(KIOSK_ASSETS_DIR) / "i18n" / (std::string(lang.code) + ".po");
        const auto mo_path = dir / (std::string(lang.code) + ".mo");
        const auto fmt =
            test::run_command(std::string(KIOSK_MSGFMT) + " -o " + test::shell_quote(mo_path) +
                              " " + test::shell_quote(po_path));
        ASSERT_EQ(fmt.exit_code, 0) << fmt.output;
        auto po = read_po_file(po_path);
        auto mo = MoCatalogue::read(mo_path);
        ASSERT_TRUE(po.ok()) << po.error().message;
        ASSERT_TRUE(mo.ok()) << mo.error().message;
        EXPECT_EQ(mo->size(), po->entries.size()) << lang.code;
        for (const auto& entry : po->entries) {
            const auto* text = mo->find(entry.id);
            ASSERT_NE(text, nullptr) << lang.code << ": " << entry.id;
            EXPECT_EQ(*text, entry.strings.front()) << lang.code << ": " << entry.id;
        }
    }
}

TEST(MoReader, ReadsIsoCodesTranslations) {
    auto mo = MoCatalogue::read("/usr/share/locale/tr/LC_MESSAGES/iso_3166-1.mo");
    ASSERT_TRUE(mo.ok()) << mo.error().message;
    EXPECT_GT(mo->size(), 200u);
    ASSERT_NE(mo->find("Germany"), nullptr);
    EXPECT_EQ(*mo->find("Germany"), "Almanya");
}

TEST(MoReader, ReportsMissingFiles) {
    auto mo = MoCatalogue::read("/nonexistent/kiosk.mo");
    ASSERT_FALSE(mo.ok());
    EXPECT_EQ(mo.error().code, "i18n.io");
}

}  // namespace
}  // namespace kiosk::i18n

// The font atlas built from the real Debian fonts covers every shipped endonym; missing
// glyphs are reported once; a missing font file is a clear error.
#include <gtest/gtest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include "headless_ui.hpp"
#include "kiosk/i18n/languages.hpp"
#include "kiosk/ui/fonts.hpp"

namespace kiosk::test {
namespace {

std::vector<char32_t> code_points(std::string_view utf8) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < utf8.size();) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, utf8.data() + i, utf8.data() + utf8.size());
        i += static_cast<std::size_t>(std::max(n, 1));
        out.push_back(static_cast<char32_t>(c));
    }
    return out;
}

TEST(Fonts, AtlasHasARealGlyphForEveryEndonymCharacter) {
    HeadlessUi ui(1920, 1080);
    const ui::Fonts& fonts = ui.context().fonts;
    ASSERT_NE(fonts.body, nullptr);
    ASSERT_NE(fonts.title, nullptr);
    for (const auto& lang : i18n::shipped_languages()) {
        for (const char32_t c : code_points(lang.endonym)) {
            const auto wc = static_cast<ImWchar>(c);
            EXPECT_NE(fonts.body->FindGlyphNoFallback(wc), nullptr)
                << lang.code << ": " << ui::code_point_name(c);
            EXPECT_NE(fonts.title->FindGlyphNoFallback(wc), nullptr)
                << lang.code << ": " << ui::code_point_name(c);
        }
    }
}

TEST(Fonts, ArabicPresentationFormsAndTurkishLettersAreInTheAtlas) {
    HeadlessUi ui(1280, 800);
    const ImFont* body = ui.context().fonts.body;
    // Shaped Arabic is drawn with presentation forms; Turkish needs Latin Extended-A.
    for (const ImWchar c : {ImWchar{0xFEE0}, ImWchar{0xFB8A}, ImWchar{0xFEFB}, ImWchar{0x011F},
                            ImWchar{0x0131}, ImWchar{0x0130}, ImWchar{0x015F}, ImWchar{0x0491}}) {
        EXPECT_NE(body->FindGlyphNoFallback(c), nullptr) << ui::code_point_name(c);
    }
}

TEST(Fonts, AtlasStaysSmallWithoutOversampling) {
    HeadlessUi ui(1920, 1080);
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    EXPECT_LE(atlas->TexWidth * atlas->TexHeight, 1024 * 2048)  // 8 MB of RGBA texture
        << atlas->TexWidth << "x" << atlas->TexHeight;
}

TEST(Fonts, MissingFontFileIsAClearError) {
    ImFontAtlas atlas;
    const std::vector<std::filesystem::path> nowhere = {"/nonexistent/kiosk-fonts"};
    const auto fonts = ui::load_fonts(atlas, ui::make_theme(1280, 800), nowhere);
    ASSERT_FALSE(fonts.ok());
    EXPECT_EQ(fonts.error().code, "ui.font_missing");
    EXPECT_NE(fonts.error().message.find("NotoSans-Regular.ttf"), std::string::npos);
    EXPECT_NE(fonts.error().message.find("fonts-noto-core"), std::string::npos);
}

TEST(Fonts, OverrideDirectoryComesBeforeTheSystem) {
    const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / "font-override";
    std::filesystem::create_directories(dir);
    std::filesystem::copy_file("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                               dir / "NotoSans-Regular.ttf",
                               std::filesystem::copy_options::overwrite_existing);
    const std::vector<std::filesystem::path> overrides = {dir};
    const auto found = ui::find_font_file("NotoSans-Regular.ttf", ui::font_search_dirs(overrides));
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(*found, dir / "NotoSans-Regular.ttf");
    std::filesystem::remove_all(dir);
}

TEST(GlyphAudit, ReportsEachMissingCodePointOnce) {
    HeadlessUi ui(1280, 800);
    ui::GlyphAudit audit;
    const ImFont& body = *ui.context().fonts.body;
    audit.check(body, "Türkçe العربية");
    EXPECT_TRUE(audit.take_new().empty());
    audit.check(body, "中文 中");  // CJK is not among the shipped scripts
    EXPECT_EQ(audit.take_new(), (std::vector<char32_t>{0x4E2D, 0x6587}));
    audit.check(body, "中");
    EXPECT_TRUE(audit.take_new().empty()) << "reported once, not every frame";
    EXPECT_EQ(ui::code_point_name(0x4E2D), "U+4E2D");
}

TEST(GlyphAudit, ViewsCheckTheirLabels) {
    HeadlessUi ui(1280, 800);
    ui.frame(core::Session{});
    EXPECT_TRUE(ui.glyphs().take_new().empty()) << "the welcome screen must be fully covered";
}

}  // namespace
}  // namespace kiosk::test

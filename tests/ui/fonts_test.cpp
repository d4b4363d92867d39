// ImGui's own atlas is only a small Latin fallback (every visible string is shaped by the
// glyph cache); missing glyphs in shaped text are reported once each.
#include <gtest/gtest.h>

#include <imgui.h>

#include "headless_ui.hpp"
#include "kiosk/i18n/languages.hpp"
#include "kiosk/ui/fonts.hpp"

namespace kiosk::test {
namespace {

TEST(Fonts, ImGuiAtlasHoldsOnlyPrintableAscii) {
    HeadlessUi ui(1920, 1080);
    const ImFont* body = ui.context().fonts.body;
    ASSERT_NE(body, nullptr);
    EXPECT_NE(body->FindGlyphNoFallback(ImWchar{'A'}), nullptr);
    // Arabic letters and their presentation forms, Turkish and Cyrillic are the glyph cache's.
    for (const ImWchar c : {ImWchar{0x0627}, ImWchar{0xFEE0}, ImWchar{0x011F}, ImWchar{0x0416}}) {
        EXPECT_EQ(body->FindGlyphNoFallback(c), nullptr) << ui::code_point_name(c);
    }
}

TEST(Fonts, ImGuiAtlasStaysSmall) {
    HeadlessUi ui(1920, 1080);
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    EXPECT_LE(atlas->TexWidth * atlas->TexHeight, 512 * 512)  // 1 MB of RGBA texture at most
        << atlas->TexWidth << "x" << atlas->TexHeight;
}

TEST(GlyphAudit, EveryEndonymShapesWithRealGlyphs) {
    HeadlessUi ui(1280, 800);
    ui::GlyphAudit audit;
    for (const auto& lang : i18n::shipped_languages()) {
        const auto shaped = ui.renderer().shape(lang.endonym, lang.code, 27);
        audit.check(*shaped.line, lang.endonym);
        EXPECT_FALSE(shaped.line->glyphs.empty()) << lang.code;
    }
    EXPECT_TRUE(audit.take_new().empty());
}

TEST(GlyphAudit, ReportsEachMissingCodePointOnce) {
    HeadlessUi ui(1280, 800);
    ui::GlyphAudit audit;
    const std::string text = "中文 中";  // CJK is not among the shipped scripts' fonts
    audit.check(*ui.renderer().shape(text, "en", 27).line, text);
    EXPECT_EQ(audit.take_new(), (std::vector<char32_t>{0x4E2D, 0x6587}));
    audit.check(*ui.renderer().shape("中", "en", 27).line, "中");
    EXPECT_TRUE(audit.take_new().empty()) << "reported once, not every frame";
    EXPECT_EQ(ui::code_point_name(0x4E2D), "U+4E2D");
}

TEST(GlyphAudit, ViewsCheckTheirLabels) {
    HeadlessUi ui(1280, 800);
    ui.frame(core::Session{});
    EXPECT_TRUE(ui.glyphs().take_new().empty()) << "the welcome screen must be fully covered";
    core::Session arabic;
    arabic.language = "ar";
    ui.frame(arabic);
    EXPECT_TRUE(ui.glyphs().take_new().empty()) << "and so must its Arabic layout";
}

}  // namespace
}  // namespace kiosk::test

// The views draw every string shaped (kiosk_ui_text), in the right language, mirrored for
// right-to-left languages, and every catalogue string they show fits its widget.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <string>

#include "headless_ui.hpp"
#include "kiosk/i18n/languages.hpp"
#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/text/widgets.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::test {
namespace {

// Number of glyphs `hb-shape` (HarfBuzz's own tool, an independent reference) gives for `text`.
int hb_shape_glyph_count(const std::filesystem::path& font, const std::string& text,
                         const std::string& lang) {
    const std::string command =
        "hb-shape --no-positions --no-clusters --no-glyph-names --language=" + lang + " '" +
        font.string() + "' '" + text + "'";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    EXPECT_NE(pipe, nullptr);
    std::string out;
    std::array<char, 256> buf{};
    while (pipe && std::fgets(buf.data(), buf.size(), pipe.get()) != nullptr) {
        out += buf.data();
    }
    EXPECT_FALSE(out.empty()) << command;
    return out.empty() ? -1 : static_cast<int>(std::count(out.begin(), out.end(), '|')) + 1;
}

struct InkInRect {
    int cache_quads = 0;          // glyph quads from the shaped-text glyph cache
    int imgui_font_vertices = 0;  // vertices sampling ImGui's font atlas away from its white pixel
};

// What the last frame drew inside `rect`.
InkInRect ink_in(const ui::Rect& rect) {
    InkInRect ink;
    const ImDrawData* data = ImGui::GetDrawData();
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    for (int l = 0; data != nullptr && l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            const bool atlas = cmd.TextureId == kImGuiAtlasTexture;
            const unsigned step = atlas ? 1 : 6;  // a glyph quad is two triangles
            for (unsigned i = 0; i < cmd.ElemCount; i += step) {
                const ImDrawVert& v = list->VtxBuffer[static_cast<int>(
                    cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i)])];
                if (!rect.contains(v.pos.x, v.pos.y)) {
                    continue;
                }
                if (!atlas) {
                    ++ink.cache_quads;
                } else if (v.uv.x != white.x || v.uv.y != white.y) {
                    ++ink.imgui_font_vertices;
                }
            }
        }
    }
    return ink;
}

TEST(ShapedViews, ArabicEndonymIsDrawnAsShapedGlyphsNotByTheImGuiFont) {
    HeadlessUi ui(1280, 800);
    ui.frame(core::Session{});
    const ui::HitTarget* arabic = ui.hits().find_id("lang.ar");
    ASSERT_NE(arabic, nullptr);
    const std::string text = "العربية";
    ASSERT_EQ(arabic->label, text);
    const auto& font = ui.font_set().font(ui.font_set().primary_for_language("ar"));
    const int expected = hb_shape_glyph_count(font.path(), text, "ar");
    ASSERT_GT(expected, 0);
    // Seven letters, joined: fewer glyphs than letters would mean a ligature, more a bug; the
    // count must match HarfBuzz's tool whatever it is.
    const InkInRect ink = ink_in(arabic->rect);
    EXPECT_EQ(ink.cache_quads, expected);
    EXPECT_EQ(ink.imgui_font_vertices, 0) << "no label text may come from ImGui's atlas";
}

TEST(ShapedViews, ArabicLetterFormsAreJoinedNotIsolated) {
    HeadlessUi ui(1280, 800);
    const auto shaped = ui.renderer().shape("العربية", "ar", 27);
    const auto isolated = ui.renderer().shape("ا ل ع ر ب ي ة", "ar", 27);
    // Joining picks contextual forms: the glyph ids of the joined word differ from the
    // isolated letters' (the same seven code points).
    std::vector<std::uint32_t> joined_ids;
    for (const auto& g : shaped.line->glyphs) {
        joined_ids.push_back(g.glyph_id);
    }
    int same = 0;
    for (const auto& g : isolated.line->glyphs) {
        same += static_cast<int>(std::count(joined_ids.begin(), joined_ids.end(), g.glyph_id));
    }
    EXPECT_LT(same, static_cast<int>(joined_ids.size()));
    EXPECT_TRUE(shaped.rtl());
}

// Notice in `lang`: the Back button's rect.
ui::Rect back_button(HeadlessUi& ui, const std::string& lang) {
    const core::Session s = core::reduce(core::Session{}, core::ChooseLanguage{lang}, Millis{1});
    EXPECT_EQ(s.screen, core::Screen::Notice);
    ui.frame(s);
    const ui::HitTarget* back = ui.hits().find_id("nav.back");
    EXPECT_NE(back, nullptr) << lang;
    return back != nullptr ? back->rect : ui::Rect{};
}

TEST(Mirroring, BackIsAtTheBottomStartCorner) {
    HeadlessUi ui(1280, 800);
    for (const auto& lang : i18n::shipped_languages()) {
        const ui::Rect back = back_button(ui, std::string(lang.code));
        const bool rtl = ui::ui_direction(lang.code) == i18n::TextDirection::rtl;
        EXPECT_GT(back.y, 400.0F) << lang.code << ": Back sits at the bottom";
        if (rtl) {
            EXPECT_GT(back.x, 640.0F) << lang.code << ": Back must be at the bottom right";
        } else {
            EXPECT_LT(back.x + back.w, 640.0F) << lang.code << ": Back must be at the bottom left";
        }
    }
}

TEST(Mirroring, WelcomeGridStartsAtTheRightInRtl) {
    HeadlessUi ui(1280, 800);
    core::Session ltr;
    ui.frame(ltr);
    const ui::Rect en_ltr = ui.hits().find_id("lang.en")->rect;
    const ui::Rect tr_ltr = ui.hits().find_id("lang.tr")->rect;
    EXPECT_LT(en_ltr.x, tr_ltr.x);
    core::Session rtl;
    rtl.language = "fa";
    ui.frame(rtl);
    const ui::Rect en_rtl = ui.hits().find_id("lang.en")->rect;
    const ui::Rect tr_rtl = ui.hits().find_id("lang.tr")->rect;
    EXPECT_GT(en_rtl.x, tr_rtl.x) << "the first language sits at the top right";
    // A mirror image, within the pixel ImGui's content region rounds away.
    EXPECT_NEAR(en_rtl.x, 1280.0F - en_ltr.x - en_ltr.w, 1.0F);
    EXPECT_FLOAT_EQ(en_rtl.y, en_ltr.y);
}

TEST(Language, ViewsUseTheSessionsLanguageFromTheCatalogue) {
    HeadlessUi ui(1280, 800);
    for (const std::string lang : {"tr", "uk", "ps"}) {
        back_button(ui, lang);
        EXPECT_EQ(ui.hits().find_id("nav.back")->label, ui.catalogue().tr(lang, "common.back"));
        EXPECT_TRUE(ui.catalogue().has_translation(lang, "common.back")) << lang;
        EXPECT_NE(ui.hits().find_id("nav.back")->label, test_text("common.back")) << lang;
    }
}

// [SECTION] Text fits its widget at 1280×800 in every shipped language.

class TextFits : public ::testing::TestWithParam<std::string> {
  protected:
    HeadlessUi ui{1280, 800};

    void expect_fits(std::string_view key, const std::string& text, float px, float room) {
        const std::string& lang = GetParam();
        const float w = ui::text::measure_text(ui.renderer(), text, lang, px).x;
        EXPECT_LE(w, room) << "key " << key << " in " << lang << ": text " << w
                           << " px wide, widget " << room << " px";
    }
    // A button's label room: its width less the padding on both sides.
    void expect_fits_button(std::string_view id, std::string_view key) {
        const ui::HitTarget* t = ui.hits().find_id(id);
        ASSERT_NE(t, nullptr) << id;
        const ui::Theme& theme = ui.context().theme;
        expect_fits(key, t->label, ui::body_px(theme),
                    t->rect.w - 2 * ui::button_label_padding(theme));
    }
    float line_room() {
        const ui::Theme theme = ui.context().theme;
        return 1280.0F - 2 * theme.margin;
    }
};

TEST_P(TextFits, WelcomeNoticeAndIdleWarning) {
    const std::string& lang = GetParam();
    const i18n::Translator t = ui.catalogue().translator(lang);
    const ui::Theme theme = ui.context().theme;
    const float title = ui::title_px(theme);
    const float body = ui::body_px(theme);

    core::Session welcome;
    welcome.language = lang;
    ui.frame(welcome);
    expect_fits("welcome.title", t("welcome.title"), title, line_room());
    expect_fits("welcome.choose_language", t("welcome.choose_language"), body, line_room());
    expect_fits_button("lang." + lang, "(endonym)");

    const core::Session notice = core::reduce(welcome, core::ChooseLanguage{lang}, Millis{1});
    ui.frame(notice);
    expect_fits("notice.title", t("notice.title"), title, line_room());
    expect_fits_button("nav.back", "common.back");

    const Millis limit = notice.settings.idle.person_idle + Millis{1};  // chosen at 1 ms
    const core::Session warned = core::tick(notice, limit);
    ASSERT_EQ(warned.idle, core::IdlePhase::Warning);
    ui.frame(warned, {}, limit);
    expect_fits("idle.still_there", t("idle.still_there"), title, line_room());
    const auto longest = static_cast<std::int64_t>(warned.settings.idle.warning.count() / 1000);
    for (std::int64_t n = 0; n <= longest; ++n) {
        expect_fits("idle.seconds_left", t.count_text("idle.seconds_left", n, "n"), title,
                    line_room());
    }
    expect_fits_button("idle.continue", "idle.continue");
}

// Language codes (not UiLanguage structs, which gtest would print as raw bytes in test names).
std::vector<std::string> shipped_codes() {
    std::vector<std::string> codes;
    for (const auto& lang : i18n::shipped_languages()) {
        codes.emplace_back(lang.code);
    }
    return codes;
}

INSTANTIATE_TEST_SUITE_P(ShippedLanguages, TextFits, ::testing::ValuesIn(shipped_codes()),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace kiosk::test

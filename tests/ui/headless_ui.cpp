// HeadlessUi: ImGui context + the real text stack + theme, frames driven by hand.
#include "headless_ui.hpp"

#include <gtest/gtest.h>

#include <string>

namespace kiosk::test {

namespace {
Result<i18n::Catalogue> load_catalogue() {
    return i18n::Catalogue::load_directory(KIOSK_ASSETS_DIR "/i18n");
}
}  // namespace

std::string test_text(std::string_view key) {
    auto catalogue = load_catalogue();
    EXPECT_TRUE(catalogue.ok()) << catalogue.error().message;
    return catalogue ? catalogue->tr("en", key) : std::string(key);
}

HeadlessUi::HeadlessUi(int width, int height) {
    imgui_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DeltaTime = 1.0F / 60.0F;
    resources_.theme = ui::make_theme(width, height);
    ui::configure_touch_io(io, resources_.theme);
    ui::apply_theme(resources_.theme, ImGui::GetStyle());

    auto catalogue = load_catalogue();
    auto fonts = i18n::FontSet::load(i18n::FontSearch{{KIOSK_ASSETS_DIR "/fonts"}, true});
    if (!catalogue || !fonts) {
        ADD_FAILURE() << (catalogue ? fonts.error().message : catalogue.error().message);
        return;
    }
    catalogue_.emplace(std::move(*catalogue));
    fonts_.emplace(std::move(*fonts));
    shaper_ = std::make_unique<i18n::Shaper>(*fonts_);
    cache_ = std::make_unique<ui::text::GlyphCache>(textures_);
    auto renderer = ui::text::TextRenderer::create(*shaper_, *cache_);
    auto imgui_font = ui::load_fonts(*io.Fonts, resources_.theme, *fonts_);
    if (!renderer || !imgui_font) {
        ADD_FAILURE() << (renderer ? imgui_font.error().message : renderer.error().message);
        return;
    }
    renderer_.emplace(std::move(*renderer));
    unsigned char* pixels = nullptr;
    int w = 0;
    int h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(kImGuiAtlasTexture);
    resources_.catalogue = &*catalogue_;
    resources_.renderer = &*renderer_;
    resources_.fonts = *imgui_font;
}

HeadlessUi::~HeadlessUi() {
    ImGui::DestroyContext(imgui_);
}

std::vector<core::Intent> HeadlessUi::frame(const core::Session& session, Pointer pointer,
                                            Millis now) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(pointer.x, pointer.y);
    io.MouseDown[0] = pointer.down;
    app_.session = session;
    const ui::ViewContext ctx = app::view_context(resources_, app_);
    std::vector<core::Intent> out;
    ImGui::NewFrame();
    ui::draw_screen(session, ctx, now, out);
    ImGui::Render();
    renderer_->flush();
    return out;
}

std::vector<core::Intent> HeadlessUi::tap(const core::Session& session, const ui::Rect& rect,
                                          Millis now) {
    const float x = rect.center_x();
    const float y = rect.center_y();
    std::vector<core::Intent> all;
    for (const bool down : {false, true, false}) {
        auto out = frame(session, {x, y, down}, now);
        all.insert(all.end(), out.begin(), out.end());
    }
    return all;
}

bool HeadlessUi::last_frame_used_colour(std::uint32_t rgb) const {
    const ImU32 want = ui::to_imgui(rgb);
    const ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; data != nullptr && l < data->CmdListsCount; ++l) {
        for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) {
            if (v.col == want) {
                return true;
            }
        }
    }
    return false;
}

}  // namespace kiosk::test

// HeadlessUi: ImGui context + real fonts + theme, frames driven by hand.
#include "headless_ui.hpp"

#include <gtest/gtest.h>

#include <string>

#include "kiosk/app/placeholder_text.hpp"

namespace kiosk::test {

std::string test_text(std::string_view key) {
    return app::placeholder_english_text(key);
}

HeadlessUi::HeadlessUi(int width, int height) {
    imgui_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DeltaTime = 1.0F / 60.0F;
    ctx_.theme = ui::make_theme(width, height);
    ui::configure_touch_io(io, ctx_.theme);
    ui::apply_theme(ctx_.theme, ImGui::GetStyle());
    const std::vector<std::filesystem::path> overrides = {KIOSK_ASSETS_DIR "/fonts"};
    auto fonts = ui::load_fonts(*io.Fonts, ctx_.theme, ui::font_search_dirs(overrides));
    if (!fonts) {
        ADD_FAILURE() << fonts.error().code << ": " << fonts.error().message;
        return;
    }
    unsigned char* pixels = nullptr;
    int w = 0;
    int h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1)));
    ctx_.fonts = *fonts;
    ctx_.text = test_text;
    ctx_.languages = i18n::shipped_languages();
    ctx_.hits = &hits_;
    ctx_.glyphs = &glyphs_;
}

HeadlessUi::~HeadlessUi() {
    ImGui::DestroyContext(imgui_);
}

std::vector<core::Intent> HeadlessUi::frame(const core::Session& session, Pointer pointer,
                                            Millis now) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(pointer.x, pointer.y);
    io.MouseDown[0] = pointer.down;
    std::vector<core::Intent> out;
    ImGui::NewFrame();
    ui::draw_screen(session, ctx_, now, out);
    ImGui::Render();
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

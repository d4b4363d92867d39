// A headless ImGui context for ui_text tests: no window, no GPU, a built default font atlas, and
// helpers to read back the quads a draw call emitted.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <vector>

namespace kiosk::ui::text::testing {

// Owns an ImGui context for one test. The default atlas's texture id is a value no
// CpuTextureBackend hands out, so its quads are never confused with glyph-cache quads.
class HeadlessImGui {
  public:
    static inline const ImTextureID kAtlasTexture =
        reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(0xA71A5));

    explicit HeadlessImGui(ImVec2 display = ImVec2(1280, 720)) {
        ctx_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
        unsigned char* pixels = nullptr;
        int w = 0;
        int h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.Fonts->SetTexID(kAtlasTexture);
    }
    ~HeadlessImGui() { ImGui::DestroyContext(ctx_); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

  private:
    ImGuiContext* ctx_;
};

// One textured rectangle as PrimRectUV wrote it.
struct Quad {
    ImVec2 min;
    ImVec2 max;
    ImVec2 uv0;
    ImVec2 uv1;
    ImU32 colour = 0;
    ImTextureID texture = nullptr;
};

// The quads drawn with any texture but ImGui's own atlas (so: glyph quads), in drawing order,
// from index `idx_begin` on. PrimRectUV writes a quad as vertices a, b, c, d (clockwise from
// top-left) and indices a b c a c d, so every 6 indices give one quad's corners a and c.
inline std::vector<Quad> glyph_quads(const ImDrawList& dl, unsigned idx_begin = 0) {
    std::vector<Quad> quads;
    for (const ImDrawCmd& cmd : dl.CmdBuffer) {
        if (cmd.TextureId == HeadlessImGui::kAtlasTexture || cmd.UserCallback != nullptr) {
            continue;
        }
        for (unsigned i = cmd.IdxOffset; i + 5 < cmd.IdxOffset + cmd.ElemCount; i += 6) {
            if (i < idx_begin) {
                continue;
            }
            const auto vertex = [&](unsigned k) -> const ImDrawVert& {
                return dl.VtxBuffer[static_cast<int>(cmd.VtxOffset) +
                                    static_cast<int>(dl.IdxBuffer[static_cast<int>(k)])];
            };
            const ImDrawVert& a = vertex(i);
            const ImDrawVert& c = vertex(i + 2);
            quads.push_back(Quad{a.pos, c.pos, a.uv, c.uv, a.col, cmd.TextureId});
        }
    }
    return quads;
}

}  // namespace kiosk::ui::text::testing

// shaped_text_demo: the glyph cache and shaped widgets in a real GLFW window with the OpenGL 3
// texture backend. Draws one line per script the kiosk must get right, reads the frame back,
// writes it as a PNG and the lines' rectangles as JSON, and exits. Run under Xvfb by the
// ui_text_screenshot test; the PNG is also for a person to look at.
//
// usage: shaped_text_demo OUT.png OUT.json
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/i18n/bidi.hpp"
#include "kiosk/i18n/font_set.hpp"
#include "kiosk/i18n/shaper.hpp"
#include "kiosk/ui/text/gl_texture_backend.hpp"
#include "kiosk/ui/text/glyph_cache.hpp"
#include "kiosk/ui/text/text_renderer.hpp"
#include "kiosk/ui/text/widgets.hpp"

namespace {

using kiosk::ui::text::Align;
using kiosk::ui::text::Box;

constexpr int kWidth = 1280;
constexpr int kHeight = 720;
constexpr float kBackground[3] = {0.10f, 0.11f, 0.14f};

struct Sample {
    const char* language;
    std::string text;
};

std::vector<Sample> samples() {
    // A phone number inside Arabic keeps its digit groups in order only when isolated.
    const std::string phone =
        kiosk::i18n::isolate("+90 532 123 45 67", kiosk::i18n::TextDirection::ltr);
    return {
        {"ar", "أهلاً وسهلاً، لا تقلق"},                       // lam-alef twice (أهلاً and لا)
        {"fa", "می‌خواهم ثبت‌نام کنم"},  // ZWNJ keeps می and ثبت unjoined
        {"ps", "ښه راغلاست: ټولنه، ډېر، ګڼه"},               // ټ ډ ښ ګ ڼ
        {"tr", "İş başvurusu: ğüşıöç ĞÜŞİÖÇ"},
        {"uk", "Ласкаво просимо: ґанок, їжа, євро"},
        {"ar", "اتصل بنا على " + phone + " شكراً"},
    };
}

int fail(const char* what) {
    std::fprintf(stderr, "shaped_text_demo: %s\n", what);
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        return fail("usage: shaped_text_demo OUT.png OUT.json");
    }
    if (glfwInit() == GLFW_FALSE) {
        return fail("glfwInit failed (no display?)");
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    GLFWwindow* window = glfwCreateWindow(kWidth, kHeight, "shaped text demo", nullptr, nullptr);
    if (window == nullptr) {
        glfwTerminate();
        return fail("cannot create a GL 3.3 core window");
    }
    glfwMakeContextCurrent(window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, false);
    ImGui_ImplOpenGL3_Init("#version 330");

    int status = 0;
    {
        auto fonts = kiosk::i18n::FontSet::load(kiosk::i18n::FontSearch{});
        if (!fonts) {
            std::fprintf(stderr, "shaped_text_demo: %s\n", fonts.error().message.c_str());
            return 1;
        }
        kiosk::i18n::Shaper shaper(*fonts);
        kiosk::ui::text::GlTextureBackend backend;
        kiosk::ui::text::GlyphCache cache(backend);
        auto renderer = kiosk::ui::text::TextRenderer::create(shaper, cache);
        if (!renderer) {
            std::fprintf(stderr, "shaped_text_demo: %s\n", renderer.error().message.c_str());
            return 1;
        }

        nlohmann::json layout;
        layout["width"] = kWidth;
        layout["height"] = kHeight;
        layout["background"] = {kBackground[0] * 255, kBackground[1] * 255, kBackground[2] * 255};
        layout["lines"] = nlohmann::json::array();

        glfwPollEvents();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        ImDrawList* draw_list = ImGui::GetBackgroundDrawList();
        kiosk::ui::text::LabelStyle style;
        style.pixel_size = 44;
        style.padding = 40;
        style.colour = IM_COL32(240, 240, 235, 255);
        style.align = Align::start;
        float top = 16;
        for (const Sample& s : samples()) {
            const ImVec2 min(0, top);
            const ImVec2 max(static_cast<float>(kWidth), top + 84);
            const Box box = kiosk::ui::text::draw_label(*renderer, draw_list, min, max, s.text,
                                                        s.language, style);
            const bool rtl = renderer->shape(s.text, s.language, style.pixel_size).rtl();
            layout["lines"].push_back({{"language", s.language},
                                       {"text", s.text},
                                       {"rtl", rtl},
                                       {"box", {box.min.x, box.min.y, box.max.x, box.max.y}}});
            top += 94;
        }
        ImGui::Render();
        renderer->flush();  // new glyphs reach the GPU before the draw data that uses them

        int fb_w = 0;
        int fb_h = 0;
        glfwGetFramebufferSize(window, &fb_w, &fb_h);
        glViewport(0, 0, fb_w, fb_h);
        glClearColor(kBackground[0], kBackground[1], kBackground[2], 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

        std::vector<unsigned char> pixels(static_cast<std::size_t>(fb_w) *
                                          static_cast<std::size_t>(fb_h) * 4);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, fb_w, fb_h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
        stbi_flip_vertically_on_write(1);  // GL's rows start at the bottom
        if (stbi_write_png(argv[1], fb_w, fb_h, 4, pixels.data(), fb_w * 4) == 0) {
            status = fail("cannot write the PNG");
        }
        layout["glyphs_rasterised"] = cache.stats().rasterised;
        layout["glyph_pages"] = cache.page_count();
        std::ofstream(argv[2]) << layout.dump(2) << '\n';
        glfwSwapBuffers(window);
    }  // the glyph textures go before the context does

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return status;
}

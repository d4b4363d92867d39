// Window: GLFW + OpenGL 3 + ImGui backends. Callbacks are installed before ImGui's backend so
// it chains to them (it saves and calls previously installed callbacks); ours only note that
// input arrived, so the loop knows to draw settle frames.
#include "platform/window.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <GLFW/glfw3.h>

#include <cfloat>
#include <chrono>
#include <string>

namespace kiosk::platform {

namespace {

Window* self(GLFWwindow* w) {
    return static_cast<Window*>(glfwGetWindowUserPointer(w));
}

std::string glfw_error_text() {
    const char* description = nullptr;
    glfwGetError(&description);
    return description != nullptr ? description : "unknown GLFW error";
}

}  // namespace

Result<std::unique_ptr<Window>> Window::open(const WindowOptions& options) {
    if (glfwInit() == GLFW_FALSE) {
        return make_error("platform.glfw", "cannot initialise GLFW: " + glfw_error_text());
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);

    GLFWmonitor* monitor = nullptr;
    int width = options.width;
    int height = options.height;
    if (options.fullscreen) {
        monitor = glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = monitor != nullptr ? glfwGetVideoMode(monitor) : nullptr;
        if (mode == nullptr) {
            glfwTerminate();
            return make_error("platform.window", "no primary monitor for --fullscreen");
        }
        width = mode->width;
        height = mode->height;
        glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
    }
    GLFWwindow* handle = glfwCreateWindow(width, height, "kiosk", monitor, nullptr);
    if (handle == nullptr) {
        const std::string reason = glfw_error_text();
        glfwTerminate();
        return make_error("platform.window", "cannot open an OpenGL 3.3 window: " + reason);
    }
    std::unique_ptr<Window> window(new Window(handle));
    glfwSetWindowUserPointer(handle, window.get());
    glfwMakeContextCurrent(handle);
    glfwSwapInterval(1);

    glfwSetCursorPosCallback(handle, on_cursor);
    glfwSetMouseButtonCallback(handle, on_button);
    glfwSetScrollCallback(handle, on_scroll);
    glfwSetKeyCallback(handle, on_key);
    glfwSetCharCallback(handle, on_char);
    glfwSetCursorEnterCallback(handle, on_enter);
    glfwSetWindowFocusCallback(handle, on_focus);
    glfwSetFramebufferSizeCallback(handle, on_resize);
    glfwSetWindowRefreshCallback(handle, on_refresh);
    if (options.fullscreen) {
        // A kiosk shows no pointer; touches still arrive as pointer events.
        glfwSetInputMode(handle, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;  // or the backend re-shows it
    if (!ImGui_ImplGlfw_InitForOpenGL(handle, true) || !ImGui_ImplOpenGL3_Init("#version 330")) {
        return make_error("platform.imgui", "cannot initialise the ImGui GLFW/OpenGL3 backends");
    }
    window->imgui_ready_ = true;
    // Nothing a person types may reach the system clipboard (DESIGN.md, privacy).
    io.SetClipboardTextFn = nullptr;
    io.GetClipboardTextFn = nullptr;
    io.ClipboardUserData = nullptr;
    return window;
}

Window::~Window() {
    if (imgui_ready_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    if (ImGui::GetCurrentContext() != nullptr) {
        ImGui::DestroyContext();
    }
    glfwDestroyWindow(window_);
    glfwTerminate();
}

int Window::framebuffer_width() const {
    int w = 0;
    int h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    return w;
}

int Window::framebuffer_height() const {
    int w = 0;
    int h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    return h;
}

bool Window::wait(std::optional<Millis> timeout) {
    if (!timeout) {
        glfwWaitEvents();
    } else if (timeout->count() <= 0) {
        glfwPollEvents();
    } else {
        glfwWaitEventsTimeout(std::chrono::duration<double>(*timeout).count());
    }
    const bool had_input = input_;
    input_ = false;
    return had_input;
}

bool Window::should_close() const {
    return glfwWindowShouldClose(window_) != 0;
}

void Window::upload_fonts() {
    ImGui_ImplOpenGL3_CreateDeviceObjects();  // builds the font texture from the atlas
    ImGui::GetIO().Fonts->ClearTexData();
}

void Window::begin_frame(std::optional<PointerSample> finger) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();  // sets io.MousePos and io.MouseDown[] from GLFW (ImGui 1.86)
    ImGuiIO& io = ImGui::GetIO();
    if (finger) {
        // Between the backend and ImGui::NewFrame(): ImGui sees only the synthetic finger.
        for (bool& down : io.MouseDown) {
            down = false;
        }
        io.MousePos = ImVec2(finger->x, finger->y);
        io.MouseDown[0] = finger->down;
    }
    const PointerSample seen =
        touch_.filter(PointerSample{io.MousePos.x, io.MousePos.y, io.MouseDown[0]}, -FLT_MAX);
    io.MousePos = ImVec2(seen.x, seen.y);
    ImGui::NewFrame();
}

void Window::render(std::uint32_t clear_rgb, const std::function<void()>& before_draw) {
    ImGui::Render();
    if (before_draw) {
        before_draw();
    }
    glViewport(0, 0, framebuffer_width(), framebuffer_height());
    auto channel = [clear_rgb](int shift) {
        return static_cast<float>((clear_rgb >> shift) & 0xFFU) / 255.0F;
    };
    glClearColor(channel(16), channel(8), channel(0), 1.0F);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

Image Window::capture() const {
    return read_framebuffer(framebuffer_width(), framebuffer_height());
}

void Window::present() {
    glfwSwapBuffers(window_);
}

void Window::wake() {
    glfwPostEmptyEvent();
}

void Window::note_input(GLFWwindow* window) {
    if (Window* w = self(window)) {
        w->input_ = true;
    }
}

void Window::on_cursor(GLFWwindow* w, double, double) {
    note_input(w);
}
void Window::on_button(GLFWwindow* w, int, int, int) {
    note_input(w);
}
void Window::on_scroll(GLFWwindow* w, double, double) {
    note_input(w);
}
void Window::on_key(GLFWwindow* w, int, int, int, int) {
    note_input(w);
}
void Window::on_char(GLFWwindow* w, unsigned int) {
    note_input(w);
}
void Window::on_enter(GLFWwindow* w, int) {
    note_input(w);
}
void Window::on_focus(GLFWwindow* w, int) {
    note_input(w);
}
void Window::on_resize(GLFWwindow* w, int, int) {
    note_input(w);
}
void Window::on_refresh(GLFWwindow* w) {
    note_input(w);
}

}  // namespace kiosk::platform

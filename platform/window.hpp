// The kiosk's one window: GLFW 3.3 + an OpenGL 3 context + Dear ImGui's GLFW and OpenGL3
// backends, set up for an unattended touch screen (no imgui.ini, no clipboard, no cursor
// changes, pointer hidden after a finger lifts). The app drives it one frame at a time and
// sleeps in wait() between events, so an idle kiosk costs no CPU.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/result.hpp"
#include "platform/screenshot.hpp"
#include "platform/touch_pointer.hpp"

struct GLFWwindow;

namespace kiosk::platform {

struct WindowOptions {
    int width = 1280;  // ignored when fullscreen
    int height = 800;
    bool fullscreen = false;  // the primary monitor's current video mode
};

class Window {
  public:
    // Initialises GLFW, opens the window, makes its GL context current and creates the ImGui
    // context with both backends. Error "platform.glfw" / "platform.window" / "platform.imgui"
    // (no display, no OpenGL 3, ...). Only one Window may exist at a time.
    static Result<std::unique_ptr<Window>> open(const WindowOptions& options);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    // Size of the drawable area in pixels (what the fonts and theme are sized for).
    int framebuffer_width() const;
    int framebuffer_height() const;

    // Sleeps until an event, Window::wake(), or `timeout` (nullopt: no timeout; zero: do not
    // sleep). Returns true when input or a resize arrived since the last call.
    bool wait(std::optional<Millis> timeout);

    // The person or the session manager asked the window to close.
    bool should_close() const;

    // Uploads the font atlas (built by the caller into ImGui::GetIO().Fonts) to the GPU now and
    // frees the CPU copy, which would otherwise stay resident for the life of the process.
    void upload_fonts();

    // Starts an ImGui frame: backend input, the touch pointer fix, ImGui::NewFrame().
    // `finger`, when given, replaces the pointer the backend read from GLFW this frame (position
    // and primary button; other buttons up), before the touch pointer fix: the scripted driver's
    // synthetic finger goes through the same path as a real one.
    void begin_frame(std::optional<PointerSample> finger = std::nullopt);
    // Ends the ImGui frame and draws it into the back buffer over `clear_rgb` (0xRRGGBB).
    // `before_draw` runs between ImGui::Render() and drawing its data: where the shaped-text
    // glyph cache uploads this frame's new glyphs.
    void render(std::uint32_t clear_rgb, const std::function<void()>& before_draw = {});
    // What render() drew, read back before present().
    Image capture() const;
    // Shows the back buffer.
    void present();

    // Wakes wait() from any thread (a worker posted a result to the UI queue).
    static void wake();

  private:
    explicit Window(GLFWwindow* window) : window_(window) {}
    static void note_input(GLFWwindow* window);
    static void on_cursor(GLFWwindow* w, double x, double y);
    static void on_button(GLFWwindow* w, int button, int action, int mods);
    static void on_scroll(GLFWwindow* w, double dx, double dy);
    static void on_key(GLFWwindow* w, int key, int scancode, int action, int mods);
    static void on_char(GLFWwindow* w, unsigned int c);
    static void on_enter(GLFWwindow* w, int entered);
    static void on_focus(GLFWwindow* w, int focused);
    static void on_resize(GLFWwindow* w, int width, int height);
    static void on_refresh(GLFWwindow* w);

    GLFWwindow* window_;
    bool input_ = false;  // set by GLFW callbacks during wait()
    TouchPointer touch_;
    bool imgui_ready_ = false;
};

}  // namespace kiosk::platform

// The touch theme: every size is a multiple of the font size (em), so one layout serves a
// 1280×800 tablet and a 1080p kiosk; colours are high contrast and nothing depends on hover
// (a finger cannot hover), while the pressed state is plainly visible.
#pragma once

#include <cstdint>

struct ImGuiIO;
struct ImGuiStyle;

namespace kiosk::ui {

// Colours as 0xRRGGBB.
struct Palette {
    std::uint32_t background = 0xF5F3EE;  // warm off-white
    std::uint32_t text = 0x14171A;        // near black: 16:1 on the background
    std::uint32_t button = 0x0B4F8A;      // deep blue: white label at 8:1
    std::uint32_t button_text = 0xFFFFFF;
    std::uint32_t pressed = 0xF2B705;  // amber: unmistakable under a finger
    std::uint32_t pressed_text = 0x14171A;
    std::uint32_t error = 0xA4161A;     // validation messages: dark red, 7:1 on the background
    std::uint32_t selected = 0x1E7B3C;  // a chosen option: green with a white label
    std::uint32_t option = 0xDCE3EA;    // an option not chosen: light grey-blue, dark label
    std::uint32_t muted = 0x5A6570;     // secondary text and empty progress dots
};

// Sizes in pixels, all derived from `em` by make_theme().
struct Theme {
    float em = 0;            // font size
    float margin = 0;        // around the screen's content
    float gap = 0;           // between buttons
    float button_h = 0;      // a big button's height, never under 48 px
    float button_min_w = 0;  // narrowest a grid button may be
    float rounding = 0;
    float title_scale = 1.5F;  // title font size in em
    Palette colors;
};

// The theme for a drawable area of width×height pixels (the font size follows the smaller of
// height/30 and width/45, within 16..72 px, so hit targets stay ≥ 48 px even on small screens).
Theme make_theme(int width, int height);

// Applies the theme's sizes and colours to ImGui's style.
void apply_theme(const Theme& theme, ImGuiStyle& style);

// ImGui input settings for an unattended touch screen, shared by the app and the headless
// tests: no imgui.ini, no cursor blink (it would wake the loop twice a second), and a drag
// threshold big enough that a wobbly finger still taps.
void configure_touch_io(ImGuiIO& io, const Theme& theme);

// ImGui colour value (ABGR packed) for a 0xRRGGBB colour.
std::uint32_t to_imgui(std::uint32_t rgb);

}  // namespace kiosk::ui

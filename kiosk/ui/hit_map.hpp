// The hit map: every tappable widget drawn in a frame, with a stable id, its visible label and
// where it is on screen. Tests and the scripted driver find buttons by id ("lang.ar") or label
// instead of by pixel coordinates, and the app can dump it as JSON (--dump-layout).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

// A screen rectangle in pixels, origin top left.
struct Rect {
    float x = 0;
    float y = 0;
    float w = 0;
    float h = 0;

    bool contains(float px, float py) const {
        return px >= x && px < x + w && py >= y && py < y + h;
    }
    bool overlaps(const Rect& o) const {
        return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }
    float center_x() const { return x + w / 2; }
    float center_y() const { return y + h / 2; }
};

struct HitTarget {
    std::string id;     // stable across languages and layouts: "lang.ar", "nav.back"
    std::string label;  // what the person sees (UTF-8)
    Rect rect;
};

struct HitMap {
    std::string screen;  // which view drew it: "welcome", "notice"
    float display_w = 0;
    float display_h = 0;
    std::vector<HitTarget> targets;

    void clear() { *this = HitMap{}; }
    void add(std::string id, std::string label, Rect rect);
    const HitTarget* find_id(std::string_view id) const;
    const HitTarget* find_label(std::string_view label) const;
};

// {"screen":..,"display":{"w":..,"h":..},"targets":[{"id":..,"label":..,"x":..,"y":..,"w":..,"h":..}]}
std::string to_json(const HitMap& map);

}  // namespace kiosk::ui

// HitMap lookups and its JSON form.
#include "kiosk/ui/hit_map.hpp"

#include <cassert>
#include <nlohmann/json.hpp>

namespace kiosk::ui {

void HitMap::add(std::string id, std::string label, Rect rect) {
    assert(find_id(id) == nullptr && "hit map ids must be unique within a frame");
    targets.push_back(HitTarget{std::move(id), std::move(label), rect});
}

const HitTarget* HitMap::find_id(std::string_view id) const {
    for (const auto& t : targets) {
        if (t.id == id) {
            return &t;
        }
    }
    return nullptr;
}

const HitTarget* HitMap::find_label(std::string_view label) const {
    for (const auto& t : targets) {
        if (t.label == label) {
            return &t;
        }
    }
    return nullptr;
}

std::string to_json(const HitMap& map) {
    nlohmann::json targets = nlohmann::json::array();
    for (const auto& t : map.targets) {
        targets.push_back({{"id", t.id},
                           {"label", t.label},
                           {"x", t.rect.x},
                           {"y", t.rect.y},
                           {"w", t.rect.w},
                           {"h", t.rect.h}});
    }
    const nlohmann::json doc = {{"screen", map.screen},
                                {"display", {{"w", map.display_w}, {"h", map.display_h}}},
                                {"targets", std::move(targets)}};
    return doc.dump(2);
}

}  // namespace kiosk::ui

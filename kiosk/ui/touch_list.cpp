// PLACEHOLDER until touch scrolling lands: rows are plain buttons in an ImGui child region.
#include "kiosk/ui/touch_list.hpp"

#include <string>

#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

bool ScrollMemory::animating() const {
    return false;
}

std::optional<std::string> touch_list(const ViewContext& ctx, std::string_view list_id,
                                      std::span<const ListItem> items, ImVec2 size) {
    std::optional<std::string> tapped;
    begin_touch_scroll(ctx, list_id, size);
    for (const ListItem& item : items) {
        if (big_button(ctx, std::string(list_id) + "." + item.id, item.label,
                       ImGui::GetContentRegionAvail().x, ctx.theme.button_h, item.language)) {
            tapped = item.id;
        }
    }
    end_touch_scroll(ctx, list_id);
    return tapped;
}

void begin_touch_scroll(const ViewContext&, std::string_view id, ImVec2 size) {
    ImGui::BeginChild(std::string(id).c_str(), size, false, ImGuiWindowFlags_NoScrollbar);
}

void end_touch_scroll(const ViewContext&, std::string_view) {
    ImGui::EndChild();
}

}  // namespace kiosk::ui

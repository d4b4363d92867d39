// Touch scrolling: the kinematics (step_scroll, pure) and the ImGui side that feeds it the
// pointer, scrolls a child region by its result, holds the pointer while the finger drags (so no
// row under it is pressed), and builds only the rows that can be seen.
#include "kiosk/ui/touch_list.hpp"

#include <imgui_internal.h>  // SetActiveID/KeepAliveID, SetNextWindowScroll, CalcItemSize

#include <algorithm>
#include <cassert>
#include <cmath>
#include <iterator>

#include "kiosk/i18n/search_fold.hpp"
#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

// [SECTION] Kinematics

void VelocityTracker::add(double t, float y) {
    samples_[next_] = Sample{t, y};
    next_ = (next_ + 1) % samples_.size();
    count_ = std::min(count_ + 1, samples_.size());
}

float VelocityTracker::velocity(double window) const {
    if (count_ < 2) {
        return 0;
    }
    const Sample& newest = from_newest(0);
    std::size_t age = 1;
    while (age + 1 < count_ && newest.t - from_newest(age).t < window) {
        ++age;
    }
    const Sample& from = from_newest(age);
    const double span = newest.t - from.t;
    return span > 0 ? static_cast<float>((newest.y - from.y) / span) : 0.0F;
}

bool VelocityTracker::still_for(double duration, float tolerance) const {
    if (count_ < 2) {
        return false;
    }
    const Sample& newest = from_newest(0);
    for (std::size_t age = 1; age < count_; ++age) {
        const Sample& s = from_newest(age);
        if (std::abs(s.y - newest.y) > tolerance) {
            return false;
        }
        if (newest.t - s.t >= duration) {
            return true;
        }
    }
    return false;  // not down long enough to tell
}

ScrollStep step_scroll(ScrollState& s, const ScrollInput& in, float max_offset,
                       const ScrollPhysics& physics) {
    assert(in.dt >= 0 && "frame time must not run backwards");
    assert(physics.friction > 0 && "a fling without friction never stops");
    s.clock += in.dt;
    ScrollStep step;
    if (in.pressed && in.down) {
        // A finger landing stops a fling, and the tap that stopped it selects nothing.
        s.caught = s.velocity != 0;
        s.velocity = 0;
        s.held = true;
        s.dragging = false;
        s.press_y = in.y;
        s.last_y = in.y;
        s.tracker.clear();
        s.tracker.add(s.clock, in.y);
    } else if (s.held) {
        if (!s.dragging && std::abs(in.y - s.press_y) >= physics.drag_threshold) {
            // Measured from the press: the row the finger landed on stays under it.
            s.dragging = true;
            s.last_y = s.press_y;
        }
        if (s.dragging) {
            s.offset -= in.y - s.last_y;
        }
        s.last_y = in.y;
        s.tracker.add(s.clock, in.y);
        if (!in.down) {
            step.lifted = true;
            step.tap = !s.dragging && !s.caught;
            if (s.dragging && !s.tracker.still_for(physics.rest_time, physics.rest_tolerance)) {
                // Finger moving up moves the content up: the offset grows.
                s.velocity = std::clamp(-s.tracker.velocity(physics.velocity_window),
                                        -physics.max_speed, physics.max_speed);
            }
            s.held = false;
            s.dragging = false;
            s.caught = false;
        }
    } else if (s.velocity != 0) {
        // v(t) = v0·e^(−kt); the offset moves by its integral over the frame, so the distance
        // a fling covers does not depend on the frame rate.
        const float decay = std::exp(-physics.friction * in.dt);
        s.offset += s.velocity * (1.0F - decay) / physics.friction;
        s.velocity *= decay;
    }
    if (std::abs(s.velocity) < physics.stop_speed) {
        s.velocity = 0;
    }
    const float max = std::max(0.0F, max_offset);
    s.offset = std::clamp(s.offset, 0.0F, max);
    if ((s.offset <= 0 && s.velocity < 0) || (s.offset >= max && s.velocity > 0)) {
        s.velocity = 0;  // no bounce: a fling that reaches an end stops there
    }
    return step;
}

bool ScrollMemory::animating() const {
    return std::any_of(lists_.begin(), lists_.end(),
                       [](const auto& list) { return list.second.velocity != 0; });
}

void ScrollMemory::keep_only(std::string_view list_id) {
    for (auto it = lists_.begin(); it != lists_.end();) {
        it = it->first == list_id ? std::next(it) : lists_.erase(it);
    }
    if (const auto kept = lists_.find(list_id); kept != lists_.end()) {
        const float offset = kept->second.offset;
        const float content_h = kept->second.content_h;
        kept->second = ScrollState{};  // no fling, no press carried to the next screen
        kept->second.offset = offset;
        kept->second.content_h = content_h;
    }
}

std::vector<ListItem> filter_items(std::span<const ListItem> items, std::string_view query,
                                   std::string_view language) {
    const i18n::SearchQuery search(query, language);
    std::vector<ListItem> kept;
    for (const ListItem& item : items) {
        if (search.matches(item.label)) {
            kept.push_back(item);
        }
    }
    return kept;
}

// [SECTION] ImGui

namespace {

// The region a list or free content occupies on screen and how its frame of scrolling went.
struct Region {
    Rect rect;
    ScrollStep step;
};

Rect intersect(const Rect& a, const Rect& b) {
    const float x0 = std::max(a.x, b.x);
    const float y0 = std::max(a.y, b.y);
    const float x1 = std::min(a.x + a.w, b.x + b.w);
    const float y1 = std::min(a.y + a.h, b.y + b.h);
    return Rect{x0, y0, std::max(0.0F, x1 - x0), std::max(0.0F, y1 - y0)};
}

// One frame of the region's motion from ImGui's input; called before its child window begins,
// so the new offset applies to this frame's content.
ScrollStep drive(ScrollState& state, ImGuiID hold_id, const Rect& rect, float max_offset) {
    const ImGuiIO& io = ImGui::GetIO();
    ScrollInput in;
    in.dt = io.DeltaTime;
    in.down = io.MouseDown[ImGuiMouseButton_Left];
    // The pointer is parked off-screen after a lift (platform/touch_pointer.hpp): keep the last
    // real position rather than jump to -FLT_MAX.
    in.y = ImGui::IsMousePosValid() ? io.MousePos.y : state.last_y;
    in.pressed = io.MouseClicked[ImGuiMouseButton_Left] &&
                 rect.contains(io.MousePos.x, io.MousePos.y) &&
                 ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows |
                                        ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    ScrollPhysics physics;
    physics.drag_threshold = io.MouseDragThreshold;
    const ScrollStep step = step_scroll(state, in, max_offset, physics);

    // While the finger drags, or rests on a fling it stopped, the region owns the pointer: no
    // button under it is hovered, pressed or tapped (ImGui lets only the active id react).
    ImGuiContext& g = *GImGui;
    if (state.held && (state.dragging || state.caught)) {
        if (g.ActiveId != hold_id) {
            ImGui::SetActiveID(hold_id, ImGui::GetCurrentWindow());
        }
        ImGui::KeepAliveID(hold_id);
    } else if (step.lifted && g.ActiveId == hold_id) {
        ImGui::ClearActiveID();
    }
    return step;
}

// Without the app's ScrollMemory only ImGui's own child-window scroll persists: the content
// follows a drag (a frame late, through ImGui's scroll target) and never flings.
void drag_without_memory(const Rect& rect) {
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 from = io.MouseClickedPos[ImGuiMouseButton_Left];
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left) && rect.contains(from.x, from.y)) {
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    }
}

// Width of the scroll position bar at the end edge, and the room kept free for it.
float indicator_w(const Theme& theme) {
    return std::max(4.0F, std::round(0.2F * theme.em));
}
float indicator_room(const Theme& theme) {
    return indicator_w(theme) + 0.5F * theme.gap;
}

// Opens the child window of a scrolling region of `size` at the cursor. `content_h` is the
// height of the content when known before drawing it (a list), else the region measures it at
// its end (free content).
Region open_region(const ViewContext& ctx, std::string_view id, ImVec2 size,
                   std::optional<float> content_h) {
    assert(ctx.hits != nullptr && "ViewContext is not wired");
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 s = ImGui::CalcItemSize(size, std::max(4.0F, avail.x), std::max(4.0F, avail.y));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    Region region{Rect{pos.x, pos.y, s.x, s.y}, {}};
    const std::string name(id);
    if (ctx.scrolls != nullptr) {
        ScrollState& state = ctx.scrolls->at(id);
        if (content_h) {
            state.content_h = *content_h;
        }
        const ImGuiID hold_id = ImGui::GetID(("hold." + name).c_str());
        region.step = drive(state, hold_id, region.rect, state.content_h - s.y);
        ImGui::SetNextWindowScroll(ImVec2(0.0F, state.offset));
    }
    if (content_h) {
        ImGui::SetNextWindowContentSize(ImVec2(0.0F, *content_h));
    }
    ImGui::BeginChild(name.c_str(), s, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    if (ctx.scrolls == nullptr) {
        drag_without_memory(region.rect);
    }
    ctx.hits->add("scroll." + name, std::string(), region.rect);
    return region;
}

// A thin bar at the end edge (mirrored in RTL) showing where the visible part sits in the
// content, so a person sees there is more to scroll to. Nothing when everything fits.
void draw_indicator(const ViewContext& ctx, float content_h) {
    const ImVec2 pos = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    if (content_h <= size.y + 0.5F) {
        return;
    }
    const float w = indicator_w(ctx.theme);
    const float bar_h = std::max(size.y * size.y / content_h, ctx.theme.em);
    const float travel = std::clamp(ImGui::GetScrollY() / (content_h - size.y), 0.0F, 1.0F);
    const float y = pos.y + (size.y - bar_h) * travel;
    const float x = start_x(pos.x, size.x, size.x - w, w, ctx.rtl());
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + bar_h),
                                              to_imgui(ctx.theme.colors.muted), 0.5F * w);
}

}  // namespace

std::optional<std::size_t> touch_rows(const ViewContext& ctx, std::string_view list_id,
                                      std::size_t count, float row_h, const DrawRow& draw_row,
                                      ImVec2 size) {
    const float pitch = row_h + ctx.theme.gap;
    const float content_h = count == 0 ? 0.0F : static_cast<float>(count) * pitch - ctx.theme.gap;
    const Region region = open_region(ctx, list_id, size, content_h);
    const Rect& rect = region.rect;

    const bool overflows = content_h > rect.h;
    const float row_w = overflows ? rect.w - indicator_room(ctx.theme) : rect.w;
    const float row_x = start_x(0.0F, rect.w, 0.0F, row_w, ctx.rtl());  // window-local
    const float scroll = ImGui::GetScrollY();
    const auto first = static_cast<std::size_t>(std::max(0.0F, std::floor(scroll / pitch)));
    const auto end =
        std::min(count, static_cast<std::size_t>(std::ceil((scroll + rect.h) / pitch)));
    // A lift that ended a drag or stopped a fling never selects (the held pointer already keeps
    // rows from seeing the press; this makes it independent of ImGui's bookkeeping).
    const bool veto = region.step.lifted && !region.step.tap;

    std::optional<std::size_t> tapped;
    for (std::size_t i = first; i < end; ++i) {
        const float y = static_cast<float>(i) * pitch;
        if (y + row_h <= scroll) {
            continue;  // only its gap shows
        }
        ImGui::SetCursorPos(ImVec2(row_x, y));
        const std::size_t targets = ctx.hits->targets.size();
        const bool hit = draw_row(i, row_w, row_h);
        assert(ctx.hits->targets.size() > targets && "a row registers its hit target");
        // The driver taps the centre of a target: keep it to the part of the row that shows.
        HitTarget& target = ctx.hits->targets.back();
        target.rect = intersect(target.rect, rect);
        if (hit && !veto) {
            tapped = i;
        }
    }
    draw_indicator(ctx, content_h);
    ImGui::EndChild();
    return tapped;
}

std::optional<std::string> touch_list(const ViewContext& ctx, std::string_view list_id,
                                      std::span<const ListItem> items, ImVec2 size) {
    const std::string prefix = std::string(list_id) + ".";
    const auto tapped = touch_rows(
        ctx, list_id, items.size(), ctx.theme.button_h,
        [&](std::size_t i, float w, float h) {
            const ListItem& item = items[i];
            return choice_button(ctx, prefix + item.id, item.label, item.selected, w, h,
                                 item.language);
        },
        size);
    if (!tapped) {
        return std::nullopt;
    }
    return items[*tapped].id;
}

void begin_touch_scroll(const ViewContext& ctx, std::string_view id, ImVec2 size) {
    open_region(ctx, id, size, std::nullopt);
}

void end_touch_scroll(const ViewContext& ctx, std::string_view id) {
    // What ImGui will take as the content height for the next frame's scroll limit.
    const ImGuiWindow* window = ImGui::GetCurrentWindowRead();
    const float content_h = window->DC.CursorMaxPos.y - window->DC.CursorStartPos.y;
    if (ctx.scrolls != nullptr) {
        ctx.scrolls->at(id).content_h = content_h;
    }
    draw_indicator(ctx, content_h);
    ImGui::EndChild();
}

}  // namespace kiosk::ui

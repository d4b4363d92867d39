// Screen::Welcome: the first thing a person sees. A short greeting, then every offered language
// as a big button named in its own script, so someone who reads no other language still finds
// theirs. Endonyms are data (kiosk/i18n/languages), not translations. Staff open their PIN pad
// with a long press on an invisible square in the top end corner.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

// How many languages the "choose your language" line is shown in.
constexpr std::size_t kChooseLanguageLines = 4;

// The staff entry: how long a finger must rest on it, and its side in em.
constexpr float kStaffPressSeconds = 2.0F;
constexpr float kStaffEntryEm = 3.0F;

struct Grid {
    int columns = 1;
    float button_w = 0;
    float button_h = 0;
    float left = 0;  // x offset that centres the grid
    float top = 0;   // y offset that centres it in the space left below the greeting
};

Grid layout_grid(const Theme& theme, std::size_t count, ImVec2 avail) {
    Grid g;
    const float gap = theme.gap;
    const int fit = static_cast<int>((avail.x + gap) / (theme.button_min_w + gap));
    g.columns = std::clamp(fit, 1, 3);
    const int rows = static_cast<int>((count + static_cast<std::size_t>(g.columns) - 1) /
                                      static_cast<std::size_t>(g.columns));
    const auto cols = static_cast<float>(g.columns);
    // Wide enough for a long endonym, not so wide that the grid reads as a list.
    g.button_w = std::min((avail.x - gap * (cols - 1)) / cols, 2.0F * theme.button_min_w);
    // Shrink rows to fit short screens, never under the minimum touch target.
    const float fit_h = (avail.y - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
    g.button_h = std::max(std::min(theme.button_h, fit_h), 48.0F);
    const float grid_w = g.button_w * cols + gap * (cols - 1);
    const float grid_h = g.button_h * static_cast<float>(rows) + gap * static_cast<float>(rows - 1);
    g.left = std::max(0.0F, (avail.x - grid_w) / 2);
    g.top = std::max(0.0F, (avail.y - grid_h) / 2);
    return g;
}

// An invisible square in the top end corner of the screen (top right, top left in RTL): held for
// kStaffPressSeconds it records OpenStaff, once per press. Nothing shows, so visitors are not
// invited to try; a finger that slides off cancels it. Hit id "staff.entry", with no label.
void staff_entry(const ViewContext& ctx, std::vector<core::Intent>& out) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float side = kStaffEntryEm * ctx.theme.em;
    const float x = start_x(viewport->Pos.x, viewport->Size.x, 0, side, !ctx.rtl());
    const ImVec2 min(x, viewport->Pos.y);
    const ImVec2 max(x + side, viewport->Pos.y + side);
    const ImVec2 cursor = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(min);
    // The square reaches into the window's padding, which ImGui clips away: unclip it, or only
    // the inner part of the corner would answer.
    ImGui::PushClipRect(min, max, false);
    ImGui::InvisibleButton("staff.entry", ImVec2(side, side));
    ImGui::PopClipRect();
    ctx.hits->add("staff.entry", "", Rect{min.x, min.y, side, side});
    const ImGuiIO& io = ImGui::GetIO();
    const float held = io.MouseDownDuration[ImGuiMouseButton_Left];
    const float before = io.MouseDownDurationPrev[ImGuiMouseButton_Left];
    if (ImGui::IsItemActive() && ImGui::IsMouseHoveringRect(min, max, false) &&
        before < kStaffPressSeconds && held >= kStaffPressSeconds) {
        out.emplace_back(core::OpenStaff{});
    }
    ImGui::SetCursorScreenPos(cursor);
}

}  // namespace

void draw_welcome(const core::Session&, const ViewContext& ctx, std::vector<core::Intent>& out) {
    centered_text(ctx, ctx.text("welcome.title"), title_px(ctx.theme));
    ImGui::Dummy(ImVec2(0, 0.3F * ctx.theme.em));
    // "Choose your language" in the kiosk's language and a few offered ones, each shaped in its
    // own language, so most people can read the instruction before they have chosen.
    std::size_t lines = 0;
    auto choose_line = [&](std::string_view code) {
        centered_text(ctx, ctx.catalogue->tr(code, "welcome.choose_language"), body_px(ctx.theme),
                      code);
        ++lines;
    };
    choose_line(ctx.default_language);
    for (const auto& lang : ctx.languages) {
        if (lines >= kChooseLanguageLines) {
            break;
        }
        if (lang.code != ctx.default_language) {
            choose_line(lang.code);
        }
    }
    ImGui::Dummy(ImVec2(0, ctx.theme.em));

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const Grid g = layout_grid(ctx.theme, ctx.languages.size(), avail);
    const ImVec2 origin = ImGui::GetCursorPos();
    for (std::size_t i = 0; i < ctx.languages.size(); ++i) {
        const auto& lang = ctx.languages[i];
        const auto col = static_cast<float>(i % static_cast<std::size_t>(g.columns));
        const auto row = static_cast<float>(i / static_cast<std::size_t>(g.columns));
        // The first language sits at the reading start: top left, or top right in RTL.
        const float x = start_x(origin.x, avail.x, g.left + col * (g.button_w + ctx.theme.gap),
                                g.button_w, ctx.rtl());
        ImGui::SetCursorPos(ImVec2(x, origin.y + g.top + row * (g.button_h + ctx.theme.gap)));
        const std::string id = "lang." + std::string(lang.code);
        // An endonym is written in its own language: "العربية" is shaped as Arabic whatever the
        // session's language is.
        if (big_button(ctx, id, lang.endonym, g.button_w, g.button_h, lang.code)) {
            out.emplace_back(core::ChooseLanguage{std::string(lang.code)});
        }
    }
    staff_entry(ctx, out);
}

}  // namespace kiosk::ui

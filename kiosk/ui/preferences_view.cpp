// Screen::Preferences: the kinds of work wanted (ISIC Rev. 4 sections, several may be chosen),
// the hours wanted, and cities (text fields "preferences.cities[i]"). Everything here is
// optional, so tapping a chosen answer again takes it back.
#include <algorithm>
#include <array>
#include <string>

#include "kiosk/i18n/catalogue.hpp"
#include "kiosk/ui/step_page.hpp"
#include "kiosk/ui/step_parts.hpp"
#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/touch_list.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

namespace {

struct Sector {
    std::string_view letter;
    std::string_view key;
};
constexpr std::array kSectors = {
    Sector{"A", i18n::key("reg.isic.A")}, Sector{"B", i18n::key("reg.isic.B")},
    Sector{"C", i18n::key("reg.isic.C")}, Sector{"D", i18n::key("reg.isic.D")},
    Sector{"E", i18n::key("reg.isic.E")}, Sector{"F", i18n::key("reg.isic.F")},
    Sector{"G", i18n::key("reg.isic.G")}, Sector{"H", i18n::key("reg.isic.H")},
    Sector{"I", i18n::key("reg.isic.I")}, Sector{"J", i18n::key("reg.isic.J")},
    Sector{"K", i18n::key("reg.isic.K")}, Sector{"L", i18n::key("reg.isic.L")},
    Sector{"M", i18n::key("reg.isic.M")}, Sector{"N", i18n::key("reg.isic.N")},
    Sector{"O", i18n::key("reg.isic.O")}, Sector{"P", i18n::key("reg.isic.P")},
    Sector{"Q", i18n::key("reg.isic.Q")}, Sector{"R", i18n::key("reg.isic.R")},
    Sector{"S", i18n::key("reg.isic.S")}, Sector{"T", i18n::key("reg.isic.T")},
    Sector{"U", i18n::key("reg.isic.U")}};

// The sectors with `letter` added or taken out, kept in A-U order.
std::vector<std::string> toggled(std::vector<std::string> sectors, std::string_view letter) {
    const auto it = std::find(sectors.begin(), sectors.end(), letter);
    if (it != sectors.end()) {
        sectors.erase(it);
    } else {
        sectors.emplace_back(letter);
        std::sort(sectors.begin(), sectors.end());
    }
    return sectors;
}

void draw_cities(const core::Session& session, const ViewContext& ctx,
                 std::vector<core::Intent>& out) {
    question_label(ctx, ctx.text("reg.preferences_cities.label"));
    const auto& cities = session.draft.preferences.cities;
    const float width = ImGui::GetContentRegionAvail().x;
    for (std::size_t i = 0; i < cities.size(); ++i) {
        const std::string path = "preferences.cities[" + std::to_string(i) + "]";
        if (entry_header(ctx, ctx.translator->count(static_cast<std::int64_t>(i) + 1),
                         path + ".remove", ctx.text("reg.entry.remove"))) {
            core::Registration edited = session.draft;
            edited.preferences.cities.erase(edited.preferences.cities.begin() +
                                            static_cast<std::ptrdiff_t>(i));
            push_draft(out, std::move(edited));
        }
        text_field(session, ctx, path, "reg.preferences_city.label", width, out);
    }
    const std::string& add = ctx.text("reg.preferences_cities.add");
    if (start_button(ctx, "preferences.cities.add", add, fitting_width(ctx, add))) {
        core::Registration edited = session.draft;
        edited.preferences.cities.emplace_back();
        const std::string field =
            "preferences.cities[" + std::to_string(edited.preferences.cities.size() - 1) + "]";
        push_draft(out, std::move(edited));
        focus_field(ctx, field, out);
    }
    field_error(session, ctx, "preferences.cities");
}

}  // namespace

void draw_preferences(const core::Session& session, const ViewContext& ctx,
                      std::vector<core::Intent>& out) {
    const ImVec2 area = begin_step_page(session, ctx, "reg.preferences.title");
    begin_touch_scroll(ctx, "preferences.scroll", area);
    const core::JobPreferences& prefs = session.draft.preferences;

    question_label(ctx, ctx.text("reg.preferences_sectors.label"));
    std::vector<Choice> sectors;
    for (const Sector& s : kSectors) {
        const bool chosen =
            std::find(prefs.sectors.begin(), prefs.sectors.end(), s.letter) != prefs.sectors.end();
        sectors.push_back(
            {"preferences.sectors." + std::string(s.letter), ctx.text(s.key), chosen});
    }
    if (const auto tapped = choice_grid(ctx, sectors, 2)) {
        core::Registration edited = session.draft;
        edited.preferences.sectors = toggled(prefs.sectors, kSectors[*tapped].letter);
        push_draft(out, std::move(edited));
    }
    field_error(session, ctx, "preferences.sectors");
    ImGui::Dummy(ImVec2(0, ctx.theme.gap));

    if (const auto hours =
            choice_question(session, ctx, ctx.text("reg.preferences_hours.label"),
                            "preferences.hours", kHoursChoices, prefs.hours, hours_label)) {
        core::Registration edited = session.draft;
        edited.preferences.hours =
            prefs.hours == *hours ? std::nullopt : std::optional<core::Hours>(*hours);
        push_draft(out, std::move(edited));
    }

    draw_cities(session, ctx, out);
    end_touch_scroll(ctx, "preferences.scroll");
    end_step_page(session, ctx, out);
}

}  // namespace kiosk::ui

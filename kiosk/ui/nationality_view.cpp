// Screen::Nationality: a search field over a touch list of every country, with "I have no
// nationality" and "I prefer not to say" at the top. The chosen row is drawn selected; a tap
// records the draft with its value (an ISO 3166-1 alpha-2 code, core::kStateless or
// core::kPreferNotToSay).
//
// Order with no search: the two answers that are not countries, then the most common
// nationalities of the people this kiosk serves, then every other country in the order of the
// session's language. The first group is decided here from the largest groups of refugees and
// people under temporary protection that UNHCR reports for Türkiye (Syrians by far, then
// Afghans, Iraqis and Iranians) and Bulgaria (Ukrainians, Syrians, Afghans): Syria,
// Afghanistan, Ukraine, Iraq, Iran. Putting them first spares most people a search; a country is
// listed once, so a pinned one is not repeated further down.
//
// With a search, the rows (the two answers too) whose name has a word starting with each word
// typed, in the same order (filter_items, i18n::SearchQuery: case, accents, Arabic hamza forms and
// Turkish i/ı folded, so "irak" finds "Irak" and "سور" finds "سوريا").
//
// Country names: the views read no files, so the names come from the view context
// (ViewContext::iso_countries, loaded by the app). When the app could not read iso-codes, the
// rows show the ISO codes of the core's table, which are at least stable and searchable.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/iso_codes.hpp"
#include "kiosk/i18n/iso_names.hpp"
#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/step_page.hpp"
#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/touch_list.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

namespace {

constexpr std::string_view kListId = "nationality";
constexpr std::array<std::string_view, 5> kFirstCountries = {"SY", "AF", "UA", "IQ", "IR"};

// Every assigned ISO 3166-1 code, named by itself, A to Z: the rows when the app has no names
// (see the file comment).
std::vector<i18n::IsoName> country_codes() {
    std::vector<i18n::IsoName> names;
    std::string code(2, 'A');
    for (char a = 'A'; a <= 'Z'; ++a) {
        for (char b = 'A'; b <= 'Z'; ++b) {
            code[0] = a;
            code[1] = b;
            if (core::is_country_code(code)) {
                names.push_back(i18n::IsoName{code, "", code, code, false});
            }
        }
    }
    return names;
}

ListItem country_item(const core::Session& session, const i18n::IsoName& country) {
    // An untranslated name is English (or a code): shape it as such, not as Arabic.
    return ListItem{country.code, country.name, country.translated ? "" : "en",
                    country.code == session.draft.nationality};
}

// Every row in its order with no search (see the file comment), the current answer marked.
std::vector<ListItem> all_rows(const core::Session& session, const ViewContext& ctx,
                               std::span<const i18n::IsoName> countries) {
    std::vector<ListItem> rows;
    rows.reserve(countries.size() + 2);
    for (const auto& [value, key] :
         {std::pair{core::kStateless, i18n::key("reg.nationality.stateless")},
          std::pair{core::kPreferNotToSay, i18n::key("reg.nationality.prefer_not_to_say")}}) {
        rows.push_back(
            ListItem{std::string(value), ctx.text(key), "", session.draft.nationality == value});
    }
    for (const std::string_view code : kFirstCountries) {
        const auto it = std::find_if(countries.begin(), countries.end(),
                                     [code](const i18n::IsoName& c) { return c.code == code; });
        if (it != countries.end()) {
            rows.push_back(country_item(session, *it));
        }
    }
    for (const i18n::IsoName& country : countries) {
        if (std::find(kFirstCountries.begin(), kFirstCountries.end(), country.code) ==
            kFirstCountries.end()) {
            rows.push_back(country_item(session, country));
        }
    }
    return rows;
}

}  // namespace

void draw_nationality(const core::Session& session, const ViewContext& ctx,
                      std::vector<core::Intent>& out) {
    const ImVec2 area = begin_step_page(session, ctx, i18n::key("reg.nationality.label"));
    const float top = ImGui::GetCursorPosY();
    const float left = ImGui::GetCursorPosX();
    const float w = field_width(ctx, area.x);
    const float x = start_x(left, area.x, 0, w, ctx.rtl());

    ImGui::SetCursorPosX(x);
    text_field(session, ctx, "search", "common.search", w, out);
    ImGui::SetCursorPosX(x);
    field_error(session, ctx, "nationality");

    const std::vector<i18n::IsoName>* loaded = ctx.iso_countries;
    const std::vector<ListItem> rows = loaded != nullptr && !loaded->empty()
                                           ? all_rows(session, ctx, *loaded)
                                           : all_rows(session, ctx, country_codes());
    const std::vector<ListItem> items = filter_items(rows, session.search, ctx.language());
    const float list_h = std::max(0.0F, top + area.y - ImGui::GetCursorPosY());
    ImGui::SetCursorPosX(x);
    if (const auto tapped = touch_list(ctx, kListId, items, ImVec2(w, list_h))) {
        core::EditDraft edit{session.draft};
        edit.draft.nationality = *tapped;
        out.emplace_back(std::move(edit));
    }
    end_step_page(session, ctx, out);
}

}  // namespace kiosk::ui

// Screen::Education: the highest level finished (ISCED 2011, 0-8) and, optionally, the field
// studied (ISCED-F 2013 broad fields), each as choice buttons. Tapping the chosen field again
// clears it, since the field is optional.
#include <array>

#include "kiosk/i18n/catalogue.hpp"
#include "kiosk/ui/step_page.hpp"
#include "kiosk/ui/step_parts.hpp"
#include "kiosk/ui/touch_list.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

namespace {

// Index = ISCED level.
constexpr std::array kLevelKeys = {
    i18n::key("reg.isced.0"), i18n::key("reg.isced.1"), i18n::key("reg.isced.2"),
    i18n::key("reg.isced.3"), i18n::key("reg.isced.4"), i18n::key("reg.isced.5"),
    i18n::key("reg.isced.6"), i18n::key("reg.isced.7"), i18n::key("reg.isced.8")};

struct Field {
    std::string_view code;
    std::string_view key;
};
constexpr std::array kFields = {Field{"00", i18n::key("reg.education_field.00")},
                                Field{"01", i18n::key("reg.education_field.01")},
                                Field{"02", i18n::key("reg.education_field.02")},
                                Field{"03", i18n::key("reg.education_field.03")},
                                Field{"04", i18n::key("reg.education_field.04")},
                                Field{"05", i18n::key("reg.education_field.05")},
                                Field{"06", i18n::key("reg.education_field.06")},
                                Field{"07", i18n::key("reg.education_field.07")},
                                Field{"08", i18n::key("reg.education_field.08")},
                                Field{"09", i18n::key("reg.education_field.09")},
                                Field{"10", i18n::key("reg.education_field.10")},
                                Field{"99", i18n::key("reg.education_field.99")}};

}  // namespace

void draw_education(const core::Session& session, const ViewContext& ctx,
                    std::vector<core::Intent>& out) {
    const ImVec2 area = begin_step_page(session, ctx, "reg.education.title");
    begin_touch_scroll(ctx, "education.scroll", area);
    const core::Education& education = session.draft.education;
    core::Registration edited = session.draft;
    bool changed = false;

    question_label(ctx, ctx.text("reg.education_level.label"));
    std::vector<Choice> levels;
    for (std::size_t level = 0; level < kLevelKeys.size(); ++level) {
        levels.push_back({"education.level." + std::to_string(level), ctx.text(kLevelKeys[level]),
                          education.isced_level == static_cast<int>(level)});
    }
    if (const auto tapped = choice_grid(ctx, levels, 2)) {
        edited.education.isced_level = static_cast<int>(*tapped);
        changed = true;
    }
    field_error(session, ctx, "education.level");
    ImGui::Dummy(ImVec2(0, ctx.theme.gap));

    question_label(ctx, ctx.text("reg.education_field.label"));
    std::vector<Choice> fields;
    for (const Field& field : kFields) {
        fields.push_back({"education.field." + std::string(field.code), ctx.text(field.key),
                          education.isced_field == field.code});
    }
    if (const auto tapped = choice_grid(ctx, fields, 2)) {
        const std::string_view code = kFields[*tapped].code;
        edited.education.isced_field = education.isced_field == code ? "" : std::string(code);
        changed = true;
    }
    field_error(session, ctx, "education.field");
    end_touch_scroll(ctx, "education.scroll");
    if (changed) {
        push_draft(out, std::move(edited));
    }
    end_step_page(session, ctx, out);
}

}  // namespace kiosk::ui

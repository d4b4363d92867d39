// Screen::Gender: four big choices, "prefer not to say" among them as a full answer, two to a
// row so each label has room in every language. The chosen one is drawn selected; a tap records
// the draft with that gender (the person may change it until Next).
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/ui/step_page.hpp"
#include "kiosk/ui/step_parts.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

namespace {

struct GenderChoice {
    core::Gender value;
    std::string_view label_key;
};

constexpr std::array<GenderChoice, 4> kGenders = {{
    {core::Gender::Female, i18n::key("reg.gender.female")},
    {core::Gender::Male, i18n::key("reg.gender.male")},
    {core::Gender::Other, i18n::key("reg.gender.other")},
    {core::Gender::PreferNotToSay, i18n::key("reg.gender.prefer_not_to_say")},
}};

}  // namespace

void draw_gender(const core::Session& session, const ViewContext& ctx,
                 std::vector<core::Intent>& out) {
    begin_step_page(session, ctx, i18n::key("reg.gender.label"));
    std::vector<Choice> choices;
    for (const GenderChoice& g : kGenders) {
        choices.push_back(Choice{"gender." + std::string(core::to_string(g.value)),
                                 ctx.text(g.label_key), session.draft.gender == g.value});
    }
    if (const auto tapped = choice_grid(ctx, choices, 2)) {
        core::Registration draft = session.draft;
        draft.gender = kGenders[*tapped].value;
        push_draft(out, std::move(draft));
    }
    field_error(session, ctx, "gender");
    end_step_page(session, ctx, out);
}

}  // namespace kiosk::ui

// Screen::Review: every answer of the draft on one touch-scrolling page, grouped by the screen
// that asked for it, each group with "Change" (GoTo that screen; its Next then comes back here).
// Answers are shown in plain words in the person's language: closed choices by their catalogue
// text, never by the stored value. What the person typed keeps its own direction: an Arabic name
// on an English page and a phone number or email on an Arabic page read in their own order.
// While the app stores the draft nothing can be tapped; when storing failed the page says that
// nothing was lost and Save can be tapped again.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/i18n/bidi.hpp"
#include "kiosk/i18n/occupations.hpp"
#include "kiosk/i18n/script.hpp"
#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/step_parts.hpp"
#include "kiosk/ui/text/widgets.hpp"
#include "kiosk/ui/touch_list.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

// [SECTION] What the page says: groups of rows built from the draft

// One answer: an optional label (what was asked) and its value lines.
struct Row {
    std::string label;  // empty when the group's title already says what the value is
    std::vector<std::string> values;
    bool given = true;  // false: the value is "not given", drawn muted
};

struct Group {
    core::Screen screen;
    std::string title;
    std::vector<Row> rows;
};

// Text the person typed, isolated in its own direction (first strong character; the page's when
// it has none). A line break ends every isolate, so each line is isolated on its own.
std::string typed(std::string_view text, i18n::TextDirection page) {
    std::string out;
    std::size_t begin = 0;
    while (begin <= text.size()) {
        const std::size_t end = std::min(text.find('\n', begin), text.size());
        const std::string_view line = text.substr(begin, end - begin);
        if (begin > 0) {
            out += '\n';
        }
        if (!line.empty()) {
            out += i18n::isolate(line, i18n::paragraph_direction(line).value_or(page));
        }
        begin = end + 1;
    }
    return out;
}

// Phone numbers, emails, codes and years: left to right on every page.
std::string ltr(std::string_view text) {
    return i18n::isolate(text, i18n::TextDirection::ltr);
}

// A closed choice's text: its catalogue key is the field's prefix and the value the core stores
// ("reg.gender." + "female"), the naming rule of kiosk.pot.
const std::string& choice(const ViewContext& ctx, std::string_view prefix, std::string_view value) {
    std::string key(prefix);
    key += value;
    return ctx.text(key);
}

// The phone as "+90 532 123 45 67": the calling code with one '+', then the number as typed.
std::string phone_text(const ViewContext& ctx, const core::Phone& phone) {
    std::string_view code = phone.calling_code;
    if (!code.empty() && code.front() == '+') {
        code.remove_prefix(1);
    }
    if (code.empty() && phone.national_number.empty()) {
        return {};
    }
    std::string text = code.empty() ? std::string() : "+" + std::string(code) + " ";
    text += phone.national_number;
    return ltr(ctx.translator->code(text));
}

std::string year_text(const ViewContext& ctx, int year) {
    return ltr(ctx.translator->code(std::to_string(year)));
}

// Countries and languages by their iso-codes names in the person's language, as the app loaded
// them for the pickers (the code itself when iso-codes could not be read). A name the
// translation lacks is English: isolated, it keeps its own direction on an Arabic page.
std::string country_text(const ViewContext& ctx, std::string_view code) {
    return typed(iso_name(ctx.iso_countries, code), ctx.direction);
}
std::string language_text(const ViewContext& ctx, std::string_view code) {
    return typed(iso_name(ctx.iso_languages, code), ctx.direction);
}

// An occupation: the person's own words, or its catalogue entry's name in their language (the
// English name, isolated, where it has no translation yet).
std::string occupation_text(const ViewContext& ctx, const core::Occupation& occupation) {
    if (!occupation.free_text.empty()) {
        return typed(occupation.free_text, ctx.direction);
    }
    if (ctx.occupations == nullptr) {
        return ltr(occupation.catalogue_id);
    }
    return typed(ctx.occupations->label(occupation.catalogue_id, ctx.language()), ctx.direction);
}

Row row(std::string label, std::vector<std::string> values, const ViewContext& ctx) {
    std::erase_if(values, [](const std::string& v) { return v.empty(); });
    Row r{std::move(label), std::move(values), true};
    if (r.values.empty()) {
        r.values.push_back(ctx.text("reg.review.not_given"));
        r.given = false;
    }
    return r;
}

Row row(std::string label, std::string value, const ViewContext& ctx) {
    return row(std::move(label), std::vector<std::string>{std::move(value)}, ctx);
}

std::vector<Row> language_rows(const core::Registration& d, const ViewContext& ctx) {
    std::vector<Row> rows;
    for (const core::LanguageSkill& skill : d.languages) {
        std::vector<std::string> lines;
        if (skill.spoken) {
            lines.push_back(ctx.translator->format(
                "reg.review.spoken",
                {{"level", choice(ctx, "reg.cefr.", to_string(*skill.spoken))}}));
        }
        if (skill.written == core::Written::DoesNotWrite) {
            lines.push_back(ctx.text("reg.languages_written.does_not_write"));
        } else if (skill.written) {
            lines.push_back(ctx.translator->format(
                "reg.review.written",
                {{"level", choice(ctx, "reg.cefr.", to_string(*skill.written))}}));
        }
        rows.push_back(row(language_text(ctx, skill.code), std::move(lines), ctx));
    }
    return rows;
}

std::vector<Row> work_rows(const core::Registration& d, const ViewContext& ctx) {
    std::vector<Row> rows;
    for (const core::WorkEntry& entry : d.work_history) {
        std::string years;
        if (entry.from_year && entry.ongoing) {
            years = ctx.translator->format("reg.review.years_ongoing",
                                           {{"from", year_text(ctx, *entry.from_year)}});
        } else if (entry.from_year && entry.to_year) {
            years = ctx.translator->format("reg.review.years",
                                           {{"from", year_text(ctx, *entry.from_year)},
                                            {"to", year_text(ctx, *entry.to_year)}});
        }
        rows.push_back(row(
            {},
            std::vector<std::string>{
                typed(entry.role, ctx.direction),
                entry.country.empty() ? std::string() : country_text(ctx, entry.country), years},
            ctx));
    }
    if (rows.empty()) {
        rows.push_back(row({}, ctx.text("reg.work_history.none"), ctx));
    }
    return rows;
}

std::vector<Row> rows_for(core::Screen screen, const core::Registration& d,
                          const ViewContext& ctx) {
    using core::Screen;
    const i18n::TextDirection page = ctx.direction;
    switch (screen) {
        case Screen::Name:
            return {row(ctx.text("reg.given_name.label"), typed(d.given_name, page), ctx),
                    row(ctx.text("reg.family_name.label"), typed(d.family_name, page), ctx)};
        case Screen::Contact:
            return {row(ctx.text("reg.phone_national_number.label"), phone_text(ctx, d.phone), ctx),
                    row(ctx.text("reg.email.label"), d.email.empty() ? "" : ltr(d.email), ctx)};
        case Screen::BirthYear:
            return {row({}, d.year_of_birth ? year_text(ctx, *d.year_of_birth) : "", ctx)};
        case Screen::Gender:
            return {row({}, d.gender ? choice(ctx, "reg.gender.", to_string(*d.gender)) : "", ctx)};
        case Screen::Nationality: {
            std::string value;
            if (d.nationality == core::kStateless || d.nationality == core::kPreferNotToSay) {
                value = choice(ctx, "reg.nationality.", d.nationality);
            } else if (!d.nationality.empty()) {
                value = country_text(ctx, d.nationality);
            }
            return {row({}, value, ctx)};
        }
        case Screen::City:
            return {row({}, typed(d.city, page), ctx)};
        case Screen::Languages: {
            std::vector<Row> rows = language_rows(d, ctx);
            if (rows.empty()) {
                rows.push_back(row({}, std::string(), ctx));
            }
            return rows;
        }
        case Screen::Education: {
            const core::Education& e = d.education;
            return {
                row(ctx.text("reg.education_level.label"),
                    e.isced_level ? choice(ctx, "reg.isced.", std::to_string(*e.isced_level)) : "",
                    ctx),
                row(ctx.text("reg.education_field.label"),
                    e.isced_field.empty() ? "" : choice(ctx, "reg.education_field.", e.isced_field),
                    ctx)};
        }
        case Screen::Occupations: {
            std::vector<std::string> lines;
            for (const core::Occupation& o : d.occupations) {
                lines.push_back(occupation_text(ctx, o));
            }
            return {row({}, std::move(lines), ctx)};
        }
        case Screen::WorkHistory:
            return work_rows(d, ctx);
        case Screen::PriorLearning: {
            std::vector<Row> rows;
            for (const core::PriorLearning& p : d.prior_learning) {
                rows.push_back(
                    row({},
                        std::vector<std::string>{
                            typed(p.description, page),
                            p.has_documents ? ctx.text("reg.prior_learning_has_documents.label")
                                            : std::string()},
                        ctx));
            }
            if (rows.empty()) {
                rows.push_back(row({}, std::string(), ctx));
            }
            return rows;
        }
        case Screen::Availability: {
            const core::Availability& a = d.availability;
            return {
                row(ctx.text("reg.availability_when.label"),
                    a.when ? choice(ctx, "reg.availability_when.", to_string(*a.when)) : "", ctx),
                row(ctx.text("reg.availability_hours.label"),
                    a.hours ? hours_label(ctx, *a.hours) : "", ctx),
                row(ctx.text("reg.work_permit.label"),
                    d.work_permit ? choice(ctx, "reg.work_permit.", to_string(*d.work_permit)) : "",
                    ctx)};
        }
        case Screen::Preferences: {
            const core::JobPreferences& p = d.preferences;
            std::vector<std::string> sectors;
            for (const std::string& s : p.sectors) {
                sectors.push_back(choice(ctx, "reg.isic.", s));
            }
            std::vector<std::string> cities;
            for (const std::string& c : p.cities) {
                cities.push_back(typed(c, page));
            }
            return {row(ctx.text("reg.preferences_sectors.label"), std::move(sectors), ctx),
                    row(ctx.text("reg.preferences_hours.label"),
                        p.hours ? hours_label(ctx, *p.hours) : "", ctx),
                    row(ctx.text("reg.preferences_cities.label"), std::move(cities), ctx)};
        }
        default:
            return {};
    }
}

// The group's title: the step's or the field's own words.
const std::string& title_for(core::Screen screen, const ViewContext& ctx) {
    using core::Screen;
    switch (screen) {
        case Screen::Name:
            return ctx.text("reg.review.group_name");
        case Screen::Contact:
            return ctx.text("reg.contact.title");
        case Screen::BirthYear:
            return ctx.text("reg.year_of_birth.label");
        case Screen::Gender:
            return ctx.text("reg.gender.label");
        case Screen::Nationality:
            return ctx.text("reg.nationality.label");
        case Screen::City:
            return ctx.text("reg.city.label");
        case Screen::Languages:
            return ctx.text("reg.languages.title");
        case Screen::Education:
            return ctx.text("reg.education.title");
        case Screen::Occupations:
            return ctx.text("reg.occupations.title");
        case Screen::WorkHistory:
            return ctx.text("reg.work_history.title");
        case Screen::PriorLearning:
            return ctx.text("reg.prior_learning.title");
        case Screen::Availability:
            return ctx.text("reg.availability.title");
        case Screen::Preferences:
            return ctx.text("reg.preferences.title");
        default:
            return ctx.text("reg.review.title");
    }
}

// [SECTION] Drawing

// Text in [left, left + width] from `top`, aligned to the page's start edge: one shaped line
// when it fits, else wrapped. Returns the height used.
float text_block(const ViewContext& ctx, float left, float top, float width, std::string_view text,
                 float px, std::uint32_t rgb) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 size = text::measure_text(*ctx.renderer, text, ctx.language(), px);
    if (size.x <= width) {
        text::LabelStyle style;
        style.pixel_size = px;
        style.colour = to_imgui(rgb);
        text::draw_label(*ctx.renderer, draw, ImVec2(left, top), ImVec2(left + width, top + size.y),
                         text, ctx.language(), style);
        return size.y;
    }
    text::ParagraphStyle style;
    style.pixel_size = px;
    style.colour = to_imgui(rgb);
    return text::draw_paragraph(*ctx.renderer, draw, ImVec2(left, top), width, text, ctx.language(),
                                style);
}

// A text block as an ImGui item at the cursor, as wide as the content region.
void line(const ViewContext& ctx, std::string_view text, float px, std::uint32_t rgb) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(width, text_block(ctx, pos.x, pos.y, width, text, px, rgb)));
}

// The group's title at the start edge and, unless saving, its Change button at the end edge.
void group_header(const core::Session& session, const ViewContext& ctx, const Group& group,
                  std::vector<core::Intent>& out) {
    const Theme& theme = ctx.theme;
    const ImVec2 origin = ImGui::GetCursorPos();
    const ImVec2 screen = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const std::string& change = ctx.text("common.change");
    const float change_w =
        std::max(text::measure_text(*ctx.renderer, change, ctx.language(), body_px(theme)).x +
                     2 * button_label_padding(theme),
                 5.0F * theme.em);
    const float title_w = width - change_w - theme.gap;

    text::LabelStyle style;
    style.pixel_size = std::round(1.1F * body_px(theme));
    style.colour = to_imgui(theme.colors.button);
    const float left = start_x(screen.x, width, 0, title_w, ctx.rtl());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(ImVec2(left, screen.y), ImVec2(left + title_w, screen.y + theme.button_h),
                       true);
    text::draw_label(*ctx.renderer, draw, ImVec2(left, screen.y),
                     ImVec2(left + title_w, screen.y + theme.button_h), group.title, ctx.language(),
                     style);
    draw->PopClipRect();

    if (!session.saving) {
        ImGui::SetCursorPos(
            ImVec2(start_x(origin.x, width, width - change_w, change_w, ctx.rtl()), origin.y));
        const std::string id = "review.change." + std::string(screen_name(group.screen));
        if (big_button(ctx, id, change, change_w, theme.button_h)) {
            out.emplace_back(core::GoTo{group.screen});
        }
    }
    ImGui::SetCursorPos(ImVec2(origin.x, origin.y + theme.button_h));
}

// One answer: on a wide page the label in a start column and the value lines beside it; on a
// narrow one the label above its values.
void draw_row(const ViewContext& ctx, const Row& r) {
    const Theme& theme = ctx.theme;
    const float label_px = std::round(0.85F * body_px(theme));
    const std::uint32_t ink = r.given ? theme.colors.text : theme.colors.muted;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const bool columns = !r.label.empty() && width >= 30 * theme.em;
    const float label_w = columns ? std::round(0.38F * width) : width;
    const float value_w = columns ? width - label_w - theme.gap : width;
    const float value_left =
        start_x(pos.x, width, columns ? label_w + theme.gap : 0, value_w, ctx.rtl());
    float label_h = 0;
    if (!r.label.empty()) {
        // Lifted a little in columns so the smaller label shares the value's baseline region.
        const float lift = columns ? 0.5F * (body_px(theme) - label_px) : 0;
        label_h = text_block(ctx, start_x(pos.x, width, 0, label_w, ctx.rtl()), pos.y + lift,
                             label_w, r.label, label_px, theme.colors.muted) +
                  lift;
    }
    float y = pos.y + (columns ? 0 : label_h);
    for (const std::string& value : r.values) {
        y += text_block(ctx, value_left, y, value_w, value, body_px(theme), ink);
    }
    const float height = std::max(columns ? label_h : 0.0F, y - pos.y);
    ImGui::Dummy(ImVec2(width, height + 0.35F * theme.em));
}

void draw_group(const core::Session& session, const ViewContext& ctx, const Group& group,
                std::vector<core::Intent>& out) {
    const Theme& theme = ctx.theme;
    group_header(session, ctx, group, out);
    for (const Row& r : group.rows) {
        draw_row(ctx, r);
    }
    // A rule under the group: where one screen's answers end.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(at.x, at.y),
                                        ImVec2(at.x + ImGui::GetContentRegionAvail().x, at.y),
                                        to_imgui(theme.colors.option), 2.0F);
    ImGui::Dummy(ImVec2(0, 0.3F * theme.em));
}

}  // namespace

void draw_review(const core::Session& session, const ViewContext& ctx,
                 std::vector<core::Intent>& out) {
    const Theme& theme = ctx.theme;
    page_title(ctx, ctx.text("reg.review.title"));
    line(ctx, ctx.text("reg.review.hint"), body_px(theme), theme.colors.muted);

    text::ParagraphStyle problem;
    problem.pixel_size = body_px(theme);
    problem.colour = to_imgui(theme.colors.error);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const bool failed = !session.save_error.empty() && !session.saving;
    const std::string& failed_text = ctx.text("reg.review.save_failed");
    const float failed_h = failed ? text::measure_paragraph(*ctx.renderer, failed_text,
                                                            ctx.language(), avail.x, problem) +
                                        theme.gap
                                  : 0.0F;
    const float below = theme.button_h + theme.gap + failed_h;

    begin_touch_scroll(ctx, "review.answers", ImVec2(avail.x, std::max(avail.y - below, 0.0F)));
    // Rows space themselves; ImGui's item gap between every line would spread one group over
    // the whole screen.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(theme.gap, 0));
    for (const core::Screen screen : core::kRegistrationScreens) {
        draw_group(session, ctx,
                   Group{screen, title_for(screen, ctx), rows_for(screen, session.draft, ctx)},
                   out);
    }
    ImGui::PopStyleVar();
    end_touch_scroll(ctx, "review.answers");

    if (failed) {
        text::shaped_paragraph(*ctx.renderer, failed_text, ctx.language(), problem);
    }
    const ImVec2 origin = ImGui::GetCursorPos();
    const float width = ImGui::GetContentRegionAvail().x;
    if (session.saving) {
        // No buttons: the draft is being stored as it is and must not change or be sent twice.
        place_bottom_start(ctx, width, theme.button_h);
        centered_text(ctx, ctx.text("reg.submit.saving"), body_px(theme));
        return;
    }
    const float w = std::min(theme.button_min_w * 1.5F, (width - theme.gap) / 2);
    place_bottom_start(ctx, w, theme.button_h);
    const float y = ImGui::GetCursorPosY();
    if (big_button(ctx, "nav.back", ctx.text("common.back"), w, theme.button_h)) {
        out.emplace_back(core::Back{});
    }
    ImGui::SetCursorPos(ImVec2(start_x(origin.x, width, width - w, w, ctx.rtl()), y));
    if (big_button(ctx, "review.submit", ctx.text("reg.submit.label"), w, theme.button_h)) {
        out.emplace_back(core::Submit{});
    }
}

}  // namespace kiosk::ui

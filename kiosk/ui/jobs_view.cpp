// Screen::Jobs: the open job offers (ctx.jobs, read by the app a page at a time as the list
// scrolls), each row its title in the person's language when the offer has one (else English,
// else the first) and its town. A search field above: the app searches the store's index as the
// person types (every word typed starts a word of the offer in any of its languages: case,
// accents, Turkish i and Arabic forms folded) and hands over the matches, with how many there
// are ("1000+" past a cap).
//
// Beside the list, at the end edge (the left in right-to-left pages), the filters as big choice
// buttons in a column that scrolls on its own: "my languages are enough" (only for a person who
// registered in this visit: there are languages to compare with), city (with its number of
// offers; the choice most people make, so first), contract type and field of work (the ISIC
// sections some open offer names). Every choice is one tap and shows green while chosen; "All"
// clears its group. Each tap emits FilterJobs with the session's filters changed in that one group.
//
// "Jobs for you" (ctx.job_facts->ranked: the person registered in this visit): the rows come in
// the ranking's order, and each says under its title, in a few words, why it fits (a green dot)
// and what is missing (an amber dot): "You speak Turkish B1", "Needs Bulgarian B1".
//
// A tap on a row opens the offer; Back returns where the person came from. Works before and
// without registering.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/i18n/occupations.hpp"
#include "kiosk/i18n/script.hpp"
#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/step_page.hpp"
#include "kiosk/ui/step_parts.hpp"
#include "kiosk/ui/text/widgets.hpp"
#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/touch_list.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

constexpr std::string_view kListId = "jobs";
constexpr std::string_view kFiltersId = "filters";

// [SECTION] Reasons

std::string_view contract_key(std::string_view contract) {
    if (contract == "full_time") {
        return i18n::key("reg.hours.full_time");
    }
    if (contract == "part_time") {
        return i18n::key("reg.hours.part_time");
    }
    return i18n::key("job.seasonal");
}

// "Turkish B1": the reason's language, with the level when there is one.
std::string language_and_level(const ViewContext& ctx, const core::Reason& r,
                               const std::optional<core::Cefr>& level) {
    std::string text(iso_name(ctx.iso_languages, r.subject));
    if (level) {
        text += " " + std::string(core::to_string(*level));
    }
    return text;
}

// A reason in a few words of the person's language.
std::string reason_text(const ViewContext& ctx, const core::Reason& r) {
    const i18n::Translator& t = *ctx.translator;
    switch (r.kind) {
        case core::ReasonKind::SameOccupation:
            return t("jobs.why.same_occupation");
        case core::ReasonKind::RelatedOccupation:
            return t("jobs.why.related_occupation");
        case core::ReasonKind::HasSkill:
            return t("jobs.why.has_skill");
        case core::ReasonKind::TrainingProvided:
            return t("jobs.why.training_provided");
        case core::ReasonKind::SpeaksLanguage:
            return t.format("jobs.why.speaks_language",
                            {{"language", language_and_level(ctx, r, r.has_level)}});
        case core::ReasonKind::EducationEnough:
            return t("jobs.why.education_enough");
        case core::ReasonKind::NearHome:
            return t("jobs.why.near_home");
        case core::ReasonKind::PreferredPlace:
            return t("jobs.why.preferred_place");
        case core::ReasonKind::PreferredSector:
            return t("jobs.why.preferred_sector");
        case core::ReasonKind::HoursFit:
            return t.format("jobs.why.hours_fit", {{"hours", t(contract_key(r.subject))}});
        case core::ReasonKind::EmployerAppliesForPermit:
            return t("jobs.why.employer_applies_for_permit");
        case core::ReasonKind::NeedsLanguage:
            return t.format("jobs.why.needs_language",
                            {{"language", language_and_level(ctx, r, r.needed_level)}});
        case core::ReasonKind::NeedsEducation:
            return t("jobs.why.needs_education");
        case core::ReasonKind::OtherPlace:
            return t.format("jobs.why.other_place", {{"city", r.subject}});
        case core::ReasonKind::HoursDiffer:
            return t.format("jobs.why.hours_differ", {{"hours", t(contract_key(r.subject))}});
        case core::ReasonKind::NeedsPermit:
            return t("jobs.why.needs_permit");
        case core::ReasonKind::WomenOnly:
            return t("jobs.why.women_only");
        case core::ReasonKind::StartsBeforeAvailable:
            return t("jobs.why.starts_before_available");
    }
    return {};
}

// The one or two reasons a row has room for: the best fit and the worst gap, or the two best
// fits. Where the job is ("other place") is on the row already.
std::vector<const core::Reason*> shown_reasons(const core::JobCard& job) {
    std::vector<const core::Reason*> shown;
    if (!job.fits.empty()) {
        shown.push_back(&job.fits[0]);
    }
    const auto gap = std::find_if(job.missing.begin(), job.missing.end(), [](const auto& r) {
        return r.kind != core::ReasonKind::OtherPlace;
    });
    if (gap != job.missing.end()) {
        shown.push_back(&*gap);
    } else if (job.fits.size() > 1) {
        shown.push_back(&job.fits[1]);
    }
    return shown;
}

// [SECTION] Rows

std::string row_label(const ViewContext& ctx, const core::JobCard& job,
                      std::string_view& language) {
    const auto [lang, title] = core::text_in(job.titles, ctx.language());
    language = lang;
    // The town after the title: one line, and what a script taps by.
    return std::string(title) + " \u2014 " + job.city;
}

// Start-aligned in the page's direction, whatever the text's own: an English title on a Persian
// page still starts at the right edge.
text::Align page_start(const ViewContext& ctx, std::string_view text, std::string_view language) {
    const bool text_rtl = i18n::paragraph_direction(text).value_or(ui_direction(language)) ==
                          i18n::TextDirection::rtl;
    return text_rtl == ctx.rtl() ? text::Align::start : text::Align::end;
}

// Row height: one line, or two when the list is ranked (the reasons under the title).
float row_height(const ViewContext& ctx, bool ranked) {
    return ranked ? ctx.theme.button_h + 0.9F * ctx.theme.em : ctx.theme.button_h;
}

// The reasons' line of a ranked row in [min, max]: a dot (green: fits, amber: missing) and a
// few words each, from the page's start edge.
void draw_reasons(const ViewContext& ctx, const core::JobCard& job, ImVec2 min, ImVec2 max,
                  std::uint32_t ink) {
    const Theme& theme = ctx.theme;
    const float px = std::round(0.8F * theme.em);
    const float dot = 0.22F * theme.em;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    text::LabelStyle style;
    style.pixel_size = px;
    style.colour = to_imgui(ink);
    float along = 0;  // from the start edge
    for (const core::Reason* reason : shown_reasons(job)) {
        const std::string text = reason_text(ctx, *reason);
        const text::ShapedText shaped = ctx.renderer->shape(text, ctx.language(), px);
        ctx.glyphs->check(*shaped.line, text);
        const float text_w = text::measure_text(*ctx.renderer, text, ctx.language(), px).x;
        const float item_w = 2 * dot + 0.4F * theme.em + text_w;
        const float x0 = ctx.rtl() ? max.x - along - item_w : min.x + along;
        const float cy = 0.5F * (min.y + max.y);
        const float dot_x = ctx.rtl() ? x0 + item_w - dot : x0 + dot;
        const std::uint32_t colour =
            core::is_fit(reason->kind) ? theme.colors.selected : theme.colors.pressed;
        draw->AddCircleFilled(ImVec2(dot_x, cy), dot, to_imgui(colour));
        const float text_x = ctx.rtl() ? x0 : x0 + 2 * dot + 0.4F * theme.em;
        text::draw_label(*ctx.renderer, draw, ImVec2(text_x, min.y), ImVec2(text_x + text_w, max.y),
                         text, ctx.language(), style);
        along += item_w + 1.2F * theme.em;
    }
}

// A row of the list: a light button with the title and town, and in a ranked list the reasons
// under them. Registers "jobs.<offer id>" labelled with the title line.
bool job_row(const ViewContext& ctx, const core::JobCard& job, bool ranked, float w, float h) {
    std::string_view language;
    const std::string label = row_label(ctx, job, language);
    const std::string id = std::string(kListId) + "." + job.id;
    if (!ranked) {
        return choice_button(ctx, id, label, false, w, h, language);
    }
    const Theme& theme = ctx.theme;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool tapped = choice_button(ctx, id, {}, false, w, h, language);
    ctx.hits->targets.back().label = label;
    const std::uint32_t ink = ImGui::IsItemActive() ? theme.colors.pressed_text : theme.colors.text;
    const float pad = button_label_padding(theme);
    const ImVec2 min(pos.x + pad, pos.y + 0.15F * theme.em);
    const ImVec2 max(pos.x + w - pad, pos.y + h - 0.15F * theme.em);
    const float split = min.y + 0.55F * (max.y - min.y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(ImVec2(pos.x, pos.y), ImVec2(pos.x + w, pos.y + h), true);
    text::LabelStyle style;
    style.pixel_size = body_px(theme);
    style.colour = to_imgui(ink);
    style.align = page_start(ctx, label, language);
    text::draw_label(*ctx.renderer, draw, min, ImVec2(max.x, split), label, language, style);
    draw_reasons(ctx, job, ImVec2(min.x, split), max, ink);
    draw->PopClipRect();
    return tapped;
}

// [SECTION] Filters

// One filter choice across the column at the cursor; true when tapped.
struct Column {
    float x = 0;  // window-local
    float w = 0;
};

bool filter_button(const ViewContext& ctx, const Column& col, std::string_view id,
                   std::string_view label, bool selected, std::string_view language = {}) {
    ImGui::SetCursorPosX(col.x);
    return choice_button(ctx, id, label, selected, col.w, ctx.theme.button_h, language);
}

void group_heading(const ViewContext& ctx, const Column& col, std::string_view text) {
    const float w = col.w;
    ImGui::SetCursorPosX(col.x);
    text::LabelStyle style;
    style.pixel_size = body_px(ctx.theme);
    style.colour = to_imgui(ctx.theme.colors.muted);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = 1.6F * ctx.theme.em;
    text::draw_label(*ctx.renderer, ImGui::GetWindowDrawList(), at, ImVec2(at.x + w, at.y + h),
                     text, ctx.language(), style);
    ImGui::Dummy(ImVec2(w, h - ctx.theme.gap));
}

// The filters' column, `size` at the cursor. Returns the filters after this frame's tap.
std::optional<core::JobFilters> filter_column(const core::Session& session, const ViewContext& ctx,
                                              const core::JobListFacts& facts, ImVec2 size) {
    const core::JobFilters& now = session.job_filters;
    std::optional<core::JobFilters> chosen;
    auto choose = [&](auto change) {
        core::JobFilters f = now;
        change(f);
        chosen = f;
    };
    begin_touch_scroll(ctx, kFiltersId, size);
    // Room for the position bar at the end edge.
    const float w = std::max(0.0F, size.x - 0.6F * ctx.theme.em);
    const Column col{ctx.rtl() ? size.x - w : 0.0F, w};
    if (session.registered) {
        if (filter_button(ctx, col, "filter.my_languages", ctx.text("jobs.my_languages"),
                          now.my_languages)) {
            choose([&](core::JobFilters& f) { f.my_languages = !now.my_languages; });
        }
    }
    group_heading(ctx, col, ctx.text("job.place"));
    if (filter_button(ctx, col, "filter.city.all", ctx.text("jobs.all"), now.city_key.empty())) {
        choose([](core::JobFilters& f) {
            f.city_key.clear();
            f.city.clear();
        });
    }
    for (const core::JobCity& city : facts.cities) {
        const std::string label = city.name + "  (" + ctx.translator->count(city.offers) + ")";
        if (filter_button(ctx, col, "filter.city." + city.key, label, now.city_key == city.key,
                          "en")) {
            choose([&](core::JobFilters& f) {
                f.city_key = city.key;
                f.city = city.name;
            });
        }
    }
    group_heading(ctx, col, ctx.text("job.contract"));
    if (filter_button(ctx, col, "filter.contract.all", ctx.text("jobs.all"),
                      now.contract.empty())) {
        choose([](core::JobFilters& f) { f.contract.clear(); });
    }
    for (const std::string_view contract : {"full_time", "part_time", "seasonal"}) {
        if (filter_button(ctx, col, "filter.contract." + std::string(contract),
                          ctx.text(contract_key(contract)), now.contract == contract)) {
            choose([&](core::JobFilters& f) { f.contract = contract; });
        }
    }
    group_heading(ctx, col, ctx.text("job.sector"));
    if (filter_button(ctx, col, "filter.sector.all", ctx.text("jobs.all"), now.sector.empty())) {
        choose([](core::JobFilters& f) { f.sector.clear(); });
    }
    for (const std::string& letter : facts.sectors) {
        if (filter_button(ctx, col, "filter.sector." + letter, ctx.text("reg.isic." + letter),
                          now.sector == letter)) {
            choose([&](core::JobFilters& f) { f.sector = letter; });
        }
    }
    end_touch_scroll(ctx, kFiltersId);
    return chosen;
}

// "25 jobs", "1000+ jobs" in the person's digits.
std::string count_label(const ViewContext& ctx, const core::JobListFacts& facts) {
    if (facts.more) {
        return ctx.translator->format("jobs.count_more",
                                      {{"n", ctx.translator->count(facts.matches)}});
    }
    return ctx.count_text("jobs.count", facts.matches, "n");
}

}  // namespace

void draw_jobs(const core::Session& session, const ViewContext& ctx,
               std::vector<core::Intent>& out) {
    const Theme& theme = ctx.theme;
    const core::JobListFacts* facts = ctx.job_facts;
    const bool ranked = facts != nullptr && facts->ranked;
    page_title(ctx, ctx.text(ranked ? "jobs.for_you" : "jobs.title"));
    ImGui::Dummy(ImVec2(0, 0.2F * theme.em));
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float left = ImGui::GetCursorPosX();
    const float top = ImGui::GetCursorPosY();
    // The list at the start edge, the filters beside it at the end edge.
    const float filters_w =
        facts == nullptr ? 0.0F : std::clamp(0.3F * avail.x, theme.button_min_w, 0.4F * avail.x);
    const float list_w = facts == nullptr ? avail.x : avail.x - filters_w - theme.gap;
    const float list_x = start_x(left, avail.x, 0, list_w, ctx.rtl());
    const float filters_x = start_x(left, avail.x, avail.x - filters_w, filters_w, ctx.rtl());

    ImGui::SetCursorPosX(list_x);
    const float field_y = ImGui::GetCursorPosY();
    text_field(session, ctx, "search", "common.search", list_w, out);
    const float list_top = ImGui::GetCursorPosY();
    const float below = theme.button_h + theme.gap + keyboard_height(session, ctx);
    const float list_h = std::max(0.0F, top + avail.y - below - list_top);

    // The list first: a script's drag takes the first scrolling region it finds.
    ImGui::SetCursorPos(ImVec2(list_x, list_top));
    const std::vector<core::JobCard>* jobs = ctx.jobs;
    if (jobs == nullptr || jobs->empty()) {
        text::ParagraphStyle style;
        style.pixel_size = body_px(theme);
        style.colour = to_imgui(theme.colors.muted);
        const float h = text::draw_paragraph(*ctx.renderer, ImGui::GetWindowDrawList(),
                                             ImGui::GetCursorScreenPos(), list_w,
                                             ctx.text("jobs.none"), ctx.language(), style);
        ImGui::Dummy(ImVec2(list_w, h));
    } else {
        const auto tapped = touch_rows(
            ctx, kListId, jobs->size(), row_height(ctx, ranked),
            [&](std::size_t i, float w, float h) { return job_row(ctx, (*jobs)[i], ranked, w, h); },
            ImVec2(list_w, list_h));
        if (tapped) {
            out.emplace_back(core::OpenJob{(*jobs)[*tapped].id});
        }
    }

    if (facts != nullptr) {
        // How many match, beside the search field, over the filters.
        ImGui::SetCursorPos(ImVec2(filters_x, field_y));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        text::LabelStyle style;
        style.pixel_size = body_px(theme);
        style.colour = to_imgui(theme.colors.text);
        style.align = text::Align::centre;
        const std::string count = count_label(ctx, *facts);
        text::draw_label(*ctx.renderer, ImGui::GetWindowDrawList(), at,
                         ImVec2(at.x + filters_w, at.y + theme.button_h), count, ctx.language(),
                         style);
        ImGui::SetCursorPos(ImVec2(filters_x, list_top));
        if (auto chosen = filter_column(session, ctx, *facts, ImVec2(filters_w, list_h))) {
            out.emplace_back(core::FilterJobs{std::move(*chosen)});
        }
    }

    const float bw = std::min(theme.button_min_w * 1.5F, avail.x);
    ImGui::SetCursorPos(ImVec2(start_x(left, avail.x, 0, bw, ctx.rtl()),
                               top + avail.y - keyboard_height(session, ctx) - theme.button_h));
    if (big_button(ctx, "nav.back", ctx.text("common.back"), bw, theme.button_h)) {
        out.emplace_back(core::Back{});
    }
}

}  // namespace kiosk::ui

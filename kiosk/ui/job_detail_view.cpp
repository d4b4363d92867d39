// Screen::JobDetail: one offer (ctx.job) in plain words, for a person deciding whether to ask
// about it: the title and description in their language when the offer has them (else English,
// else the first), then one row per fact, named in the person's language: employer, place, field
// of work, contract and hours, pay, languages needed ("Türkçe B1"), school needed, work permit,
// start, last day, what the employer offers, and how to apply (through the centre). Facts the
// offer does not state are left out rather than shown empty. Dates and counts use the digits of
// the kiosk's setting. When the offer is gone (withdrawn or expired since the list was drawn),
// the page says so and only Back remains.
//
// "I'm interested" sits at the end corner, where the way on is on every page. Once the interest
// is stored the button gives way to a line saying so, and that stays for the rest of the visit;
// a failed save says so above the buttons and the button stays, to try again.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include "kiosk/i18n/numbers.hpp"
#include "kiosk/i18n/script.hpp"
#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/step_parts.hpp"
#include "kiosk/ui/text/widgets.hpp"
#include "kiosk/ui/touch_list.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

constexpr std::string_view kScrollId = "job";

// "2027-03-01" as the language writes dates; the text as it is when it is not a date.
std::string date_text(const ViewContext& ctx, const std::string& iso) {
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    if (std::sscanf(iso.c_str(), "%4d-%2u-%2u", &y, &m, &d) == 3) {
        const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{m},
                                               std::chrono::day{d}};
        if (date.ok()) {
            return i18n::format_date(date, ctx.language(), ctx.translator->digits().counts);
        }
    }
    return iso;
}

// An amount in cents: "25000" or "87.50", with the digits of the kiosk's setting.
std::string amount_text(const ViewContext& ctx, std::int64_t cents) {
    std::string text = std::to_string(cents / 100);
    if (const std::int64_t rest = cents % 100; rest != 0) {
        text += rest < 10 ? ".0" : ".";
        text += std::to_string(rest);
    }
    return i18n::localize_digits(text, ctx.language(), ctx.translator->digits().counts);
}

// Start-aligned in the page's direction, whatever the text's own: an English title on a Persian
// page still starts at the right edge.
text::Align page_start(const ViewContext& ctx, std::string_view text) {
    const bool text_rtl =
        i18n::paragraph_direction(text).value_or(ctx.direction) == i18n::TextDirection::rtl;
    return text_rtl == ctx.rtl() ? text::Align::start : text::Align::end;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& p : parts) {
        out += out.empty() ? "" : ", ";
        out += p;
    }
    return out;
}

// The rows of the scrolling column: `width` wide from `x`, clear of its position bar.
struct Rows {
    const ViewContext& ctx;
    float x;
    float width;
    void operator()(std::string_view name, std::string_view value,
                    std::string_view language = {}) const {
        ImGui::SetCursorPosX(x);
        fact_row(ctx, name, value, language, width);
    }
};

// A value that mixes digits and a Latin code ("5.50 - 7 EUR") reads in the page's direction:
// on a right-to-left page it starts with a right-to-left mark.
std::string in_page_direction(const ViewContext& ctx, std::string value) {
    return ctx.rtl() ? "\u200F" + value : value;
}

void facts(const ViewContext& ctx, const Rows& row, const core::JobCard& job) {
    row(ctx.text("job.employer"), job.employer, "en");
    row(ctx.text("job.place"),
        job.region.empty() || job.region == job.city ? job.city : job.city + ", " + job.region,
        "en");
    if (!job.sector.empty()) {
        row(ctx.text("job.sector"), ctx.text("reg.isic." + job.sector));
    }
    const std::string_view contract =
        job.contract == core::ContractKind::FullTime   ? i18n::key("reg.hours.full_time")
        : job.contract == core::ContractKind::PartTime ? i18n::key("reg.hours.part_time")
                                                       : i18n::key("job.seasonal");
    row(ctx.text("job.contract"), ctx.text(contract));
    if (job.hours_per_week > 0) {
        row(ctx.text("job.hours"), ctx.translator->count(job.hours_per_week));
    }
    if (job.pay) {
        std::string pay = amount_text(ctx, job.pay->min_cents);
        if (job.pay->max_cents != job.pay->min_cents) {
            pay += " \u2013 " + amount_text(ctx, job.pay->max_cents);
        }
        pay += " " + job.pay->currency;
        row(ctx.text(job.pay->period == "hour" ? "job.pay_hour" : "job.pay_month"),
            in_page_direction(ctx, std::move(pay)));
    }
    if (!job.languages.empty()) {
        std::vector<std::string> needs;
        for (const core::LanguageNeed& need : job.languages) {
            needs.push_back(std::string(iso_name(ctx.iso_languages, need.code)) + " " +
                            std::string(core::to_string(need.level)));
        }
        row(ctx.text("job.languages"), joined(needs));
    }
    if (job.min_education > 0) {
        row(ctx.text("job.education"), ctx.text("reg.isced." + std::to_string(job.min_education)));
    }
    row(ctx.text("job.permit"),
        ctx.text(job.permit_required ? "job.permit_required" : "job.permit_employer"));
    row(ctx.text("job.starts"),
        job.start_date.empty() ? ctx.text("job.starts_now") : date_text(ctx, job.start_date));
    row(ctx.text("job.until"), date_text(ctx, job.expires));
    if (!job.flags.empty()) {
        std::vector<std::string> offers;
        for (const std::string& flag : job.flags) {
            offers.push_back(ctx.text("job.flag." + flag));
        }
        row(ctx.text("job.offers"), joined(offers));
    }
}

// The end corner of the bottom row (`row` is its start-left corner in cursor coordinates):
// "I'm interested", or the line that says it was sent; a failed save is said just above.
void interest_corner(const core::Session& session, const ViewContext& ctx, ImVec2 row, float width,
                     float bw, std::vector<core::Intent>& out) {
    const Theme& theme = ctx.theme;
    const bool sent = std::find(session.interests_sent.begin(), session.interests_sent.end(),
                                session.job_id) != session.interests_sent.end();
    text::ParagraphStyle note;
    note.pixel_size = body_px(theme);
    if (!session.interest_error.empty() && !sent) {
        note.colour = to_imgui(theme.colors.error);
        note.align = text::Align::end;
        const std::string& failed = ctx.text("interest.failed");
        const float w = width - bw - theme.gap;
        const float h = text::measure_paragraph(*ctx.renderer, failed, ctx.language(), w, note);
        ImGui::SetCursorPos(
            ImVec2(start_x(row.x, width, width - w, w, ctx.rtl()), row.y - theme.gap - h));
        text::draw_paragraph(*ctx.renderer, ImGui::GetWindowDrawList(), ImGui::GetCursorScreenPos(),
                             w, failed, ctx.language(), note);
    }
    if (sent) {
        note.colour = to_imgui(theme.colors.selected);
        note.align = text::Align::end;
        const float w = width - bw - theme.gap;
        ImGui::SetCursorPos(ImVec2(start_x(row.x, width, width - w, w, ctx.rtl()), row.y));
        text::draw_paragraph(*ctx.renderer, ImGui::GetWindowDrawList(), ImGui::GetCursorScreenPos(),
                             w, ctx.text("interest.sent"), ctx.language(), note);
        return;
    }
    ImGui::SetCursorPos(ImVec2(start_x(row.x, width, width - bw, bw, ctx.rtl()), row.y));
    if (big_button(ctx, "interest.express", ctx.text("interest.express"), bw, theme.button_h)) {
        out.emplace_back(core::ExpressInterest{});
    }
}

}  // namespace

void draw_job_detail(const core::Session& session, const ViewContext& ctx,
                     std::vector<core::Intent>& out) {
    const Theme& theme = ctx.theme;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float left = ImGui::GetCursorPosX();
    const float top = ImGui::GetCursorPosY();
    const core::JobCard* job = ctx.job;
    if (job == nullptr) {
        page_title(ctx, ctx.text("jobs.none"));
    } else {
        const auto [title_language, title] = core::text_in(job->titles, ctx.language());
        text::ParagraphStyle heading;
        heading.pixel_size = title_px(theme);
        heading.colour = to_imgui(theme.colors.text);
        heading.align = page_start(ctx, title);
        text::shaped_paragraph(*ctx.renderer, title, title_language, heading);
        ImGui::Dummy(ImVec2(0, 0.3F * theme.em));

        const float scroll_h =
            std::max(0.0F, avail.y - (ImGui::GetCursorPosY() - top) - theme.button_h - theme.gap);
        begin_touch_scroll(ctx, kScrollId, ImVec2(avail.x, scroll_h));
        // The position bar runs along the end edge (the left one in right-to-left pages).
        const float bar_room = 0.6F * theme.em;
        const float inner_w = std::max(0.0F, ImGui::GetContentRegionAvail().x - bar_room);
        const Rows rows{ctx, ImGui::GetCursorPosX() + (ctx.rtl() ? bar_room : 0.0F), inner_w};
        text::ParagraphStyle body;
        body.pixel_size = body_px(theme);
        body.colour = to_imgui(theme.colors.text);
        const auto [text_language, description] = core::text_in(job->descriptions, ctx.language());
        if (!description.empty()) {
            body.align = page_start(ctx, description);
            ImGui::SetCursorPosX(rows.x);
            const float h = text::draw_paragraph(*ctx.renderer, ImGui::GetWindowDrawList(),
                                                 ImGui::GetCursorScreenPos(), inner_w, description,
                                                 text_language, body);
            ImGui::Dummy(ImVec2(inner_w, h + 0.5F * theme.em));
        }
        facts(ctx, rows, *job);
        ImGui::Dummy(ImVec2(0, 0.5F * theme.em));
        const bool centre = job->contact.empty() || job->contact == "centre";
        rows(ctx.text("job.contact"), centre ? ctx.text("job.contact_centre") : job->contact,
             centre ? std::string_view{} : title_language);
        end_touch_scroll(ctx, kScrollId);
    }

    const float bw = std::min(theme.button_min_w * 1.5F, (avail.x - theme.gap) / 2);
    const float row_y = top + avail.y - theme.button_h;
    ImGui::SetCursorPos(ImVec2(start_x(left, avail.x, 0, bw, ctx.rtl()), row_y));
    if (big_button(ctx, "nav.back", ctx.text("common.back"), bw, theme.button_h)) {
        out.emplace_back(core::Back{});
    }
    if (job != nullptr) {
        interest_corner(session, ctx, ImVec2(left, row_y), avail.x, bw, out);
    }
}

}  // namespace kiosk::ui

// Screen::Availability: when the person can start, how much they can work, and their work
// permit, each a group of choice buttons. A tap records the draft with that answer.
#include <array>

#include "kiosk/ui/step_page.hpp"
#include "kiosk/ui/step_parts.hpp"
#include "kiosk/ui/touch_list.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

namespace {

constexpr std::array kWhen = {core::AvailableFrom::Now, core::AvailableFrom::WithinAMonth,
                              core::AvailableFrom::Later};
constexpr std::array kPermits = {core::WorkPermit::HasPermit, core::WorkPermit::Applied,
                                 core::WorkPermit::NoPermit, core::WorkPermit::NotNeeded,
                                 core::WorkPermit::DoesNotKnow};

const std::string& when_label(const ViewContext& ctx, core::AvailableFrom value) {
    switch (value) {
        case core::AvailableFrom::Now:
            return ctx.text("reg.availability_when.now");
        case core::AvailableFrom::WithinAMonth:
            return ctx.text("reg.availability_when.within_a_month");
        case core::AvailableFrom::Later:
            break;
    }
    return ctx.text("reg.availability_when.later");
}

const std::string& permit_label(const ViewContext& ctx, core::WorkPermit value) {
    switch (value) {
        case core::WorkPermit::HasPermit:
            return ctx.text("reg.work_permit.has_permit");
        case core::WorkPermit::Applied:
            return ctx.text("reg.work_permit.applied");
        case core::WorkPermit::NoPermit:
            return ctx.text("reg.work_permit.no_permit");
        case core::WorkPermit::NotNeeded:
            return ctx.text("reg.work_permit.not_needed");
        case core::WorkPermit::DoesNotKnow:
            break;
    }
    return ctx.text("reg.work_permit.does_not_know");
}

}  // namespace

void draw_availability(const core::Session& session, const ViewContext& ctx,
                       std::vector<core::Intent>& out) {
    const ImVec2 area = begin_step_page(session, ctx, "reg.availability.title");
    begin_touch_scroll(ctx, "availability.scroll", area);
    const core::Registration& draft = session.draft;
    core::Registration edited = draft;
    bool changed = false;
    if (const auto when =
            choice_question(session, ctx, ctx.text("reg.availability_when.label"),
                            "availability.when", kWhen, draft.availability.when, when_label)) {
        edited.availability.when = *when;
        changed = true;
    }
    if (const auto hours = choice_question(session, ctx, ctx.text("reg.availability_hours.label"),
                                           "availability.hours", kHoursChoices,
                                           draft.availability.hours, hours_label)) {
        edited.availability.hours = *hours;
        changed = true;
    }
    if (const auto permit =
            choice_question(session, ctx, ctx.text("reg.work_permit.label"), "work_permit",
                            kPermits, draft.work_permit, permit_label)) {
        edited.work_permit = *permit;
        changed = true;
    }
    end_touch_scroll(ctx, "availability.scroll");
    if (changed) {
        push_draft(out, std::move(edited));
    }
    end_step_page(session, ctx, out);
}

}  // namespace kiosk::ui

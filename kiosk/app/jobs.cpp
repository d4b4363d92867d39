#include "kiosk/app/jobs.hpp"

#include <chrono>
#include <cstdio>

#include "kiosk/store/job_search.hpp"
#include "kiosk/store/sync_state.hpp"
#include "platform/log.hpp"

namespace kiosk::app {

core::JobCard job_card(const sync::JobOffer& offer) {
    core::JobCard card;
    card.id = offer.id;
    card.titles.assign(offer.title.begin(), offer.title.end());
    card.descriptions.assign(offer.description.begin(), offer.description.end());
    card.employer = offer.employer;
    card.city = offer.city;
    card.region = offer.region;
    card.country = offer.country;
    card.sector = offer.sector;
    card.contract = offer.contract == sync::Contract::full_time   ? core::ContractKind::FullTime
                    : offer.contract == sync::Contract::part_time ? core::ContractKind::PartTime
                                                                  : core::ContractKind::Seasonal;
    card.hours_per_week = offer.hours_per_week;
    if (offer.pay) {
        card.pay = core::JobPay{offer.pay->min_cents, offer.pay->max_cents, offer.pay->currency,
                                std::string(sync::to_string(offer.pay->period))};
    }
    for (const sync::RequiredLanguage& need : offer.languages) {
        card.languages.push_back(core::LanguageNeed{need.code, need.level});
    }
    card.min_education = offer.min_education;
    card.permit_required = offer.work_permit == sync::PermitRule::required;
    for (const sync::OfferFlag flag : offer.flags) {
        card.flags.emplace_back(sync::to_string(flag));
    }
    card.start_date = offer.start_date;
    card.expires = offer.expires;
    card.contact = offer.contact;
    return card;
}

std::string iso_day(std::int64_t unix_seconds) {
    const std::chrono::sys_days day = std::chrono::floor<std::chrono::days>(
        std::chrono::sys_seconds{std::chrono::seconds{unix_seconds}});
    const std::chrono::year_month_day ymd{day};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return text;
}

namespace {

void read_list(store::Database& db, const core::Session& session, std::string_view today,
               JobScreens& screens) {
    screens.list.clear();
    screens.list_query = session.search;
    screens.list_read = true;
    auto found =
        store::search_offers(db, store::OfferQuery(session.search), {}, today, kJobListLimit);
    if (!found) {
        platform::log_error(found.error().code, "the job offers could not be read");
        return;
    }
    screens.list.reserve(found->size());
    for (const sync::JobOffer& offer : *found) {
        screens.list.push_back(job_card(offer));
    }
}

void read_detail(store::Database& db, const core::Session& session, std::string_view today,
                 JobScreens& screens) {
    screens.detail.reset();
    screens.detail_id = session.job_id;
    auto body = store::find_offer(db, session.job_id);
    if (!body) {
        platform::log_error(body.error().code, "the job offer could not be read");
        return;
    }
    if (!body->has_value()) {
        return;  // withdrawn since the list was drawn
    }
    const sync::OfferRead read = sync::read_offer_text(**body, sync::UnknownFields::ignore);
    if (read.ok() && !sync::is_expired(read.offer, today)) {
        screens.detail = job_card(read.offer);
    }
}

}  // namespace

void refresh_job_screens(store::Database& db, const core::Session& session, std::string_view today,
                         JobScreens& screens) {
    switch (session.screen) {
        case core::Screen::Jobs:
            if (!screens.list_read || screens.list_query != session.search) {
                read_list(db, session, today, screens);
            }
            screens.detail.reset();
            screens.detail_id.clear();
            return;
        case core::Screen::JobDetail:
            if (screens.detail_id != session.job_id) {
                read_detail(db, session, today, screens);
            }
            screens.list_read = false;  // back on the list: read again (offers may have changed)
            return;
        default:
            screens = JobScreens{};
            return;
    }
}

}  // namespace kiosk::app

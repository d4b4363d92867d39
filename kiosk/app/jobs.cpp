#include "kiosk/app/jobs.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <limits>
#include <string_view>

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

store::OfferFilters offer_filters(const core::Session& session) {
    const core::JobFilters& f = session.job_filters;
    store::OfferFilters filters;
    filters.city = f.city_key;
    filters.sector = f.sector;
    filters.contract = sync::parse_contract(f.contract);
    if (f.my_languages && session.registered) {
        filters.speaks = session.registered->profile.languages;
    }
    return filters;
}

namespace {

// The ISIC Rev. 4 sections an offer can name.
constexpr std::string_view kSectionLetters = "ABCDEFGHIJKLMNOPQRSTU";

// The filters' choices: the cities with their counts, and the sections some open offer names
// (one indexed look-up each, stopping at the first offer).
void read_facets(store::Database& db, std::string_view today, JobScreens& screens) {
    screens.facets_read = true;
    screens.facts.cities.clear();
    screens.facts.sectors.clear();
    if (auto cities = store::offer_cities(db, today)) {
        for (store::CityCount& c : *cities) {
            screens.facts.cities.push_back(
                core::JobCity{std::move(c.city), std::move(c.key), c.offers});
        }
    } else {
        platform::log_error(cities.error().code, "the cities of the job offers could not be read");
    }
    for (const char letter : kSectionLetters) {
        store::OfferFilters filters;
        filters.sector = std::string(1, letter);
        auto found = store::count_offers(db, store::OfferQuery(), filters, today, 1);
        if (!found) {
            platform::log_error(found.error().code, "the job sectors could not be read");
            return;
        }
        if (*found > 0) {
            screens.facts.sectors.push_back(filters.sector);
        }
    }
}

core::JobCard ranked_card(const sync::JobOffer& offer, const core::RankedOffer& rank) {
    core::JobCard card = job_card(offer);
    card.fits = rank.fits;
    card.missing = rank.missing;
    return card;
}

// "Jobs for you": ranks every match. Without a search the facts come from the index (no JSON
// read) and the rows' offers are read later, a page at a time; with one, the matches are read
// (they are what the search found, usually few) and ranked as they are.
void rank_list(store::Database& db, const core::Session& session, std::string_view today,
               const store::OfferFilters& filters, JobScreens& screens) {
    const core::RankingProfile profile =
        core::ranking_profile(session.registered->profile, store::fold_place);
    const store::OfferQuery query(session.search);
    if (query.empty()) {
        auto rankable = store::load_rankable_offers(db, today, filters);
        if (!rankable) {
            platform::log_error(rankable.error().code, "the job offers could not be ranked");
            return;
        }
        std::vector<core::OfferFacts> facts;
        facts.reserve(rankable->size());
        for (store::RankableOffer& offer : *rankable) {
            facts.push_back(std::move(offer.facts));
        }
        for (core::RankedOffer& rank : core::rank_offers(profile, facts, today)) {
            screens.ranked.push_back(RankedRow{std::move((*rankable)[rank.index].id),
                                               std::move(rank.fits), std::move(rank.missing)});
        }
        screens.facts.matches = static_cast<std::int64_t>(screens.ranked.size());
        return;
    }
    auto found = store::search_offers(db, query, filters, today, std::numeric_limits<int>::max());
    if (!found) {
        platform::log_error(found.error().code, "the job offers could not be read");
        return;
    }
    std::vector<core::OfferFacts> facts;
    facts.reserve(found->size());
    for (const sync::JobOffer& offer : *found) {
        facts.push_back(store::offer_facts(offer));
    }
    for (const core::RankedOffer& rank : core::rank_offers(profile, facts, today)) {
        screens.list.push_back(ranked_card((*found)[rank.index], rank));
    }
    screens.facts.matches = static_cast<std::int64_t>(screens.list.size());
    screens.list_complete = true;
}

// The first rows of the list for the session's search and filters, its count and its order.
void read_list(store::Database& db, const core::Session& session, std::string_view today,
               JobScreens& screens) {
    screens.list.clear();
    screens.ranked.clear();
    screens.ranked_next = 0;
    screens.list_offset = 0;
    screens.list_complete = false;
    screens.list_query = session.search;
    screens.list_filters = session.job_filters;
    screens.list_ranked = session.registered.has_value();
    screens.list_read = true;
    screens.facts.matches = 0;
    screens.facts.more = false;
    screens.facts.ranked = screens.list_ranked;
    const store::OfferFilters filters = offer_filters(session);
    if (screens.list_ranked) {
        rank_list(db, session, today, filters, screens);
        return;
    }
    auto count = store::count_offers(db, store::OfferQuery(session.search), filters, today,
                                     kJobCountCap + 1);
    if (!count) {
        platform::log_error(count.error().code, "the job offers could not be counted");
        screens.list_complete = true;
        return;
    }
    screens.facts.matches = std::min(*count, kJobCountCap);
    screens.facts.more = *count > kJobCountCap;
}

// One more page of the list: the next matches, newest first, or the next ranked offers.
void read_page(store::Database& db, const core::Session& session, std::string_view today,
               JobScreens& screens) {
    if (screens.list_ranked) {
        const std::size_t end = std::min(screens.ranked.size(), screens.ranked_next + kJobPage);
        for (; screens.ranked_next < end; ++screens.ranked_next) {
            const RankedRow& row = screens.ranked[screens.ranked_next];
            auto body = store::find_offer(db, row.id);
            if (!body) {
                platform::log_error(body.error().code, "the job offer could not be read");
                screens.list_complete = true;
                return;
            }
            if (!body->has_value()) {
                continue;  // withdrawn since it was ranked
            }
            const sync::OfferRead read = sync::read_offer_text(**body, sync::UnknownFields::ignore);
            if (read.ok()) {
                core::JobCard card = job_card(read.offer);
                card.fits = row.fits;
                card.missing = row.missing;
                card.descriptions.clear();  // a row shows none; JobDetail reads the offer again
                screens.list.push_back(std::move(card));
            }
        }
        screens.list_complete = screens.ranked_next >= screens.ranked.size();
        return;
    }
    auto found =
        store::search_offers(db, store::OfferQuery(session.search), offer_filters(session), today,
                             static_cast<int>(kJobPage), static_cast<int>(screens.list_offset));
    if (!found) {
        platform::log_error(found.error().code, "the job offers could not be read");
        screens.list_complete = true;
        return;
    }
    screens.list_offset += found->size();
    screens.list_complete = found->size() < kJobPage;
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
                         JobScreens& screens, std::size_t rows_wanted) {
    switch (session.screen) {
        case core::Screen::Jobs:
            if (!screens.facets_read) {
                read_facets(db, today, screens);
            }
            if (!screens.list_read || screens.list_query != session.search ||
                screens.list_filters != session.job_filters ||
                screens.list_ranked != session.registered.has_value()) {
                read_list(db, session, today, screens);
            }
            while (!screens.list_complete && screens.list.size() < rows_wanted) {
                read_page(db, session, today, screens);
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

// The job screens' data (Jobs, JobDetail): read from the kiosk's store by the app, between
// frames, while one of them shows; the views only draw what is here.
//
// The Jobs list is read a page at a time, as far as the person has scrolled and a page ahead, so
// a list of 10,000 offers opens as fast as one of ten and a fling never reaches the end of what
// was read. "Jobs for you" (the person registered in this visit) ranks every match at once
// (core::rank_offers needs them all) and reads the offers themselves a page at a time too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/job_card.hpp"
#include "kiosk/core/ranking.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/store/database.hpp"
#include "kiosk/store/job_search.hpp"
#include "sync/protocol/offer.hpp"

namespace kiosk::app {

// Rows read at a time: more than a 1080p screen shows, few enough to read within a frame.
inline constexpr std::size_t kJobPage = 100;
// The count above the list stops here and reads "1000+": counting further reads every match.
inline constexpr std::int64_t kJobCountCap = 1000;

// A row of "Jobs for you": its offer and why it fits, in ranked order.
struct RankedRow {
    std::string id;
    std::vector<core::Reason> fits;
    std::vector<core::Reason> missing;
};

struct JobScreens {
    // Jobs
    std::vector<core::JobCard> list;  // the rows read so far, in the list's order
    core::JobListFacts facts;         // count, order, the filters' choices
    std::string list_query;           // what `list` was read for
    core::JobFilters list_filters;
    bool list_ranked = false;
    bool list_read = false;         // false: read again before the next frame
    bool list_complete = false;     // every match is in `list`
    std::vector<RankedRow> ranked;  // "Jobs for you": every match, ranked
    std::size_t ranked_next = 0;    // the next of `ranked` to read into `list`
    std::size_t list_offset = 0;    // newest first: matches read so far (the next offset)
    bool facets_read = false;       // facts.cities and .sectors, once per visit to the list
    // JobDetail
    std::optional<core::JobCard> detail;  // the offer, unless it is gone
    std::string detail_id;                // what `detail` was read for
};

// The view model of an offer.
core::JobCard job_card(const sync::JobOffer& offer);

// "YYYY-MM-DD" of `unix_seconds` (UTC): the day expired offers are hidden from.
std::string iso_day(std::int64_t unix_seconds);

// The store's filters for the session's (JobFilters): "my languages are enough" compares with
// the languages of the registration saved in this visit, and is off without one.
store::OfferFilters offer_filters(const core::Session& session);

// Reads what `session`'s screen shows, only when it changed: the list when the search, the
// filters or the registration changed or the screen was just opened, then more of it until it
// holds `rows_wanted` rows (or every match); the detail when another offer is opened. Off the
// job screens it forgets both (the next visit reads offers pulled meanwhile). A store error
// leaves the list as read so far (empty: the screen says no offer matches) and is logged by code.
void refresh_job_screens(store::Database& db, const core::Session& session, std::string_view today,
                         JobScreens& screens, std::size_t rows_wanted = kJobPage);

}  // namespace kiosk::app

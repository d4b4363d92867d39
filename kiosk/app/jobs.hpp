// The job screens' data (Jobs, JobDetail): read from the kiosk's store by the app, between
// frames, while one of them shows; the views only draw what is here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/job_card.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/store/database.hpp"
#include "sync/protocol/offer.hpp"

namespace kiosk::app {

// How many offers the list holds at most: the newest matches. A person refines the search
// rather than scrolling through thousands.
inline constexpr int kJobListLimit = 500;

struct JobScreens {
    std::vector<core::JobCard> list;      // Jobs: the open offers matching list_query
    std::string list_query;               // what `list` was read for
    bool list_read = false;               // false: read again before the next frame
    std::optional<core::JobCard> detail;  // JobDetail: the offer, unless it is gone
    std::string detail_id;                // what `detail` was read for
};

// The view model of an offer.
core::JobCard job_card(const sync::JobOffer& offer);

// "YYYY-MM-DD" of `unix_seconds` (UTC): the day expired offers are hidden from.
std::string iso_day(std::int64_t unix_seconds);

// Reads what `session`'s screen shows, only when it changed: the list when the search changed
// or the screen was just opened, the detail when another offer is opened. Off the job screens it
// forgets both (the next visit reads offers pulled meanwhile). A store error leaves an empty
// list (the screen says no offer matches) and is logged by code.
void refresh_job_screens(store::Database& db, const core::Session& session, std::string_view today,
                         JobScreens& screens);

}  // namespace kiosk::app

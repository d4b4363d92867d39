// Made-up job offers for tests of the kiosk's offer store, search and screens.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>

#include "sync/protocol/offer.hpp"

namespace kiosk::store::testing {

// A valid offer that says little: tests set what they look for.
inline sync::JobOffer made_up_offer(std::string id, std::map<std::string, std::string> title,
                                    std::string city = "Bursa",
                                    std::function<void(sync::JobOffer&)> more = {},
                                    std::string expires = "2027-06-30") {
    sync::JobOffer o;
    o.id = std::move(id);
    o.title = std::move(title);
    o.employer = "Example Works (made up)";
    o.city = std::move(city);
    o.country = "TR";
    o.sector = "C";
    o.occupation = "9329";
    o.contract = sync::Contract::full_time;
    o.hours_per_week = 40;
    o.work_permit = sync::PermitRule::employer_applies;
    o.expires = std::move(expires);
    if (more) {
        more(o);
    }
    const sync::OfferRead check = sync::read_offer_text(sync::canonical_offer_text(o));
    EXPECT_TRUE(check.ok()) << o.id << ": "
                            << (check.errors.empty() ? "" : check.errors.front().text());
    return o;
}

}  // namespace kiosk::store::testing

// What the job screens show of one offer: the fields of a job offer (sync/protocol/offer.hpp)
// as plain values, read by the app from the kiosk's offers and handed to the views, which do no
// I/O. Words for people come from the catalogue; this holds codes and the offer's own texts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/core/ranking.hpp"

namespace kiosk::core {

struct JobPay {
    std::int64_t min_cents = 0;
    std::int64_t max_cents = 0;
    std::string currency;  // ISO 4217: "TRY", "EUR"
    std::string period;    // "hour" | "month"
    bool operator==(const JobPay&) const = default;
};

struct JobCard {
    std::string id;
    std::vector<std::pair<std::string, std::string>> titles;        // language tag -> text
    std::vector<std::pair<std::string, std::string>> descriptions;  // language tag -> text
    std::string employer;
    std::string city;
    std::string region;   // "" when none
    std::string country;  // ISO 3166-1 alpha-2
    std::string sector;   // ISIC section letter
    ContractKind contract = ContractKind::FullTime;
    int hours_per_week = 0;
    std::optional<JobPay> pay;
    std::vector<LanguageNeed> languages;
    int min_education = 0;  // ISCED level; 0: none needed
    bool permit_required = true;
    std::vector<std::string> flags;  // "women_only", "refugee_friendly", ...
    std::string start_date;          // "YYYY-MM-DD"; "" = as soon as possible
    std::string expires;             // "YYYY-MM-DD", the last open day
    std::string contact;             // "centre" or the centre's words
    // "Jobs for you" (ranking.hpp): why the offer fits the person registered in this visit and
    // what is missing, largest points first; empty when the list is not ranked.
    std::vector<Reason> fits;
    std::vector<Reason> missing;
    bool operator==(const JobCard&) const = default;
};

// A city the Jobs screen's filter offers: as the offers write it, the key FilterJobs takes
// (JobFilters::city_key), and how many open offers it has.
struct JobCity {
    std::string name;
    std::string key;
    std::int64_t offers = 0;
    bool operator==(const JobCity&) const = default;
};

// What the Jobs screen shows besides its rows, read by the app with them.
struct JobListFacts {
    std::int64_t matches = 0;     // offers matching the search and filters, counted up to a cap
    bool more = false;            // ... which was reached: "1000+"
    bool ranked = false;          // "Jobs for you": ordered for the registration of this visit
    std::vector<JobCity> cities;  // of every open offer, most offers first
    std::vector<std::string> sectors;  // ISIC section letters of the open offers, A-U
    bool operator==(const JobListFacts&) const = default;
};

// One of the offer's texts: the one in `language`, else English, else the first. The language
// tag it is written in comes with it, so the view shapes it as that language.
inline std::pair<std::string_view, std::string_view> text_in(
    const std::vector<std::pair<std::string, std::string>>& texts, std::string_view language) {
    const std::pair<std::string, std::string>* english = nullptr;
    for (const auto& t : texts) {
        if (t.first == language) {
            return {t.first, t.second};
        }
        if (t.first == "en") {
            english = &t;
        }
    }
    if (english != nullptr) {
        return {english->first, english->second};
    }
    if (!texts.empty()) {
        return {texts.front().first, texts.front().second};
    }
    return {language, std::string_view{}};
}

}  // namespace kiosk::core

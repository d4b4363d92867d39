// A job offer: the model, its strict validation and its canonical JSON.
//
// The central office publishes offers (kiosk-central jobs import); each travels to the kiosks in
// the change feed as this JSON, so the kiosk reads it with the same function. docs/job-offers.md
// describes every field for the people who write offers; the rules below are the contract.
//
// Errors are values: OfferError{field, message}, `field` a path such as "title.tr",
// "languages[1].level" or "pay.max". Reading collects every error of an offer (not only the
// first), so staff fix a spreadsheet row in one go. Reading never reads a clock: whether an
// offer has expired is is_expired(offer, today) with today given by the caller.
//
// Fields (R = required; the others have the default shown):
//   id            R  1-64 of [A-Za-z0-9_.-] (is_offer_id, wire.hpp); unique per offer.
//   title         R  object {language tag: text}, at least one entry, at most 20; text 1-120
//                    code points on one line. Language tags are the kiosk's: ISO 639-1 where the
//                    language has one ("tr", "bg", "en", "ar"), else ISO 639-3 ("kmr"); a
//                    three-letter code that has a two-letter one is refused ("tur": use "tr").
//   description      {}; same tags; text 1-4000 code points, line feeds allowed.
//   employer      R  1-120 code points.
//   city          R  1-80 code points.   region: "" or 1-80 code points (province, oblast).
//   country       R  ISO 3166-1 alpha-2, upper case ("TR", "BG").
//   sector        R  ISIC Rev. 4 section letter "A".."U" (as the registration's preferences).
//   occupation    R  ISCO-08 unit group, 4 digits ("5120"); the occupations catalogue's id for
//                    it is "isco." + code.
//   contract      R  "full_time" | "part_time" | "seasonal".
//   hours_per_week R integer 1-60.
//   pay              absent, or {min, max, currency, period}: amounts > 0 with at most two
//                    decimals and at most 100,000,000, min <= max; currency ISO 4217 ("TRY",
//                    "EUR", "BGN"); period "hour" | "month".
//   languages        []; each {code: ISO 639-3 as in the registration ("tur", "bul", "ara"),
//                    level: CEFR "A1".."C2", the minimum}; a code twice is an error on the later
//                    entry; at most 12.
//   min_education    0; ISCED 2011 level 0-8 (0: no requirement).
//   work_permit   R  "required" (the person must already have the right to work here: a permit,
//                    or a status that gives it) | "employer_applies" (the employer applies for the
//                    permit of the person hired).
//   flags            []; inclusive-employer flags, set only where the employer asks for them:
//                    women_only, refugee_friendly, accessible, training_provided, childcare,
//                    transport_provided, housing_provided (see docs/job-offers.md); no repeats.
//   start_date       absent (as soon as possible), or YYYY-MM-DD.
//   expires       R  YYYY-MM-DD: the last day the offer is open; on later days kiosks hide it and
//                    `kiosk-central jobs expire` withdraws it.
//   contact          "centre" (the person asks at the centre), or 1-200 code points on one line
//                    saying how the centre arranges contact.
// Unknown fields are errors (a typo such as "tittle" must not pass), unless the reader asks to
// ignore them (a kiosk reading a feed from a newer server). The canonical JSON is <= 64 KiB.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/core/registration.hpp"

namespace kiosk::sync {

// [SECTION] Closed choices, with stable string forms

enum class Contract { full_time, part_time, seasonal };
enum class PayPeriod { hour, month };
enum class PermitRule { required, employer_applies };
enum class OfferFlag {
    women_only,          // the employer hires only women for this job
    refugee_friendly,    // the employer welcomes refugees and has hired refugees before
    accessible,          // the workplace can be reached and used in a wheelchair
    training_provided,   // the work is taught on the job: no experience needed
    childcare,           // childcare during working hours (on site or paid for)
    transport_provided,  // free transport to the workplace
    housing_provided,    // a place to live comes with the job (seasonal work)
};

std::string_view to_string(Contract value);
std::string_view to_string(PayPeriod value);
std::string_view to_string(PermitRule value);
std::string_view to_string(OfferFlag value);
std::optional<Contract> parse_contract(std::string_view text);
std::optional<PayPeriod> parse_pay_period(std::string_view text);
std::optional<PermitRule> parse_permit_rule(std::string_view text);
std::optional<OfferFlag> parse_offer_flag(std::string_view text);

// [SECTION] The model

struct Pay {
    std::int64_t min_cents = 0;  // hundredths of the currency unit
    std::int64_t max_cents = 0;
    std::string currency;  // ISO 4217
    PayPeriod period = PayPeriod::month;
    bool operator==(const Pay&) const = default;
};

struct RequiredLanguage {
    std::string code;  // ISO 639-3
    core::Cefr level = core::Cefr::A1;
    bool operator==(const RequiredLanguage&) const = default;
};

struct JobOffer {
    std::string id;
    std::map<std::string, std::string> title;  // language tag -> text
    std::map<std::string, std::string> description;
    std::string employer;
    std::string city;
    std::string region;  // "" when not given
    std::string country;
    std::string sector;
    std::string occupation;
    Contract contract = Contract::full_time;
    int hours_per_week = 0;
    std::optional<Pay> pay;
    std::vector<RequiredLanguage> languages;
    int min_education = 0;
    PermitRule work_permit = PermitRule::required;
    std::vector<OfferFlag> flags;  // sorted by enum order, no repeats
    std::string start_date;        // "" = as soon as possible
    std::string expires;
    std::string contact = "centre";
    bool operator==(const JobOffer&) const = default;
};

inline constexpr std::string_view kContactCentre = "centre";

// [SECTION] Reading and writing

struct OfferError {
    std::string field;  // "languages[1].level"; "offer" for the whole object
    std::string message;
    std::string text() const { return field + ": " + message; }
    bool operator==(const OfferError&) const = default;
};

struct OfferRead {
    JobOffer offer;                  // complete only when ok()
    std::vector<OfferError> errors;  // in field order
    bool ok() const { return errors.empty(); }
};

enum class UnknownFields { reject, ignore };

// Checks every rule above. Text values are stored trimmed of surrounding white space.
OfferRead read_offer(const nlohmann::json& j, UnknownFields unknown = UnknownFields::reject);
// The same from JSON text (one object; duplicate keys are errors).
OfferRead read_offer_text(std::string_view text, UnknownFields unknown = UnknownFields::reject);

// Every field with a value (pay, start_date and an empty region are left out when absent).
nlohmann::json to_json(const JobOffer& offer);
// Sorted keys, no white space: the body the server stores and sends.
std::string canonical_offer_text(const JobOffer& offer);

// [SECTION] Codes and dates

// "2027-03-31": a real calendar date, year 2000-2099.
bool is_offer_date(std::string_view text);
// true when `today` (YYYY-MM-DD) is after the offer's last open day.
bool is_expired(const JobOffer& offer, std::string_view today);
// "tr", "en", "kmr": the tags title and description are keyed by (see above).
bool is_text_language_tag(std::string_view tag);
// "TRY", "EUR": an ISO 4217 code from iso-codes.
bool is_currency_code(std::string_view code);

}  // namespace kiosk::sync

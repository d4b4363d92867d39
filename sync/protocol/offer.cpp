// Job offers: reading with every rule of offer.hpp checked (errors collected, not thrown), and
// the canonical JSON the server stores and the change feed carries.
#include "sync/protocol/offer.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <utility>

#include "kiosk/core/iso_codes.hpp"
#include "kiosk/core/name_table.hpp"
#include "kiosk/core/text.hpp"
#include "sync/protocol/strict_json.hpp"
#include "sync/protocol/wire.hpp"

namespace kiosk::sync {

namespace {

// kIso639Pairs {ISO 639-1, ISO 639-3} sorted by the first, and kCurrencyCodes (ISO 4217),
// generated from iso-codes by sync/protocol/CMakeLists.txt.
#include "sync_protocol_offer_tables.inc"

using nlohmann::json;

constexpr std::size_t kMaxTitleChars = 120;
constexpr std::size_t kMaxDescriptionChars = 4000;
constexpr std::size_t kMaxEmployerChars = 120;
constexpr std::size_t kMaxPlaceChars = 80;
constexpr std::size_t kMaxContactChars = 200;
constexpr std::size_t kMaxTextLanguages = 20;
constexpr std::size_t kMaxRequiredLanguages = 12;
constexpr int kMaxHoursPerWeek = 60;
constexpr int kMaxIscedLevel = 8;
constexpr std::int64_t kMaxPayUnits = 100'000'000;

constexpr std::array<std::string_view, 19> kFields = {
    "id",        "title",         "description", "employer", "city",           "region",
    "country",   "sector",        "occupation",  "contract", "hours_per_week", "pay",
    "languages", "min_education", "work_permit", "flags",    "start_date",     "expires",
    "contact"};

constexpr std::array<std::string_view, 3> kContractNames = {"full_time", "part_time", "seasonal"};
constexpr std::array<std::string_view, 2> kPayPeriodNames = {"hour", "month"};
constexpr std::array<std::string_view, 2> kPermitRuleNames = {"required", "employer_applies"};
constexpr std::array<std::string_view, 7> kFlagNames = {
    "women_only", "refugee_friendly",   "accessible",      "training_provided",
    "childcare",  "transport_provided", "housing_provided"};

using core::name_of;
using core::parse_name;

template <std::size_t N>
std::string choices(const std::array<std::string_view, N>& names) {
    std::string out = "expected ";
    for (std::size_t i = 0; i < N; ++i) {
        if (i > 0) {
            out += i + 1 == N ? " or " : ", ";
        }
        out += names[i];
    }
    return out;
}

std::string_view two_letter_tag_of(std::string_view three) {
    for (const auto& [two, alpha3] : kIso639Pairs) {
        if (alpha3 == three) {
            return two;
        }
    }
    return {};
}

// Collects the errors of one offer while reading its JSON object.
class Reader {
  public:
    Reader(const json& obj, UnknownFields unknown) : obj_(obj), unknown_(unknown) {}

    std::vector<OfferError> errors;

    void error(std::string field, std::string message) {
        errors.push_back(OfferError{std::move(field), std::move(message)});
    }

    // The value at `key` of `obj`, or nullptr when absent (an error if required). null counts
    // as absent for an optional field: tools that export JSON often write it for "no value".
    const json* get(const json& obj, const std::string& path, std::string_view key, bool required) {
        const auto it = obj.find(std::string(key));
        if (it == obj.end() || (it->is_null() && !required)) {
            if (required) {
                error(path, "required");
            }
            return nullptr;
        }
        if (it->is_null()) {
            error(path, "required");
            return nullptr;
        }
        return &*it;
    }

    std::optional<std::string> string(const json& obj, const std::string& path,
                                      std::string_view key, bool required) {
        const json* v = get(obj, path, key, required);
        if (!v) {
            return std::nullopt;
        }
        if (!v->is_string()) {
            error(path, "expected a string");
            return std::nullopt;
        }
        return v->get<std::string>();
    }

    // Free text as a person reads it: trimmed, valid UTF-8, not blank, no control or invisible
    // formatting characters, at most `max_chars` code points.
    std::optional<std::string> text(std::string_view raw, const std::string& path,
                                    std::size_t max_chars, core::Lines lines) {
        const std::string_view t = core::trim_text(raw);
        const core::TextFacts facts = core::inspect_text(t, lines);
        if (!facts.valid_utf8) {
            error(path, "not valid UTF-8 text");
        } else if (facts.blank) {
            error(path, "empty");
        } else if (facts.forbidden) {
            error(path, lines == core::Lines::Single
                            ? "holds a line break or a control or invisible formatting character"
                            : "holds a control or invisible formatting character");
        } else if (facts.code_points > max_chars) {
            error(path, "longer than " + std::to_string(max_chars) + " characters");
        } else {
            return std::string(t);
        }
        return std::nullopt;
    }

    std::optional<std::string> text_field(std::string_view key, bool required,
                                          std::size_t max_chars) {
        const std::string path(key);
        auto s = string(obj_, path, key, required);
        return s ? text(*s, path, max_chars, core::Lines::Single) : std::nullopt;
    }

    // {tag: text} for title and description.
    void texts(std::string_view key, bool required, std::size_t max_chars, core::Lines lines,
               std::map<std::string, std::string>& out) {
        const std::string path(key);
        const json* v = get(obj_, path, key, required);
        if (!v) {
            return;
        }
        if (!v->is_object()) {
            error(path, "expected an object {language: text}");
            return;
        }
        if (required && v->empty()) {
            error(path, "at least one language");
        }
        if (v->size() > kMaxTextLanguages) {
            error(path, "more than " + std::to_string(kMaxTextLanguages) + " languages");
        }
        for (const auto& [tag, value] : v->items()) {
            const std::string field = path + "." + tag;
            if (!is_text_language_tag(tag)) {
                const std::string_view two = tag.size() == 3 ? two_letter_tag_of(tag) : "";
                error(field, two.empty() ? "not a language tag: ISO 639-1 (tr, en) or ISO 639-3 "
                                           "where a language has none (kmr)"
                                         : "use \"" + std::string(two) + "\" (ISO 639-1)");
                continue;
            }
            if (!value.is_string()) {
                error(field, "expected a string");
                continue;
            }
            if (auto t = text(value.get_ref<const std::string&>(), field, max_chars, lines)) {
                out.emplace(tag, std::move(*t));
            }
        }
    }

    std::optional<std::int64_t> integer(const json& obj, const std::string& path,
                                        std::string_view key, bool required, std::int64_t min,
                                        std::int64_t max, std::string_view range) {
        const json* v = get(obj, path, key, required);
        if (!v) {
            return std::nullopt;
        }
        if (!v->is_number_integer()) {
            error(path, "expected a whole number " + std::string(range));
            return std::nullopt;
        }
        // Unsigned values above int64 would wrap in get<int64_t>(): they are out of range anyway.
        if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
            error(path, "expected " + std::string(range));
            return std::nullopt;
        }
        const auto n = v->get<std::int64_t>();
        if (n < min || n > max) {
            error(path, "expected " + std::string(range));
            return std::nullopt;
        }
        return n;
    }

    // An amount of money in hundredths: > 0, at most two decimals, at most kMaxPayUnits.
    std::optional<std::int64_t> amount(const json& obj, const std::string& path,
                                       std::string_view key) {
        const json* v = get(obj, path, key, true);
        if (!v) {
            return std::nullopt;
        }
        if (!v->is_number()) {
            error(path, "expected a number");
            return std::nullopt;
        }
        const std::string range =
            "expected an amount above 0 and at most " + std::to_string(kMaxPayUnits);
        if (v->is_number_integer()) {
            const bool in_range =
                v->is_number_unsigned()
                    ? v->get<std::uint64_t>() > 0 &&
                          v->get<std::uint64_t>() <= static_cast<std::uint64_t>(kMaxPayUnits)
                    : v->get<std::int64_t>() > 0 && v->get<std::int64_t>() <= kMaxPayUnits;
            if (!in_range) {
                error(path, range);
                return std::nullopt;
            }
            return v->get<std::int64_t>() * 100;
        }
        const double d = v->get<double>();
        if (!std::isfinite(d) || d <= 0 || d > static_cast<double>(kMaxPayUnits)) {
            error(path, range);
            return std::nullopt;
        }
        const double hundredths = d * 100.0;
        const double rounded = std::round(hundredths);
        // Binary fractions are never exact (7.35 * 100 = 734.9999...): allow that much, refuse
        // a third decimal.
        if (std::fabs(hundredths - rounded) > 1e-4) {
            error(path, "at most two decimals");
            return std::nullopt;
        }
        if (rounded < 1) {
            error(path, range);
            return std::nullopt;
        }
        return static_cast<std::int64_t>(rounded);
    }

    template <typename E, std::size_t N>
    std::optional<E> choice(const json& obj, const std::string& path, std::string_view key,
                            bool required, const std::array<std::string_view, N>& names) {
        auto s = string(obj, path, key, required);
        if (!s) {
            return std::nullopt;
        }
        auto e = parse_name<E>(*s, names);
        if (!e) {
            error(path, choices(names));
        }
        return e;
    }

    std::optional<std::string> date(std::string_view key, bool required) {
        const std::string path(key);
        auto s = string(obj_, path, key, required);
        if (s && !is_offer_date(*s)) {
            error(path, "expected a date YYYY-MM-DD (a real day, years 2000-2099)");
            return std::nullopt;
        }
        return s;
    }

    // Keys of `obj` that are not in `known`, as errors (or nothing when unknown fields are
    // ignored).
    template <std::size_t N>
    void unknown_keys(const json& obj, const std::string& path,
                      const std::array<std::string_view, N>& known) {
        if (unknown_ == UnknownFields::ignore) {
            return;
        }
        for (const auto& item : obj.items()) {
            if (std::find(known.begin(), known.end(), item.key()) == known.end()) {
                error(path.empty() ? item.key() : path + "." + item.key(), "unknown field");
            }
        }
    }

    const json& obj() const { return obj_; }

  private:
    const json& obj_;
    UnknownFields unknown_;
};

void read_pay(Reader& r, JobOffer& o) {
    const json* v = r.get(r.obj(), "pay", "pay", false);
    if (!v) {
        return;
    }
    if (!v->is_object()) {
        r.error("pay", "expected an object {min, max, currency, period}");
        return;
    }
    constexpr std::array<std::string_view, 4> kPayFields = {"min", "max", "currency", "period"};
    Pay pay;
    const auto min = r.amount(*v, "pay.min", "min");
    const auto max = r.amount(*v, "pay.max", "max");
    if (min && max && *max < *min) {
        r.error("pay.max", "less than pay.min");
    }
    const auto currency = r.string(*v, "pay.currency", "currency", true);
    if (currency && !is_currency_code(*currency)) {
        r.error("pay.currency", "not an ISO 4217 currency code (upper case: TRY, EUR, BGN)");
    }
    const auto period = r.choice<PayPeriod>(*v, "pay.period", "period", true, kPayPeriodNames);
    r.unknown_keys(*v, "pay", kPayFields);
    if (min && max && currency && period) {
        o.pay = Pay{*min, *max, *currency, *period};
    }
}

void read_languages(Reader& r, JobOffer& o) {
    const json* v = r.get(r.obj(), "languages", "languages", false);
    if (!v) {
        return;
    }
    if (!v->is_array()) {
        r.error("languages", "expected an array of {code, level}");
        return;
    }
    if (v->size() > kMaxRequiredLanguages) {
        r.error("languages", "more than " + std::to_string(kMaxRequiredLanguages) + " entries");
    }
    constexpr std::array<std::string_view, 2> kLanguageFields = {"code", "level"};
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < v->size(); ++i) {
        const json& item = (*v)[i];
        const std::string path = "languages[" + std::to_string(i) + "]";
        if (!item.is_object()) {
            r.error(path, "expected an object {code, level}");
            continue;
        }
        auto code = r.string(item, path + ".code", "code", true);
        if (code && !core::is_language_code(*code)) {
            r.error(path + ".code",
                    "not an ISO 639-3 language code (lower case: tur, bul, ara, eng)");
            code.reset();
        }
        if (code) {
            const auto [it, fresh] = seen.emplace(*code, i);
            if (!fresh) {
                r.error(path + ".code", "the same language is already at languages[" +
                                            std::to_string(it->second) + "]");
                code.reset();
            }
        }
        std::optional<core::Cefr> level;
        if (auto s = r.string(item, path + ".level", "level", true)) {
            level = core::parse_cefr(*s);
            if (!level) {
                r.error(path + ".level", "expected a CEFR level A1, A2, B1, B2, C1 or C2");
            }
        }
        r.unknown_keys(item, path, kLanguageFields);
        if (code && level) {
            o.languages.push_back(RequiredLanguage{*code, *level});
        }
    }
}

void read_flags(Reader& r, JobOffer& o) {
    const json* v = r.get(r.obj(), "flags", "flags", false);
    if (!v) {
        return;
    }
    if (!v->is_array()) {
        r.error("flags", "expected an array of flag names");
        return;
    }
    for (std::size_t i = 0; i < v->size(); ++i) {
        const std::string path = "flags[" + std::to_string(i) + "]";
        if (!(*v)[i].is_string()) {
            r.error(path, "expected a string");
            continue;
        }
        const auto flag = parse_offer_flag((*v)[i].get_ref<const std::string&>());
        if (!flag) {
            r.error(path, "unknown flag: " + choices(kFlagNames));
        } else if (std::find(o.flags.begin(), o.flags.end(), *flag) != o.flags.end()) {
            r.error(path, "repeated");
        } else {
            o.flags.push_back(*flag);
        }
    }
    std::sort(o.flags.begin(), o.flags.end());
}

bool all_digits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

json amount_json(std::int64_t cents) {
    if (cents % 100 == 0) {
        return json(cents / 100);
    }
    return json(static_cast<double>(cents) / 100.0);
}

}  // namespace

// [SECTION] Closed choices

std::string_view to_string(Contract value) {
    return name_of(value, kContractNames);
}
std::string_view to_string(PayPeriod value) {
    return name_of(value, kPayPeriodNames);
}
std::string_view to_string(PermitRule value) {
    return name_of(value, kPermitRuleNames);
}
std::string_view to_string(OfferFlag value) {
    return name_of(value, kFlagNames);
}
std::optional<Contract> parse_contract(std::string_view text) {
    return parse_name<Contract>(text, kContractNames);
}
std::optional<PayPeriod> parse_pay_period(std::string_view text) {
    return parse_name<PayPeriod>(text, kPayPeriodNames);
}
std::optional<PermitRule> parse_permit_rule(std::string_view text) {
    return parse_name<PermitRule>(text, kPermitRuleNames);
}
std::optional<OfferFlag> parse_offer_flag(std::string_view text) {
    return parse_name<OfferFlag>(text, kFlagNames);
}

// [SECTION] Reading

OfferRead read_offer(const json& j, UnknownFields unknown) {
    OfferRead out;
    if (!j.is_object()) {
        out.errors.push_back(OfferError{"offer", "expected an object"});
        return out;
    }
    Reader r(j, unknown);
    JobOffer& o = out.offer;

    if (auto id = r.string(j, "id", "id", true)) {
        if (is_offer_id(*id)) {
            o.id = *id;
        } else {
            r.error("id", "expected 1-64 of A-Z a-z 0-9 _ . -");
        }
    }
    r.texts("title", true, kMaxTitleChars, core::Lines::Single, o.title);
    r.texts("description", false, kMaxDescriptionChars, core::Lines::Multi, o.description);
    o.employer = r.text_field("employer", true, kMaxEmployerChars).value_or("");
    o.city = r.text_field("city", true, kMaxPlaceChars).value_or("");
    o.region = r.text_field("region", false, kMaxPlaceChars).value_or("");
    if (auto country = r.string(j, "country", "country", true)) {
        if (core::is_country_code(*country)) {
            o.country = *country;
        } else {
            r.error("country", "not an ISO 3166-1 alpha-2 country code (upper case: TR, BG)");
        }
    }
    if (auto sector = r.string(j, "sector", "sector", true)) {
        if (sector->size() == 1 && (*sector)[0] >= 'A' && (*sector)[0] <= 'U') {
            o.sector = *sector;
        } else {
            r.error("sector", "expected an ISIC Rev. 4 section letter A-U");
        }
    }
    if (auto occupation = r.string(j, "occupation", "occupation", true)) {
        if (occupation->size() == 4 && all_digits(*occupation)) {
            o.occupation = *occupation;
        } else {
            r.error("occupation", "expected an ISCO-08 unit group: 4 digits (5120)");
        }
    }
    if (auto c = r.choice<Contract>(j, "contract", "contract", true, kContractNames)) {
        o.contract = *c;
    }
    if (auto h =
            r.integer(j, "hours_per_week", "hours_per_week", true, 1, kMaxHoursPerWeek, "1-60")) {
        o.hours_per_week = static_cast<int>(*h);
    }
    read_pay(r, o);
    read_languages(r, o);
    if (auto e = r.integer(j, "min_education", "min_education", false, 0, kMaxIscedLevel,
                           "0-8 (ISCED 2011 level)")) {
        o.min_education = static_cast<int>(*e);
    }
    if (auto w = r.choice<PermitRule>(j, "work_permit", "work_permit", true, kPermitRuleNames)) {
        o.work_permit = *w;
    }
    read_flags(r, o);
    o.start_date = r.date("start_date", false).value_or("");
    o.expires = r.date("expires", true).value_or("");
    if (auto contact = r.text_field("contact", false, kMaxContactChars)) {
        o.contact = *contact;
    }
    r.unknown_keys(j, "", kFields);

    out.errors = std::move(r.errors);
    if (out.ok() && canonical_offer_text(o).size() > kMaxOfferBytes) {
        out.errors.push_back(OfferError{
            "offer", "longer than " + std::to_string(kMaxOfferBytes) + " bytes as JSON"});
    }
    return out;
}

OfferRead read_offer_text(std::string_view text, UnknownFields unknown) {
    json j;
    try {
        j = detail::parse_strict(text);
    } catch (const detail::Malformed& m) {
        OfferRead out;
        out.errors.push_back(OfferError{m.field == "(message)" ? "offer" : m.field, m.what});
        return out;
    }
    return read_offer(j, unknown);
}

// [SECTION] Writing

json to_json(const JobOffer& o) {
    json j = json::object();
    j["id"] = o.id;
    j["title"] = o.title;
    j["description"] = o.description;
    j["employer"] = o.employer;
    j["city"] = o.city;
    if (!o.region.empty()) {
        j["region"] = o.region;
    }
    j["country"] = o.country;
    j["sector"] = o.sector;
    j["occupation"] = o.occupation;
    j["contract"] = to_string(o.contract);
    j["hours_per_week"] = o.hours_per_week;
    if (o.pay) {
        j["pay"] = json{{"min", amount_json(o.pay->min_cents)},
                        {"max", amount_json(o.pay->max_cents)},
                        {"currency", o.pay->currency},
                        {"period", to_string(o.pay->period)}};
    }
    j["languages"] = json::array();
    for (const auto& l : o.languages) {
        j["languages"].push_back(json{{"code", l.code}, {"level", core::to_string(l.level)}});
    }
    j["min_education"] = o.min_education;
    j["work_permit"] = to_string(o.work_permit);
    j["flags"] = json::array();
    for (const auto f : o.flags) {
        j["flags"].push_back(to_string(f));
    }
    if (!o.start_date.empty()) {
        j["start_date"] = o.start_date;
    }
    j["expires"] = o.expires;
    j["contact"] = o.contact;
    return j;
}

std::string canonical_offer_text(const JobOffer& offer) {
    return detail::dump(to_json(offer));
}

// [SECTION] Codes and dates

bool is_offer_date(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-' || !all_digits(t.substr(0, 4)) ||
        !all_digits(t.substr(5, 2)) || !all_digits(t.substr(8, 2))) {
        return false;
    }
    const int year = std::stoi(std::string(t.substr(0, 4)));
    const int month = std::stoi(std::string(t.substr(5, 2)));
    const int day = std::stoi(std::string(t.substr(8, 2)));
    if (year < 2000 || year > 2099 || month < 1 || month > 12 || day < 1) {
        return false;
    }
    constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = year % 4 == 0;  // exact for 2000-2099
    const int last = month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
    return day <= last;
}

bool is_expired(const JobOffer& offer, std::string_view today) {
    assert(is_offer_date(today) && "today must be a YYYY-MM-DD date");
    // Same-length ISO dates order as text.
    return today > std::string_view(offer.expires);
}

bool is_text_language_tag(std::string_view tag) {
    if (tag.size() == 2) {
        return std::binary_search(kIso639Pairs.begin(), kIso639Pairs.end(),
                                  std::pair<std::string_view, std::string_view>{tag, ""},
                                  [](const auto& a, const auto& b) { return a.first < b.first; });
    }
    return tag.size() == 3 && core::is_language_code(tag) && two_letter_tag_of(tag).empty();
}

bool is_currency_code(std::string_view code) {
    return std::binary_search(kCurrencyCodes.begin(), kCurrencyCodes.end(), code);
}

}  // namespace kiosk::sync

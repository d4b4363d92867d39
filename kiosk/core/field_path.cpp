// Text fields by path (see field_path.hpp).
#include "kiosk/core/field_path.hpp"

#include <charconv>
#include <chrono>
#include <type_traits>

namespace kiosk::core {

namespace {

// "work_history[3].role" -> list "work_history", index 3, member "role".
struct Indexed {
    std::string_view list;
    std::size_t index = 0;
    std::string_view member;
};

std::optional<Indexed> split_indexed(std::string_view field) {
    const auto open = field.find('[');
    const auto close = field.find(']');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open + 2) {
        return std::nullopt;
    }
    Indexed out;
    out.list = field.substr(0, open);
    const std::string_view digits = field.substr(open + 1, close - open - 1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out.index);
    if (ec != std::errc{} || end != digits.data() + digits.size()) {
        return std::nullopt;
    }
    const std::string_view rest = field.substr(close + 1);
    if (!rest.empty()) {
        if (rest.front() != '.') {
            return std::nullopt;
        }
        out.member = rest.substr(1);
    }
    return out;
}

bool is_digits(std::string_view text) {
    if (text.size() > 4) {
        return false;
    }
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

std::string number_text(const std::optional<int>& value) {
    return value ? std::to_string(*value) : std::string();
}

std::optional<int> number_value(std::string_view text) {
    if (text.empty()) {
        return std::nullopt;
    }
    int value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

// Seconds of a duration setting as the field shows it.
std::string seconds_text(Millis value) {
    return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(value).count());
}

// Pointers to the string or number a path names, so reading and writing share one lookup;
// `S` is Session or const Session (reading copies nothing of the person's answers).
template <typename S>
struct Target {
    template <typename T>
    using Ptr = std::conditional_t<std::is_const_v<S>, const T*, T*>;
    Ptr<std::string> text = nullptr;
    Ptr<std::optional<int>> number = nullptr;
    Ptr<int> plain_number = nullptr;  // settings.retention_months
    Ptr<Millis> seconds = nullptr;    // idle settings, edited in whole seconds
};

template <typename S>
Target<S> find(S& s, std::string_view field) {
    auto& d = s.draft;
    auto& k = s.settings_draft;
    if (field == "given_name")
        return {&d.given_name};
    if (field == "family_name")
        return {&d.family_name};
    if (field == "phone.calling_code")
        return {&d.phone.calling_code};
    if (field == "phone.national_number")
        return {&d.phone.national_number};
    if (field == "email")
        return {&d.email};
    if (field == "city")
        return {&d.city};
    if (field == "search")
        return {&s.search};
    if (field == "interest_code")
        return {&s.interest_code};
    if (field == "year_of_birth")
        return {nullptr, &d.year_of_birth};
    if (field == "settings.centre_name")
        return {&k.centre_name};
    if (field == "settings.retention_months")
        return {nullptr, nullptr, &k.retention_months};
    if (field == "settings.person_idle_s")
        return {nullptr, nullptr, nullptr, &k.idle.person_idle};
    if (field == "settings.warning_s")
        return {nullptr, nullptr, nullptr, &k.idle.warning};
    if (field == "settings.staff_idle_s")
        return {nullptr, nullptr, nullptr, &k.idle.staff_idle};
    const auto idx = split_indexed(field);
    if (!idx) {
        return {};
    }
    if (idx->list == "occupations" && idx->index < d.occupations.size() &&
        idx->member == "free_text") {
        return {&d.occupations[idx->index].free_text};
    }
    if (idx->list == "work_history" && idx->index < d.work_history.size()) {
        auto& job = d.work_history[idx->index];
        if (idx->member == "role")
            return {&job.role};
        if (idx->member == "from_year")
            return {nullptr, &job.from_year};
        if (idx->member == "to_year")
            return {nullptr, &job.to_year};
    }
    if (idx->list == "prior_learning" && idx->index < d.prior_learning.size() &&
        idx->member == "description") {
        return {&d.prior_learning[idx->index].description};
    }
    if (idx->list == "preferences.cities" && idx->index < d.preferences.cities.size() &&
        idx->member.empty()) {
        return {&d.preferences.cities[idx->index]};
    }
    return {};
}

}  // namespace

std::optional<std::string> text_field(const Session& s, std::string_view field) {
    const auto t = find(s, field);
    if (t.text != nullptr)
        return *t.text;
    if (t.number != nullptr)
        return number_text(*t.number);
    if (t.plain_number != nullptr)
        return std::to_string(*t.plain_number);
    if (t.seconds != nullptr)
        return seconds_text(*t.seconds);
    return std::nullopt;
}

bool set_text_field(Session& s, std::string_view field, std::string_view text) {
    const auto t = find(s, field);
    if (t.text != nullptr) {
        *t.text = std::string(text);
        return true;
    }
    if (!is_digits(text)) {
        return false;
    }
    if (t.number != nullptr) {
        *t.number = number_value(text);
        return true;
    }
    if (t.plain_number != nullptr) {
        *t.plain_number = number_value(text).value_or(0);
        return true;
    }
    if (t.seconds != nullptr) {
        *t.seconds = Millis{1000} * number_value(text).value_or(0);
        return true;
    }
    return false;
}

bool is_numeric_field(std::string_view field) {
    if (field == "year_of_birth" || field == "phone.calling_code" ||
        field == "phone.national_number") {
        return true;
    }
    if (field.starts_with("settings.")) {
        return field != "settings.centre_name";
    }
    return field.ends_with("_year");
}

}  // namespace kiosk::core

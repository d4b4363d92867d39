// A complete, valid, made-up registration shared by the core tests (valid in kSampleYear).
#pragma once

#include "kiosk/core/registration.hpp"

namespace kiosk::core {

inline constexpr int kSampleYear = 2026;

inline Registration sample_registration() {
    Registration r;
    r.given_name = "Amal";
    r.family_name = "Haddad";
    r.phone = {"+90", "0532 123 45 67"};
    r.email = "amal.h@example.org";
    r.year_of_birth = 1994;
    r.gender = Gender::Female;
    r.nationality = "SY";
    r.city = "Gaziantep";
    r.languages = {{"ara", Cefr::C2, Written::C1}, {"tur", Cefr::B1, Written::DoesNotWrite}};
    r.education = {3, "09"};
    r.occupations = {{"isco-5120", ""}, {"", "Sewing and tailoring"}};
    r.work_history = {{"Tailor", "SY", 2012, 2016, false}, {"Cook", "TR", 2019, {}, true}};
    r.prior_learning = {{"Hairdressing course, 6 months", true}};
    r.availability = {AvailableFrom::Now, Hours::PartTime};
    r.work_permit = WorkPermit::Applied;
    r.preferences = {{"C", "I"}, Hours::Either, {"Gaziantep", "Kilis"}};
    r.consent_version = "1";
    r.consent_unix_seconds = 1'790'000'000;
    return r;
}

}  // namespace kiosk::core

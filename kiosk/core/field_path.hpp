// Text fields by path. The on-screen keyboard edits one text at a time, named by a path, so one
// intent (EditText) serves every field of every screen and the reducer stays one function.
//
// Paths:
//   given_name  family_name  phone.calling_code  phone.national_number  email  city
//   year_of_birth                       digits only, at most 4 (a number in the draft)
//   occupations[i].free_text  work_history[i].role  prior_learning[i].description
//   work_history[i].from_year  work_history[i].to_year          digits only, at most 4
//   preferences.cities[i]
//   search                              the query of the current screen's searchable list
//   settings.centre_name                StaffSettings' draft
//   settings.retention_months  settings.person_idle_s  settings.warning_s  settings.staff_idle_s
//                                       digits only, at most 4
// An index must name an existing entry: views add entries with EditDraft first.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/session.hpp"

namespace kiosk::core {

// The field's text as the keyboard edits it, or std::nullopt for an unknown path or index.
std::optional<std::string> text_field(const Session& s, std::string_view field);

// Sets the field from the keyboard's text. Returns false, changing nothing, for an unknown path
// or index, or text a numeric field cannot hold (anything but up to 4 ASCII digits).
bool set_text_field(Session& s, std::string_view field, std::string_view text);

// True for the digits-only paths above: the keyboard starts on the number pad for them.
bool is_numeric_field(std::string_view field);

}  // namespace kiosk::core

// Script text shared by the end-to-end tests that walk a whole visit through the real kiosk
// window (`kiosk --script`): the staff PIN taps and the registration form's answers. All data
// is made up.
#pragma once

#include <string>

namespace kiosk::test {

inline constexpr const char* kPin = "135790";

inline std::string pin_taps() {
    std::string out;
    for (const char* d = kPin; *d != '\0'; ++d) {
        out += "tap \"pin." + std::string(1, *d) + "\"\n";
    }
    return out + "tap \"pin.ok\"\n";
}

// The answers every test visit gives after the notice, from the name to the review. The name is
// typed through the keyboard of `language`.
inline std::string form_script(const std::string& name) {
    return "expect-screen name\n"
           "tap \"field.given_name\"\n"
           "type \"" +
           name +
           "\"\n"
           "tap \"nav.next\"\n"
           "expect-screen contact\n"
           "tap \"field.phone.calling_code\"\n"
           "type \"90\"\n"
           "tap \"field.phone.national_number\"\n"
           "type \"5321234567\"\n"
           "tap \"nav.next\"\n"
           "expect-screen birth_year\n"
           "tap \"field.year_of_birth\"\n"
           "type \"1990\"\n"
           "tap \"nav.next\"\n"
           "expect-screen gender\n"
           "tap \"gender.female\"\n"
           "tap \"nav.next\"\n"
           "expect-screen nationality\n"
           "tap \"nationality.SY\"\n"
           "tap \"nav.next\"\n"
           "expect-screen city\n"
           "tap \"field.city\"\n"
           "type \"Gaziantep\"\n"
           "tap \"nav.next\"\n"
           "expect-screen languages\n"
           "tap \"languages.add\"\n"
           "tap \"languages.list.ara\"\n"
           "tap \"languages[0].spoken.C2\"\n"
           "drag 0 -400\n"
           "tap \"languages[0].written.C1\"\n"
           "tap \"nav.next\"\n"
           "expect-screen education\n"
           "tap \"education.level.3\"\n"
           "tap \"nav.next\"\n"
           "expect-screen occupations\n"
           "tap \"nav.next\"\n"
           "expect-screen work_history\n"
           "tap \"nav.next\"\n"
           "expect-screen prior_learning\n"
           "tap \"nav.next\"\n"
           "expect-screen availability\n"
           "tap \"availability.when.now\"\n"
           "tap \"availability.hours.full_time\"\n"
           "drag 0 -400\n"
           "tap \"work_permit.applied\"\n"
           "tap \"nav.next\"\n"
           "expect-screen preferences\n"
           "tap \"nav.next\"\n"
           "expect-screen review\n"
           "expect \"" +
           name + "\"\n";
}

}  // namespace kiosk::test

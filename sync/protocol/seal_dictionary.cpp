// Dictionary v1: the key names and stable string forms of kiosk/core/registration.hpp and the
// sealed-plaintext wrapper, in the canonical (sorted-key, compact) JSON spelling. zlib finds
// matches near the end of a dictionary cheapest, so the most common strings come last.
#include "sync/protocol/seal_dictionary.hpp"

namespace kiosk::sync {
namespace {

constexpr std::string_view kDictionary =
    // closed choices, rarer first
    "\"does_not_know\",\"not_needed\",\"no_permit\",\"has_permit\",\"applied\","
    "\"prefer_not_to_say\",\"stateless\",\"other\",\"male\",\"female\","
    "\"later\",\"within_a_month\",\"now\",\"either\",\"full_time\",\"part_time\","
    "\"does_not_write\",\"A1\",\"A2\",\"B1\",\"B2\",\"C1\",\"C2\","
    // nested objects
    "\"preferences\":{\"cities\":[\"\"],\"hours\":\"\",\"sectors\":[\"\"]},"
    "\"prior_learning\":[{\"description\":\"\",\"has_documents\":false},"
    "{\"description\":\"\",\"has_documents\":true}],"
    "\"work_history\":[{\"country\":\"\",\"from_year\":20,\"ongoing\":false,\"role\":\"\","
    "\"to_year\":20},{\"country\":\"\",\"from_year\":20,\"ongoing\":true,\"role\":\"\","
    "\"to_year\":null}],"
    "\"occupations\":[{\"catalogue_id\":\"\",\"free_text\":\"\"}],"
    "\"languages\":[{\"code\":\"\",\"spoken\":\"\",\"written\":\"\"}],"
    "\"education\":{\"isced_field\":\"\",\"isced_level\":},"
    "\"availability\":{\"hours\":\"\",\"when\":\"\"},"
    "\"phone\":{\"calling_code\":\"\",\"national_number\":\"\"},"
    // top-level registration fields in sorted order
    "{\"city\":\"\",\"consent_unix_seconds\":17,\"consent_version\":\"\",\"email\":\"\","
    "\"family_name\":\"\",\"gender\":\"\",\"given_name\":\"\",\"nationality\":\"\","
    "\"staff_assisted\":false,\"staff_id\":\"\",\"work_permit\":\"\","
    "\"year_of_birth\":19"
    // the wrapper every record has
    "{\"consent_version\":\"\",\"data\":{\"city\":\"\",\"device_id\":\"\","
    "\"kind\":\"interest\",\"kind\":\"registration\",\"record_id\":\"\",\"schema\":1,\"v\":1}";

}  // namespace

std::string_view seal_dictionary_v1() {
    return kDictionary;
}

}  // namespace kiosk::sync

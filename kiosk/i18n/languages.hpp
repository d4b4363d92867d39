// The UI languages the kiosk ships, each named in its own language (an endonym), so a person
// who reads no other language can find theirs. Which of them a kiosk offers, and in which order,
// is a kiosk setting; this is the full set and its default order.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace kiosk::i18n {

struct UiLanguage {
    std::string_view code;     // BCP 47 tag used for catalogues and settings: "en", "tr", "ar", ...
    std::string_view endonym;  // the language's name in itself, UTF-8
    std::string_view english;  // for staff screens and logs
};

// All shipped UI languages, in the default offering order.
std::span<const UiLanguage> shipped_languages();

// The shipped language with this code, if any.
std::optional<UiLanguage> find_language(std::string_view code);

}  // namespace kiosk::i18n

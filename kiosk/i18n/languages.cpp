#include "kiosk/i18n/languages.hpp"

#include <array>

namespace kiosk::i18n {
namespace {

constexpr std::array kShipped = {
    UiLanguage{"en", "English", "English"},
    UiLanguage{"tr", "Türkçe", "Turkish"},
    UiLanguage{"ar", "العربية", "Arabic"},
    UiLanguage{"fa", "فارسی", "Persian"},
    UiLanguage{"ps", "پښتو", "Pashto"},
    UiLanguage{"kmr", "Kurmancî", "Kurdish (Kurmanji)"},
    UiLanguage{"bg", "Български", "Bulgarian"},
    UiLanguage{"uk", "Українська", "Ukrainian"},
    UiLanguage{"ru", "Русский", "Russian"},
};

}  // namespace

std::span<const UiLanguage> shipped_languages() { return kShipped; }

std::optional<UiLanguage> find_language(std::string_view code) {
    for (const auto& l : kShipped) {
        if (l.code == code) {
            return l;
        }
    }
    return std::nullopt;
}

}  // namespace kiosk::i18n

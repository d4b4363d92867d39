// What a view needs besides the session: the catalogue and the translator for the session's
// language, the offered languages, the theme, the shaped-text renderer, the layout direction,
// and where to record this frame's tappable widgets and missing glyphs. Built by the app for each
// frame and valid for that frame only (its translator is replaced when the language changes);
// views read it and never keep state of their own.
#pragma once

#include <cassert>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/job_card.hpp"
#include "kiosk/i18n/catalogue.hpp"
#include "kiosk/i18n/iso_names.hpp"
#include "kiosk/i18n/languages.hpp"
#include "kiosk/i18n/script.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/hit_map.hpp"
#include "kiosk/ui/text/text_renderer.hpp"
#include "kiosk/ui/theme.hpp"

namespace kiosk::i18n {
class OccupationCatalogue;  // occupations.hpp: the occupations and skills shipped in assets/
}

namespace kiosk::ui {

class ScrollMemory;  // touch_list.hpp

// What the staff status screen shows; read from the store by the app before the frame.
struct KioskStatus {
    std::int64_t queued = 0;             // records waiting to be sent
    std::int64_t rejected = 0;           // records the server refused
    std::int64_t acked_kept = 0;         // sent, kept for a server restore
    std::int64_t last_success_unix = 0;  // 0: never
    std::string last_error;              // the sync worker's last error code, or empty
    bool enrolled = false;               // the kiosk holds a device key for the central server
    bool enrolment_needed = false;       // the server refused that key (revoked): enrol again
};

struct ViewContext {
    const i18n::Catalogue* catalogue = nullptr;    // every language, for multilingual lines
    const i18n::Translator* translator = nullptr;  // the session's language
    i18n::TextDirection direction = i18n::TextDirection::ltr;  // of the session's language
    std::span<const i18n::UiLanguage> languages;  // offered on the welcome screen, in order
    std::string_view default_language = i18n::kSourceLanguage;  // the kiosk's own language
    Theme theme;
    Fonts fonts;
    text::TextRenderer* renderer = nullptr;  // draws every visible string, shaped
    HitMap* hits = nullptr;                  // cleared by draw_screen(), filled by the widgets
    GlyphAudit* glyphs = nullptr;            // lives as long as the app
    ScrollMemory* scrolls = nullptr;         // touch lists' scroll and fling, by list id
    const i18n::OccupationCatalogue* occupations = nullptr;  // loaded once by the app
    // iso-codes names in the session's language, sorted by its collation (loaded by the app
    // when the language changes); null when iso-codes could not be read (views show codes).
    const std::vector<i18n::IsoName>* iso_countries = nullptr;
    const std::vector<i18n::IsoName>* iso_languages = nullptr;
    const KioskStatus* status = nullptr;  // for the staff status screen (may be null)
    // The open job offers, newest first or ranked "for you" (Jobs: the rows read so far; the
    // app reads more as the list scrolls), and the one JobDetail shows (null when it is
    // gone: withdrawn or expired since the list was drawn). Read by the app from the store.
    const std::vector<core::JobCard>* jobs = nullptr;
    const core::JobCard* job = nullptr;
    // The Jobs screen's count, order and filter choices (null: none to offer, as in view tests).
    const core::JobListFacts* job_facts = nullptr;
    std::int64_t unix_now = 0;  // wall time of the frame (PIN lock countdown)

    // The session's language code ("fa").
    std::string_view language() const { return translator->language(); }
    bool rtl() const { return direction == i18n::TextDirection::rtl; }
    // A visible string by key ("welcome.title") in the session's language.
    const std::string& text(std::string_view key) const {
        assert(translator != nullptr && "ViewContext has no translator");
        return (*translator)(key);
    }
    // A count in its plural form: count_text("idle.seconds_left", 5, "n").
    std::string count_text(std::string_view key, std::int64_t n, std::string_view name) const {
        return translator->count_text(key, n, name);
    }
};

}  // namespace kiosk::ui

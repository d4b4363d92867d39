// What a view needs besides the session: the text catalogue, the offered languages, the theme and
// fonts, and where to record this frame's tappable widgets and missing glyphs. Built by the app
// each frame; views read it and never keep state of their own.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "kiosk/i18n/languages.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/hit_map.hpp"
#include "kiosk/ui/theme.hpp"

namespace kiosk::ui {

// Every visible UI string, by key ("welcome.title"), in the session's language.
using TextLookup = std::function<std::string(std::string_view key)>;

struct ViewContext {
    TextLookup text;
    std::span<const i18n::UiLanguage> languages;  // offered on the welcome screen, in order
    Theme theme;
    Fonts fonts;
    HitMap* hits = nullptr;        // cleared by draw_screen(), filled by the widgets
    GlyphAudit* glyphs = nullptr;  // lives as long as the app
};

}  // namespace kiosk::ui

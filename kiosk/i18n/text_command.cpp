// `kiosk text shape` (see text_command.hpp).
#include "kiosk/i18n/text_command.hpp"

#include <filesystem>
#include <optional>
#include <ostream>
#include <string_view>

#include "kiosk/i18n/languages.hpp"
#include "kiosk/i18n/shaper.hpp"
#include "kiosk/i18n/text_utf8.hpp"

namespace kiosk::i18n {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFonts = 1;
constexpr int kExitUsage = 2;

// Glyph names do not depend on the size; any size will do.
constexpr float kCommandPixelSize = 16.0F;

void print_usage(std::ostream& err) {
    err << "usage: kiosk text shape --lang LANG [--font-dir DIR] TEXT\n"
           "  Prints the font file used for LANG, then the glyphs the kiosk draws for TEXT\n"
           "  (visual order), as `hb-shape --no-positions --no-clusters FONT TEXT` does.\n"
           "  LANG is one of:";
    for (const UiLanguage& l : shipped_languages()) {
        err << ' ' << l.code;
    }
    err << '\n';
}

int usage_error(std::ostream& err, std::string_view problem) {
    err << "kiosk text: " << problem << '\n';
    print_usage(err);
    return kExitUsage;
}

}  // namespace

int run_text_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return run_text_command(args, out, err, FontSearch{});
}

int run_text_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                     FontSearch search) {
    if (args.size() < 2 || args[0] != "text") {
        return usage_error(err, "expected `text shape ...`");
    }
    if (args[1] != "shape") {
        return usage_error(err, "unknown subcommand '" + args[1] + "'");
    }
    std::optional<std::string> language;
    std::optional<std::string> text;
    std::vector<std::filesystem::path> cli_dirs;  // searched before the caller's, in order
    for (std::size_t i = 2; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--lang" || a == "--font-dir") {
            if (i + 1 >= args.size()) {
                return usage_error(err, a + " needs a value");
            }
            const std::string& value = args[++i];
            if (a == "--lang") {
                language = value;
            } else {
                cli_dirs.emplace_back(value);
            }
        } else if (a.rfind("--lang=", 0) == 0) {
            language = a.substr(7);
        } else if (a.rfind("--", 0) == 0) {
            return usage_error(err, "unknown option '" + a + "'");
        } else if (text) {
            return usage_error(err, "only one TEXT argument is taken (quote it)");
        } else {
            text = a;
        }
    }
    if (!language) {
        return usage_error(err, "--lang is required");
    }
    if (!find_language(*language)) {
        return usage_error(err, "unknown language '" + *language + "'");
    }
    if (!text) {
        return usage_error(err, "TEXT is missing");
    }
    if (!is_valid_utf8(*text)) {
        return usage_error(err, "TEXT is not valid UTF-8");
    }

    search.override_dirs.insert(search.override_dirs.begin(), cli_dirs.begin(), cli_dirs.end());
    Result<FontSet> fonts = FontSet::load(search);
    if (!fonts) {
        err << "kiosk text: " << fonts.error().code << ": " << fonts.error().message << '\n';
        return kExitFonts;
    }
    out << fonts->font(fonts->primary_for_language(*language)).path().string() << '\n';

    // Like hb-shape, each line of TEXT is shaped and printed on its own.
    Shaper shaper(*fonts, 8);
    std::string_view rest = *text;
    while (true) {
        const std::size_t nl = rest.find('\n');
        const std::string_view line_text = rest.substr(0, nl);
        const auto line = shaper.shape_line(line_text, *language, kCommandPixelSize);
        out << '[';
        for (std::size_t g = 0; g < line->glyphs.size(); ++g) {
            const ShapedGlyph& glyph = line->glyphs[g];
            out << (g == 0 ? "" : "|") << fonts->font(glyph.font).glyph_name(glyph.glyph_id);
        }
        out << "]\n";
        if (nl == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(nl + 1);
    }
    return kExitOk;
}

}  // namespace kiosk::i18n

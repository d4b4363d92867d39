// `kiosk text shape --lang L "TEXT"`: prints the font the kiosk uses for language L and the glyph
// run it draws for TEXT, in the format of `hb-shape --no-positions --no-clusters FONT "TEXT"`,
// so a translator or a test can compare the kiosk with HarfBuzz's own tool.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "kiosk/i18n/font_set.hpp"

namespace kiosk::i18n {

// `args` are the words after `kiosk`: {"text", "shape", "--lang", "fa", "..."}; options:
//   --lang L | --lang=L   a shipped language (required)
//   --font-dir DIR        searched for the font files before the system fonts (repeatable)
// Output: the primary font file's path, then one line per line of TEXT:
//   [glyph|glyph|...] in visual order, names as hb-shape prints them ("[]" for empty text).
// Exit codes: 0 done; 1 fonts could not be loaded; 2 usage error (unknown subcommand or
// language, missing text, invalid UTF-8), with the usage on `err`.
int run_text_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The same, with the font search given by the caller (the kiosk passes its assets/fonts).
int run_text_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                     FontSearch search);

}  // namespace kiosk::i18n

// Helpers shared by the catalogue tests: a scratch directory per test and running gettext's
// command-line tools.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk::i18n::test {

// A fresh, empty directory under the build tree, named after the running test.
std::filesystem::path scratch_dir();

void write_text(const std::filesystem::path& path, std::string_view text);

struct CommandResult {
    int exit_code = -1;
    std::string output;  // stdout and stderr together
};

// Runs `command` through the shell.
CommandResult run_command(const std::string& command);

// Wraps a path in single quotes for the shell.
std::string shell_quote(const std::filesystem::path& path);

}  // namespace kiosk::i18n::test

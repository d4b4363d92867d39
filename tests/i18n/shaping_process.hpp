// Runs a reference tool (hb-shape, fribidi) as a child process for the shaping tests. The
// arguments go straight to posix_spawnp, so no shell quoting is involved.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::i18n::test {

struct ProcessResult {
    bool started = false;  // false when the program could not be run (not installed)
    int exit_code = -1;
    std::string out;
    std::string error;  // why it did not start, if it did not
};

// Runs argv[0] (looked up in PATH) with `input` on its standard input; collects standard output.
ProcessResult run_process(const std::vector<std::string>& argv, std::string_view input = {});

// The lines of `text` without their '\n'.
std::vector<std::string> split_lines(std::string_view text);

}  // namespace kiosk::i18n::test

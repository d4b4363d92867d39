// Runs the real kiosk binary as a child process (under Xvfb when it needs a display) and
// collects its exit status and stderr, for the end-to-end tests and nothing else.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::test {

struct ProcessResult {
    int exit_code = -1;  // -1: did not exit normally
    std::string stderr_text;
    std::string stdout_text;
};

// A fresh, empty directory under the test temp dir.
std::filesystem::path make_temp_dir(const std::string& prefix);

// A kiosk data directory at `dir` that has been set up: its database exists with a staff PIN
// (`pin`) chosen, so the kiosk starts on Welcome rather than on the first-start PIN pad.
// Returns `dir`.
std::filesystem::path configured_data_dir(const std::filesystem::path& dir,
                                          std::string_view pin = "135790");

// Runs `argv` (argv[0] found on PATH) without a display, capturing its output in `work_dir`.
ProcessResult run_program(const std::vector<std::string>& argv,
                          const std::filesystem::path& work_dir);

// Runs `kiosk` with `args`; with `virtual_display` inside
// `xvfb-run -a -s "-screen 0 1920x1080x24"`, otherwise with DISPLAY and WAYLAND_DISPLAY unset.
ProcessResult run_kiosk(const std::vector<std::string>& args, bool virtual_display,
                        const std::filesystem::path& work_dir);

}  // namespace kiosk::test

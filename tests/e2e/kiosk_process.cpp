// Child process helper: std::system with shell-quoted arguments and stderr sent to a file.
#include "kiosk_process.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace kiosk::test {

namespace fs = std::filesystem;

namespace {

std::string quote(const std::string& s) {
    std::string out = "'";
    for (const char c : s) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

}  // namespace

fs::path make_temp_dir(const std::string& prefix) {
    std::string pattern = (fs::path(::testing::TempDir()) / (prefix + "-XXXXXX")).string();
    if (mkdtemp(pattern.data()) == nullptr) {
        ADD_FAILURE() << "mkdtemp failed for " << pattern;
    }
    return pattern;
}

ProcessResult run_kiosk(const std::vector<std::string>& args, bool virtual_display,
                        const fs::path& work_dir) {
    std::string cmd = virtual_display ? "xvfb-run -a -s '-screen 0 1920x1080x24' "
                                      : "env -u DISPLAY -u WAYLAND_DISPLAY ";
    cmd += quote(KIOSK_EXE);
    for (const auto& a : args) {
        cmd += ' ' + quote(a);
    }
    const fs::path err = work_dir / "stderr.txt";
    cmd += " 2>" + quote(err.string());
    const int status = std::system(cmd.c_str());
    ProcessResult result;
    if (status != -1 && WIFEXITED(status)) {
        result.exit_code = WEXITSTATUS(status);
    }
    std::ifstream in(err);
    std::stringstream text;
    text << in.rdbuf();
    result.stderr_text = text.str();
    return result;
}

}  // namespace kiosk::test

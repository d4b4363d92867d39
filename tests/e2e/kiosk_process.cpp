// Child process helper: std::system with shell-quoted arguments, stdout and stderr sent to files.
#include "kiosk_process.hpp"

#include "kiosk/store/database.hpp"
#include "kiosk/store/staff.hpp"

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

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Runs the shell command `cmd` (already quoted) with stdout and stderr sent to files.
ProcessResult run_shell(std::string cmd, const fs::path& work_dir) {
    const fs::path out = work_dir / "stdout.txt";
    const fs::path err = work_dir / "stderr.txt";
    cmd += " >" + quote(out.string()) + " 2>" + quote(err.string());
    const int status = std::system(cmd.c_str());
    ProcessResult result;
    if (status != -1 && WIFEXITED(status)) {
        result.exit_code = WEXITSTATUS(status);
    }
    result.stdout_text = read_file(out);
    result.stderr_text = read_file(err);
    return result;
}

}  // namespace

ProcessResult run_program(const std::vector<std::string>& argv, const fs::path& work_dir) {
    std::string cmd = "env -u DISPLAY -u WAYLAND_DISPLAY";
    for (const auto& a : argv) {
        cmd += ' ' + quote(a);
    }
    return run_shell(std::move(cmd), work_dir);
}

ProcessResult run_kiosk(const std::vector<std::string>& args, bool virtual_display,
                        const fs::path& work_dir) {
    if (!virtual_display) {
        std::vector<std::string> argv = {KIOSK_EXE};
        argv.insert(argv.end(), args.begin(), args.end());
        return run_program(argv, work_dir);
    }
    std::string cmd = "xvfb-run -a -s '-screen 0 1920x1080x24' " + quote(KIOSK_EXE);
    for (const auto& a : args) {
        cmd += ' ' + quote(a);
    }
    return run_shell(std::move(cmd), work_dir);
}

std::filesystem::path configured_data_dir(const std::filesystem::path& dir, std::string_view pin) {
    std::filesystem::create_directories(dir);
    auto db = store::Database::open(dir / "kiosk.db");
    if (!db) {
        throw std::runtime_error("cannot open the kiosk database: " + db.error().message);
    }
    auto staff = store::set_first_pin(*db, pin);
    if (!staff) {
        throw std::runtime_error("cannot set the staff PIN: " + staff.error().message);
    }
    return dir;
}

}  // namespace kiosk::test

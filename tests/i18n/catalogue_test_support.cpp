// Scratch directories and gettext tool runs for the catalogue tests.
#include "tests/i18n/catalogue_test_support.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>

#include "kiosk/i18n/po_parser.hpp"

namespace kiosk::i18n::test {

namespace {

std::filesystem::path scratch_root() {
    return std::filesystem::path(KIOSK_BINARY_DIR) / "test-scratch" / "catalogue";
}

std::string test_name() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    return info == nullptr ? std::string("no_test")
                           : std::string(info->test_suite_name()) + "." + info->name();
}

}  // namespace

std::filesystem::path scratch_dir() {
    const auto dir = scratch_root() / test_name();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

void write_text(const std::filesystem::path& path, std::string_view text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
    ASSERT_TRUE(out.good()) << "cannot write " << path;
}

CommandResult run_command(const std::string& command) {
    CommandResult result;
    std::filesystem::create_directories(scratch_root());
    const auto log = scratch_root() / (test_name() + ".command.log");
    const int status = std::system((command + " > " + shell_quote(log) + " 2>&1").c_str());
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (auto text = read_file_bytes(log)) {
        result.output = std::move(text).value();
    }
    return result;
}

std::string shell_quote(const std::filesystem::path& path) {
    std::string out = "'";
    for (const char c : path.string()) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

}  // namespace kiosk::i18n::test

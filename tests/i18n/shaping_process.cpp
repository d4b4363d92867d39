// Child processes for the reference tools (see shaping_process.hpp).
#include "tests/i18n/shaping_process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

extern char** environ;

namespace kiosk::i18n::test {

ProcessResult run_process(const std::vector<std::string>& argv, std::string_view input) {
    ProcessResult result;
    std::array<int, 2> to_child{-1, -1};
    std::array<int, 2> from_child{-1, -1};
    if (pipe2(to_child.data(), O_CLOEXEC) != 0 || pipe2(from_child.data(), O_CLOEXEC) != 0) {
        result.error = std::strerror(errno);
        return result;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, to_child[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, from_child[1], STDOUT_FILENO);

    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const std::string& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);

    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(to_child[0]);
    close(from_child[1]);
    if (rc != 0) {
        result.error = argv[0] + ": " + std::strerror(rc);
        close(to_child[1]);
        close(from_child[0]);
        return result;
    }
    result.started = true;
    // Inputs are a line or two: they fit in the pipe, so writing all before reading is safe.
    std::size_t written = 0;
    while (written < input.size()) {
        const ssize_t n = write(to_child[1], input.data() + written, input.size() - written);
        if (n <= 0) {
            break;
        }
        written += static_cast<std::size_t>(n);
    }
    close(to_child[1]);
    std::array<char, 4096> buf{};
    while (true) {
        const ssize_t n = read(from_child[0], buf.data(), buf.size());
        if (n <= 0) {
            break;
        }
        result.out.append(buf.data(), static_cast<std::size_t>(n));
    }
    close(from_child[0]);
    int status = 0;
    if (waitpid(pid, &status, 0) == pid && WIFEXITED(status)) {
        result.exit_code = WEXITSTATUS(status);
    }
    return result;
}

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        lines.emplace_back(text.substr(0, nl));
        if (nl == std::string_view::npos) {
            break;
        }
        text.remove_prefix(nl + 1);
    }
    return lines;
}

}  // namespace kiosk::i18n::test

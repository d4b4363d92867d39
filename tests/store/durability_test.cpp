// Kill -9 loop: a child process submits registrations and reports each record id only after
// submit_registration returned OK; the parent kills it at a random moment, reopens the database
// and checks that every reported registration is there (both rows) and the file is intact.
// This proves the commit protocol against process death; power loss (unsynced pages) is what
// synchronous=FULL is for and is not simulated here.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <set>

#include "kiosk/store/outbox.hpp"
#include "kiosk/store/registrations.hpp"
#include "tests/store/store_test_support.hpp"

namespace kiosk::store {
namespace {

using testing::make_registration;
using testing::RawSqlite;
using testing::TempDir;

constexpr int kRounds = 20;
constexpr std::size_t kIdLine = 33;  // 32 hex characters + '\n'

// The child: never returns, never touches GoogleTest. Exit codes say why it stopped early.
[[noreturn]] void submit_until_killed(const std::filesystem::path& file, std::uint64_t first_n,
                                      int report_fd) {
    auto db = Database::open(file);
    if (!db) {
        _exit(2);
    }
    for (std::uint64_t n = first_n;; ++n) {
        const NewRegistration r = make_registration(n, 512);
        if (!submit_registration(*db, r)) {
            _exit(3);
        }
        const std::string line = r.record_id + "\n";  // < PIPE_BUF: written atomically
        if (write(report_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
            _exit(4);
        }
    }
}

// Reads whole id lines from `fd` into `ids`, until EOF or until `deadline` if it is given.
void collect_ids(int fd, std::string& pending, std::set<std::string>& ids,
                 std::optional<std::chrono::steady_clock::time_point> deadline) {
    char buffer[4096];
    for (;;) {
        int timeout_ms = -1;
        if (deadline) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                *deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) {
                return;
            }
            timeout_ms = static_cast<int>(left.count());
        }
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, timeout_ms) <= 0) {
            continue;  // timeout (loop re-checks the deadline) or EINTR
        }
        const ssize_t got = read(fd, buffer, sizeof buffer);
        if (got <= 0) {
            return;  // EOF: the child is gone
        }
        pending.append(buffer, static_cast<std::size_t>(got));
        while (pending.size() >= kIdLine) {
            ids.insert(pending.substr(0, kIdLine - 1));
            pending.erase(0, kIdLine);
        }
    }
}

TEST(Durability, EveryRegistrationReportedBeforeAKillIsThereAfterReopen) {
    TempDir dir;
    const std::filesystem::path file = dir / "kiosk.db";
    std::mt19937 random(20261123);  // fixed seed: the same kill times on every run
    std::uniform_int_distribution<int> kill_after_ms(40, 250);
    std::set<std::string> reported;

    for (int round = 0; round < kRounds; ++round) {
        int fds[2];
        ASSERT_EQ(pipe(fds), 0);
        const pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            close(fds[0]);
            submit_until_killed(file, static_cast<std::uint64_t>(round) * 1'000'000, fds[1]);
        }
        close(fds[1]);
        std::string pending;
        std::set<std::string> ids;
        const auto deadline =
            std::chrono::steady_clock::now() + std::chrono::milliseconds(kill_after_ms(random));
        collect_ids(fds[0], pending, ids, deadline);
        kill(child, SIGKILL);
        collect_ids(fds[0], pending, ids, std::nullopt);
        close(fds[0]);
        int status = 0;
        ASSERT_EQ(waitpid(child, &status, 0), child);
        ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
            << "round " << round << ": the child stopped by itself, exit code "
            << (WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        EXPECT_TRUE(pending.empty()) << "a partial id line: writes must be whole";

        auto db = Database::open(file);
        ASSERT_TRUE(db.ok()) << "round " << round << ": " << db.error().message;
        RawSqlite raw(file);
        ASSERT_EQ(raw.text("PRAGMA integrity_check"), "ok") << "round " << round;
        for (const std::string& id : ids) {
            ASSERT_EQ(
                raw.integer("SELECT count(*) FROM registrations WHERE record_id = '" + id + "'"), 1)
                << "round " << round << ": registration " << id << " lost";
            ASSERT_EQ(raw.integer("SELECT count(*) FROM outbox WHERE record_id = '" + id +
                                  "' AND state = 'queued'"),
                      1)
                << "round " << round << ": outbox entry " << id << " lost";
        }
        // Never half a submit: every receipt has its outbox entry and the reverse.
        EXPECT_EQ(raw.integer("SELECT count(*) FROM registrations r LEFT JOIN outbox o "
                              "USING (record_id) WHERE o.record_id IS NULL"),
                  0);
        EXPECT_EQ(raw.integer("SELECT count(*) FROM outbox o LEFT JOIN registrations r "
                              "USING (record_id) WHERE r.record_id IS NULL"),
                  0);
        // The counter is ahead of every sequence number handed out, so none is reused.
        EXPECT_GT(raw.integer("SELECT next_device_seq FROM sync_state"),
                  raw.integer("SELECT coalesce(max(device_seq), 0) FROM outbox"));
        reported.insert(ids.begin(), ids.end());
    }
    // The test only means something if the child got records through before being killed.
    EXPECT_GE(reported.size(), static_cast<std::size_t>(kRounds));
}

}  // namespace
}  // namespace kiosk::store

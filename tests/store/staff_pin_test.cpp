// Staff PINs on a real database file: Argon2id hashes, first PIN, change, the lockout with its
// growing delay at given wall times, and the counter being on disk before the PIN is verified
// (seen from a second connection, and by killing a process in the middle of a check).
#include "kiosk/store/staff.hpp"

#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/store/settings.hpp"
#include "tests/store/store_fixture.hpp"

namespace kiosk::store {
namespace {

using testing::RawSqlite;

constexpr std::string_view kPin = "482915";
constexpr std::string_view kWrong = "111111";
constexpr std::int64_t kNow = 1'790'000'000;

class StaffPin : public testing::StoreTest {
  protected:
    void SetUp() override {
        StoreTest::SetUp();
        auto id = set_first_pin(db(), kPin);
        ASSERT_TRUE(id.ok()) << id.error().code;
    }
    std::int64_t stored_int(const std::string& key) {
        return RawSqlite(file_).integer("SELECT value FROM settings WHERE key = '" + key + "'");
    }
    PinCheck check(std::string_view pin, std::int64_t now) {
        auto result = check_pin(db(), pin, now);
        EXPECT_TRUE(result.ok()) << result.error().code << ": " << result.error().message;
        return result ? *result : PinCheck{};
    }
};

using StaffPinFirstStart = testing::StoreTest;

TEST_F(StaffPinFirstStart, NoPinUntilTheFirstIsSetThenItSignsInAsStaff1) {
    EXPECT_FALSE(has_staff_pin(db()).value());
    auto before = check_pin(db(), kPin, kNow);
    ASSERT_FALSE(before.ok());
    EXPECT_EQ(before.error().code, staff_errc::kNoPin);

    auto id = set_first_pin(db(), kPin);
    ASSERT_TRUE(id.ok()) << id.error().code;
    EXPECT_EQ(*id, "staff-1");
    reopen();
    EXPECT_TRUE(has_staff_pin(db()).value());
    auto signed_in = check_pin(db(), kPin, kNow);
    ASSERT_TRUE(signed_in.ok());
    EXPECT_TRUE(signed_in->ok);
    EXPECT_EQ(signed_in->staff_id, "staff-1");
}

TEST_F(StaffPinFirstStart, ThePinIsStoredAsAnArgon2idHashNeverInClear) {
    ASSERT_TRUE(set_first_pin(db(), kPin).ok());
    const std::string hash =
        RawSqlite(file_).text("SELECT value FROM settings WHERE key = 'staff.pin_hash.staff-1'");
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0U) << hash;
    EXPECT_EQ(hash.find(kPin), std::string::npos);
    EXPECT_EQ(RawSqlite(file_).integer("SELECT count(*) FROM settings WHERE value LIKE '%" +
                                       std::string(kPin) + "%'"),
              0);
}

TEST_F(StaffPinFirstStart, PinsThatAreNotSixToTwelveDigitsAreRefusedAndNothingIsStored) {
    for (const std::string_view bad : {"", "12345", "1234567890123", "12a456", "123 456",
                                       "١٢٣٤٥٦"}) {  // Arabic-Indic digits are not ASCII digits
        auto id = set_first_pin(db(), bad);
        ASSERT_FALSE(id.ok()) << "'" << bad << "' was accepted";
        EXPECT_EQ(id.error().code, staff_errc::kBadPin);
    }
    EXPECT_FALSE(has_staff_pin(db()).value());
    EXPECT_TRUE(set_first_pin(db(), "123456").ok()) << "6 digits is the minimum";
    EXPECT_TRUE(is_valid_pin("123456789012")) << "12 digits is the maximum";
}

TEST_F(StaffPin, ASecondFirstPinIsRefusedAndTheFirstStillWorks) {
    auto again = set_first_pin(db(), "999999");
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, staff_errc::kPinExists);
    EXPECT_FALSE(check("999999", kNow).ok);
    EXPECT_TRUE(check(kPin, kNow).ok);
}

TEST_F(StaffPin, ChangeReplacesThePin) {
    ASSERT_TRUE(change_pin(db(), "staff-1", "70707070").ok());
    reopen();
    EXPECT_FALSE(check(kPin, kNow).ok) << "the old PIN must stop working";
    const PinCheck now = check("70707070", kNow);
    EXPECT_TRUE(now.ok);
    EXPECT_EQ(now.staff_id, "staff-1");
}

TEST_F(StaffPin, ChangeRefusesAnUnknownIdOrABadPinAndKeepsTheOldPin) {
    auto unknown = change_pin(db(), "staff-9", "70707070");
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, staff_errc::kUnknownStaff);
    auto short_pin = change_pin(db(), "staff-1", "12345");
    ASSERT_FALSE(short_pin.ok());
    EXPECT_EQ(short_pin.error().code, staff_errc::kBadPin);
    EXPECT_TRUE(check(kPin, kNow).ok);
}

TEST_F(StaffPin, WrongPinsAreCountedOnDiskAndTheRightOneResetsTheCounter) {
    for (int i = 1; i <= 3; ++i) {
        const PinCheck wrong = check(kWrong, kNow + i);
        EXPECT_FALSE(wrong.ok);
        EXPECT_TRUE(wrong.staff_id.empty());
        EXPECT_EQ(wrong.failures, i);
        EXPECT_EQ(wrong.locked_until, 0) << "no lock before the 5th failure";
        EXPECT_EQ(stored_int("staff.pin_failures"), i);
    }
    reopen();
    const PinCheck right = check(kPin, kNow + 10);
    EXPECT_TRUE(right.ok);
    EXPECT_EQ(right.failures, 0);
    EXPECT_EQ(stored_int("staff.pin_failures"), 0);
}

TEST_F(StaffPin, AMalformedPinCountsAsAWrongOne) {
    EXPECT_FALSE(check("12", kNow).ok);
    EXPECT_EQ(stored_int("staff.pin_failures"), 1);
}

TEST(StaffLockDelay, ThirtySecondsAtTheFifthFailureDoublingUpToAnHour) {
    EXPECT_EQ(lock_seconds_after(0), 0);
    EXPECT_EQ(lock_seconds_after(4), 0);
    EXPECT_EQ(lock_seconds_after(5), 30);
    EXPECT_EQ(lock_seconds_after(6), 60);
    EXPECT_EQ(lock_seconds_after(7), 120);
    EXPECT_EQ(lock_seconds_after(11), 1920);
    EXPECT_EQ(lock_seconds_after(12), 3600) << "3840 s is over the cap";
    EXPECT_EQ(lock_seconds_after(1000), 3600);
}

TEST_F(StaffPin, FiveWrongPinsLockThePadEvenForTheRightPinWithAGrowingDelay) {
    std::int64_t now = kNow;
    for (int i = 1; i <= 4; ++i) {
        EXPECT_EQ(check(kWrong, now).locked_until, 0);
    }
    const PinCheck fifth = check(kWrong, now);
    EXPECT_EQ(fifth.failures, 5);
    EXPECT_EQ(fifth.locked_until, now + 30);

    // Locked: even the right PIN is refused, unverified and uncounted.
    const PinCheck refused = check(kPin, now + 29);
    EXPECT_FALSE(refused.ok);
    EXPECT_TRUE(refused.refused_locked);
    EXPECT_EQ(refused.failures, 5);
    EXPECT_EQ(refused.locked_until, now + 30);
    EXPECT_EQ(stored_int("staff.pin_failures"), 5);

    // Each further failure doubles the wait.
    now += 30;
    const PinCheck sixth = check(kWrong, now);
    EXPECT_FALSE(sixth.refused_locked);
    EXPECT_EQ(sixth.failures, 6);
    EXPECT_EQ(sixth.locked_until, now + 60);
    now += 60;
    EXPECT_EQ(check(kWrong, now).locked_until, now + 120);
    EXPECT_EQ(stored_int("staff.pin_locked_until"), now + 120);

    // After the wait the right PIN signs in and clears everything.
    now += 120;
    const PinCheck right = check(kPin, now);
    EXPECT_TRUE(right.ok);
    EXPECT_EQ(right.locked_until, 0);
    EXPECT_EQ(stored_int("staff.pin_failures"), 0);
    EXPECT_EQ(stored_int("staff.pin_locked_until"), 0);
}

TEST_F(StaffPin, TheLockSurvivesARestart) {
    for (int i = 0; i < 5; ++i) {
        check(kWrong, kNow);
    }
    reopen();
    const PinLockout lockout = read_pin_lockout(db()).value();
    EXPECT_EQ(lockout.failures, 5);
    EXPECT_EQ(lockout.locked_until, kNow + 30);
    EXPECT_TRUE(check(kPin, kNow + 5).refused_locked);
}

TEST_F(StaffPin, ALockFarInTheFutureIsCutToAnHourWhenTheClockWentBack) {
    ASSERT_TRUE(set_int_setting(db(), "staff.pin_failures", 9).ok());
    ASSERT_TRUE(set_int_setting(db(), "staff.pin_locked_until", kNow + 86'400).ok());
    const PinCheck refused = check(kPin, kNow);
    EXPECT_TRUE(refused.refused_locked);
    EXPECT_EQ(refused.locked_until, kNow + 3600);
    EXPECT_EQ(stored_int("staff.pin_locked_until"), kNow + 3600);
}

// What a second connection reads as the stored counter each time this connection starts a
// statement (SQLite's trace hook): the state a power cut at that moment would leave.
struct CounterWatch {
    RawSqlite* other = nullptr;
    std::vector<std::string> seen;
};

int watch_statement(unsigned, void* context, void*, void*) {
    auto* watch = static_cast<CounterWatch*>(context);
    watch->seen.push_back(
        watch->other->text("SELECT value FROM settings WHERE key = 'staff.pin_failures'"));
    return 0;
}

TEST_F(StaffPin, TheFailureIsCommittedBeforeTheRightPinIsVerified) {
    for (int i = 0; i < 3; ++i) {
        check(kWrong, kNow);
    }
    RawSqlite other(file_);
    CounterWatch watch{&other, {}};
    sqlite3_trace_v2(db().handle(), SQLITE_TRACE_STMT, watch_statement, &watch);
    const PinCheck right = check(kPin, kNow);
    sqlite3_trace_v2(db().handle(), 0, nullptr, nullptr);

    EXPECT_TRUE(right.ok);
    ASSERT_FALSE(watch.seen.empty());
    EXPECT_EQ(watch.seen.front(), "3");
    // Between the two transactions (while the PIN was verified) the disk said 4: had the power
    // gone then, the attempt would have stayed counted.
    EXPECT_NE(std::find(watch.seen.begin(), watch.seen.end(), "4"), watch.seen.end())
        << "the counter was never committed as 4 before the right PIN reset it";
    EXPECT_EQ(stored_int("staff.pin_failures"), 0);
}

// The child: checks the right PIN, says "done" on the pipe, then waits to be killed.
[[noreturn]] void check_then_wait(const std::filesystem::path& file, int done_fd) {
    auto db = Database::open(file);
    if (!db) {
        _exit(2);
    }
    auto checked = check_pin(*db, kPin, kNow);
    if (!checked || !checked->ok) {
        _exit(3);
    }
    const char done = 'd';
    if (write(done_fd, &done, 1) != 1) {
        _exit(4);
    }
    for (;;) {
        pause();
    }
}

struct ReapOnExit {
    pid_t pid;
    explicit ReapOnExit(pid_t child) : pid(child) {}
    ReapOnExit(const ReapOnExit&) = delete;
    ReapOnExit& operator=(const ReapOnExit&) = delete;
    ~ReapOnExit() {
        if (pid > 0) {
            kill(pid, SIGKILL);
            waitpid(pid, nullptr, 0);
        }
    }
};

TEST_F(StaffPin, AProcessKilledWhileVerifyingLeavesTheAttemptCounted) {
    for (int i = 0; i < 3; ++i) {
        check(kWrong, kNow);
    }
    close();
    // Killed as soon as the counter reads 4 on disk, the child is almost always still hashing;
    // a round where it finished first (under load the kill can land after the reset to 0)
    // proves nothing and is run again.
    int killed_mid_check = 0;
    for (int round = 0; round < 10 && killed_mid_check < 3; ++round) {
        int fds[2];
        ASSERT_EQ(pipe(fds), 0);
        const pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            ::close(fds[0]);
            check_then_wait(file_, fds[1]);
        }
        ::close(fds[1]);
        ReapOnExit reap{child};  // a failed assertion below must not leave the child paused
        {
            RawSqlite watch(file_);
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
            while (watch.text("SELECT value FROM settings WHERE key = 'staff.pin_failures'") !=
                       "4" &&
                   std::chrono::steady_clock::now() < deadline) {
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
        }
        kill(child, SIGKILL);
        int status = 0;
        ASSERT_EQ(waitpid(child, &status, 0), child);
        reap.pid = -1;
        ASSERT_TRUE(WIFSIGNALED(status))
            << "the child failed with exit code " << (WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        pollfd p{fds[0], POLLIN, 0};
        char byte = 0;
        const bool finished = poll(&p, 1, 0) == 1 && read(fds[0], &byte, 1) == 1;
        ::close(fds[0]);
        const std::int64_t failures = stored_int("staff.pin_failures");
        if (finished) {
            // It signed in before the kill: the counter is 0 again; set up the next round.
            ASSERT_EQ(failures, 0);
        } else if (failures == 0) {
            // Killed after the right PIN reset the counter, before the child could report:
            // like a finished round, it proves nothing either way.
        } else {
            // Killed while hashing: the attempt is on disk. A 3 here would mean the counter was
            // committed only after the check.
            ++killed_mid_check;
            EXPECT_EQ(failures, 4) << "round " << round;
        }
        reopen();
        ASSERT_TRUE(set_int_setting(db(), "staff.pin_failures", 3).ok());
        close();
    }
    EXPECT_GE(killed_mid_check, 1) << "no round killed the child during the check";
}

}  // namespace
}  // namespace kiosk::store

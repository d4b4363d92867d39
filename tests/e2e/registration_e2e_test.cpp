// End to end: whole visits driven through the real kiosk window under Xvfb with `--script`
// (typing through the on-screen keyboard's keys), then the kiosk's database is read with the
// sqlite3 tool: a self-registration in Turkish (from the first start, when staff choose the PIN),
// a staff-assisted one in Arabic, a decline, and an idle reset in the middle of the form. All
// data is made up.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "kiosk_process.hpp"
#include "visit_script.hpp"

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;

struct Visit {
    fs::path dir;
    ProcessResult result;
    fs::path db() const { return dir / "data" / "kiosk.db"; }
};

// Runs `script` on a kiosk whose data directory holds the server's public key (so it can seal)
// and, unless `first_start`, a staff PIN.
Visit run_visit(const std::string& script, bool first_start) {
    Visit v;
    v.dir = make_temp_dir("kiosk-visit");
    const fs::path data = v.dir / "data";
    if (first_start) {
        fs::create_directories(data);
    } else {
        configured_data_dir(data, kPin);
    }
    const ProcessResult keys =
        run_program({KIOSK_CENTRAL_EXE, "init", "--db", (v.dir / "central.db").string(), "--keys",
                     (v.dir / "keys").string()},
                    v.dir);
    EXPECT_EQ(keys.exit_code, 0) << keys.stderr_text;
    fs::copy_file(v.dir / "keys" / "server.pub", data / "server.pub");
    std::ofstream(v.dir / "visit.script") << script;
    v.result = run_kiosk({"--size", "1280x800", "--data-dir", data.string(), "--script",
                          (v.dir / "visit.script").string()},
                         true, v.dir);
    return v;
}

// One value per row of `sql` on the kiosk's database, '|' between columns.
std::string query(const Visit& v, const std::string& sql) {
    const ProcessResult r = run_program({"sqlite3", v.db().string(), sql}, v.dir);
    EXPECT_EQ(r.exit_code, 0) << r.stderr_text;
    return r.stdout_text;
}

std::string file_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

TEST(Visit, FirstStartThenASelfRegistrationInTurkishIsStoredSealedWithItsOutboxEntry) {
    const std::string script = "expect-screen staff_pin\n" + pin_taps() + pin_taps() +
                               "expect-screen staff_menu\n"
                               "tap \"staff.leave\"\n"
                               "expect-screen welcome\n"
                               "tap \"lang.tr\"\n"
                               "expect-screen notice\n"
                               "tap \"consent.accept\"\n" +
                               form_script("Ayşe") +
                               "tap \"review.submit\"\n"
                               "expect-screen done\n"
                               "tap \"done.finish\"\n"
                               "expect-screen welcome\n";
    const Visit v = run_visit(script, /*first_start=*/true);
    ASSERT_EQ(v.result.exit_code, 0) << v.result.stderr_text;
    // One registration, one outbox row, the same record id; self-registered.
    EXPECT_EQ(query(v, "SELECT count(*) FROM registrations;"), "1\n");
    EXPECT_EQ(query(v,
                    "SELECT count(*) FROM outbox WHERE kind = 'registration' AND state = "
                    "'queued';"),
              "1\n");
    EXPECT_EQ(query(v,
                    "SELECT count(*) FROM registrations r JOIN outbox o ON o.record_id = "
                    "r.record_id;"),
              "1\n");
    EXPECT_EQ(query(v, "SELECT staff_assisted, coalesce(staff_id, '-') FROM registrations;"),
              "0|-\n");
    // Nothing of the person can be read back from the database files.
    for (const char* file : {"kiosk.db", "kiosk.db-wal"}) {
        const std::string bytes = file_bytes(v.dir / "data" / file);
        EXPECT_EQ(bytes.find("Ay\xC5\x9F"
                             "e"),
                  std::string::npos)
            << file;
        EXPECT_EQ(bytes.find("5321234567"), std::string::npos) << file;
    }
    fs::remove_all(v.dir);
}

TEST(Visit, ASelfRegistrationInArabicIsStored) {
    const Visit v = run_visit(
        "tap \"lang.ar\"\n"
        "expect-screen notice\n"
        "tap \"consent.accept\"\n" +
            form_script("مريم") +
            "tap \"review.submit\"\n"
            "expect-screen done\n",
        /*first_start=*/false);
    ASSERT_EQ(v.result.exit_code, 0) << v.result.stderr_text;
    EXPECT_EQ(query(v,
                    "SELECT count(*) FROM registrations r JOIN outbox o ON o.record_id = "
                    "r.record_id WHERE r.staff_assisted = 0;"),
              "1\n");
    EXPECT_EQ(query(v, "SELECT count(*) FROM outbox;"), "1\n");
    fs::remove_all(v.dir);
}

TEST(Visit, AStaffAssistedRegistrationInArabicCarriesTheStaffId) {
    const std::string script =
        "hold \"staff.entry\" 3s\n"
        "expect-screen staff_pin\n" +
        pin_taps() +
        "expect-screen staff_menu\n"
        "tap \"staff.assisted\"\n"
        "expect-screen welcome\n"
        "tap \"lang.ar\"\n"
        "expect-screen notice\n"
        "tap \"consent.accept\"\n" +
        form_script("أمل") +
        "tap \"review.submit\"\n"
        "expect-screen done\n";
    const Visit v = run_visit(script, /*first_start=*/false);
    ASSERT_EQ(v.result.exit_code, 0) << v.result.stderr_text;
    EXPECT_EQ(query(v, "SELECT staff_assisted, staff_id FROM registrations;"), "1|staff-1\n");
    EXPECT_EQ(query(v, "SELECT count(*) FROM outbox;"), "1\n");
    fs::remove_all(v.dir);
}

TEST(Visit, DecliningStoresNothing) {
    const Visit v = run_visit(
        "tap \"lang.ar\"\n"
        "expect-screen notice\n"
        "tap \"consent.decline\"\n"
        "expect-screen declined\n"
        "tap \"declined.finish\"\n"
        "expect-screen welcome\n",
        /*first_start=*/false);
    ASSERT_EQ(v.result.exit_code, 0) << v.result.stderr_text;
    EXPECT_EQ(query(v, "SELECT count(*) FROM registrations;"), "0\n");
    EXPECT_EQ(query(v, "SELECT count(*) FROM outbox;"), "0\n");
    fs::remove_all(v.dir);
}

TEST(Visit, AnIdleResetInTheMiddleLeavesNothingAndTheNextPersonStartsFresh) {
    const Visit v = run_visit(
        "tap \"lang.tr\"\n"
        "tap \"consent.accept\"\n"
        "expect-screen name\n"
        "tap \"field.given_name\"\n"
        "type \"Zeynep\"\n"
        "tap \"nav.next\"\n"
        "expect-screen contact\n"
        "idle 95s\n"
        "expect-screen idle_warning\n"
        "idle 25s\n"
        "expect-screen welcome\n"
        "tap \"lang.tr\"\n"
        "tap \"consent.accept\"\n"
        "expect-screen name\n"
        "expect \"Ad\"\n",
        /*first_start=*/false);
    ASSERT_EQ(v.result.exit_code, 0) << v.result.stderr_text;
    EXPECT_EQ(query(v, "SELECT count(*) FROM registrations;"), "0\n");
    EXPECT_EQ(query(v, "SELECT count(*) FROM outbox;"), "0\n");
    fs::remove_all(v.dir);
}

}  // namespace
}  // namespace kiosk::test

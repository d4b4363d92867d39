// End to end: the embedded default as the README's run command starts it
// (packaging/start-local.sh on this build's binaries): a local kiosk-central with the demo job
// offers, kiosk-sync enrolled against it and running, and the kiosk window under Xvfb. A person
// registers through the window; the running daemon alone must carry the sealed record to the
// server, which opens it. Everything stops with the kiosk. Then the job offers pulled from the
// demo content, browsed without registering: the detail page mirrored in Arabic, Persian and
// Pashto. Then "I'm interested", from a person who registered in the visit and from one who
// typed a reference code, through kiosk-sync to kiosk-central's export. All data is made up.
#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/ui/theme.hpp"
#include "kiosk_process.hpp"
#include "png.hpp"
#include "visit_script.hpp"

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;

// A loopback port nobody listens on right now (the kernel's choice for port 0).
int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        if (fd >= 0) {
            ::close(fd);
        }
        return 0;
    }
    ::close(fd);
    return ntohs(addr.sin_port);
}

bool someone_listens(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

struct LocalRun {
    fs::path home;  // XDG_DATA_HOME
    int port = 0;
    ProcessResult result;

    std::string kiosk_db() const { return (home / "kiosk" / "kiosk.db").string(); }
    std::string central_db() const { return (home / "kiosk-central" / "central.db").string(); }
    std::string central_keys() const { return (home / "kiosk-central" / "keys").string(); }
};

LocalRun start_local(const fs::path& home, const std::string& script) {
    LocalRun run{home, free_port(), {}};
    std::ofstream(home / "visit.script") << script;
    run.result = run_program(
        {"env", "XDG_DATA_HOME=" + home.string(),
         "KIOSK_CENTRAL_LISTEN=127.0.0.1:" + std::to_string(run.port), "xvfb-run", "-a", "-s",
         "-screen 0 1920x1080x24", "bash", KIOSK_SOURCE_DIR "/packaging/start-local.sh",
         KIOSK_BINARY_DIR, "--size", "1280x800", "--script", (home / "visit.script").string()},
        home);
    return run;
}

std::string query(const LocalRun& run, const std::string& db, const std::string& sql) {
    const ProcessResult r = run_program({"sqlite3", db, sql}, run.home);
    EXPECT_EQ(r.exit_code, 0) << r.stderr_text;
    return r.stdout_text;
}

// `kiosk-central export --format json` of what the local server holds, opened with its keys.
ProcessResult export_json(const LocalRun& run) {
    return run_program({KIOSK_CENTRAL_EXE, "export", "--db", run.central_db(), "--keys",
                        run.central_keys(), "--format", "json"},
                       run.home);
}

TEST(EmbeddedDefault, TheRunCommandBringsUpServerSyncAndKioskAndARegistrationReachesTheServer) {
    const fs::path home = make_temp_dir("kiosk-embedded");
    configured_data_dir(home / "kiosk", kPin);
    // Self-registration in Turkish, then time for the running daemon to notice the new row
    // (it polls the database about once a second) and push it before the kiosk exits.
    const std::string script =
        "expect-screen welcome\n"
        "tap \"lang.tr\"\n"
        "expect-screen notice\n"
        "tap \"consent.accept\"\n" +
        form_script("Elif") +
        "tap \"review.submit\"\n"
        "expect-screen done\n"
        "wait 5000ms\n"
        "tap \"done.finish\"\n"
        "expect-screen welcome\n";
    const LocalRun run = start_local(home, script);
    ASSERT_EQ(run.result.exit_code, 0) << run.result.stdout_text << run.result.stderr_text;

    // The demo offers reached the kiosk before its window opened.
    const std::string offers = query(run, run.kiosk_db(), "SELECT count(*) FROM job_offers;");
    EXPECT_GE(std::stoi(offers), 200) << offers;
    // The daemon pushed the registration: acked on the kiosk, held once by the server, and
    // readable there only with the server's secret key.
    EXPECT_EQ(query(run, run.kiosk_db(), "SELECT state, count(*) FROM outbox GROUP BY state;"),
              "acked|1\n");
    EXPECT_EQ(query(run, run.central_db(), "SELECT kind, count(*) FROM records GROUP BY kind;"),
              "registration|1\n");
    const ProcessResult exported = export_json(run);
    ASSERT_EQ(exported.exit_code, 0) << exported.stderr_text;
    EXPECT_NE(exported.stdout_text.find("Elif"), std::string::npos);
    EXPECT_NE(exported.stdout_text.find("Gaziantep"), std::string::npos);
    // The server and the daemon stopped with the kiosk.
    EXPECT_FALSE(someone_listens(run.port));

    // A second start reuses the enrolment and publishes no offer again.
    const LocalRun again = start_local(home, "expect-screen welcome\n");
    ASSERT_EQ(again.result.exit_code, 0) << again.result.stdout_text << again.result.stderr_text;
    EXPECT_EQ(query(again, again.central_db(), "SELECT count(*) FROM devices;"), "1\n");
    EXPECT_EQ(query(again, again.kiosk_db(), "SELECT count(*) FROM job_offers;"), offers);
    EXPECT_EQ(again.result.stdout_text.find("enrolled device"), std::string::npos)
        << again.result.stdout_text;
    fs::remove_all(home);
}

// One visit per language that declines, opens the job offers and one offer (the newest demo
// offer, in Kazanlak), with a screenshot of the list and of the offer.
std::string browse_script(const fs::path& dir, const std::vector<std::string>& languages) {
    std::string script = "expect-screen welcome\n";
    for (const std::string& lang : languages) {
        script += "tap \"lang." + lang +
                  "\"\n"
                  "tap \"consent.decline\"\n"
                  "tap \"jobs.open\"\n"
                  "expect-screen jobs\n"
                  "screenshot \"" +
                  (dir / ("jobs_" + lang + ".png")).string() +
                  "\"\n"
                  "tap \"jobs.demo-bg-kazanlak-7512\"\n"
                  "expect-screen job_detail\n"
                  "screenshot \"" +
                  (dir / ("job_" + lang + ".png")).string() +
                  "\"\n"
                  "tap \"nav.back\"\n"
                  "expect-screen jobs\n"
                  "tap \"nav.back\"\n"
                  "expect-screen declined\n"
                  "tap \"declined.finish\"\n"
                  "expect-screen welcome\n";
    }
    return script;
}

TEST(EmbeddedDefault, AJobOfferIsReadWithoutRegisteringAndItsPageMirrorsInRightToLeftLanguages) {
    const fs::path home = make_temp_dir("kiosk-jobs");
    configured_data_dir(home / "kiosk", kPin);
    const std::vector<std::string> languages = {"ar", "fa", "ps", "en"};
    const LocalRun run = start_local(home, browse_script(home, languages));
    ASSERT_EQ(run.result.exit_code, 0) << run.result.stdout_text << run.result.stderr_text;
    const ui::Palette colors;
    for (const std::string& lang : languages) {
        const bool rtl = lang != "en";
        const Png page = load_png(home / ("job_" + lang + ".png"));
        ASSERT_EQ(page.width, 1280) << lang;
        // Back sits in the bottom start corner: the right one in a right-to-left page. Its
        // button colour is 40 px in from that edge and the other corner is page background.
        const int y = 800 - 40 - 20;
        const int start = rtl ? 1280 - 60 : 60;
        const int end = rtl ? 60 : 1280 - 60;
        // "I'm interested" takes the end corner; the middle of the row stays free.
        EXPECT_EQ(page.rgb(start, y), colors.button) << lang << ": Back at the start edge";
        EXPECT_EQ(page.rgb(end, y), colors.button) << lang;
        EXPECT_EQ(page.rgb(640, y), colors.background) << lang;
        // The title (the offer's, in this language or English) starts at the start edge too:
        // text pixels in the start quarter of its line, none in the far end quarter.
        int start_ink = 0;
        int end_ink = 0;
        for (int ty = 50; ty < 100; ++ty) {
            for (int x = 40; x < 360; ++x) {
                const int sx = rtl ? 1279 - x : x;
                const int ex = rtl ? x : 1279 - x;
                start_ink += page.rgb(sx, ty) != colors.background ? 1 : 0;
                end_ink += page.rgb(ex, ty) != colors.background ? 1 : 0;
            }
        }
        EXPECT_GT(start_ink, 50) << lang << ": the title at the start edge";
        EXPECT_EQ(end_ink, 0) << lang;
        EXPECT_EQ(load_png(home / ("jobs_" + lang + ".png")).width, 1280) << lang;
    }
    fs::remove_all(home);
}

// The interest flow as the issue names it: search, open an offer, "I'm interested"; then
// `kiosk-sync once` and `kiosk-central export` show it with its job and registration. One
// person registers first (the interest links to that registration); another types a reference
// code on the code keyboard, first with a slip the check symbol catches.
TEST(EmbeddedDefault, InterestsFromTheWindowReachTheExportWithTheirJobAndRegistration) {
    const fs::path home = make_temp_dir("kiosk-interest");
    configured_data_dir(home / "kiosk", kPin);
    const std::string offer = "jobs.demo-bg-kazanlak-7512";
    const std::string script =
        "expect-screen welcome\n"
        "tap \"lang.tr\"\n"
        "tap \"consent.accept\"\n" +
        form_script("Elif") +
        "tap \"review.submit\"\n"
        "expect-screen done\n"
        "tap \"jobs.open\"\n"
        "expect-screen jobs\n"
        "tap \"field.search\"\n"
        "type \"kazanlak firin\"\n"
        "tap \"osk.done\"\n"
        "tap \"" +
        offer +
        "\"\n"
        "expect-screen job_detail\n"
        "tap \"interest.express\"\n"
        "wait 500ms\n"
        "screenshot \"" +
        (home / "sent.png").string() +
        "\"\n"
        "tap \"nav.back\"\n"
        "tap \"nav.back\"\n"
        "expect-screen done\n"
        "tap \"done.finish\"\n"
        "expect-screen welcome\n"
        "tap \"lang.ar\"\n"
        "tap \"consent.decline\"\n"
        "tap \"jobs.open\"\n"
        "tap \"" +
        offer +
        "\"\n"
        "tap \"interest.express\"\n"
        "expect-screen interest_code\n"
        "tap \"field.interest_code\"\n"
        "type \"K4M-7Q2-PH6\"\n"
        "tap \"osk.done\"\n"
        "tap \"interest.send\"\n"
        "expect-screen interest_code\n"
        "tap \"field.interest_code\"\n"
        "tap \"osk.backspace\"\n"
        "type \"5\"\n"
        "tap \"osk.done\"\n"
        "tap \"interest.send\"\n"
        "expect-screen job_detail\n"
        "tap \"nav.back\"\n"
        "tap \"nav.back\"\n"
        "tap \"declined.finish\"\n"
        "expect-screen welcome\n";
    const LocalRun run = start_local(home, script);
    ASSERT_EQ(run.result.exit_code, 0) << run.result.stdout_text << run.result.stderr_text;
    // Two interests were stored, each with its receipt: one linked to the registration.
    EXPECT_EQ(query(run, run.kiosk_db(),
                    "SELECT job_id, registration_id IS NOT NULL FROM interests ORDER BY 2;"),
              "demo-bg-kazanlak-7512|0\ndemo-bg-kazanlak-7512|1\n");

    // The server stopped with the kiosk: start it again, and push with one `kiosk-sync once`
    // (retried until the server listens).
    const std::string push_once =
        "\"$1\" serve --db \"$2\" --keys \"$3\" --listen \"127.0.0.1:$4\" >/dev/null 2>&1 &\n"
        "server=$!\n"
        "rc=1\n"
        "for i in $(seq 100); do\n"
        "  if \"$5\" once --db \"$6\"; then rc=0; break; fi\n"
        "  sleep 0.1\n"
        "done\n"
        "kill $server; wait $server\n"
        "exit $rc\n";
    const ProcessResult once =
        run_program({"bash", "-c", push_once, "push-once", KIOSK_CENTRAL_EXE, run.central_db(),
                     run.central_keys(), std::to_string(run.port),
                     KIOSK_BINARY_DIR "/sync/client/kiosk-sync", run.kiosk_db()},
                    home);
    ASSERT_EQ(once.exit_code, 0) << once.stdout_text << once.stderr_text;
    EXPECT_EQ(query(run, run.kiosk_db(), "SELECT state, count(*) FROM outbox GROUP BY state;"),
              "acked|3\n");
    const ProcessResult exported = export_json(run);
    ASSERT_EQ(exported.exit_code, 0) << exported.stderr_text;
    const auto rows = nlohmann::json::parse(exported.stdout_text);
    std::string registration_id;
    std::vector<nlohmann::json> interests;
    for (const auto& row : rows) {
        if (row["kind"] == "registration") {
            registration_id = row["record_id"];
        } else if (row["kind"] == "interest") {
            interests.push_back(row["data"]);
        }
    }
    ASSERT_EQ(interests.size(), 2U) << exported.stdout_text;
    std::sort(interests.begin(), interests.end(), [](const auto& a, const auto& b) {
        return a["registration_found"] > b["registration_found"];
    });
    for (const auto& interest : interests) {
        EXPECT_EQ(interest["job_id"], "demo-bg-kazanlak-7512");
        EXPECT_EQ(interest["job_city"], "Казанлък");
        EXPECT_EQ(interest["job_state"], "published");
        EXPECT_FALSE(interest["job_title"].get<std::string>().empty());
    }
    EXPECT_EQ(interests[0]["registration_record_id"], registration_id);
    EXPECT_EQ(interests[0]["registration_name"].get<std::string>().rfind("Elif", 0), 0U);
    EXPECT_EQ(interests[0]["language"], "tr");
    EXPECT_EQ(interests[1]["reference_code"], "K4M7Q2PH5") << "typed, then corrected";
    EXPECT_EQ(interests[1]["registration_found"], false) << "no such registration was made";
    EXPECT_EQ(interests[1]["language"], "ar");
    EXPECT_EQ(load_png(home / "sent.png").width, 1280);
    fs::remove_all(home);
}

}  // namespace
}  // namespace kiosk::test

// End to end: the Jobs screen in the real kiosk window under Xvfb, on a data directory holding
// made-up offers: the city filter narrows the list and its count, an offer opened from a
// scrolled list returns to the same rows on Back, with the filter kept; another filter starts the
// list at the top. A fling glides on after the finger lifts, as `--frame-times` records.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/store/database.hpp"
#include "kiosk/store/sync_state.hpp"
#include "kiosk_process.hpp"
#include "sync/protocol/offer.hpp"
#include "tests/store/made_up_offer.hpp"

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;

// 30 offers in İzmir and 5 in Ruse, each stored on its own so the list's order (newest first)
// is known: e2e-29 first among İzmir's.
fs::path data_dir_with_offers(const fs::path& dir) {
    configured_data_dir(dir);
    auto db = store::Database::open(dir / "kiosk.db");
    EXPECT_TRUE(db.ok());
    for (int n = 0; n < 35; ++n) {
        const sync::JobOffer o = store::testing::made_up_offer(
            "e2e-" + std::to_string(n), {{"en", "Helper " + std::to_string(n)}},
            n < 30 ? "İzmir" : "Ruse", {}, "2099-12-31");
        const std::vector<store::JobOffer> page = {
            store::JobOffer{o.id, sync::canonical_offer_text(o)}};
        const auto applied =
            store::apply_offer_page(*db, page, {}, "e2e-" + std::to_string(n), "e2e");
        EXPECT_TRUE(applied.ok()) << applied.error().message;
    }
    return dir;
}

TEST(JobsScreen, AFilteredScrolledListKeepsItsPlaceWhileAnOfferIsOpen) {
    const fs::path dir = make_temp_dir("kiosk-jobs");
    std::ofstream(dir / "jobs.script")
        << "expect-screen jobs\n"
           "expect \"35 jobs\"\n"
           "tap \"filter.city.izmir\"\n"
           "expect \"30 jobs\"\n"
           "drag 0 -600\n"
           "tap \"jobs.e2e-20\"\n"
           "expect-screen job_detail\n"
           "expect \"Helper 20\"\n"
           "tap \"nav.back\"\n"
           "expect-screen jobs\n"
           "expect \"30 jobs\"      # the filter is kept\n"
           "expect \"Helper 20\"    # and the place in the list\n"
           "tap \"filter.city.all\"\n"
           "expect \"35 jobs\"\n"
           "expect \"Helper 34\"    # another filter: from the top\n";
    const ProcessResult result = run_kiosk(
        {"--size", "1280x800", "--lang", "en", "--screen", "jobs", "--data-dir",
         data_dir_with_offers(dir / "data").string(), "--script", (dir / "jobs.script").string()},
        true, dir);
    EXPECT_EQ(result.exit_code, 0) << result.stderr_text;
}

TEST(JobsScreen, AFlingGlidesOnAfterTheLiftAndFrameTimesRecordsEveryFrame) {
    const fs::path dir = make_temp_dir("kiosk-jobs-fling");
    std::ofstream(dir / "fling.script") << "expect-screen jobs\n"
                                           "fling 0 -250\n"
                                           "expect-screen jobs\n";
    const fs::path csv = dir / "frames.csv";
    const ProcessResult result = run_kiosk(
        {"--size", "1280x800", "--lang", "en", "--screen", "jobs", "--data-dir",
         data_dir_with_offers(dir / "data").string(), "--script", (dir / "fling.script").string(),
         "--frame-times", csv.string()},
        true, dir);
    ASSERT_EQ(result.exit_code, 0) << result.stderr_text;

    std::ifstream in(csv);
    std::string line;
    ASSERT_TRUE(std::getline(in, line)) << "no " << csv;
    EXPECT_EQ(line, "frame,ms,ui_ms,screen,scrolled");
    int frames = 0;
    int scrolled = 0;
    while (std::getline(in, line)) {
        std::istringstream row(line);
        std::string frame, ms, ui_ms, screen, moved;
        ASSERT_TRUE(std::getline(row, frame, ',') && std::getline(row, ms, ',') &&
                    std::getline(row, ui_ms, ',') && std::getline(row, screen, ',') &&
                    std::getline(row, moved))
            << line;
        EXPECT_EQ(std::stoi(frame), frames) << "frames are numbered in order";
        EXPECT_GT(std::stod(ms), 0.0);
        EXPECT_LE(std::stod(ui_ms), std::stod(ms)) << "the views are part of the frame";
        EXPECT_EQ(screen, "jobs");
        scrolled += moved == "1" ? 1 : 0;
        ++frames;
    }
    EXPECT_GT(frames, 20);
    // The finger moves for 12 frames; the list keeps moving for many more after the lift.
    EXPECT_GT(scrolled, 24) << frames << " frames";
}

}  // namespace
}  // namespace kiosk::test

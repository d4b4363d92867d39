// kiosk-central as staff run it: init, enrol-code, offer-put, serve (port 0), revoke, export,
// new-epoch, each a real process on a real SQLite file; a kiosk talks to it over loopback.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <regex>

#include "tests/sync/server_support.hpp"

namespace kiosk::sync {
namespace {

using namespace kiosk::sync::test;

class Cli : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = make_temp_dir();
        db_ = (dir_ / "central.sqlite").string();
        keys_ = (dir_ / "keys").string();
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::pair<int, std::string> run(std::vector<std::string> args) {
        args.insert(args.begin(), kiosk_central());
        return run_command(args);
    }

    std::filesystem::path dir_;
    std::string db_;
    std::string keys_;
};

TEST_F(Cli, InitWritesAPrivateKeyPairAndKeepsItOnRerun) {
    auto [rc, out] = run({"init", "--db", db_, "--keys", keys_});
    ASSERT_EQ(rc, 0) << out;
    struct stat st {};
    ASSERT_EQ(::stat((keys_ + "/server.key").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600U);
    ASSERT_EQ(::stat(keys_.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0077, 0U) << "key directory readable by others";
    const auto pub = read_key_file(keys_ + "/server.pub", 32);
    ASSERT_TRUE(pub.ok());
    const std::string epoch_line = out.substr(out.find("epoch ") + 6, 32);
    EXPECT_TRUE(is_id(epoch_line)) << out;

    auto [rc2, out2] = run({"init", "--db", db_, "--keys", keys_});
    ASSERT_EQ(rc2, 0);
    EXPECT_NE(out2.find("kept the existing pair"), std::string::npos) << out2;
    EXPECT_EQ(*read_key_file(keys_ + "/server.pub", 32), *pub);
    EXPECT_NE(out2.find(epoch_line), std::string::npos) << "init changed the epoch";
}

TEST_F(Cli, BadArgumentsPrintUsage) {
    EXPECT_EQ(run({"serve", "--db", db_}).first, 2);
    EXPECT_EQ(run({"export", "--db", db_, "--keys", keys_, "--format", "xml"}).first, 2);
    EXPECT_EQ(run({"frobnicate"}).first, 2);
    // A database that was never initialised is refused with a clear error, not served.
    auto [rc, out] = run({"enrol-code", "--db", db_, "--centre", "X"});
    EXPECT_EQ(rc, 1);
}

TEST_F(Cli, AKioskEnrolsPushesIsRevokedAndItsDataIsExported) {
    ASSERT_EQ(run({"init", "--db", db_, "--keys", keys_}).first, 0);
    auto [rc, code_out] = run({"enrol-code", "--db", db_, "--centre", "Centre Nord"});
    ASSERT_EQ(rc, 0) << code_out;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(code_out, m, std::regex("^([0-9A-Z]{4}-){3}[0-9A-Z]{4}")))
        << code_out;
    const std::string code = m.str(0);
    EXPECT_NE(code_out.find("\u2588"), std::string::npos) << "no QR code printed";

    const std::string offer = (dir_ / "offer.json").string();
    std::ofstream(offer) << "{\"title\": \"Cook\", \"hours\": 20}";
    ASSERT_EQ(run({"offer-put", "--db", db_, "--id", "job-1", "--file", offer}).first, 0);

    Child server(
        {kiosk_central(), "serve", "--db", db_, "--keys", keys_, "--listen", "127.0.0.1:0"});
    const std::string line = server.wait_for_line("listening ", std::chrono::seconds(10));
    ASSERT_FALSE(line.empty()) << "kiosk-central serve printed no port";
    httplib::Client cli("127.0.0.1", port_of(line));

    Kiosk k = enrol_over_http(cli, code);
    ASSERT_FALSE(k.token.empty());
    const std::string server_pk = *read_key_file(keys_ + "/server.pub", 32);
    RecordContent c{
        random_id(),    k.device_id,
        "registration", 1,
        "2026-01",      nlohmann::json{{"given_name", "Testperson"}, {"city", "Sampletown"}}};
    const PushRecord rec{c.record_id, 1,          "registration",
                         1,           1790000000, *seal_record(c, 1, server_pk, k.key)};
    auto res = cli.Post(std::string(kPathPush), bearer(k.token), encode(PushBatch{{rec}}),
                        std::string(kJsonContentType));
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(decode_push_response(res->body)->acks[0].status, AckStatus::created);

    auto page = cli.Get(changes_target("0", 10));
    ASSERT_TRUE(page);
    EXPECT_EQ(decode_changes_page(page->body)->upserts.at(0).offer["title"], "Cook");

    ASSERT_EQ(run({"revoke", "--db", db_, k.device_id}).first, 0);
    auto refused = cli.Post(std::string(kPathPush), bearer(k.token), encode(PushBatch{{rec}}),
                            std::string(kJsonContentType));
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 401);
    EXPECT_EQ(run({"revoke", "--db", db_, random_id()}).first, 1);

    auto [jrc, json_out] = run({"export", "--db", db_, "--keys", keys_, "--format", "json"});
    ASSERT_EQ(jrc, 0);
    const auto exported = nlohmann::json::parse(json_out);
    ASSERT_EQ(exported.size(), 1U);
    EXPECT_EQ(exported[0]["record_id"], c.record_id);
    EXPECT_EQ(exported[0]["data"], c.data);
    EXPECT_EQ(exported[0]["centre"], "Centre Nord");
    auto [crc, csv_out] = run({"export", "--db", db_, "--keys", keys_, "--format", "csv"});
    ASSERT_EQ(crc, 0);
    EXPECT_NE(csv_out.find(c.record_id + ",registration," + k.device_id +
                           ",Centre Nord,1,2026-01,1790000000,"),
              std::string::npos)
        << csv_out;
    EXPECT_NE(csv_out.find(",Sampletown,Testperson\r\n"), std::string::npos) << csv_out;

    // After a restore: a new epoch, seen by the running server on its next reply.
    const std::string before = decode_health_response(cli.Get("/v1/health")->body)->epoch;
    ASSERT_EQ(run({"new-epoch", "--db", db_}).first, 0);
    const std::string after = decode_health_response(cli.Get("/v1/health")->body)->epoch;
    EXPECT_NE(before, after);

    EXPECT_EQ(server.stop(), 0) << "serve did not exit cleanly on SIGTERM";
}

}  // namespace
}  // namespace kiosk::sync

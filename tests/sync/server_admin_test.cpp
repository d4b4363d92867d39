// The staff API for job offers (/v1/admin/jobs) on a real `kiosk-central serve` process, a real
// database and a random loopback port, with admin tokens made by `kiosk-central admin-token`:
// imports whose bad rows are reported by line or index while the rest reach the kiosks' change
// feed, batches larger than one transaction, withdraw and expire as tombstones, reading offers,
// who may call it (no token, a kiosk's token, a revoked admin token, a good one), and bodies
// refused as a whole with nothing written. Compiled twice: on SQLite (sync_server_admin_tests)
// and on the throwaway PostgreSQL cluster (pg.AdminApi.*, KIOSK_TEST_POSTGRES).
#include <gtest/gtest.h>
#include <httplib.h>

#include <map>
#include <optional>
#include <set>

#include "sync/protocol/gzip.hpp"
#include "sync/server/credentials.hpp"
#include "sync/server/jobs.hpp"
#include "sync/server/server.hpp"
#include "sync/server/store.hpp"
#include "tests/sync/server_support.hpp"

namespace kiosk::sync {
namespace {

using namespace kiosk::sync::test;
using nlohmann::json;

#ifdef KIOSK_TEST_POSTGRES
constexpr bool kPostgres = true;
#else
constexpr bool kPostgres = false;
#endif

constexpr const char* kCsv = "text/csv; charset=utf-8";

// The required CSV columns and one more (languages), for made-up offers.
constexpr const char* kHeader =
    "id,title_en,employer,city,country,sector,occupation,contract,hours_per_week,languages,"
    "work_permit,expires\n";

std::string csv_offer(const std::string& id, const std::string& languages = "tur:A2",
                      const std::string& expires = "2027-06-30") {
    return id + ",Cook,Sample Kitchen (test),Bursa,TR,I,5120,full_time,40," + languages +
           ",employer_applies," + expires + "\n";
}

json json_offer(const std::string& id, const std::string& title = "Cook") {
    return {{"id", id},
            {"title", {{"en", title}, {"tr", "Aşçı"}}},
            {"employer", "Sample Kitchen (test)"},
            {"city", "София"},
            {"country", "BG"},
            {"sector", "I"},
            {"occupation", "5120"},
            {"contract", "part_time"},
            {"hours_per_week", 20},
            {"work_permit", "required"},
            {"expires", "2027-06-30"}};
}

class AdminApi : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = make_temp_dir();
        url_ = fresh_db_url(kPostgres, dir_);
        ASSERT_FALSE(url_.empty());
        const std::string keys = (dir_ / "keys").string();
        ASSERT_EQ(run_command({kiosk_central(), "init", "--db", url_, "--keys", keys}).first, 0);
        token_ = create_token("office-1");
        ASSERT_FALSE(token_.empty());
        server_ = std::make_unique<Child>(std::vector<std::string>{
            kiosk_central(), "serve", "--db", url_, "--keys", keys, "--listen", "127.0.0.1:0"});
        port_ = port_of(server_->wait_for_line("listening ", std::chrono::seconds(10)));
        ASSERT_GT(port_, 0) << "kiosk-central serve printed no port";
        auto health = client().Get(std::string(kPathHealth));
        ASSERT_TRUE(health);
        epoch_ = json::parse(health->body).at("epoch").get<std::string>();
    }

    void TearDown() override {
        if (server_) {
            EXPECT_EQ(server_->stop(), 0);
        }
        drop_db(kPostgres, url_);
        std::filesystem::remove_all(dir_);
    }

    // `kiosk-central admin-token create`: the token is the first line of its output.
    std::string create_token(const std::string& name) {
        const auto [status, out] =
            run_command({kiosk_central(), "admin-token", "create", "--db", url_, "--name", name});
        EXPECT_EQ(status, 0) << out;
        return out.substr(0, out.find('\n'));
    }

    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(60, 0);
        return c;
    }

    httplib::Result post(const std::string& path, const std::string& body,
                         const std::string& content_type, const std::string& token) {
        return client().Post(path, bearer(token), body, content_type);
    }

    httplib::Result import(const std::string& body, const std::string& content_type,
                           const std::string& query = "") {
        return post(std::string(kPathAdminJobs) + "/import" + query, body, content_type, token_);
    }

    // A 200 reply's JSON, checked for v and the epoch.
    json ok_json(const httplib::Result& res) {
        EXPECT_TRUE(res);
        if (!res) {
            return json::object();
        }
        EXPECT_EQ(res->status, 200) << res->body;
        EXPECT_EQ(res->get_header_value("Content-Type"), kJsonContentType);
        json j = json::parse(res->body, nullptr, false);
        EXPECT_TRUE(j.is_object()) << res->body;
        if (!j.is_object()) {
            return json::object();
        }
        EXPECT_EQ(j.value("v", 0), 1);
        EXPECT_EQ(j.value("epoch", ""), epoch_);
        return j;
    }

    // An error reply: the protocol's error body {v, epoch, error:{code, message}}.
    std::string error_code(const httplib::Result& res, int status) {
        const ErrorResponse e = error_reply(res, status);
        if (!e.code.empty()) {
            EXPECT_EQ(e.epoch, epoch_);
        }
        return e.code;
    }

    // The change feed as a kiosk reads it over HTTP from `since` to the end: id -> body, or
    // nullopt for a tombstone.
    struct Feed {
        std::map<std::string, std::optional<json>> offers;
        std::string next;
        std::size_t pages = 0;
    };
    Feed feed(const std::string& since = "0") {
        Feed f;
        f.next = since;
        for (bool more = true; more;) {
            auto res = client().Get(changes_target(f.next, 500));
            EXPECT_TRUE(res && res->status == 200);
            if (!res || res->status != 200) {
                return f;
            }
            auto page = decode_changes_page(res->body);
            EXPECT_TRUE(page.ok()) << res->body;
            if (!page) {
                return f;
            }
            for (const auto& u : page->upserts) {
                f.offers[u.id] = u.offer;
            }
            for (const auto& t : page->tombstones) {
                f.offers[t] = std::nullopt;
            }
            f.next = page->next;
            more = page->more;
            ++f.pages;
        }
        return f;
    }

    long long head() const { return query_int(url_, "SELECT seq FROM feed_counter"); }

    std::filesystem::path dir_;
    std::string url_;
    std::string token_;
    std::string epoch_;
    std::unique_ptr<Child> server_;
    int port_ = 0;
};

// [SECTION] Import

TEST_F(AdminApi, CsvImportReportsABadRowByLineAndTheOthersReachTheFeed) {
    const std::string csv = std::string(kHeader) + csv_offer("c-1") + csv_offer("c-2", "tur:B7") +
                            csv_offer("c-3") + csv_offer("c-4", "tur:A1", "2027-06-31");
    const json reply = ok_json(import(csv, kCsv));
    EXPECT_EQ(reply["rows"], 4);
    EXPECT_EQ(reply["published"], 2);
    EXPECT_EQ(reply["unchanged"], 0);
    EXPECT_EQ(reply["bad"], 2);
    ASSERT_EQ(reply["errors"].size(), 2U) << reply.dump();
    const json& first = reply["errors"][0];
    EXPECT_EQ(first["where"], "line 3");
    EXPECT_EQ(first["id"], "c-2");
    EXPECT_EQ(first["field"], "languages[0].level");
    EXPECT_EQ(first["column"], "languages");
    EXPECT_NE(first["message"].get<std::string>().find("CEFR level"), std::string::npos);
    const json& second = reply["errors"][1];
    EXPECT_EQ(second["where"], "line 5");
    EXPECT_EQ(second["field"], "expires");
    EXPECT_FALSE(second.contains("column")) << "the field is its own column";

    const Feed f = feed();
    EXPECT_EQ(f.offers.size(), 2U);
    ASSERT_TRUE(f.offers.count("c-1") && f.offers.at("c-1").has_value());
    EXPECT_EQ(f.offers.at("c-1")->at("city"), "Bursa");
    EXPECT_TRUE(f.offers.count("c-3"));
}

TEST_F(AdminApi, JsonImportReportsABadOfferByIndexAndAReimportSendsNothing) {
    json offers = json::array({json_offer("j-0"), json_offer("j-1"), json_offer("j-2")});
    offers[1]["hours_per_week"] = 0;
    const json reply = ok_json(import(offers.dump(), "application/json"));
    EXPECT_EQ(reply["published"], 2);
    ASSERT_EQ(reply["errors"].size(), 1U) << reply.dump();
    EXPECT_EQ(reply["errors"][0]["where"], "[1]");
    EXPECT_EQ(reply["errors"][0]["id"], "j-1");
    EXPECT_EQ(reply["errors"][0]["field"], "hours_per_week");
    EXPECT_FALSE(reply["errors"][0].contains("column")) << "JSON has no columns";
    const long long before = head();
    EXPECT_EQ(before, 2);

    // The same offers again: unchanged, nothing new in the feed. One changed: one entry.
    offers[1]["hours_per_week"] = 30;
    offers[2]["title"]["en"] = "Head cook";
    const json again = ok_json(import(offers.dump(), "application/json"));
    EXPECT_EQ(again["published"], 2);
    EXPECT_EQ(again["unchanged"], 1);
    EXPECT_EQ(again["errors"], json::array());
    EXPECT_EQ(head(), before + 2);
    const Feed f = feed(format_cursor(Cursor{epoch_, static_cast<std::uint64_t>(before)}));
    EXPECT_EQ(f.offers.size(), 2U);
    EXPECT_EQ(f.offers.at("j-2")->at("title").at("en"), "Head cook");
}

TEST_F(AdminApi, ALargeGzipImportSpansSeveralTransactionsWithGapFreeSequences) {
    const int n = static_cast<int>(2 * kOffersPerTransaction + 200);
    json offers = json::array();
    for (int i = 0; i < n; ++i) {
        offers.push_back(json_offer("bulk-" + std::to_string(i)));
    }
    auto cli = client();
    httplib::Headers h = bearer(token_);
    h.emplace("Content-Encoding", "gzip");
    const json reply =
        ok_json(cli.Post(std::string(kPathAdminJobs) + "/import", h, gzip_compress(offers.dump()),
                         std::string(kJsonContentType)));
    EXPECT_EQ(reply["published"], n);
    EXPECT_EQ(head(), n);
    // Every sequence 1..n is one offer: a kiosk pages to the end and `more` turns false.
    EXPECT_EQ(query_int(url_, "SELECT COUNT(DISTINCT seq) FROM offers WHERE seq BETWEEN 1 AND " +
                                  std::to_string(n)),
              n);
    const Feed f = feed();
    EXPECT_EQ(f.offers.size(), static_cast<std::size_t>(n));
    EXPECT_EQ(f.next, format_cursor(Cursor{epoch_, static_cast<std::uint64_t>(n)}));

    const json again = ok_json(import(offers.dump(), "application/json"));
    EXPECT_EQ(again["unchanged"], n);
    EXPECT_EQ(head(), n);
}

TEST_F(AdminApi, ABatchNumbersOnlyTheWritesThatChangeTheFeed) {
    auto store = open_store(url_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    auto changed = (*store)->write_offers({{"a", "{\"n\":1}"},
                                           {"never-published", std::nullopt},
                                           {"a", std::nullopt},
                                           {"b", "{\"n\":2}"},
                                           {"a", std::nullopt}});
    ASSERT_TRUE(changed.ok()) << changed.error().message;
    EXPECT_EQ(*changed, (std::vector<bool>{true, false, true, true, false}));
    auto page = (*store)->changes(0, 10);
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->head, 3U) << "a withdrawal that changed nothing took no sequence";
    ASSERT_EQ(page->entries.size(), 2U);
    EXPECT_EQ(page->entries[0].offer_id, "a");
    EXPECT_EQ(page->entries[0].seq, 2U);
    EXPECT_FALSE(page->entries[0].offer.has_value());
    EXPECT_EQ(page->entries[1].seq, 3U);
    EXPECT_EQ((*store)->withdraw_offer("never-published").error().code, "store.unknown_offer");
}

// [SECTION] Withdraw, expire, read

TEST_F(AdminApi, WithdrawSendsATombstoneAndIsIdempotent) {
    ASSERT_EQ(ok_json(import(std::string(kHeader) + csv_offer("w-1") + csv_offer("w-2"),
                             kCsv))["published"],
              2);
    const std::string cursor = feed().next;
    const std::string w1 = std::string(kPathAdminJobs) + "/w-1";

    const json gone = ok_json(client().Delete(w1, bearer(token_)));
    EXPECT_EQ(gone["id"], "w-1");
    EXPECT_EQ(gone["state"], "withdrawn");
    EXPECT_EQ(gone["changed"], true);
    EXPECT_EQ(gone["seq"], 3);
    const Feed after = feed(cursor);
    ASSERT_EQ(after.offers.size(), 1U);
    EXPECT_FALSE(after.offers.at("w-1").has_value()) << "a tombstone";

    // Again (a retry after a lost reply): no error, no second tombstone.
    const json again = ok_json(client().Delete(w1, bearer(token_)));
    EXPECT_EQ(again["changed"], false);
    EXPECT_EQ(head(), 3);
    EXPECT_EQ(
        error_code(client().Delete(std::string(kPathAdminJobs) + "/nope", bearer(token_)), 404),
        "jobs.unknown_offer");

    const json one = ok_json(client().Get(std::string(kPathAdminJobs) + "/w-2", bearer(token_)));
    EXPECT_EQ(one["state"], "published");
    EXPECT_EQ(one["offer"]["city"], "Bursa");
    const json withdrawn = ok_json(client().Get(w1, bearer(token_)));
    EXPECT_EQ(withdrawn["state"], "withdrawn");
    EXPECT_FALSE(withdrawn.contains("offer"));
    EXPECT_EQ(error_code(client().Get(std::string(kPathAdminJobs) + "/nope", bearer(token_)), 404),
              "jobs.unknown_offer");

    const json list = ok_json(client().Get(std::string(kPathAdminJobs), bearer(token_)));
    EXPECT_EQ(list["offers"], json::parse(R"([{"id":"w-1","seq":3,"state":"withdrawn"},
                                              {"id":"w-2","seq":2,"state":"published"}])"));
}

TEST_F(AdminApi, TheListComesInPagesByIdEachNamingTheNext) {
    std::string csv(kHeader);
    for (const char* id : {"l-3", "l-1", "l-5", "l-2", "l-4"}) {
        csv += csv_offer(id);
    }
    ASSERT_EQ(ok_json(import(csv, kCsv))["published"], 5);
    ASSERT_TRUE(ok_json(client().Delete(std::string(kPathAdminJobs) + "/l-2", bearer(token_)))
                    .value("changed", false));
    const auto page = [&](const std::string& query) {
        return ok_json(client().Get(std::string(kPathAdminJobs) + query, bearer(token_)));
    };
    const auto ids = [](const json& reply) {
        std::string out;
        for (const json& o : reply["offers"]) {
            out += o["id"].get<std::string>() + (o["state"] == "withdrawn" ? "(w) " : " ");
        }
        return out;
    };

    const json first = page("?limit=2");
    EXPECT_EQ(ids(first), "l-1 l-2(w) ");
    ASSERT_EQ(first.value("next", ""), "l-2");
    const json second = page("?limit=2&after=l-2");
    EXPECT_EQ(ids(second), "l-3 l-4 ");
    ASSERT_EQ(second.value("next", ""), "l-4");
    const json last = page("?limit=2&after=l-4");
    EXPECT_EQ(ids(last), "l-5 ");
    EXPECT_FALSE(last.contains("next")) << "nothing follows the last page";
    EXPECT_EQ(ids(page("?after=l-5")), "");
    EXPECT_EQ(ids(page("")), "l-1 l-2(w) l-3 l-4 l-5 ") << "one page holds up to 1,000";

    for (const char* bad : {"?limit=0", "?limit=1001", "?limit=two", "?limit=-1", "?limit="}) {
        EXPECT_EQ(error_code(client().Get(std::string(kPathAdminJobs) + bad, bearer(token_)), 400),
                  "request.bad_parameter")
            << bad;
    }
}

TEST_F(AdminApi, ExpireWithdrawsOffersPastTheirLastDay) {
    const std::string csv = std::string(kHeader) + csv_offer("jan-10", "", "2027-01-10") +
                            csv_offer("jan-20", "", "2027-01-20") +
                            csv_offer("mar-01", "", "2027-03-01");
    const json imported = ok_json(import(csv, kCsv, "?today=2027-01-15"));
    EXPECT_EQ(imported["already_expired"], 1);
    const std::string cursor = feed().next;

    const std::string expire = std::string(kPathAdminJobs) + "/expire?today=2027-01-21";
    const json reply = ok_json(post(expire, "", kCsv, token_));
    EXPECT_EQ(reply["today"], "2027-01-21");
    EXPECT_EQ(std::set<std::string>(reply["withdrawn"].begin(), reply["withdrawn"].end()),
              (std::set<std::string>{"jan-10", "jan-20"}));
    const Feed f = feed(cursor);
    EXPECT_EQ(f.offers.size(), 2U);
    EXPECT_FALSE(f.offers.at("jan-10").has_value());
    EXPECT_FALSE(f.offers.at("jan-20").has_value());

    EXPECT_EQ(ok_json(post(expire, "", kCsv, token_))["withdrawn"], json::array())
        << "nothing left to expire";
    EXPECT_EQ(
        error_code(post(std::string(kPathAdminJobs) + "/expire?today=2027-02-30", "", kCsv, token_),
                   400),
        "request.bad_parameter");
}

// [SECTION] Who may call it

TEST_F(AdminApi, OnlyAGoodAdminTokenOpensTheApi) {
    const std::string body = std::string(kHeader) + csv_offer("a-1");
    const std::string path = std::string(kPathAdminJobs) + "/import";

    auto none = client().Post(path, body, kCsv);
    EXPECT_EQ(error_code(none, 401), "auth.missing");

    // A kiosk's token (enrolled the usual way) is unknown here.
    const auto [code_status, code_out] =
        run_command({kiosk_central(), "enrol-code", "--db", url_, "--centre", "Centre Test"});
    ASSERT_EQ(code_status, 0);
    auto cli = client();
    const Kiosk kiosk = enrol_over_http(cli, code_out.substr(0, code_out.find('\n')));
    ASSERT_FALSE(kiosk.token.empty());
    EXPECT_EQ(error_code(post(path, body, kCsv, kiosk.token), 401), "auth.unknown_token");
    // ... and an admin token is unknown to the kiosks' endpoints.
    EXPECT_EQ(
        error_code(post(std::string(kPathPush), "{}", std::string(kJsonContentType), token_), 401),
        "auth.unknown_token");

    // A revoked admin token; the other one still works.
    const std::string second = create_token("office-2");
    EXPECT_EQ(ok_json(post(path, body, kCsv, second))["published"], 1);
    const auto [revoked, revoke_out] =
        run_command({kiosk_central(), "admin-token", "revoke", "--db", url_, "office-2"});
    EXPECT_EQ(revoked, 0) << revoke_out;
    EXPECT_EQ(error_code(post(path, body, kCsv, second), 401), "auth.revoked");
    EXPECT_EQ(error_code(client().Get(std::string(kPathAdminJobs), bearer(second)), 401),
              "auth.revoked");
    EXPECT_EQ(ok_json(post(path, body, kCsv, token_))["unchanged"], 1);
    EXPECT_EQ(head(), 1);
}

TEST_F(AdminApi, AdminTokensAreShownOnceAndStoredAsHashes) {
    EXPECT_EQ(token_.rfind("kca_", 0), 0U) << token_;
    EXPECT_EQ(query_int(url_, "SELECT COUNT(*) FROM admin_tokens WHERE token_hash = '" +
                                  admin_token_hash(token_) + "'"),
              1);
    EXPECT_EQ(query_int(url_, "SELECT COUNT(*) FROM admin_tokens WHERE token_hash = '" + token_ +
                                  "' OR name = '" + token_ + "'"),
              0);
    // A name is taken once, even after it is revoked; an unknown name cannot be revoked.
    const auto [again, again_out] =
        run_command({kiosk_central(), "admin-token", "create", "--db", url_, "--name", "office-1"});
    EXPECT_EQ(again, 1);
    EXPECT_EQ(run_command({kiosk_central(), "admin-token", "revoke", "--db", url_, "nobody"}).first,
              1);
    EXPECT_EQ(
        run_command({kiosk_central(), "admin-token", "create", "--db", url_, "--name", "has space"})
            .first,
        2);
    const auto [unnamed, unnamed_out] =
        run_command({kiosk_central(), "admin-token", "create", "--db", url_});
    EXPECT_EQ(unnamed, 0);
    EXPECT_NE(unnamed_out.find("admin token \"admin-"), std::string::npos) << unnamed_out;
    ASSERT_EQ(
        run_command({kiosk_central(), "admin-token", "revoke", "--db", url_, "office-1"}).first, 0);
    const auto [listed, list_out] =
        run_command({kiosk_central(), "admin-token", "list", "--db", url_});
    EXPECT_EQ(listed, 0);
    EXPECT_NE(list_out.find("office-1\t"), std::string::npos) << list_out;
    EXPECT_NE(list_out.find("\trevoked\n"), std::string::npos) << list_out;
    EXPECT_NE(list_out.find("\tactive\n"), std::string::npos) << list_out;
    EXPECT_EQ(list_out.find("kca_"), std::string::npos) << "tokens are never shown again";
}

// [SECTION] Bodies refused as a whole

TEST_F(AdminApi, MalformedBodiesAre400AndWriteNothing) {
    EXPECT_EQ(error_code(import("[{\"id\": \"x-1\",", "application/json"), 400), "jobs.bad_file");
    EXPECT_EQ(error_code(import("{\"id\": \"x-1\"}", "application/json"), 400), "jobs.bad_file");
    EXPECT_EQ(error_code(import("id,titel_en\nx-1,Cook\n", kCsv), 400), "jobs.bad_file");
    EXPECT_EQ(error_code(import("", kCsv), 400), "jobs.bad_file");
    // A CSV file sent as JSON is not guessed at.
    EXPECT_EQ(error_code(import(std::string(kHeader) + csv_offer("x-1"), "application/json"), 400),
              "jobs.bad_file");
    EXPECT_EQ(error_code(import(std::string(kHeader) + csv_offer("x-1"), "text/plain"), 415),
              "request.unsupported_type");
    EXPECT_EQ(
        error_code(import(std::string(kHeader) + csv_offer("x-1"), kCsv, "?today=tomorrow"), 400),
        "request.bad_parameter");
    // Over the request limit (4 MiB on the wire), as for push.
    const std::string huge = std::string(kHeader) + std::string(kMaxRequestBytes + 1, 'x');
    EXPECT_EQ(error_code(import(huge, kCsv), 413), "request.too_large");
    EXPECT_EQ(head(), 0);
    EXPECT_EQ(query_int(url_, "SELECT COUNT(*) FROM offers"), 0);
    // The server carries on.
    EXPECT_EQ(ok_json(import(std::string(kHeader) + csv_offer("x-1"), kCsv))["published"], 1);
}

}  // namespace
}  // namespace kiosk::sync

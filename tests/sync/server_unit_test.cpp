// kiosk-central pieces that need no network: enrolment codes and tokens, the terminal QR code,
// the SQLite store's rules on its own, and export (CSV quoting and spreadsheet-formula guard).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <set>
#include <sstream>

#include "sync/protocol/encoding.hpp"
#include "sync/protocol/envelope.hpp"
#include "sync/server/credentials.hpp"
#include "sync/server/export.hpp"
#include "sync/server/qr.hpp"
#include "sync/server/store.hpp"

namespace kiosk::sync {
namespace {

TEST(Credentials, EnrolCodesAreRandomGroupedAndForgiving) {
    const std::string code = make_enrol_code();
    ASSERT_EQ(code.size(), 19U);
    EXPECT_EQ(code[4], '-');
    EXPECT_EQ(code[9], '-');
    EXPECT_EQ(code[14], '-');
    EXPECT_NE(code, make_enrol_code());
    EXPECT_EQ(normalise_enrol_code("ab0o-1il "), "AB00111");
    EXPECT_EQ(enrol_code_hash(code), enrol_code_hash(normalise_enrol_code(code)));
    EXPECT_NE(enrol_code_hash(code), enrol_code_hash(make_enrol_code()));
    EXPECT_EQ(enrol_code_hash(code).size(), 64U);
}

TEST(Credentials, TokensAre32RandomBytes) {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        const std::string t = make_token();
        ASSERT_EQ(from_base64url(t)->size(), 32U);
        seen.insert(t);
    }
    EXPECT_EQ(seen.size(), 100U);
    EXPECT_EQ(token_hash("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Qr, HalfBlockRenderingIsSquareWithAQuietZone) {
    auto qr = render_qr_halfblocks("QG7C-S6NR-BA0A-3WVB");
    ASSERT_TRUE(qr.ok());
    std::istringstream in(*qr);
    std::string line;
    std::vector<std::string> lines;
    while (std::getline(in, line)) {
        lines.push_back(line);
    }
    // Version 1 (21 modules) + 2 quiet modules each side = 25 columns, 13 lines of two rows.
    ASSERT_EQ(lines.size(), 13U);
    for (const auto& l : lines) {
        // Code points: every byte that is not a UTF-8 continuation byte starts one cell.
        std::size_t cells = 0;
        for (const char ch : l) {
            cells += (static_cast<unsigned char>(ch) & 0xC0U) != 0x80U ? 1 : 0;
        }
        EXPECT_EQ(cells, 25U);
    }
    // The top quiet row is all light: full blocks across the first line.
    std::string full_row;
    for (int i = 0; i < 25; ++i) {
        full_row += "\u2588";
    }
    EXPECT_EQ(lines[0], full_row);
    // A finder pattern's dark ring shows as spaces/half blocks on the second line.
    EXPECT_NE(lines[1].find(' '), std::string::npos);
}

class Store : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() / ("kiosk-store-" + random_id());
        std::filesystem::create_directories(dir_);
        auto s = open_store((dir_ / "c.sqlite").string());
        ASSERT_TRUE(s.ok());
        store_ = std::move(*s);
    }
    void TearDown() override {
        store_.reset();
        std::filesystem::remove_all(dir_);
    }
    // For the export: the server's keys and one device enrolled at `centre`, whose records are
    // put straight into the store, as the push handler would.
    struct Enrolled {
        BoxKeyPair keys = BoxKeyPair::generate();
        SignKeyPair device = SignKeyPair::generate();
        std::string device_id = random_id();

        StoredRecord record(const nlohmann::json& data, const std::string& kind,
                            std::uint32_t schema, const std::string& consent_version,
                            std::uint64_t seq) const {
            RecordContent c{random_id(), device_id, kind, schema, consent_version, data};
            const Envelope env = *seal_record(c, seq, keys.public_key, device);
            return StoredRecord{c.record_id, device_id,  seq,         kind,
                                schema,      1790000000, encode(env), 5};
        }
    };
    Enrolled enrolled(const std::string& centre) {
        EXPECT_TRUE(store_->init_schema().ok());
        Enrolled e;
        EXPECT_TRUE(store_->add_enrol_code("h", centre, 0).ok());
        EXPECT_TRUE(store_->enrol("h", e.device_id, "t", e.device.public_key, 0).ok());
        return e;
    }

    std::filesystem::path dir_;
    std::unique_ptr<ServerStore> store_;
};

TEST_F(Store, UninitialisedDatabaseSaysSo) {
    EXPECT_EQ(store_->epoch().error().code, "store.uninitialised");
}

TEST_F(Store, InitIsIdempotentAndKeepsTheEpoch) {
    ASSERT_TRUE(store_->init_schema().ok());
    const std::string epoch = *store_->epoch();
    EXPECT_TRUE(is_id(epoch));
    ASSERT_TRUE(store_->init_schema().ok());
    EXPECT_EQ(*store_->epoch(), epoch);
}

TEST_F(Store, AnotherDatabaseHasAnotherEpoch) {
    ASSERT_TRUE(store_->init_schema().ok());
    auto other = open_store((dir_ / "other.sqlite").string());
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE((*other)->init_schema().ok());
    EXPECT_NE(*(*other)->epoch(), *store_->epoch());
}

TEST_F(Store, ADatabaseFromANewerServerIsRefused) {
    ASSERT_TRUE(store_->init_schema().ok());
    store_.reset();
    const std::string path = (dir_ / "c.sqlite").string();
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "UPDATE meta SET value = '2' WHERE key = 'schema_version'", nullptr,
                           nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    auto reopened = open_store(path);
    ASSERT_FALSE(reopened.ok());
    EXPECT_EQ(reopened.error().code, "store.newer_schema");
}

TEST_F(Store, UnknownPostgresHostFailsToOpen) {
    auto s = open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, "store.open");
}

// Export: a device and records put straight into the store, as the push handler would.
TEST_F(Store, ExportOpensRecordsAndGuardsSpreadsheetCells) {
    const Enrolled e = enrolled("Centre, \"Nord\"");
    const BoxKeyPair& keys = e.keys;
    const std::string& device_id = e.device_id;
    auto stored = [&](const nlohmann::json& data, const std::string& kind, std::uint64_t seq) {
        return e.record(data, kind, 1, "2026-01", seq);
    };
    const StoredRecord reg =
        stored({{"given_name", "=HYPERLINK(\"x\")"}, {"city", "A, B"}}, "registration", 1);
    const StoredRecord interest = stored({{"offer_id", "job-17"}}, "interest", 2);
    StoredRecord broken = stored({{"given_name", "x"}}, "registration", 3);
    broken.body = encode(Envelope{std::string(60, 'x'), std::string(64, 'y')});
    ASSERT_TRUE(store_->insert_records({reg, interest, broken}).ok());

    std::ostringstream csv;
    std::ostringstream err;
    const Status s = export_records(*store_, keys, ExportFormat::csv, csv, err);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, "export.partial");
    EXPECT_EQ(err.str(), "record " + broken.record_id + ": envelope.bad_signature\n");
    const std::string expected =
        "record_id,kind,device_id,centre,schema,consent_version,created_at_device,received_at,"
        "city,given_name,job_state,offer_id,registration_found,registration_name,"
        "registration_record_id\r\n" +
        reg.record_id + ",registration," + device_id +
        ",\"Centre, \"\"Nord\"\"\",1,2026-01,1790000000,5,\"A, "
        "B\",\"'=HYPERLINK(\"\"x\"\")\",,,,,\r\n" +
        interest.record_id + ",interest," + device_id +
        ",\"Centre, \"\"Nord\"\"\",1,2026-01,1790000000,5,,,unknown,job-17,false,,\r\n";
    EXPECT_EQ(csv.str(), expected);

    std::ostringstream json_out;
    std::ostringstream err2;
    EXPECT_FALSE(export_records(*store_, keys, ExportFormat::json, json_out, err2).ok());
    const auto parsed = nlohmann::json::parse(json_out.str());
    ASSERT_EQ(parsed.size(), 2U);
    EXPECT_EQ(parsed[0]["data"]["given_name"], "=HYPERLINK(\"x\")");
    EXPECT_EQ(parsed[1]["kind"], "interest");
    EXPECT_EQ(parsed[1]["centre"], "Centre, \"Nord\"");
}

// An interest names its registration by record id (registered in the same visit) or by the
// reference code the person typed; the export finds it either way, with the offer it is about.
TEST_F(Store, ExportListsInterestsWithTheirJobAndRegistration) {
    const Enrolled e = enrolled("Centre");
    const BoxKeyPair& keys = e.keys;
    ASSERT_TRUE(store_
                    ->put_offer("job-9", R"({"city":"Plovdiv","employer":"Test Bakery",)"
                                         R"("title":{"bg":"Пекар","en":"Baker"}})")
                    .ok());
    ASSERT_TRUE(store_->put_offer("job-gone", R"({"title":{"en":"Old"}})").ok());
    ASSERT_TRUE(store_->withdraw_offer("job-gone").ok());

    std::uint64_t seq = 0;
    auto stored = [&](const nlohmann::json& data, const std::string& kind) {
        return e.record(data, kind, 2, "1", ++seq);
    };
    const StoredRecord amal =
        stored({{"given_name", "Amal"}, {"family_name", "Test"}, {"reference_code", "K4M7Q2PH5"}},
               "registration");
    const StoredRecord by_id = stored(
        {{"job_id", "job-9"}, {"registration_id", amal.record_id}, {"reference_code", "K4M7Q2PH5"}},
        "interest");
    const StoredRecord by_code = stored(
        {{"job_id", "job-gone"}, {"registration_id", nullptr}, {"reference_code", "K4M7Q2PH5"}},
        "interest");
    const StoredRecord unknown = stored(
        {{"job_id", "job-none"}, {"registration_id", nullptr}, {"reference_code", "100000000"}},
        "interest");
    ASSERT_TRUE(store_->insert_records({amal, by_id, by_code, unknown}).ok());

    std::ostringstream out;
    std::ostringstream err;
    ASSERT_TRUE(export_records(*store_, keys, ExportFormat::json, out, err).ok()) << err.str();
    const auto rows = nlohmann::json::parse(out.str());
    ASSERT_EQ(rows.size(), 4U);
    const auto& linked = rows[1]["data"];
    EXPECT_EQ(linked["job_title"], "Baker");
    EXPECT_EQ(linked["job_employer"], "Test Bakery");
    EXPECT_EQ(linked["job_city"], "Plovdiv");
    EXPECT_EQ(linked["job_state"], "published");
    EXPECT_EQ(linked["registration_found"], true);
    EXPECT_EQ(linked["registration_record_id"], amal.record_id);
    EXPECT_EQ(linked["registration_name"], "Amal Test");

    const auto& typed = rows[2]["data"];
    EXPECT_EQ(typed["job_state"], "withdrawn");
    EXPECT_EQ(typed["registration_record_id"], amal.record_id);
    EXPECT_EQ(typed["registration_name"], "Amal Test");

    const auto& lost = rows[3]["data"];
    EXPECT_EQ(lost["job_state"], "unknown");
    EXPECT_EQ(lost["registration_found"], false);
    EXPECT_EQ(lost["registration_record_id"], "");

    std::ostringstream csv;
    ASSERT_TRUE(export_records(*store_, keys, ExportFormat::csv, csv, err).ok());
    EXPECT_NE(csv.str().find(by_id.record_id + ",interest,"), std::string::npos);
    EXPECT_NE(csv.str().find("Plovdiv,Test Bakery,job-9,published,Baker"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::sync

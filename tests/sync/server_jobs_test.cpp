// Job offers at the central office: the offer validator (a table of good and bad offers, each
// bad one with its field path), reading CSV and JSON import files, and `kiosk-central jobs`
// as a real process on a real SQLite file: bad rows reported with their line and field while
// the rest import, re-imports that update (and unchanged offers that do not move), withdraw and
// expire as tombstones in the change feed (through the store and over HTTP), and the demo
// content in assets/demo/offers.json importing cleanly.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <optional>
#include <set>

#include "sync/protocol/offer.hpp"
#include "sync/server/jobs.hpp"
#include "sync/server/store.hpp"
#include "tests/sync/server_support.hpp"

namespace kiosk::sync {
namespace {

using namespace kiosk::sync::test;
using nlohmann::json;

// [SECTION] The offer model and its validation

json good_offer() {
    return json::parse(R"json({
      "id": "job-1",
      "title": {"tr": "Aşçı", "en": "Cook", "ar": "طبّاخ", "kmr": "Aşpêj"},
      "description": {"en": "You cook hot meals.\nYou keep the kitchen clean.",
                      "bg": "Приготвяте топли ястия."},
      "employer": "Sample Kitchen (test)",
      "city": "İzmir",
      "region": "İzmir",
      "country": "TR",
      "sector": "I",
      "occupation": "5120",
      "contract": "full_time",
      "hours_per_week": 45,
      "pay": {"min": 7.35, "max": 9, "currency": "EUR", "period": "hour"},
      "languages": [{"code": "tur", "level": "A2"}, {"code": "ara", "level": "B1"}],
      "min_education": 2,
      "work_permit": "employer_applies",
      "flags": ["training_provided", "refugee_friendly"],
      "start_date": "2027-02-01",
      "expires": "2027-06-30",
      "contact": "centre"
    })json");
}

std::vector<std::string> fields_of(const std::vector<OfferError>& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) {
        out.push_back(e.field);
    }
    return out;
}

std::string describe(const std::vector<OfferError>& errors) {
    std::string out;
    for (const auto& e : errors) {
        out += e.text() + "\n";
    }
    return out;
}

TEST(Offer, AGoodOfferReadsIntoTheModelAndRoundTrips) {
    const OfferRead read = read_offer(good_offer());
    ASSERT_TRUE(read.ok()) << describe(read.errors);
    const JobOffer& o = read.offer;
    EXPECT_EQ(o.id, "job-1");
    EXPECT_EQ(o.title.at("kmr"), "Aşpêj");
    EXPECT_EQ(o.description.at("en"), "You cook hot meals.\nYou keep the kitchen clean.");
    EXPECT_EQ(o.country, "TR");
    EXPECT_EQ(o.contract, Contract::full_time);
    EXPECT_EQ(o.hours_per_week, 45);
    ASSERT_TRUE(o.pay.has_value());
    EXPECT_EQ(o.pay->min_cents, 735);
    EXPECT_EQ(o.pay->max_cents, 900);
    EXPECT_EQ(o.pay->period, PayPeriod::hour);
    ASSERT_EQ(o.languages.size(), 2U);
    EXPECT_EQ(o.languages[1], (RequiredLanguage{"ara", core::Cefr::B1}));
    EXPECT_EQ(o.work_permit, PermitRule::employer_applies);
    // Flags are kept in one order whatever order the file used.
    EXPECT_EQ(o.flags,
              (std::vector<OfferFlag>{OfferFlag::refugee_friendly, OfferFlag::training_provided}));

    const std::string canonical = canonical_offer_text(o);
    EXPECT_NE(canonical.find("\"pay\":{\"currency\":\"EUR\",\"max\":9,\"min\":7.35,"),
              std::string::npos)
        << canonical;
    const OfferRead again = read_offer_text(canonical);
    ASSERT_TRUE(again.ok()) << describe(again.errors);
    EXPECT_EQ(again.offer, o);
    EXPECT_EQ(canonical_offer_text(again.offer), canonical);
}

TEST(Offer, OptionalFieldsTakeTheirDefaults) {
    json j = good_offer();
    for (const char* key : {"description", "region", "pay", "languages", "min_education", "flags",
                            "start_date", "contact"}) {
        j.erase(key);
    }
    j["region"] = nullptr;  // null is "not given" for an optional field
    const OfferRead read = read_offer(j);
    ASSERT_TRUE(read.ok()) << describe(read.errors);
    EXPECT_TRUE(read.offer.description.empty());
    EXPECT_EQ(read.offer.region, "");
    EXPECT_FALSE(read.offer.pay.has_value());
    EXPECT_TRUE(read.offer.languages.empty());
    EXPECT_EQ(read.offer.min_education, 0);
    EXPECT_EQ(read.offer.start_date, "");
    EXPECT_EQ(read.offer.contact, "centre");
    const json out = to_json(read.offer);
    EXPECT_FALSE(out.contains("pay"));
    EXPECT_FALSE(out.contains("start_date"));
    EXPECT_FALSE(out.contains("region"));
    EXPECT_EQ(out["languages"], json::array());
}

TEST(Offer, TextIsTrimmedAndMayUseEveryScript) {
    json j = good_offer();
    j["title"] = {{"bg", "  Готвач \t"}, {"ar", "طبّاخ"}, {"fa", "آشپز"}};
    j["employer"] = " Örnek Lokantası ";
    const OfferRead read = read_offer(j);
    ASSERT_TRUE(read.ok()) << describe(read.errors);
    EXPECT_EQ(read.offer.title.at("bg"), "Готвач");
    EXPECT_EQ(read.offer.employer, "Örnek Lokantası");
}

struct BadCase {
    const char* name;
    std::function<void(json&)> change;
    std::string field;  // the one error expected
    std::string message_part;
};

TEST(Offer, EachBadValueIsOneErrorNamingItsField) {
    const std::string long_title(121, 'x');
    const std::string long_city(81, 'y');
    const std::vector<BadCase> cases = {
        {"id missing", [](json& j) { j.erase("id"); }, "id", "required"},
        {"id with a space", [](json& j) { j["id"] = "job 1"; }, "id", "A-Z a-z 0-9"},
        {"id too long", [](json& j) { j["id"] = std::string(65, 'a'); }, "id", "1-64"},
        {"id a number", [](json& j) { j["id"] = 7; }, "id", "expected a string"},
        {"title missing", [](json& j) { j.erase("title"); }, "title", "required"},
        {"title empty", [](json& j) { j["title"] = json::object(); }, "title", "at least one"},
        {"title a string", [](json& j) { j["title"] = "Cook"; }, "title", "expected an object"},
        {"title null", [](json& j) { j["title"] = nullptr; }, "title", "required"},
        {"title tag not a language", [](json& j) { j["title"]["xx"] = "Cook"; }, "title.xx",
         "not a language tag"},
        {"title tag three letters with two", [](json& j) { j["title"]["tur"] = "Aşçı"; },
         "title.tur", "use \"tr\""},
        {"title tag upper case", [](json& j) { j["title"]["EN"] = "Cook"; }, "title.EN",
         "not a language tag"},
        {"title blank", [](json& j) { j["title"]["en"] = "  "; }, "title.en", "empty"},
        {"title two lines", [](json& j) { j["title"]["en"] = "Cook\nChef"; }, "title.en",
         "line break"},
        {"title too long", [&](json& j) { j["title"]["en"] = long_title; }, "title.en",
         "longer than 120"},
        {"title not UTF-8", [](json& j) { j["title"]["en"] = "Co\xC3"; }, "title.en", "UTF-8"},
        {"title a number", [](json& j) { j["title"]["en"] = 5; }, "title.en", "expected a string"},
        {"description control character",
         [](json& j) { j["description"]["en"] = std::string("Ring \x07 the bell"); },
         "description.en", "control"},
        {"description bidi override", [](json& j) { j["description"]["ar"] = "نص \u202E مقلوب"; },
         "description.ar", "control or invisible"},
        {"employer missing", [](json& j) { j.erase("employer"); }, "employer", "required"},
        {"city too long", [&](json& j) { j["city"] = long_city; }, "city", "longer than 80"},
        {"region blank", [](json& j) { j["region"] = " "; }, "region", "empty"},
        {"country lower case", [](json& j) { j["country"] = "tr"; }, "country", "ISO 3166-1"},
        {"country unassigned", [](json& j) { j["country"] = "XX"; }, "country", "ISO 3166-1"},
        {"sector past U", [](json& j) { j["sector"] = "V"; }, "sector", "ISIC"},
        {"sector a word", [](json& j) { j["sector"] = "food"; }, "sector", "ISIC"},
        {"occupation three digits", [](json& j) { j["occupation"] = "512"; }, "occupation",
         "ISCO-08"},
        {"occupation catalogue id", [](json& j) { j["occupation"] = "isco.5120"; }, "occupation",
         "4 digits"},
        {"contract unknown", [](json& j) { j["contract"] = "temporary"; }, "contract",
         "full_time, part_time or seasonal"},
        {"hours zero", [](json& j) { j["hours_per_week"] = 0; }, "hours_per_week", "1-60"},
        {"hours over 60", [](json& j) { j["hours_per_week"] = 61; }, "hours_per_week", "1-60"},
        {"hours a fraction", [](json& j) { j["hours_per_week"] = 37.5; }, "hours_per_week",
         "whole number"},
        {"hours as text", [](json& j) { j["hours_per_week"] = "40"; }, "hours_per_week",
         "whole number"},
        {"hours huge", [](json& j) { j["hours_per_week"] = 18446744073709551615ULL; },
         "hours_per_week", "1-60"},
        {"pay not an object", [](json& j) { j["pay"] = "9 EUR"; }, "pay", "expected an object"},
        {"pay min zero", [](json& j) { j["pay"]["min"] = 0; }, "pay.min", "above 0"},
        {"pay min negative", [](json& j) { j["pay"]["min"] = -5; }, "pay.min", "above 0"},
        {"pay min three decimals", [](json& j) { j["pay"]["min"] = 7.355; }, "pay.min",
         "two decimals"},
        {"pay min as text", [](json& j) { j["pay"]["min"] = "7.35"; }, "pay.min",
         "expected a number"},
        {"pay max below min", [](json& j) { j["pay"]["max"] = 7; }, "pay.max", "less than pay.min"},
        {"pay max too big", [](json& j) { j["pay"]["max"] = 100000001; }, "pay.max",
         "at most 100000000"},
        {"pay currency not ISO 4217", [](json& j) { j["pay"]["currency"] = "TL"; }, "pay.currency",
         "ISO 4217"},
        {"pay currency lower case", [](json& j) { j["pay"]["currency"] = "try"; }, "pay.currency",
         "ISO 4217"},
        {"pay currency missing", [](json& j) { j["pay"].erase("currency"); }, "pay.currency",
         "required"},
        {"pay period week", [](json& j) { j["pay"]["period"] = "week"; }, "pay.period",
         "hour or month"},
        {"pay unknown key", [](json& j) { j["pay"]["tips"] = true; }, "pay.tips", "unknown field"},
        {"languages not an array", [](json& j) { j["languages"] = "tur:B1"; }, "languages",
         "expected an array"},
        {"language entry not an object", [](json& j) { j["languages"][1] = "ara"; }, "languages[1]",
         "expected an object"},
        {"language level B3", [](json& j) { j["languages"][1]["level"] = "B3"; },
         "languages[1].level", "A1, A2, B1, B2, C1 or C2"},
        {"language level lower case", [](json& j) { j["languages"][0]["level"] = "a2"; },
         "languages[0].level", "CEFR"},
        {"language level missing", [](json& j) { j["languages"][0].erase("level"); },
         "languages[0].level", "required"},
        {"language code two letters", [](json& j) { j["languages"][0]["code"] = "tr"; },
         "languages[0].code", "ISO 639-3"},
        {"language code unknown", [](json& j) { j["languages"][1]["code"] = "zzz"; },
         "languages[1].code", "ISO 639-3"},
        {"language twice", [](json& j) { j["languages"][1]["code"] = "tur"; }, "languages[1].code",
         "already at languages[0]"},
        {"language unknown key", [](json& j) { j["languages"][0]["written"] = "A1"; },
         "languages[0].written", "unknown field"},
        {"languages thirteen",
         [](json& j) {
             j["languages"] = json::array();
             for (const char* c : {"tur", "ara", "eng", "bul", "fas", "pus", "kmr", "ukr", "rus",
                                   "deu", "fra", "ita", "spa"}) {
                 j["languages"].push_back({{"code", c}, {"level", "A1"}});
             }
         },
         "languages", "more than 12"},
        {"education nine", [](json& j) { j["min_education"] = 9; }, "min_education", "0-8"},
        {"education negative", [](json& j) { j["min_education"] = -1; }, "min_education", "0-8"},
        {"work permit missing", [](json& j) { j.erase("work_permit"); }, "work_permit", "required"},
        {"work permit yes", [](json& j) { j["work_permit"] = "yes"; }, "work_permit",
         "required or employer_applies"},
        {"work permit a boolean", [](json& j) { j["work_permit"] = true; }, "work_permit",
         "expected a string"},
        {"flag unknown", [](json& j) { j["flags"][1] = "vegan_canteen"; }, "flags[1]",
         "unknown flag"},
        {"flag repeated", [](json& j) { j["flags"][1] = "training_provided"; }, "flags[1]",
         "repeated"},
        {"flags a string", [](json& j) { j["flags"] = "women_only"; }, "flags",
         "expected an array"},
        {"start date 29 February 2027", [](json& j) { j["start_date"] = "2027-02-29"; },
         "start_date", "YYYY-MM-DD"},
        {"expires missing", [](json& j) { j.erase("expires"); }, "expires", "required"},
        {"expires month 13", [](json& j) { j["expires"] = "2027-13-01"; }, "expires", "YYYY-MM-DD"},
        {"expires day first", [](json& j) { j["expires"] = "30.06.2027"; }, "expires",
         "YYYY-MM-DD"},
        {"expires with time", [](json& j) { j["expires"] = "2027-06-30T00:00"; }, "expires",
         "YYYY-MM-DD"},
        {"contact empty", [](json& j) { j["contact"] = ""; }, "contact", "empty"},
        {"contact two lines", [](json& j) { j["contact"] = "Ask Ayşe\nor Omar"; }, "contact",
         "line break"},
        {"unknown field", [](json& j) { j["salary"] = 1000; }, "salary", "unknown field"},
        {"misspelt field",
         [](json& j) {
             j["tittle"] = {{"en", "Cook"}};
         },
         "tittle", "unknown field"},
    };
    for (const BadCase& c : cases) {
        json j = good_offer();
        c.change(j);
        const OfferRead read = read_offer(j);
        ASSERT_EQ(read.errors.size(), 1U) << c.name << ":\n" << describe(read.errors);
        EXPECT_EQ(read.errors[0].field, c.field) << c.name;
        EXPECT_NE(read.errors[0].message.find(c.message_part), std::string::npos)
            << c.name << ": " << read.errors[0].text();
    }
}

TEST(Offer, EveryErrorOfAnOfferIsReportedInFieldOrder) {
    json j = good_offer();
    j["country"] = "Türkiye";
    j["languages"][1]["level"] = "fluent";
    j["expires"] = "soon";
    j["extra"] = 1;
    const OfferRead read = read_offer(j);
    EXPECT_EQ(fields_of(read.errors),
              (std::vector<std::string>{"country", "languages[1].level", "expires", "extra"}));
    EXPECT_EQ(read.errors[1].text(),
              "languages[1].level: expected a CEFR level A1, A2, B1, B2, "
              "C1 or C2");
}

TEST(Offer, WholeObjectProblems) {
    EXPECT_EQ(fields_of(read_offer(json::array()).errors), std::vector<std::string>{"offer"});
    EXPECT_EQ(fields_of(read_offer_text("{\"id\":\"a\",").errors),
              std::vector<std::string>{"offer"});
    // A duplicate key is refused, not silently resolved.
    const std::string text = good_offer().dump();
    const OfferRead dup = read_offer_text("{\"city\":\"Bursa\"," + text.substr(1));
    EXPECT_EQ(fields_of(dup.errors), std::vector<std::string>{"city"});
    // 20 languages x 4000 characters fit each rule but not the 64 KiB body.
    json big = good_offer();
    for (const char* tag : {"tr", "en", "ar", "bg", "fa", "ps", "uk", "ru", "de", "fr", "it", "es",
                            "el", "ro", "sq", "sr", "ku"}) {
        big["description"][tag] = std::string(4000, 'a');
    }
    const OfferRead read = read_offer(big);
    ASSERT_EQ(read.errors.size(), 1U) << describe(read.errors);
    EXPECT_EQ(read.errors[0].field, "offer");
    EXPECT_NE(read.errors[0].message.find("65536"), std::string::npos);
}

TEST(Offer, UnknownFieldsMayBeIgnoredByAReaderOfANewerFeed) {
    json j = good_offer();
    j["salary_note"] = "negotiable";
    j["pay"]["bonus"] = true;
    EXPECT_EQ(read_offer(j).errors.size(), 2U);
    const OfferRead read = read_offer(j, UnknownFields::ignore);
    EXPECT_TRUE(read.ok()) << describe(read.errors);
    EXPECT_FALSE(to_json(read.offer).contains("salary_note"));
}

TEST(Offer, DatesCodesAndExpiry) {
    EXPECT_TRUE(is_offer_date("2028-02-29"));
    EXPECT_FALSE(is_offer_date("2027-02-29"));
    EXPECT_TRUE(is_offer_date("2000-02-29"));
    EXPECT_FALSE(is_offer_date("2027-04-31"));
    EXPECT_FALSE(is_offer_date("2100-01-01"));
    EXPECT_FALSE(is_offer_date("27-01-01"));
    EXPECT_FALSE(is_offer_date("2027-1-01"));
    EXPECT_FALSE(is_offer_date("2027-00-10"));

    JobOffer o = read_offer(good_offer()).offer;  // expires 2027-06-30
    EXPECT_FALSE(is_expired(o, "2027-06-29"));
    EXPECT_FALSE(is_expired(o, "2027-06-30")) << "the expiry day is the last open day";
    EXPECT_TRUE(is_expired(o, "2027-07-01"));

    for (const char* tag : {"tr", "bg", "en", "ar", "fa", "ps", "uk", "ru", "kmr", "ckb"}) {
        EXPECT_TRUE(is_text_language_tag(tag)) << tag;
    }
    for (const char* tag : {"tur", "ara", "TR", "xx", "", "t", "en-GB", "zzzz"}) {
        EXPECT_FALSE(is_text_language_tag(tag)) << tag;
    }
    for (const char* code : {"TRY", "EUR", "BGN", "USD", "UAH", "SYP"}) {
        EXPECT_TRUE(is_currency_code(code)) << code;
    }
    for (const char* code : {"TL", "try", "EURO", "XYZ", ""}) {
        EXPECT_FALSE(is_currency_code(code)) << code;
    }
    EXPECT_EQ(parse_contract("seasonal"), Contract::seasonal);
    EXPECT_EQ(to_string(OfferFlag::housing_provided), "housing_provided");
    EXPECT_EQ(parse_offer_flag("Women_only"), std::nullopt);
}

// [SECTION] Import files

constexpr const char* kCsvHeader =
    "id,title_tr,title_en,description_en,employer,city,country,sector,occupation,contract,"
    "hours_per_week,pay_min,pay_max,pay_currency,pay_period,languages,min_education,"
    "work_permit,flags,start_date,expires,contact\n";

std::string csv_row(const std::string& id, const std::string& languages = "tur:A2;ara:B1",
                    const std::string& expires = "2027-06-30",
                    const std::string& title_en = "Cook") {
    return id + ",Aşçı," + title_en +
           ",,Sample Kitchen,Bursa,TR,I,5120,part_time,20,150,200.50,TRY,hour," + languages +
           ",0,required,women_only;childcare,," + expires + ",centre\n";
}

TEST(OfferFile, CsvRowsBecomeOffersWithTheirLineNumbers) {
    const std::string text = std::string(kCsvHeader) + csv_row("c-1") +
                             // A quoted cell over two lines, with a quote and a comma in it.
                             "c-2,Garson,Waiter,\"Line one, with a comma\nline \"\"two\"\"\","
                             "Sample Cafe,Bursa,TR,I,5131,full_time,45,30000,36000,TRY,month,,"
                             "2,employer_applies,,2027-01-15,2027-05-31,centre\n"
                             "\n" +  // a blank line is skipped
                             csv_row("c-3", "tur-B1") +
                             csv_row("c-4", "tur:A2", "2027-02-30");
    auto rows = read_offer_file(text, OfferFileFormat::csv);
    ASSERT_TRUE(rows.ok()) << rows.error().message;
    ASSERT_EQ(rows->size(), 4U);
    EXPECT_EQ((*rows)[0].where, "line 2");
    EXPECT_EQ((*rows)[1].where, "line 3");
    EXPECT_EQ((*rows)[2].where, "line 6") << "after a two-line cell and a blank line";
    EXPECT_EQ((*rows)[3].where, "line 7");

    ASSERT_TRUE((*rows)[0].offer.has_value()) << describe((*rows)[0].errors);
    const JobOffer& c1 = *(*rows)[0].offer;
    EXPECT_EQ(c1.title.at("tr"), "Aşçı");
    EXPECT_TRUE(c1.description.empty());
    EXPECT_EQ(c1.pay->max_cents, 20050);
    EXPECT_EQ(c1.languages,
              (std::vector<RequiredLanguage>{{"tur", core::Cefr::A2}, {"ara", core::Cefr::B1}}));
    EXPECT_EQ(c1.flags, (std::vector<OfferFlag>{OfferFlag::women_only, OfferFlag::childcare}));

    ASSERT_TRUE((*rows)[1].offer.has_value()) << describe((*rows)[1].errors);
    EXPECT_EQ((*rows)[1].offer->description.at("en"), "Line one, with a comma\nline \"two\"");
    EXPECT_EQ((*rows)[1].offer->start_date, "2027-01-15");
    EXPECT_EQ((*rows)[1].offer->min_education, 2);

    EXPECT_FALSE((*rows)[2].offer.has_value());
    EXPECT_EQ((*rows)[2].id, "c-3");
    EXPECT_EQ(fields_of((*rows)[2].errors), std::vector<std::string>{"languages[0]"})
        << describe((*rows)[2].errors);
    EXPECT_EQ(fields_of((*rows)[3].errors), std::vector<std::string>{"expires"});
}

TEST(OfferFile, CsvCellsThatAreNotNumbersOrListsAreFieldErrors) {
    std::string row = csv_row("c-1", "tur:A2;eng:Z9");
    row.replace(row.find(",20,150,"), 8, ",twenty,1.505,");
    auto rows = read_offer_file(std::string(kCsvHeader) + row, OfferFileFormat::csv);
    ASSERT_TRUE(rows.ok());
    EXPECT_EQ(fields_of((*rows)[0].errors),
              (std::vector<std::string>{"hours_per_week", "pay.min", "languages[1].level"}))
        << describe((*rows)[0].errors);
    // A decimal comma is not guessed at (1,500 could be either).
    std::string comma = csv_row("c-2");
    comma.replace(comma.find(",150,"), 5, ",\"7,50\",");
    rows = read_offer_file(std::string(kCsvHeader) + comma, OfferFileFormat::csv);
    EXPECT_EQ(fields_of((*rows)[0].errors), std::vector<std::string>{"pay.min"});
    // Pay cells are all or nothing: one given asks for the others.
    std::string partial = csv_row("c-3");
    partial.replace(partial.find(",200.50,TRY,hour,"), 17, ",,,,");
    rows = read_offer_file(std::string(kCsvHeader) + partial, OfferFileFormat::csv);
    EXPECT_EQ(fields_of((*rows)[0].errors),
              (std::vector<std::string>{"pay.max", "pay.currency", "pay.period"}));
}

TEST(OfferFile, CsvFromASpreadsheetWithSemicolonsCrlfAndABom) {
    std::string header = kCsvHeader;
    std::string row = csv_row("c-1");
    for (std::string* s : {&header, &row}) {
        for (char& c : *s) {
            c = c == ',' ? ';' : c;
        }
    }
    // The list cells hold ';' themselves, so a spreadsheet quotes them.
    row.replace(row.find(";tur:A2;ara:B1;"), 15, ";\"tur:A2;ara:B1\";");
    row.replace(row.find(";women_only;childcare;"), 22, ";\"women_only;childcare\";");
    row.replace(row.find(";Cook;;"), 7, ";Cook;\"Line one\nline two\";");
    std::string text = "\xEF\xBB\xBF" + header + row;
    std::string crlf;
    for (char c : text) {
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    }
    auto rows = read_offer_file(crlf, OfferFileFormat::csv);
    ASSERT_TRUE(rows.ok()) << rows.error().message;
    ASSERT_EQ(rows->size(), 1U);
    ASSERT_TRUE((*rows)[0].offer.has_value()) << describe((*rows)[0].errors);
    EXPECT_EQ((*rows)[0].offer->languages.size(), 2U);
    EXPECT_EQ((*rows)[0].offer->expires, "2027-06-30");
    EXPECT_EQ((*rows)[0].offer->description.at("en"), "Line one\nline two");
}

TEST(OfferFile, CsvStructureProblems) {
    auto unknown = read_offer_file("id,titel_tr\nx,y\n", OfferFileFormat::csv);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, "jobs.bad_file");
    EXPECT_NE(unknown.error().message.find("titel_tr"), std::string::npos);

    std::string header = kCsvHeader;
    header.replace(header.find(",expires"), 8, "");
    auto missing = read_offer_file(header, OfferFileFormat::csv);
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("no column \"expires\""), std::string::npos);

    auto bad_tag = read_offer_file("id,title_tur\n", OfferFileFormat::csv);
    ASSERT_FALSE(bad_tag.ok());
    EXPECT_NE(bad_tag.error().message.find("title_tur"), std::string::npos);

    EXPECT_FALSE(read_offer_file("", OfferFileFormat::csv).ok());

    // A short row, a repeated id and an unclosed quote: each a bad row, the others good.
    const std::string text = std::string(kCsvHeader) + csv_row("c-1") + "c-2,Aşçı,Cook\n" +
                             csv_row("c-1") + csv_row("c-3") + "c-4,\"Aşçı,Cook\n";
    auto rows = read_offer_file(text, OfferFileFormat::csv);
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 5U);
    EXPECT_TRUE((*rows)[0].offer.has_value());
    EXPECT_EQ(fields_of((*rows)[1].errors), std::vector<std::string>{"(csv)"});
    EXPECT_NE((*rows)[1].errors[0].message.find("has 3 cells, the header has 22"),
              std::string::npos);
    EXPECT_EQ((*rows)[2].errors.at(0).text(), "id: also at line 2: an offer appears once per file");
    EXPECT_TRUE((*rows)[3].offer.has_value());
    EXPECT_EQ((*rows)[4].where, "line 6");
    EXPECT_NE((*rows)[4].errors.at(0).message.find("not closed"), std::string::npos);
}

TEST(OfferFile, CsvColumnsOfFieldPaths) {
    EXPECT_EQ(csv_column_of("title.tr"), "title_tr");
    EXPECT_EQ(csv_column_of("description.ar"), "description_ar");
    EXPECT_EQ(csv_column_of("pay.min"), "pay_min");
    EXPECT_EQ(csv_column_of("languages[1].level"), "languages");
    EXPECT_EQ(csv_column_of("flags[0]"), "flags");
    EXPECT_EQ(csv_column_of("expires"), "expires");
}

TEST(OfferFile, JsonArrayElementsAreRowsByIndex) {
    json bad_pay = good_offer();
    bad_pay["id"] = "job-2";
    bad_pay["pay"]["max"] = 1;
    json third = good_offer();
    third["id"] = "job-3";
    // Element [3] repeats a key: only that element is refused.
    const std::string dup = "{\"id\":\"job-4\",\"id\":\"job-5\"}";
    const std::string text =
        "[" + good_offer().dump() + "," + bad_pay.dump() + "," + third.dump() + "," + dup + ", 42]";
    auto rows = read_offer_file(text, OfferFileFormat::json);
    ASSERT_TRUE(rows.ok()) << rows.error().message;
    ASSERT_EQ(rows->size(), 5U);
    EXPECT_TRUE((*rows)[0].offer.has_value());
    EXPECT_EQ((*rows)[1].where, "[1]");
    EXPECT_EQ((*rows)[1].id, "job-2");
    EXPECT_EQ(fields_of((*rows)[1].errors), std::vector<std::string>{"pay.max"});
    EXPECT_TRUE((*rows)[2].offer.has_value());
    EXPECT_FALSE((*rows)[3].offer.has_value());
    EXPECT_EQ((*rows)[3].errors.at(0).text(), "id: duplicate key");
    EXPECT_EQ(fields_of((*rows)[4].errors), std::vector<std::string>{"offer"});

    EXPECT_EQ(read_offer_file("{\"id\":1}", OfferFileFormat::json).error().code, "jobs.bad_file");
    const auto broken = read_offer_file("[\n{\"id\":\n", OfferFileFormat::json);
    ASSERT_FALSE(broken.ok());
    EXPECT_NE(broken.error().message.find("line 3"), std::string::npos) << broken.error().message;
}

// [SECTION] kiosk-central jobs, as a real process on a real SQLite file

struct CliRun {
    int status = -1;
    std::string out;
    std::string err;
};

class JobsCli : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = make_temp_dir();
        db_ = (dir_ / "central.sqlite").string();
        ASSERT_EQ(run({"init", "--db", db_, "--keys", (dir_ / "keys").string()}).status, 0);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    // kiosk-central with `args`; stdout and stderr apart.
    CliRun run(const std::vector<std::string>& args) {
        const std::string err_file = (dir_ / "stderr.txt").string();
        std::string cmd = "'" + kiosk_central() + "'";
        for (const auto& a : args) {
            cmd += " '" + a + "'";
        }
        cmd += " 2>'" + err_file + "'";
        CliRun r;
        FILE* p = ::popen(cmd.c_str(), "r");
        char buf[4096];
        std::size_t n = 0;
        while (p && (n = std::fread(buf, 1, sizeof buf, p)) > 0) {
            r.out.append(buf, n);
        }
        const int st = p ? ::pclose(p) : -1;
        r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
        std::ifstream in(err_file);
        std::ostringstream err;
        err << in.rdbuf();
        r.err = err.str();
        return r;
    }

    std::string write(const std::string& name, const std::string& text) {
        const std::string path = (dir_ / name).string();
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }

    // The change feed as a kiosk would apply it from the start: id -> body, or nullopt for a
    // tombstone; and each id's sequence.
    struct Feed {
        std::map<std::string, std::optional<std::string>> offers;
        std::map<std::string, std::uint64_t> seq;
        std::uint64_t head = 0;
    };
    Feed feed() {
        auto store = open_store(db_);
        EXPECT_TRUE(store.ok());
        Feed f;
        auto page = (*store)->changes(0, 10000);
        EXPECT_TRUE(page.ok());
        for (const FeedEntry& e : page->entries) {
            f.offers[e.offer_id] = e.offer;
            f.seq[e.offer_id] = e.seq;
        }
        f.head = page->head;
        return f;
    }

    std::filesystem::path dir_;
    std::string db_;
};

TEST_F(JobsCli, CsvImportReportsBadRowsByLineAndFieldAndImportsTheRest) {
    const std::string file =
        write("offers.csv", std::string(kCsvHeader) + csv_row("c-1") + csv_row("c-2", "tur:B7") +
                                csv_row("c-3") + csv_row("c-4", "tur:A1", "2027-06-31"));
    const CliRun r = run({"jobs", "import", "--db", db_, file});
    EXPECT_EQ(r.status, 1) << "some rows were bad";
    EXPECT_NE(r.err.find(file + " line 3 (c-2): languages[0].level [column languages]: expected "
                                "a CEFR level"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find(file + " line 5 (c-4): expires: expected a date YYYY-MM-DD"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.out.find("published 2, unchanged 0, bad 2"), std::string::npos) << r.out;

    const Feed f = feed();
    EXPECT_EQ(f.offers.size(), 2U);
    ASSERT_TRUE(f.offers.count("c-1") && f.offers.at("c-1").has_value());
    EXPECT_TRUE(f.offers.count("c-3"));
    // The stored body is the canonical offer, readable by the same validator.
    const OfferRead stored = read_offer_text(*f.offers.at("c-1"));
    ASSERT_TRUE(stored.ok()) << describe(stored.errors);
    EXPECT_EQ(stored.offer.city, "Bursa");
}

TEST_F(JobsCli, JsonImportReportsBadOffersByIndex) {
    json offers = json::array();
    for (int i = 0; i < 4; ++i) {
        json o = good_offer();
        o["id"] = "j-" + std::to_string(i);
        offers.push_back(o);
    }
    offers[2]["title"]["en"] = "";
    offers[2]["languages"][1]["level"] = "C3";
    const std::string file = write("offers.json", offers.dump(1));
    const CliRun r = run({"jobs", "import", "--db", db_, file});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find(file + " [2] (j-2): title.en: empty\n"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(file + " [2] (j-2): languages[1].level: "), std::string::npos) << r.err;
    EXPECT_EQ(feed().offers.size(), 3U);

    // Without a name that says, the first character decides; --format overrides the name.
    const std::string piped = write("offers.txt", offers.dump());
    EXPECT_EQ(run({"jobs", "import", "--db", db_, piped}).status, 1);
    const CliRun as_csv = run({"jobs", "import", "--db", db_, "--format", "csv", file});
    EXPECT_EQ(as_csv.status, 1);
    EXPECT_NE(as_csv.err.find("header"), std::string::npos) << as_csv.err;
}

TEST_F(JobsCli, ReimportUpdatesChangedOffersOnlyAndTheFeedMoves) {
    const std::string first = std::string(kCsvHeader) + csv_row("c-1") + csv_row("c-2");
    const std::string file = write("offers.csv", first);
    ASSERT_EQ(run({"jobs", "import", "--db", db_, file}).status, 0);
    const Feed before = feed();
    ASSERT_EQ(before.offers.size(), 2U);

    // The same file again: nothing to send to the kiosks.
    const CliRun same = run({"jobs", "import", "--db", db_, file});
    EXPECT_EQ(same.status, 0);
    EXPECT_NE(same.out.find("published 0, unchanged 2, bad 0"), std::string::npos) << same.out;
    EXPECT_EQ(feed().head, before.head);

    // c-2 gets a new title: one new feed entry, with the new body.
    write("offers.csv", std::string(kCsvHeader) + csv_row("c-1") +
                            csv_row("c-2", "tur:A2;ara:B1", "2027-06-30", "Head cook"));
    const CliRun changed = run({"jobs", "import", "--db", db_, file});
    EXPECT_EQ(changed.status, 0) << changed.err;
    EXPECT_NE(changed.out.find("published 1, unchanged 1, bad 0"), std::string::npos)
        << changed.out;
    const Feed after = feed();
    EXPECT_EQ(after.head, before.head + 1);
    EXPECT_GT(after.seq.at("c-2"), before.head);
    EXPECT_EQ(after.seq.at("c-1"), before.seq.at("c-1"));
    EXPECT_EQ(read_offer_text(*after.offers.at("c-2")).offer.title.at("en"), "Head cook");

    // offer-put, the old single-offer path, still publishes through the same feed.
    const std::string one = write("one.json", "{\"title\": \"Cook\", \"hours\": 20}");
    ASSERT_EQ(run({"offer-put", "--db", db_, "--id", "legacy-1", "--file", one}).status, 0);
    EXPECT_EQ(feed().seq.at("legacy-1"), after.head + 1);
}

TEST_F(JobsCli, WithdrawAndExpireReachKiosksAsTombstones) {
    const std::string file =
        write("offers.csv", std::string(kCsvHeader) + csv_row("ends-jan-10", "", "2027-01-10") +
                                csv_row("ends-jan-20", "", "2027-01-20") +
                                csv_row("ends-mar", "", "2027-03-01") +
                                csv_row("withdrawn", "", "2027-12-31"));
    const CliRun imported = run({"jobs", "import", "--db", db_, "--today", "2027-01-15", file});
    EXPECT_EQ(imported.status, 0) << imported.err;
    EXPECT_NE(imported.out.find("note: 1 of them expired before 2027-01-15"), std::string::npos)
        << imported.out;
    const std::string legacy = write("legacy.json", "{\"title\": \"Tailor\"}");
    ASSERT_EQ(run({"offer-put", "--db", db_, "--id", "no-date", "--file", legacy}).status, 0);

    const CliRun w = run({"jobs", "withdraw", "--db", db_, "withdrawn"});
    EXPECT_EQ(w.status, 0) << w.err;
    EXPECT_EQ(run({"jobs", "withdraw", "--db", db_, "withdrawn"}).status, 1) << "already withdrawn";
    EXPECT_EQ(run({"jobs", "withdraw", "--db", db_, "never-published"}).status, 1);

    const CliRun expire = run({"jobs", "expire", "--db", db_, "--today", "2027-01-21"});
    EXPECT_EQ(expire.status, 0) << expire.err;
    EXPECT_NE(expire.out.find("expired 2 offers"), std::string::npos) << expire.out;
    EXPECT_NE(expire.out.find("withdrew offer ends-jan-10\n"), std::string::npos);
    EXPECT_NE(expire.out.find("withdrew offer ends-jan-20\n"), std::string::npos);
    EXPECT_NE(run({"jobs", "expire", "--db", db_, "--today", "2027-01-21"}).out.find("expired 0"),
              std::string::npos)
        << "a second run finds nothing left";

    const Feed f = feed();
    EXPECT_FALSE(f.offers.at("ends-jan-10").has_value());
    EXPECT_FALSE(f.offers.at("ends-jan-20").has_value());
    EXPECT_FALSE(f.offers.at("withdrawn").has_value());
    EXPECT_TRUE(f.offers.at("ends-mar").has_value());
    EXPECT_TRUE(f.offers.at("no-date").has_value()) << "an offer without a date never expires";

    // The old name still withdraws.
    ASSERT_EQ(run({"offer-withdraw", "--db", db_, "--id", "ends-mar"}).status, 0);

    // A kiosk reading the feed over HTTP from the start sees the same.
    Child server({kiosk_central(), "serve", "--db", db_, "--keys", (dir_ / "keys").string(),
                  "--listen", "127.0.0.1:0"});
    const std::string line = server.wait_for_line("listening ", std::chrono::seconds(10));
    ASSERT_FALSE(line.empty()) << "kiosk-central serve printed no port";
    httplib::Client cli("127.0.0.1", port_of(line));
    auto res = cli.Get(changes_target("0", 100));
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    const auto page = decode_changes_page(res->body);
    ASSERT_TRUE(page.ok()) << page.error().message;
    std::set<std::string> upserts;
    for (const auto& u : page->upserts) {
        upserts.insert(u.id);
    }
    const std::set<std::string> tombstones(page->tombstones.begin(), page->tombstones.end());
    EXPECT_EQ(upserts, std::set<std::string>{"no-date"});
    EXPECT_EQ(tombstones,
              (std::set<std::string>{"ends-jan-10", "ends-jan-20", "ends-mar", "withdrawn"}));
    EXPECT_EQ(server.stop(), 0);
}

TEST_F(JobsCli, UsageAndFileProblems) {
    const CliRun none = run({"jobs"});
    EXPECT_EQ(none.status, 2);
    EXPECT_NE(none.err.find("Exit status: 0 when every row was published"), std::string::npos)
        << none.err;
    EXPECT_EQ(run({"jobs", "import", "--db", db_}).status, 2);
    EXPECT_EQ(run({"jobs", "import", "--db", db_, "--format", "xls", "x.xls"}).status, 2);
    EXPECT_EQ(run({"jobs", "expire", "--db", db_, "--today", "2027-02-30"}).status, 2);
    EXPECT_EQ(run({"jobs", "withdraw", "--db", db_, "bad id"}).status, 2);
    EXPECT_EQ(run({"jobs", "import", "--db", db_, (dir_ / "missing.csv").string()}).status, 1);

    const std::string unknown = write("bad.csv", "id,titel_tr,expires\nx,y,2027-01-01\n");
    const CliRun r = run({"jobs", "import", "--db", db_, unknown});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("jobs.bad_file"), std::string::npos) << r.err;
    EXPECT_TRUE(feed().offers.empty());

    // A database that was never initialised is an error, not a silent no-op.
    const std::string file = write("ok.csv", std::string(kCsvHeader) + csv_row("c-1"));
    EXPECT_EQ(run({"jobs", "import", "--db", (dir_ / "none.sqlite").string(), file}).status, 1);
}

// [SECTION] The demo content

TEST_F(JobsCli, DemoOffersAllPassTheValidatorAndImportCleanly) {
    const std::string path = std::string(KIOSK_ASSETS_DIR) + "/demo/offers.json";
    std::ifstream in(path);
    ASSERT_TRUE(in) << path;
    const json demo = json::parse(in);
    ASSERT_TRUE(demo.is_array());
    ASSERT_GE(demo.size(), 200U);

    const CliRun r = run({"jobs", "import", "--db", db_, path});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_NE(r.out.find("published " + std::to_string(demo.size()) + ", unchanged 0, bad 0"),
              std::string::npos)
        << r.out;
    const Feed f = feed();
    EXPECT_EQ(f.offers.size(), demo.size());

    std::set<std::string> countries, cities, sectors, contracts, currencies;
    for (const auto& [id, body] : f.offers) {
        ASSERT_TRUE(body.has_value()) << id;
        const OfferRead o = read_offer_text(*body);
        ASSERT_TRUE(o.ok()) << id << ": " << describe(o.errors);
        EXPECT_EQ(id.rfind("demo-", 0), 0U) << id;
        for (const char* lang : {"tr", "bg", "en", "ar"}) {
            EXPECT_TRUE(o.offer.title.count(lang)) << id << " has no title in " << lang;
            EXPECT_TRUE(o.offer.description.count(lang)) << id << " has no description in " << lang;
        }
        EXPECT_NE(o.offer.employer.find("(demo)"), std::string::npos) << id;
        EXPECT_FALSE(is_expired(o.offer, "2026-12-31")) << id;
        countries.insert(o.offer.country);
        cities.insert(o.offer.city);
        sectors.insert(o.offer.sector);
        contracts.insert(std::string(to_string(o.offer.contract)));
        if (o.offer.pay) {
            currencies.insert(o.offer.pay->currency);
        }
    }
    EXPECT_EQ(countries, (std::set<std::string>{"BG", "TR"}));
    for (const char* city : {"İstanbul", "Ankara", "İzmir", "Gaziantep", "Bursa", "Mersin", "София",
                             "Пловдив", "Варна", "Бургас", "Русе"}) {
        EXPECT_TRUE(cities.count(city)) << city;
    }
    EXPECT_GE(sectors.size(), 10U);
    EXPECT_EQ(contracts.size(), 3U);
    EXPECT_TRUE(currencies.count("TRY") && currencies.count("EUR"));
}

}  // namespace
}  // namespace kiosk::sync

// Job offer search on real database files (kiosk/store/job_search.hpp): what matches what
// (Turkish i, Arabic marks, Cyrillic case, prefixes, several words, occupation names), the
// filters and expiry by date, the index following every write of the pull in its transaction,
// and the upgrade of a version 2 file that already holds offers. All offers are made up.
#include "kiosk/store/job_search.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "kiosk/store/job_index.hpp"
#include "kiosk/store/migrations.hpp"
#include "kiosk/store/sqlite.hpp"
#include "kiosk/store/sync_state.hpp"
#include "tests/store/made_up_offer.hpp"
#include "tests/store/store_fixture.hpp"

namespace kiosk::store {
namespace {

using testing::RawSqlite;
using Ids = std::set<std::string>;
using testing::made_up_offer;

constexpr std::string_view kToday = "2027-03-01";

JobOffer stored(const sync::JobOffer& o) {
    return JobOffer{o.id, sync::canonical_offer_text(o)};
}

class JobSearch : public testing::StoreTest {
  protected:
    // One page of the feed; the first one after a start cursor replaces every offer.
    void apply(const std::vector<sync::JobOffer>& upserts,
               const std::vector<std::string>& tombstones = {}) {
        std::vector<JobOffer> page;
        for (const auto& o : upserts) {
            page.push_back(stored(o));
        }
        ++page_;
        const auto applied =
            apply_offer_page(db(), page, tombstones, "e1-" + std::to_string(page_), "e1");
        ASSERT_TRUE(applied.ok()) << applied.error().message;
    }

    Ids find(std::string_view typed, const OfferFilters& filters = {},
             std::string_view today = kToday, const OccupationWords* occupations = nullptr) {
        const OfferQuery query(typed, occupations);
        auto found = search_offers(db(), query, filters, today, 1000);
        EXPECT_TRUE(found.ok()) << typed << ": " << found.error().message;
        Ids ids;
        if (!found.ok()) {
            return ids;
        }
        for (const auto& o : *found) {
            ids.insert(o.id);
        }
        auto counted = count_offers(db(), query, filters, today);
        EXPECT_TRUE(counted.ok());
        EXPECT_EQ(counted.ok() ? *counted : -1, static_cast<std::int64_t>(found->size()))
            << "count_offers disagrees with search_offers for '" << typed << "'";
        return ids;
    }

    std::vector<std::string> listed(std::string_view typed, int limit, int offset) {
        auto found = search_offers(db(), OfferQuery(typed), {}, kToday, limit, offset);
        EXPECT_TRUE(found.ok());
        std::vector<std::string> ids;
        for (const auto& o : found.ok() ? *found : std::vector<sync::JobOffer>{}) {
            ids.push_back(o.id);
        }
        return ids;
    }

    // SQLite's own check that the full-text index holds exactly the stored words.
    void expect_index_consistent() {
        EXPECT_TRUE(db().exec("INSERT INTO job_offer_fts (job_offer_fts, rank) "
                              "VALUES ('integrity-check', 1)")
                        .ok());
        RawSqlite raw(file_);
        EXPECT_EQ(raw.integer("SELECT count(*) FROM job_offer_search s LEFT JOIN job_offers o "
                              "ON o.id = s.id WHERE o.id IS NULL"),
                  0);
        EXPECT_EQ(raw.integer("SELECT count(*) FROM job_offer_content w LEFT JOIN "
                              "job_offer_search s ON s.doc = w.doc WHERE s.doc IS NULL"),
                  0);
    }

    int page_ = 0;
};

// [SECTION] What matches what

std::vector<sync::JobOffer> folding_offers() {
    return {
        made_up_offer("tr-istanbul", {{"tr", "Garson"}}, "İstanbul"),
        made_up_offer("tr-isi", {{"tr", "Isı yalıtım ustası"}}),
        made_up_offer("tr-isik", {{"tr", "Işık teknisyeni"}}),
        made_up_offer("tr-asci", {{"tr", "Aşçı yardımcısı"}}, "Bornova",
                      [](sync::JobOffer& o) { o.region = "İzmir"; }),
        made_up_offer("tr-irmak", {{"tr", "IRMAK KENARINDA BAHÇIVAN"}}),
        made_up_offer("ar-cook", {{"ar", "مُساعِد طَبّاخ"}}, "Gaziantep"),
        made_up_offer("ar-kitchen", {{"ar", "مساعد في المطبخ"}}),
        made_up_offer("ar-driver", {{"ar", "ســائق شاحنة"}}),
        made_up_offer("ar-hamza", {{"ar", "مُدرِّس لغة إنجليزية"}}),
        made_up_offer("bg-sofia", {{"bg", "Помощник-готвач"}}, "София",
                      [](sync::JobOffer& o) { o.country = "BG"; }),
        made_up_offer("bg-warehouse", {{"bg", "СКЛАДОВ РАБОТНИК"}}, "Пловдив",
                      [](sync::JobOffer& o) { o.country = "BG"; }),
        made_up_offer("multi",
                      {{"en", "Warehouse worker"},
                       {"tr", "Depo işçisi"},
                       {"bg", "Складов работник"},
                       {"ar", "عامل مستودع"}},
                      "Sofia",
                      [](sync::JobOffer& o) {
                          o.country = "BG";
                          o.description = {{"en", "Loading vans at night; 3 shifts."}};
                          o.employer = "Örnek Lojistik (made up)";
                      }),
    };
}

struct MatchCase {
    std::string query;
    Ids expected;
};

TEST_F(JobSearch, TurkishDottedAndDotlessIAreOneLetter) {
    apply(folding_offers());
    const std::vector<MatchCase> cases = {
        // A Turkish user typing "istanbul" finds "İstanbul"; every spelling finds it.
        {"istanbul", {"tr-istanbul"}},
        {"İstanbul", {"tr-istanbul"}},
        {"İSTANBUL", {"tr-istanbul"}},
        {"ISTANBUL", {"tr-istanbul"}},
        {"ıstanbul", {"tr-istanbul"}},
        {"Istanbul", {"tr-istanbul"}},
        // Decided: "ısı" and "isi" find each other (one letter for search).
        // ("ışık" is found too: "isi" starts "isik", as the person may still be typing.)
        {"ısı", {"tr-isi", "tr-isik"}},
        {"isi", {"tr-isi", "tr-isik"}},
        {"ISI", {"tr-isi", "tr-isik"}},
        {"ısı yal", {"tr-isi"}},
        {"İSİ YALITIM", {"tr-isi"}},
        {"IŞIK", {"tr-isik"}},
        {"isik", {"tr-isik"}},
        {"ışık", {"tr-isik"}},
        // A capital I typed in an upper-case word is found by a lower-case query either way.
        {"ırmak", {"tr-irmak"}},
        {"irmak", {"tr-irmak"}},
        {"bahcivan", {"tr-irmak"}},
        // Other Turkish letters without their marks.
        {"asci", {"tr-asci"}},
        {"AŞÇI", {"tr-asci"}},
        {"yardimcisi", {"tr-asci"}},
        {"ornek", {"multi"}},  // the employer "Örnek"
        {"işçi", {"multi"}},
    };
    for (const MatchCase& c : cases) {
        EXPECT_EQ(find(c.query), c.expected) << "query: " << c.query;
    }
}

TEST_F(JobSearch, ArabicWithAndWithoutHarakatTatweelAndArticle) {
    apply(folding_offers());
    const std::vector<MatchCase> cases = {
        {"مساعد", {"ar-cook", "ar-kitchen"}},  // no harakat finds words with them
        {"مُسَاعِدٌ", {"ar-cook", "ar-kitchen"}},  // harakat typed: the same
        {"طباخ", {"ar-cook"}},                 // the offer has shadda and fatha
        {"طبّاخ", {"ar-cook"}},
        {"سائق", {"ar-driver"}},     // the offer has tatweel
        {"ســـائق", {"ar-driver"}},  // tatweel typed
        {"مطبخ", {"ar-kitchen"}},    // after the article "ال"
        {"المطبخ", {"ar-kitchen"}},
        {"انجليزيه", {"ar-hamza"}},  // إ → ا, ة → ه
        {"مدرس", {"ar-hamza"}},
        {"مستودع", {"multi"}},
        {"مس", {"ar-cook", "ar-kitchen", "multi"}},  // prefix
        {"سائق مساعد", {}},                          // both words must match one offer
    };
    for (const MatchCase& c : cases) {
        EXPECT_EQ(find(c.query), c.expected) << "query: " << c.query;
    }
}

TEST_F(JobSearch, CyrillicCaseAndWordsSplitAtHyphens) {
    apply(folding_offers());
    const std::vector<MatchCase> cases = {
        {"софия", {"bg-sofia"}},
        {"СОФИЯ", {"bg-sofia"}},
        {"София", {"bg-sofia"}},
        {"готвач", {"bg-sofia"}},  // "Помощник-готвач": two words
        {"ПОМОЩНИК", {"bg-sofia"}},
        {"складов", {"bg-warehouse", "multi"}},
        {"работник", {"bg-warehouse", "multi"}},
        {"пловдив склад", {"bg-warehouse"}},
        // Scripts are not transliterated: "sofia" is the Latin spelling only.
        {"sofia", {"multi"}},
    };
    for (const MatchCase& c : cases) {
        EXPECT_EQ(find(c.query), c.expected) << "query: " << c.query;
    }
}

TEST_F(JobSearch, PrefixesSeveralWordsAndEveryLanguageOfAnOffer) {
    apply(folding_offers());
    const std::vector<MatchCase> cases = {
        {"d", {"multi"}},  // one letter, as the first key is typed ("depo")
        {"wa", {"multi"}},
        {"warehouse", {"multi"}},
        {"warehousex", {}},
        {"depo sof", {"multi"}},         // Turkish title + Latin city
        {"склад warehouse", {"multi"}},  // two languages of one offer
        {"warehouse пловдив", {}},       // the words are in different offers
        {"night vans", {"multi"}},       // the description, any order
        {"3", {"multi"}},                // digits are words
        {"٣", {"multi"}},                // digits of any script
        {"izmir", {"tr-asci"}},          // the region
        {"bornova asci", {"tr-asci"}},
        {"gar", {"tr-istanbul"}},
        {"made",
         {"tr-istanbul", "tr-isi", "tr-isik", "tr-asci", "tr-irmak", "ar-cook", "ar-kitchen",
          "ar-driver", "ar-hamza", "bg-sofia", "bg-warehouse", "multi"}},
    };
    for (const MatchCase& c : cases) {
        EXPECT_EQ(find(c.query), c.expected) << "query: " << c.query;
    }
}

TEST_F(JobSearch, QueriesAreNeverFts5Syntax) {
    apply(folding_offers());
    const Ids all = find("");
    EXPECT_EQ(all.size(), 12U);
    EXPECT_EQ(find("   "), all);
    EXPECT_EQ(find(" , ; - "), all);
    EXPECT_TRUE(OfferQuery(" ... ").empty());
    for (const char* hostile : {"\"garson", "garson*", "gar\"son", "(garson", "garson)", "^garson",
                                "garson:", "garson OR", "NOT garson", "garson AND", "{garson}"}) {
        const Ids got = find(hostile);
        EXPECT_TRUE(got == Ids{"tr-istanbul"} || got.empty()) << hostile;
    }
    EXPECT_EQ(find("garson OR"), Ids{});  // "or" is a word to match, not an operator
    EXPECT_EQ(find("garson*"), Ids{"tr-istanbul"});
    EXPECT_EQ(find("NEAR(garson)"), Ids{});
}

TEST_F(JobSearch, OccupationNamesInEveryLanguageFindTheOffersOfThatOccupation) {
    auto catalogue = i18n::OccupationCatalogue::parse(
        "id\ten\ttr\tar\tbg\n"
        "isco.5120\tCook\tAşçı\tطبّاخ\tГотвач\n"
        "isco.8332\tTruck driver\tTır şoförü\tسائق شاحنة\tШофьор на камион\n"
        "skill.forklift\tForklift licence\tForklift ehliyeti\t\t\n",
        "test catalogue");
    ASSERT_TRUE(catalogue.ok()) << catalogue.error().message;
    const OccupationWords occupations = OccupationWords::from_catalogue(*catalogue);
    EXPECT_EQ(occupations.codes_for("cook"), std::vector<std::string>{"5120"});
    EXPECT_EQ(occupations.codes_for("sof"), std::vector<std::string>{"8332"});  // şoförü
    EXPECT_TRUE(occupations.codes_for("forklift").empty());  // a skill, not an occupation

    apply({made_up_offer("cook-sofia", {{"bg", "Помощник в кухня"}}, "София",
                         [](sync::JobOffer& o) { o.occupation = "5120"; }),
           made_up_offer("truck", {{"tr", "Uluslararası nakliye"}}, "Mersin",
                         [](sync::JobOffer& o) { o.occupation = "8332"; }),
           made_up_offer("other", {{"en", "Cook book seller"}})});
    EXPECT_EQ(find("cook", {}, kToday, &occupations), (Ids{"cook-sofia", "other"}));
    EXPECT_EQ(find("cook"), Ids{"other"});  // without the catalogue: the words only
    EXPECT_EQ(find("aşçı", {}, kToday, &occupations), Ids{"cook-sofia"});
    EXPECT_EQ(find("طباخ", {}, kToday, &occupations), Ids{"cook-sofia"});
    EXPECT_EQ(find("готвач", {}, kToday, &occupations), Ids{"cook-sofia"});
    EXPECT_EQ(find("şoför mersin", {}, kToday, &occupations), Ids{"truck"});
    EXPECT_EQ(find("şoför sofia", {}, kToday, &occupations), Ids{});
    // Two letters do not reach the catalogue (most names would match).
    EXPECT_EQ(find("co", {}, kToday, &occupations), Ids{"other"});
}

// [SECTION] Filters, expiry, order, paging

std::vector<sync::JobOffer> filter_offers() {
    using sync::Contract;
    return {
        made_up_offer("izmir-cook", {{"tr", "Aşçı"}}, "İzmir",
                      [](sync::JobOffer& o) {
                          o.sector = "I";
                          o.contract = Contract::part_time;
                          o.languages = {{"tur", core::Cefr::A2}};
                      }),
        made_up_offer("bornova-cleaner", {{"tr", "Temizlik görevlisi"}}, "Bornova",
                      [](sync::JobOffer& o) {
                          o.region = "İzmir";
                          o.sector = "N";
                      }),
        made_up_offer("sofia-nurse", {{"bg", "Медицинска сестра"}}, "София",
                      [](sync::JobOffer& o) {
                          o.country = "BG";
                          o.sector = "Q";
                          o.languages = {{"bul", core::Cefr::B2}, {"eng", core::Cefr::A2}};
                      }),
        made_up_offer("antep-harvest", {{"tr", "Fıstık hasadı"}}, "Gaziantep",
                      [](sync::JobOffer& o) {
                          o.sector = "A";
                          o.contract = Contract::seasonal;
                          o.languages = {{"ara", core::Cefr::A1}};
                          o.expires = "2027-03-01";  // its last day is today
                      }),
        made_up_offer("izmir-expired", {{"tr", "Aşçı"}}, "izmir",
                      [](sync::JobOffer& o) { o.expires = "2027-02-28"; }),
    };
}

TEST_F(JobSearch, FiltersCombineWithTextAndHideExpiredOffersByDate) {
    apply(filter_offers());
    using sync::Contract;
    const Ids open = {"izmir-cook", "bornova-cleaner", "sofia-nurse", "antep-harvest"};
    EXPECT_EQ(find(""), open);
    // Expired offers are hidden by the date alone (no withdrawal has reached this kiosk).
    EXPECT_EQ(find("", {}, "2027-03-02"), (Ids{"izmir-cook", "bornova-cleaner", "sofia-nurse"}));
    EXPECT_EQ(find("asci"), Ids{"izmir-cook"});
    EXPECT_EQ(find("asci", {}, "2027-02-28"), (Ids{"izmir-cook", "izmir-expired"}));

    OfferFilters city;
    city.city = "IZMIR";  // folded: the city or the region
    EXPECT_EQ(find("", city), (Ids{"izmir-cook", "bornova-cleaner"}));
    EXPECT_EQ(find("temizlik", city), Ids{"bornova-cleaner"});
    city.city = "Bornova";
    EXPECT_EQ(find("", city), Ids{"bornova-cleaner"});
    city.city = "софия";
    EXPECT_EQ(find("", city), Ids{"sofia-nurse"});

    OfferFilters sector;
    sector.sector = "Q";
    EXPECT_EQ(find("", sector), Ids{"sofia-nurse"});
    EXPECT_EQ(find("asci", sector), Ids{});

    OfferFilters contract;
    contract.contract = Contract::seasonal;
    EXPECT_EQ(find("", contract), Ids{"antep-harvest"});
    contract.contract = Contract::full_time;
    EXPECT_EQ(find("", contract), (Ids{"bornova-cleaner", "sofia-nurse"}));

    // "My languages are enough": every required language at the level, spoken.
    OfferFilters speaks;
    speaks.speaks = std::vector<core::LanguageSkill>{{"ara", core::Cefr::C2, core::Written::C1},
                                                     {"tur", core::Cefr::A2, core::Written::A1}};
    EXPECT_EQ(find("", speaks), (Ids{"izmir-cook", "bornova-cleaner", "antep-harvest"}));
    speaks.speaks = std::vector<core::LanguageSkill>{{"bul", core::Cefr::B2, core::Written::B1},
                                                     {"eng", core::Cefr::A1, core::Written::B1}};
    EXPECT_EQ(find("", speaks), Ids{"bornova-cleaner"});  // English A1 < A2
    speaks.speaks->back().spoken = core::Cefr::B1;
    EXPECT_EQ(find("", speaks), (Ids{"bornova-cleaner", "sofia-nurse"}));
    speaks.speaks->back().spoken = std::nullopt;  // a level not given counts as not spoken
    EXPECT_EQ(find("", speaks), Ids{"bornova-cleaner"});
    speaks.speaks = std::vector<core::LanguageSkill>{};
    EXPECT_EQ(find("", speaks), Ids{"bornova-cleaner"});

    OfferFilters all;
    all.city = "Izmir";
    all.sector = "I";
    all.contract = Contract::part_time;
    all.speaks = std::vector<core::LanguageSkill>{{"tur", core::Cefr::B1, core::Written::A1}};
    EXPECT_EQ(find("aş", all), Ids{"izmir-cook"});
    all.contract = Contract::full_time;
    EXPECT_EQ(find("aş", all), Ids{});
}

TEST_F(JobSearch, AListRowHasEverythingButTheDescriptions) {
    const sync::JobOffer full = folding_offers().back();  // "multi", with a description
    apply({full});
    auto found = search_offers(db(), OfferQuery("depo"), {}, kToday, 10);
    ASSERT_TRUE(found.ok());
    ASSERT_EQ(found->size(), 1U);
    sync::JobOffer expected = full;
    expected.description.clear();
    EXPECT_EQ(found->front(), expected);
    // The detail screen reads the whole offer.
    auto body = find_offer(db(), "multi");
    ASSERT_TRUE(body.ok() && body->has_value());
    EXPECT_EQ(sync::read_offer_text(**body).offer, full);
}

TEST_F(JobSearch, CountsStopAtTheLimitAskedFor) {
    std::vector<sync::JobOffer> offers;
    for (int i = 0; i < 30; ++i) {
        offers.push_back(made_up_offer("job-" + std::to_string(i), {{"en", "Packer"}}));
    }
    apply(offers);
    EXPECT_EQ(*count_offers(db(), OfferQuery("pack"), {}, kToday), 30);
    EXPECT_EQ(*count_offers(db(), OfferQuery("pack"), {}, kToday, 10), 10);
    EXPECT_EQ(*count_offers(db(), OfferQuery(""), {}, kToday, 29), 29);
    EXPECT_EQ(*count_offers(db(), OfferQuery(""), {}, kToday, 31), 30);
    EXPECT_EQ(*count_offers(db(), OfferQuery("pack"), {}, kToday, 0), 0);
    EXPECT_EQ(count_offers(db(), OfferQuery("pack"), {}, kToday, -1).error().code,
              errc::kInvalidArgument);
}

TEST_F(JobSearch, FacetTokensCannotBeTyped) {
    apply(filter_offers());
    EXPECT_EQ(find("_sector:Q"), Ids{});
    EXPECT_EQ(find("_place:izmir"), Ids{});  // the words "place" and "izmir"
    EXPECT_EQ(find("izmir"), (Ids{"izmir-cook", "bornova-cleaner"}));  // city or region
    EXPECT_EQ(find("_place"), Ids{});
    EXPECT_EQ(find("_occupation:9329"), Ids{});
    OfferFilters nowhere;
    nowhere.city = " ... ";  // folds to nothing: matches no place
    EXPECT_EQ(find("", nowhere), Ids{});
}

TEST_F(JobSearch, BadArgumentsAreRefused) {
    apply(filter_offers());
    EXPECT_EQ(search_offers(db(), OfferQuery("x"), {}, "01.03.2027", 10).error().code,
              errc::kInvalidArgument);
    EXPECT_EQ(search_offers(db(), OfferQuery("x"), {}, kToday, -1).error().code,
              errc::kInvalidArgument);
    EXPECT_EQ(search_offers(db(), OfferQuery("x"), {}, kToday, 1, -1).error().code,
              errc::kInvalidArgument);
    EXPECT_EQ(count_offers(db(), OfferQuery("x"), {}, "").error().code, errc::kInvalidArgument);
    EXPECT_EQ(offer_cities(db(), "2027-02-30").error().code, errc::kInvalidArgument);
    EXPECT_EQ(load_rankable_offers(db(), "today").error().code, errc::kInvalidArgument);
}

TEST_F(JobSearch, NewestFirstAndPagesThatDoNotOverlap) {
    std::vector<sync::JobOffer> offers;
    for (int i = 0; i < 25; ++i) {
        offers.push_back(made_up_offer("job-" + std::to_string(100 + i), {{"en", "Packer"}}));
    }
    apply(offers);
    std::vector<std::string> pages;
    for (int offset = 0; offset < 25; offset += 10) {
        for (auto& id : listed("pack", 10, offset)) {
            pages.push_back(id);
        }
    }
    ASSERT_EQ(pages.size(), 25U);
    EXPECT_EQ(pages.front(), "job-124");  // stored last
    EXPECT_EQ(pages.back(), "job-100");
    EXPECT_TRUE(std::is_sorted(pages.rbegin(), pages.rend()));
    EXPECT_EQ(listed("", 10, 0), std::vector<std::string>(pages.begin(), pages.begin() + 10));
    EXPECT_TRUE(listed("pack", 10, 30).empty());
    EXPECT_TRUE(listed("pack", 0, 0).empty());

    // A changed offer moves to the top.
    offers[3].title = {{"en", "Packer, night shift"}};
    apply({offers[3]});
    EXPECT_EQ(listed("pack", 2, 0), (std::vector<std::string>{"job-103", "job-124"}));
}

TEST_F(JobSearch, CitiesForTheFilterWithCountsAndNewestSpelling) {
    apply(filter_offers());
    apply({made_up_offer("istanbul-1", {{"tr", "Garson"}}, "Istanbul"),
           made_up_offer("istanbul-2", {{"tr", "Komi"}}, "İSTANBUL"),
           made_up_offer("istanbul-3", {{"tr", "Kasiyer"}}, "İstanbul")});
    auto cities = offer_cities(db(), kToday);
    ASSERT_TRUE(cities.ok());
    ASSERT_EQ(cities->size(), 5U);
    EXPECT_EQ((*cities)[0].city, "İstanbul");
    EXPECT_EQ((*cities)[0].key, "istanbul");
    EXPECT_EQ((*cities)[0].offers, 3);
    std::vector<std::string> rest;
    for (std::size_t i = 1; i < cities->size(); ++i) {
        EXPECT_EQ((*cities)[i].offers, 1);
        rest.push_back((*cities)[i].key);
    }
    // izmir-expired is not counted; equal counts by key.
    EXPECT_EQ(rest, (std::vector<std::string>{"bornova", "gaziantep", "izmir", "софия"}));
}

TEST(OfferText, ThePersonsLanguageElseEnglishElseTheFirst) {
    const std::map<std::string, std::string> texts = {
        {"ar", "عامل"}, {"en", "Worker"}, {"tr", "İşçi"}};
    EXPECT_EQ(offer_text_in(texts, "tr"), "İşçi");
    EXPECT_EQ(offer_text_in(texts, "fa"), "Worker");
    EXPECT_EQ(offer_text_in({{"bg", "Работник"}, {"tr", "İşçi"}}, "fa"), "Работник");
    EXPECT_EQ(offer_text_in({}, "fa"), "");
}

TEST(FoldPlace, KeysForPlaces) {
    EXPECT_EQ(fold_place("  İZMİR "), "izmir");
    EXPECT_EQ(fold_place("Veliko  Tarnovo"), "veliko tarnovo");
    EXPECT_EQ(fold_place("Şanlıurfa"), "sanliurfa");
    EXPECT_EQ(fold_place("СОФИЯ"), "софия");
    EXPECT_EQ(fold_place(""), "");
}

// [SECTION] The index follows every write, in the write's transaction

TEST_F(JobSearch, TheIndexFollowsUpsertsUpdatesAndTombstones) {
    apply({made_up_offer("a", {{"en", "Baker"}}), made_up_offer("b", {{"en", "Butcher"}})});
    EXPECT_EQ(find("baker"), Ids{"a"});
    // An update replaces the words: the old title is no longer found.
    apply({made_up_offer("a", {{"en", "Pastry cook"}}, "Edirne")});
    EXPECT_EQ(find("baker"), Ids{});
    EXPECT_EQ(find("pastry edirne"), Ids{"a"});
    EXPECT_EQ(find(""), (Ids{"a", "b"}));
    // A tombstone removes it; an unknown tombstone is fine.
    apply({}, {"b", "never-seen"});
    EXPECT_EQ(find("butcher"), Ids{});
    EXPECT_EQ(find(""), Ids{"a"});
    // Upsert and tombstone of different offers in one page.
    apply({made_up_offer("c", {{"en", "Welder"}})}, {"a"});
    EXPECT_EQ(find(""), Ids{"c"});
    expect_index_consistent();
}

TEST_F(JobSearch, AnOfferTwiceInOnePageIsIndexedAsThePageLeavesIt) {
    // The feed sends each id once per page; the store does not rely on it.
    apply({made_up_offer("a", {{"en", "Baker"}}), made_up_offer("b", {{"en", "Butcher"}}),
           made_up_offer("a", {{"en", "Pastry cook"}})},
          {"b"});
    EXPECT_EQ(find(""), Ids{"a"});
    EXPECT_EQ(find("baker"), Ids{});
    EXPECT_EQ(find("pastry"), Ids{"a"});
    apply({made_up_offer("c", {{"en", "Welder"}})}, {"c"});  // a tombstone after its upsert
    EXPECT_EQ(find("welder"), Ids{});
    EXPECT_EQ(find(""), Ids{"a"});
    expect_index_consistent();
}

TEST_F(JobSearch, ASnapshotFromTheStartAndAResetEmptyTheIndexWithTheOffers) {
    apply({made_up_offer("a", {{"en", "Baker"}}), made_up_offer("b", {{"en", "Butcher"}})});
    // 410: the cursor goes back to the start; the snapshot's first page replaces everything.
    ASSERT_TRUE(restart_pull(db()).ok());
    EXPECT_EQ(find(""), (Ids{"a", "b"}));  // offers stay until the first page arrives
    apply({made_up_offer("c", {{"en", "Welder"}})});
    EXPECT_EQ(find(""), Ids{"c"});
    EXPECT_EQ(find("baker"), Ids{});
    expect_index_consistent();

    // A new epoch: offers and index dropped together.
    ASSERT_TRUE(reset_offers(db(), "e2").ok());
    EXPECT_EQ(find(""), Ids{});
    EXPECT_EQ(find("welder"), Ids{});
    RawSqlite raw(file_);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM job_offer_search"), 0);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM job_offer_languages"), 0);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM job_offer_content"), 0);
    expect_index_consistent();
}

TEST_F(JobSearch, AFailedPageLeavesOffersAndIndexAsTheyWere) {
    apply({made_up_offer("a", {{"en", "Baker"}}), made_up_offer("b", {{"en", "Butcher"}})});
    // The cursor update fails after upserts, index rows and tombstones were written.
    ASSERT_TRUE(db().exec("CREATE TEMP TRIGGER fail_cursor BEFORE UPDATE ON sync_state "
                          "BEGIN SELECT RAISE(ABORT, 'injected'); END")
                    .ok());
    const std::vector<JobOffer> page = {stored(made_up_offer("a", {{"en", "Pastry cook"}})),
                                        stored(made_up_offer("c", {{"en", "Welder"}}))};
    const std::vector<std::string> gone = {"b"};
    ASSERT_FALSE(apply_offer_page(db(), page, gone, "e1-9", "e1").ok());
    EXPECT_EQ(find("baker"), Ids{"a"});
    EXPECT_EQ(find("butcher"), Ids{"b"});
    EXPECT_EQ(find("pastry"), Ids{});
    EXPECT_EQ(find("welder"), Ids{});
    expect_index_consistent();

    // The same for a reset that fails half-way.
    ASSERT_FALSE(reset_offers(db(), "e2").ok());
    EXPECT_EQ(find(""), (Ids{"a", "b"}));
    expect_index_consistent();

    ASSERT_TRUE(db().exec("DROP TRIGGER fail_cursor").ok());
    ASSERT_TRUE(apply_offer_page(db(), page, gone, "e1-9", "e1").ok());
    EXPECT_EQ(find(""), (Ids{"a", "c"}));
    EXPECT_EQ(find("pastry"), Ids{"a"});
    expect_index_consistent();
}

TEST_F(JobSearch, ADeleteOutsideTheStoreFunctionsStillLeavesTheIndex) {
    apply({made_up_offer("a", {{"en", "Baker"}}), made_up_offer("b", {{"en", "Butcher"}})});
    RawSqlite(file_).exec("DELETE FROM job_offers WHERE id = 'a'");
    EXPECT_EQ(find(""), Ids{"b"});
    EXPECT_EQ(find("baker"), Ids{});
    expect_index_consistent();
}

TEST_F(JobSearch, ABodyThatIsNotAnOfferIsStoredButNotListed) {
    const std::vector<JobOffer> page = {{"odd", R"({"title":"Cook"})"},
                                        stored(made_up_offer("good", {{"en", "Cook"}}))};
    ASSERT_TRUE(apply_offer_page(db(), page, {}, "e1-1", "e1").ok());
    EXPECT_EQ(find("cook"), Ids{"good"});
    auto body = find_offer(db(), "odd");
    ASSERT_TRUE(body.ok() && body->has_value());
    // The same id later arrives as a real offer: now it is listed.
    apply({made_up_offer("odd", {{"en", "Cook"}})});
    EXPECT_EQ(find("cook"), (Ids{"good", "odd"}));
    // And back to a body that is not an offer: its old words go.
    ASSERT_TRUE(
        apply_offer_page(db(), std::vector<JobOffer>{{"odd", "{}"}}, {}, "e1-9", "e1").ok());
    EXPECT_EQ(find("cook"), Ids{"good"});
    expect_index_consistent();
}

TEST_F(JobSearch, UnknownFieldsFromANewerServerDoNotHideAnOffer) {
    sync::JobOffer o = made_up_offer("newer", {{"en", "Tailor"}});
    nlohmann::json j = sync::to_json(o);
    j["salary_negotiable"] = true;  // a field this kiosk does not know
    ASSERT_TRUE(
        apply_offer_page(db(), std::vector<JobOffer>{{"newer", j.dump()}}, {}, "e1-1", "e1").ok());
    EXPECT_EQ(find("tailor"), Ids{"newer"});
}

TEST_F(JobSearch, RebuildingTheIndexGivesTheSameResults) {
    apply(folding_offers());
    const Ids before = find("made");
    const std::vector<std::string> order = listed("", 100, 0);
    ASSERT_TRUE(rebuild_offer_index(db()).ok());
    EXPECT_EQ(find("made"), before);
    EXPECT_EQ(listed("", 100, 0), order);
    EXPECT_EQ(find("مساعد"), (Ids{"ar-cook", "ar-kitchen"}));
    expect_index_consistent();
}

// [SECTION] Ranking input

TEST_F(JobSearch, RankableOffersCarryTheFactsOfTheOpenOffers) {
    const auto offers = filter_offers();
    apply(offers);
    auto facts = load_rankable_offers(db(), kToday);
    ASSERT_TRUE(facts.ok()) << facts.error().message;
    std::vector<std::string> ids;
    for (const RankableOffer& r : *facts) {
        ids.push_back(r.id);
        const auto it = std::find_if(offers.begin(), offers.end(),
                                     [&r](const sync::JobOffer& o) { return o.id == r.id; });
        ASSERT_NE(it, offers.end());
        const core::OfferFacts want = offer_facts(*it);
        EXPECT_EQ(r.facts.occupation, want.occupation);
        EXPECT_EQ(r.facts.languages, want.languages);
        EXPECT_EQ(r.facts.min_education, want.min_education);
        EXPECT_EQ(r.facts.city, want.city);
        EXPECT_EQ(r.facts.city_key, want.city_key);
        EXPECT_EQ(r.facts.region_key, want.region_key);
        EXPECT_EQ(r.facts.sector, want.sector);
        EXPECT_EQ(r.facts.contract, want.contract);
        EXPECT_EQ(r.facts.permit_required, want.permit_required);
        EXPECT_EQ(r.facts.women_only, want.women_only);
        EXPECT_EQ(r.facts.training_provided, want.training_provided);
        EXPECT_EQ(r.facts.start_date, want.start_date);
    }
    // Newest first, the expired one left out.
    EXPECT_EQ(ids, (std::vector<std::string>{"antep-harvest", "sofia-nurse", "bornova-cleaner",
                                             "izmir-cook"}));
    EXPECT_EQ(facts->front().facts.contract, core::ContractKind::Seasonal);
    EXPECT_EQ(facts->back().facts.languages,
              (std::vector<core::LanguageNeed>{{"tur", core::Cefr::A2}}));
    EXPECT_EQ((*facts)[2].facts.region_key, "izmir");

    OfferFilters sector;
    sector.sector = "Q";
    auto nurse = load_rankable_offers(db(), kToday, sector);
    ASSERT_TRUE(nurse.ok());
    ASSERT_EQ(nurse->size(), 1U);
    EXPECT_EQ(nurse->front().facts.languages,
              (std::vector<core::LanguageNeed>{{"bul", core::Cefr::B2}, {"eng", core::Cefr::A2}}));
}

TEST(OfferFacts, FlagsPermitAndStartDate) {
    const sync::JobOffer o =
        made_up_offer("flags", {{"en", "Seamstress"}}, "Gaziantep", [](sync::JobOffer& x) {
            x.flags = {sync::OfferFlag::women_only, sync::OfferFlag::training_provided};
            x.work_permit = sync::PermitRule::required;
            x.start_date = "2027-04-01";
        });
    const core::OfferFacts f = offer_facts(o);
    EXPECT_TRUE(f.women_only);
    EXPECT_TRUE(f.training_provided);
    EXPECT_TRUE(f.permit_required);
    EXPECT_EQ(f.start_date, "2027-04-01");
    EXPECT_EQ(f.city_key, "gaziantep");
}

// [SECTION] Upgrade from version 2

TEST(JobSearchMigration, AVersion2FileWithOffersIsIndexedWhenOpened) {
    testing::TempDir dir;
    const auto file = dir / "kiosk.db";
    {
        RawSqlite raw(file, RawSqlite::Mode::Create);
        raw.exec("BEGIN");
        for (const MigrationStep& step : migration_steps()) {
            if (step.version > 2) {
                break;
            }
            raw.exec(std::string(step.sql));
            raw.exec("INSERT INTO schema_log VALUES (" + std::to_string(step.version) + ", '" +
                     std::string(step.name) + "', 1)");
        }
        raw.exec("PRAGMA user_version = 2");
        raw.exec("PRAGMA application_id = " + std::to_string(Database::kApplicationId));
        // Offers pulled by a version 2 kiosk, in the order it applied them.
        int seq = 0;
        for (const sync::JobOffer& o : folding_offers()) {
            std::string body = sync::canonical_offer_text(o);
            std::string quoted;
            for (const char c : body) {
                quoted += c == '\'' ? std::string("''") : std::string(1, c);
            }
            raw.exec("INSERT INTO job_offers VALUES ('" + o.id + "', '" + quoted + "', " +
                     std::to_string(++seq) + ")");
        }
        raw.exec("INSERT INTO job_offers VALUES ('not-an-offer', '{}', " + std::to_string(++seq) +
                 ")");
        raw.exec("UPDATE sync_state SET pull_cursor = 'e1-13', server_epoch = 'e1'");
        raw.exec("COMMIT");
    }

    auto db = Database::open(file);
    ASSERT_TRUE(db.ok()) << db.error().message;
    EXPECT_EQ(db->schema_version(), Database::kSchemaVersion);
    auto found = search_offers(*db, OfferQuery("istanbul"), {}, kToday, 10);
    ASSERT_TRUE(found.ok());
    ASSERT_EQ(found->size(), 1U);
    EXPECT_EQ(found->front().id, "tr-istanbul");
    EXPECT_EQ(*count_offers(*db, OfferQuery("مساعد"), {}, kToday), 2);
    EXPECT_EQ(*count_offers(*db, OfferQuery(""), {}, kToday), 12);
    // Stored order is kept: the last applied is the newest.
    auto newest = search_offers(*db, OfferQuery(""), {}, kToday, 1);
    ASSERT_TRUE(newest.ok() && newest->size() == 1);
    EXPECT_EQ(newest->front().id, "multi");

    RawSqlite raw(file);
    EXPECT_EQ(raw.integer("PRAGMA user_version"), Database::kSchemaVersion);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM job_offers"), 13);  // nothing lost
    EXPECT_EQ(raw.text("SELECT pull_cursor FROM sync_state"), "e1-13");
    EXPECT_EQ(raw.text("SELECT name FROM schema_log WHERE version = 3"),
              std::string(migration_steps()[2].name));

    // And the pull carries on from there.
    ASSERT_TRUE(apply_offer_page(*db, std::vector<JobOffer>{}, std::vector<std::string>{"multi"},
                                 "e1-14", "e1")
                    .ok());
    EXPECT_EQ(*count_offers(*db, OfferQuery(""), {}, kToday), 11);
}

}  // namespace
}  // namespace kiosk::store

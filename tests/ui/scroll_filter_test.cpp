// filter_items: the rows of a searchable list that match what the person typed, in list order.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kiosk/ui/touch_list.hpp"

namespace kiosk::ui {
namespace {

std::vector<std::string> ids(const std::vector<ListItem>& items) {
    std::vector<std::string> out;
    for (const ListItem& item : items) {
        out.push_back(item.id);
    }
    return out;
}

const std::vector<ListItem> kCountries = {
    {"SY", "Suriye Arap Cumhuriyeti", "tr", false},
    {"IQ", "Irak", "tr", true},
    {"IR", "İran İslam Cumhuriyeti", "tr", false},
    {"AF", "Afganistan", "tr", false},
    {"SR", "Surinam", "tr", false},
};

TEST(FilterItems, KeepsTheMatchingRowsInListOrder) {
    EXPECT_EQ(ids(filter_items(kCountries, "sur", "tr")), (std::vector<std::string>{"SY", "SR"}));
    EXPECT_EQ(ids(filter_items(kCountries, "cumhur", "tr")),
              (std::vector<std::string>{"SY", "IR"}));
    EXPECT_EQ(ids(filter_items(kCountries, "IRA", "tr")), (std::vector<std::string>{"IQ", "IR"}));
    EXPECT_TRUE(filter_items(kCountries, "xyz", "tr").empty());
}

TEST(FilterItems, AnEmptyQueryKeepsEverythingWithItsFields) {
    const auto all = filter_items(kCountries, "", "tr");
    ASSERT_EQ(all.size(), kCountries.size());
    EXPECT_EQ(ids(all), ids(kCountries));
    EXPECT_TRUE(all[1].selected);
    EXPECT_EQ(all[1].label, "Irak");
    EXPECT_EQ(all[1].language, "tr");
}

TEST(FilterItems, MatchesArabicWithoutHarakatAndPersianLetters) {
    const std::vector<ListItem> names = {
        {"SY", "سُورِيَا", "ar", false},
        {"IR", "ايران", "ar", false},
        {"IQ", "العراق", "ar", false},
    };
    EXPECT_EQ(ids(filter_items(names, "سور", "ar")), std::vector<std::string>{"SY"});
    EXPECT_EQ(ids(filter_items(names, "ایر", "fa")), std::vector<std::string>{"IR"});
}

}  // namespace
}  // namespace kiosk::ui

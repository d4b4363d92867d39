// Settings: string values by key, typed helpers, and clear errors for values of the wrong type.
#include "kiosk/store/settings.hpp"

#include <gtest/gtest.h>

#include "kiosk/store/sqlite.hpp"
#include "tests/store/store_fixture.hpp"

namespace kiosk::store {
namespace {

using Settings = testing::StoreTest;

TEST_F(Settings, AMissingKeyIsNulloptNotAnError) {
    auto value = get_setting(db(), "kiosk.location");
    ASSERT_TRUE(value.ok());
    EXPECT_FALSE(value->has_value());
    auto number = get_int_setting(db(), "sync.batch_size");
    ASSERT_TRUE(number.ok());
    EXPECT_FALSE(number->has_value());
}

TEST_F(Settings, SetOverwritesAndSurvivesReopen) {
    ASSERT_TRUE(set_setting(db(), "kiosk.location", "Community Hall B").ok());
    ASSERT_TRUE(set_setting(db(), "kiosk.location", "Library, 2nd floor").ok());
    ASSERT_TRUE(set_int_setting(db(), "sync.batch_size", -42).ok());
    ASSERT_TRUE(set_bool_setting(db(), "ui.high_contrast", true).ok());
    reopen();

    EXPECT_EQ(get_setting(db(), "kiosk.location").value(),
              std::optional<std::string>("Library, 2nd floor"));
    EXPECT_EQ(get_int_setting(db(), "sync.batch_size").value(), std::optional<std::int64_t>(-42));
    EXPECT_EQ(get_bool_setting(db(), "ui.high_contrast").value(), std::optional<bool>(true));
    EXPECT_EQ(testing::RawSqlite(file_).text("SELECT value FROM settings WHERE key = "
                                             "'ui.high_contrast'"),
              "true");
}

TEST_F(Settings, EraseRemovesAKeyAndIgnoresAMissingOne) {
    ASSERT_TRUE(set_bool_setting(db(), "ui.sound", false).ok());
    EXPECT_EQ(get_bool_setting(db(), "ui.sound").value(), std::optional<bool>(false));
    ASSERT_TRUE(erase_setting(db(), "ui.sound").ok());
    EXPECT_FALSE(get_bool_setting(db(), "ui.sound").value().has_value());
    EXPECT_TRUE(erase_setting(db(), "ui.sound").ok());
}

TEST_F(Settings, AValueOfTheWrongTypeIsABadSettingError) {
    ASSERT_TRUE(set_setting(db(), "sync.batch_size", "100 records").ok());
    ASSERT_TRUE(set_setting(db(), "ui.sound", "yes").ok());
    ASSERT_TRUE(set_setting(db(), "sync.huge", "99999999999999999999").ok());

    auto number = get_int_setting(db(), "sync.batch_size");
    ASSERT_FALSE(number.ok());
    EXPECT_EQ(number.error().code, errc::kBadSetting);
    EXPECT_NE(number.error().message.find("sync.batch_size"), std::string::npos);
    auto overflow = get_int_setting(db(), "sync.huge");
    ASSERT_FALSE(overflow.ok());
    EXPECT_EQ(overflow.error().code, errc::kBadSetting);
    auto flag = get_bool_setting(db(), "ui.sound");
    ASSERT_FALSE(flag.ok());
    EXPECT_EQ(flag.error().code, errc::kBadSetting);
}

TEST_F(Settings, AnEmptyKeyIsRefused) {
    auto set = set_setting(db(), "", "x");
    ASSERT_FALSE(set.ok());
    EXPECT_EQ(set.error().code, errc::kInvalidArgument);
    auto get = get_setting(db(), "");
    ASSERT_FALSE(get.ok());
    EXPECT_EQ(get.error().code, errc::kInvalidArgument);
}

}  // namespace
}  // namespace kiosk::store

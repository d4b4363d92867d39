#include "kiosk/core/session.hpp"

#include <gtest/gtest.h>

namespace kiosk::core {
namespace {

TEST(Session, ChoosingALanguageSetsItAndLeavesTheWelcomeScreen) {
    Session s;
    s = reduce(s, ChooseLanguage{"ar"}, Millis{1000});
    EXPECT_EQ(s.language, "ar");
    EXPECT_EQ(s.screen, Screen::Notice);
    EXPECT_EQ(s.last_activity, Millis{1000});
}

}  // namespace
}  // namespace kiosk::core

// The hit map's lookups, rectangle geometry and JSON dump (what tests and the driver read).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "headless_ui.hpp"
#include "kiosk/ui/hit_map.hpp"

namespace kiosk::test {
namespace {

TEST(HitMapRect, ContainsIsHalfOpenAndOverlapNeedsArea) {
    const ui::Rect r{10, 20, 100, 50};
    EXPECT_TRUE(r.contains(10, 20));
    EXPECT_TRUE(r.contains(109.5F, 69.5F));
    EXPECT_FALSE(r.contains(110, 30));
    EXPECT_FALSE(r.contains(50, 70));
    EXPECT_TRUE(r.overlaps(ui::Rect{100, 60, 50, 50}));
    EXPECT_FALSE(r.overlaps(ui::Rect{110, 20, 10, 10})) << "touching edges do not overlap";
    EXPECT_FALSE(r.overlaps(ui::Rect{10, 70, 10, 10}));
}

TEST(HitMap, FindsByIdAndByLabel) {
    ui::HitMap map;
    map.add("lang.tr", "Türkçe", {0, 0, 10, 10});
    map.add("lang.fa", "فارسی", {0, 20, 10, 10});
    ASSERT_NE(map.find_id("lang.fa"), nullptr);
    EXPECT_EQ(map.find_id("lang.fa")->label, "فارسی");
    ASSERT_NE(map.find_label("Türkçe"), nullptr);
    EXPECT_EQ(map.find_label("Türkçe")->id, "lang.tr");
    EXPECT_EQ(map.find_id("lang.xx"), nullptr);
    EXPECT_EQ(map.find_label("turkce"), nullptr);
    map.clear();
    EXPECT_TRUE(map.targets.empty());
}

TEST(HitMap, JsonOfTheWelcomeScreenListsEveryButton) {
    HeadlessUi ui(1920, 1080);
    ui.frame(core::Session{});
    ui.frame(core::Session{});
    const auto doc = nlohmann::json::parse(ui::to_json(ui.hits()));
    EXPECT_EQ(doc.at("screen"), "welcome");
    EXPECT_EQ(doc.at("display").at("w"), 1920.0);
    EXPECT_EQ(doc.at("display").at("h"), 1080.0);
    const auto& targets = doc.at("targets");
    ASSERT_EQ(targets.size(), ui.hits().targets.size());
    ASSERT_EQ(targets.size(), 10U);  // nine languages and the staff entry in the corner
    EXPECT_EQ(targets[9].at("id"), "staff.entry");
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const ui::HitTarget& t = ui.hits().targets[i];
        EXPECT_EQ(targets[i].at("id"), t.id);
        EXPECT_EQ(targets[i].at("label"), t.label);  // UTF-8 survives the round trip
        EXPECT_FLOAT_EQ(targets[i].at("x").get<float>(), t.rect.x);
        EXPECT_FLOAT_EQ(targets[i].at("y").get<float>(), t.rect.y);
        EXPECT_FLOAT_EQ(targets[i].at("w").get<float>(), t.rect.w);
        EXPECT_FLOAT_EQ(targets[i].at("h").get<float>(), t.rect.h);
    }
    EXPECT_EQ(targets[2].at("label"), "العربية");
}

}  // namespace
}  // namespace kiosk::test

// A test fixture holding the kiosk's real fonts (from the Debian packages) and a Shaper on them.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "kiosk/i18n/font_set.hpp"
#include "kiosk/i18n/shaper.hpp"

namespace kiosk::i18n::test {

class ShapingFixture : public ::testing::Test {
  protected:
    void SetUp() override {
        Result<FontSet> loaded = FontSet::load(FontSearch{});
        ASSERT_TRUE(loaded.ok()) << loaded.error().message;
        fonts_ = std::make_unique<FontSet>(std::move(loaded).value());
        shaper_ = std::make_unique<Shaper>(*fonts_);
    }

    std::unique_ptr<FontSet> fonts_;
    std::unique_ptr<Shaper> shaper_;
};

}  // namespace kiosk::i18n::test

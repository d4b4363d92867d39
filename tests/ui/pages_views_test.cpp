// The notice (consent), declined and done screens driven headlessly with the real catalogue and
// fonts: which intents their buttons record, that accepting and declining are equally easy, and
// that the pages mirror in Arabic.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "kiosk/i18n/bidi.hpp"
#include "pages_raster.hpp"
#include "pages_test_support.hpp"

namespace kiosk::test {
namespace {

constexpr float kWidth = 1280;
constexpr float kHeight = 800;

class NoticeView : public ::testing::Test {
  protected:
    HeadlessUi ui{static_cast<int>(kWidth), static_cast<int>(kHeight)};
};

TEST_F(NoticeView, AcceptRecordsConsentAndTheReducerStartsTheRegistration) {
    const core::Session s = on_notice("en");
    const auto out = tap_id(ui, s, "consent.accept");
    ASSERT_NE(only<core::AcceptConsent>(out), nullptr);
    const core::Session after = core::reduce(s, out[0], Millis{3000});
    EXPECT_EQ(after.screen, core::Screen::Name);
    EXPECT_EQ(after.draft.consent_version, s.settings.consent_version);
}

TEST_F(NoticeView, DeclineRecordsDeclineAndBackRecordsBack) {
    const core::Session s = on_notice("en");
    const auto declined = tap_id(ui, s, "consent.decline");
    ASSERT_NE(only<core::DeclineConsent>(declined), nullptr);
    EXPECT_EQ(core::reduce(s, declined[0], Millis{3000}).screen, core::Screen::Declined);
    EXPECT_NE(only<core::Back>(tap_id(ui, s, "nav.back")), nullptr);
}

TEST_F(NoticeView, OffersExactlyAcceptDeclineAndBackWithTheirLabels) {
    ui.frame(on_notice("tr"));
    ASSERT_EQ(button_ids(ui.hits()).size(), 3U);
    const auto& tr = ui.catalogue();
    EXPECT_EQ(ui.hits().find_id("consent.accept")->label, tr.tr("tr", "consent.accept"));
    EXPECT_EQ(ui.hits().find_id("consent.decline")->label, tr.tr("tr", "consent.decline"));
    EXPECT_EQ(ui.hits().find_id("nav.back")->label, tr.tr("tr", "common.back"));
}

TEST_F(NoticeView, AcceptAndDeclineAreTheSameSizeSideBySideAndMirrorInArabic) {
    ui.frame(on_notice("en"));
    const ui::Rect accept = ui.hits().find_id("consent.accept")->rect;
    const ui::Rect decline = ui.hits().find_id("consent.decline")->rect;
    const ui::Rect back = ui.hits().find_id("nav.back")->rect;
    EXPECT_EQ(accept.w, decline.w);
    EXPECT_EQ(accept.h, decline.h);
    EXPECT_EQ(accept.y, decline.y);
    EXPECT_GE(accept.h, 48.0F);
    EXPECT_LT(accept.x, decline.x) << "accept comes first in reading order";
    EXPECT_FALSE(accept.overlaps(decline));
    EXPECT_LT(back.x, kWidth / 4) << "Back sits at the bottom left in English";
    EXPECT_GT(back.y, accept.y + accept.h - 1) << "Back is below the choice";
    EXPECT_NEAR(back.y + back.h, kHeight - ui.context().theme.margin, 1.0F);

    ui.frame(on_notice("ar"));
    const ui::Rect accept_ar = ui.hits().find_id("consent.accept")->rect;
    const ui::Rect decline_ar = ui.hits().find_id("consent.decline")->rect;
    const ui::Rect back_ar = ui.hits().find_id("nav.back")->rect;
    EXPECT_GT(accept_ar.x, decline_ar.x) << "accept comes first from the right in Arabic";
    EXPECT_EQ(accept_ar.w, decline_ar.w);
    // Each button sits where its English twin is, reflected in the vertical centre line.
    EXPECT_NEAR(accept_ar.x, kWidth - (accept.x + accept.w), 1.0F);
    EXPECT_NEAR(decline_ar.x, kWidth - (decline.x + decline.w), 1.0F);
    EXPECT_NEAR(back_ar.x, kWidth - (back.x + back.w), 1.0F);
    EXPECT_EQ(back_ar.y, back.y);
}

TEST_F(NoticeView, TellsHowLongInThePluralOfTheLanguage) {
    core::Session s = on_notice("ru");
    s.settings.retention_months = 22;  // Russian "few" form: 22 месяца
    ui.frame(s);
    const i18n::Translator ru = ui.catalogue().translator("ru");
    const std::string kept = ru.count_text("notice.how_long", 22, "months");
    EXPECT_NE(kept.find("22"), std::string::npos);
    // The paragraph was laid out in the scroll area; a line of it is not the point here, the
    // words are: the few-form differs from the many-form.
    EXPECT_NE(kept, ru.count_text("notice.how_long", 25, "months"));
    const auto before = ui.renderer().shaper().stats();
    ui.frame(s);
    EXPECT_EQ(ui.renderer().shaper().stats().misses, before.misses) << "a second frame reshapes";
    s.settings.retention_months = 25;
    ui.frame(s);
    EXPECT_GT(ui.renderer().shaper().stats().misses, before.misses)
        << "the retention period is part of the drawn notice";
}

TEST_F(NoticeView, NamesTheCentreFromSettingsAndFallsBackToAGenericWording) {
    core::Session s = on_notice("en");
    s.settings.centre_name = "Example Solidarity Centre";
    ui.frame(s);
    const auto named = ui.renderer().shaper().stats();
    s.settings.centre_name = "Another Made-up Centre";
    ui.frame(s);
    EXPECT_GT(ui.renderer().shaper().stats().misses, named.misses) << "the name is on the page";
    // The generic sentence is a whole catalogue entry, drawn as its own paragraph.
    s.settings.centre_name.clear();
    const auto before_generic = ui.renderer().shaper().stats();
    ui.frame(s);
    EXPECT_GT(ui.renderer().shaper().stats().misses, before_generic.misses);
    EXPECT_NE(test_text("notice.who_generic"), "notice.who_generic") << "the key has English text";
}

class DeclinedView : public ::testing::Test {
  protected:
    HeadlessUi ui{static_cast<int>(kWidth), static_cast<int>(kHeight)};
    core::Session declined(std::string_view language) {
        return core::reduce(on_notice(language), core::DeclineConsent{}, Millis{3000});
    }
};

TEST_F(DeclinedView, FinishEndsTheVisitAndBackReturnsToTheNotice) {
    const core::Session s = declined("en");
    ASSERT_EQ(s.screen, core::Screen::Declined);
    const auto finish = tap_id(ui, s, "declined.finish");
    ASSERT_NE(only<core::EndSession>(finish), nullptr);
    EXPECT_TRUE(core::is_pristine(core::reduce(s, finish[0], Millis{5000})));
    const auto back = tap_id(ui, s, "nav.back");
    ASSERT_NE(only<core::Back>(back), nullptr);
    EXPECT_EQ(core::reduce(s, back[0], Millis{5000}).screen, core::Screen::Notice);
}

TEST_F(DeclinedView, BackFinishAndTheJobOffersMirrorInArabic) {
    ui.frame(declined("en"));
    ASSERT_EQ(button_ids(ui.hits()).size(), 3U) << "Back, Finish and the job offers";
    EXPECT_EQ(ui.hits().find_id("jobs.open")->label, test_text("jobs.open"));
    const ui::Rect back = ui.hits().find_id("nav.back")->rect;
    const ui::Rect finish = ui.hits().find_id("declined.finish")->rect;
    EXPECT_LT(back.x, finish.x);
    EXPECT_EQ(back.y, finish.y);
    EXPECT_EQ(ui.hits().find_id("declined.finish")->label, test_text("common.finish"));

    ui.frame(declined("ar"));
    EXPECT_NEAR(ui.hits().find_id("nav.back")->rect.x, kWidth - (back.x + back.w), 1.0F);
    EXPECT_NEAR(ui.hits().find_id("declined.finish")->rect.x, kWidth - (finish.x + finish.w), 1.0F);
}

TEST_F(DeclinedView, SaysKindlyThatNothingWasKeptInTheSessionsLanguage) {
    ui.frame(declined("fa"));
    const i18n::Translator fa = ui.catalogue().translator("fa");
    EXPECT_TRUE(
        was_shaped(ui, fa("consent.declined_title"), "fa", ui::title_px(ui.context().theme)));
}

class DoneView : public ::testing::Test {
  protected:
    HeadlessUi ui{static_cast<int>(kWidth), static_cast<int>(kHeight)};
    core::Session done(std::string_view language, std::string code) {
        core::Session s = on_screen(core::Screen::Done, language);
        s.reference_code = std::move(code);
        return s;
    }
};

TEST_F(DoneView, FinishEndsTheVisitAndTheJobOffersSitAtTheStartCorner) {
    const core::Session s = done("en", "K4M-7Q2-PHX");
    ui.frame(s);
    ASSERT_EQ(button_ids(ui.hits()).size(), 2U);
    const auto out = tap_id(ui, s, "done.finish");
    ASSERT_NE(only<core::EndSession>(out), nullptr);
    const ui::Rect jobs = ui.hits().find_id("jobs.open")->rect;
    EXPECT_LT(jobs.x, ui.hits().find_id("done.finish")->rect.x) << "start corner in English";
    ui.frame(done("ar", "K4M-7Q2-PHX"));
    EXPECT_GT(ui.hits().find_id("jobs.open")->rect.x, kWidth / 2) << "the right one in Arabic";
}

TEST_F(DoneView, DrawsTheQrCodeBlackOnWhiteOnlyWhenThereIsACode) {
    ui.frame(done("en", ""));
    EXPECT_FALSE(ui.last_frame_used_colour(0x000000)) << "no code, no QR code";
    ui.frame(done("en", "K4M-7Q2-PHX"));
    EXPECT_TRUE(ui.last_frame_used_colour(0x000000));
    EXPECT_TRUE(ui.last_frame_used_colour(0xFFFFFF));
}

TEST_F(DoneView, ShowsTheCodeLargeAndLeftToRightOnAnArabicPage) {
    ui.frame(done("ar", "K4M-7Q2-PHX"));
    // The code is drawn isolated left to right, at a size fitted to its column: find that size.
    const std::string code = i18n::isolate("K4M-7Q2-PHX", i18n::TextDirection::ltr);
    const float title = ui::title_px(ui.context().theme);
    float drawn_px = 0;
    for (float px = 300; px >= title && drawn_px == 0; px -= 1) {
        if (was_shaped(ui, code, "ar", px)) {
            drawn_px = px;
        }
    }
    ASSERT_GT(drawn_px, title) << "the code is larger than the title";
    // Left to right on screen is first to last in the text: K before 4 before M ... X.
    const std::vector<std::uint32_t> clusters = visual_clusters(ui, code, "ar", drawn_px);
    ASSERT_EQ(clusters.size(), std::string_view("K4M-7Q2-PHX").size());
    EXPECT_TRUE(std::is_sorted(clusters.begin(), clusters.end()));
}

TEST_F(DoneView, FinishSitsAtTheEndCornerAndTheQrCodeMirrors) {
    const core::Session en = done("en", "K4M-7Q2-PHX");
    ui.frame(en);
    const ui::Rect finish = ui.hits().find_id("done.finish")->rect;
    EXPECT_GT(finish.x + finish.w, kWidth * 3 / 4) << "bottom right in English";
    const Bitmap en_bmp =
        rasterize(*ImGui::GetDrawData(), kImGuiAtlasTexture, ui.context().theme.colors.background);
    const PixelBox en_qr = bounds_of(en_bmp, 0x000000);

    ui.frame(done("ar", "K4M-7Q2-PHX"));
    EXPECT_NEAR(ui.hits().find_id("done.finish")->rect.x, kWidth - (finish.x + finish.w), 1.0F);
    const Bitmap ar_bmp =
        rasterize(*ImGui::GetDrawData(), kImGuiAtlasTexture, ui.context().theme.colors.background);
    const PixelBox ar_qr = bounds_of(ar_bmp, 0x000000);
    ASSERT_GT(en_qr.width(), 0);
    EXPECT_GT(en_qr.x0, static_cast<int>(kWidth) / 2) << "the QR code is at the end (right)";
    EXPECT_LT(ar_qr.x1, static_cast<int>(kWidth) / 2) << "and at the left in Arabic";
    EXPECT_EQ(ar_qr.width(), en_qr.width());
}

}  // namespace
}  // namespace kiosk::test

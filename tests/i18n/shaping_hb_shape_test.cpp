// The glyphs the kiosk draws must be exactly those of HarfBuzz's reference tool: for each
// sentence, `kiosk text shape` is compared with `hb-shape --no-positions --no-clusters FONT TEXT`
// run as a real process on the font the kiosk says it uses. hb-shape (libharfbuzz-bin) is a
// build dependency: if it is missing the tests fail, they do not skip.
//
// hb-shape is run without --language (as the kiosk's reference command line is written), so it
// shapes with the C locale's language while the kiosk passes ar/fa/ps. Noto Sans Arabic UI has
// language-specific lookups only for Urdu, so the outputs must still be identical.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "kiosk/i18n/text_command.hpp"
#include "tests/i18n/shaping_process.hpp"

namespace kiosk::i18n {
namespace {

struct Sentence {
    const char* language;
    const char* text;
};

// Made-up sentences from the kiosk's world: registering, looking for work, languages.
// "\u200c" is ZWNJ (Persian half-space), written out because it is invisible.
const std::vector<Sentence>& sentences() {
    static const std::vector<Sentence> all = {
        // Arabic (lam-alef in لا, الأوراق, السلام, الإنجليزية ...)
        {"ar", "أريد أن أسجل اسمي في المركز."},
        {"ar", "لا أعرف كيف أملأ هذا النموذج."},
        {"ar", "أبحث عن عمل في مطعم أو في مصنع."},
        {"ar", "هل توجد دروس لتعلم اللغة التركية؟"},
        {"ar", "أتكلم العربية والإنجليزية قليلا."},
        {"ar", "التسجيل مجاني ولا يحتاج إلى موعد."},
        {"ar", "أعمل نجارا منذ سنوات طويلة."},
        {"ar", "أرجو أن تتصلوا بي عندما يتوفر عمل."},
        {"ar", "أحتاج إلى مساعدة في كتابة السيرة الذاتية."},
        {"ar", "الإقامة والعمل يحتاجان إلى الأوراق الرسمية."},
        {"ar", "شكرا لكم على المساعدة، مع السلام."},
        {"ar", "لا أملك هاتفا الآن، سأعود غدا!"},
        // Persian (ZWNJ words: می‌خواهم, ثبت‌نام, نمی‌دانم, آشپزخانه ...; lam-alef in
        // لازم)
        {"fa", "می\u200cخواهم برای کار ثبت\u200cنام کنم."},
        {"fa", "من فارسی و کمی انگلیسی صحبت می\u200cکنم."},
        {"fa", "نمی\u200cدانم این فرم را چطور پر کنم."},
        {"fa", "آیا کلاس زبان ترکی برای بزرگسالان هست؟"},
        {"fa", "در کشور خودم راننده بودم."},
        {"fa", "می\u200cتوانم در آشپزخانه یا در انبار کار کنم."},
        {"fa", "لطفا وقتی کاری پیدا شد به من خبر بدهید."},
        {"fa", "شماره تلفن من عوض شده است."},
        {"fa", "همسرم هم دنبال کار می\u200cگردد."},
        {"fa", "ثبت\u200cنام رایگان است و نیازی به وقت قبلی ندارد."},
        {"fa", "سلام، از کمک شما خیلی ممنونم."},
        {"fa", "برای این کار گواهینامه لازم است."},
        // Pashto (ټ ډ ړ ږ ښ ګ ڼ ې ۍ ئ have no presentation forms in Unicode)
        {"ps", "زه غواړم چې د کار لپاره نوم ولیکم."},
        {"ps", "زه پښتو او لږ انګلیسي ژبه وایم."},
        {"ps", "زه نه پوهېږم چې دا پاڼه څنګه ډکه کړم."},
        {"ps", "ایا د ترکي ژبې ټولګي شته؟"},
        {"ps", "زما ورور په فابریکه کې کار کوي."},
        {"ps", "زه ډرایور وم او موټر مې چلاوه."},
        {"ps", "مهرباني وکړئ کله چې کار پیدا شي ما ته ووایاست."},
        {"ps", "دلته نوم لیکنه وړیا ده."},
        {"ps", "زما د ټیلیفون شمېره بدله شوې ده."},
        {"ps", "زه د ښځو د جامو ګنډلو په کار پوهېږم."},
        {"ps", "دا زما لومړۍ ورځ په دې ښار کې ده."},
        {"ps", "زه یوه ښه دنده لټوم."},
        // Latin and Cyrillic through Noto Sans, for completeness.
        {"tr", "Kayıt için kimlik belgesi gerekli değil."},
        {"kmr", "Ez dixwazim li vir xwe qeyd bikim."},
        {"ru", "Я ищу работу на складе или в кафе."},
        {"uk", "Я хочу зареєструватися на курси мови."},
        {"bg", "Търся работа като шофьор или готвач."},
    };
    return all;
}

class HbShapeTest : public ::testing::TestWithParam<std::size_t> {};

TEST_P(HbShapeTest, KioskDrawsTheGlyphsHbShapeGives) {
    const Sentence& s = sentences()[GetParam()];
    std::ostringstream out;
    std::ostringstream err;
    const int code = run_text_command({"text", "shape", "--lang", s.language, s.text}, out, err);
    ASSERT_EQ(code, 0) << err.str();
    const std::vector<std::string> ours = test::split_lines(out.str());
    ASSERT_EQ(ours.size(), 2U) << out.str();
    const std::string& font = ours[0];

    const test::ProcessResult ref =
        test::run_process({"hb-shape", "--no-positions", "--no-clusters", font, s.text});
    ASSERT_TRUE(ref.started) << "hb-shape is required (Debian package libharfbuzz-bin): "
                             << ref.error;
    ASSERT_EQ(ref.exit_code, 0) << ref.out;
    const std::vector<std::string> expected = test::split_lines(ref.out);
    ASSERT_EQ(expected.size(), 1U) << ref.out;
    EXPECT_EQ(ours[1], expected[0]) << "language " << s.language << ", font " << font;
}

std::string sentence_name(const ::testing::TestParamInfo<std::size_t>& info) {
    return std::string(sentences()[info.param].language) + "_" + std::to_string(info.param);
}

INSTANTIATE_TEST_SUITE_P(Sentences, HbShapeTest, ::testing::Range<std::size_t>(0, 41),
                         sentence_name);

TEST(HbShapeTest, EnoughSentencesPerRightToLeftLanguage) {
    std::size_t ar = 0;
    std::size_t fa = 0;
    std::size_t ps = 0;
    for (const Sentence& s : sentences()) {
        const std::string lang = s.language;
        ar += lang == "ar" ? 1 : 0;
        fa += lang == "fa" ? 1 : 0;
        ps += lang == "ps" ? 1 : 0;
    }
    EXPECT_GE(ar, 10U);
    EXPECT_GE(fa, 10U);
    EXPECT_GE(ps, 10U);
    EXPECT_EQ(sentences().size(), 41U) << "keep the Range() of the instantiation in step";
}

TEST(HbShapeTest, ArabicScriptTextUsesNotoSansArabicUi) {
    for (const char* lang : {"ar", "fa", "ps"}) {
        std::ostringstream out;
        std::ostringstream err;
        ASSERT_EQ(run_text_command({"text", "shape", "--lang", lang, "سلام"}, out, err), 0);
        EXPECT_EQ(test::split_lines(out.str())[0],
                  "/usr/share/fonts/truetype/noto/NotoSansArabicUI-Regular.ttf");
    }
}

}  // namespace
}  // namespace kiosk::i18n

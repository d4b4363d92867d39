// Shaping and line layout of a long job description, as the kiosk shows one: Arabic and Turkish,
// 500 words, broken to a 600 px column at 18 px. "Cold" empties the cache before every layout
// (what the first frame showing the text pays); "cached" is every later frame.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/i18n/font_set.hpp"
#include "kiosk/i18n/shaper.hpp"

namespace {

using kiosk::i18n::FontSearch;
using kiosk::i18n::FontSet;
using kiosk::i18n::Shaper;

constexpr float kPixelSize = 18.0F;
constexpr float kColumnWidth = 600.0F;
constexpr std::size_t kWords = 500;

// Made-up job advertisement sentences, repeated until the text has `kWords` words.
const std::vector<std::string> kArabic = {
    "يبحث مطعم في وسط المدينة عن طباخ مساعد للعمل في المطبخ.",
    "العمل ستة أيام في الأسبوع من الساعة الثامنة صباحا حتى الرابعة بعد الظهر.",
    "لا نحتاج إلى شهادة، لكن الخبرة في تحضير الخضار والسلطات مفيدة.",
    "نوفر وجبة غداء مجانية ولباس العمل وتأمينا صحيا بعد فترة التجربة.",
    "يجب أن يكون المتقدم قادرا على الوقوف لساعات طويلة والعمل ضمن فريق.",
    "اللغة التركية ليست شرطا، ويمكن التفاهم بالعربية أو الإنجليزية في البداية.",
    "يرجى التسجيل في المركز وسنتصل بكم لتحديد موعد للمقابلة.",
};
const std::vector<std::string> kTurkish = {
    "Şehir merkezindeki bir lokanta mutfakta çalışacak yardımcı aşçı arıyor.",
    "Çalışma haftada altı gün, sabah sekizden öğleden sonra dörde kadardır.",
    "Diploma gerekmiyor, ancak sebze ve salata hazırlama deneyimi faydalıdır.",
    "Deneme süresinden sonra ücretsiz öğle yemeği, iş kıyafeti ve sağlık sigortası sağlıyoruz.",
    "Başvuranın uzun saatler ayakta durabilmesi ve ekip içinde çalışabilmesi gerekir.",
    "Türkçe şart değildir; başlangıçta Arapça veya İngilizce ile anlaşılabilir.",
    "Lütfen merkeze kayıt olun, görüşme günü için sizi arayacağız.",
};

std::string job_description(const std::vector<std::string>& sentences) {
    std::string text;
    std::size_t words = 0;
    for (std::size_t i = 0; words < kWords; ++i) {
        std::istringstream in(sentences[i % sentences.size()]);
        std::string word;
        while (words < kWords && in >> word) {
            text += text.empty() ? "" : " ";
            text += word;
            ++words;
        }
    }
    return text;
}

const FontSet& fonts() {
    // Loaded once for the whole benchmark run; not part of what is measured.
    static const FontSet set = [] {
        kiosk::Result<FontSet> loaded = FontSet::load(FontSearch{});
        if (!loaded) {
            std::fprintf(stderr, "fonts: %s\n", loaded.error().message.c_str());
            std::exit(1);
        }
        return std::move(loaded).value();
    }();
    return set;
}

void layout(benchmark::State& state, const std::vector<std::string>& sentences,
            const char* language, bool cold) {
    const std::string text = job_description(sentences);
    Shaper shaper(fonts());
    std::size_t lines =
        shaper.layout_paragraph(text, language, kPixelSize, kColumnWidth)->lines.size();
    for (auto _ : state) {
        if (cold) {
            shaper.clear_cache();
        }
        auto para = shaper.layout_paragraph(text, language, kPixelSize, kColumnWidth);
        benchmark::DoNotOptimize(para.get());
    }
    state.counters["lines"] = static_cast<double>(lines);
    state.counters["bytes"] = static_cast<double>(text.size());
}

void BM_JobDescriptionArabicCold(benchmark::State& s) {
    layout(s, kArabic, "ar", true);
}
void BM_JobDescriptionArabicCached(benchmark::State& s) {
    layout(s, kArabic, "ar", false);
}
void BM_JobDescriptionTurkishCold(benchmark::State& s) {
    layout(s, kTurkish, "tr", true);
}
void BM_JobDescriptionTurkishCached(benchmark::State& s) {
    layout(s, kTurkish, "tr", false);
}

// One short label (a button), the common case on every screen.
void BM_LabelPersianCached(benchmark::State& state) {
    Shaper shaper(fonts());
    for (auto _ : state) {
        auto line = shaper.shape_line("ثبت\u200cنام برای کار", "fa", kPixelSize);
        benchmark::DoNotOptimize(line.get());
    }
}
void BM_LabelPersianCold(benchmark::State& state) {
    Shaper shaper(fonts());
    for (auto _ : state) {
        shaper.clear_cache();
        auto line = shaper.shape_line("ثبت\u200cنام برای کار", "fa", kPixelSize);
        benchmark::DoNotOptimize(line.get());
    }
}

BENCHMARK(BM_JobDescriptionArabicCold)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_JobDescriptionArabicCached)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_JobDescriptionTurkishCold)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_JobDescriptionTurkishCached)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_LabelPersianCold)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_LabelPersianCached)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();

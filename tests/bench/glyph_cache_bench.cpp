// Glyph cache figures: how long the first frame of the welcome screen and a job description
// spends rasterising (cold cache), and what a frame of already-cached shaped text costs.
// Headless: CPU texture backend (uploads are memcpy; a GPU upload adds its own cost).
#include <benchmark/benchmark.h>

#include <imgui.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/i18n/font_set.hpp"
#include "kiosk/i18n/languages.hpp"
#include "kiosk/i18n/shaper.hpp"
#include "kiosk/ui/text/glyph_cache.hpp"
#include "kiosk/ui/text/text_renderer.hpp"
#include "kiosk/ui/text/texture_backend.hpp"
#include "kiosk/ui/text/widgets.hpp"
#include "tests/ui_text/headless_imgui.hpp"

namespace {

using kiosk::ui::text::CpuTextureBackend;
using kiosk::ui::text::GlyphCache;
using kiosk::ui::text::TextRenderer;

constexpr float kEndonymSize = 40;  // welcome-screen language buttons
constexpr float kBodySize = 22;     // job description text
constexpr float kColumn = 900;      // job description column width

// A made-up job offer, about 500 words: the sentences cover most Arabic letters in all their
// joining forms, digits and punctuation, as a real description would.
std::string arabic_job_description() {
    const char* sentences[] = {
        "نبحث عن عامل مستودع بدوام كامل للعمل في مركز توزيع حديث في المنطقة الصناعية.",
        "تشمل المهام استلام البضائع وفحصها وترتيبها على الرفوف وتجهيز الطلبات للشحن اليومي.",
        "يعمل الفريق في نوبتين صباحية ومسائية من الساعة 7 إلى 15 ومن 15 إلى 23.",
        "لا يشترط وجود خبرة سابقة، فالتدريب متاح في الأسبوع الأول مع مشرف ذي خبرة.",
        "نرحب بالمتقدمين الذين يتحدثون العربية أو التركية أو الإنجليزية بمستوى أساسي.",
        "يحصل الموظف على تأمين صحي ووجبة غداء مجانية ونقل من محطة الحافلات القريبة.",
        "الراتب الشهري يبدأ من 18500 ليرة مع زيادة بعد ستة أشهر حسب الأداء والالتزام.",
        "يجب أن يكون لدى المتقدم تصريح عمل ساري المفعول أو طلب قيد المعالجة.",
        "للتقديم اضغط على زر «أنا مهتم» وسيتصل بك موظف المركز خلال ثلاثة أيام عمل.",
        "ظروف العمل آمنة، وتتوفر أحذية وقفازات وملابس واقية، ويُمنع التدخين داخل المبنى.",
        "نقدّر الدقة والتعاون واحترام المواعيد، ونشجّع النساء على التقدم لهذه الوظيفة.",
        "إذا كانت لديك شهادة قيادة رافعة شوكية فاذكرها، فهي ميزة إضافية وليست شرطاً.",
    };
    std::string text;
    int words = 0;
    while (words < 500) {
        for (const char* s : sentences) {
            text += s;
            text += ' ';
            for (const char* p = s; *p != '\0'; ++p) {
                words += *p == ' ' ? 1 : 0;
            }
            ++words;
        }
    }
    return text;
}

kiosk::i18n::FontSet load_fonts() {
    auto fonts = kiosk::i18n::FontSet::load({});
    if (!fonts) {
        std::fprintf(stderr, "glyph_cache_bench: %s\n", fonts.error().message.c_str());
        std::abort();
    }
    return std::move(*fonts);
}

// Fonts, a warm shaper and a headless ImGui context shared by all benchmarks: loading fonts is
// not what is measured.
struct World {
    kiosk::ui::text::testing::HeadlessImGui imgui{ImVec2(1920, 1080)};
    kiosk::i18n::FontSet fonts = load_fonts();
    kiosk::i18n::Shaper shaper{fonts, 4096};
    std::string job = arabic_job_description();

    static World& get() {
        static World world;  // the benchmark process's fixture, built on first use
        return world;
    }
};

// Rasterises and uploads every glyph of the nine endonyms and the job description into the
// renderer's cache.
void warm(TextRenderer& r, const std::string& job) {
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImVec2 origin(100, 50);  // every line at one spot: all are looked up, none is clipped
    for (const auto& lang : kiosk::i18n::shipped_languages()) {
        r.draw_glyph_run(dl, origin, r.shape(lang.endonym, lang.code, kEndonymSize),
                         IM_COL32_WHITE);
    }
    const auto block = r.shape_paragraph(job, "ar", kBodySize, kColumn);
    for (const auto& line : block.paragraph->lines) {
        r.draw_glyph_run(dl, origin, line, block.pixel_size, IM_COL32_WHITE);
    }
    r.flush();
}

// Times warm() into an empty glyph cache per iteration, with `shaper` (emptied first when
// `cold_shaper`).
void time_warm(benchmark::State& state, kiosk::i18n::Shaper& shaper, bool cold_shaper) {
    World& w = World::get();
    std::size_t glyphs = 0;
    std::size_t pages = 0;
    for (auto _ : state) {
        state.PauseTiming();
        if (cold_shaper) {
            shaper.clear_cache();
        }
        ImGui::NewFrame();
        CpuTextureBackend backend;
        auto cache = std::make_unique<GlyphCache>(backend);
        auto r = TextRenderer::create(shaper, *cache);
        state.ResumeTiming();
        warm(*r, w.job);
        state.PauseTiming();
        glyphs = cache->stats().rasterised;
        pages = static_cast<std::size_t>(cache->page_count());
        ImGui::Render();
        cache.reset();
        state.ResumeTiming();
    }
    state.counters["glyphs"] = static_cast<double>(glyphs);
    state.counters["pages"] = static_cast<double>(pages);
}

// Cold glyph cache, warm shaper: the rasterising and uploading alone.
void BM_WarmCacheWelcomeAndJob(benchmark::State& state) {
    World& w = World::get();
    CpuTextureBackend backend;
    GlyphCache cache(backend);
    auto r = TextRenderer::create(w.shaper, cache);
    ImGui::NewFrame();
    warm(*r, w.job);  // shapes once, outside the timing
    ImGui::Render();
    time_warm(state, w.shaper, false);
}
BENCHMARK(BM_WarmCacheWelcomeAndJob)->Unit(benchmark::kMillisecond);

// Cold shaper and cold glyph cache: the first time a kiosk shows this text at all.
void BM_ShapeAndWarmWelcomeAndJob(benchmark::State& state) {
    World& w = World::get();
    kiosk::i18n::Shaper shaper(w.fonts);
    time_warm(state, shaper, true);
}
BENCHMARK(BM_ShapeAndWarmWelcomeAndJob)->Unit(benchmark::kMillisecond);

// Times frames (NewFrame, `draw`, Render, flush) once everything `draw` shows is cached.
template <typename Draw>
void time_cached_frames(benchmark::State& state, GlyphCache& cache, TextRenderer& r, Draw draw) {
    const auto frame = [&] {
        ImGui::NewFrame();
        ImDrawList* dl = ImGui::GetBackgroundDrawList();
        draw(dl);
        ImGui::Render();
        r.flush();
        return dl->VtxBuffer.Size / 4;
    };
    frame();  // warms the shaper's and the glyph cache
    const auto rasterised = cache.stats().rasterised;
    int quads = 0;
    for (auto _ : state) {
        quads = frame();
    }
    if (cache.stats().rasterised != rasterised) {
        state.SkipWithError("glyphs were rasterised during the timed frames");
    }
    state.counters["quads"] = quads;
}

// A job page: 40 lines of the laid-out description (one paragraph lookup, 40 glyph runs).
void BM_FrameOf40CachedLines(benchmark::State& state) {
    World& w = World::get();
    CpuTextureBackend backend;
    GlyphCache cache(backend);
    auto r = TextRenderer::create(w.shaper, cache);
    time_cached_frames(state, cache, *r, [&](ImDrawList* dl) {
        const auto block = r->shape_paragraph(w.job, "ar", kBodySize, kColumn);
        const auto& lines = block.paragraph->lines;
        float y = 40;
        for (std::size_t i = 0; i < 40 && i < lines.size(); ++i) {
            r->draw_glyph_run(dl, ImVec2(1820 - lines[i].width, y), lines[i], block.pixel_size,
                              IM_COL32_WHITE);
            y += block.paragraph->line_height;
        }
    });
}
BENCHMARK(BM_FrameOf40CachedLines)->Unit(benchmark::kMicrosecond);

// The same amount of text as 40 separate labels (draw_label: one shaper lookup by text each,
// as views do).
void BM_FrameOf40CachedLabels(benchmark::State& state) {
    World& w = World::get();
    CpuTextureBackend backend;
    GlyphCache cache(backend);
    auto r = TextRenderer::create(w.shaper, cache);
    std::vector<std::string> lines;  // the description cut at spaces into ~100-byte lines
    std::string cur;
    for (char c : w.job) {
        cur += c;
        if (c == ' ' && cur.size() > 100 && lines.size() < 40) {
            lines.push_back(std::move(cur));
            cur.clear();
        }
    }
    kiosk::ui::text::LabelStyle style;
    style.pixel_size = kBodySize;
    style.colour = IM_COL32_WHITE;
    time_cached_frames(state, cache, *r, [&](ImDrawList* dl) {
        float y = 40;
        for (const auto& l : lines) {
            kiosk::ui::text::draw_label(*r, dl, ImVec2(40, y), ImVec2(1880, y + 26), l, "ar",
                                        style);
            y += 26;
        }
    });
    state.counters["lines"] = static_cast<double>(lines.size());
}
BENCHMARK(BM_FrameOf40CachedLabels)->Unit(benchmark::kMicrosecond);

}  // namespace

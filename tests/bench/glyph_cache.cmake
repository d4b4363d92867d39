# Glyph cache benchmarks (kiosk_ui_text): warming the cache for the welcome screen and a long
# Arabic job description, and the per-frame cost of drawing a page of already-cached text.
add_executable(glyph_cache_bench ${CMAKE_CURRENT_LIST_DIR}/glyph_cache_bench.cpp)
kiosk_target_defaults(glyph_cache_bench)
target_link_libraries(glyph_cache_bench PRIVATE kiosk_ui_text benchmark::benchmark
  benchmark::benchmark_main)

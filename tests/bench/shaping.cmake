# shaping_bench: shaping + line layout of a 500-word job description (Arabic, Turkish), with a
# cold cache and from the cache. Target: cached < 2 ms.
add_executable(shaping_bench ${CMAKE_CURRENT_LIST_DIR}/shaping_bench.cpp)
kiosk_target_defaults(shaping_bench)
target_link_libraries(shaping_bench PRIVATE kiosk_i18n benchmark::benchmark)

# job_search_bench: job offers at the kiosk (issue 5): search latency p50/p99 over 1,000 /
# 10,000 / 100,000 made-up offers, ranking 10,000 offers for a profile, and applying a
# 10,000-offer change feed through the pull's store function. Run by hand (BENCHMARKS.md,
# "Job offers"): build/<dir>/tests/bench/job_search_bench
add_executable(job_search_bench ${CMAKE_CURRENT_LIST_DIR}/job_search_bench.cpp)
kiosk_target_defaults(job_search_bench)
target_link_libraries(job_search_bench PRIVATE kiosk_store benchmark::benchmark)

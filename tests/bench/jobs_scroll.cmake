# jobs_scroll_bench: frame times of the real kiosk window while the Jobs list of 10,000 made-up
# offers is dragged through, under xvfb-run at 1920x1080 in software GL (issue 5's target: p99
# under 16 ms). Needs xvfb-run; takes about a minute. Run by hand (BENCHMARKS.md, "Job offers"):
#   LIBGL_ALWAYS_SOFTWARE=1 build/<dir>/tests/bench/jobs_scroll_bench
add_executable(jobs_scroll_bench ${CMAKE_CURRENT_LIST_DIR}/jobs_scroll_bench.cpp)
kiosk_target_defaults(jobs_scroll_bench)
target_link_libraries(jobs_scroll_bench PRIVATE kiosk_store)
add_dependencies(jobs_scroll_bench kiosk)
target_compile_definitions(jobs_scroll_bench PRIVATE KIOSK_EXE="$<TARGET_FILE:kiosk>")

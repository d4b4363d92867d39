# Start-up and idle cost of the real kiosk under Xvfb (first frame, RSS, idle CPU). Run by hand:
#   build/<preset>/tests/bench/startup_bench
add_executable(startup_bench ${CMAKE_CURRENT_LIST_DIR}/startup_bench.cpp)
kiosk_target_defaults(startup_bench)
target_link_libraries(startup_bench PRIVATE benchmark::benchmark)
add_dependencies(startup_bench kiosk)
target_compile_definitions(startup_bench PRIVATE KIOSK_EXE="$<TARGET_FILE:kiosk>")

# sync_client_bench: how fast a kiosk drains a backlog into kiosk-central over loopback (SQLite
# on both sides, synchronous=FULL), by batch size. Run by hand:
# build/<preset>/tests/bench/sync_client_bench
add_executable(sync_client_bench ${CMAKE_CURRENT_LIST_DIR}/sync_client_bench.cpp)
kiosk_target_defaults(sync_client_bench)
target_link_libraries(sync_client_bench PRIVATE sync_client sync_server Threads::Threads
  benchmark::benchmark benchmark::benchmark_main)

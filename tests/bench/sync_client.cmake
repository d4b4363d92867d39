# sync_client_bench: how fast a kiosk drains a backlog into kiosk-central over loopback, by batch
# size, on SQLite (synchronous=FULL) and on PostgreSQL (skipped without $KIOSK_PG_URL), and how
# long the UI's submit takes meanwhile. Run by hand (BENCHMARKS.md, "Sync"):
# build/<preset>/tests/bench/sync_client_bench
add_executable(sync_client_bench ${CMAKE_CURRENT_LIST_DIR}/sync_client_bench.cpp)
kiosk_target_defaults(sync_client_bench)
target_link_libraries(sync_client_bench PRIVATE sync_client sync_server PkgConfig::PQXX
  Threads::Threads benchmark::benchmark benchmark::benchmark_main)

# sync_server_bench: kiosk-central ingest over loopback (records/s at batch 1, 100, 500) on
# SQLite and on PostgreSQL (skipped without $KIOSK_PG_URL), and the per-record crypto: sealing
# on the kiosk, opening + verifying on the server. Run by hand (BENCHMARKS.md, "Sync"):
# build/<preset>/tests/bench/sync_server_bench
add_executable(sync_server_bench ${CMAKE_CURRENT_LIST_DIR}/sync_server_bench.cpp)
kiosk_target_defaults(sync_server_bench)
target_link_libraries(sync_server_bench PRIVATE sync_server PkgConfig::HTTPLIB PkgConfig::PQXX
  Threads::Threads benchmark::benchmark benchmark::benchmark_main)

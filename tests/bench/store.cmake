# store_bench: SQLite outbox throughput on a real file (submit one per transaction; claim+ack).
add_executable(store_bench ${CMAKE_CURRENT_LIST_DIR}/store_bench.cpp)
kiosk_target_defaults(store_bench)
target_link_libraries(store_bench PRIVATE kiosk_store benchmark::benchmark)

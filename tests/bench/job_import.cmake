# job_import_bench: importing 5,000 job offers at the central office (publish_offers, what
# `kiosk-central jobs import` and POST /v1/admin/jobs/import run): new, unchanged and updated,
# on SQLite and on PostgreSQL (skipped without $KIOSK_PG_URL). Run by hand (BENCHMARKS.md,
# "Job import"): build/<dir>/tests/bench/job_import_bench
add_executable(job_import_bench ${CMAKE_CURRENT_LIST_DIR}/job_import_bench.cpp)
kiosk_target_defaults(job_import_bench)
target_link_libraries(job_import_bench PRIVATE sync_server PkgConfig::PQXX benchmark::benchmark)

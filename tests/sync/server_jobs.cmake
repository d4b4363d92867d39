# Job offers at the central office: the offer validator, CSV and JSON import files, and
# `kiosk-central jobs` (import, withdraw, expire) as real processes on a real SQLite file, with
# the change feed read through the store and over HTTP; the demo offers in assets/demo.
kiosk_add_test(sync_server_jobs_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/server_jobs_test.cpp
  LIBS sync_server PkgConfig::HTTPLIB PkgConfig::SQLITE3 PkgConfig::PQXX Threads::Threads
  LABELS integration)
target_compile_definitions(sync_server_jobs_tests PRIVATE
  KIOSK_CENTRAL_BIN="$<TARGET_FILE:kiosk-central>")
add_dependencies(sync_server_jobs_tests kiosk-central)

# kiosk-central: the HTTP API on SQLite (in-process server, real loopback port) and the CLI as
# real processes. The PostgreSQL runs of the same tests are in server_pg.cmake.
kiosk_add_test(sync_server_sqlite_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/server_api_test.cpp
  LIBS sync_server PkgConfig::HTTPLIB PkgConfig::SQLITE3 PkgConfig::PQXX Threads::Threads
  LABELS integration)
target_compile_definitions(sync_server_sqlite_tests PRIVATE
  KIOSK_CENTRAL_BIN="$<TARGET_FILE:kiosk-central>")

kiosk_add_test(sync_server_cli_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/server_cli_test.cpp
  LIBS sync_server PkgConfig::HTTPLIB PkgConfig::SQLITE3 PkgConfig::PQXX Threads::Threads
  LABELS integration)
target_compile_definitions(sync_server_cli_tests PRIVATE
  KIOSK_CENTRAL_BIN="$<TARGET_FILE:kiosk-central>")
add_dependencies(sync_server_cli_tests kiosk-central)

kiosk_add_test(sync_server_unit_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/server_unit_test.cpp
  LIBS sync_server PkgConfig::SQLITE3
  LABELS unit)

# The staff API for job offers (/v1/admin/jobs) and `kiosk-central admin-token`, on a real
# `kiosk-central serve` process: on SQLite (sync_server_admin_tests), and on the throwaway
# PostgreSQL cluster of server_pg.cmake (pg.AdminApi.*, fixture kiosk_pg, as pg.ServerApi.*).
kiosk_add_test(sync_server_admin_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/server_admin_test.cpp
  LIBS sync_server PkgConfig::HTTPLIB PkgConfig::SQLITE3 PkgConfig::PQXX Threads::Threads
  LABELS integration)
target_compile_definitions(sync_server_admin_tests PRIVATE
  KIOSK_CENTRAL_BIN="$<TARGET_FILE:kiosk-central>")
add_dependencies(sync_server_admin_tests kiosk-central)

add_executable(sync_server_admin_pg_tests ${CMAKE_CURRENT_LIST_DIR}/server_admin_test.cpp)
kiosk_target_defaults(sync_server_admin_pg_tests)
target_link_libraries(sync_server_admin_pg_tests PRIVATE sync_server PkgConfig::HTTPLIB
  PkgConfig::SQLITE3 PkgConfig::PQXX Threads::Threads GTest::gtest GTest::gtest_main)
target_compile_definitions(sync_server_admin_pg_tests PRIVATE KIOSK_TEST_POSTGRES
  KIOSK_CENTRAL_BIN="$<TARGET_FILE:kiosk-central>")
add_dependencies(sync_server_admin_pg_tests kiosk-central)
# The cluster's state directory is server_pg.cmake's (the fixture writes its URL there).
gtest_discover_tests(sync_server_admin_pg_tests DISCOVERY_TIMEOUT 60 TEST_PREFIX "pg."
  PROPERTIES LABELS integration FIXTURES_REQUIRED kiosk_pg
             ENVIRONMENT "KIOSK_PG_URL_FILE=${CMAKE_CURRENT_BINARY_DIR}/pg-cluster/url")

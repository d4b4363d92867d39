# kiosk-sync against kiosk-central on PostgreSQL: the RealServer tests of
# client_integration_test.cpp on a database in the throwaway cluster of server_pg.cmake (fixture
# kiosk_pg). Run with: ctest -R 'sync_pg|^pg[.]client'
add_executable(sync_client_pg_tests ${CMAKE_CURRENT_LIST_DIR}/client_integration_test.cpp)
kiosk_target_defaults(sync_client_pg_tests)
target_link_libraries(sync_client_pg_tests PRIVATE sync_client PkgConfig::HTTPLIB
  PkgConfig::SQLITE3 PkgConfig::PQXX Threads::Threads GTest::gtest GTest::gtest_main)
target_compile_definitions(sync_client_pg_tests PRIVATE KIOSK_TEST_POSTGRES
  KIOSK_CENTRAL_BIN="$<TARGET_FILE:kiosk-central>" KIOSK_SYNC_BIN="$<TARGET_FILE:kiosk-sync>"
  KIOSK_ASSETS_DIR="${KIOSK_ASSETS_DIR}" KIOSK_BINARY_DIR="${PROJECT_BINARY_DIR}")
add_dependencies(sync_client_pg_tests kiosk-central kiosk-sync)
gtest_discover_tests(sync_client_pg_tests DISCOVERY_TIMEOUT 60 TEST_PREFIX "pg.client."
  PROPERTIES LABELS integration FIXTURES_REQUIRED kiosk_pg
             ENVIRONMENT "KIOSK_PG_URL_FILE=${CMAKE_CURRENT_BINARY_DIR}/pg-cluster/url")

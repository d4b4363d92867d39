# kiosk-central on PostgreSQL: the same API tests as on SQLite, plus two server processes on one
# database. A throwaway PostgreSQL 15 cluster is started before them (CTest fixture kiosk_pg,
# tests/sync/pg/cluster.sh) and stopped after; its URL reaches the tests through
# KIOSK_PG_URL_FILE. If the cluster cannot start, these tests fail (CTest reports them as not
# run because their fixture failed; run directly, they FAIL on the missing URL).
set(_kiosk_pg_state ${CMAKE_CURRENT_BINARY_DIR}/pg-cluster)
add_test(NAME sync_pg_cluster_start
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/pg/cluster.sh start ${_kiosk_pg_state})
set_tests_properties(sync_pg_cluster_start PROPERTIES
  FIXTURES_SETUP kiosk_pg LABELS integration TIMEOUT 120)
add_test(NAME sync_pg_cluster_stop
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/pg/cluster.sh stop ${_kiosk_pg_state})
set_tests_properties(sync_pg_cluster_stop PROPERTIES
  FIXTURES_CLEANUP kiosk_pg LABELS integration TIMEOUT 120)

# Not kiosk_add_test: its tests need the fixture and the environment as test properties, which
# only gtest_discover_tests can attach to discovered tests.
add_executable(sync_server_pg_tests
  ${CMAKE_CURRENT_LIST_DIR}/server_api_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/server_pg_test.cpp)
kiosk_target_defaults(sync_server_pg_tests)
target_link_libraries(sync_server_pg_tests PRIVATE sync_server PkgConfig::HTTPLIB
  PkgConfig::SQLITE3 PkgConfig::PQXX Threads::Threads GTest::gtest GTest::gtest_main)
target_compile_definitions(sync_server_pg_tests PRIVATE KIOSK_TEST_POSTGRES
  KIOSK_CENTRAL_BIN="$<TARGET_FILE:kiosk-central>"
  KIOSK_ASSETS_DIR="${KIOSK_ASSETS_DIR}" KIOSK_BINARY_DIR="${PROJECT_BINARY_DIR}")
add_dependencies(sync_server_pg_tests kiosk-central)
gtest_discover_tests(sync_server_pg_tests DISCOVERY_TIMEOUT 60 TEST_PREFIX "pg."
  PROPERTIES LABELS integration FIXTURES_REQUIRED kiosk_pg
             ENVIRONMENT "KIOSK_PG_URL_FILE=${_kiosk_pg_state}/url")

# sync_client: backoff and verdict unit tests; kiosk-sync against the real kiosk-central and
# against a hostile fake server, on random loopback ports with real SQLite files.
kiosk_add_test(sync_client_unit_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/client_unit_test.cpp
  LIBS sync_client
  LABELS unit)

kiosk_add_test(sync_client_integration_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/client_integration_test.cpp
  LIBS sync_client PkgConfig::HTTPLIB PkgConfig::SQLITE3 PkgConfig::PQXX Threads::Threads
  LABELS integration)
target_compile_definitions(sync_client_integration_tests PRIVATE
  KIOSK_CENTRAL_BIN="$<TARGET_FILE:kiosk-central>"
  KIOSK_SYNC_BIN="$<TARGET_FILE:kiosk-sync>")
add_dependencies(sync_client_integration_tests kiosk-central kiosk-sync)

kiosk_add_test(sync_client_tls_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/client_tls_test.cpp
  LIBS sync_client PkgConfig::HTTPLIB PkgConfig::SQLITE3 PkgConfig::PQXX ssl crypto Threads::Threads
  LABELS integration)
target_compile_definitions(sync_client_tls_tests PRIVATE
  KIOSK_CENTRAL_BIN="$<TARGET_FILE:kiosk-central>")

# kiosk-sync killed with SIGKILL at random points of a 5,000-record push, at least 200 times,
# against the real kiosk-central on SQLite: afterwards every record is on the server exactly once.
kiosk_add_test(sync_client_kill_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/client_kill_test.cpp
  LIBS sync_client PkgConfig::HTTPLIB PkgConfig::SQLITE3 PkgConfig::PQXX Threads::Threads
  LABELS integration)
target_compile_definitions(sync_client_kill_tests PRIVATE
  KIOSK_CENTRAL_BIN="$<TARGET_FILE:kiosk-central>"
  KIOSK_SYNC_BIN="$<TARGET_FILE:kiosk-sync>")
add_dependencies(sync_client_kill_tests kiosk-central kiosk-sync)

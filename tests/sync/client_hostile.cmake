# sync_client against a table of hostile fake servers (issue 4): each row a canned misbehaviour
# on a random loopback port, the real SyncWorker on a real SQLite file, one forked pass per row.
find_package(ZLIB REQUIRED)  # the gzip bomb is made with zlib's streaming API

kiosk_add_test(sync_client_hostile_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/client_hostile_test.cpp
  LIBS sync_client PkgConfig::HTTPLIB PkgConfig::SQLITE3 ZLIB::ZLIB Threads::Threads
  LABELS integration)

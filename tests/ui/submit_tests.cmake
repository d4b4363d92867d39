# The app's submit path (seal + store) on real SQLite files.
kiosk_add_test(app_submit_tests
  SOURCES app_submit_test.cpp
  LIBS kiosk_app sync_client
  LABELS unit)

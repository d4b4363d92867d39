# Job offer search (kiosk/store/job_search.hpp) on real database files: matching tables, filters,
# expiry, the index following the pull's writes, and the upgrade from schema version 2.
kiosk_add_test(store_job_search_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/job_search_test.cpp
  LIBS kiosk_store
  LABELS unit)

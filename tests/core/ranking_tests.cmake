# Ranking job offers against a profile (kiosk/core/ranking.hpp): rule table and expected orders.
kiosk_add_test(core_ranking_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/ranking_test.cpp
  LIBS kiosk_core
  LABELS unit)

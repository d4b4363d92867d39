# The occupations and skills catalogue (assets/occupations).
kiosk_add_test(occupations_tests
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/occupations_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/catalogue_test_support.cpp
  LIBS kiosk_i18n
  LABELS unit)

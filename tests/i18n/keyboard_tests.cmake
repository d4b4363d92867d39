# On-screen keyboard model tests: layouts, shift rules, ZWNJ, backspace, length limit.
kiosk_add_test(keyboard_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/keyboard_test.cpp
  LIBS kiosk_i18n
  LABELS unit)

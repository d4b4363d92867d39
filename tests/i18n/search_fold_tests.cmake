# Search folding (kiosk/i18n/search_fold): case, accents, Turkish i, Arabic and Persian letters.
kiosk_add_test(search_fold_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/search_fold_test.cpp
  LIBS kiosk_i18n
  LABELS unit)

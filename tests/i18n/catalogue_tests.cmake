# Catalogue, plural, ISO-name and number tests.
# The completeness test reads the source tree (to find keys used in code) and runs msgfmt from
# gettext (packaging/install-deps.sh) on every translation file.
find_program(KIOSK_MSGFMT msgfmt REQUIRED)
find_program(KIOSK_MSGCAT msgcat REQUIRED)

kiosk_add_test(catalogue_tests
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/catalogue_po_parser_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/catalogue_plural_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/catalogue_fallback_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/catalogue_completeness_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/catalogue_mo_reader_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/catalogue_iso_names_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/catalogue_numbers_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/catalogue_robustness_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/catalogue_test_support.cpp
  LIBS kiosk_i18n
  LABELS unit)
target_compile_definitions(catalogue_tests PRIVATE
  KIOSK_SOURCE_ROOT="${KIOSK_SOURCE_ROOT}"
  KIOSK_MSGFMT="${KIOSK_MSGFMT}"
  KIOSK_MSGCAT="${KIOSK_MSGCAT}")

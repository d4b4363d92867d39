# Catalogue sources of kiosk_i18n (target_sources / target_link_libraries on kiosk_i18n):
# PO catalogues and plural rules, .mo reading for iso-codes' translations, ICU collation for
# sorting/searching names, digits and dates.
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-i18n icu-uc)

target_sources(kiosk_i18n PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/catalogue.cpp
  ${CMAKE_CURRENT_LIST_DIR}/collate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/iso_names.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mo_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/numbers.cpp
  ${CMAKE_CURRENT_LIST_DIR}/plural.cpp
  ${CMAKE_CURRENT_LIST_DIR}/po_parser.cpp)
# ICU stays private: no ICU header appears in the public ones.
target_link_libraries(kiosk_i18n PUBLIC kiosk_core PRIVATE PkgConfig::ICU nlohmann_json::nlohmann_json)

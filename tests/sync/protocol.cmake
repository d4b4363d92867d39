# sync_protocol: golden bytes, the strict-decoder rejection table, sealed records, gzip limits.
kiosk_add_test(sync_protocol_tests
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/protocol_golden_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/protocol_decode_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/protocol_envelope_test.cpp
  LIBS sync_protocol PkgConfig::SODIUM
  LABELS unit)
target_compile_definitions(sync_protocol_tests PRIVATE
  KIOSK_GOLDEN_DIR="${CMAKE_CURRENT_LIST_DIR}/golden")

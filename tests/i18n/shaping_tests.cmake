# Shaping and bidi tests. The hb-shape and fribidi comparisons run the real tools
# (libharfbuzz-bin, libfribidi-bin) as child processes and fail if they are missing.
kiosk_add_test(shaping_tests
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/shaping_process.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shaping_hb_shape_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shaping_bidi_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shaping_layout_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shaping_text_edit_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shaping_command_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shaping_utf8_test.cpp
  LIBS kiosk_i18n
  LABELS unit)

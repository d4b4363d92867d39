# Touch scrolling (kiosk/ui/touch_list): the kinematics alone, and lists and free content in
# headless ImGui frames with the real text stack.
kiosk_add_test(ui_scroll_tests
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/headless_ui.cpp
    ${CMAKE_CURRENT_LIST_DIR}/scroll_kinematics_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/scroll_list_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/scroll_filter_test.cpp
  LIBS kiosk_app kiosk_ui nlohmann_json::nlohmann_json
  LABELS unit)

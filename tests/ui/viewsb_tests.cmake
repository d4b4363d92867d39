# The registration screens languages .. preferences, headless (helper "viewsb").
kiosk_add_test(ui_viewsb_tests
  SOURCES headless_ui.cpp viewsb_steps_test.cpp
  LIBS kiosk_app kiosk_ui nlohmann_json::nlohmann_json
  LABELS unit)

# On-screen keyboard and text field, headless: typing through key taps into the real reducer.
kiosk_add_test(ui_osk_tests
  SOURCES headless_ui.cpp osk_typing_test.cpp
  LIBS kiosk_app kiosk_ui nlohmann_json::nlohmann_json
  LABELS unit)

# The first six registration screens (name, contact, year of birth, gender, nationality, city),
# headless: their fields and choices, the intents their taps record, errors, and mirroring.
kiosk_add_test(ui_viewsa_tests
  SOURCES headless_ui.cpp viewsa_views_test.cpp
  LIBS kiosk_app kiosk_ui nlohmann_json::nlohmann_json
  LABELS unit)

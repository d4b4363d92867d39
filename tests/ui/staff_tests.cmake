# Staff mode: the PIN pad, menu, status and settings views and the welcome screen's staff entry
# (headless ImGui), and the app's staff effects on a real database file.
kiosk_add_test(ui_staff_tests
  SOURCES headless_ui.cpp staff_views_test.cpp staff_effects_test.cpp
  LIBS kiosk_app kiosk_ui nlohmann_json::nlohmann_json
  LABELS unit)

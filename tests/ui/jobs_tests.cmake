# The job offer screens (list, detail) and their entries on Declined and Done, headless.
kiosk_add_test(ui_jobs_tests
  SOURCES headless_ui.cpp jobs_views_test.cpp
  LIBS kiosk_app kiosk_ui nlohmann_json::nlohmann_json
  LABELS unit)

# The notice, declined, review and done screens and the QR code, headless (no window, no GPU).
kiosk_add_test(ui_pages_tests
  SOURCES headless_ui.cpp pages_raster.cpp pages_views_test.cpp pages_review_test.cpp
    pages_qr_test.cpp
  LIBS kiosk_app kiosk_ui nlohmann_json::nlohmann_json
  LABELS unit)

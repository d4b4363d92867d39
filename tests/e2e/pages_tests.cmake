# The notice, declined, review and done screens in the real kiosk under Xvfb, and the Done
# screen's QR code decoded by zbarimg (zbar-tools) from the headless view's pixels.
kiosk_add_test(e2e_pages_tests
  SOURCES kiosk_process.cpp pages_screens_test.cpp pages_qr_scan_test.cpp
    ../ui/headless_ui.cpp ../ui/pages_raster.cpp
  LIBS kiosk_app kiosk_ui nlohmann_json::nlohmann_json
  LABELS e2e)
target_include_directories(e2e_pages_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../ui)
add_dependencies(e2e_pages_tests kiosk)
target_compile_definitions(e2e_pages_tests PRIVATE KIOSK_EXE="$<TARGET_FILE:kiosk>")

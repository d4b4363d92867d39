# kiosk --script: scripts run against the real kiosk window under Xvfb (exit codes, failure
# reports, idle jumps, screenshots).
kiosk_add_test(e2e_script_tests
  SOURCES kiosk_process.cpp script_e2e_test.cpp
  LIBS kiosk_ui kiosk_store nlohmann_json::nlohmann_json
  LABELS e2e)
add_dependencies(e2e_script_tests kiosk)
target_compile_definitions(e2e_script_tests PRIVATE KIOSK_EXE="$<TARGET_FILE:kiosk>")

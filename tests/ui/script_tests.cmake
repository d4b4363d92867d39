# The scripted driver (kiosk --script): the script format, the runner and the keyboard planner
# on hand-made frames, and the runner driving the real views headlessly.
kiosk_add_test(ui_script_tests
  SOURCES headless_ui.cpp script_parser_test.cpp script_runner_test.cpp script_headless_test.cpp
  LIBS kiosk_app kiosk_ui nlohmann_json::nlohmann_json
  LABELS unit)

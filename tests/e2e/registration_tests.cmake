# Whole visits through the real kiosk window (--script under Xvfb), checked in its database.
kiosk_add_test(e2e_registration_tests
  SOURCES kiosk_process.cpp registration_e2e_test.cpp
  LIBS kiosk_store
  LABELS e2e)
add_dependencies(e2e_registration_tests kiosk kiosk-central)
target_compile_definitions(e2e_registration_tests PRIVATE KIOSK_EXE="$<TARGET_FILE:kiosk>"
  KIOSK_CENTRAL_EXE="$<TARGET_FILE:kiosk-central>")

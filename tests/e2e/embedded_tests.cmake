# The embedded default (packaging/start-local.sh, which the README's run command calls) on this
# build's binaries: local kiosk-central + kiosk-sync + the kiosk window under Xvfb.
kiosk_add_test(e2e_embedded_tests
  SOURCES kiosk_process.cpp embedded_default_e2e_test.cpp
  LIBS kiosk_ui kiosk_store
  LABELS e2e)
add_dependencies(e2e_embedded_tests kiosk kiosk-central kiosk-sync)
target_compile_definitions(e2e_embedded_tests PRIVATE
  KIOSK_EXE="$<TARGET_FILE:kiosk>" KIOSK_CENTRAL_EXE="$<TARGET_FILE:kiosk-central>"
  KIOSK_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

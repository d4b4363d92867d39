# The Jobs list through the real kiosk window (--script under Xvfb): a filter, an offer opened
# from a scrolled list, and Back to the same place.
kiosk_add_test(e2e_jobs_tests
  SOURCES kiosk_process.cpp jobs_e2e_test.cpp
  LIBS kiosk_store
  LABELS e2e)
add_dependencies(e2e_jobs_tests kiosk)
target_compile_definitions(e2e_jobs_tests PRIVATE KIOSK_EXE="$<TARGET_FILE:kiosk>")

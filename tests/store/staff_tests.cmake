# Staff PINs (Argon2id, lockout) and kiosk settings, on real database files.
kiosk_add_test(store_staff_tests
  SOURCES staff_pin_test.cpp staff_settings_test.cpp
  LIBS kiosk_store
  LABELS unit)

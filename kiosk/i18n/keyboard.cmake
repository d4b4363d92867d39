# On-screen keyboard sources of kiosk_i18n: layouts and key rules, on top of text_edit.cpp.
# Pure data and logic; the drawing is kiosk/ui/text_field.cpp.
target_sources(kiosk_i18n PRIVATE ${CMAKE_CURRENT_LIST_DIR}/keyboard.cpp)

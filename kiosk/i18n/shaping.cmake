# Shaping sources of kiosk_i18n (target_sources / target_link_libraries on kiosk_i18n).

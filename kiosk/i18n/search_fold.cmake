# Search folding sources of kiosk_i18n: case- and accent-insensitive matching of typed queries
# against names (search_fold.hpp). ICU (found by catalogue.cmake) stays private.
target_sources(kiosk_i18n PRIVATE ${CMAKE_CURRENT_LIST_DIR}/search_fold.cpp)
target_link_libraries(kiosk_i18n PRIVATE PkgConfig::ICU)

# The occupations and skills catalogue (assets/occupations): parsing, names, search.
target_sources(kiosk_i18n PRIVATE ${CMAKE_CURRENT_LIST_DIR}/occupations.cpp)

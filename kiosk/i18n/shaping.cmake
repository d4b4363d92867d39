# Shaping sources of kiosk_i18n: direction from the script, bidi (FriBidi), fonts and shaping
# (HarfBuzz), the text-field model and `kiosk text shape`. FreeType is public for the renderer,
# which rasterises the glyphs these produce from the same font files.
target_sources(kiosk_i18n PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/text_utf8.cpp
  ${CMAKE_CURRENT_LIST_DIR}/script.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bidi.cpp
  ${CMAKE_CURRENT_LIST_DIR}/font_set.cpp
  ${CMAKE_CURRENT_LIST_DIR}/shaper.cpp
  ${CMAKE_CURRENT_LIST_DIR}/text_edit.cpp
  ${CMAKE_CURRENT_LIST_DIR}/text_command.cpp)
target_link_libraries(kiosk_i18n PUBLIC PkgConfig::HARFBUZZ PkgConfig::FRIBIDI PkgConfig::FREETYPE)

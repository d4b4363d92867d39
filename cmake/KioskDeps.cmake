# All third-party dependencies, found once, from Debian packages (packaging/install-deps.sh).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(OpenGL REQUIRED)

pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(CURL REQUIRED IMPORTED_TARGET libcurl)
pkg_check_modules(GLFW3 REQUIRED IMPORTED_TARGET glfw3)
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
pkg_check_modules(HARFBUZZ REQUIRED IMPORTED_TARGET harfbuzz)
pkg_check_modules(FRIBIDI REQUIRED IMPORTED_TARGET fribidi)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(PQXX REQUIRED IMPORTED_TARGET libpqxx)
find_package(nlohmann_json 3 REQUIRED)

# Dear ImGui 1.86 from libimgui-dev: core, imgui_stdlib, imgui_freetype and the GLFW/OpenGL3
# backends are compiled into libimgui.a; stb_truetype/stb_rect_pack live in libstb.
find_library(KIOSK_IMGUI_LIB NAMES libimgui.a imgui REQUIRED)
find_library(KIOSK_STB_LIB NAMES stb REQUIRED)
# An imported static library, so CMake places FreeType/GLFW/GL after it on the link line even when
# another target already linked them earlier.
add_library(imgui_static STATIC IMPORTED)
set_target_properties(imgui_static PROPERTIES
  IMPORTED_LOCATION ${KIOSK_IMGUI_LIB}
  INTERFACE_LINK_LIBRARIES "${KIOSK_STB_LIB};PkgConfig::FREETYPE;PkgConfig::GLFW3;OpenGL::GL;${CMAKE_DL_LIBS}")
add_library(imgui_debian INTERFACE)
target_include_directories(imgui_debian SYSTEM INTERFACE
  /usr/include/imgui /usr/include/imgui/backends /usr/include/stb)
target_link_libraries(imgui_debian INTERFACE imgui_static)
add_library(imgui::imgui ALIAS imgui_debian)

if(KIOSK_BUILD_TESTS)
  find_package(GTest REQUIRED)
  include(GoogleTest)
endif()
if(KIOSK_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()

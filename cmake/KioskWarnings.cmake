# kiosk_target_defaults(TARGET): the warnings and sanitizers every project target is built with.
function(kiosk_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
    -Wnull-dereference -Wimplicit-fallthrough)
  if(KIOSK_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  target_include_directories(${target} PUBLIC ${KIOSK_SOURCE_ROOT})
endfunction()

if(KIOSK_SANITIZE)
  string(REPLACE ";" "," _kiosk_san "${KIOSK_SANITIZE}")
  add_compile_options(-fsanitize=${_kiosk_san} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${_kiosk_san})
endif()

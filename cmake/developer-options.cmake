# Build options (see README "Building").
option(WIREWATCH_BUILD_TESTS "Build the unit tests" ON)
option(WIREWATCH_BUILD_BENCHMARKS "Build the Google Benchmark programs in bench/" OFF)
option(WIREWATCH_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(WIREWATCH_WERROR "Treat warnings as errors" OFF)
option(WIREWATCH_FUZZ "Build libFuzzer targets (clang) instead of replay tests" OFF)

add_library(wirewatch_flags INTERFACE)
target_compile_options(wirewatch_flags INTERFACE -Wall -Wextra)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # g++ 12 reports false -Wrestrict positives inside std::string at -O3
  # (GCC bug 105329); they would break -Werror builds on correct code.
  target_compile_options(wirewatch_flags INTERFACE -Wno-restrict)
endif()
if(WIREWATCH_WERROR)
  target_compile_options(wirewatch_flags INTERFACE -Werror)
endif()
if(WIREWATCH_SANITIZE)
  target_compile_options(wirewatch_flags INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(wirewatch_flags INTERFACE -fsanitize=address,undefined)
endif()

# Adds a library for one pipeline stage: src/<stage> -> wirewatch_<stage>.
function(wirewatch_stage name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(wirewatch_${name} STATIC)
  target_sources(wirewatch_${name} PRIVATE ${ARG_SOURCES})
  target_include_directories(wirewatch_${name}
    PUBLIC ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(wirewatch_${name} PUBLIC wirewatch_flags ${ARG_DEPS}
    PRIVATE ${ARG_PRIVATE_DEPS})
endfunction()

# Adds one GoogleTest program made of the given sources and registers it.
function(wirewatch_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name})
  target_sources(${name} PRIVATE ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    WIREWATCH_TESTDATA="${PROJECT_SOURCE_DIR}/testdata"
    WIREWATCH_SHARED_DATA="${PROJECT_SOURCE_DIR}/../shared/data")
  add_test(NAME ${name} COMMAND ${name})
endfunction()

# Adds fuzz target fuzz/<name>.cc. With -DWIREWATCH_FUZZ=ON (clang) it is a
# libFuzzer binary; otherwise a replay binary that ctest runs over the seed
# corpus testdata/fuzz/<corpus>, so the target keeps compiling and the seeds
# keep passing under every build (including ASan+UBSan).
function(wirewatch_fuzz name)
  cmake_parse_arguments(ARG "" "CORPUS" "DEPS" ${ARGN})
  if(WIREWATCH_FUZZ)
    foreach(dep ${ARG_DEPS})
      # Coverage feedback needs the libraries instrumented too.
      target_compile_options(${dep} PRIVATE -fsanitize=fuzzer-no-link)
    endforeach()
    add_executable(${name} ${PROJECT_SOURCE_DIR}/fuzz/${name}.cc)
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
    target_link_libraries(${name} PRIVATE ${ARG_DEPS})
  elseif(WIREWATCH_BUILD_TESTS)
    add_executable(${name}_replay
      ${PROJECT_SOURCE_DIR}/fuzz/${name}.cc
      ${PROJECT_SOURCE_DIR}/fuzz/replay_main.cc)
    target_link_libraries(${name}_replay PRIVATE ${ARG_DEPS})
    add_test(NAME ${name}_replay
      COMMAND ${name}_replay ${PROJECT_SOURCE_DIR}/testdata/fuzz/${ARG_CORPUS})
  endif()
endfunction()

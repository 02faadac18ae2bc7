# Every dependency is a Debian package (scripts/setup.sh installs them);
# nothing is downloaded at configure time. Why each one: docs/architecture.md.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(ZLIB REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n)
find_package(fmt REQUIRED)
find_package(simdjson REQUIRED)
find_package(CLI11 REQUIRED)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
# cpp-httplib (Debian libcpp-httplib-dev, the compiled library): the HTTP
# server of `wirewatch serve` and the client of its end-to-end test. Only
# apps/ and tests/ see it; src/api has no sockets.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
if(WIREWATCH_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(WIREWATCH_BUILD_BENCHMARKS)
  find_package(benchmark REQUIRED)
endif()

# HTML5 parsers (see docs/architecture.md, "HTML parser choice").
# myhtml (Debian libmodest-dev) ships no pkg-config or CMake file.
find_path(MYHTML_INCLUDE_DIR myhtml/api.h REQUIRED)
find_library(MYHTML_LIBRARY NAMES modest REQUIRED)
add_library(Wirewatch::Myhtml UNKNOWN IMPORTED)
set_target_properties(Wirewatch::Myhtml PROPERTIES
  IMPORTED_LOCATION "${MYHTML_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${MYHTML_INCLUDE_DIR}")
if(WIREWATCH_BUILD_BENCHMARKS)
  pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
endif()

# CLD2 (Debian libcld2-dev) ships no pkg-config or CMake file. libcld2 holds
# the compact tables (83 languages), enough for news text.
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
find_library(CLD2_LIBRARY NAMES cld2 REQUIRED)
add_library(Wirewatch::Cld2 UNKNOWN IMPORTED)
set_target_properties(Wirewatch::Cld2 PROPERTIES
  IMPORTED_LOCATION "${CLD2_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${CLD2_INCLUDE_DIR}")

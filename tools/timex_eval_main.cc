// Development driver for the TimeML evaluation; the `wirewatch eval timex
// --timeml DIR [--diagnostics]` subcommand calls the same library function.
#include <cstdio>
#include <cstring>
#include <string>

#include "analyze/timeml.h"

int main(int argc, char** argv) {
  std::string dir;
  bool diagnostics = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--timeml") == 0 && i + 1 < argc) {
      dir = argv[++i];
    } else if (std::strcmp(argv[i], "--diagnostics") == 0) {
      diagnostics = true;
    } else {
      std::fprintf(stderr, "usage: %s --timeml DIR [--diagnostics]\n", argv[0]);
      return 2;
    }
  }
  if (dir.empty()) {
    std::fprintf(stderr, "usage: %s --timeml DIR [--diagnostics]\n", argv[0]);
    return 2;
  }
  auto report = wirewatch::analyze::EvaluateTimemlDir(dir, diagnostics);
  if (!report.ok()) {
    std::fprintf(stderr, "%s\n", report.status().ToString().c_str());
    return 1;
  }
  std::fputs(wirewatch::analyze::FormatReport(*report).c_str(), stdout);
  return 0;
}

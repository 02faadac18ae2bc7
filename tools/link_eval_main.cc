// link_eval: ECB+ related-article and story-clustering evaluation (dev tool;
// the CLI exposes the same as `wirewatch eval stories --ecb DIR`).
//
//   link_eval DIR [--threshold X] [--seed N] [--no-title] [--vector-terms N]
//             [--centroid-terms N] [--title-boost N] [--candidates N]
#include <cstdio>
#include <cstdlib>
#include <string>

#include "link/ecb_eval.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: %s ECB_DIR [--threshold X] [--seed N] [--no-title]\n",
                 argv[0]);
    return 2;
  }
  wirewatch::link::EcbEvalOptions options;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--threshold" && i + 1 < argc) {
      options.stories.threshold = std::atof(argv[++i]);
    } else if (a == "--seed" && i + 1 < argc) {
      options.order_seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (a == "--no-title") {
      options.title_from_first_sentence = false;
    } else if (a == "--vector-terms" && i + 1 < argc) {
      options.index.vector_terms = std::atoi(argv[++i]);
      options.index.posted_terms = options.index.vector_terms / 2;
    } else if (a == "--centroid-terms" && i + 1 < argc) {
      options.stories.centroid_terms = std::atoi(argv[++i]);
    } else if (a == "--title-boost" && i + 1 < argc) {
      options.index.title_boost = std::atoi(argv[++i]);
    } else if (a == "--candidates" && i + 1 < argc) {
      options.stories.candidate_docs = std::strtoull(argv[++i], nullptr, 10);
    } else {
      std::fprintf(stderr, "unknown flag %s\n", a.c_str());
      return 2;
    }
  }
  auto report = wirewatch::link::EvaluateEcb(argv[1], options);
  if (!report.ok()) {
    std::fprintf(stderr, "%s\n", report.status().ToString().c_str());
    return 1;
  }
  std::fputs(wirewatch::link::FormatReport(*report).c_str(), stdout);
  return 0;
}

// Dev program: evaluates a NER model on a CoNLL file (conlleval semantics).
//   ner_eval --model models/ner-conll-v1.bin --conll eng.testa [--json]
// The integrator exposes the same as `wirewatch eval ner --conll FILE`.
#include <chrono>
#include <cstdio>
#include <string>

#include "analyze/ner_eval.h"

using namespace wirewatch;
using namespace wirewatch::analyze;

int main(int argc, char** argv) {
  std::string model_path = "models/ner-conll-v1.bin", conll;
  bool json = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--model" && i + 1 < argc) model_path = argv[++i];
    else if (a == "--conll" && i + 1 < argc) conll = argv[++i];
    else if (a == "--json") json = true;
    else { std::fprintf(stderr, "usage: ner_eval [--model M] --conll FILE [--json]\n"); return 2; }
  }
  if (conll.empty()) { std::fprintf(stderr, "usage: ner_eval [--model M] --conll FILE [--json]\n"); return 2; }
  auto t0 = std::chrono::steady_clock::now();
  auto model = NerModel::Load(model_path);
  if (!model.ok()) { std::fprintf(stderr, "%s\n", model.status().ToString().c_str()); return 1; }
  auto t1 = std::chrono::steady_clock::now();
  NerTagger tagger(model->get());
  auto report = EvaluateConll(conll, &tagger);
  if (!report.ok()) { std::fprintf(stderr, "%s\n", report.status().ToString().c_str()); return 1; }
  auto t2 = std::chrono::steady_clock::now();
  if (json) {
    std::printf("%s\n", report->ToJson().c_str());
  } else {
    std::printf("%s", report->ToString().c_str());
  }
  double load_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
  double tag_s = std::chrono::duration<double>(t2 - t1).count();
  std::fprintf(stderr, "model load %.1f ms, %zu rows, ~%.1f MB in memory; read+tag %.0f tokens/s\n",
               load_ms, (*model)->num_rows(), (*model)->MemoryBytes() / 1e6,
               report->tokens / tag_s);
  return 0;
}

// Dev program: prints the entity analysis JSON of a text file.
//   ner_analyze [--model models/ner-conll-v2.bin] FILE
// The integrator exposes the same through `wirewatch analyze PATH`.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "analyze/entities.h"
#include "text/normalizer.h"

using namespace wirewatch;
using namespace wirewatch::analyze;

int main(int argc, char** argv) {
  std::string model_path = std::string("models/") + kShippedNerModel, file;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--model" && i + 1 < argc) model_path = argv[++i];
    else file = a;
  }
  if (file.empty()) { std::fprintf(stderr, "usage: ner_analyze [--model M] FILE\n"); return 2; }
  std::ifstream in(file, std::ios::binary);
  if (!in) { std::fprintf(stderr, "cannot open %s\n", file.c_str()); return 1; }
  std::stringstream ss;
  ss << in.rdbuf();
  auto model = NerModel::Load(model_path);
  if (!model.ok()) { std::fprintf(stderr, "%s\n", model.status().ToString().c_str()); return 1; }
  auto norm = text::Normalizer::Create();
  if (!norm.ok()) { std::fprintf(stderr, "%s\n", norm.status().ToString().c_str()); return 1; }
  std::string text;
  auto changed = (*norm)->NormalizeNfc(ss.str(), &text);
  if (!changed.ok()) { std::fprintf(stderr, "%s\n", changed.status().ToString().c_str()); return 1; }
  EntityAnalyzer analyzer(model->get());
  Analysis a;
  Status s = analyzer.Analyze(text, &a);
  if (!s.ok()) { std::fprintf(stderr, "%s\n", s.ToString().c_str()); return 1; }
  std::printf("%s\n", AnalysisToJson(a, 2).c_str());
  return 0;
}

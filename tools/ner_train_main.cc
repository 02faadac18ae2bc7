// Dev program: trains the NER model.
//   ner_train --conll eng.train [--dev eng.testa] --out models/ner-conll-v1.bin
//             [--epochs N] [--seed S] [--min-count N] [--clusters FILE]
// The integrator exposes the same as `wirewatch train ner`.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "analyze/ner_clusters.h"
#include "analyze/ner_train.h"

using namespace wirewatch;
using namespace wirewatch::analyze;

int main(int argc, char** argv) {
  std::string conll, dev_path, out, clusters_path;
  NerTrainOptions opt;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) { std::fprintf(stderr, "missing value for %s\n", a.c_str()); std::exit(2); }
      return argv[++i];
    };
    if (a == "--conll") conll = next();
    else if (a == "--dev") dev_path = next();
    else if (a == "--out") out = next();
    else if (a == "--epochs") opt.epochs = std::atoi(next().c_str());
    else if (a == "--seed") opt.seed = std::strtoull(next().c_str(), nullptr, 10);
    else if (a == "--min-count") opt.min_feature_count = std::atoi(next().c_str());
    else if (a == "--prune") opt.prune_threshold = std::strtof(next().c_str(), nullptr);
    else if (a == "--clusters") clusters_path = next();
    else { std::fprintf(stderr, "unknown flag %s\n", a.c_str()); return 2; }
  }
  if (conll.empty() || out.empty()) {
    std::fprintf(stderr, "usage: ner_train --conll FILE [--dev FILE] --out MODEL "
                         "[--epochs N] [--seed S] [--min-count N] [--clusters FILE]\n");
    return 2;
  }
  auto train = ReadConllFile(conll);
  if (!train.ok()) { std::fprintf(stderr, "%s\n", train.status().ToString().c_str()); return 1; }
  Result<ConllCorpus> dev = Status::NotFound("no dev");
  if (!dev_path.empty()) {
    dev = ReadConllFile(dev_path);
    if (!dev.ok()) { std::fprintf(stderr, "%s\n", dev.status().ToString().c_str()); return 1; }
  }
  if (!clusters_path.empty()) {
    auto c = ReadWordClusters(clusters_path);
    if (!c.ok()) { std::fprintf(stderr, "%s\n", c.status().ToString().c_str()); return 1; }
    opt.clusters = std::move(c).value();
  }
  std::fprintf(stderr, "train: %zu docs, %zu sentences, %zu tokens; clusters: %zu words\n",
               train->docs.size(), train->num_sentences, train->num_tokens, opt.clusters.size());
  opt.on_epoch = [](int epoch, const NerEvalReport& r) {
    std::fprintf(stderr, "epoch %d dev F1 %.2f (P %.2f R %.2f)\n", epoch,
                 r.overall.f1(), r.overall.precision(), r.overall.recall());
  };
  auto model = TrainNer(*train, dev.ok() ? &*dev : nullptr, std::move(opt));
  if (!model.ok()) { std::fprintf(stderr, "%s\n", model.status().ToString().c_str()); return 1; }
  Status s = (*model)->Save(out);
  if (!s.ok()) { std::fprintf(stderr, "%s\n", s.ToString().c_str()); return 1; }
  std::fprintf(stderr, "wrote %s: %zu feature rows\n", out.c_str(), (*model)->num_rows());
  return 0;
}

// Throughput of TimexTagger::Tag() in bytes of text per second, on the
// TimeBank + AQUAINT texts when ../shared/data/timex/tbaq exists, else on a
// synthetic news text. Run: build/bench/timex_bench
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analyze/timeml.h"
#include "analyze/timex.h"

namespace {

using wirewatch::analyze::CivilTime;

struct Corpus {
  std::vector<std::string> texts;
  std::vector<CivilTime> dcts;
  int64_t bytes = 0;
};

const Corpus& LoadCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    namespace fs = std::filesystem;
    const std::string dir = std::string(WIREWATCH_SHARED_DATA) + "/timex/tbaq";
    std::error_code ec;
    if (fs::is_directory(dir, ec)) {
      std::vector<fs::path> files;
      for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
           it.increment(ec)) {
        if (it->path().extension() == ".tml") files.push_back(it->path());
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& p : files) {
        std::ifstream in(p, std::ios::binary);
        std::stringstream buf;
        buf << in.rdbuf();
        auto doc = wirewatch::analyze::ReadTimeml(buf.str());
        if (!doc.ok()) continue;
        c->bytes += static_cast<int64_t>(doc->text.size());
        c->texts.push_back(std::move(doc->text));
        c->dcts.push_back(doc->dct);
      }
    }
    if (c->texts.empty()) {
      std::string t;
      for (int i = 0; i < 2000; ++i) {
        t += "Deputy Foreign Minister Mikhail Bogdanov told RIA Novosti earlier "
             "this week that hundreds of militants are fighting in Syria, where "
             "the conflict has been going on for more than two years. Last "
             "month, President Vladimir Putin said that up to 600 militants "
             "from Russia and Europe were fighting there; in May the FSB head "
             "said about 200. A study covered July 2012 to May this year.\n\n";
      }
      c->bytes = static_cast<int64_t>(t.size());
      c->texts.push_back(std::move(t));
      c->dcts.push_back(CivilTime{2013, 7, 12});
    }
    return c;
  }();
  return *corpus;
}

void BM_TimexTag(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  wirewatch::analyze::TimexTagger tagger;
  std::vector<wirewatch::analyze::Timex> out;
  int64_t found = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < corpus.texts.size(); ++i) {
      tagger.Tag(corpus.texts[i], corpus.dcts[i], &out);
      found += static_cast<int64_t>(out.size());
    }
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(state.iterations() * corpus.bytes);
  state.counters["docs"] = static_cast<double>(corpus.texts.size());
}
BENCHMARK(BM_TimexTag)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

#include "link/ecb_eval.h"

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

namespace wirewatch::link {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

void AppendUnescaped(std::string_view s, std::string* out) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out->push_back(s[i]);
      continue;
    }
    static constexpr std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'},
        {"&apos;", '\''}};
    bool done = false;
    for (const auto& [name, c] : kEntities) {
      if (s.substr(i, name.size()) == name) {
        out->push_back(c);
        i += name.size() - 1;
        done = true;
        break;
      }
    }
    if (!done) out->push_back('&');
  }
}

// Parses the <token sentence="N" ...>word</token> elements of one file.
void ParseTokens(std::string_view xml, EcbDocument* doc) {
  size_t pos = 0;
  std::string_view first_sentence;
  while (true) {
    size_t b = xml.find("<token ", pos);
    if (b == std::string_view::npos) break;
    size_t gt = xml.find('>', b);
    size_t e = xml.find("</token>", gt);
    if (gt == std::string_view::npos || e == std::string_view::npos) break;
    std::string_view attrs = xml.substr(b, gt - b);
    std::string_view word = xml.substr(gt + 1, e - gt - 1);
    bool first = attrs.find("sentence=\"0\"") != std::string_view::npos;
    if (!doc->text.empty()) doc->text.push_back(' ');
    AppendUnescaped(word, &doc->text);
    if (first) {
      if (!doc->title.empty()) doc->title.push_back(' ');
      AppendUnescaped(word, &doc->title);
    }
    pos = e + 8;
  }
}

}  // namespace

Result<std::vector<EcbDocument>> ReadEcbCorpus(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<EcbDocument> docs;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status::NotFound("ecb: no such folder " + dir);
  }
  for (const auto& topic_dir : fs::directory_iterator(dir, ec)) {
    if (!topic_dir.is_directory()) continue;
    const std::string topic_name = topic_dir.path().filename().string();
    if (topic_name.empty() ||
        !std::all_of(topic_name.begin(), topic_name.end(),
                     [](char c) { return c >= '0' && c <= '9'; }) ||
        topic_name.size() > 6) {
      continue;
    }
    for (const auto& f : fs::directory_iterator(topic_dir.path(), ec)) {
      const std::string name = f.path().filename().string();
      const bool plus = EndsWith(name, "ecbplus.xml");
      if (!plus && !EndsWith(name, "ecb.xml")) continue;
      std::ifstream in(f.path(), std::ios::binary);
      if (!in) {
        return Status::Unavailable("ecb: cannot read " + f.path().string());
      }
      std::ostringstream ss;
      ss << in.rdbuf();
      EcbDocument doc;
      doc.name = name;
      doc.topic = static_cast<uint32_t>(std::stoul(topic_name));
      doc.plus = plus;
      ParseTokens(ss.str(), &doc);
      docs.push_back(std::move(doc));
    }
  }
  if (ec) return Status::Unavailable("ecb: cannot list " + dir + ": " + ec.message());
  if (docs.empty()) return Status::NotFound("ecb: no *ecb.xml documents under " + dir);
  std::sort(docs.begin(), docs.end(), [](const EcbDocument& a, const EcbDocument& b) {
    return a.topic != b.topic ? a.topic < b.topic : a.name < b.name;
  });
  return docs;
}

StoryEvalReport EvaluateEcbDocuments(const std::vector<EcbDocument>& docs,
                                     const EcbEvalOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  StoryEvalReport report;
  report.documents = docs.size();
  // Ingest order: a seeded shuffle, so no topic arrives in one block.
  std::vector<uint32_t> order(docs.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.order_seed);
  std::shuffle(order.begin(), order.end(), rng);

  RelatedIndex index(options.index);
  std::vector<uint32_t> gold(docs.size());
  std::set<uint32_t> topics, gold_set;
  for (uint32_t i = 0; i < order.size(); ++i) {
    const EcbDocument& d = docs[order[i]];
    LinkDoc ld;
    ld.doc = i;
    if (options.title_from_first_sentence) ld.title = d.title;
    ld.text = d.text;
    ld.lang = "en";
    auto r = index.Add(ld);
    assert(r.ok());
    (void)r;
    gold[i] = d.topic * 2 + (d.plus ? 1 : 0);
    topics.insert(d.topic);
    gold_set.insert(gold[i]);
  }
  report.topics = topics.size();
  report.gold_stories = gold_set.size();

  // Clustering first: incremental, in ingest order, with ingest-time IDF.
  StoryClusterer clusterer(&index, options.stories);
  std::vector<uint32_t> predicted(docs.size());
  for (uint32_t i = 0; i < order.size(); ++i) {
    auto r = clusterer.Add(i);
    predicted[i] = r.ok() ? *r : 0;
  }
  report.predicted_stories = clusterer.story_count();
  report.clustering = ScoreClustering(gold, predicted);

  // Ranking over the finished archive, with final statistics.
  index.Reweight();
  RelatedOptions ro = options.related;
  ro.time_filter = RelatedOptions::TimeFilter::kAny;
  ro.k = docs.size();
  RelatedIndex::Scratch scratch;
  std::vector<RelatedHit> hits;
  std::vector<uint8_t> flags;
  double p5 = 0, ap = 0;
  size_t queries = 0;
  for (uint32_t q = 0; q < index.size(); ++q) {
    size_t relevant = 0;
    for (uint32_t c = 0; c < index.size(); ++c) {
      relevant += c != q && gold[c] == gold[q] &&
                  !(ro.exclude_near_dups &&
                    index.near_dups().group(c) == index.near_dups().group(q));
    }
    if (relevant == 0) continue;
    index.Related(q, ro, &scratch, &hits);
    flags.clear();
    size_t top5 = 0;
    for (size_t i = 0; i < hits.size(); ++i) {
      const bool rel = gold[hits[i].doc] == gold[q];
      flags.push_back(rel);
      if (i < 5) top5 += rel;
    }
    p5 += static_cast<double>(top5) / 5.0;
    ap += AveragePrecision(flags, relevant);
    ++queries;
  }
  if (queries > 0) {
    report.precision_at_5 = p5 / queries;
    report.map = ap / queries;
  }
  report.seconds = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - start)
                       .count();
  return report;
}

Result<StoryEvalReport> EvaluateEcb(const std::string& dir,
                                    const EcbEvalOptions& options) {
  ASSIGN_OR_RETURN(std::vector<EcbDocument> docs, ReadEcbCorpus(dir));
  return EvaluateEcbDocuments(docs, options);
}

std::string FormatReport(const StoryEvalReport& r) {
  char buf[768];
  std::snprintf(
      buf, sizeof(buf),
      "documents %zu, topics %zu, gold stories %zu, predicted stories %zu\n"
      "related:  precision@5 %.4f  MAP %.4f\n"
      "stories:  B-cubed P %.4f R %.4f F1 %.4f  V-measure %.4f  ARI %.4f\n"
      "time:     %.2f s\n",
      r.documents, r.topics, r.gold_stories, r.predicted_stories,
      r.precision_at_5, r.map, r.clustering.bcubed_precision,
      r.clustering.bcubed_recall, r.clustering.bcubed_f1,
      r.clustering.v_measure, r.clustering.ari, r.seconds);
  return buf;
}

}  // namespace wirewatch::link

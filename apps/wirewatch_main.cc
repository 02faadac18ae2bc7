// wirewatch: the command-line front end. Parses flags, wires the stage
// libraries together and maps a Status to an exit code:
//   0  every document was stored (or was already there)
//   1  usage error or fatal error (unreadable archive, disk full)
//   2  some documents failed and were recorded as failures
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fmt/core.h>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "base/article_json.h"
#include "analyze/claims_eval.h"
#include "analyze/cluster_train.h"
#include "analyze/ner_clusters.h"
#include "api/archive_index.h"
#include "api/views.h"
#include "apps/serve.h"
#include "link/ecb_eval.h"
#include "analyze/ner_eval.h"
#include "analyze/ner_model.h"
#include "analyze/ner_train.h"
#include "analyze/quantity.h"
#include "analyze/polnear.h"
#include "analyze/quote_model.h"
#include "analyze/quote_train.h"
#include "analyze/quotes.h"
#include "analyze/timeml.h"
#include "base/json_writer.h"
#include "eval/extraction_eval.h"
#include "html/extractor.h"
#include "ingest/pipeline.h"
#include "input/doc_reader.h"
#include "store/article_id.h"
#include "store/store.h"

namespace ww = wirewatch;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFatal = 1;
constexpr int kExitSomeFailed = 2;

int Fail(const ww::Status& s) {
  fmt::print(stderr, "wirewatch: {}\n", s.ToString());
  return kExitFatal;
}

std::string DefaultDb() {
  const char* env = std::getenv("WIREWATCH_DB");
  return env && *env ? env : "wirewatch.db";
}

// A shipped model: $<env_var>, else models/ next to the binary (the build
// copies the models there), else ./models/.
std::string DefaultModel(const char* env_var, const char* file) {
  const char* env = std::getenv(env_var);
  if (env && *env) return env;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto p = exe.parent_path() / "models" / file;
    if (std::filesystem::exists(p, ec)) return p.string();
  }
  return std::string("models/") + file;
}
std::string DefaultNerModel() {
  return DefaultModel("WIREWATCH_NER_MODEL", ww::analyze::kShippedNerModel);
}
std::string DefaultQuoteModel() {
  return DefaultModel("WIREWATCH_QUOTE_MODEL", ww::analyze::kShippedQuoteModel);
}

// Loads the attribution model. A missing model is not fatal: quotes then
// come from the rules only, with a warning.
std::unique_ptr<ww::analyze::QuoteModel> LoadQuoteModel(const std::string& path,
                                                        bool quiet) {
  auto model = ww::analyze::QuoteModel::Load(path);
  if (!model.ok()) {
    if (!quiet)
      fmt::print(stderr, "wirewatch: {} (quotes from rules only)\n",
                 model.status().ToString());
    return nullptr;
  }
  return std::move(model).value();
}

// Loads the NER model for ingest/analyze. A missing model is not fatal:
// entities are skipped with a warning, everything else still runs.
std::unique_ptr<ww::analyze::NerModel> LoadNerModel(const std::string& path,
                                                    bool quiet) {
  auto model = ww::analyze::NerModel::Load(path);
  if (!model.ok()) {
    if (!quiet)
      fmt::print(stderr,
                 "wirewatch: warning: {}; entities will not be extracted "
                 "(set --model or $WIREWATCH_NER_MODEL)\n",
                 model.status().ToString());
    return nullptr;
  }
  return std::move(model).value();
}

// The ingest token of `wirewatch serve`: the first line of `path` without
// surrounding whitespace, else $WIREWATCH_TOKEN, else "" (writes off). A
// token file that is empty or unreadable is an error, never "writes off".
ww::Result<std::string> ReadToken(const std::string& path) {
  std::string token;
  if (!path.empty()) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
      return ww::Status::InvalidArgument("cannot read --token-file " + path +
                                         ": " + std::strerror(errno));
    char buf[4096];
    const size_t n = std::fread(buf, 1, sizeof(buf), f);
    std::fclose(f);
    token.assign(buf, n);
    token = token.substr(0, token.find('\n'));
  } else if (const char* env = std::getenv("WIREWATCH_TOKEN"); env && *env) {
    token = env;
  } else {
    return token;
  }
  while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back())))
    token.pop_back();
  size_t start = 0;
  while (start < token.size() &&
         std::isspace(static_cast<unsigned char>(token[start])))
    ++start;
  token.erase(0, start);
  if (token.size() < 16)
    return ww::Status::InvalidArgument(
        "the ingest token must be at least 16 characters (from " +
        (path.empty() ? std::string("$WIREWATCH_TOKEN") : path) + ")");
  return token;
}

std::string HumanBytes(double b) {
  const char* units[] = {"B", "KB", "MB", "GB", "TB"};
  int u = 0;
  while (b >= 1000 && u < 4) {
    b /= 1000;
    ++u;
  }
  return u == 0 ? fmt::format("{:.0f} {}", b, units[u])
                : fmt::format("{:.1f} {}", b, units[u]);
}

std::string Duration(double s) {
  if (s < 0 || s > 1e7) return "?";
  int t = static_cast<int>(s + 0.5);
  if (t >= 3600) return fmt::format("{}:{:02}:{:02}", t / 3600, t / 60 % 60, t % 60);
  return fmt::format("{}:{:02}", t / 60, t % 60);
}

ww::Result<std::unique_ptr<ww::store::Store>> OpenStore(const std::string& db) {
  return ww::store::Store::Open(db);
}

int CmdIngest(const std::vector<std::string>& paths, const std::string& db,
              ww::ingest::IngestOptions options, const std::string& model_path,
              const std::string& quote_model_path, bool quiet) {
  std::unique_ptr<ww::analyze::NerModel> model;
  std::unique_ptr<ww::analyze::QuoteModel> quote_model;
  if (options.analyze) {
    model = LoadNerModel(model_path, quiet);
    quote_model = LoadQuoteModel(quote_model_path, quiet);
  }
  options.ner_model = model.get();
  options.quote_model = quote_model.get();
  auto opened = OpenStore(db);
  if (!opened.ok()) return Fail(opened.status());
  auto store = std::move(opened).value();
  bool tty = isatty(STDERR_FILENO) && !quiet;
  ww::ingest::ProgressFn progress;
  if (tty) {
    progress = [](const ww::ingest::Progress& p, bool final) {
      double rate = p.elapsed_seconds > 0 ? p.documents / p.elapsed_seconds : 0;
      std::string eta;
      if (p.total_bytes > 0 && p.bytes_consumed > 0 && !final) {
        double left = (static_cast<double>(p.total_bytes) - p.bytes_consumed) /
                      p.bytes_consumed * p.elapsed_seconds;
        eta = fmt::format("  ETA {}", Duration(left));
      }
      std::string of_total =
          p.total_bytes ? fmt::format(" / {}", HumanBytes(p.total_bytes)) : "";
      fmt::print(stderr, "\r\x1b[K{} docs  {}{}  {:.0f} docs/s  {} failed{}",
                 p.documents, HumanBytes(p.bytes_consumed), of_total, rate,
                 p.failures, eta);
      if (final) fmt::print(stderr, "\n");
      std::fflush(stderr);
    };
  }
  auto result = ww::ingest::Ingest(paths, store.get(), options, progress);
  if (!result.ok()) return Fail(result.status());
  const ww::ingest::Progress& p = *result;
  auto stats = store->Stats();
  double rate = p.elapsed_seconds > 0 ? p.documents / p.elapsed_seconds : 0;
  std::string summary;
  if (p.documents > 0 && p.stored == 0 && p.failures == 0) {
    summary = fmt::format(
        "nothing new: all {} documents are already in {}", p.documents, db);
  } else {
    summary = fmt::format(
        "ingested {} documents ({}) in {:.2f} s ({:.0f} docs/s): {} stored, "
        "{} already present, {} failed",
        p.documents, HumanBytes(p.bytes_consumed), p.elapsed_seconds, rate,
        p.stored, p.duplicates, p.failures);
  }
  if (stats.ok())
    summary += fmt::format("; {} now holds {} articles, {} failures", db,
                           stats->articles, stats->failures);
  fmt::print("{}\n", summary);
  if (p.failures > 0) {
    if (!quiet)
      fmt::print(stderr,
                 "wirewatch: {} documents failed; see `wirewatch failures "
                 "--db {}`\n",
                 p.failures, db);
    return kExitSomeFailed;
  }
  return kExitOk;
}

// `extract` prints the Article JSON; `analyze` (analyzer != null) adds the
// "analysis" object.
int CmdExtract(const std::vector<std::string>& paths,
               const ww::input::ReaderOptions& ropt,
               const ww::html::ExtractOptions& eopt, bool pretty,
               ww::analyze::ArticleAnalyzer* analyzer) {
  auto opened = ww::input::DocReader::Open(paths, ropt);
  if (!opened.ok()) return Fail(opened.status());
  auto reader = std::move(opened).value();
  ww::html::Extractor extractor(eopt);
  ww::analyze::ArticleAnalysis analysis;
  std::string analysis_json;
  ww::RawDoc doc;
  int failed = 0;
  std::string out;
  while (reader->Next(&doc)) {
    if (doc.failed()) {
      fmt::print(stderr, "wirewatch: {}: {}\n", doc.source, doc.failure);
      ++failed;
      continue;
    }
    auto r = extractor.Extract(doc);
    if (!r.ok()) {
      fmt::print(stderr, "wirewatch: {}: {}\n", doc.source, r.status().message());
      ++failed;
      continue;
    }
    ww::Article a = std::move(r).value();
    a.warnings.insert(a.warnings.begin(), doc.warnings.begin(),
                      doc.warnings.end());
    a.id = ww::store::ComputeArticleId(a);
    analysis_json.clear();
    if (analyzer) {
      ww::Status st = analyzer->Analyze(a, &analysis);
      if (!st.ok()) {
        fmt::print(stderr, "wirewatch: {}: analysis: {}\n", doc.source,
                   st.ToString());
        ++failed;
        continue;
      }
      analysis_json = ww::analyze::ArticleAnalysisToJson(analysis);
    }
    out.clear();
    ww::JsonWriter w(&out, pretty ? 2 : 0);
    ww::WriteArticleJson(a, -1, &w, analysis_json);
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return failed ? kExitSomeFailed : kExitOk;
}

int CmdList(const std::string& db, int64_t offset, int64_t limit, bool json) {
  auto opened = OpenStore(db);
  if (!opened.ok()) return Fail(opened.status());
  auto list = (*opened)->ListArticles(offset, limit);
  if (!list.ok()) return Fail(list.status());
  if (json) {
    std::string out;
    for (const auto& a : *list) {
      out.clear();
      ww::JsonWriter w(&out);
      w.BeginObject();
      ww::api::WriteArticleRefFields(a, &w);
      w.Field("source", a.source);
      w.Field("paragraphs", a.paragraphs);
      w.Field("chars", a.chars);
      w.EndObject();
      fmt::print("{}\n", out);
    }
    return kExitOk;
  }
  fmt::print("{:>6}  {:<16}  {:<19}  {}\n", "SEQ", "ID", "PUBLISHED", "TITLE");
  for (const auto& a : *list) {
    std::string title = a.title.empty() ? "(untitled) " + a.source : a.title;
    fmt::print("{:>6}  {:<16}  {:<19}  {}\n", a.seq, a.id,
               a.published.substr(0, 19), title);
  }
  return kExitOk;
}

// The article's stored links; story_id < 0 when it has none.
ww::Result<ww::ArticleLinkFields> LinkFields(ww::store::Store* store,
                                             int64_t seq) {
  ww::store::ArticleLink link;
  ww::ArticleLinkFields f;
  ASSIGN_OR_RETURN(bool found, store->GetArticleLink(seq, &link));
  if (found) {
    f.story_id = link.story_id;
    f.dup_original_seq = link.dup_original_seq;
  }
  return f;
}

int CmdShow(const std::string& db, const std::string& id, bool text_only) {
  auto opened = OpenStore(db);
  if (!opened.ok()) return Fail(opened.status());
  int64_t seq = 0;
  auto a = (*opened)->GetArticle(id, &seq);
  if (!a.ok()) return Fail(a.status());
  if (text_only) {
    fmt::print("{}\n\n{}\n", a->title, a->Text());
    return kExitOk;
  }
  auto analysis = (*opened)->GetAnalysisJson(seq);
  if (!analysis.ok()) return Fail(analysis.status());
  auto links = LinkFields(opened->get(), seq);
  if (!links.ok()) return Fail(links.status());
  std::string out;
  ww::JsonWriter w(&out, 2);
  ww::WriteArticleJson(*a, seq, &w, *analysis, &*links);
  fmt::print("{}\n", out);
  return kExitOk;
}

int CmdExport(const std::string& db, const std::string& format,
              const std::string& output) {
  if (format != "jsonl")
    return Fail(ww::Status::InvalidArgument("unknown export format '" + format +
                                            "' (supported: jsonl)"));
  auto opened = OpenStore(db);
  if (!opened.ok()) return Fail(opened.status());
  FILE* f = stdout;
  if (!output.empty() && output != "-") {
    f = std::fopen(output.c_str(), "wb");
    if (!f)
      return Fail(ww::Status::Unavailable("cannot write " + output + ": " +
                                          std::strerror(errno)));
  }
  std::string line;
  int64_t n = 0;
  ww::Status s = (*opened)->ForEachArticle(
      [&](const ww::Article& a, int64_t seq) -> ww::Status {
        ASSIGN_OR_RETURN(std::string analysis,
                         (*opened)->GetAnalysisJson(seq));
        ASSIGN_OR_RETURN(ww::ArticleLinkFields links,
                         LinkFields(opened->get(), seq));
        line.clear();
        ww::JsonWriter w(&line);
        ww::WriteArticleJson(a, seq, &w, analysis, &links);
        line += '\n';
        if (std::fwrite(line.data(), 1, line.size(), f) != line.size())
          return ww::Status::Unavailable("write failed: " +
                                         std::string(std::strerror(errno)));
        ++n;
        return ww::Status::Ok();
      });
  if (f != stdout && std::fclose(f) != 0 && s.ok())
    s = ww::Status::Unavailable("cannot close " + output);
  if (!s.ok()) return Fail(s);
  if (f != stdout) fmt::print(stderr, "exported {} articles to {}\n", n, output);
  return kExitOk;
}

int CmdRelated(const std::string& db, const std::string& id, int k,
               bool publisher) {
  auto opened = OpenStore(db);
  if (!opened.ok()) return Fail(opened.status());
  std::vector<ww::RelatedItem> items;
  if (publisher) {
    auto a = (*opened)->GetArticle(id);
    if (!a.ok()) return Fail(a.status());
    items = a->publisher_related;
    if (k >= 0 && items.size() > static_cast<size_t>(k)) items.resize(k);
  } else {
    auto index = ww::api::ArchiveIndex::Build(opened->get());
    if (!index.ok()) return Fail(index.status());
    auto r = (*index)->Related(id, k < 0 ? 0 : static_cast<size_t>(k));
    if (!r.ok()) return Fail(r.status());
    items = std::move(r).value();
  }
  std::string out;
  ww::JsonWriter w(&out);
  ww::WriteRelatedJson(items, &w);
  fmt::print("{}\n", out);
  return kExitOk;
}

int CmdSearch(const std::string& db, const std::string& query, size_t k,
              bool json) {
  auto opened = OpenStore(db);
  if (!opened.ok()) return Fail(opened.status());
  auto index = ww::api::ArchiveIndex::Build(opened->get());
  if (!index.ok()) return Fail(index.status());
  auto r = (*index)->Search(query, k);
  if (!r.ok()) return Fail(r.status());
  if (json) {
    std::string out;
    ww::JsonWriter w(&out);
    ww::api::WriteSearchJson(*r, &w);
    fmt::print("{}\n", out);
    return kExitOk;
  }
  fmt::print("{} matching articles\n", r->total);
  for (const auto& h : r->hits)
    fmt::print("\n{:>6}  {:.2f}  {}  {}\n        {}\n", h.doc->seq, h.score,
               h.doc->published.substr(0, 10), h.doc->title, h.snippet);
  auto facet_line = [](const char* name,
                       const std::vector<ww::link::Facet>& f) {
    if (f.empty()) return;
    std::string line;
    for (const auto& v : f)
      line += fmt::format("{}{} ({})", line.empty() ? "" : ", ", v.value,
                          v.count);
    fmt::print("{:<9} {}\n", name, line);
  };
  if (!r->hits.empty()) fmt::print("\n");
  facet_line("sites:", r->sites);
  facet_line("entities:", r->entities);
  facet_line("months:", r->months);
  return kExitOk;
}

// Stories as stored at ingest (table stories); no index is built.
int CmdStories(const std::string& db, size_t limit, bool recent, bool json) {
  auto opened = OpenStore(db);
  if (!opened.ok()) return Fail(opened.status());
  auto rows = (*opened)->ListStories(
      recent ? ww::store::StoryOrder::kRecent : ww::store::StoryOrder::kLargest,
      static_cast<int64_t>(limit));
  if (!rows.ok()) return Fail(rows.status());
  if (json) {
    for (const auto& s : *rows) {
      std::string out;
      ww::JsonWriter w(&out);
      w.BeginObject();
      w.Field("id", s.id);
      w.Field("size", s.size);
      w.Field("first_date", s.first_day);
      w.Field("last_date", s.last_day);
      w.Field("label", s.label);
      w.Field("first_seq", s.first_seq);
      w.Field("first_title", s.first_title);
      w.EndObject();
      fmt::print("{}\n", out);
    }
    return kExitOk;
  }
  fmt::print("{:>5}  {:>4}  {:<10}  {:<10}  {}\n", "STORY", "SIZE", "FIRST",
             "LAST", "LABEL / FIRST ARTICLE");
  for (const auto& s : *rows)
    fmt::print("{:>5}  {:>4}  {:<10}  {:<10}  {}\n{:>36}{}\n", s.id, s.size,
               s.first_day, s.last_day, s.label, "", s.first_title);
  return kExitOk;
}

int CmdEvalStories(const std::string& dir) {
  auto report = ww::link::EvaluateEcb(dir);
  if (!report.ok()) return Fail(report.status());
  fmt::print("{}", ww::link::FormatReport(*report));
  return kExitOk;
}

int CmdEntities(const std::string& db, const std::string& type, int64_t top,
                bool json) {
  auto opened = OpenStore(db);
  if (!opened.ok()) return Fail(opened.status());
  auto list = (*opened)->TopEntities(type, top);
  if (!list.ok()) return Fail(list.status());
  if (json) {
    std::string out;
    for (const auto& e : *list) {
      out.clear();
      ww::JsonWriter w(&out);
      ww::api::WriteEntityCountJson(e, &w);
      fmt::print("{}\n", out);
    }
    return kExitOk;
  }
  fmt::print("{:>8}  {:>8}  {:<4}  {}\n", "MENTIONS", "ARTICLES", "TYPE",
             "ENTITY");
  for (const auto& e : *list)
    fmt::print("{:>8}  {:>8}  {:<4}  {}\n", e.mentions, e.articles, e.type,
               e.canonical);
  return kExitOk;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// "280", "~200", "<=600", ">=17", ">50", "10-20", "200-999 (hundreds)".
std::string FormatBounds(const ww::store::ClaimRow& c) {
  auto num = [](double v) {
    return v == static_cast<int64_t>(v) ? fmt::format("{}", static_cast<int64_t>(v))
                                        : fmt::format("{:g}", v);
  };
  const std::string& q = c.qualifier;
  if (q == "about") return "~" + num(c.low);
  if (q == "up_to" || q == "at_most") return "<=" + num(c.high);
  if (q == "fewer_than") return "<" + num(c.high);
  if (q == "at_least") return ">=" + num(c.low);
  if (q == "more_than") return ">" + num(c.low);
  if (c.has_low && c.has_high && c.low != c.high) {
    std::string r = num(c.low) + "-" + num(c.high);
    return q == "vague" ? r + " (" + c.quantity_text + ")" : r;
  }
  return num(c.has_low ? c.low : c.high);
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

int CmdClaims(const std::string& db, const ww::store::ClaimFilter& filter,
              const std::string& by, bool csv) {
  auto opened = OpenStore(db);
  if (!opened.ok()) return Fail(opened.status());
  auto rows = (*opened)->QueryClaims(filter);
  if (!rows.ok()) return Fail(rows.status());
  auto origins = [](const ww::store::ClaimRow& c) {
    std::string o;
    for (const auto& s : c.origin) o += (o.empty() ? "" : ", ") + s;
    return o;
  };
  if (csv) {
    fmt::print("time,source,quantity_text,low,high,qualifier,subject,event,"
               "origin,location,negated,hypothetical,article_seq,article_id,"
               "begin,end,sentence\n");
    for (const auto& c : *rows) {
      fmt::print("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
                 CsvField(c.time), CsvField(c.source),
                 CsvField(c.quantity_text),
                 c.has_low ? fmt::format("{:g}", c.low) : "",
                 c.has_high ? fmt::format("{:g}", c.high) : "", c.qualifier,
                 CsvField(c.subject), c.event, CsvField(origins(c)),
                 CsvField(c.location), c.negated ? 1 : 0,
                 c.hypothetical ? 1 : 0, c.article_seq, c.article_id, c.begin,
                 c.end, CsvField(c.sentence));
    }
    return kExitOk;
  }
  auto line = [&](const ww::store::ClaimRow& c) {
    std::string claim = FormatBounds(c) + " " + c.subject;
    std::string flags = std::string(c.negated ? " [negated]" : "") +
                        (c.hypothetical ? " [hypothetical]" : "");
    return fmt::format("{:<16}  {:<24}  {:<26}  {:<8}  {:<24}  {:<12}  {}{}",
                       c.time.empty() ? "-" : c.time,
                       c.source.empty() ? "-" : c.source, claim, c.event,
                       origins(c).empty() ? "-" : origins(c),
                       c.location.empty() ? "-" : c.location, c.article_seq,
                       flags);
  };
  std::string header = fmt::format(
      "{:<16}  {:<24}  {:<26}  {:<8}  {:<24}  {:<12}  {}", "TIME", "SOURCE",
      "CLAIM", "EVENT", "ORIGIN", "LOCATION", "ARTICLE");
  if (by.empty()) {
    fmt::print("{}\n", header);
    for (const auto& c : *rows) fmt::print("{}\n", line(c));
    fmt::print("{} claims\n", rows->size());
    return kExitOk;
  }
  // Aggregate view: per origin (or subject), the claims over time with
  // their sources. A claim with two origins appears under both.
  std::map<std::string, std::vector<const ww::store::ClaimRow*>> groups;
  for (const auto& c : *rows) {
    if (by == "origin") {
      for (const auto& o : c.origin) {
        // With --origin, only that origin's group (not its co-origins).
        if (!filter.origin.empty() && !EqualsIgnoreCase(o, filter.origin))
          continue;
        groups[o].push_back(&c);
      }
      if (c.origin.empty()) groups["(no origin)"].push_back(&c);
    } else {
      groups[c.subject.empty() ? "(no subject)" : c.subject].push_back(&c);
    }
  }
  for (const auto& [key, list] : groups) {
    fmt::print("{} ({} claims)\n  {}\n", key, list.size(), header);
    for (const auto* c : list) fmt::print("  {}\n", line(*c));
    fmt::print("\n");
  }
  return kExitOk;
}

int CmdFailures(const std::string& db, int64_t limit) {
  auto opened = OpenStore(db);
  if (!opened.ok()) return Fail(opened.status());
  auto list = (*opened)->ListFailures(limit);
  if (!list.ok()) return Fail(list.status());
  for (const auto& f : *list)
    fmt::print("{}\t{}\t{}\n", f.stage, f.source, f.reason);
  return kExitOk;
}

int CmdEvalTimex(const std::string& dir, bool diagnostics,
                 const std::string& system_dir) {
  auto report = ww::analyze::EvaluateTimemlDir(dir, diagnostics, system_dir);
  if (!report.ok()) return Fail(report.status());
  fmt::print("{}", ww::analyze::FormatReport(*report));
  return kExitOk;
}

int CmdEvalQuantities(const std::string& file, bool diagnostics) {
  auto report = ww::analyze::EvaluateNewsQuant(file, diagnostics);
  if (!report.ok()) return Fail(report.status());
  fmt::print("{}", ww::analyze::FormatReport(*report));
  return kExitOk;
}

int CmdEvalClaims(const std::string& gold, const std::string& ner_path,
                  const std::string& quote_path, bool diagnostics) {
  auto model = ww::analyze::NerModel::Load(ner_path);
  if (!model.ok()) return Fail(model.status());
  std::unique_ptr<ww::analyze::QuoteModel> qmodel;
  if (!quote_path.empty()) {
    auto loaded = ww::analyze::QuoteModel::Load(quote_path);
    if (!loaded.ok()) return Fail(loaded.status());
    qmodel = std::move(loaded).value();
  }
  auto report = ww::analyze::EvaluateClaims(gold, model->get(), qmodel.get(),
                                            diagnostics);
  if (!report.ok()) return Fail(report.status());
  fmt::print("{}", ww::analyze::FormatReport(*report));
  return kExitOk;
}

int CmdEvalQuotes(const std::string& dir, const std::string& model_path,
                  bool diagnostics) {
  std::unique_ptr<ww::analyze::QuoteModel> model;
  if (!model_path.empty()) {
    auto loaded = ww::analyze::QuoteModel::Load(model_path);
    if (!loaded.ok()) return Fail(loaded.status());
    model = std::move(loaded).value();
  }
  auto report = ww::analyze::EvaluatePolnear(dir, model.get(), diagnostics);
  if (!report.ok()) return Fail(report.status());
  fmt::print("{}", ww::analyze::FormatReport(*report));
  return kExitOk;
}

int CmdEvalNer(const std::string& conll, const std::string& model_path,
               bool json) {
  auto model = ww::analyze::NerModel::Load(model_path);
  if (!model.ok()) return Fail(model.status());
  ww::analyze::NerTagger tagger(model->get());
  auto report = ww::analyze::EvaluateConll(conll, &tagger);
  if (!report.ok()) return Fail(report.status());
  fmt::print("{}", json ? report->ToJson() + "\n" : report->ToString());
  return kExitOk;
}

int CmdTrainQuotes(const std::string& dir, const std::string& out,
                   const ww::analyze::QuoteTrainOptions& opt, int cv_folds) {
  auto docs = ww::analyze::ReadPolnear(dir);
  if (!docs.ok()) return Fail(docs.status());
  if (cv_folds > 0) {
    fmt::print(stderr, "cross-validating over {} folds of {} documents\n",
               cv_folds, docs->size());
    auto r = ww::analyze::CrossValidateQuotes(*docs, opt, cv_folds);
    if (!r.ok()) return Fail(r.status());
    fmt::print("{}", ww::analyze::FormatReport(*r));
    return kExitOk;
  }
  ww::analyze::QuoteTrainOptions o = opt;
  o.on_epoch = [](int epoch, int64_t cue_errors, int64_t side_errors) {
    fmt::print(stderr, "epoch {}: {} cue-token and {} side mistakes\n", epoch,
               cue_errors, side_errors);
  };
  auto model = ww::analyze::TrainQuoteModel(*docs, o);
  if (!model.ok()) return Fail(model.status());
  ww::Status st = (*model)->Save(out);
  if (!st.ok()) return Fail(st);
  fmt::print(stderr, "train: {} documents, {} feature rows, {} cue starters -> {}\n",
             docs->size(), (*model)->num_rows(), (*model)->num_starters(), out);
  return kExitOk;
}

// Adds the text of `path` to the corpus: a directory's files (sorted,
// recursively), a Reuters-21578 .sgm file's <BODY> elements, or any other
// file whole. Returns the number of texts added.
ww::Result<size_t> AddClusterText(const std::filesystem::path& path,
                                  ww::analyze::ClusterCorpus* corpus) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(path, ec))
      if (e.is_regular_file()) files.push_back(e.path());
    if (ec) return ww::Status::Unavailable("cannot list " + path.string());
    std::sort(files.begin(), files.end());
    size_t n = 0;
    for (const fs::path& f : files) {
      auto k = AddClusterText(f, corpus);
      if (!k.ok()) return k.status();
      n += *k;
    }
    return n;
  }
  std::string bytes;
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return ww::Status::NotFound("cannot open " + path.string());
  char buf[1 << 16];
  size_t got;
  while ((got = std::fread(buf, 1, sizeof buf, f.get())) > 0) bytes.append(buf, got);
  if (path.extension() != ".sgm") {
    corpus->AddText(bytes);
    return size_t{1};
  }
  size_t n = 0;
  for (size_t at = bytes.find("<BODY>"); at != std::string::npos;
       at = bytes.find("<BODY>", at)) {
    at += 6;
    const size_t end = bytes.find("</BODY>", at);
    if (end == std::string::npos) break;
    std::string body = bytes.substr(at, end - at);
    for (auto [from, to] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&#3;", ""},
                            {"&amp;", "&"}})
      for (size_t p = body.find(from); p != std::string::npos; p = body.find(from, p))
        body.replace(p, std::strlen(from), to);
    corpus->AddText(body);
    ++n;
    at = end;
  }
  return n;
}

int CmdTrainClusters(const std::vector<std::string>& inputs, const std::string& out,
                     ww::analyze::ClusterTrainOptions opt) {
  ww::analyze::ClusterCorpus corpus;
  for (const std::string& in : inputs) {
    auto n = AddClusterText(in, &corpus);
    if (!n.ok()) return Fail(n.status());
    fmt::print(stderr, "{}: {} texts\n", in, *n);
  }
  fmt::print(stderr, "corpus: {} tokens, {} word types\n", corpus.num_tokens(),
             corpus.num_types());
  opt.on_pass = [](int level, int pass, int64_t moved, double objective) {
    fmt::print(stderr, "level {} pass {}: {} words moved, objective {:.6g}\n",
               level + 1, pass, moved, objective);
  };
  auto words = ww::analyze::TrainWordClusters(corpus, opt);
  if (!words.ok()) return Fail(words.status());
  ww::Status st = ww::analyze::WriteWordClusters(*words, out);
  if (!st.ok()) return Fail(st);
  fmt::print(stderr, "wrote {}: {} words\n", out, words->size());
  return kExitOk;
}

int CmdTrainNer(const std::string& conll, const std::string& dev_path,
                const std::string& out, const std::string& clusters,
                ww::analyze::NerTrainOptions opt) {
  auto train = ww::analyze::ReadConllFile(conll);
  if (!train.ok()) return Fail(train.status());
  ww::Result<ww::analyze::ConllCorpus> dev =
      ww::Status::NotFound("no dev set");
  if (!dev_path.empty()) {
    dev = ww::analyze::ReadConllFile(dev_path);
    if (!dev.ok()) return Fail(dev.status());
  }
  if (!clusters.empty()) {
    auto c = ww::analyze::ReadWordClusters(clusters);
    if (!c.ok()) return Fail(c.status());
    opt.clusters = std::move(c).value();
  }
  fmt::print(stderr, "train: {} docs, {} sentences, {} tokens\n",
             train->docs.size(), train->num_sentences, train->num_tokens);
  opt.on_epoch = [](int epoch, const ww::analyze::NerEvalReport& r) {
    fmt::print(stderr, "epoch {} dev F1 {:.2f} (P {:.2f} R {:.2f})\n", epoch,
               r.overall.f1(), r.overall.precision(), r.overall.recall());
  };
  auto model =
      ww::analyze::TrainNer(*train, dev.ok() ? &*dev : nullptr, std::move(opt));
  if (!model.ok()) return Fail(model.status());
  ww::Status s = (*model)->Save(out);
  if (!s.ok()) return Fail(s);
  fmt::print(stderr, "wrote {}: {} feature rows\n", out, (*model)->num_rows());
  return kExitOk;
}

int CmdEvalExtraction(const std::string& dir, const ww::eval::ExtractionEvalOptions& options) {
  auto report = ww::eval::EvaluateExtraction(dir, options);
  if (!report.ok()) return Fail(report.status());
  fmt::print("{}", ww::eval::FormatExtractionReport(*report, options.diagnostics));
  return kExitOk;
}

int CmdStats(const std::string& db) {
  auto opened = OpenStore(db);
  if (!opened.ok()) return Fail(opened.status());
  auto st = (*opened)->Stats();
  if (!st.ok()) return Fail(st.status());
  fmt::print("archive        {}\nschema         {}\narticles       {}\n"
             "failures       {}\nrelated items  {}\ningest runs    {}\n"
             "analysed       {}\nmentions       {}\ntime exprs     {}\n"
             "linked         {}\nstories        {}\n",
             db, st->schema_version, st->articles, st->failures,
             st->publisher_related, st->runs, st->analysed,
             st->entity_mentions, st->timexes, st->linked, st->stories);
  auto runs = (*opened)->ListRuns(1);
  if (runs.ok() && !runs->empty()) {
    const auto& r = runs->front();
    fmt::print("last run       {} documents: {} stored, {} already present, "
               "{} failed\n",
               r.documents, r.stored, r.duplicates, r.failures);
  }
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "wirewatch: turn raw news pages into a searchable, linked record.\n"
      "Exit codes: 0 ok, 1 usage or fatal error, 2 some documents failed."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "wirewatch 0.1.0");

  std::string db = DefaultDb();
  ww::ingest::IngestOptions opt;
  uint64_t max_doc_bytes = opt.reader.max_doc_bytes;
  int max_depth = opt.extract.max_depth;
  auto add_db = [&](CLI::App* c) {
    c->add_option("--db", db,
                  "archive file (SQLite); default $WIREWATCH_DB or "
                  "./wirewatch.db");
  };
  auto add_limits = [&](CLI::App* c) {
    c->add_option("--max-doc-bytes", max_doc_bytes,
                  "documents larger than this (after gunzip) are recorded as "
                  "failures")
        ->capture_default_str();
    c->add_option("--max-depth", max_depth,
                  "HTML elements nested deeper are flattened into their "
                  "ancestor")
        ->capture_default_str()
        ->check(CLI::Range(8, 100000));
  };

  std::vector<std::string> paths;
  bool quiet = false;
  auto* ingest = app.add_subcommand(
      "ingest", "read pages (files, dirs, -, .gz, JSONL, WARC) into the archive");
  ingest->add_option("paths", paths, "files or directories; - for stdin")
      ->required();
  add_db(ingest);
  add_limits(ingest);
  ingest->add_option("-j,--threads", opt.threads,
                     "parsing threads (0 = all cores; 1 = run inline)")
      ->capture_default_str();
  ingest->add_option("--batch", opt.batch_size, "documents per transaction")
      ->capture_default_str();
  ingest->add_flag("-q,--quiet", quiet, "no progress line, no hints");
  bool no_analyze = false;
  std::string ner_model = DefaultNerModel();
  ingest->add_flag("--no-analyze", no_analyze,
                   "store articles only: no entities, no time expressions");
  ingest->add_option("--model", ner_model, "NER model")->capture_default_str();
  std::string quote_model = DefaultQuoteModel();
  ingest->add_option("--quote-model", quote_model, "attribution model")
      ->capture_default_str();
  bool no_link = false;
  ingest->add_flag("--no-link", no_link,
                   "do not link at ingest (no near-duplicate originals, no "
                   "stories); a later linking run backfills them");

  bool pretty = false;
  auto* extract = app.add_subcommand(
      "extract", "print the Article JSON of each page (nothing is stored)");
  extract->add_option("paths", paths, "files or directories; - for stdin")
      ->required();
  extract->add_flag("--pretty", pretty, "indent the JSON");
  add_limits(extract);

  auto* analyze = app.add_subcommand(
      "analyze",
      "print each page's Article JSON with its analysis (entities, roles, "
      "nationalities, time expressions); nothing is stored");
  analyze->add_option("paths", paths, "files or directories; - for stdin")
      ->required();
  analyze->add_flag("--pretty", pretty, "indent the JSON");
  analyze->add_option("--model", ner_model, "NER model")->capture_default_str();
  analyze->add_option("--quote-model", quote_model, "attribution model")
      ->capture_default_str();
  add_limits(analyze);

  std::string entity_type;
  int64_t top = 30;
  bool entities_json = false;
  auto* entities = app.add_subcommand(
      "entities", "the archive's entities by mention count");
  add_db(entities);
  entities->add_option("--type", entity_type, "PER, ORG, LOC or MISC")
      ->check(CLI::IsMember({"PER", "ORG", "LOC", "MISC"}));
  entities->add_option("--top", top, "how many")->capture_default_str();
  entities->add_flag("--json", entities_json, "one JSON object per line");

  int64_t offset = 0, limit = 20;
  bool json = false;
  auto* list = app.add_subcommand("list", "list stored articles, newest first");
  add_db(list);
  list->add_option("-n,--limit", limit, "how many")->capture_default_str();
  list->add_option("--offset", offset, "skip this many")->capture_default_str();
  list->add_flag("--json", json, "one JSON object per line");

  std::string id;
  bool text_only = false;
  auto* show = app.add_subcommand("show", "print one article (by id or seq)");
  show->add_option("id", id, "article id or seq")->required();
  add_db(show);
  show->add_flag("--text", text_only, "title and text only");

  std::string format = "jsonl", output;
  auto* exp = app.add_subcommand("export", "write every article as JSON Lines");
  add_db(exp);
  exp->add_option("--format", format, "jsonl")->capture_default_str();
  exp->add_option("-o,--output", output, "file (default stdout)");

  int k = 4;
  bool publisher = false;
  auto* related = app.add_subcommand(
      "related",
      "print the related-articles widget of an article, computed from the "
      "archive, in the seed page's JSON shape");
  related->add_option("id", id, "article id or seq")->required();
  related->add_option("-k", k, "at most this many items")->capture_default_str();
  related->add_flag("--publisher", publisher,
                    "the publisher's own widget recovered from the page");
  add_db(related);

  std::string query;
  size_t search_k = 10;
  auto* search = app.add_subcommand(
      "search",
      "BM25 full-text search: words, \"phrases\", OR, -word / NOT word, "
      "prefix*, site:, lang:, entity:, from:YYYY-MM-DD, to:YYYY-MM-DD");
  search->add_option("query", query, "the query")->required();
  search->add_option("-n,--limit", search_k, "hits")->capture_default_str();
  search->add_flag("--json", json, "JSON output");
  add_db(search);

  size_t stories_limit = 20;
  bool stories_recent = false;
  auto* stories = app.add_subcommand(
      "stories",
      "stories clustered at ingest, largest first (with labels: key terms | "
      "entities)");
  stories->add_option("-n,--limit", stories_limit, "how many")
      ->capture_default_str();
  stories->add_flag("--recent", stories_recent,
                    "most recently active first (by last day)");
  stories->add_flag("--json", json, "one JSON object per line");
  add_db(stories);

  ww::store::ClaimFilter claim_filter;
  std::string claims_by;
  bool claims_csv = false;
  auto* claims = app.add_subcommand(
      "claims",
      "the count-claims ledger: who claimed how many of what, when, with "
      "filters; --by origin|subject for the aggregate view");
  add_db(claims);
  claims->add_option("--subject", claim_filter.subject,
                     "counted subject, singular (militant)");
  claims->add_option("--event", claim_filter.event,
                     "KILL, WOUND, ARREST, KIDNAP, PROTEST, DISPLACE, DEPLOY, "
                     "EMPLOY, AFFECT, OTHER");
  claims->add_option("--origin", claim_filter.origin, "country or region");
  claims->add_option("--location", claim_filter.location, "where");
  claims->add_option("--source", claim_filter.source,
                     "who claims it (substring)");
  claims->add_option("--from", claim_filter.from,
                     "claims whose time ends on or after (YYYY[-MM[-DD]])");
  claims->add_option("--to", claim_filter.to,
                     "claims whose time starts on or before (YYYY[-MM[-DD]])");
  claims->add_flag("--all", claim_filter.include_negated,
                   "include negated and hypothetical claims");
  claims->add_option("--by", claims_by, "aggregate per origin or subject")
      ->check(CLI::IsMember({"origin", "subject"}));
  claims->add_flag("--csv", claims_csv, "CSV with provenance");
  claims->add_option("-n,--limit", claim_filter.limit)->capture_default_str();

  auto* failures = app.add_subcommand("failures", "list recorded failures");
  add_db(failures);
  int64_t flimit = 100;
  failures->add_option("-n,--limit", flimit, "how many")->capture_default_str();

  auto* stats = app.add_subcommand("stats", "summarise the archive");
  add_db(stats);

  ww::apps::ServeOptions serve_opt;
  auto* serve = app.add_subcommand(
      "serve", "serve the archive's JSON API and web UI over HTTP (docs/http-api.md)");
  add_db(serve);
  serve->add_option("--port", serve_opt.port, "TCP port (0: any free port)")
      ->capture_default_str();
  serve->add_option("--bind", serve_opt.bind,
                    "address to listen on (loopback by default)")
      ->capture_default_str();
  serve->add_option("--threads", serve_opt.threads, "request threads")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  std::string token_file;
  serve->add_option("--token-file", token_file,
                    "enable POST /api/ingest, guarded by the bearer token in "
                    "this file (else $WIREWATCH_TOKEN; neither: writes off)");
  serve->add_option("--model", serve_opt.ner_model,
                    "NER model for ingested articles")
      ->default_str(DefaultNerModel());
  serve_opt.quote_model = DefaultQuoteModel();
  serve->add_option("--quote-model", serve_opt.quote_model,
                    "attribution model for ingested articles")
      ->capture_default_str();
  serve->add_option("--max-body-bytes", serve_opt.max_body_bytes,
                    "largest request body except an ingest (413 above)")
      ->capture_default_str();
  serve->add_option("--max-ingest-bytes", serve_opt.max_ingest_bytes,
                    "largest POST /api/ingest body (413 above)")
      ->capture_default_str();
  serve->add_option("--time-limit-ms", serve_opt.time_limit_ms,
                    "store work allowed per request, 503 beyond (0: none)")
      ->capture_default_str()
      ->check(CLI::Range(0, 600000));
  serve->add_option("--rate-limit", serve_opt.rate_limit,
                    "requests per second per client address (0: unlimited)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1e9));
  serve->add_option("--rate-burst", serve_opt.rate_burst,
                    "requests a client may send at once")
      ->capture_default_str()
      ->check(CLI::Range(1.0, 1e9));
  serve->add_flag("--rate-limit-loopback", serve_opt.rate_limit_loopback,
                  "apply the rate limit to loopback clients too");
  serve->add_option("--refresh-seconds", serve_opt.refresh_seconds,
                    "look for articles ingested by other processes this "
                    "often (0: never)")
      ->capture_default_str()
      ->check(CLI::Range(0, 86400));
  serve->add_option("--web", serve_opt.web_dir,
                    "the built web UI to serve at / (default: "
                    "<binary>/../web/dist, then ./web/dist)");

  auto* eval = app.add_subcommand(
      "eval", "score a stage against a gold-annotated dataset");
  eval->require_subcommand(1);
  std::string timeml_dir;
  bool diagnostics = false;
  auto* eval_timex = eval->add_subcommand(
      "timex",
      "TempEval-3 Task A scores (strict/relaxed extent F1, type accuracy, "
      "value F1) on a directory of TimeML .tml files");
  eval_timex->add_option("--timeml", timeml_dir, "directory of .tml files")
      ->required()
      ->check(CLI::ExistingDirectory);
  eval_timex->add_flag("--diagnostics", diagnostics,
                       "list missed, spurious and wrong-value timexes");
  std::string timex_system_dir;
  eval_timex
      ->add_option("--system", timex_system_dir,
                   "score another tagger's TimeML output (same relative "
                   "paths as --timeml) instead of running ours")
      ->check(CLI::ExistingDirectory);

  std::string newsquant_file;
  auto* eval_quantities = eval->add_subcommand(
      "quantities",
      "NewsQuant scores (value, value+unit, value+change, value+concept F1)");
  eval_quantities->add_option("--newsquant", newsquant_file,
                              "NewsQuant JSON file")
      ->required()
      ->check(CLI::ExistingFile);
  eval_quantities->add_flag("--diagnostics", diagnostics,
                            "list missed, spurious and wrong-change values");

  std::string polnear_dir;
  auto* eval_quotes = eval->add_subcommand(
      "quotes",
      "PolNeAR attribution scores (content span P/R/F1 exact and overlap, "
      "source and cue agreement on matched relations)");
  eval_quotes->add_option("--polnear", polnear_dir,
                          "PolNeAR split directory (attributions/, text/)")
      ->required()
      ->check(CLI::ExistingDirectory);
  eval_quotes->add_flag("--diagnostics", diagnostics,
                        "list missed and spurious content spans");
  std::string eval_quote_model = DefaultQuoteModel();
  eval_quotes->add_option("--model", eval_quote_model,
                          "attribution model (\"\" = rules only)")
      ->capture_default_str();

  std::string claims_gold, claims_ner = DefaultNerModel(),
                           claims_quote_model = DefaultQuoteModel();
  auto* eval_claims = eval->add_subcommand(
      "claims",
      "count-claim P/R/F1 (quantity spans overlapping one-to-one) and "
      "per-field accuracy on matched claims, running the full analysis on "
      "gold JSON Lines items (testdata/claims/README.md)");
  eval_claims->add_option("--gold", claims_gold, "gold JSON Lines file")
      ->required()
      ->check(CLI::ExistingFile);
  eval_claims->add_flag("--diagnostics", diagnostics,
                        "list missed and spurious claims and wrong fields");
  eval_claims->add_option("--model", claims_ner, "NER model")
      ->capture_default_str();
  eval_claims->add_option("--quote-model", claims_quote_model,
                          "attribution model (\"\" = rules only)")
      ->capture_default_str();

  std::string conll, model_path = DefaultNerModel();
  bool eval_json = false;
  auto* eval_ner = eval->add_subcommand(
      "ner",
      "entity-level exact-match P/R/F1 per type (conlleval semantics) on a "
      "CoNLL-2003 file");
  eval_ner->add_option("--conll", conll, "CoNLL file (IOB1 or IOB2 tags)")
      ->required()
      ->check(CLI::ExistingFile);
  eval_ner->add_option("--model", model_path, "NER model")
      ->capture_default_str();
  eval_ner->add_flag("--json", eval_json, "print the report as JSON");

  std::string ecb_dir;
  auto* eval_stories = eval->add_subcommand(
      "stories",
      "related-article precision@5 and MAP, story clustering B-cubed, "
      "V-measure and ARI on ECB+ topic folders");
  eval_stories->add_option("--ecb", ecb_dir, "ECB+ directory (topic folders)")
      ->required()
      ->check(CLI::ExistingDirectory);

  auto* train = app.add_subcommand("train", "train a model");
  train->require_subcommand(1);
  std::string dev_path, train_out, clusters;
  ww::analyze::NerTrainOptions train_opt;
  train_opt.epochs = 7;
  auto* train_ner = train->add_subcommand(
      "ner",
      "train the NER model (deterministic: the same data and flags give the "
      "same bytes)");
  train_ner->add_option("--conll", conll, "training file (CoNLL-2003)")
      ->required()
      ->check(CLI::ExistingFile);
  train_ner->add_option("--dev", dev_path, "dev file, scored after each epoch");
  train_ner->add_option("--out", train_out, "model file to write")->required();
  train_ner->add_option("--epochs", train_opt.epochs)->capture_default_str();
  train_ner->add_option("--seed", train_opt.seed)->capture_default_str();
  train_ner->add_option("--min-count", train_opt.min_feature_count,
                        "drop features seen fewer times")
      ->capture_default_str();
  train_ner->add_option("--clusters", clusters,
                        "word clusters file (word<TAB>class ids, as models/word-clusters.tsv)");
  std::string quotes_polnear;
  ww::analyze::QuoteTrainOptions quote_train_opt;
  auto* train_quotes = train->add_subcommand(
      "quotes",
      "train the attribution cue tagger on PolNeAR (deterministic: the same "
      "data and flags give the same bytes)");
  train_quotes->add_option("--polnear", quotes_polnear,
                           "PolNeAR training split (attributions/, text/)")
      ->required()
      ->check(CLI::ExistingDirectory);
  int quote_cv_folds = 0;
  train_quotes->add_option("-o,--out", train_out,
                           "model file to write (required unless --cv)");
  train_quotes->add_option("--cv", quote_cv_folds,
                           "instead of training one model, print the scores "
                           "of K-fold cross-validation over the articles")
      ->check(CLI::Range(2, 20));
  train_quotes->add_option("--epochs", quote_train_opt.epochs)
      ->capture_default_str();
  train_quotes->add_option("--seed", quote_train_opt.seed)->capture_default_str();
  train_quotes->add_option("--min-starter-rate", quote_train_opt.min_starter_rate,
                           "a word may begin a cue when it began this share "
                           "of its training occurrences")
      ->capture_default_str();
  train_quotes->add_option("--prune", quote_train_opt.prune_threshold,
                           "drop rows whose largest |weight| is not above this")
      ->capture_default_str();
  train_quotes->add_option("--cue-bias", quote_train_opt.cue_bias,
                           "added to every token's cue score at run time "
                           "(stored in the model): recall for precision")
      ->capture_default_str();
  std::vector<std::string> cluster_inputs;
  ww::analyze::ClusterTrainOptions cluster_opt;
  auto* train_clusters = train->add_subcommand(
      "clusters",
      "cluster words by their neighbours in unlabelled text (exchange "
      "algorithm; deterministic) for the taggers' features");
  train_clusters
      ->add_option("inputs", cluster_inputs,
                   "text files, directories of them, or Reuters-21578 .sgm files")
      ->required()
      ->check(CLI::ExistingPath);
  train_clusters->add_option("-o,--out", train_out,
                             "clusters file to write (word, then a class per size)")
      ->required();
  train_clusters->add_option("--sizes", cluster_opt.sizes,
                             "number of classes of each clustering")
      ->delimiter(',')
      ->capture_default_str();
  train_clusters->add_option("--min-count", cluster_opt.min_count,
                             "cluster only words seen this often")
      ->capture_default_str();
  train_clusters->add_option("--max-passes", cluster_opt.max_passes)
      ->capture_default_str();
  std::string dataset_dir;
  ww::eval::ExtractionEvalOptions eval_opt;
  auto* eval_extraction = eval->add_subcommand(
      "extraction",
      "main-text P/R/F1 and title/date/author accuracy of the HTML extractor "
      "on a gold dataset: trafilatura layout (evaldata.json, snippets) or "
      "ScrapingHub layout (ground-truth.json, 4-gram shingles)");
  eval_extraction->add_option("--dataset", dataset_dir, "dataset directory")
      ->required()
      ->check(CLI::ExistingDirectory);
  eval_extraction->add_option("--gold", eval_opt.gold_file,
                              "gold JSON file (default: evaldata.json or "
                              "ground-truth.json in the dataset)");
  eval_extraction->add_option("-j,--threads", eval_opt.threads,
                              "worker threads (0 = all cores)")
      ->capture_default_str();
  eval_extraction->add_option("--max-pages", eval_opt.max_pages,
                              "score only the first N pages (0 = all)");
  eval_extraction->add_flag("--diagnostics", eval_opt.diagnostics,
                            "per page: missed and unwanted snippets, wrong "
                            "titles, dates and authors, time");
  eval_extraction
      ->add_option(
          "--outputs", eval_opt.outputs_file,
          "score another extractor's results instead of ours: JSON Lines "
          "{\"id\", \"text\", \"title\"?, \"published\"?, \"authors\"?, "
          "\"ms\"?} per page (bench/peers/readability.sh writes one)")
      ->check(CLI::ExistingFile);
  add_limits(eval_extraction);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitFatal;
  }
  opt.reader.max_doc_bytes = max_doc_bytes;
  opt.extract.max_depth = max_depth;

  opt.analyze = !no_analyze;
  opt.link = !no_link;
  if (*ingest) return CmdIngest(paths, db, opt, ner_model, quote_model, quiet);
  if (*extract)
    return CmdExtract(paths, opt.reader, opt.extract, pretty, nullptr);
  if (*analyze) {
    auto model = LoadNerModel(ner_model, false);
    auto qmodel = LoadQuoteModel(quote_model, false);
    ww::analyze::ArticleAnalyzer analyzer(model.get(), qmodel.get());
    return CmdExtract(paths, opt.reader, opt.extract, pretty, &analyzer);
  }
  if (*entities) return CmdEntities(db, entity_type, top, entities_json);
  if (*list) return CmdList(db, offset, limit, json);
  if (*show) return CmdShow(db, id, text_only);
  if (*exp) return CmdExport(db, format, output);
  if (*related) return CmdRelated(db, id, k, publisher);
  if (*search) return CmdSearch(db, query, search_k, json);
  if (*stories) return CmdStories(db, stories_limit, stories_recent, json);
  if (*eval_stories) return CmdEvalStories(ecb_dir);
  if (*failures) return CmdFailures(db, flimit);
  if (*claims) return CmdClaims(db, claim_filter, claims_by, claims_csv);
  if (*stats) return CmdStats(db);
  if (*serve) {
    serve_opt.db = db;
    if (serve_opt.ner_model.empty()) serve_opt.ner_model = DefaultNerModel();
    auto token = ReadToken(token_file);
    if (!token.ok()) return Fail(token.status());
    serve_opt.token = std::move(token).value();
    return ww::apps::RunServe(serve_opt);
  }
  if (*eval_timex) {
    return CmdEvalTimex(timeml_dir, diagnostics, timex_system_dir);
  }
  if (*eval_quantities) return CmdEvalQuantities(newsquant_file, diagnostics);
  if (*eval_quotes)
    return CmdEvalQuotes(polnear_dir, eval_quote_model, diagnostics);
  if (*eval_ner) return CmdEvalNer(conll, model_path, eval_json);
  if (*eval_claims)
    return CmdEvalClaims(claims_gold, claims_ner, claims_quote_model,
                         diagnostics);
  if (*train_quotes) {
    if (quote_cv_folds == 0 && train_out.empty())
      return Fail(ww::Status::InvalidArgument("train quotes: -o FILE is required"));
    return CmdTrainQuotes(quotes_polnear, train_out, quote_train_opt, quote_cv_folds);
  }
  if (*train_clusters) return CmdTrainClusters(cluster_inputs, train_out, cluster_opt);
  if (*train_ner)
    return CmdTrainNer(conll, dev_path, train_out, clusters, train_opt);
  if (*eval_extraction) {
    eval_opt.reader = opt.reader;
    eval_opt.extract = opt.extract;
    return CmdEvalExtraction(dataset_dir, eval_opt);
  }
  return kExitFatal;
}

#include "eval/extraction_eval.h"

#include <fmt/core.h>
#include <simdjson.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>

#include "base/utf8.h"
#include "html/strings.h"

namespace wirewatch::eval {
namespace {

namespace fs = std::filesystem;

struct GoldPage {
  std::string id;
  std::string path;  // resolved HTML file, "" if none found
  std::string url;
  std::vector<std::string> with, without;
  std::string body;  // ScrapingHub articleBody
  std::string title, date;
  std::vector<std::string> authors;
  bool has_body = false;
};

std::string FirstExisting(std::initializer_list<fs::path> candidates) {
  std::error_code ec;
  for (const auto& p : candidates) {
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  return "";
}

std::vector<std::string> Strings(simdjson::dom::element e) {
  std::vector<std::string> out;
  std::string_view s;
  if (e.get(s) == simdjson::SUCCESS) {
    out.emplace_back(s);
    return out;
  }
  simdjson::dom::array a;
  if (e.get(a) == simdjson::SUCCESS) {
    for (auto x : a) {
      if (x.get(s) == simdjson::SUCCESS) out.emplace_back(s);
    }
  }
  return out;
}

std::string FirstString(simdjson::dom::object o, std::string_view key) {
  simdjson::dom::element e;
  if (o.at_key(key).get(e) != simdjson::SUCCESS) return "";
  auto v = Strings(e);
  return v.empty() ? "" : v[0];
}

Result<std::vector<GoldPage>> LoadGold(const fs::path& dir,
                                       const fs::path& gold, bool* sh) {
  simdjson::padded_string json;
  if (simdjson::padded_string::load(gold.string()).get(json) !=
      simdjson::SUCCESS) {
    return Status::NotFound("cannot read " + gold.string());
  }
  simdjson::dom::parser parser;
  simdjson::dom::object root;
  if (parser.parse(json).get(root) != simdjson::SUCCESS) {
    return Status::Corruption(gold.string() + ": not a JSON object");
  }
  std::vector<GoldPage> pages;
  *sh = false;
  bool decided = false;
  for (auto kv : root) {
    simdjson::dom::object o;
    if (kv.value.get(o) != simdjson::SUCCESS) continue;
    GoldPage p;
    p.id = std::string(kv.key);
    simdjson::dom::element e;
    bool has_body = o.at_key("articleBody").get(e) == simdjson::SUCCESS;
    if (!decided) {
      *sh = has_body && o.at_key("with").error() != simdjson::SUCCESS;
      decided = true;
    }
    if (*sh) {
      p.has_body = has_body;
      p.body = FirstString(o, "articleBody");
      p.url = FirstString(o, "url");
      p.path = FirstExisting(
          {dir / "html" / (p.id + ".html.gz"), dir / "html" / (p.id + ".html"),
           dir / (p.id + ".html.gz"), dir / (p.id + ".html")});
    } else {
      p.url = p.id;
      std::string file = FirstString(o, "file");
      if (file.empty()) file = p.id;
      p.path =
          FirstExisting({dir / "html" / (file + ".gz"), dir / "html" / file,
                         dir / (file + ".gz"), dir / file});
      if (o.at_key("with").get(e) == simdjson::SUCCESS) p.with = Strings(e);
      if (o.at_key("without").get(e) == simdjson::SUCCESS)
        p.without = Strings(e);
      for (auto& s : p.with) s = CollapseWhitespace(s);
      for (auto& s : p.without) s = CollapseWhitespace(s);
      std::erase(p.with, std::string());
      std::erase(p.without, std::string());
      p.title = FirstString(o, "title");
      p.date = FirstString(o, "date");
      if (o.at_key("author").get(e) == simdjson::SUCCESS)
        p.authors = Strings(e);
      std::erase_if(p.authors, [](const std::string& a) {
        return html::TrimAscii(a).empty();
      });
    }
    pages.push_back(std::move(p));
  }
  return pages;
}

// Another extractor's result for one page
// (ExtractionEvalOptions::outputs_file).
struct PeerOutput {
  Article article;
  double ms = 0;
};

Result<std::unordered_map<std::string, PeerOutput>> LoadOutputs(
    const std::string& file) {
  simdjson::padded_string json;
  if (simdjson::padded_string::load(file).get(json) != simdjson::SUCCESS) {
    return Status::NotFound("cannot read " + file);
  }
  std::unordered_map<std::string, PeerOutput> out;
  simdjson::dom::parser parser;
  simdjson::dom::document_stream lines;
  if (parser.parse_many(json).get(lines) != simdjson::SUCCESS) {
    return Status::Corruption(file + ": not JSON Lines");
  }
  size_t n = 0;
  for (auto line : lines) {
    ++n;
    simdjson::dom::object o;
    if (line.get(o) != simdjson::SUCCESS) {
      return Status::Corruption(file + ": record " + std::to_string(n) +
                                " is not an object");
    }
    PeerOutput p;
    std::string id = FirstString(o, "id");
    p.article.title = FirstString(o, "title");
    p.article.published.value = FirstString(o, "published");
    std::string text = FirstString(o, "text");
    if (!text.empty()) p.article.paragraphs.push_back(std::move(text));
    simdjson::dom::element e;
    if (o.at_key("authors").get(e) == simdjson::SUCCESS)
      p.article.authors = Strings(e);
    double ms = 0;
    if (o.at_key("ms").get(ms) == simdjson::SUCCESS) p.ms = ms;
    if (!id.empty()) out[id] = std::move(p);
  }
  return out;
}

// One page's scored outcome, filled by a worker.
struct Outcome {
  bool failed = false;
  bool empty = false;
  std::string error;
  double ms = 0;
  uint64_t bytes = 0;
  size_t tp = 0, fn = 0, fp = 0, tn = 0;
  ShingleCounts sh;
  double sp = 0, sr = 0, sf = 0;
  PageReport report;
};

double Ratio(double a, double b) { return b > 0 ? a / b : 0; }

// CPU time of the calling thread, in milliseconds: a page's cost without
// the time other processes on a shared machine take from it.
double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 +
         static_cast<double>(ts.tv_nsec) / 1e6;
}

void ScorePage(const GoldPage& g, const Article* a, bool sh_layout,
               Outcome* o) {
  PageReport& r = o->report;
  std::string text = a ? a->Text() : std::string();
  if (sh_layout) {
    o->sh = MatchShingles(g.body, text);
    const auto& c = o->sh;
    if (c.tp + c.fp + c.fn == 0) {
      o->sp = o->sr = o->sf = 1;
    } else {
      o->sp = Ratio(c.tp, c.tp + c.fp);
      o->sr = Ratio(c.tp, c.tp + c.fn);
      o->sf = Ratio(2.0 * c.tp, 2.0 * c.tp + c.fp + c.fn);
    }
    r.shingle_f1 = o->sf;
  } else {
    std::string flat = CollapseWhitespace(text);
    for (const auto& w : g.with) {
      if (!flat.empty() && flat.find(w) != std::string::npos) {
        ++o->tp;
      } else {
        ++o->fn;
        r.missed.push_back(w);
      }
    }
    for (const auto& w : g.without) {
      if (!flat.empty() && flat.find(w) != std::string::npos) {
        ++o->fp;
        r.unwanted.push_back(w);
      } else {
        ++o->tn;
      }
    }
  }
  if (!g.title.empty() && !html::TrimAscii(g.title).empty()) {
    r.gold_title = g.title;
    r.title = a ? a->title : "";
    r.title_ok = a && NormalizeForMatch(r.title) == NormalizeForMatch(g.title);
  }
  if (!g.date.empty()) {
    r.gold_date = g.date;
    r.date = a ? a->published.value : "";
    r.date_source = a ? a->published.source : "";
    r.date_ok = r.date.size() >= 10 && g.date.size() >= 10 &&
                r.date.compare(0, 10, g.date, 0, 10) == 0;
  }
  if (!g.authors.empty()) {
    for (const auto& s : g.authors) {
      if (!r.gold_author.empty()) r.gold_author += "; ";
      r.gold_author += s;
    }
    if (a) {
      for (const auto& s : a->authors) {
        if (!r.authors.empty()) r.authors += "; ";
        r.authors += s;
      }
      r.author_ok = AuthorSet(a->authors) == AuthorSet(g.authors);
    }
  }
}

void AppendUtf8(const icu::UnicodeString& u, std::string* out) {
  out->clear();
  u.toUTF8String(*out);
}

}  // namespace

std::string NormalizeForMatch(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_SUCCESS(err)) {
    icu::UnicodeString n = nfc->normalize(u, err);
    if (U_SUCCESS(err)) u = n;
  }
  u.foldCase();
  // Collapse whitespace, then strip punctuation and spaces at both ends.
  icu::UnicodeString c;
  bool space = false;
  for (int32_t i = 0; i < u.length();) {
    UChar32 ch = u.char32At(i);
    i += U16_LENGTH(ch);
    // Soft hyphens, zero-width spaces and joiners are invisible: a title
    // is the same with or without them.
    if (u_hasBinaryProperty(ch, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) continue;
    if (u_isUWhiteSpace(ch) || ch == 0xA0) {
      space = !c.isEmpty();
      continue;
    }
    if (space) c.append(UChar32(' '));
    space = false;
    c.append(ch);
  }
  auto strip = [](UChar32 ch) {
    return u_isUWhiteSpace(ch) || u_ispunct(ch) || ch == '"' || ch == '\'' ||
           ch == '`' || u_charType(ch) == U_MATH_SYMBOL;
  };
  int32_t b = 0, e = c.length();
  while (b < e && strip(c.char32At(b))) b += U16_LENGTH(c.char32At(b));
  while (e > b) {
    int32_t p = c.moveIndex32(e, -1);
    if (!strip(c.char32At(p))) break;
    e = p;
  }
  std::string out;
  AppendUtf8(c.tempSubStringBetween(b, e), &out);
  return out;
}

std::vector<std::string> AuthorSet(const std::vector<std::string>& fields) {
  std::vector<std::string> names;
  for (const auto& f : fields) {
    std::string s = " " + CollapseWhitespace(f) + " ";
    for (const char* sep : {",", ";", "&", "|", "/", "\n"}) {
      for (size_t p = s.find(sep); p != std::string::npos;
           p = s.find(sep, p + 1)) {
        s.replace(p, std::string_view(sep).size(), " \x01 ");
      }
    }
    for (const char* word :
         {" and ", " und ", " et ", " y ", " AND ", " UND "}) {
      for (size_t p = s.find(word); p != std::string::npos;
           p = s.find(word, p + 1)) {
        s.replace(p, std::string_view(word).size(), " \x01 ");
      }
    }
    size_t b = 0;
    while (b <= s.size()) {
      size_t e = s.find('\x01', b);
      if (e == std::string::npos) e = s.size();
      std::string n = NormalizeForMatch(std::string_view(s).substr(b, e - b));
      for (const char* pre : {"by ", "von ", "par ", "por "}) {
        if (n.rfind(pre, 0) == 0) n = n.substr(std::string_view(pre).size());
      }
      if (!n.empty()) names.push_back(std::move(n));
      b = e + 1;
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

ShingleCounts MatchShingles(std::string_view gold, std::string_view output,
                            int n) {
  auto tokens = [](std::string_view s) {
    std::vector<std::string_view> t;
    int32_t i = 0, len = static_cast<int32_t>(s.size());
    int32_t start = -1;
    while (i < len) {
      int32_t at = i;
      UChar32 c;
      U8_NEXT(s.data(), i, len, c);
      bool word = c >= 0 && (u_isalnum(c) || c == '_');
      if (word && start < 0) start = at;
      if (!word && start >= 0) {
        t.push_back(s.substr(static_cast<size_t>(start),
                             static_cast<size_t>(at - start)));
        start = -1;
      }
    }
    if (start >= 0) t.push_back(s.substr(static_cast<size_t>(start)));
    return t;
  };
  auto shingles = [&](std::string_view s) {
    std::unordered_map<std::string, size_t> m;
    auto t = tokens(s);
    size_t count = t.size() >= static_cast<size_t>(n) ? t.size() - n + 1
                                                      : (t.empty() ? 0 : 1);
    for (size_t i = 0; i < count; ++i) {
      std::string key;
      for (size_t k = i; k < i + static_cast<size_t>(n) && k < t.size(); ++k) {
        if (k > i) key += ' ';
        key.append(t[k]);
      }
      ++m[key];
    }
    return m;
  };
  auto g = shingles(gold);
  auto o = shingles(output);
  ShingleCounts c;
  for (const auto& [k, gc] : g) {
    auto it = o.find(k);
    size_t oc = it == o.end() ? 0 : it->second;
    c.tp += std::min(gc, oc);
    c.fn += gc > oc ? gc - oc : 0;
  }
  for (const auto& [k, oc] : o) {
    auto it = g.find(k);
    size_t gc = it == g.end() ? 0 : it->second;
    c.fp += oc > gc ? oc - gc : 0;
  }
  return c;
}

Result<ExtractionEvalReport> EvaluateExtraction(
    const std::string& dir_name, const ExtractionEvalOptions& options) {
  const auto t_start = std::chrono::steady_clock::now();
  fs::path dir(dir_name);
  fs::path gold =
      options.gold_file.empty() ? fs::path() : fs::path(options.gold_file);
  if (gold.empty()) {
    for (const char* name : {"evaldata.json", "ground-truth.json"}) {
      std::error_code ec;
      if (fs::is_regular_file(dir / name, ec)) {
        gold = dir / name;
        break;
      }
    }
  }
  if (gold.empty()) {
    return Status::NotFound(dir_name +
                            ": no evaldata.json or ground-truth.json");
  }
  bool sh_layout = false;
  ASSIGN_OR_RETURN(std::vector<GoldPage> pages,
                   LoadGold(dir, gold, &sh_layout));
  if (options.max_pages > 0 && pages.size() > options.max_pages)
    pages.resize(options.max_pages);

  ExtractionEvalReport rep;
  rep.layout = sh_layout ? "scrapinghub" : "trafilatura";
  int threads =
      options.threads > 0
          ? options.threads
          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = std::max(
      1, std::min<int>(threads,
                       static_cast<int>(std::max<size_t>(pages.size(), 1))));
  rep.threads = threads;

  std::unordered_map<std::string, PeerOutput> peer;
  if (!options.outputs_file.empty()) {
    ASSIGN_OR_RETURN(peer, LoadOutputs(options.outputs_file));
    rep.from_outputs = true;
  }

  std::vector<Outcome> outcomes(pages.size());
  std::atomic<size_t> next{0};
  auto worker = [&]() {
    html::Extractor extractor(options.extract);
    RawDoc doc;
    for (size_t i = next++; i < pages.size(); i = next++) {
      const GoldPage& g = pages[i];
      Outcome& o = outcomes[i];
      o.report.id = g.id;
      o.report.path = g.path;
      std::optional<Result<Article>> result;
      if (rep.from_outputs) {
        auto it = peer.find(g.id);
        if (it == peer.end()) {
          o.error = "no output for this page";
        } else {
          result.emplace(it->second.article);
          o.ms = it->second.ms;
        }
      } else if (g.path.empty()) {
        o.error = "no HTML file found";
      } else {
        auto reader = input::DocReader::Open({g.path}, options.reader);
        if (!reader.ok()) {
          o.error = reader.status().ToString();
        } else if (!(*reader)->Next(&doc)) {
          o.error = "no document read";
        } else if (doc.failed()) {
          o.error = doc.failure;
        } else {
          if (doc.url.empty()) doc.url = g.url;
          o.bytes = doc.text.size();
          const double t0 = ThreadCpuMs();
          result.emplace(extractor.Extract(doc));
          o.ms = ThreadCpuMs() - t0;
          if (!result->ok()) o.error = result->status().ToString();
        }
      }
      const Article* a = result && result->ok() ? &result->value() : nullptr;
      o.failed = a == nullptr;
      o.empty = a != nullptr && a->paragraphs.empty();
      ScorePage(g, a, sh_layout, &o);
      o.report.error = o.error;
      o.report.extract_ms = o.ms;
    }
  };
  if (threads == 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
  }

  ShingleCounts micro;
  double sp = 0, sr = 0, sf = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    Outcome& o = outcomes[i];
    ++rep.pages;
    rep.failed += o.failed;
    rep.empty += o.empty;
    rep.tp += o.tp;
    rep.fn += o.fn;
    rep.fp += o.fp;
    rep.tn += o.tn;
    micro.tp += o.sh.tp;
    micro.fp += o.sh.fp;
    micro.fn += o.sh.fn;
    sp += o.sp;
    sr += o.sr;
    sf += o.sf;
    const PageReport& r = o.report;
    if (!r.gold_title.empty()) {
      ++rep.title_gold;
      rep.title_ok += r.title_ok;
    }
    if (!r.gold_date.empty()) {
      ++rep.date_gold;
      rep.date_ok += r.date_ok;
      rep.date_found += !r.date.empty();
    }
    if (!r.gold_author.empty()) {
      ++rep.author_gold;
      rep.author_ok += r.author_ok;
    }
    rep.bytes += o.bytes;
    rep.extract_seconds += o.ms / 1000;
    if (o.ms > rep.slowest_ms) {
      rep.slowest_ms = o.ms;
      rep.slowest_page = r.path;
    }
    if (options.diagnostics) rep.page_reports.push_back(std::move(o.report));
  }
  rep.precision = Ratio(rep.tp, rep.tp + rep.fp);
  rep.recall = Ratio(rep.tp, rep.tp + rep.fn);
  rep.f1 = Ratio(2.0 * rep.tp, 2.0 * rep.tp + rep.fp + rep.fn);
  if (sh_layout && rep.pages > 0) {
    rep.shingle_precision = sp / rep.pages;
    rep.shingle_recall = sr / rep.pages;
    rep.shingle_f1 = sf / rep.pages;
    rep.shingle_micro_precision = Ratio(micro.tp, micro.tp + micro.fp);
    rep.shingle_micro_recall = Ratio(micro.tp, micro.tp + micro.fn);
    rep.shingle_micro_f1 =
        Ratio(2.0 * micro.tp, 2.0 * micro.tp + micro.fp + micro.fn);
  }
  rep.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t_start)
          .count();
  return rep;
}

std::string FormatExtractionReport(const ExtractionEvalReport& r,
                                   bool diagnostics) {
  std::string out;
  auto acc = [](size_t ok, size_t n) {
    return fmt::format("{:.3f} ({}/{})", Ratio(ok, n), ok, n);
  };
  if (diagnostics) {
    for (const PageReport& p : r.page_reports) {
      bool wrong_meta = (!p.gold_title.empty() && !p.title_ok) ||
                        (!p.gold_date.empty() && !p.date_ok) ||
                        (!p.gold_author.empty() && !p.author_ok);
      bool bad = !p.error.empty() || !p.missed.empty() || !p.unwanted.empty() ||
                 wrong_meta || (p.shingle_f1 >= 0 && p.shingle_f1 < 0.9);
      if (!bad) continue;
      out +=
          fmt::format("== {}  ({})  {:.1f} ms\n", p.id, p.path, p.extract_ms);
      if (!p.error.empty()) out += fmt::format("  error: {}\n", p.error);
      if (p.shingle_f1 >= 0)
        out += fmt::format("  shingle F1 {:.3f}\n", p.shingle_f1);
      for (const auto& s : p.missed) out += fmt::format("  missed:   {}\n", s);
      for (const auto& s : p.unwanted)
        out += fmt::format("  unwanted: {}\n", s);
      if (!p.gold_title.empty() && !p.title_ok) {
        out += fmt::format("  title:    \"{}\"  gold \"{}\"\n", p.title,
                           p.gold_title);
      }
      if (!p.gold_date.empty() && !p.date_ok) {
        out += fmt::format("  date:     \"{}\" ({})  gold \"{}\"\n", p.date,
                           p.date_source, p.gold_date);
      }
      if (!p.gold_author.empty() && !p.author_ok) {
        out += fmt::format("  author:   \"{}\"  gold \"{}\"\n", p.authors,
                           p.gold_author);
      }
    }
    out += "\n";
  }
  out += fmt::format(
      "layout       {}\npages        {} ({} failed, {} with empty text)\n",
      r.layout, r.pages, r.failed, r.empty);
  if (r.layout == "scrapinghub") {
    out += fmt::format(
        "main text    4-gram shingles, macro over pages: P {:.3f} R {:.3f} F1 "
        "{:.3f}; micro: "
        "P {:.3f} R {:.3f} F1 {:.3f}\n",
        r.shingle_precision, r.shingle_recall, r.shingle_f1,
        r.shingle_micro_precision, r.shingle_micro_recall, r.shingle_micro_f1);
  } else {
    out += fmt::format(
        "main text    P {:.3f} R {:.3f} F1 {:.3f}  (TP {} FN {} FP {} TN {})\n",
        r.precision, r.recall, r.f1, r.tp, r.fn, r.fp, r.tn);
  }
  if (r.title_gold > 0)
    out += "title        " + acc(r.title_ok, r.title_gold) + "\n";
  if (r.date_gold > 0) {
    out += "date (day)   " + acc(r.date_ok, r.date_gold) +
           fmt::format(", a date found on {}\n", r.date_found);
  }
  if (r.author_gold > 0)
    out += "authors      " + acc(r.author_ok, r.author_gold) + "\n";
  double per_core = r.extract_seconds > 0 ? r.pages / r.extract_seconds : 0;
  if (r.from_outputs) {
    out += fmt::format(
        "speed        the outputs' own times: {:.0f} pages/s per core; slowest "
        "page "
        "{:.1f} ms ({})\n",
        per_core, r.slowest_ms, r.slowest_page);
    return out;
  }
  out += fmt::format(
      "speed        Extract() alone {:.0f} pages/s per core of CPU time "
      "({:.1f} MB/s); "
      "slowest page "
      "{:.1f} ms ({})\n",
      per_core, r.extract_seconds > 0 ? r.bytes / 1e6 / r.extract_seconds : 0,
      r.slowest_ms, r.slowest_page);
  out += fmt::format(
      "wall         {:.2f} s on {} thread(s), reading and decoding included\n",
      r.wall_seconds, r.threads);
  return out;
}

}  // namespace wirewatch::eval

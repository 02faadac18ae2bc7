// Measures the candidate HTML5 parsers (gumbo, myhtml) on the same input.
//
//   html_parsers_bench [--benchmark_filter=Gumbo|Myhtml]   throughput on the
//       trafilatura-eval pages (../shared/data/extraction/trafilatura-eval)
//   html_parsers_bench --robustness                          deep nesting and
//       huge-script pages, each parsed + destroyed in a child process on a
//       thread with an 8 MB stack, so a crash is reported, not fatal.
//
// Both parsers get the same bytes (treated as UTF-8 whatever the charset) and
// do the same work: parse, walk the whole tree with an explicit stack
// counting elements and text bytes, release the tree. Peak memory is the
// process's maxrss after the benchmark minus maxrss after loading the corpus;
// run one parser per process (--benchmark_filter) for a clean number.
// Results and the decision: docs/architecture.md ("HTML parser choice").
#include <benchmark/benchmark.h>
#include <gumbo.h>
#include <myhtml/api.h>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace {

std::vector<std::string> g_pages;
size_t g_total_bytes = 0;
long g_base_rss_kb = 0;

long MaxRssKb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

bool Gunzip(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out->append(buf, n);
  gzclose(f);
  return n == 0;
}

void LoadCorpus() {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(WIREWATCH_SHARED_DATA) / "extraction/trafilatura-eval/html";
  if (!fs::exists(dir)) return;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    std::string s;
    if (Gunzip(p.string(), &s)) {
      g_total_bytes += s.size();
      g_pages.push_back(std::move(s));
    }
  }
}

struct WalkStats {
  size_t elements = 0;
  size_t text_bytes = 0;
};

// --- gumbo ---------------------------------------------------------------
WalkStats GumboWalk(const GumboNode* root) {
  WalkStats st;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) {
      ++st.elements;
      const GumboVector& c = n->v.element.children;
      for (unsigned i = c.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(c.data[i]));
    } else if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
               n->type == GUMBO_NODE_CDATA) {
      st.text_bytes += std::strlen(n->v.text.text);
    }
  }
  return st;
}

WalkStats GumboParseOnce(const std::string& html) {
  GumboOptions opt = kGumboDefaultOptions;
  opt.max_errors = 0;  // error records cost time and memory; we never read them
  GumboOutput* out = gumbo_parse_with_options(&opt, html.data(), html.size());
  WalkStats st = GumboWalk(out->root);
  gumbo_destroy_output(&opt, out);
  return st;
}

// --- myhtml ---------------------------------------------------------------
struct Myhtml {
  myhtml_t* mh = nullptr;
  myhtml_tree_t* tree = nullptr;
  Myhtml() {
    mh = myhtml_create();
    myhtml_init(mh, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0);
    tree = myhtml_tree_create();
    myhtml_tree_init(tree, mh);
  }
  ~Myhtml() {
    myhtml_tree_destroy(tree);
    myhtml_destroy(mh);
  }
};

WalkStats MyhtmlWalk(myhtml_tree_t* tree) {
  WalkStats st;
  std::vector<myhtml_tree_node_t*> stack;
  if (myhtml_tree_node_t* doc = myhtml_tree_get_document(tree)) stack.push_back(doc);
  while (!stack.empty()) {
    myhtml_tree_node_t* n = stack.back();
    stack.pop_back();
    myhtml_tag_id_t tag = myhtml_node_tag_id(n);
    if (tag == MyHTML_TAG__TEXT) {
      size_t len = 0;
      myhtml_node_text(n, &len);
      st.text_bytes += len;
      continue;
    }
    if (tag > MyHTML_TAG__DOCTYPE) ++st.elements;
    // Push children in reverse so they pop in document order.
    size_t mark = stack.size();
    for (myhtml_tree_node_t* c = myhtml_node_child(n); c; c = myhtml_node_next(c)) stack.push_back(c);
    std::reverse(stack.begin() + mark, stack.end());
  }
  return st;
}

WalkStats MyhtmlParseOnce(Myhtml* p, const std::string& html) {
  myhtml_tree_clean(p->tree);
  myhtml_parse(p->tree, MyENCODING_UTF_8, html.data(), html.size());
  return MyhtmlWalk(p->tree);
}

// --- throughput --------------------------------------------------------------
void Report(benchmark::State& state, size_t elements, size_t text) {
  state.SetBytesProcessed(int64_t(state.iterations()) * g_total_bytes);
  state.counters["pages/s"] = benchmark::Counter(double(state.iterations()) * g_pages.size(),
                                                 benchmark::Counter::kIsRate);
  state.counters["elements"] = double(elements);
  state.counters["text_MB"] = double(text) / 1e6;
  state.counters["peak_rss_delta_MB"] = double(MaxRssKb() - g_base_rss_kb) / 1024.0;
}

void BM_Gumbo(benchmark::State& state) {
  size_t elements = 0, text = 0;
  for (auto _ : state) {
    elements = text = 0;
    for (const auto& p : g_pages) {
      WalkStats st = GumboParseOnce(p);
      elements += st.elements;
      text += st.text_bytes;
    }
  }
  Report(state, elements, text);
}

void BM_Myhtml(benchmark::State& state) {
  Myhtml parser;
  size_t elements = 0, text = 0;
  for (auto _ : state) {
    elements = text = 0;
    for (const auto& p : g_pages) {
      WalkStats st = MyhtmlParseOnce(&parser, p);
      elements += st.elements;
      text += st.text_bytes;
    }
  }
  Report(state, elements, text);
}

// --- robustness -------------------------------------------------------------
std::string Nested(const char* open, const char* close, int n) {
  std::string s = "<!doctype html><html><body>";
  for (int i = 0; i < n; ++i) s += open;
  s += "deep text";
  for (int i = 0; i < n; ++i) s += close;
  return s + "</body></html>";
}

std::string BigScript(size_t bytes) {
  std::string s = "<!doctype html><html><head><script>";
  while (s.size() < bytes) s += "var a = '<div><p>' + \"</sc\" + 'ript>'; for (i=0;i<9;i++) x<y;\n";
  return s + "</script></head><body><p>after script</p></body></html>";
}

struct Job {
  const std::string* html;
  bool gumbo;
  WalkStats st;
};

void* RunJob(void* arg) {
  Job* j = static_cast<Job*>(arg);
  if (j->gumbo) {
    j->st = GumboParseOnce(*j->html);
  } else {
    Myhtml p;
    j->st = MyhtmlParseOnce(&p, *j->html);
  }
  return nullptr;
}

// Parses in a forked child on an 8 MB-stack thread; prints one table row.
void RobustCase(const char* name, const std::string& html, bool gumbo) {
  std::fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    alarm(120);
    auto t0 = std::chrono::steady_clock::now();
    Job job{&html, gumbo, {}};
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 8u << 20);
    pthread_t th;
    pthread_create(&th, &attr, RunJob, &job);
    pthread_join(th, nullptr);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("| %-28s | %-6s | ok %8.3f s | %9zu elements | peak rss %6.1f MB |\n", name,
                gumbo ? "gumbo" : "myhtml", s, job.st.elements, MaxRssKb() / 1024.0);
    std::fflush(stdout);
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFSIGNALED(status)) {
    std::printf("| %-28s | %-6s | CRASHED: signal %d (%s) |\n", name, gumbo ? "gumbo" : "myhtml",
                WTERMSIG(status), strsignal(WTERMSIG(status)));
  }
}

int Robustness() {
  struct Case {
    const char* name;
    std::string html;
  };
  std::vector<Case> cases;
  cases.push_back({"100k nested <div>", Nested("<div>", "</div>", 100000)});
  cases.push_back({"100k nested <div> unclosed", Nested("<div>", "", 100000)});
  cases.push_back({"100k nested table/tr/td", Nested("<table><tr><td>", "</td></tr></table>", 100000)});
  cases.push_back({"100k nested <b> (formatting)", Nested("<b>", "</b>", 100000)});
  cases.push_back({"5 MB inline <script>", BigScript(5u << 20)});
  for (const auto& c : cases) {
    RobustCase(c.name, c.html, true);
    RobustCase(c.name, c.html, false);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--robustness") == 0) return Robustness();
  LoadCorpus();
  if (g_pages.empty()) {
    std::fprintf(stderr, "trafilatura-eval pages not found under %s; nothing to measure\n",
                 WIREWATCH_SHARED_DATA);
    return 0;
  }
  std::fprintf(stderr, "loaded %zu pages, %.1f MB\n", g_pages.size(), g_total_bytes / 1e6);
  g_base_rss_kb = MaxRssKb();
  benchmark::RegisterBenchmark("Gumbo", BM_Gumbo)->Unit(benchmark::kMillisecond)->MinTime(3);
  benchmark::RegisterBenchmark("Myhtml", BM_Myhtml)->Unit(benchmark::kMillisecond)->MinTime(3);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

#include "ingest/pipeline.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iterator>
#include <ctime>
#include <map>
#include <memory>
#include <optional>
#include <thread>

#include "base/bounded_queue.h"
#include "ingest/link_state.h"
#include "store/article_id.h"

namespace wirewatch::ingest {
namespace {

using Clock = std::chrono::steady_clock;

struct Work {
  uint64_t seq = 0;
  RawDoc doc;
};

// What one input item became.
struct Outcome {
  uint64_t seq = 0;
  std::string source;
  std::optional<Article> article;
  std::optional<analyze::ArticleAnalysis> analysis;
  store::Failure failure;  // used when !article
  uint64_t bytes = 0;
};

// One worker's reusable stage objects.
struct Stages {
  Stages(const IngestOptions& o)
      : extractor(o.extract),
        analyzer(o.analyze ? std::make_unique<analyze::ArticleAnalyzer>(
                                 o.ner_model, o.quote_model)
                           : nullptr),
        keep_source(static_cast<bool>(o.on_item)) {}
  html::Extractor extractor;
  std::unique_ptr<analyze::ArticleAnalyzer> analyzer;
  bool keep_source;  // an on_item callback wants each item's source
};

Outcome Process(Stages* stages, Work work) {
  html::Extractor* extractor = &stages->extractor;
  Outcome out;
  out.seq = work.seq;
  out.bytes = work.doc.raw_bytes;
  if (stages->keep_source) out.source = work.doc.source;
  if (work.doc.failed()) {
    out.failure = {std::move(work.doc.source), "input",
                   std::move(work.doc.failure), 0};
    return out;
  }
  Result<Article> r = extractor->Extract(work.doc);
  if (!r.ok()) {
    out.failure = {std::move(work.doc.source), "html", r.status().message(), 0};
    return out;
  }
  Article a = std::move(r).value();
  a.warnings.insert(a.warnings.begin(),
                    std::make_move_iterator(work.doc.warnings.begin()),
                    std::make_move_iterator(work.doc.warnings.end()));
  a.id = store::ComputeArticleId(a);
  if (stages->analyzer) {
    analyze::ArticleAnalysis analysis;
    Status st = stages->analyzer->Analyze(a, &analysis);
    if (st.ok()) {
      out.analysis = std::move(analysis);
    } else {
      a.warnings.push_back("analysis failed: " + st.message());
    }
  }
  out.article = std::move(a);
  return out;
}

// Writes outcomes in seq order, batching transactions.
class Writer {
 public:
  Writer(store::Store* store, LinkState* links, size_t batch_size,
         const ProgressFn& progress, double interval,
         input::DocReader* reader, const ItemFn& on_item)
      : on_item_(on_item),
        store_(store),
        links_(links),
        batch_size_(batch_size),
        progress_fn_(progress),
        interval_(interval),
        reader_(reader),
        start_(Clock::now()),
        last_report_(start_) {}

  Status Add(Outcome o) {
    pending_.emplace(o.seq, std::move(o));
    while (!pending_.empty() && pending_.begin()->first == next_seq_) {
      Outcome next = std::move(pending_.begin()->second);
      pending_.erase(pending_.begin());
      ++next_seq_;
      RETURN_IF_ERROR(Write(next));
    }
    return Status::Ok();
  }

  Status Finish() {
    if (in_batch_) {
      RETURN_IF_ERROR(Commit());
      in_batch_ = false;
    }
    Report(true);
    return Status::Ok();
  }

  // Commits what was written so far (used when aborting).
  void Abort() {
    if (in_batch_) (void)Commit();
    in_batch_ = false;
  }

  const Progress& progress() {
    Snapshot();
    return p_;
  }

 private:
  Status Write(const Outcome& o) {
    if (!in_batch_) {
      RETURN_IF_ERROR(store_->BeginBatch());
      in_batch_ = true;
    }
    if (o.article) {
      int64_t seq = 0;
      ASSIGN_OR_RETURN(bool added, store_->PutArticle(*o.article, &seq));
      ++(added ? p_.stored : p_.duplicates);
      if (added && o.analysis)
        RETURN_IF_ERROR(store_->PutAnalysis(seq, *o.analysis));
      if (added && links_) RETURN_IF_ERROR(Link(*o.article, o.analysis, seq));
      if (on_item_) {
        ItemResult r;
        r.kind = added ? ItemResult::kStored : ItemResult::kDuplicate;
        r.source = o.source;
        r.id = o.article->id;
        r.seq = seq;
        r.title = o.article->title;
        on_item_(r);
      }
    } else {
      RETURN_IF_ERROR(store_->PutFailure(o.failure).status());
      ++p_.failures;
      if (on_item_) {
        ItemResult r;
        r.source = o.failure.source;
        r.stage = o.failure.stage;
        r.reason = o.failure.reason;
        on_item_(r);
      }
    }
    ++p_.documents;
    if (++in_batch_count_ >= batch_size_) {
      RETURN_IF_ERROR(Commit());
      in_batch_ = false;
      in_batch_count_ = 0;
    }
    Report(false);
    return Status::Ok();
  }

  // Links a newly stored article with exactly the fields the store gives
  // back to LinkState::Load (ForEachLinkSource), so a rebuild reproduces it.
  Status Link(const Article& a,
              const std::optional<analyze::ArticleAnalysis>& analysis,
              int64_t seq) {
    keys_.clear();
    if (analysis) keys_ = OrderedEntityKeys(*analysis);
    text_ = a.Text();
    store::LinkSource src;
    src.seq = seq;
    src.title = a.title;
    src.text = text_;
    src.published = a.published.value;
    src.site = a.site;
    src.lang = a.lang;
    src.entity_keys = keys_;
    RETURN_IF_ERROR(links_->Add(seq, MakeLinkDoc(links_->size(), src)).status());
    return links_->WriteLastLink(store_);
  }

  // Writes the stories touched in this batch, then commits.
  Status Commit() {
    if (links_) {
      Status st = links_->WriteDirtyStories(store_);
      if (!st.ok()) {
        (void)store_->RollbackBatch();
        return st;
      }
    }
    return store_->CommitBatch();
  }

  void Snapshot() {
    p_.bytes_consumed = reader_->bytes_consumed();
    p_.total_bytes = reader_->total_bytes();
    p_.elapsed_seconds =
        std::chrono::duration<double>(Clock::now() - start_).count();
  }

  void Report(bool final) {
    if (!progress_fn_) return;
    auto now = Clock::now();
    if (!final && std::chrono::duration<double>(now - last_report_).count() <
                      interval_)
      return;
    last_report_ = now;
    Snapshot();
    progress_fn_(p_, final);
  }

  const ItemFn& on_item_;
  store::Store* store_;
  LinkState* links_;  // null: no linking
  std::vector<std::string> keys_;
  std::string text_;
  size_t batch_size_;
  const ProgressFn& progress_fn_;
  double interval_;
  input::DocReader* reader_;
  Clock::time_point start_, last_report_;
  Progress p_;
  std::map<uint64_t, Outcome> pending_;  // results waiting for an earlier seq
  uint64_t next_seq_ = 0;
  bool in_batch_ = false;
  size_t in_batch_count_ = 0;
};

}  // namespace

Result<Progress> Ingest(const std::vector<std::string>& paths,
                        store::Store* store, const IngestOptions& options,
                        const ProgressFn& progress, double interval) {
  ASSIGN_OR_RETURN(std::unique_ptr<input::DocReader> reader,
                   input::DocReader::Open(paths, options.reader));
  return IngestFrom(reader.get(), store, options, progress, interval);
}

Result<Progress> IngestFrom(input::DocReader* reader, store::Store* store,
                            const IngestOptions& options,
                            const ProgressFn& progress, double interval) {
  int threads = options.threads;
  if (threads <= 0)
    threads = std::max(1u, std::thread::hardware_concurrency());
  size_t batch = std::max<size_t>(1, options.batch_size);
  int64_t started = static_cast<int64_t>(std::time(nullptr));
  std::unique_ptr<LinkState> links;
  if (options.link) {
    ASSIGN_OR_RETURN(links, LinkState::Load(store, /*backfill=*/true));
  }
  Writer writer(store, links.get(), batch, progress, interval, reader,
                options.on_item);

  Status status;
  if (threads == 1) {
    Stages stages(options);
    Work w;
    for (uint64_t seq = 0; reader->Next(&w.doc); ++seq) {
      w.seq = seq;
      status = writer.Add(Process(&stages, std::move(w)));
      w = Work();
      if (!status.ok()) break;
    }
  } else {
    BoundedQueue<Work> work(2 * threads + 2);
    BoundedQueue<Outcome> results(4 * threads + 4);
    std::thread read_thread([&] {
      Work w;
      for (uint64_t seq = 0; reader->Next(&w.doc); ++seq) {
        w.seq = seq;
        if (!work.Push(std::move(w))) break;
        w = Work();
      }
      work.Close();
    });
    std::vector<std::thread> workers;
    std::atomic<int> running{threads};
    for (int i = 0; i < threads; ++i) {
      workers.emplace_back([&] {
        Stages stages(options);
        Work w;
        while (work.Pop(&w)) {
          if (!results.Push(Process(&stages, std::move(w)))) break;
        }
        if (--running == 0) results.Close();
      });
    }
    Outcome o;
    while (results.Pop(&o)) {
      status = writer.Add(std::move(o));
      if (!status.ok()) {
        work.Close();
        results.Close();
        break;
      }
    }
    read_thread.join();
    for (auto& t : workers) t.join();
  }
  if (!status.ok()) {
    writer.Abort();
    return status;
  }
  RETURN_IF_ERROR(writer.Finish());
  Progress p = writer.progress();
  store::IngestRun run;
  run.started = started;
  run.finished = static_cast<int64_t>(std::time(nullptr));
  run.documents = static_cast<int64_t>(p.documents);
  run.stored = static_cast<int64_t>(p.stored);
  run.duplicates = static_cast<int64_t>(p.duplicates);
  run.failures = static_cast<int64_t>(p.failures);
  run.bytes = static_cast<int64_t>(p.bytes_consumed);
  RETURN_IF_ERROR(store->PutRun(run).status());
  return p;
}

}  // namespace wirewatch::ingest

// DocReader: the directory walk and the chain of per-input readers.
//
// Open() walks every path at once (so total_bytes() is known for progress)
// into a list of entries; Next() opens them one at a time through
// OpenInput() (input_reader.h). The walk is a depth-first pre-order with an
// explicit stack, entries of each directory sorted bytewise, hidden entries
// (name starting with '.') skipped, and each directory (device, inode)
// expanded once, so symlink loops end.
#include "input/doc_reader.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

#include "input/byte_source.h"
#include "input/charset.h"
#include "input/input_reader.h"

namespace wirewatch::input {
namespace {

struct Entry {
  std::string path;
  std::string failure;  // non-empty: report instead of reading
  uint64_t size = 0;
  int64_t mtime = 0;
  bool is_stdin = false;
  bool is_stream = false;  // FIFO: size unknown
};

std::string CannotOpen(int err) {
  return std::string("cannot open: ") + std::strerror(err);
}

std::string Join(const std::string& dir, const std::string& name) {
  if (!dir.empty() && dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

class Walker {
 public:
  explicit Walker(std::vector<Entry>* out) : out_(out) {}

  void AddPath(const std::string& path) {
    if (path == "-") {
      Entry e;
      e.path = "-";
      e.is_stdin = true;
      out_->push_back(std::move(e));
      return;
    }
    stack_.push_back(path);
    while (!stack_.empty()) {
      std::string p = std::move(stack_.back());
      stack_.pop_back();
      Visit(p);
    }
  }

 private:
  void Visit(const std::string& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      Fail(path, CannotOpen(errno));
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      if (!visited_.insert({st.st_dev, st.st_ino}).second) return;  // loop
      Expand(path);
      return;
    }
    Entry e;
    e.path = path;
    e.mtime = st.st_mtime;
    if (S_ISREG(st.st_mode)) {
      e.size = static_cast<uint64_t>(st.st_size);
    } else if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) {
      e.is_stream = true;  // a pipe or /dev/stdin: read it as a stream
    } else {
      e.failure = "cannot open: not a regular file";
    }
    out_->push_back(std::move(e));
  }

  // Pushes the non-hidden entries of `dir` so that they pop in sorted order.
  void Expand(const std::string& dir) {
    DIR* d = ::opendir(dir.c_str());
    if (d == nullptr) {
      Fail(dir, CannotOpen(errno));
      return;
    }
    std::vector<std::string> names;
    while (struct dirent* de = ::readdir(d)) {
      if (de->d_name[0] == '.') continue;  // hidden, ".", ".."
      names.emplace_back(de->d_name);
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    for (auto it = names.rbegin(); it != names.rend(); ++it) {
      stack_.push_back(Join(dir, *it));
    }
  }

  void Fail(const std::string& path, std::string reason) {
    Entry e;
    e.path = path;
    e.failure = std::move(reason);
    out_->push_back(std::move(e));
  }

  std::vector<Entry>* out_;
  std::vector<std::string> stack_;
  std::set<std::pair<dev_t, ino_t>> visited_;
};

class DocReaderImpl final : public DocReader {
 public:
  DocReaderImpl(std::vector<Entry> entries, const ReaderOptions& options)
      : entries_(std::move(entries)), options_(options) {
    for (const Entry& e : entries_) total_ += e.size;
  }

  bool Next(RawDoc* doc) override {
    for (;;) {
      if (current_ != nullptr) {
        if (current_->Next(doc)) return true;
        current_.reset();
        consumed_done_ += std::max(current_size_, current_read_);
        current_read_ = 0;
        current_size_ = 0;
      }
      if (next_ >= entries_.size()) return false;
      const Entry& e = entries_[next_++];
      if (!e.failure.empty()) {
        ResetDoc(doc);
        doc->source = e.path;
        doc->failure = e.failure;
        return true;
      }
      InputSpec spec;
      spec.source = e.path;
      int fd = 0;
      bool owns = false;
      if (e.is_stdin) {
        spec.size = -1;
      } else {
        spec.name = e.path;
        spec.mtime = e.mtime;
        spec.size = e.is_stream ? -1 : static_cast<int64_t>(e.size);
        fd = ::open(e.path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
          consumed_done_ += e.size;
          ResetDoc(doc);
          doc->source = e.path;
          doc->failure = CannotOpen(errno);
          return true;
        }
        owns = true;
#ifdef POSIX_FADV_SEQUENTIAL
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
      }
      current_size_ = e.size;
      current_ = OpenInput(NewFdSource(fd, owns, &current_read_), spec,
                           options_, &charset_);
    }
  }

  uint64_t total_bytes() const override { return total_; }
  uint64_t bytes_consumed() const override {
    uint64_t cur = current_size_ > 0 ? std::min(current_read_, current_size_)
                                     : current_read_;
    return consumed_done_ + cur;
  }

 private:
  std::vector<Entry> entries_;
  ReaderOptions options_;
  CharsetDecoder charset_;
  std::unique_ptr<InputReader> current_;
  size_t next_ = 0;
  uint64_t total_ = 0;
  uint64_t consumed_done_ = 0;  // inputs finished
  uint64_t current_read_ = 0;   // bytes read from the current input
  uint64_t current_size_ = 0;   // its size (0 for streams)
};

}  // namespace

Result<std::unique_ptr<DocReader>> DocReader::Open(
    const std::vector<std::string>& paths, const ReaderOptions& options) {
  if (paths.empty()) return Status::InvalidArgument("no input paths");
  if (options.max_doc_bytes == 0) {
    return Status::InvalidArgument("max_doc_bytes must be positive");
  }
  std::vector<Entry> entries;
  Walker walker(&entries);
  for (const std::string& p : paths) {
    if (p.empty()) {
      Entry e;
      e.failure = "cannot open: empty path";
      entries.push_back(std::move(e));
      continue;
    }
    walker.AddPath(p);
  }
  return std::unique_ptr<DocReader>(
      std::make_unique<DocReaderImpl>(std::move(entries), options));
}

namespace {

// One in-memory input through the same OpenInput() as files.
class MemoryDocReader : public DocReader {
 public:
  MemoryDocReader(std::string_view data, const InputSpec& spec,
                  const ReaderOptions& options)
      : size_(data.size()) {
    reader_ = OpenInput(NewMemorySource(data), spec, options, &charset_);
  }
  bool Next(RawDoc* doc) override {
    if (reader_ && reader_->Next(doc)) return true;
    reader_.reset();
    return false;
  }
  uint64_t total_bytes() const override { return size_; }
  // The source reads ahead, so only "all" is exact.
  uint64_t bytes_consumed() const override { return reader_ ? 0 : size_; }

 private:
  uint64_t size_;
  CharsetDecoder charset_;  // before reader_, which points at it
  std::unique_ptr<InputReader> reader_;
};

}  // namespace

std::unique_ptr<DocReader> DocReader::OpenMemory(std::string_view data,
                                                 const std::string& source,
                                                 const std::string& name,
                                                 const ReaderOptions& options) {
  InputSpec spec;
  spec.source = source;
  spec.name = name;
  spec.size = static_cast<int64_t>(data.size());
  return std::make_unique<MemoryDocReader>(data, spec, options);
}

}  // namespace wirewatch::input

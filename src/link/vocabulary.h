// Vocabulary: term (or entity key) <-> dense id, with document frequencies.
//
// Terms are looked up by their 64-bit hash (TermHash); the text is kept once
// for labels and debugging. A 64-bit collision merges two terms, which is
// accepted (expected first collision after ~4e9 distinct terms).
//
// Thread-safety: const methods may run concurrently; the mutating ones need
// exclusive access.
#ifndef WIREWATCH_LINK_VOCABULARY_H_
#define WIREWATCH_LINK_VOCABULARY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace wirewatch::link {

class Vocabulary {
 public:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;

  // Returns the id of `term` (hash `hash`), adding it when new.
  uint32_t GetOrAdd(uint64_t hash, std::string_view term) {
    auto [it, inserted] = ids_.try_emplace(hash, size());
    if (inserted) {
      offsets_.push_back(static_cast<uint32_t>(text_.size()));
      text_.append(term);
      df_.push_back(0);
    }
    return it->second;
  }
  uint32_t Find(uint64_t hash) const {
    auto it = ids_.find(hash);
    return it == ids_.end() ? kNone : it->second;
  }
  uint32_t size() const { return static_cast<uint32_t>(df_.size()); }
  // The term's text; valid until the next GetOrAdd().
  std::string_view Text(uint32_t id) const {
    uint32_t end = id + 1 < size() ? offsets_[id + 1]
                                   : static_cast<uint32_t>(text_.size());
    return std::string_view(text_).substr(offsets_[id], end - offsets_[id]);
  }
  uint32_t df(uint32_t id) const { return df_[id]; }
  void AddDf(uint32_t id) { ++df_[id]; }
  size_t MemoryBytes() const {
    // unordered_map node: next pointer + key + value (+ allocator slack).
    return ids_.size() * 32 + ids_.bucket_count() * 8 + text_.capacity() +
           offsets_.capacity() * 4 + df_.capacity() * 4;
  }

 private:
  std::unordered_map<uint64_t, uint32_t> ids_;
  std::string text_;
  std::vector<uint32_t> offsets_;
  std::vector<uint32_t> df_;
};

}  // namespace wirewatch::link

#endif  // WIREWATCH_LINK_VOCABULARY_H_

#include "link/related_index.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>

#include "base/hash.h"

namespace wirewatch::link {
namespace {

constexpr int32_t kNoDay = std::numeric_limits<int32_t>::min();
constexpr uint64_t kEntitySeed = 0x656e7469;  // "enti"
constexpr uint32_t kMaxDocs = 1u << 31;

int32_t ToDay(int64_t day) {
  if (day == kUnknownDay) return kNoDay;
  return static_cast<int32_t>(std::clamp<int64_t>(day, -10000000, 10000000));
}

float Idf(uint32_t df, uint32_t n) {
  return std::log(1.0f + static_cast<float>(n) / static_cast<float>(df));
}

bool HitBefore(const RelatedHit& a, const RelatedHit& b) {
  if (a.score != b.score) return a.score > b.score;
  return a.doc < b.doc;
}

}  // namespace

RelatedIndex::RelatedIndex(RelatedIndexOptions options)
    : options_(options), near_dups_(options.near_dup_resemblance) {
  options_.vector_terms = std::clamp(options_.vector_terms, 1, 255);
  options_.posted_terms =
      std::clamp(options_.posted_terms, 1, options_.vector_terms);
  options_.max_entities = std::clamp(options_.max_entities, 0, 1024);
}

int64_t RelatedIndex::published_day(uint32_t doc) const {
  return day_[doc] == kNoDay ? kUnknownDay : day_[doc];
}

Result<AddInfo> RelatedIndex::Add(const LinkDoc& doc) {
  if (doc.doc != size()) {
    return Status::InvalidArgument("link: document " +
                                   std::to_string(doc.doc) +
                                   " added out of order, expected " +
                                   std::to_string(size()));
  }
  if (size() >= kMaxDocs) {
    return Status::ResourceExhausted("link: related index is full");
  }
  joined_.assign(doc.title);
  joined_.push_back('\n');
  joined_.append(doc.text);
  const AnalyzedText& at = analyzer_.Analyze(joined_, doc.lang);
  const size_t title_end = doc.title.size();

  // Signature over the body when it has words, else over the title.
  size_t first_body = 0;
  while (first_body < at.tokens.size() &&
         at.tokens[first_body].src_end <= title_end) {
    ++first_body;
  }
  std::span<const Token> sig_tokens(at.tokens);
  if (at.tokens.size() - first_body >= 3) sig_tokens = sig_tokens.subspan(first_body);
  AddInfo info;
  MinHashSignature sig;
  const bool has_sig = ComputeMinHash(sig_tokens, &sig);
  info.dup_group = near_dups_.Add(doc.doc, has_sig ? &sig : nullptr,
                                  doc.published_day);
  info.original = near_dups_.original(doc.doc);

  // Term counts: sort token hashes, count runs.
  counts_.clear();
  for (uint32_t i = 0; i < at.tokens.size(); ++i) {
    const Token& t = at.tokens[i];
    uint32_t c = t.src_end <= title_end
                     ? static_cast<uint32_t>(options_.title_boost)
                     : 1u;
    counts_.push_back({t.hash, i, c});
  }
  std::sort(counts_.begin(), counts_.end(),
            [](const TermCount& a, const TermCount& b) {
              return a.hash < b.hash;
            });
  id_tf_.clear();
  for (size_t i = 0; i < counts_.size();) {
    size_t j = i;
    uint32_t tf = 0;
    while (j < counts_.size() && counts_[j].hash == counts_[i].hash) {
      tf += counts_[j].count;
      ++j;
    }
    uint32_t id =
        terms_.GetOrAdd(counts_[i].hash, at.Term(at.tokens[counts_[i].token]));
    terms_.AddDf(id);
    id_tf_.push_back({id, tf});
    i = j;
  }
  if (postings_.size() < terms_.size()) postings_.resize(terms_.size());
  day_.push_back(ToDay(doc.published_day));
  AppendVector(id_tf_);

  // Entities: first max_entities distinct keys, stored ascending.
  const size_t ent_start = ent_id_.size();
  for (const std::string& key : doc.entities) {
    if (ent_id_.size() - ent_start >= static_cast<size_t>(options_.max_entities)) {
      break;
    }
    if (key.empty()) continue;
    uint32_t id = entities_.GetOrAdd(Hash64(key, kEntitySeed), key);
    if (std::find(ent_id_.begin() + ent_start, ent_id_.end(), id) !=
        ent_id_.end()) {
      continue;
    }
    entities_.AddDf(id);
    ent_id_.push_back(id);
  }
  std::sort(ent_id_.begin() + ent_start, ent_id_.end());
  ent_begin_.push_back(static_cast<uint32_t>(ent_id_.size()));
  if (entity_postings_.size() < entities_.size()) {
    entity_postings_.resize(entities_.size());
  }
  for (size_t i = ent_start; i < ent_id_.size(); ++i) {
    entity_postings_[ent_id_[i]].push_back(doc.doc);
  }
  PostVector(doc.doc);
  return info;
}

void RelatedIndex::AppendVector(
    std::span<const std::pair<uint32_t, uint32_t>> id_tf) {
  const uint32_t n = size();
  ranked_.clear();
  for (uint32_t i = 0; i < id_tf.size(); ++i) {
    float w = (1.0f + std::log(static_cast<float>(id_tf[i].second))) *
              Idf(terms_.df(id_tf[i].first), n);
    ranked_.push_back({w, i});
  }
  const size_t keep =
      std::min(ranked_.size(), static_cast<size_t>(options_.vector_terms));
  auto better = [&](const std::pair<float, uint32_t>& a,
                    const std::pair<float, uint32_t>& b) {
    if (a.first != b.first) return a.first > b.first;
    return id_tf[a.second].first < id_tf[b.second].first;
  };
  std::partial_sort(ranked_.begin(), ranked_.begin() + keep, ranked_.end(),
                    better);
  ranked_.resize(keep);
  double norm = 0;
  for (const auto& r : ranked_) norm += static_cast<double>(r.first) * r.first;
  norm = norm > 0 ? std::sqrt(norm) : 1.0;
  std::sort(ranked_.begin(), ranked_.end(), [&](const auto& a, const auto& b) {
    return id_tf[a.second].first < id_tf[b.second].first;
  });
  for (const auto& r : ranked_) {
    vec_term_.push_back(id_tf[r.second].first);
    long q = std::lround(r.first / norm * kWeightScale);
    vec_weight_.push_back(static_cast<uint16_t>(std::clamp(q, 1L, 65535L)));
    tf_.push_back(static_cast<uint8_t>(std::min(id_tf[r.second].second, 255u)));
  }
  vec_begin_.push_back(static_cast<uint32_t>(vec_term_.size()));
}

void RelatedIndex::PostVector(uint32_t doc) {
  auto terms = vector_terms(doc);
  auto weights = vector_weights(doc);
  std::array<std::pair<uint16_t, uint32_t>, 256> top;
  const size_t n = terms.size();
  for (size_t i = 0; i < n; ++i) top[i] = {weights[i], terms[i]};
  const size_t keep = std::min(n, static_cast<size_t>(options_.posted_terms));
  std::partial_sort(top.begin(), top.begin() + keep, top.begin() + n,
                    [](const auto& a, const auto& b) {
                      if (a.first != b.first) return a.first > b.first;
                      return a.second < b.second;
                    });
  for (size_t i = 0; i < keep; ++i) {
    PostingList& list = postings_[top[i].second];
    list.docs.push_back(doc);
    long impact = std::lround(top[i].first / kWeightScale * 255.0f);
    list.impacts.push_back(static_cast<uint8_t>(std::clamp(impact, 1L, 255L)));
  }
}

void RelatedIndex::Reweight() {
  const uint32_t n = size();
  for (PostingList& list : postings_) {
    list.docs.clear();
    list.impacts.clear();
  }
  for (uint32_t d = 0; d < n; ++d) {
    const uint32_t b = vec_begin_[d], e = vec_begin_[d + 1];
    double norm = 0;
    for (uint32_t i = b; i < e; ++i) {
      float w = (1.0f + std::log(static_cast<float>(tf_[i]))) *
                Idf(terms_.df(vec_term_[i]), n);
      norm += static_cast<double>(w) * w;
    }
    norm = norm > 0 ? std::sqrt(norm) : 1.0;
    for (uint32_t i = b; i < e; ++i) {
      float w = (1.0f + std::log(static_cast<float>(tf_[i]))) *
                Idf(terms_.df(vec_term_[i]), n);
      long q = std::lround(w / norm * kWeightScale);
      vec_weight_[i] = static_cast<uint16_t>(std::clamp(q, 1L, 65535L));
    }
    PostVector(d);
  }
}

bool RelatedIndex::Allowed(uint32_t q, uint32_t c,
                           const RelatedOptions& o) const {
  if (c == q) return false;
  if (o.exclude_near_dups && near_dups_.group(c) == near_dups_.group(q)) {
    return false;
  }
  if (o.time_filter == RelatedOptions::TimeFilter::kAny) return true;
  if (o.time_filter == RelatedOptions::TimeFilter::kIngestedBefore) {
    return c < q;
  }
  if (day_[q] == kNoDay || day_[c] == kNoDay) return c < q;
  return static_cast<int64_t>(day_[c]) <=
         static_cast<int64_t>(day_[q]) + o.window_days;
}

double RelatedIndex::Decay(uint32_t q, uint32_t c,
                           const RelatedOptions& o) const {
  if (o.half_life_days <= 0 || day_[q] == kNoDay || day_[c] == kNoDay) {
    return 1.0;
  }
  double delta = std::fabs(static_cast<double>(day_[q]) - day_[c]);
  return o.decay_floor +
         (1.0 - o.decay_floor) * std::exp2(-delta / o.half_life_days);
}

double RelatedIndex::EntityOverlap(uint32_t a, uint32_t b) const {
  auto ea = entity_ids(a), eb = entity_ids(b);
  if (ea.empty() || eb.empty()) return 0;
  size_t i = 0, j = 0, common = 0;
  while (i < ea.size() && j < eb.size()) {
    if (ea[i] < eb[j]) {
      ++i;
    } else if (eb[j] < ea[i]) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  return static_cast<double>(common) /
         std::sqrt(static_cast<double>(ea.size()) * eb.size());
}

double RelatedIndex::Cosine(uint32_t a, uint32_t b) const {
  auto ta = vector_terms(a), tb = vector_terms(b);
  auto wa = vector_weights(a), wb = vector_weights(b);
  size_t i = 0, j = 0;
  double dot = 0;
  while (i < ta.size() && j < tb.size()) {
    if (ta[i] < tb[j]) {
      ++i;
    } else if (tb[j] < ta[i]) {
      ++j;
    } else {
      dot += static_cast<double>(wa[i]) * wb[j];
      ++i;
      ++j;
    }
  }
  return dot / (static_cast<double>(kWeightScale) * kWeightScale);
}

void RelatedIndex::PrepareQuery(uint32_t doc, Scratch* s) const {
  if (s->query_weight.size() < terms_.size()) {
    s->query_weight.resize(terms_.size(), 0.0f);
  }
  auto t = vector_terms(doc);
  auto w = vector_weights(doc);
  for (size_t i = 0; i < t.size(); ++i) s->query_weight[t[i]] = w[i];
}

void RelatedIndex::ClearQuery(uint32_t doc, Scratch* s) const {
  for (uint32_t t : vector_terms(doc)) s->query_weight[t] = 0.0f;
}

double RelatedIndex::ScorePrepared(uint32_t q, uint32_t c,
                                   const RelatedOptions& o,
                                   const Scratch& s) const {
  auto t = vector_terms(c);
  auto w = vector_weights(c);
  double dot = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    dot += static_cast<double>(s.query_weight[t[i]]) * w[i];
  }
  double lex = dot / (static_cast<double>(kWeightScale) * kWeightScale);
  double ent = o.entity_weight > 0 ? EntityOverlap(q, c) : 0.0;
  double score = lex + o.entity_weight * ent;
  if (score <= 0) return 0;
  return score * Decay(q, c, o);
}

double RelatedIndex::Score(uint32_t doc, uint32_t candidate,
                           const RelatedOptions& options,
                           Scratch* scratch) const {
  if (!Allowed(doc, candidate, options)) return 0;
  PrepareQuery(doc, scratch);
  double s = ScorePrepared(doc, candidate, options, *scratch);
  ClearQuery(doc, scratch);
  return s;
}

void RelatedIndex::Gather(uint32_t q, const RelatedOptions& o,
                          Scratch* s) const {
  if (s->acc.size() < size()) s->acc.resize(size(), 0.0f);
  s->touched.clear();
  const uint32_t cap = o.pruning.max_postings_per_term;
  const bool forward_free = o.time_filter == RelatedOptions::TimeFilter::kAny;
  const uint32_t forward_cap_before = std::max<uint32_t>(64, cap / 8);
  auto visit = [&](uint32_t d, float contribution) {
    if (s->acc[d] == 0.0f) s->touched.push_back(d);
    s->acc[d] += contribution;
  };
  // Walks `docs` outwards from q's position: backwards (earlier documents)
  // up to `cap`, forwards up to `cap` keeping only allowed documents.
  auto walk = [&](const std::vector<uint32_t>& docs, auto&& contribution) {
    size_t pos = std::lower_bound(docs.begin(), docs.end(), q) - docs.begin();
    size_t stop = pos > cap ? pos - cap : 0;
    for (size_t i = pos; i > stop; --i) visit(docs[i - 1], contribution(i - 1));
    if (o.time_filter == RelatedOptions::TimeFilter::kIngestedBefore) return;
    // Later-ingested documents are mostly later-published: under kBefore
    // only a short stretch can pass the window, so walk less of it.
    const uint32_t forward_cap = forward_free ? cap : std::min(cap, forward_cap_before);
    size_t seen = 0;
    for (size_t i = pos; i < docs.size() && seen < forward_cap; ++i) {
      uint32_t d = docs[i];
      if (d == q) continue;
      ++seen;
      if (!forward_free && !Allowed(q, d, o)) continue;
      visit(d, contribution(i));
    }
  };

  auto terms = vector_terms(q);
  auto weights = vector_weights(q);
  std::array<std::pair<uint16_t, uint32_t>, 256> top;
  const size_t n = terms.size();
  for (size_t i = 0; i < n; ++i) top[i] = {weights[i], terms[i]};
  const size_t keep =
      std::min(n, static_cast<size_t>(std::max(o.pruning.query_terms, 0)));
  std::partial_sort(top.begin(), top.begin() + keep, top.begin() + n,
                    [](const auto& a, const auto& b) {
                      if (a.first != b.first) return a.first > b.first;
                      return a.second < b.second;
                    });
  for (size_t k = 0; k < keep; ++k) {
    const PostingList& list = postings_[top[k].second];
    const float qw = top[k].first / kWeightScale / 255.0f;
    walk(list.docs, [&](size_t i) { return qw * list.impacts[i]; });
  }
  auto ents = entity_ids(q);
  if (o.entity_weight > 0 && !ents.empty()) {
    const float ew = static_cast<float>(o.entity_weight) / ents.size();
    for (uint32_t e : ents) {
      walk(entity_postings_[e], [&](size_t) { return ew; });
    }
  }
}

void RelatedIndex::Finish(uint32_t q, const RelatedOptions& o,
                          std::vector<RelatedHit>* hits,
                          std::vector<RelatedHit>* out) const {
  std::sort(hits->begin(), hits->end(), HitBefore);
  out->clear();
  for (const RelatedHit& h : *hits) {
    if (out->size() >= o.k) break;
    bool dup = false;
    if (o.exclude_near_dups) {
      const uint32_t g = near_dups_.group(h.doc);
      for (const RelatedHit& kept : *out) {
        if (near_dups_.group(kept.doc) == g) {
          dup = true;
          break;
        }
      }
    }
    if (!dup) out->push_back(h);
  }
  (void)q;
}

void RelatedIndex::Related(uint32_t q, const RelatedOptions& o, Scratch* s,
                           std::vector<RelatedHit>* out) const {
  assert(q < size());
  Gather(q, o, s);
  std::vector<uint32_t>& cand = s->touched;
  if (cand.size() > o.pruning.candidates) {
    // Keep the best partial scores; zero the accumulators of the rest now.
    std::nth_element(cand.begin(), cand.begin() + o.pruning.candidates,
                     cand.end(), [&](uint32_t a, uint32_t b) {
                       if (s->acc[a] != s->acc[b]) return s->acc[a] > s->acc[b];
                       return a < b;
                     });
    for (size_t i = o.pruning.candidates; i < cand.size(); ++i) {
      s->acc[cand[i]] = 0.0f;
    }
    cand.resize(o.pruning.candidates);
  }
  PrepareQuery(q, s);
  s->hits.clear();
  for (uint32_t c : cand) {
    s->acc[c] = 0.0f;
    if (!Allowed(q, c, o)) continue;
    double score = ScorePrepared(q, c, o, *s);
    if (score > 0) s->hits.push_back({c, score});
  }
  ClearQuery(q, s);
  Finish(q, o, &s->hits, out);
}

void RelatedIndex::RoughRelated(uint32_t q, const RelatedOptions& o,
                                Scratch* s,
                                std::vector<RelatedHit>* out) const {
  assert(q < size());
  Gather(q, o, s);
  out->clear();
  for (uint32_t c : s->touched) {
    const float a = s->acc[c];
    s->acc[c] = 0.0f;
    if (a > 0.0f && Allowed(q, c, o)) out->push_back({c, a});
  }
  if (out->size() > o.k) {
    std::partial_sort(out->begin(), out->begin() + o.k, out->end(), HitBefore);
    out->resize(o.k);
  } else {
    std::sort(out->begin(), out->end(), HitBefore);
  }
}

void BruteForceRelated(const RelatedIndex& index, uint32_t q,
                       const RelatedOptions& o, RelatedIndex::Scratch* s,
                       std::vector<RelatedHit>* out) {
  index.PrepareQuery(q, s);
  s->hits.clear();
  for (uint32_t c = 0; c < index.size(); ++c) {
    if (!index.Allowed(q, c, o)) continue;
    double score = index.ScorePrepared(q, c, o, *s);
    if (score > 0) s->hits.push_back({c, score});
  }
  index.ClearQuery(q, s);
  index.Finish(q, o, &s->hits, out);
}

void RelatedIndex::Compact() {
  vec_begin_.shrink_to_fit();
  vec_term_.shrink_to_fit();
  vec_weight_.shrink_to_fit();
  tf_.shrink_to_fit();
  ent_begin_.shrink_to_fit();
  ent_id_.shrink_to_fit();
  day_.shrink_to_fit();
  for (PostingList& p : postings_) {
    p.docs.shrink_to_fit();
    p.impacts.shrink_to_fit();
  }
  for (auto& p : entity_postings_) p.shrink_to_fit();
}

size_t RelatedIndex::MemoryBytes() const {
  size_t bytes = near_dups_.MemoryBytes() + VocabularyBytes();
  bytes += vec_begin_.capacity() * 4 + vec_term_.capacity() * 4 +
           vec_weight_.capacity() * 2 + tf_.capacity() +
           ent_begin_.capacity() * 4 + ent_id_.capacity() * 4 +
           day_.capacity() * 4;
  bytes += postings_.capacity() * sizeof(PostingList);
  for (const PostingList& p : postings_) {
    bytes += p.docs.capacity() * 4 + p.impacts.capacity();
  }
  bytes += entity_postings_.capacity() * sizeof(std::vector<uint32_t>);
  for (const auto& p : entity_postings_) bytes += p.capacity() * 4;
  return bytes;
}

}  // namespace wirewatch::link

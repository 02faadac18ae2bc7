// Features, model file and greedy decoding of the attribution cue tagger;
// the design is described in quote_model.h, training in quote_train.cc,
// golden behaviour in quote_model_test.cc.
#include "analyze/quote_model.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <initializer_list>

#include "analyze/quotes.h"
#include "base/hash.h"

namespace wirewatch::analyze {
namespace {

using text::Token;
using text::TokenKind;

constexpr char kMagic[8] = {'W', 'W', 'Q', 'U', 'O', 'M', 'D', 'L'};
constexpr size_t kHeaderSize = 48;
constexpr size_t kMaxModelBytes = size_t{64} << 20;
constexpr int K = kQuoteLabels;

// SplitMix64 finaliser: spreads template ids and values over 64 bits.
inline uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}
inline uint64_t F1(uint64_t tmpl, uint64_t a) { return Mix(a ^ (tmpl << 56)); }
inline uint64_t F2(uint64_t tmpl, uint64_t a, uint64_t b) {
  return Mix(a ^ Mix(b + (tmpl << 48)));
}

// Template ids. Cue templates are below 64, side templates from 64.
enum : uint64_t {
  kTBias = 1, kTLower, kTPre, kTSuf, kTShape, kTPrev1, kTNext1, kTPrev2,
  kTNext2, kTBiPrev, kTBiNext, kTSkipNext, kTQuoteLex, kTQuoteLower,
  kTLabel, kTLabelLower, kTLex, kTFirstLex, kTPreNext,
  kTShapeNext, kTPred, kTPredNext, kTLowerNext2Pred, kTHistory, kTHistoryPred,
  kSBias = 64, kSFirst, kSLast, kSPre, kSPrev1, kSPrev2, kSNext1, kSNext2,
  kSLastNext, kSPrevFirst, kSFromStart, kSToEnd, kSQuote, kSCloseBefore,
  kSOpenAfter, kSBuckets, kSFirstNext, kSLeftSep, kSRightSep, kSNextShape,
  kSStem, kSLeftSepFirst, kSQuoteSent
};

constexpr uint64_t kBos = 0x5B5B5B5Bull, kEos = 0x5D5D5D5Dull;

uint64_t Bucket(uint32_t n) {
  return n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n <= 5 ? 3 : n <= 10 ? 4 : 5;
}

uint8_t Shape(std::string_view w, TokenKind kind) {
  if (kind != TokenKind::kWord && kind != TokenKind::kAbbrev)
    return static_cast<uint8_t>(16 + static_cast<int>(kind));
  bool up0 = !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
  bool all_up = up0, any_up = false;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') any_up = true;
    if (c >= 'a' && c <= 'z') all_up = false;
  }
  if (all_up && w.size() > 1) return 3;
  if (up0) return 2;
  return any_up ? 4 : 1;
}

// Hash of the ASCII-lowercased bytes, eight at a time: each chunk is
// lowercased in a register (SWAR: bytes 'A'..'Z' get 0x20) and mixed in.
// This runs for every token of every article.
uint64_t LowerHashOf(std::string_view w, uint64_t seed) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  uint64_t h = seed ^ (static_cast<uint64_t>(w.size()) << 48);
  size_t i = 0;
  do {
    uint64_t x = 0;
    const size_t n = std::min<size_t>(8, w.size() - i);
    for (size_t k = 0; k < n; ++k)
      x |= static_cast<uint64_t>(static_cast<unsigned char>(w[i + k])) << (8 * k);
    const uint64_t low7 = x & (kOnes * 0x7F);
    const uint64_t ge_a = low7 + kOnes * (0x80 - 'A');
    const uint64_t gt_z = low7 + kOnes * (0x80 - 'Z' - 1);
    const uint64_t upper = ge_a & ~gt_z & ~x & (kOnes * 0x80);
    x |= upper >> 2;
    h = Mix(h ^ x);
    i += n;
  } while (i < w.size());
  return h;
}

// A crude stem: "claims", "claimed", "claiming" -> "claim"; "denies",
// "denied" -> "deni". It lets rare inflections share their lemma's weights.
std::string_view StemOf(std::string_view w) {
  auto ends = [&](std::string_view suf) {
    if (w.size() < suf.size() + 3) return false;
    for (size_t k = 0; k < suf.size(); ++k)
      if ((w[w.size() - suf.size() + k] | 0x20) != suf[k]) return false;
    return true;
  };
  if (ends("ing")) w.remove_suffix(3);
  else if (ends("ed")) w.remove_suffix(2);
  else if (ends("s") && !ends("ss")) w.remove_suffix(1);
  if (w.size() > 3 && (w.back() | 0x20) == 'e') w.remove_suffix(1);
  return w;
}

// Predicates that attribute content to a source, by semantic class: the
// tagger's features see the class, so what the context says about "blast"
// is learned from "criticize", "slam" and "condemn" as well. Listed as base
// forms: PredicateClassOf adds the regular inflections.
enum PredicateClass : uint8_t {
  kPredNone = 0, kPredSpeech, kPredBelief, kPredJudge, kPredWill,
  kPredEvidence, kPredFeel, kPredNoun
};
struct PredicateGroup {
  PredicateClass cls;
  std::initializer_list<std::string_view> words;
};
const PredicateGroup kPredicates[] = {
    {kPredSpeech,
     {"say", "tell", "add", "state", "write", "explain", "insist", "declare",
      "assert", "announce", "reply", "respond", "stress", "tweet", "post",
      "recall", "remark", "comment", "continue", "warn", "argue", "note",
      "claim", "acknowledge", "admit", "emphasize", "caution", "testify",
      "counter", "concede", "predict", "ask", "urge", "report", "confirm",
      "complain", "mention", "describe", "call", "label", "dub", "characterize",
      "allege", "deny", "repeat", "reiterate", "quip", "joke", "shout", "yell",
      "chant", "sing", "scream", "whisper", "speak", "talk", "discuss",
      "address", "answer", "question", "inform", "notify", "advise",
      "proclaim", "boast", "brag", "promise", "vow", "pledge",
      "swear", "threaten", "interject", "retort", "mutter", "lament",
      "disclose", "reveal", "point", "observe", "suggest",
      "propose", "recommend", "contend", "maintain", "affirm", "assure",
      "reassure", "agree", "disagree", "dispute", "refer", "cite", "quote",
      "echo", "summarize", "characterise", "emphasise", "tout", "pitch"}},
    {kPredBelief,
     {"believe", "think", "know", "doubt", "suspect", "assume", "expect",
      "estimate", "consider", "feel", "guess", "imagine", "presume",
      "reckon", "understand", "realize", "recognize", "see", "view", "deem",
      "judge", "conclude", "determine", "figure", "predict", "forecast",
      "anticipate", "speculate", "wonder", "learn", "hear", "remember",
      "forget", "decide", "seem", "appear", "regard", "perceive"}},
    {kPredJudge,
     {"criticize", "criticise", "condemn", "denounce", "blast", "slam",
      "attack", "praise", "applaud", "commend", "hail", "defend", "accuse",
      "blame", "challenge", "reject", "oppose", "support", "back", "endorse",
      "favor", "favour", "welcome", "celebrate", "mock", "ridicule", "deride",
      "dismiss", "decry", "lambaste", "chide", "scold", "fault", "rebuke",
      "thank", "congratulate", "apologize", "apologise", "protest", "object",
      "champion", "advocate", "push", "lobby", "campaign", "fight", "target",
      "question", "doubt", "dispute", "contest", "downplay", "tout",
      "promote", "vote", "approve", "disapprove", "veto", "sue", "charge"}},
    {kPredWill,
     {"want", "wish", "hope", "plan", "intend", "seek", "aim", "try",
      "refuse", "decline", "demand", "request", "require", "insist", "vow",
      "pledge", "promise", "offer", "agree", "threaten", "prefer", "need",
      "prepare", "expect", "mean", "order", "direct", "instruct", "invite",
      "encourage", "implore", "beg", "press", "push", "call"}},
    {kPredEvidence,
     {"show", "find", "reveal", "indicate", "suggest", "demonstrate",
      "prove", "confirm", "document", "highlight", "illustrate", "signal",
      "imply", "mean", "point", "detail", "list", "outline", "estimate",
      "project", "calculate", "measure", "count", "record", "rank", "rate"}},
    {kPredFeel,
     {"worry", "fear", "concern", "frustrate", "anger", "outrage", "upset",
      "alarm", "shock", "surprise", "disappoint", "please", "thrill",
      "excite", "trouble", "bother", "annoy", "irritate", "incense",
      "dismay", "horrify", "embarrass", "like", "love", "hate", "dislike",
      "regret", "enjoy", "dread", "relish", "resent"}},
    {kPredNoun,
     {"claim", "statement", "remark", "comment", "allegation", "accusation",
      "assertion", "belief", "view", "opinion", "argument", "promise",
      "pledge", "warning", "criticism", "support", "opposition", "proposal",
      "demand", "request", "report", "study", "poll", "survey", "analysis",
      "estimate", "assessment", "finding", "conclusion", "testimony",
      "interview", "speech", "tweet", "post", "letter", "memo", "email",
      "message", "announcement", "declaration", "admission", "denial",
      "insistence", "suggestion", "recommendation", "prediction", "forecast",
      "stance", "position", "concern", "fear", "hope", "plan",
      "vow", "threat", "question", "answer", "response", "reply", "rhetoric",
      "slogan", "headline", "editorial", "column", "op-ed", "ad", "video",
      "according"}},
};

// Irregular forms the generated inflections miss.
const PredicateGroup kIrregular[] = {
    {kPredSpeech, {"said", "told", "wrote", "written", "spoke", "spoken",
                   "swore", "sworn", "replied", "testified", "denied",
                   "denies", "replies", "testifies", "sang", "sung"}},
    {kPredBelief, {"thought", "knew", "known", "saw", "seen", "felt",
                   "heard", "understood", "forgot", "forgotten"}},
    {kPredWill, {"sought", "meant", "tried", "tries"}},
    {kPredEvidence, {"found", "shown", "implied", "implies"}},
    {kPredFeel, {"worried", "worries"}},
};

// Lowercase hash -> class of every listed word and its regular
// inflections (-s, -es, -ed, -d, -ing, e-dropping -ing) and the irregular
// forms; a word listed in two groups keeps the first.
uint8_t PredicateClassOf(uint64_t lower) {
  static const WordHashTable kTable = [] {
    std::vector<std::pair<uint64_t, uint8_t>> all;
    auto add = [&](std::string_view w, uint8_t c) {
      all.emplace_back(LowerHashOf(w, 11), c);
    };
    for (const PredicateGroup& g : kPredicates) {
      for (std::string_view w : g.words) {
        const std::string base(w);
        for (std::string_view suffix : {"", "s", "es", "ed", "d", "ing"})
          add(base + std::string(suffix), g.cls);
        if (base.size() > 2 && base.back() == 'e')
          add(base.substr(0, base.size() - 1) + "ing", g.cls);
      }
    }
    for (const PredicateGroup& g : kIrregular)
      for (std::string_view w : g.words) add(w, g.cls);
    WordHashTable t;
    t.Assign(all);
    return t;
  }();
  return kTable.Get(lower);
}

// IsCueVerb by lowercase hash (the hash is at hand; the word is not).
bool IsCueVerbHash(uint64_t lower) {
  static const std::vector<uint64_t> kHashes = [] {
    std::vector<uint64_t> v;
    for (std::string_view w : CueVerbs()) v.push_back(LowerHashOf(w, 11));
    std::sort(v.begin(), v.end());
    return v;
  }();
  return std::binary_search(kHashes.begin(), kHashes.end(), lower);
}

template <typename T>
void Put(std::string* out, const T& v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof(T));
}

}  // namespace

bool IsStrayQuoteMark(std::string_view text, std::span<const Token> tokens,
                      uint32_t i) {
  const Token& t = tokens[i];
  if (t.kind != TokenKind::kOpenQuote || t.text(text) != "\"" ||
      !(i == 0 || (t.flags & text::kParagraphBefore)))
    return false;
  for (uint32_t k = i + 1; k < tokens.size(); ++k) {
    if (tokens[k].flags & text::kParagraphBefore) break;
    if (tokens[k].kind == TokenKind::kCloseQuote && tokens[k].text(text) == "\"")
      return false;
  }
  return true;
}

void QuoteFeaturizer::Prepare(std::string_view text,
                              std::span<const Token> tokens,
                              std::span<const text::Sentence> sentences,
                              const StarterTable* starters) {
  starters_ = starters;
  text_ = text;
  toks_ = tokens;
  sents_ = sentences;
  info_.resize(tokens.size());
  bool in_quote = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    Info& in = info_[i];
    in.open_q = t.kind == TokenKind::kOpenQuote &&
                !IsStrayQuoteMark(text, tokens, static_cast<uint32_t>(i));
    in.close_q = t.kind == TokenKind::kCloseQuote;
    // Quote state: a paragraph that does not open with a quote mark ends
    // an unclosed quote.
    if ((t.flags & text::kParagraphBefore) && !in.open_q) in_quote = false;
    if (in.open_q) in_quote = true;
    in.in_quote = in_quote;
    if (in.close_q) in_quote = false;
    in.taggable = t.kind == TokenKind::kWord || t.kind == TokenKind::kAbbrev ||
                  t.kind == TokenKind::kClitic;
    in.detailed = false;
    if (in.open_q || in.close_q) {
      in.lower = in.open_q ? 0x6F71 : 0x6371;  // every quote style alike
    } else {
      in.lower = LowerHashOf(t.text(text), 11);
    }
    in.pred = in.taggable ? PredicateClassOf(in.lower) : uint8_t{0};
    in.sentence = 0;
  }
  sent_quoted_.assign(sentences.size(), 0);
  for (uint32_t s = 0; s < sentences.size(); ++s)
    for (uint32_t t = sentences[s].token_begin;
         t < sentences[s].token_end && t < info_.size(); ++t) {
      info_[t].sentence = s;
      sent_quoted_[s] |= info_[t].open_q || info_[t].close_q;
    }
}

uint8_t QuoteFeaturizer::PredAt(uint32_t i, int d) const {
  uint32_t j;
  return Neighbour(i, d, &j) ? info_[j].pred : uint8_t{0};
}

uint8_t QuoteFeaturizer::ShapeAt(uint32_t i, int d) const {
  uint32_t j;
  if (!Neighbour(i, d, &j)) return 0;
  return Shape(toks_[j].text(text_), toks_[j].kind);
}

namespace {
// 1 comma, 2 colon or semicolon, 3 dash or bracket, 4 quote mark; else 0.
int SepKind(const Token& t, std::string_view text) {
  if (t.kind == TokenKind::kOpenQuote || t.kind == TokenKind::kCloseQuote) return 4;
  if (t.kind == TokenKind::kDash) return 3;
  if (t.kind != TokenKind::kPunct) return 0;
  std::string_view p = t.text(text);
  if (p == ",") return 1;
  if (p == ":" || p == ";") return 2;
  if (p == "(" || p == ")") return 3;
  return 0;
}
}  // namespace

uint64_t QuoteFeaturizer::SepLeft(uint32_t i) const {
  const text::Sentence& s = sents_[info_[i].sentence];
  for (uint32_t d = 1; d <= 8 && i >= s.token_begin + d; ++d)
    if (int k = SepKind(toks_[i - d], text_)) return k * 8 + Bucket(d);
  return 0;
}

uint64_t QuoteFeaturizer::SepRight(uint32_t i) const {
  const text::Sentence& s = sents_[info_[i].sentence];
  const size_t se = std::min<size_t>(s.token_end, info_.size());
  for (uint32_t d = 1; d <= 8 && i + d < se; ++d)
    if (int k = SepKind(toks_[i + d], text_)) return k * 8 + Bucket(d);
  return 0;
}

// Prefix, suffix, shape and lexicon flag: needed only for the few tokens
// the tagger scores, so computed on first use.
const QuoteFeaturizer::Info& QuoteFeaturizer::Detail(uint32_t i) {
  Info& in = info_[i];
  if (in.detailed) return in;
  in.detailed = true;
  const Token& t = toks_[i];
  std::string_view w = t.text(text_);
  in.shape = Shape(w, t.kind);
  if (in.open_q || in.close_q) {
    in.pre = in.suf = in.lower;
    in.lex = 0;
    return in;
  }
  in.pre = LowerHashOf(w.substr(0, std::min<size_t>(5, w.size())), 12);
  in.suf = LowerHashOf(w.substr(w.size() - std::min<size_t>(3, w.size())), 13);
  in.lex = IsCueVerbHash(in.lower) ? 1 : 0;
  return in;
}

bool QuoteFeaturizer::Neighbour(uint32_t i, int d, uint32_t* j) const {
  const text::Sentence& s = sents_[info_[i].sentence];
  const int64_t k = static_cast<int64_t>(i) + d;
  if (k < static_cast<int64_t>(s.token_begin) ||
      k >= static_cast<int64_t>(std::min<size_t>(s.token_end, info_.size())))
    return false;
  *j = static_cast<uint32_t>(k);
  return true;
}

uint64_t QuoteFeaturizer::Ctx(uint32_t i, int d) const {
  uint32_t j;
  if (!Neighbour(i, d, &j)) return d < 0 ? kBos : kEos;
  return info_[j].lower;
}

uint64_t QuoteFeaturizer::StaticKey(uint32_t i, uint8_t prev) const {
  const Token& t = toks_[i];
  return Mix(info_[i].lower ^ (uint64_t{Shape(t.text(text_), t.kind)} << 56) ^
             (uint64_t{info_[i].in_quote} << 52) ^ (uint64_t{prev} << 48));
}

void QuoteFeaturizer::Adopt(uint32_t i, uint64_t pre, uint64_t suf,
                            uint8_t shape, uint8_t lex) {
  Info& in = info_[i];
  if (in.detailed) return;
  in.detailed = true;
  in.shape = shape;
  in.pre = pre;
  in.suf = suf;
  in.lex = lex;
}

void QuoteFeaturizer::StaticCueFeatures(uint32_t i, uint8_t prev,
                                        std::vector<uint64_t>* f) {
  const Info& in = Detail(i);
  f->clear();
  f->push_back(F1(kTBias, 0));
  f->push_back(F1(kTLower, in.lower));
  f->push_back(F1(kTPre, in.pre));
  f->push_back(F1(kTSuf, in.suf));
  f->push_back(F1(kTShape, in.shape));
  f->push_back(F1(kTLex, in.lex));
  f->push_back(F1(kTPred, in.pred));
  f->push_back(F2(kTQuoteLex, in.in_quote, in.lex));
  f->push_back(F2(kTQuoteLower, in.in_quote, in.lower));
  f->push_back(F1(kTLabel, prev));
  f->push_back(F2(kTLabelLower, prev, in.lower));
}

uint32_t CueHistory(uint32_t cues, uint32_t last_end, uint32_t i) {
  if (cues == 0) return 0;
  return std::min<uint32_t>(cues, 2) * 8 + static_cast<uint32_t>(Bucket(i - last_end + 1));
}

void QuoteFeaturizer::DynamicCueFeatures(uint32_t i, uint32_t history,
                                         std::vector<uint64_t>* f) {
  ContextCueFeatures(i, f);
  SmallCueFeatures(i, history, f);
}

uint32_t QuoteFeaturizer::SmallCueKey(uint32_t i, uint32_t history) {
  const Info& in = Detail(i);
  const uint32_t at = static_cast<uint32_t>(Bucket(i - sents_[in.sentence].token_begin));
  return ((at * 2 + in.lex) * 24 + std::min<uint32_t>(history, 23)) * 8 + (in.pred & 7);
}

void QuoteFeaturizer::SmallCueFeatures(uint32_t i, uint32_t history,
                                       std::vector<uint64_t>* f) {
  const Info& in = Detail(i);
  f->push_back(F2(kTFirstLex, Bucket(i - sents_[in.sentence].token_begin), in.lex));
  f->push_back(F1(kTHistory, history));
  f->push_back(F2(kTHistoryPred, history, in.pred));
}

void QuoteFeaturizer::ContextCueFeatures(uint32_t i, std::vector<uint64_t>* f) {
  const Info& in = Detail(i);
  uint64_t p1 = Ctx(i, -1), n1 = Ctx(i, 1), p2 = Ctx(i, -2), n2 = Ctx(i, 2);
  f->clear();
  f->push_back(F1(kTPrev1, p1));
  f->push_back(F1(kTNext1, n1));
  f->push_back(F1(kTPrev2, p2));
  f->push_back(F1(kTNext2, n2));
  f->push_back(F2(kTBiPrev, p1, in.lower));
  f->push_back(F2(kTBiNext, in.lower, n1));
  f->push_back(F2(kTSkipNext, in.lower, n2));
  f->push_back(F2(kTPreNext, in.pre, n1));
  f->push_back(F2(kTShapeNext, in.shape, n1));
  f->push_back(F2(kTPredNext, in.pred, n1));
  // "has been frustrated", "is calling for": the class of the verbs after
  // an auxiliary.
  f->push_back(F2(kTLowerNext2Pred, in.lower, PredAt(i, 1) * 8 + PredAt(i, 2)));
}

void QuoteFeaturizer::CueFeatures(uint32_t i, uint8_t prev, uint32_t history,
                                  std::vector<uint64_t>* f) {
  StaticCueFeatures(i, prev, f);
  std::vector<uint64_t>& dynamic = scratch_;
  DynamicCueFeatures(i, history, &dynamic);
  f->insert(f->end(), dynamic.begin(), dynamic.end());
}

void QuoteFeaturizer::SideFeatures(uint32_t b, uint32_t e,
                                   std::vector<uint64_t>* f) {
  const Info& first = Detail(b);
  const Info& last = Detail(e - 1);
  const text::Sentence& s = sents_[first.sentence];
  uint32_t se = std::min<uint32_t>(s.token_end, static_cast<uint32_t>(info_.size()));
  bool close_before = false, open_after = false;
  for (uint32_t k = b > s.token_begin + 3 ? b - 3 : s.token_begin; k < b; ++k)
    close_before |= info_[k].close_q;
  for (uint32_t k = e; k < se && k < e + 3; ++k) open_after |= info_[k].open_q;
  uint64_t from_start = Bucket(b - s.token_begin);
  uint64_t to_end = Bucket(se > e ? se - e : 0);
  uint64_t n1 = Ctx(e - 1, 1);
  f->clear();
  f->push_back(F1(kSBias, 0));
  f->push_back(F1(kSFirst, first.lower));
  f->push_back(F1(kSLast, last.lower));
  f->push_back(F1(kSPre, first.pre));
  f->push_back(F1(kSPrev1, Ctx(b, -1)));
  f->push_back(F1(kSPrev2, Ctx(b, -2)));
  f->push_back(F1(kSNext1, n1));
  f->push_back(F1(kSNext2, Ctx(e - 1, 2)));
  f->push_back(F2(kSLastNext, last.lower, n1));
  f->push_back(F2(kSPrevFirst, Ctx(b, -1), first.lower));
  f->push_back(F1(kSFromStart, from_start));
  f->push_back(F1(kSToEnd, to_end));
  f->push_back(F1(kSQuote, first.in_quote));
  f->push_back(F1(kSCloseBefore, close_before));
  f->push_back(F1(kSOpenAfter, open_after));
  f->push_back(F2(kSBuckets, from_start, to_end));
  f->push_back(F2(kSFirstNext, first.lower, to_end));
  const uint64_t left = SepLeft(b), right = SepRight(e - 1);
  f->push_back(F2(kSLeftSep, left, right));
  f->push_back(F1(kSRightSep, right));
  f->push_back(F1(kSNextShape, ShapeAt(e - 1, 1)));
  const uint64_t stem = LowerHashOf(StemOf(toks_[b].text(text_)), 14);
  f->push_back(F1(kSStem, stem));
  f->push_back(F2(kSLeftSepFirst, left, stem));
  f->push_back(F1(kSQuoteSent, sent_quoted_[first.sentence]));
}

uint8_t BestCueLabel(const float* scores, uint8_t prev) {
  uint8_t best = kCueO;
  if (scores[kCueB] > scores[best]) best = kCueB;
  if (prev != kCueO && scores[kCueI] > scores[best]) best = kCueI;
  return best;
}

ContentSide BestSide(const float* scores) {
  int best = 0;
  for (int k = 1; k < K; ++k)
    if (scores[k] > scores[best]) best = k;
  return static_cast<ContentSide>(best);
}

void WordHashTable::Assign(
    const std::vector<std::pair<uint64_t, uint8_t>>& entries) {
  const size_t cap = std::bit_ceil(std::max<size_t>(16, entries.size() * 2));
  mask_ = cap - 1;
  keys_.assign(cap, 0);
  values_.assign(cap, 0);
  for (const auto& [h, v] : entries) {
    uint64_t slot = (h ^ (h >> 29)) & mask_;
    while (keys_[slot] != 0 && keys_[slot] != h) slot = (slot + 1) & mask_;
    if (keys_[slot] == h) continue;
    keys_[slot] = h;
    values_[slot] = v;
  }
}

void StarterTable::Assign(std::vector<uint64_t> hashes) {
  hashes_ = std::move(hashes);
  std::vector<std::pair<uint64_t, uint8_t>> entries;
  entries.reserve(hashes_.size());
  for (uint64_t h : hashes_) entries.emplace_back(h, 1);
  table_.Assign(entries);
}

std::unique_ptr<QuoteModel> QuoteModel::Build(std::vector<uint64_t> keys,
                                              const std::vector<float>& rows,
                                              StarterTable starters,
                                              float cue_bias) {
  auto m = std::unique_ptr<QuoteModel>(new QuoteModel());
  m->cue_bias_ = cue_bias;
  m->starters_ = std::move(starters);
  float maxabs = 0;
  for (float w : rows) maxabs = std::max(maxabs, std::fabs(w));
  m->scale_ = maxabs > 0 ? maxabs / 32767.0f : 1.0f;
  m->qweights_.resize(rows.size());
  for (size_t i = 0; i < rows.size(); ++i)
    m->qweights_[i] = static_cast<int16_t>(std::lround(rows[i] / m->scale_));
  m->keys_ = std::move(keys);
  m->BuildIndex();
  return m;
}

void QuoteModel::BuildIndex() {
  // Key and weights share one 16-byte entry: a lookup touches one cache
  // line. Key 0 marks an empty entry (a feature hashing to 0 is dropped).
  size_t cap = std::bit_ceil(std::max<size_t>(16, keys_.size() + keys_.size() / 2));
  mask_ = cap - 1;
  table_.assign(cap, Entry{});
  for (uint32_t r = 0; r < keys_.size(); ++r) {
    if (keys_[r] == 0) continue;
    uint64_t slot = (keys_[r] ^ (keys_[r] >> 29)) & mask_;
    while (table_[slot].key != 0) slot = (slot + 1) & mask_;
    table_[slot].key = keys_[r];
    for (int k = 0; k < K; ++k) table_[slot].w[k] = qweights_[size_t{r} * K + k];
  }
}

void QuoteModel::Score(std::span<const uint64_t> feats, float* scores) const {
  int32_t sum[K] = {0, 0, 0};
  AddRaw(feats, sum);
  for (int k = 0; k < K; ++k) scores[k] += static_cast<float>(sum[k]) * scale_;
}

void QuoteModel::AddRaw(std::span<const uint64_t> feats, int32_t* sum) const {
  // The table is larger than the caches: start every line's load first so
  // the misses overlap instead of queueing behind each probe.
  for (uint64_t key : feats)
    __builtin_prefetch(&table_[(key ^ (key >> 29)) & mask_]);
  for (uint64_t key : feats) {
    uint64_t slot = (key ^ (key >> 29)) & mask_;
    while (true) {
      const Entry& en = table_[slot];
      if (en.key == key) {
        for (int k = 0; k < K; ++k) sum[k] += en.w[k];
        break;
      }
      if (en.key == 0) break;
      slot = (slot + 1) & mask_;
    }
  }
}

std::string QuoteModel::Serialize() const {
  std::string body;
  body.append(reinterpret_cast<const char*>(keys_.data()),
              keys_.size() * sizeof(uint64_t));
  body.append(reinterpret_cast<const char*>(qweights_.data()),
              qweights_.size() * sizeof(int16_t));
  body.append(reinterpret_cast<const char*>(starters_.hashes().data()),
              starters_.size() * sizeof(uint64_t));
  std::string out(kMagic, 8);
  Put(&out, kQuoteModelFormatVersion);
  Put(&out, kQuoteFeatureVersion);
  Put(&out, static_cast<uint32_t>(K));
  Put(&out, static_cast<uint32_t>(keys_.size()));
  Put(&out, scale_);
  Put(&out, static_cast<uint32_t>(starters_.size()));
  Put(&out, Hash64(body));
  Put(&out, cue_bias_);
  Put(&out, uint32_t{0});
  out += body;
  return out;
}

Status QuoteModel::Save(const std::string& path) const {
  std::string bytes = Serialize();
  std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return Status::Unavailable("cannot write " + tmp);
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  ok = std::fclose(f) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0)
    return Status::Unavailable("cannot write " + path);
  return Status::Ok();
}

Result<std::unique_ptr<QuoteModel>> QuoteModel::FromBytes(
    std::string_view bytes) {
  static_assert(std::endian::native == std::endian::little,
                "model format is little-endian");
  if (bytes.size() < kHeaderSize || std::memcmp(bytes.data(), kMagic, 8) != 0)
    return Status::Corruption("not a quote model (bad magic)");
  uint32_t format, features, k, rows, nstart;
  float scale;
  uint64_t hash;
  std::memcpy(&format, bytes.data() + 8, 4);
  std::memcpy(&features, bytes.data() + 12, 4);
  std::memcpy(&k, bytes.data() + 16, 4);
  std::memcpy(&rows, bytes.data() + 20, 4);
  std::memcpy(&scale, bytes.data() + 24, 4);
  std::memcpy(&nstart, bytes.data() + 28, 4);
  std::memcpy(&hash, bytes.data() + 32, 8);
  float cue_bias;
  std::memcpy(&cue_bias, bytes.data() + 40, 4);
  if (format != kQuoteModelFormatVersion)
    return Status::Corruption("quote model format version " + std::to_string(format));
  if (features != kQuoteFeatureVersion)
    return Status::Corruption("quote model feature version " +
                              std::to_string(features) + ", this build reads " +
                              std::to_string(kQuoteFeatureVersion));
  std::string_view body = bytes.substr(kHeaderSize);
  if (k != K || body.size() != size_t{rows} * (8 + 2 * K) + size_t{nstart} * 8 ||
      !(scale > 0) || !std::isfinite(scale) || !std::isfinite(cue_bias))
    return Status::Corruption("quote model: inconsistent sizes");
  if (Hash64(body) != hash) return Status::Corruption("quote model: checksum mismatch");
  auto m = std::unique_ptr<QuoteModel>(new QuoteModel());
  m->scale_ = scale;
  m->cue_bias_ = cue_bias;
  m->keys_.resize(rows);
  m->qweights_.resize(size_t{rows} * K);
  std::vector<uint64_t> hashes(nstart);
  // An empty vector's data() may be null, which memcpy must not get.
  if (rows > 0) {
    std::memcpy(m->keys_.data(), body.data(), size_t{rows} * 8);
    std::memcpy(m->qweights_.data(), body.data() + size_t{rows} * 8,
                size_t{rows} * K * 2);
  }
  if (nstart > 0)
    std::memcpy(hashes.data(), body.data() + size_t{rows} * (8 + 2 * K),
                size_t{nstart} * 8);
  for (size_t r = 0; r < hashes.size(); ++r)
    if (hashes[r] == 0 || (r > 0 && hashes[r] <= hashes[r - 1]))
      return Status::Corruption("quote model: cue starters not increasing");
  m->starters_.Assign(std::move(hashes));
  for (size_t r = 1; r < m->keys_.size(); ++r)
    if (m->keys_[r] <= m->keys_[r - 1])
      return Status::Corruption("quote model: keys not increasing");
  m->BuildIndex();
  return m;
}

Result<std::unique_ptr<QuoteModel>> QuoteModel::Load(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::NotFound("cannot open quote model " + path);
  std::string bytes;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) {
    bytes.append(buf, n);
    if (bytes.size() > kMaxModelBytes) {
      std::fclose(f);
      return Status::ResourceExhausted("quote model larger than 64 MiB: " + path);
    }
  }
  std::fclose(f);
  return FromBytes(bytes);
}

void QuoteTagger::Tag(std::string_view text, std::span<const Token> tokens,
                      std::span<const text::Sentence> sentences,
                      std::vector<CueGuess>* out) {
  out->clear();
  if (tokens.empty() || sentences.empty()) return;
  feat_.Prepare(text, tokens, sentences, &model_->starters());
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  for (const text::Sentence& s : sentences) {
    uint8_t prev = kCueO;
    uint32_t cues = 0, last_end = 0;  // CueHistory
    const uint32_t se = std::min(s.token_end, n);
    for (uint32_t i = s.token_begin; i < se; ++i) {
      uint8_t label = kCueO;
      if (feat_.Taggable(i) &&
          (prev != kCueO || feat_.MayBegin(i))) {
        // The features of the word alone score the same wherever it
        // occurs: their sum is cached by word, the context's is added.
        const uint64_t key = feat_.StaticKey(i, prev);
        StaticScore& st = static_cache_[key & (kStaticCacheSize - 1)];
        if (st.key != key) {
          feat_.StaticCueFeatures(i, prev, &f_);
          st.key = key;
          st.sum[0] = st.sum[1] = st.sum[2] = 0;
          model_->AddRaw(f_, st.sum);
          const QuoteFeaturizer::Info& in = feat_.Detail(i);
          st.pre = in.pre;
          st.suf = in.suf;
          st.shape = in.shape;
          st.lex = in.lex;
        } else {  // spares hashing its prefix and suffix
          feat_.Adopt(i, st.pre, st.suf, st.shape, st.lex);
        }
        int32_t sum[K] = {st.sum[0], st.sum[1], st.sum[2]};
        const uint32_t history = CueHistory(cues, last_end, i);
        SmallScore& sm = small_cache_[feat_.SmallCueKey(i, history)];
        if (!sm.ready) {
          f_.clear();
          feat_.SmallCueFeatures(i, history, &f_);
          model_->AddRaw(f_, sm.sum);
          sm.ready = true;
        }
        for (int k = 0; k < K; ++k) sum[k] += sm.sum[k];
        feat_.ContextCueFeatures(i, &f_);
        model_->AddRaw(f_, sum);
        float sc[K];
        for (int k = 0; k < K; ++k) sc[k] = static_cast<float>(sum[k]) * model_->scale();
        sc[kCueB] += model_->cue_bias();
        label = BestCueLabel(sc, prev);
      }
      if (label == kCueB) {
        out->push_back(CueGuess{i, i + 1, kSideRight});
        ++cues;
      } else if (label == kCueI && !out->empty() && out->back().end == i) {
        out->back().end = i + 1;
      }
      if (label != kCueO) last_end = i + 1;
      prev = label;
    }
  }
  for (CueGuess& c : *out) {
    float sc[K] = {0, 0, 0};
    feat_.SideFeatures(c.begin, c.end, &f_);
    model_->Score(f_, sc);
    c.side = BestSide(sc);
  }
}

}  // namespace wirewatch::analyze

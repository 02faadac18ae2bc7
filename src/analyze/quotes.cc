// Quote extraction in two passes over the tokens:
//  1. direct quotes: pair each opening quote mark with the next closing one
//     (a paragraph that opens with a quote mark while a quote is open
//     continues it), then look for "…," CUE NP / NP CUE after the closing
//     mark, else NP CUE [:,] before the opening mark;
//  2. reported speech, sentence by sentence, outside direct quotes and
//     cues already used: "according to NP", "NP CUE (that) CONTENT",
//     "CONTENT, NP CUE". Weak cues ("found", "shows", "believes") need a
//     following "that"; strong ones ("said", "told") do not.
// The speaker noun phrase is found by walking left from the cue over words
// that can belong to a name or description (Speaker() below).
// Golden sentences: quotes_test.cc.
#include "analyze/quotes.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "base/ascii.h"

namespace wirewatch::analyze {
namespace {

using text::Token;
using text::TokenKind;

// Cue lexicons are probed for every token: hashed once.
using WordSet = std::unordered_set<std::string_view>;

constexpr std::string_view kStrongCues[] = {"said", "says", "say", "saying", "told", "tells", "tell",
                    "added", "adding", "adds", "stated", "states", "wrote",
                    "writes", "explained", "explains", "insisted", "insists",
                    "declared", "asserted", "announced", "replied", "stressed",
                    "tweeted", "recalled", "remarked", "continued", "warned",
                    "warns", "argued", "argues", "noted", "notes", "claimed",
                    "claims", "acknowledged", "admitted", "emphasized",
                    "cautioned", "testified", "countered", "conceded",
                    "predicted", "asked", "urged", "reported", "reports",
                    "confirmed", "complained"};
constexpr std::string_view kWeakCues[] = {"found", "finds", "shows", "showed", "shown", "believes",
                    "believe", "believed", "thinks", "think", "thought",
                    "suggested", "suggests", "estimated", "estimates",
                    "concluded", "revealed", "indicated", "indicates",
                    "maintained", "learned", "predicts", "expects",
                    "expected", "hopes", "fears", "feared", "denied",
                    "agreed", "contends", "contended", "alleged", "alleges",
                    "promised", "vowed", "pointed"};

bool IsStrongCue(std::string_view w) {
  static const WordSet kSet(std::begin(kStrongCues), std::end(kStrongCues));
  return kSet.count(w) != 0;
}

bool IsWeakCue(std::string_view w) {
  static const WordSet kSet(std::begin(kWeakCues), std::end(kWeakCues));
  return kSet.count(w) != 0;
}

bool IsPronoun(std::string_view w) {
  return EqualsAny(w, {"he", "she", "they", "it", "i", "we", "you"});
}

// Words that end a speaker noun phrase when walking left.
bool NpStop(std::string_view w) {
  return EqualsAny(
      w,
      {"that",  "which", "who",     "and",   "but",    "or",    "in",   "on",
       "at",    "to",    "for",     "with",  "by",     "from",  "as",   "when",
       "while", "if",    "because", "after", "before", "since", "is",   "are",
       "was",   "were",  "has",     "have",  "had",    "be",    "said", "says",
       "told",  "also",  "not",     "than",  "so",     "about", "into", "over",
       "what",  "where", "how",     "why",   "then",   "there", "this", "these",
       "those", "its",   "it's"});
}

bool IsDeterminer(std::string_view w) {
  return EqualsAny(
      w, {"the", "a", "an", "another", "one", "some", "two", "many", "several",
          "his", "her", "their", "our", "both"});
}

// Words of a short time or manner adjunct between a cue and its "that".
bool IsAdjunctWord(std::string_view w) {
  return EqualsAny(w, {"on", "in", "at", "a", "an", "the", "his", "her", "their",
                       "its", "statement", "interview", "email", "letter",
                       "speech", "news", "conference", "today", "yesterday",
                       "monday", "tuesday", "wednesday", "thursday", "friday",
                       "saturday", "sunday", "morning", "afternoon", "evening",
                       "night", "last", "this", "week", "month", "year",
                       "earlier", "later", "again", "also", "repeatedly",
                       "publicly", "privately", "recently", "previously",
                       "told", "reporters"});
}

// Between a subject and its verb: forms of "be" and "do", modals,
// negation and common adverbs ("The city is demanding", "he does not
// dispute", "Trump has long argued").
bool IsVerbGroupWord(std::string_view w) {
  return EqualsAny(w, {"is", "are", "was", "were", "be", "been", "being", "am",
                       "'s", "’s", "'re", "’re", "'m", "’m", "does", "do", "not",
                       "n't", "n’t", "can", "may", "might", "must", "should",
                       "shall", "'d", "’d", "'ll", "’ll", "already", "still",
                       "now", "just", "even", "never", "always", "often",
                       "long", "strongly", "quickly", "openly", "directly",
                       "explicitly", "widely", "initially", "originally",
                       "first", "personally", "apparently", "allegedly"});
}
// Heads of partitive phrases: "dozens of newspapers", "some of them".
bool IsCountWord(std::string_view w) {
  return EqualsAny(w, {"dozens", "hundreds", "thousands", "millions", "scores",
                       "tens", "some", "many", "most", "several", "all",
                       "none", "one", "two", "three", "four", "five", "few",
                       "number", "majority", "group", "members", "half"});
}
// "the doctors who signed", "the report, which found".
bool IsRelativePronoun(std::string_view w) {
  return w == "who" || w == "which" || w == "that";
}
bool IsAux(std::string_view w) {
  return EqualsAny(
      w, {"has",        "have",    "had",        "also",       "would",
          "will",       "could",   "later",      "previously", "earlier",
          "reportedly", "then",    "again",      "repeatedly", "once",
          "recently",   "further", "separately", "publicly",   "privately",
          "has",        "did"});
}

}  // namespace

// Per-document buffers, kept by the QuoteExtractor between documents.
struct QuoteScratch {
  std::vector<std::string> lower;  // lowercase token, filled on first use
  std::vector<uint8_t> lowered;
  std::vector<bool> in_quote;
  std::vector<bool> cue_used;
  std::vector<uint32_t> sent_of;
  std::vector<std::pair<uint32_t, uint32_t>> cue_spans;
  std::vector<uint32_t> rule_order;
};

namespace {

class Extraction {
 public:
  Extraction(std::string_view text, std::span<const Token> tokens,
             std::span<const text::Sentence> sentences, const Analysis* a,
             QuoteScratch* scratch)
      : text_(text), toks_(tokens), sents_(sentences), a_(a),
        lower_(scratch->lower), lowered_(scratch->lowered),
        in_quote_(scratch->in_quote), cue_used_(scratch->cue_used),
        sent_of_(scratch->sent_of), cue_spans_(scratch->cue_spans),
        rule_order_(scratch->rule_order) {
    if (lower_.size() < tokens.size()) lower_.resize(tokens.size());
    lowered_.assign(tokens.size(), 0);
    in_quote_.assign(tokens.size(), false);
    cue_used_.assign(tokens.size(), false);
    sent_of_.assign(tokens.size(), 0);
    for (uint32_t s = 0; s < sentences.size(); ++s)
      for (uint32_t t = sentences[s].token_begin;
           t < sentences[s].token_end && t < tokens.size(); ++t)
        sent_of_[t] = s;
  }

  // `cues` (may be null) come from the learned tagger: they replace the
  // reported-speech rules.
  void Run(const std::vector<CueGuess>* cues, std::vector<Quote>* out) {
    Direct(out);
    Colon(out);
    if (cues == nullptr) {
      for (uint32_t s = 0; s < sents_.size(); ++s) Reported(s, out);
    } else {
      const size_t learned = out->size();
      // The rules' quotes by sentence, for SentenceSource.
      rule_order_.resize(learned);
      for (uint32_t k = 0; k < learned; ++k) rule_order_[k] = k;
      std::sort(rule_order_.begin(), rule_order_.end(), [&](uint32_t x, uint32_t y) {
        return (*out)[x].sentence < (*out)[y].sentence;
      });
      learned_begin_ = learned;
      for (size_t k = 0; k < cues->size(); ++k)
        Learned((*cues)[k], k + 1 < cues->size() ? &(*cues)[k + 1] : nullptr,
                out);
      DropWeakOuterCues(learned, out, &cue_spans_);
    }
    std::sort(out->begin(), out->end(),
              [](const Quote& x, const Quote& y) { return x.begin < y.begin; });
  }

 private:
  using Span = std::pair<uint32_t, uint32_t>;  // tokens [first, second)
  uint32_t N() const { return static_cast<uint32_t>(toks_.size()); }
  // Lowercase token i. Only the tokens the patterns look at are lowered.
  std::string_view L(uint32_t i) const {
    if (!lowered_[i]) {
      std::string& l = lower_[i];
      std::string_view t = T(i);
      l.assign(t.data(), t.size());
      AsciiLowerInPlace(&l);
      lowered_[i] = 1;
    }
    return lower_[i];
  }
  std::string_view T(uint32_t i) const { return toks_[i].text(text_); }
  bool IsWordish(uint32_t i) const {
    TokenKind k = toks_[i].kind;
    return k == TokenKind::kWord || k == TokenKind::kAbbrev ||
           k == TokenKind::kNumber || k == TokenKind::kClitic ||
           T(i) == "(" || T(i) == ")" || T(i) == "&";
  }
  bool IsUpperTok(uint32_t i) const {
    std::string_view s = T(i);
    return !s.empty() && std::isupper(static_cast<unsigned char>(s[0]));
  }
  bool IsCueAt(uint32_t i) const {
    return i < N() && (IsStrongCue(L(i)) || IsWeakCue(L(i)));
  }

  // The noun phrase ending just before token `end` (exclusive), not before
  // token `floor`. Skips auxiliaries and one appositive.
  Span SpeakerLeft(uint32_t end, uint32_t floor) const {
    uint32_t k = end;
    while (k > floor && (IsAux(L(k - 1)) || IsVerbGroupWord(L(k - 1)))) --k;
    // "…, who said": the relative pronoun is the source as written (as
    // PolNeAR marks it); Resolve() does not look behind it.
    if (k > floor && IsRelativePronoun(L(k - 1))) return {k - 1, k};
    if (k > floor && T(k - 1) == ",") {
      // Appositive: "Bogdanov, a presidential envoy to the Middle East,".
      uint32_t j = k - 1;
      uint32_t lim = j > floor + 20 ? j - 20 : floor;
      bool cue = false;  // ", officials said, adding": no appositive
      while (j > lim && T(j - 1) != "," && toks_[j - 1].kind != TokenKind::kOpenQuote &&
             toks_[j - 1].kind != TokenKind::kCloseQuote) {
        cue = cue || IsCueVerb(L(j - 1));
        --j;
      }
      if (!cue && j > lim && T(j - 1) == "," && j - 1 > floor) {
        k = j - 1;
      } else {
        return {end, end};
      }
    }
    uint32_t j = NounPhraseStart(k, floor);
    // "A UN spokesman in Geneva said", "officials in Sanaa said": a place
    // after the speaker belongs to the speaker's phrase.
    if (j < k && j > floor + 1 && (L(j - 1) == "in" || L(j - 1) == "at") &&
        IsUpperTok(j)) {
      const uint32_t head = NounPhraseStart(j - 1, floor);
      if (head < j - 1 && !IsPronoun(L(j - 2))) j = head;
    }
    // A lowercase single word that is not a noun-ish speaker ("also") is
    // dropped by NpStop; a phrase starting lowercase without determiner is
    // kept ("officials", "sources").
    return {j, k};
  }

  // Where the noun phrase ending before token k starts (k when none).
  uint32_t NounPhraseStart(uint32_t k, uint32_t floor) const {
    uint32_t j = k;
    int n = 0;
    while (j > floor && n < 10 && IsWordish(j - 1)) {
      std::string_view w = L(j - 1);
      if (NpStop(w) && !(w == "of" && n > 0)) break;
      if (toks_[j - 1].kind == TokenKind::kNumber) break;
      --j;
      ++n;
      if (IsDeterminer(w) || IsPronoun(w)) break;
      if (toks_[j].kind == TokenKind::kWord && !IsUpperTok(j) && n > 1 &&
          IsPronoun(L(j)))
        break;
    }
    return j;
  }

  // "Trump said, adding …", "X tweeted … and encouraged …": a cue with no
  // subject of its own shares the source of its sentence's latest cue
  // before byte `before`, among the rules' quotes (rule_order_) and the
  // learned ones so far (from learned_begin_ on, in text order); each is
  // looked at in its sentence only.
  Span EarlierSource(uint32_t s, uint32_t before, const std::vector<Quote>& out) const {
    const Quote* prev = nullptr;
    auto consider = [&](const Quote& q) {
      if (q.speaker_end > q.speaker_begin && q.cue_end > q.cue_begin &&
          q.cue_end <= before && (prev == nullptr || q.cue_end > prev->cue_end))
        prev = &q;
    };
    auto it = std::lower_bound(rule_order_.begin(), rule_order_.end(), s,
                               [&](uint32_t k, uint32_t x) { return out[k].sentence < x; });
    for (; it != rule_order_.end() && out[*it].sentence == s; ++it) consider(out[*it]);
    for (size_t k = out.size(); k > learned_begin_ && out[k - 1].sentence == s; --k)
      consider(out[k - 1]);
    if (prev == nullptr) return {0, 0};
    return {TokenAtByte(prev->speaker_begin), TokenAtByte(prev->speaker_end - 1) + 1};
  }

  // The subject of a sentence that opens with it, for a cue in a clause of
  // its own ("Trump took to Twitter to accuse …", "Stumpf tried …,
  // explaining …"): a pronoun, or a run of capitalised words after an
  // optional article, followed by a lowercase word before the cue.
  Span SentenceSubject(uint32_t sb, uint32_t cue) const {
    uint32_t k = cue;
    while (k > sb && (IsAux(L(k - 1)) || IsVerbGroupWord(L(k - 1)))) --k;
    if (k <= sb + 1) return {0, 0};
    const std::string_view before = L(k - 1);
    if (!(T(k - 1) == "," || before == "and" || before == "to" || before == "by"))
      return {0, 0};
    if (IsPronoun(L(sb)) && sb + 1 < k && !IsUpperTok(sb + 1)) return {sb, sb + 1};
    uint32_t j = sb;
    if (IsDeterminer(L(j))) ++j;
    const uint32_t names = j;
    while (j < k && j < names + 6 && toks_[j].kind == TokenKind::kWord && IsUpperTok(j)) ++j;
    if (j == names || j >= k || toks_[j].kind != TokenKind::kWord || IsUpperTok(j))
      return {0, 0};
    return {sb, j};
  }

  // The token that begins at byte `b` (or the last that begins before it).
  uint32_t TokenAtByte(uint32_t b) const {
    auto it = std::upper_bound(toks_.begin(), toks_.end(), b,
                               [](uint32_t x, const Token& t) { return x < t.begin; });
    return it == toks_.begin() ? 0 : static_cast<uint32_t>(it - toks_.begin() - 1);
  }

  // The noun phrase starting at token `begin`: "said Bogdanov", "according
  // to the report".
  Span SpeakerRight(uint32_t begin, uint32_t limit) const {
    uint32_t j = begin;
    int n = 0;
    while (j < limit && n < 10 && IsWordish(j)) {
      std::string_view w = L(j);
      if (n > 0 && NpStop(w) && w != "of") break;
      // "of" continues a name ("the Ministry of Defence"), a definite
      // phrase ("the head of the agency") or a count ("dozens of
      // newspapers", "one of the doctors").
      if (n > 0 && w == "of" &&
          !(j + 1 < limit && (IsUpperTok(j + 1) || L(j + 1) == "the" ||
                              IsCountWord(L(j - 1)))))
        break;
      ++j;
      ++n;
    }
    return {begin, j};
  }

  void Resolve(Span sp, uint32_t cue_tok, Quote* q) const {
    if (sp.first >= sp.second) return;
    q->speaker_begin = toks_[sp.first].begin;
    q->speaker_end = toks_[sp.second - 1].end;
    q->speaker_text =
        std::string(text_.substr(q->speaker_begin, q->speaker_end - q->speaker_begin));
    q->speaker = q->speaker_text;
    if (sp.second == sp.first + 1 && IsRelativePronoun(L(sp.first))) {
      // "The senator, who opposes …": the speaker is the antecedent.
      uint32_t end = sp.first;
      if (end > 0 && T(end - 1) == ",") --end;
      const Span ant = SpeakerLeft(end, sents_[sent_of_[sp.first]].token_begin);
      if (ant.second <= ant.first) return;
      sp = ant;
      q->speaker = std::string(text_.substr(
          toks_[sp.first].begin, toks_[sp.second - 1].end - toks_[sp.first].begin));
    }
    if (!a_) return;
    // Where the speaker's name is: the surface span, or the antecedent.
    const uint32_t name_begin = toks_[sp.first].begin, name_end = toks_[sp.second - 1].end;
    // Mentions are in text order: the ones from byte b on start here.
    const auto from = [&](uint32_t b) {
      return static_cast<size_t>(
          std::lower_bound(a_->mentions.begin(), a_->mentions.end(), b,
                           [](const Mention& m, uint32_t x) { return m.begin < x; }) -
          a_->mentions.begin());
    };
    // A mention inside the phrase: the last PER, else the last ORG.
    int best = -1;
    for (size_t m = from(name_begin);
         m < a_->mentions.size() && a_->mentions[m].begin < name_end; ++m) {
      const Mention& mm = a_->mentions[m];
      if (mm.end <= name_end &&
          (mm.type == EntityType::kPer || mm.type == EntityType::kOrg)) {
        if (best < 0 || mm.type == EntityType::kPer ||
            a_->mentions[best].type != EntityType::kPer)
          best = static_cast<int>(m);
      }
    }
    if (best >= 0) {
      SetEntity(a_->mentions[best].entity, q);
      return;
    }
    std::string w = AsciiLower(q->speaker);
    uint32_t before = toks_[cue_tok].begin;
    bool pron = w == "he" || w == "she";
    bool they = w == "they";
    bool indefinite = w.rfind("a ", 0) == 0 || w.rfind("an ", 0) == 0;
    bool description = !pron && !they && sp.second - sp.first <= 6 &&
                       (w.rfind("the ", 0) == 0 || w.rfind("this ", 0) == 0 ||
                        indefinite) &&
                       (w.find("official") != std::string::npos ||
                        w.find("minister") != std::string::npos ||
                        w.find("president") != std::string::npos ||
                        w.find("envoy") != std::string::npos ||
                        w.find("spokes") != std::string::npos ||
                        w.find("head") != std::string::npos ||
                        w.find("chief") != std::string::npos ||
                        w.find("diplomat") != std::string::npos);
    if (!pron && !they && !description) return;
    if (description && indefinite) {
      // "a Russian foreign ministry official said ..." names the person in
      // the sentences that follow: the first PER with a role within the
      // next 600 bytes.
      for (const Mention& mm : a_->mentions) {
        if (mm.begin < q->speaker_end || mm.begin > q->speaker_end + 600) continue;
        if (mm.type != EntityType::kPer || mm.entity < 0 ||
            a_->entities[mm.entity].roles.empty())
          continue;
        SetEntity(mm.entity, q);
        return;
      }
      return;
    }
    for (size_t m = from(before); m-- > 0;) {
      const Mention& mm = a_->mentions[m];
      if (mm.end > before || mm.entity < 0) continue;
      if (pron && mm.type != EntityType::kPer) continue;
      if (they && mm.type != EntityType::kPer && mm.type != EntityType::kOrg)
        continue;
      if (description &&
          (mm.type != EntityType::kPer || a_->entities[mm.entity].roles.empty()))
        continue;
      SetEntity(mm.entity, q);
      return;
    }
  }

  void SetEntity(int e, Quote* q) const {
    if (e < 0 || static_cast<size_t>(e) >= a_->entities.size()) return;
    q->entity = e;
    q->speaker = a_->entities[e].canonical;
  }

  void SetCue(uint32_t b, uint32_t e, Quote* q) {
    q->cue_begin = toks_[b].begin;
    q->cue_end = toks_[e - 1].end;
    q->cue = std::string(text_.substr(q->cue_begin, q->cue_end - q->cue_begin));
    for (uint32_t i = b; i < e; ++i) cue_used_[i] = true;
  }

  void SetContent(uint32_t b, uint32_t e, Quote* q) const {
    // Drop trailing sentence punctuation and closing quotes of reported
    // speech content.
    while (e > b && (T(e - 1) == "." || T(e - 1) == "," || T(e - 1) == ";"))
      --e;
    q->token_begin = b;
    q->token_end = e;
    q->begin = toks_[b].begin;
    q->end = toks_[e - 1].end;
    q->sentence = sent_of_[b];
  }

  // An attribution with content [b, e), cue [cb, ce) and source phrase sp,
  // dated to the cue's sentence.
  void Emit(QuoteKind kind, uint32_t b, uint32_t e, uint32_t cb, uint32_t ce,
            Span sp, std::vector<Quote>* out) {
    Quote q;
    q.kind = kind;
    SetContent(b, e, &q);
    SetCue(cb, ce, &q);
    Resolve(sp, cb, &q);
    q.sentence = sent_of_[cb];
    out->push_back(std::move(q));
  }

  void Direct(std::vector<Quote>* out) {
    uint32_t i = 0;
    while (i < N()) {
      if (toks_[i].kind != TokenKind::kOpenQuote ||
          IsStrayQuoteMark(text_, toks_, i)) {
        ++i;
        continue;
      }
      uint32_t o = i;
      // Doubled marks ('' or ``) act as one.
      while (o + 1 < N() && toks_[o + 1].kind == TokenKind::kOpenQuote &&
             toks_[o + 1].begin == toks_[o].end)
        ++o;
      uint32_t c = o + 1;
      bool closed = false;
      int depth = 0;
      while (c < N() && c - o < kMaxQuote) {
        if (toks_[c].kind == TokenKind::kCloseQuote) {
          if (depth == 0) {
            closed = true;
            break;
          }
          --depth;
        } else if (toks_[c].kind == TokenKind::kOpenQuote) {
          // A new paragraph opening with a quote mark continues the quote
          // (unless the mark is a stray one); another open mark inside is
          // a nested quote.
          if (!(toks_[c].flags & text::kParagraphBefore)) ++depth;
          else if (IsStrayQuoteMark(text_, toks_, c)) break;
        } else if ((toks_[c].flags & text::kParagraphBefore) &&
                   toks_[c].kind != TokenKind::kOpenQuote) {
          break;  // a paragraph without a quote mark ends an unclosed quote
        }
        ++c;
      }
      if (!closed || c <= o + 1) {
        i = o + 1;
        continue;
      }
      Quote q;
      q.kind = QuoteKind::kDirect;
      q.token_begin = o + 1;
      q.token_end = c;
      q.begin = toks_[o + 1].begin;
      q.end = toks_[c - 1].end;
      q.sentence = sent_of_[o + 1];
      while (c + 1 < N() && toks_[c + 1].kind == TokenKind::kCloseQuote &&
             toks_[c + 1].begin == toks_[c].end)
        ++c;
      bool found = false;
      // A signed quote: “…”― Pamela Padilla
      if (c + 2 < N() && toks_[c + 1].kind == TokenKind::kDash &&
          IsUpperTok(c + 2) && toks_[c + 2].kind == TokenKind::kWord) {
        Span sp = SpeakerRight(c + 2, std::min(N(), c + 8));
        if (sp.second > sp.first) {
          SetCue(c + 1, c + 2, &q);
          Resolve(sp, c + 1, &q);
          found = true;
        }
      }
      // After the closing mark: ", said Bogdanov" / ", Bogdanov said".
      uint32_t t = c + 1;
      if (t < N() && T(t) == ",") ++t;
      // The speaker after the quote belongs to the same sentence: not after
      // a paragraph break, nor after “… done.” followed by a capital.
      bool same_sentence =
          t < N() && !(toks_[t].flags & text::kParagraphBefore) &&
          !(T(q.token_end - 1) == "." && IsUpperTok(t) && T(c + 1) != ",");
      if (!found && same_sentence && toks_[t].kind != TokenKind::kOpenQuote) {
        if (IsStrongCue(L(t))) {
          Span sp = SpeakerRight(t + 1, std::min(N(), t + 12));
          if (sp.second > sp.first) {
            SetCue(t, t + 1, &q);
            Resolve(sp, t, &q);
            found = true;
          }
        } else {
          for (uint32_t k = t; k < N() && k < t + 10; ++k) {
            if (T(k) == "." || T(k) == ";" ||
                toks_[k].kind == TokenKind::kOpenQuote || !IsWordish(k))
              break;
            if (IsStrongCue(L(k)) && k > t) {
              Span sp = SpeakerLeft(k, t);
              if (sp.second > sp.first && sp.first == t) {
                SetCue(k, k + 1, &q);
                Resolve(sp, k, &q);
                found = true;
              }
              break;
            }
          }
        }
      }
      // Before the opening mark: "Bogdanov said: “…”", "he said, “…”".
      if (!found && o >= 2 && (T(o - 1) == ":" || T(o - 1) == ",")) {
        uint32_t k = o - 1;
        if (IsStrongCue(L(k - 1))) {
          uint32_t floor =
              sents_.empty() ? 0 : sents_[sent_of_[k - 1]].token_begin;
          Span sp = SpeakerLeft(k - 1, floor);
          if (sp.second > sp.first) {
            SetCue(k - 1, k, &q);
            Resolve(sp, k - 1, &q);
            found = true;
          }
        }
      }
      for (uint32_t k = o; k <= c; ++k) in_quote_[k] = true;
      if (found) out->push_back(std::move(q));
      i = c + 1;
    }
  }

  // "PENCE: Well, look, ..." (transcripts) and "Pence: Flowers won't be at
  // debate" (headlines): a short capitalised name at the start of a
  // paragraph, a colon, and the rest of the paragraph as content.
  void Colon(std::vector<Quote>* out) {
    for (uint32_t p = 0; p < N(); ++p) {
      if (p != 0 && !(toks_[p].flags & text::kParagraphBefore)) continue;
      // Transcripts may open each turn with an unclosed quote mark:
      // "PENCE: Well, look, …
      const bool quoted = toks_[p].kind == TokenKind::kOpenQuote;
      const uint32_t p0 = p;
      if (quoted) ++p;
      uint32_t k = p;
      while (k < N() && k < p + 6 && IsWordish(k) && IsUpperTok(k) &&
             (k == p || !(toks_[k].flags & text::kNewlineBefore)))
        ++k;
      if (k == p || k >= N() || T(k) != ":" || (in_quote_[k] && !quoted)) {
        p = p0;
        continue;
      }
      uint32_t e = k + 1;
      while (e < N() && !(toks_[e].flags & text::kParagraphBefore)) ++e;
      if (e <= k + 2) continue;
      Quote q;
      q.kind = QuoteKind::kDirect;
      SetContent(k + 1, e, &q);
      SetCue(k, k + 1, &q);
      Resolve({p, k}, k, &q);
      out->push_back(std::move(q));
      for (uint32_t i = k + 1; i < e; ++i) in_quote_[i] = true;
    }
  }

  void Reported(uint32_t s, std::vector<Quote>* out) {
    const uint32_t sb = sents_[s].token_begin;
    const uint32_t se = std::min(sents_[s].token_end, N());
    for (uint32_t i = sb; i < se; ++i) {
      if (in_quote_[i] || cue_used_[i]) continue;
      std::string_view w = L(i);
      if (w == "according" && i + 1 < se && L(i + 1) == "to") {
        AccordingTo(i, sb, se, out);
        continue;
      }
      bool strong = IsStrongCue(w);
      bool weak = !strong && IsWeakCue(w);
      if (!strong && !weak) continue;
      if (w == "pointed" && !(i + 1 < se && L(i + 1) == "out")) continue;
      // Passive participles: "militants reported killed", "reported to be".
      if ((w == "reported" || w == "believed" || w == "thought" ||
           w == "expected" || w == "estimated") &&
          i + 1 < se && (L(i + 1) == "to" || L(i + 1).size() > 3) &&
          (L(i + 1) == "to" || L(i + 1).ends_with("ed")))
        continue;
      uint32_t cue_end = (w == "pointed") ? i + 2 : i + 1;
      Span sp = SpeakerLeft(i, sb);
      bool inverted = false;
      if (sp.first >= sp.second && i > sb && T(i - 1) == ",") {
        sp = SpeakerRight(i + 1, se);  // "…, said the official."
        inverted = true;
      }
      if (sp.first >= sp.second) continue;
      // Content after the cue: skip to "that" within a few tokens.
      uint32_t content_b = 0, content_e = 0;
      uint32_t that = 0;
      for (uint32_t k = cue_end; k < se && k < cue_end + 12; ++k) {
        if (L(k) == "that" ) {
          that = k;
          break;
        }
        if (T(k) == "," || T(k) == "." || toks_[k].kind == TokenKind::kOpenQuote ||
            IsCueAt(k))
          break;
      }
      if (!inverted && that) {
        content_b = that + 1;
        content_e = se;
      } else if (!inverted && strong && cue_end < se && T(cue_end) == ":" &&
                 cue_end + 1 < se && !in_quote_[cue_end + 1]) {
        content_b = cue_end + 1;
        content_e = se;
      } else if (sp.first > sb + 2 && T(sp.first - 1) == "," && strong) {
        content_b = sb;
        content_e = sp.first - 1;
      } else if (inverted && i > sb + 2) {
        content_b = sb;
        content_e = i - 1;
      } else if (!inverted && strong && w != "told" && w != "asked" &&
                 cue_end + 3 < se &&
                 (toks_[cue_end].kind == TokenKind::kWord ||
                  toks_[cue_end].kind == TokenKind::kAbbrev ||
                  toks_[cue_end].kind == TokenKind::kNumber) &&
                 !EqualsAny(L(cue_end),
                            {"in",        "on",       "at",      "during",
                             "after",     "before",   "of",      "to",
                             "for",       "with",     "by",      "last",
                             "yesterday", "earlier",  "later",   "this",
                             "then",      "again",    "also",    "repeatedly",
                             "publicly",  "recently", "so",      "as",
                             "and",       "but",      "or",      "when",
                             "while",     "from",     "goodbye", "hello",
                             "thanks",    "sorry",    "nothing"})) {
        content_b = cue_end;  // "He said Russian services are ..."
        content_e = se;
      } else {
        continue;
      }
      while (content_b < content_e && toks_[content_b].kind == TokenKind::kPunct)
        ++content_b;
      // Content must not be just a direct quote already found.
      while (content_e > content_b && (toks_[content_e - 1].kind == TokenKind::kPunct ||
                                       toks_[content_e - 1].kind == TokenKind::kCloseQuote))
        --content_e;
      if (content_e <= content_b + 1) continue;
      bool all_quoted = true;
      for (uint32_t k = content_b; k < content_e && all_quoted; ++k)
        if (!in_quote_[k]) all_quoted = false;
      if (all_quoted) continue;
      Emit(QuoteKind::kReported, content_b, content_e, i, cue_end, sp, out);
    }
  }

  // The token closing the quote opened at `o`, or 0.
  uint32_t CloseOf(uint32_t o) const {
    for (uint32_t c = o + 1; c < N() && c - o < kMaxQuote; ++c) {
      if (toks_[c].kind == TokenKind::kCloseQuote) return c;
      if (toks_[c].kind == TokenKind::kOpenQuote) return 0;
      if (toks_[c].flags & text::kParagraphBefore) return 0;
    }
    return 0;
  }
  // The token opening the quote closed at `c`, or N().
  uint32_t OpenOf(uint32_t c) const {
    for (uint32_t o = c; o-- > 0 && c - o < kMaxQuote;) {
      if (toks_[o].kind == TokenKind::kOpenQuote) return o;
      if (toks_[o].kind == TokenKind::kCloseQuote) return N();
      if (toks_[o + 1].flags & text::kParagraphBefore) return N();
    }
    return N();
  }

  // A cue of the learned tagger: its content on the predicted side, its
  // source from the noun-phrase rules.
  // Where content running right from `b` ends when the next cue `next`
  // opens a clause of its own: "…, arguing that …", "… and Smith said …".
  uint32_t ClauseEnd(uint32_t b, uint32_t e, const CueGuess* next) const {
    if (next == nullptr || next->begin <= b || next->begin >= e) return e;
    Span sp = SpeakerLeft(next->begin, b);
    uint32_t start = sp.second > sp.first ? sp.first : next->begin;
    if (start <= b + 1) return e;
    std::string_view w = L(start - 1);
    if (w == "," || w == ";" || w == "and" || w == "but" || w == "while" ||
        w == "as" || w == "--" || toks_[start - 1].kind == TokenKind::kDash)
      return start - 1;
    return e;
  }

  bool Punct(uint32_t k) const {
    return toks_[k].kind == TokenKind::kPunct || toks_[k].kind == TokenKind::kDash;
  }

  // Content [*b, *e) and source *sp of the cue [cb, ce) of sentence [sb, se)
  // when its content lies on `side`; false when that side has none (the
  // tagger's side is then second-guessed).
  bool SideSpan(uint32_t cb, uint32_t ce, ContentSide side, uint32_t sb,
                uint32_t se, const CueGuess* next, Span* sp, uint32_t* b,
                uint32_t* e) const {
    *sp = {0, 0};
    if (side == kSideLeft) {
      // "…, said the official" / "…, the official said" / "… (the official
      // said)": a separator must end the content.
      uint32_t end = cb;
      if (cb > sb && (T(cb - 1) == "," ||
                      toks_[cb - 1].kind == TokenKind::kCloseQuote)) {
        *sp = SpeakerRight(ce, se);
      } else {
        *sp = SpeakerLeft(cb, sb);
        if (sp->second > sp->first) end = sp->first;
      }
      if (end <= sb || !(Punct(end - 1) || toks_[end - 1].kind == TokenKind::kCloseQuote))
        return false;
      while (end > sb && Punct(end - 1)) --end;
      *b = sb;
      *e = end;
      if (end > 0 && toks_[end - 1].kind == TokenKind::kCloseQuote) {
        uint32_t o = OpenOf(end - 1);
        if (o < N()) {
          *b = o + 1;
          *e = end - 1;
        }
      }
    } else if (side == kSideRight) {
      *sp = SpeakerLeft(cb, sb);
      uint32_t k = ce;
      if (sp->first >= sp->second && L(cb) == "according") {
        // "According to the report, …"
        Span r = SpeakerRight(k, se);
        if (r.second > r.first && r.second < se && T(r.second) == ",") {
          *sp = r;
          k = r.second + 1;
        }
      }
      // "said Friday that …", "said in a statement that …": a short
      // adjunct before the complementiser is not content.
      for (uint32_t a = k; a < se && a < k + 5; ++a) {
        if (L(a) == "that") {
          k = a;
          break;
        }
        if (!IsAdjunctWord(L(a))) break;
      }
      while (k < se && (L(k) == "that" || T(k) == "," || T(k) == ":")) ++k;
      uint32_t end = se;
      if (k >= se && se > sb && T(se - 1) == ":" && se < N()) {
        // "… made the following comment:" and the content follows.
        const uint32_t s2 = sent_of_[se];
        end = std::min(sents_[s2].token_end, N());
      }
      if (k < N() && toks_[k].kind == TokenKind::kOpenQuote) {
        uint32_t c = CloseOf(k);
        *b = k + 1;
        *e = c ? c : end;
      } else {
        *b = k;
        *e = end == se ? ClauseEnd(k, se, next) : end;
      }
    } else {
      *sp = SpeakerLeft(cb, sb);
      if (sp->first >= sp->second) *sp = SpeakerRight(ce, se);
      *b = sb;
      *e = ClauseEnd(ce, se, next);
    }
    while (*b < *e && (Punct(*b) || toks_[*b].kind == TokenKind::kOpenQuote)) ++*b;
    while (*e > *b && (Punct(*e - 1) || toks_[*e - 1].kind == TokenKind::kCloseQuote))
      --*e;
    return *e > *b;
  }

  // A cue of the learned tagger: its content on the predicted side (else
  // the other), its source from the noun-phrase rules.
  void Learned(const CueGuess& g, const CueGuess* next,
               std::vector<Quote>* out) {
    for (uint32_t k = g.begin; k < g.end; ++k)
      if (cue_used_[k]) return;
    const uint32_t s = sent_of_[g.begin];
    const uint32_t sb = sents_[s].token_begin;
    const uint32_t se = std::min(sents_[s].token_end, N());
    // "have" tagged, "shown" not: a cue verb right after a cue joins it.
    uint32_t ce = g.end;
    while (ce < se && ce < g.begin + 4 && IsCueVerb(L(ce)) && !cue_used_[ce]) ++ce;
    // Passive: "Trump is supported by far fewer publications", "the penalty
    // imposed by the bureau": the subject is the content, the agent after
    // "by" the source.
    uint32_t by = 0;  // "has been endorsed by": up to two words after the cue
    for (uint32_t k = ce - 1; k < se && k < ce + 3 && by == 0; ++k)
      if (L(k) == "by") by = k;
    if (by > g.begin && (L(by - 1).ends_with("ed") || L(by - 1).ends_with("en"))) {
      Span subject = SpeakerLeft(g.begin, sb);
      Span agent = SpeakerRight(by + 1, se);
      if (subject.second > subject.first && agent.second > agent.first) {
        Emit(QuoteKind::kReported, subject.first, subject.second, g.begin, by,
             agent, out);
        return;
      }
    }
    // "…, adding that …": a complementiser after the cue opens its content.
    ContentSide side = g.side;
    if (ce < se && (L(ce) == "that" || T(ce) == ":")) {
      side = kSideRight;
    } else if (side == kSideRight && g.begin > sb + 2 &&
               (T(g.begin - 1) == "," ||
                toks_[g.begin - 1].kind == TokenKind::kCloseQuote)) {
      // "…, said Katie Harbath, the director": after a separator, a cue
      // followed by its source phrase closes the content before it.
      Span r = SpeakerRight(ce, se);
      if (r.second > r.first && IsUpperTok(r.first) &&
          (r.second >= se || T(r.second) == "," || T(r.second) == "."))
        side = kSideLeft;
    }
    Span sp;
    uint32_t b = 0, e = 0;
    if (!SideSpan(g.begin, ce, side, sb, se, next, &sp, &b, &e)) {
      side = side == kSideLeft ? kSideRight : kSideLeft;
      if (!SideSpan(g.begin, ce, side, sb, se, next, &sp, &b, &e)) return;
    }
    if (sp.first >= sp.second) sp = EarlierSource(s, toks_[g.begin].begin, *out);
    if (sp.first >= sp.second && side != kSideLeft) sp = SentenceSubject(sb, g.begin);
    // "The floods claimed the lives of 12 people": a death toll, not a
    // claim someone makes.
    if (L(ce - 1).starts_with("claim"))
      for (uint32_t k = b; k < e && k < b + 4; ++k)
        if (L(k) == "lives" || L(k) == "life") return;
    Emit(L(g.begin) == "according" ? QuoteKind::kAccordingTo : QuoteKind::kReported,
         b, e, g.begin, ce, sp, out);
  }

  void AccordingTo(uint32_t i, uint32_t sb, uint32_t se, std::vector<Quote>* out) {
    Span sp = SpeakerRight(i + 2, se);
    if (sp.first >= sp.second) return;
    uint32_t b = 0, e = 0;
    if (i > sb + 2) {
      b = sb;
      e = i;
      while (e > b && (T(e - 1) == "," || T(e - 1) == "(")) --e;
    } else {
      uint32_t k = sp.second;
      while (k < se && T(k) != ",") ++k;
      if (k + 2 >= se) return;
      b = k + 1;
      e = se;
    }
    while (e > b && (toks_[e - 1].kind == TokenKind::kPunct ||
                     toks_[e - 1].kind == TokenKind::kCloseQuote))
      --e;
    if (e <= b + 1) return;
    Emit(QuoteKind::kAccordingTo, b, e, i, i + 2, sp, out);
  }

  static constexpr uint32_t kMaxQuote = QuoteExtractor::kMaxQuoteTokens;
  std::string_view text_;
  std::span<const Token> toks_;
  std::span<const text::Sentence> sents_;
  const Analysis* a_;
  std::vector<std::string>& lower_;
  std::vector<uint8_t>& lowered_;
  std::vector<bool>& in_quote_;
  std::vector<bool>& cue_used_;
  std::vector<uint32_t>& sent_of_;
  std::vector<std::pair<uint32_t, uint32_t>>& cue_spans_;  // DropWeakOuterCues
  std::vector<uint32_t>& rule_order_;  // EarlierSource
  size_t learned_begin_ = 0;           // EarlierSource
};

}  // namespace

std::string_view QuoteKindName(QuoteKind k) {
  switch (k) {
    case QuoteKind::kDirect: return "direct";
    case QuoteKind::kReported: return "reported";
    case QuoteKind::kAccordingTo: return "according_to";
  }
  return "direct";
}

bool IsCueVerb(std::string_view lower) {
  return IsStrongCue(lower) || IsWeakCue(lower);
}

const std::vector<std::string_view>& CueVerbs() {
  static const std::vector<std::string_view> all = [] {
    std::vector<std::string_view> v(std::begin(kStrongCues), std::end(kStrongCues));
    v.insert(v.end(), std::begin(kWeakCues), std::end(kWeakCues));
    return v;
  }();
  return all;
}

void DropWeakOuterCues(size_t from, std::vector<Quote>* out,
                       std::vector<std::pair<uint32_t, uint32_t>>* cue_spans) {
  std::vector<std::pair<uint32_t, uint32_t>>& cues = *cue_spans;
  cues.clear();
  for (const Quote& q : *out)
    if (q.cue_end > q.cue_begin) cues.emplace_back(q.cue_begin, q.cue_end);
  std::sort(cues.begin(), cues.end());
  size_t kept = from;
  for (size_t k = from; k < out->size(); ++k) {
    Quote& q = (*out)[k];
    bool drop = false;
    if (q.kind == QuoteKind::kReported) {
      // The cue's first word, lowercased; cue verbs are short.
      char first[24];
      size_t n = 0;
      while (n < q.cue.size() && n < sizeof first && q.cue[n] != ' ') {
        first[n] = AsciiLowerChar(q.cue[n]);
        ++n;
      }
      if (!IsCueVerb(std::string_view(first, n))) {
        for (auto it = std::lower_bound(cues.begin(), cues.end(),
                                        std::make_pair(q.begin, uint32_t{0}));
             it != cues.end() && it->first < q.end && !drop; ++it)
          drop = it->second <= q.end &&
                 !(it->first == q.cue_begin && it->second == q.cue_end);
      }
    }
    if (!drop) {
      if (kept != k) (*out)[kept] = std::move(q);
      ++kept;
    }
  }
  out->resize(kept);
}

QuoteExtractor::QuoteExtractor() : scratch_(std::make_unique<QuoteScratch>()) {}

QuoteExtractor::QuoteExtractor(const QuoteModel* model)
    : scratch_(std::make_unique<QuoteScratch>()) {
  if (model) tagger_ = std::make_unique<QuoteTagger>(model);
}

QuoteExtractor::~QuoteExtractor() = default;
QuoteExtractor::QuoteExtractor(QuoteExtractor&&) noexcept = default;
QuoteExtractor& QuoteExtractor::operator=(QuoteExtractor&&) noexcept = default;

void QuoteExtractor::Extract(std::string_view text,
                             std::span<const text::Token> tokens,
                             std::span<const text::Sentence> sentences,
                             const Analysis* analysis,
                             std::vector<Quote>* out) {
  out->clear();
  if (tokens.empty()) return;
  if (tagger_) tagger_->Tag(text, tokens, sentences, &cues_);
  Extraction x(text, tokens, sentences, analysis, scratch_.get());
  x.Run(tagger_ ? &cues_ : nullptr, out);
}

}  // namespace wirewatch::analyze

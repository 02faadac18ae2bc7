// TimexTagger implementation.
//
// Design (after HeidelTime's rule resources, but compiled): the text is
// scanned once into tokens (letter runs, digit runs, single punctuation
// marks) carrying byte offsets, a lowercase view and a pointer into the
// closed-class lexicon (timex_lexicon.h). Only tokens that can open a time
// expression (a lexicon word, a number, an apostrophe) start a match
// attempt. At such a token the matcher tries the rule families in a fixed
// order — modifiers and qualifiers first ("early", "the end of",
// "more than"), then the core families (times of day, numeric and
// month-name dates, weekdays, deictic words, relative units, quarters,
// seasons, decades, centuries, "N units ago", durations, sets, holidays) —
// and keeps the first that matches; each family consumes as many tokens as
// it can, so the longest reading of that family wins ("Friday, Oct. 23,
// 1998" is one date). Matches never overlap: scanning resumes after one.
//
// Values are computed while matching, on a small period value (Pt: a
// granularity plus the first day of the period) that can be shifted by
// calendar units and printed in TimeML form. The reference for relative
// expressions is the DCT; anchored expressions use the last emitted
// specific date (the narrative reference). Tense comes from the nearest
// cue of the governing verb within 20 tokens of the same sentence
// (TenseAround): auxiliaries and past forms, but not nouns ("the plan"),
// passive participles ("be completed"), adjectives ("a planned trip") or a
// post-posed "X said"; arrangements ("is to", "set to", "effective") and
// deadlines ("until Friday") point ahead. With no cue, a month leans two
// months to the past (news reports what happened).
//
// Golden tables: timex_test.cc (one table per family) and the seed page
// test; corpus quality: the TBAQ regression test in timex_test.cc.
#include "analyze/timex.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "analyze/timex_lexicon.h"

namespace wirewatch::analyze {

using namespace timex_internal;  // NOLINT: implementation file

std::string_view TimexTypeName(TimexType type) {
  switch (type) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "DATE";
}

namespace {

enum TokKind : uint8_t { kWordTok, kNumTok, kPunctTok };

struct Token {
  uint32_t b = 0, e = 0;
  TokKind kind = kWordTok;
  bool space_before = false;
  bool cap = false;
  int ndigits = 0;
  int64_t num = 0;
  int sentence = 0;
  std::string_view lw;
  const Lex* lex = nullptr;
};

enum class Gran : uint8_t {
  kNone, kMillennium, kCentury, kDecade, kYear, kHalf, kSeason, kQuarter,
  kMonth, kWeek, kWeekend, kDay, kPod, kHour, kMinute, kSecond,
};

// A period: granularity plus its first day (and time of day for TIME).
struct Pt {
  Gran g = Gran::kNone;
  int y = 0, mo = 1, d = 1;
  int sub = 0;  // quarter, half, season (1 SP .. 4 WI), part of day
  int hh = 0, mi = 0, ss = 0;
};

constexpr const char* kSeasonCode[] = {"", "SP", "SU", "FA", "WI"};
constexpr const char* kPodCode[] = {"", "MO", "AF", "EV", "NI", "DT"};

CivilTime PtDate(const Pt& p) {
  CivilTime c;
  c.year = p.y;
  c.month = p.mo;
  c.day = p.d;
  return c;
}

// Moves p's date fields to the first day of its period.
void Normalize(Pt* p) {
  switch (p->g) {
    case Gran::kMillennium: p->y = p->y / 1000 * 1000; p->mo = p->d = 1; break;
    case Gran::kCentury: p->y = p->y / 100 * 100; p->mo = p->d = 1; break;
    case Gran::kDecade: p->y = p->y / 10 * 10; p->mo = p->d = 1; break;
    case Gran::kYear: p->mo = p->d = 1; break;
    case Gran::kHalf: p->mo = (p->sub - 1) * 6 + 1; p->d = 1; break;
    case Gran::kQuarter: p->mo = (p->sub - 1) * 3 + 1; p->d = 1; break;
    case Gran::kSeason: p->d = 1; break;
    case Gran::kMonth: p->d = 1; break;
    case Gran::kWeek:
    case Gran::kWeekend: {
      const int wd = Weekday(p->y, p->mo, p->d);
      CivilFromDays(DaysFromCivil(p->y, p->mo, p->d) - (wd - 1), &p->y, &p->mo,
                    &p->d);
      break;
    }
    default: break;
  }
}

Pt MakePt(const CivilTime& c, Gran g) {
  Pt p;
  p.g = g;
  p.y = c.year;
  p.mo = c.month;
  p.d = c.day;
  p.sub = g == Gran::kQuarter ? (c.month - 1) / 3 + 1
          : g == Gran::kHalf  ? (c.month - 1) / 6 + 1
                              : 0;
  if (g == Gran::kSeason) {
    p.sub = c.month <= 2 || c.month == 12 ? 4 : (c.month - 3) / 3 + 1;
  }
  if (c.hour >= 0) {
    p.hh = c.hour;
    p.mi = c.minute;
    p.ss = c.second;
  }
  Normalize(&p);
  return p;
}

Gran UnitGran(int unit) {
  switch (unit) {
    case kSecond: return Gran::kSecond;
    case kMinute: return Gran::kMinute;
    case kHour: return Gran::kHour;
    case kDay: return Gran::kDay;
    case kWeek: return Gran::kWeek;
    case kMonth: return Gran::kMonth;
    case kQuarter: return Gran::kQuarter;
    case kYear: return Gran::kYear;
    case kDecade: return Gran::kDecade;
    case kCentury: return Gran::kCentury;
    case kMillennium: return Gran::kMillennium;
  }
  return Gran::kNone;
}

// p shifted by n units, keeping p's granularity.
Pt Shift(const Pt& p, int unit, int n) {
  CivilTime c = PtDate(p);
  switch (unit) {
    case kSecond:
    case kMinute:
    case kHour: {
      int64_t secs = static_cast<int64_t>(p.hh) * 3600 + p.mi * 60 + p.ss;
      secs += static_cast<int64_t>(n) *
              (unit == kHour ? 3600 : unit == kMinute ? 60 : 1);
      int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
      secs -= days * 86400;
      Pt r = p;
      CivilTime dd = AddDays(c, days);
      r.y = dd.year;
      r.mo = dd.month;
      r.d = dd.day;
      r.hh = static_cast<int>(secs / 3600);
      r.mi = static_cast<int>(secs / 60 % 60);
      r.ss = static_cast<int>(secs % 60);
      return r;
    }
    case kDay: c = AddDays(c, n); break;
    case kWeek: c = AddDays(c, 7 * static_cast<int64_t>(n)); break;
    case kMonth: c = AddMonths(c, n); break;
    case kQuarter: c = AddMonths(c, 3 * n); break;
    case kYear: c = AddMonths(c, 12 * n); break;
    case kDecade: c = AddMonths(c, 120 * n); break;
    case kCentury: c = AddMonths(c, 1200 * n); break;
    case kMillennium: c = AddMonths(c, 12000 * n); break;
    default: break;
  }
  Pt r = p;
  r.y = c.year;
  r.mo = c.month;
  r.d = c.day;
  if (r.g == Gran::kQuarter) r.sub = (r.mo - 1) / 3 + 1;
  if (r.g == Gran::kHalf) r.sub = (r.mo - 1) / 6 + 1;
  if (r.g != Gran::kSeason) Normalize(&r);
  return r;
}

std::string Format(const Pt& p) {
  char buf[64];
  switch (p.g) {
    case Gran::kNone: return {};
    case Gran::kMillennium: std::snprintf(buf, sizeof buf, "%d", p.y / 1000); break;
    case Gran::kCentury: std::snprintf(buf, sizeof buf, "%02d", p.y / 100); break;
    case Gran::kDecade: std::snprintf(buf, sizeof buf, "%03d", p.y / 10); break;
    case Gran::kYear: std::snprintf(buf, sizeof buf, "%04d", p.y); break;
    case Gran::kHalf: std::snprintf(buf, sizeof buf, "%04d-H%d", p.y, p.sub); break;
    case Gran::kSeason:
      std::snprintf(buf, sizeof buf, "%04d-%s", p.y, kSeasonCode[p.sub & 3 ? p.sub : 4]);
      break;
    case Gran::kQuarter: std::snprintf(buf, sizeof buf, "%04d-Q%d", p.y, p.sub); break;
    case Gran::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02d", p.y, p.mo); break;
    case Gran::kWeek:
    case Gran::kWeekend: {
      int iy = 0, w = 0;
      IsoWeek(p.y, p.mo, p.d, &iy, &w);
      std::snprintf(buf, sizeof buf, p.g == Gran::kWeek ? "%04d-W%02d" : "%04d-W%02d-WE",
                    iy, w);
      break;
    }
    case Gran::kDay: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", p.y, p.mo, p.d); break;
    case Gran::kPod:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%s", p.y, p.mo, p.d,
                    kPodCode[p.sub >= 1 && p.sub <= 5 ? p.sub : 5]);
      break;
    case Gran::kHour:
    case Gran::kMinute:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", p.y, p.mo, p.d, p.hh,
                    p.mi);
      break;
    case Gran::kSecond:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", p.y, p.mo, p.d,
                    p.hh, p.mi, p.ss);
      break;
  }
  return buf;
}

// Duration value for n units ("P3Y", "PT2H"); n < 0 means unknown ("PXY").
// `half` adds one half unit ("P2Y6M").
std::string DurationValue(int unit, int n, bool half) {
  char buf[48];
  const char* x = nullptr;
  bool time = false;
  int mult = 1;
  switch (unit) {
    case kSecond: x = "S"; time = true; break;
    case kMinute: x = "M"; time = true; break;
    case kHour: x = "H"; time = true; break;
    case kDay: x = "D"; break;
    case kWeek: x = "W"; break;
    case kMonth: x = "M"; break;
    case kQuarter: x = "Q"; break;
    case kYear: x = "Y"; break;
    case kDecade: x = "Y"; mult = 10; break;
    case kCentury: x = "Y"; mult = 100; break;
    case kMillennium: x = "Y"; mult = 1000; break;
    default: return {};
  }
  const char* pre = time ? "PT" : "P";
  if (n < 0) {
    if (unit == kDecade) return "PXDE";
    if (unit == kCentury) return "PXCE";
    std::snprintf(buf, sizeof buf, "%sX%s", pre, x);
    return buf;
  }
  const int v = n * mult;
  if (!half || mult > 1) {
    const int vv = half ? v + mult / 2 : v;
    std::snprintf(buf, sizeof buf, "%s%d%s", pre, vv, x);
    return buf;
  }
  // Half units expressed in the next smaller unit.
  const char* small = nullptr;
  int sv = 0;
  switch (unit) {
    case kSecond: std::snprintf(buf, sizeof buf, "PT%d.5S", v); return buf;
    case kMinute: small = "S"; sv = 30; break;
    case kHour: small = "M"; sv = 30; break;
    case kDay: small = "H"; sv = 12; break;
    case kWeek: small = "D"; sv = 3; break;  // 3.5 days: keep whole days
    case kMonth: small = "D"; sv = 15; break;
    case kQuarter: small = "M"; sv = 1; break;
    case kYear: small = "M"; sv = 6; break;
  }
  if (unit == kDay) {
    if (v == 0) return "PT12H";
    std::snprintf(buf, sizeof buf, "P%dDT12H", v);
  } else if (v == 0) {
    std::snprintf(buf, sizeof buf, "%s%d%s", pre, sv, small);
  } else {
    std::snprintf(buf, sizeof buf, "%s%d%s%d%s", pre, v, x, sv, small);
  }
  return buf;
}

// A match produced by one rule.
struct Cand {
  // Back to the default state, keeping the strings' buffers (the matcher
  // resets a candidate before each rule family it tries).
  // (Field by field: most families fail before writing anything, so
  // this must cost next to nothing. Keep in step with the members.)
  void Reset() {
    end = -1;
    type = TimexType::kDate;
    value.clear();
    mod.clear();
    pt = Pt();
    explicit_year = det_ok = ago = ref = derived = false;
  }

  int end = -1;  // token index one past the match
  TimexType type = TimexType::kDate;
  std::string value;
  std::string mod;
  Pt pt;                  // when the value is a specific period
  bool explicit_year = false;
  bool det_ok = false;    // a preceding "the" belongs to the expression
  bool ago = false;       // "N units ago/earlier/later"
  bool ref = false;       // PRESENT_REF / PAST_REF / FUTURE_REF
  bool derived = false;   // computed from another period ("year-ago")
};

// False for lexicon words that only serve as context for the rules (tense
// markers, prepositions, conjunctions): no rule family starts at them, so
// the scan skips them. Words with any time meaning always start a try.
bool CanStartExpression(const Lex& l) {
  if (l.month || l.weekday || l.unit != kNoUnit || l.number >= 0 ||
      l.ordinal || l.season || l.pod || l.holiday) {
    return true;
  }
  switch (l.kw) {
    case kSaid: case kWas: case kHad: case kDid: case kIs: case kSays:
    case kWill: case kShall: case kWould: case kGoing: case kExpected:
    case kPlan: case kTo: case kAnd: case kOr: case kOf: case kIn:
    case kFor: case kOn: case kBy: case kSince: case kDuring: case kStill:
    case kUntil: case kThrough: case kBetween: case kFrom: case kThan:
    case kOclock:
      return false;
    default:
      return true;
  }
}

bool IsEdWord(std::string_view w) {
  if (w.size() < 5 || w.substr(w.size() - 2) != "ed") return false;
  static constexpr std::string_view kNot[] = {
      "need", "speed", "proceed", "exceed", "succeed", "indeed", "embed",
      "breed", "bleed", "greed", "hundred", "kindred", "sacred", "naked",
      "wicked", "rugged", "ragged", "wretched", "beloved", "aged", "learned",
      "alleged", "reported", "based", "related", "limited", "united",
      "interested", "concerned", "supposed", "used", "expected",
      "scheduled", "planned", "proposed", "advanced", "detailed",
      "continued", "increased", "estimated", "skilled", "armed"};
  for (std::string_view n : kNot) {
    if (w == n) return false;
  }
  return true;
}

}  // namespace

class TimexTagger::Impl {
 public:
  void Tag(std::string_view text, const CivilTime& dct,
           std::vector<Timex>* out);

 private:
  // ---- tokens -----------------------------------------------------------
  void Tokenize();
  int n() const { return static_cast<int>(toks_.size()); }
  const Lex* L(int i) const {
    return i >= 0 && i < n() ? toks_[i].lex : nullptr;
  }
  bool Kw(int i, uint8_t k) const {
    const Lex* l = L(i);
    return l && l->kw == k;
  }
  bool Punct(int i, char c) const {
    return i >= 0 && i < n() && toks_[i].kind == kPunctTok &&
           text_[toks_[i].b] == c;
  }
  bool Adjacent(int i) const {  // no whitespace before token i
    return i >= 0 && i < n() && !toks_[i].space_before;
  }
  bool Num(int i) const { return i >= 0 && i < n() && toks_[i].kind == kNumTok; }
  bool Word(int i, std::string_view w) const {
    return i >= 0 && i < n() && toks_[i].kind == kWordTok && toks_[i].lw == w;
  }
  bool Hyphen(int i) const { return Punct(i, '-') && Adjacent(i); }
  bool IsApostrophe(int i) const;
  int Unit(int i) const {
    const Lex* l = L(i);
    return l ? static_cast<int>(l->unit) : static_cast<int>(kNoUnit);
  }
  bool UnitWord(int i, bool* plural) const {
    const Lex* l = L(i);
    if (!l || l->unit == kNoUnit) return false;
    if (plural) *plural = l->plural;
    return true;
  }

  // ---- helpers ----------------------------------------------------------
  int TenseAround(int begin, int end) const;  // -1 past, +1 future, 0
  bool ParseCardinal(int i, bool allow_article, int* end, int* value,
                     bool* fuzzy, bool* half) const;
  bool ParseYear(int i, int* end, int* year) const;
  bool ParseMonth(int i, int* end, int* month) const;
  bool ParseDayNumber(int i, int* end, int* day) const;
  // lean_past: with a silent tense, prefer the past occurrence unless the
  // future one is more than two months nearer (months and dates; not
  // holidays, which are announced ahead).
  int YearForMonthDay(int month, int day, int begin, int end,
                      bool lean_past = true) const;
  Pt DctPt(Gran g) const { return MakePt(dct_, g); }
  bool AnchorAt(Gran g, Pt* out) const;
  // True for a quoted title in capitals that reads as a time expression
  // (ABC's "This Week", CBS's "60 Minutes"): a quote before it, and every
  // word capitalized, its unit noun too, in mid-sentence.
  bool IsQuotedTitle(int begin, int end) const;
  // The quarter under discussion near token i that a year-on-year phrase
  // ("a year earlier", "year-ago") compares with: one of the four quarters
  // up to the DCT's, never a quarter already a year back ("the 1988
  // period" is itself the comparison).
  bool ReportQuarter(int i, Pt* out) const;

  // ---- rule families ----------------------------------------------------
  bool MatchAt(int i, Cand* c);
  bool MatchCore(int i, Cand* c);
  bool MatchTime(int i, Cand* c);
  bool MatchNumericDate(int i, Cand* c);
  bool MatchMonthDate(int i, Cand* c);
  bool MatchDayMonth(int i, Cand* c);
  bool MatchWeekday(int i, Cand* c);
  bool MatchDeictic(int i, Cand* c);
  bool MatchRef(int i, Cand* c);
  bool MatchRelative(int i, Cand* c);
  bool MatchQuarter(int i, Cand* c);
  bool MatchSeason(int i, Cand* c);
  bool MatchYearLike(int i, Cand* c);
  bool MatchNumUnit(int i, Cand* c);
  bool MatchSet(int i, Cand* c);
  bool MatchHoliday(int i, Cand* c);
  bool MatchBarePlural(int i, Cand* c);
  bool MatchDayExpr(int i, Cand* c);  // a day for a time to attach to
  bool MatchMonthRel(int i, Cand* c);

  void LinkRanges(std::vector<Timex>* out,
                  const std::vector<Cand>& cands,
                  const std::vector<int>& first_tok);

  std::string_view text_;
  std::string lower_;
  std::vector<Token> toks_;
  CivilTime dct_;
  Pt anchor_;          // narrative reference (g == kNone: none yet)
  int last_quarter_tok_ = -1000000;
  Pt last_quarter_;
  // First token of an enclosing expression while a part of it is resolved
  // ("4 a.m. EDT Thursday" resolves "Thursday"), else -1: tense and
  // deadline cues are looked for around the whole expression.
  int expr_begin_ = -1;
  // Per-Tag() scratch kept for its capacity: the matches in text order and
  // the token each starts at.
  std::vector<Cand> cands_;
  std::vector<int> first_tok_;
};

// ---------------------------------------------------------------------------
// Tokenizer

bool TimexTagger::Impl::IsApostrophe(int i) const {
  if (i < 0 || i >= n() || toks_[i].kind != kPunctTok) return false;
  const uint32_t b = toks_[i].b;
  if (text_[b] == '\'' || text_[b] == '`') return true;
  // U+2019 RIGHT SINGLE QUOTATION MARK, U+2018.
  return toks_[i].e - b == 3 && static_cast<unsigned char>(text_[b]) == 0xE2 &&
         static_cast<unsigned char>(text_[b + 1]) == 0x80 &&
         (static_cast<unsigned char>(text_[b + 2]) == 0x99 ||
          static_cast<unsigned char>(text_[b + 2]) == 0x98);
}

namespace {

// Byte classes for the tokenizer: one table load instead of range tests.
enum : uint8_t { kOtherByte = 0, kLetterByte, kDigitByte, kSpaceByte };

struct ByteClasses {
  uint8_t c[256] = {};
  constexpr ByteClasses() {
    for (int b = 'a'; b <= 'z'; ++b) c[b] = c[b - 32] = kLetterByte;
    for (int b = '0'; b <= '9'; ++b) c[b] = kDigitByte;
    c[' '] = c['\t'] = c['\n'] = c['\r'] = c['\f'] = c['\v'] = kSpaceByte;
  }
};
constexpr ByteClasses kByteClass;

// The end of the run of ASCII letters starting at `i`: eight bytes per step
// (SWAR), since words are most of the text and a byte loop ends each one
// on a mispredicted branch.
size_t LetterRunEnd(const char* s, size_t i, size_t size) {
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  // The first stop byte is the lowest set bit only on little-endian.
  while (std::endian::native == std::endian::little && i + 8 <= size) {
    uint64_t x;
    std::memcpy(&x, s + i, 8);
    // Folded to lower case and to 7 bits, so no byte's sum below carries
    // into the next; non-ASCII bytes are excluded by ~x.
    const uint64_t t = (x | 0x2020202020202020ull) & 0x7F7F7F7F7F7F7F7Full;
    const uint64_t at_least_a = t + 0x1F1F1F1F1F1F1F1Full;  // t >= 'a'
    const uint64_t above_z = t + 0x0505050505050505ull;     // t > 'z'
    const uint64_t stop = ~(at_least_a & ~above_z & ~x) & kHigh;
    if (stop) return i + (static_cast<size_t>(__builtin_ctzll(stop)) >> 3);
    i += 8;
  }
  while (i < size && kByteClass.c[static_cast<unsigned char>(s[i])] == kLetterByte)
    ++i;
  return i;
}

}  // namespace

void TimexTagger::Impl::Tokenize() {
  toks_.clear();
  const size_t size = text_.size();
  lower_.resize(size);
  {
    // Raw pointers: through std::string's operator[] the compiler reloads
    // the buffer every byte and does not vectorize the loop.
    const char* src = text_.data();
    char* dst = lower_.data();
    for (size_t i = 0; i < size; ++i) {
      const char ch = src[i];
      dst[i] = static_cast<char>(ch + ((ch >= 'A' && ch <= 'Z') ? 32 : 0));
    }
  }
  bool space = true;
  int newlines = 0;
  size_t i = 0;
  while (i < size) {
    const unsigned char c = static_cast<unsigned char>(text_[i]);
    if (kByteClass.c[c] == kSpaceByte) {
      space = true;
      if (c == '\n') ++newlines;
      ++i;
      continue;
    }
    // Built in place: a Token assembled on the stack and copied stalls on
    // store forwarding (byte stores read back as 16-byte loads).
    const size_t ti = toks_.size();
    Token& t = toks_.emplace_back();
    t.b = static_cast<uint32_t>(i);
    t.space_before = space;
    if (kByteClass.c[c] == kLetterByte) {
      const size_t j = LetterRunEnd(text_.data(), i + 1, size);
      t.kind = kWordTok;
      t.e = static_cast<uint32_t>(j);
      t.cap = c <= 'Z';
      t.lw = std::string_view(lower_).substr(i, j - i);
      t.lex = LookupWord(t.lw);
      i = j;
    } else if (kByteClass.c[c] == kDigitByte) {
      size_t j = i;
      int64_t v = 0;
      while (j < size && text_[j] >= '0' && text_[j] <= '9') {
        if (j - i < 18) v = v * 10 + (text_[j] - '0');
        ++j;
      }
      t.kind = kNumTok;
      t.e = static_cast<uint32_t>(j);
      t.num = v;
      t.ndigits = static_cast<int>(j - i);
      t.lw = std::string_view(lower_).substr(i, j - i);
      i = j;
    } else {
      size_t len = 1;
      if (c >= 0xC0) len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      if (i + len > size) len = size - i;
      t.kind = kPunctTok;
      t.e = static_cast<uint32_t>(i + len);
      t.lw = std::string_view(lower_).substr(i, len);
      i += len;
    }
    // Sentence id: paragraph breaks, and . ! ? followed by a space and a
    // capital (unless the dot ends an abbreviation).
    int sentence = ti == 0 ? 0 : toks_[ti - 1].sentence;
    if (newlines >= 2) {
      ++sentence;
    } else if (ti >= 2 && t.space_before) {
      const Token& prev = toks_[ti - 1];
      if (prev.kind == kPunctTok && (text_[prev.b] == '.' || text_[prev.b] == '?' ||
                                     text_[prev.b] == '!')) {
        const Token& before = toks_[ti - 2];
        const bool abbrev =
            text_[prev.b] == '.' && before.kind == kWordTok &&
            (before.e - before.b == 1 || (before.lex && before.lex->abbrev) ||
             before.lw == "mr" || before.lw == "mrs" || before.lw == "dr" ||
             before.lw == "st" || before.lw == "co" || before.lw == "inc" ||
             before.lw == "corp" || before.lw == "jr" || before.lw == "ms");
        if (!abbrev && (t.cap || t.kind != kWordTok)) ++sentence;
      }
    }
    t.sentence = sentence;
    space = false;
    newlines = 0;
  }
}

// ---------------------------------------------------------------------------
// Helpers

int TimexTagger::Impl::TenseAround(int begin, int end) const {
  // Nearest tense marker in the same sentence within a window.
  constexpr int kWindow = 20;
  const bool weekday = L(begin) && L(begin)->weekday;
  if (expr_begin_ >= 0 && expr_begin_ < begin) begin = expr_begin_;
  const int sentence = toks_[begin].sentence;
  // "effective Feb. 1": a change announced ahead of the date.
  const bool deadline =
      begin >= 1 && (((Kw(begin - 1, kUntil) || Kw(begin - 1, kBy)) &&
                      weekday) ||
                     Word(begin - 1, "effective"));
  // "as early as Tuesday", "as soon as Friday": a forecast.
  if (begin >= 3 && Kw(begin - 3, kAs) && Kw(begin - 1, kAs) &&
      (Kw(begin - 2, kSoon) || Kw(begin - 2, kEarly))) {
    return 1;
  }
  // A determiner before "plan" makes it a noun ("announced the plan"),
  // and "than expected" / "as expected" compare with a past forecast.
  auto determiner = [&](int k) {
    return Kw(k, kThe) || Kw(k, kA) || Kw(k, kAn) || Kw(k, kIts) ||
           Kw(k, kThis) || Kw(k, kThat) || Word(k, "his") ||
           Word(k, "her") || Word(k, "their") || Word(k, "our") ||
           Word(k, "s") || Kw(k, kThan) || Kw(k, kAs);
  };
  // A participle after a form of "be" or an article is passive or an
  // adjective ("would be completed in January", "a still unspecified
  // date"): it says nothing about the tense of the clause.
  // 1: after a form of "be" (passive), 2: after a determiner (adjective),
  // 0: neither; adverbs in between are skipped.
  auto participle = [&](int k) {
    for (int j = k - 1; j >= k - 3 && j >= 0; --j) {
      if (Word(j, "be") || Word(j, "been") || Word(j, "being") ||
          Kw(j, kIs)) {
        return 1;
      }
      if (determiner(j)) return 2;
      const std::string_view w = toks_[j].lw;
      const bool adverb = w.size() > 4 && w.substr(w.size() - 2) == "ly";
      if (!(adverb || Kw(j, kStill) || Word(j, "not") ||
            Word(j, "already"))) {
        return 0;
      }
    }
    return 0;
  };
  auto marker = [&](int k) -> int {
    const Token& t = toks_[k];
    if (t.kind != kWordTok) return 0;
    if (t.lex) {
      switch (t.lex->kw) {
        case kWill:
        case kShall:
        case kWould:
          return 1;
        case kPlan:
          // "plans to", "planning to": "vacation plans" is a noun.
          if (t.lw == "plan" || t.lw == "plans" || t.lw == "planning") {
            return Kw(k + 1, kTo) && !determiner(k - 1) ? 1 : 0;
          }
          // "the hastily planned trip" is an adjective.
          // "had been scheduled to expire Friday": a plan now past.
          if (Kw(k - 1, kHad) || (Word(k - 1, "been") && Kw(k - 2, kHad))) {
            return -1;
          }
          return participle(k) == 2 ? 0 : 1;
        case kExpected:
          return determiner(k - 1) ? 0 : 1;
        case kIs:
          // "is to resume trading Tuesday": an arrangement ahead.
          return Kw(k + 1, kTo) ? 1 : 0;
        case kGoing:
          return Kw(k + 1, kTo) ? 1 : 0;
        case kSaid:
        case kWas:
        case kHad:
          return -1;
        case kDid:
          return participle(k) ? 0 : -1;
        default:
          break;
      }
    }
    // "is set to resume Monday"
    if (t.lw == "set" && Kw(k + 1, kTo)) return 1;
    return IsEdWord(t.lw) && !participle(k) ? -1 : 0;
  };
  if (deadline) {
    // "until Tuesday", "by Friday": a deadline ahead, unless the clause is
    // in the past perfect ("Until Thursday, they had not called him a
    // suspect"); a reporting "said" around it does not move it back.
    for (int k = std::max(0, begin - kWindow);
         k < std::min(n(), end + kWindow); ++k) {
      if (toks_[k].sentence == sentence && Kw(k, kHad)) return -1;
    }
    return 1;
  }
  // A reporting verb after a closing quote or comma ("will leave
  // Thursday,'' Castro said") attributes the clause; it is not its verb.
  auto attribution = [&](int r) {
    if (!Kw(r, kSaid) && !Kw(r, kSays)) return false;
    for (int j = r - 1; j >= r - 4 && j > end - 1; --j) {
      if (Punct(j, ',') || Punct(j, '"') || IsApostrophe(j)) return true;
    }
    return false;
  };
  for (int dist = 1; dist <= kWindow; ++dist) {
    const int l = begin - dist;
    if (l >= 0 && toks_[l].sentence == sentence) {
      if (int m = marker(l)) return m;
    }
    const int r = end - 1 + dist;
    if (r < n() && toks_[r].sentence == sentence && !attribution(r)) {
      if (int m = marker(r)) return m;
    }
  }
  return 0;
}

bool TimexTagger::Impl::ParseCardinal(int i, bool allow_article, int* end,
                                      int* value, bool* fuzzy,
                                      bool* half) const {
  *fuzzy = false;
  *half = false;
  if (i >= n()) return false;
  const Token& t = toks_[i];
  int k = i;
  int v = -1;
  if (t.kind == kNumTok) {
    if (t.ndigits > 6) return false;
    // Not part of "1,500" or "2.5" or "$3".
    if ((Punct(i + 1, ',') || Punct(i + 1, '.')) && Adjacent(i + 1) &&
        Num(i + 2) && Adjacent(i + 2)) {
      return false;
    }
    if (i > 0 && Adjacent(i) && (Punct(i - 1, '$') || Punct(i - 1, '.'))) {
      return false;
    }
    v = static_cast<int>(t.num);
    k = i + 1;
    // "2 1/2"
    if (Num(k) && Punct(k + 1, '/') && Num(k + 2) && toks_[k].num == 1 &&
        toks_[k + 2].num == 2 && Adjacent(k + 1)) {
      *half = true;
      k += 3;
    }
  } else if (t.lex) {
    const Lex* l = t.lex;
    if (l->number >= 0) {
      v = l->number;
      k = i + 1;
      if (v >= 20 && v % 10 == 0 && Hyphen(k) && L(k + 1) &&
          L(k + 1)->number > 0 && L(k + 1)->number < 10) {
        v += L(k + 1)->number;
        k += 2;
      } else if (v >= 20 && v % 10 == 0 && L(k) && L(k)->number > 0 &&
                 L(k)->number < 10) {
        v += L(k)->number;  // "twenty four"
        k += 1;
      }
      if (Kw(k, kHundred)) {
        v *= 100;
        ++k;
      }
      if (Kw(k, kThousand)) {
        v *= 1000;
        ++k;
      }
    } else if (l->kw == kA || l->kw == kAn) {
      if (Kw(i + 1, kFew)) {
        *fuzzy = true;
        k = i + 2;
      } else if (Kw(i + 1, kCouple) && Kw(i + 2, kOf)) {
        v = 2;
        k = i + 3;
      } else if (Kw(i + 1, kHundred) || Kw(i + 1, kThousand)) {
        v = Kw(i + 1, kHundred) ? 100 : 1000;  // "almost a hundred years"
        k = i + 2;
      } else if (Word(i + 1, "number") && Kw(i + 2, kOf)) {
        *fuzzy = true;
        k = i + 3;
      } else if (Kw(i + 1, kHalf)) {
        v = 0;
        *half = true;
        k = i + 2;
      } else if (allow_article) {
        v = 1;
        k = i + 1;
      } else {
        return false;
      }
    } else if (l->kw == kCouple && Kw(i + 1, kOf)) {
      // "the next couple of years": two, loosely (the caller marks APPROX).
      v = 2;
      k = i + 2;
    } else if (l->kw == kSeveral || l->kw == kFew || l->kw == kSome ||
               l->kw == kMany) {
      *fuzzy = true;
      k = i + 1;
    } else if (l->kw == kHalf && (Kw(i + 1, kA) || Kw(i + 1, kAn))) {
      v = 0;
      *half = true;
      k = i + 2;
    } else {
      return false;
    }
  } else {
    return false;
  }
  if (!*fuzzy && !*half && Kw(k, kAnd) && Kw(k + 1, kA) && Kw(k + 2, kHalf)) {
    *half = true;
    k += 3;
  }
  *end = k;
  *value = *fuzzy ? -1 : v;
  return true;
}

bool TimexTagger::Impl::ParseYear(int i, int* end, int* year) const {
  // Spoken: "nineteen ninety-four", "eighteen sixty".
  if (const Lex* l = L(i);
      l && (l->number == 19 || l->number == 18) && L(i + 1) &&
      L(i + 1)->number >= 20 && L(i + 1)->number % 10 == 0 &&
      L(i + 1)->number < 100) {
    int y = l->number * 100 + L(i + 1)->number;
    int e = i + 2;
    if (Hyphen(e) && L(e + 1) && L(e + 1)->number > 0 &&
        L(e + 1)->number < 10) {
      y += L(e + 1)->number;
      e += 2;
    }
    *year = y;
    *end = e;
    return true;
  }
  if (Num(i) && toks_[i].ndigits == 4) {
    const int64_t v = toks_[i].num;
    if (v < 1000 || v > 2999) return false;
    if (i > 0 && Adjacent(i) &&
        (Punct(i - 1, '$') || Punct(i - 1, '.') || Punct(i - 1, ',') ||
         Punct(i - 1, '#') || Num(i - 1))) {
      return false;
    }
    // Path and URL segments ("/2013/06/28/").
    if ((Adjacent(i) && Punct(i - 1, '/')) ||
        (Adjacent(i + 1) && Punct(i + 1, '/'))) {
      return false;
    }
    if (Adjacent(i + 1) && (Punct(i + 1, '%') ||
                            ((Punct(i + 1, '.') || Punct(i + 1, ',')) &&
                             Num(i + 2) && Adjacent(i + 2)))) {
      return false;
    }
    *year = static_cast<int>(v);
    *end = i + 1;
    return true;
  }
  // '98
  if (IsApostrophe(i) && Num(i + 1) && Adjacent(i + 1) &&
      toks_[i + 1].ndigits == 2) {
    const int yy = static_cast<int>(toks_[i + 1].num);
    int y = dct_.year / 100 * 100 + yy;
    if (y > dct_.year + 10) y -= 100;
    *year = y;
    *end = i + 2;
    return true;
  }
  return false;
}

bool TimexTagger::Impl::ParseMonth(int i, int* end, int* month) const {
  const Lex* l = L(i);
  if (!l || !l->month || !toks_[i].cap) return false;
  int k = i + 1;
  if (l->abbrev) {
    if (Punct(k, '.') && Adjacent(k)) {
      ++k;
    } else if (toks_[i].lw == "mar" || toks_[i].lw == "jan" ||
               toks_[i].lw == "jun") {
      return false;  // too ambiguous without the dot
    }
  }
  // All-caps "MAY"/"MARCH" in headlines are fine; lowercase never matches.
  *month = l->month;
  *end = k;
  return true;
}

bool TimexTagger::Impl::ParseDayNumber(int i, int* end, int* day) const {
  // Spoken dates: "March eighth", "May twenty-first", "June thirtieth".
  if (const Lex* l = L(i); l && !Num(i)) {
    int v = l->ordinal > 0 ? l->ordinal : 0;
    int k = i + 1;
    if (v == 0 && (l->number == 20 || l->number == 30)) {
      int j = k;
      if (Hyphen(j)) ++j;
      if (L(j) && L(j)->ordinal >= 1 && L(j)->ordinal <= 9) {
        v = l->number + L(j)->ordinal;
        k = j + 1;
      }
    }
    if (v < 1 || v > 31) return false;
    if (Unit(k) == kQuarter || Kw(k, kHalf)) return false;  // "April second quarter"
    *day = v;
    *end = k;
    return true;
  }
  if (!Num(i) || toks_[i].ndigits > 2) return false;
  const int v = static_cast<int>(toks_[i].num);
  if (v < 1 || v > 31) return false;
  int k = i + 1;
  if (Kw(k, kOrdinalSuffix) && Adjacent(k)) ++k;
  // Not "May 5.5" or "March 3,000".
  if ((Punct(k, '.') || Punct(k, ',')) && Adjacent(k) && Num(k + 1) &&
      Adjacent(k + 1)) {
    return false;
  }
  if ((Punct(k, ':') && Adjacent(k) && Num(k + 1) && Adjacent(k + 1)) ||
      Punct(k, '%')) {
    return false;
  }
  *day = v;
  *end = k;
  return true;
}

int TimexTagger::Impl::YearForMonthDay(int month, int day, int begin,
                                       int end, bool lean_past) const {
  // The occurrence of (month, day) nearest the DCT, unless the tense of
  // the clause says it lies before or after the DCT.
  const int y = dct_.year;
  const int cmp = month != dct_.month ? (month < dct_.month ? -1 : 1)
                  : day == 0          ? 0
                  : day < dct_.day    ? -1
                  : day > dct_.day    ? 1
                                      : 0;
  if (cmp == 0) return y;
  const int past_y = cmp > 0 ? y - 1 : y;
  const int future_y = cmp < 0 ? y + 1 : y;
  const int dct_m = y * 12 + dct_.month;
  const int past_gap = dct_m - (past_y * 12 + month);
  const int future_gap = future_y * 12 + month - dct_m;
  // Tense overrides nearness, except for dates within two months, which
  // past-tense sentences often announce ("said it would pay Dec. 15").
  // "the year ended Jan. 31": a period that has closed.
  if (begin >= 1 && Word(begin - 1, "ended")) return past_y;
  const int tense = TenseAround(begin, end);
  if (tense < 0 && future_gap > 2) return past_y;
  if (tense > 0) return future_y;
  // Silent tense: the nearer occurrence, with a two-month lean to the
  // past, since news mostly reports what happened (a month five ahead of
  // the DCT is read as seven months ago).
  const int lean = lean_past ? 2 : 0;
  if (past_gap == future_gap + lean) return lean_past ? past_y : y;
  return past_gap < future_gap + lean ? past_y : future_y;
}

bool TimexTagger::Impl::IsQuotedTitle(int begin, int end) const {
  if (begin < 1 || !(Punct(begin - 1, '"') || IsApostrophe(begin - 1))) {
    return false;
  }
  bool unit = false;
  for (int k = begin; k < end; ++k) {
    if (toks_[k].kind != kWordTok) continue;
    if (!toks_[k].cap) return false;
    if (Unit(k) != kNoUnit) unit = true;
  }
  return unit;
}

bool TimexTagger::Impl::ReportQuarter(int i, Pt* out) const {
  if (last_quarter_.g != Gran::kQuarter || i - last_quarter_tok_ >= 400) {
    return false;
  }
  const int dct_q = dct_.year * 4 + (dct_.month - 1) / 3;
  const int q = last_quarter_.y * 4 + last_quarter_.sub - 1;
  if (dct_q - q < 0 || dct_q - q > 3) return false;
  *out = last_quarter_;
  return true;
}

bool TimexTagger::Impl::AnchorAt(Gran g, Pt* out) const {
  if (anchor_.g == Gran::kNone) return false;
  Pt p = anchor_;
  p.g = g;
  if (g == Gran::kQuarter) p.sub = (p.mo - 1) / 3 + 1;
  if (g == Gran::kHalf) p.sub = (p.mo - 1) / 6 + 1;
  Normalize(&p);
  *out = p;
  return true;
}

// ---------------------------------------------------------------------------
// Rule families. Each returns true and fills *c (c->end > i) on a match.

bool TimexTagger::Impl::MatchTime(int i, Cand* c) {
  int k = i;
  int hh = -1, mi = 0;
  bool have_ampm = false;
  if (Kw(i, kNoon) || Kw(i, kMidnight)) {
    hh = Kw(i, kNoon) ? 12 : 24;
    k = i + 1;
    have_ampm = true;
  } else if (Num(i) && toks_[i].ndigits <= 2 && toks_[i].num <= 24) {
    if (i > 0 && Adjacent(i) && (Punct(i - 1, '$') || Punct(i - 1, '.') ||
                                 Punct(i - 1, ':'))) {
      return false;
    }
    hh = static_cast<int>(toks_[i].num);
    k = i + 1;
    if (Punct(k, ':') && Adjacent(k) && Num(k + 1) && Adjacent(k + 1) &&
        toks_[k + 1].ndigits == 2 && toks_[k + 1].num < 60) {
      mi = static_cast<int>(toks_[k + 1].num);
      k += 2;
      if (Punct(k, ':') && Adjacent(k) && Num(k + 1) && toks_[k + 1].ndigits == 2) {
        k += 2;  // seconds dropped
      }
      have_ampm = false;
    } else if (hh > 12) {
      return false;
    }
    // a.m. / p.m. / am / pm / o'clock
    auto ampm = [&](int j, int* after) -> int {  // 0 none, 1 am, 2 pm
      if ((Word(j, "a") || Word(j, "p")) && Punct(j + 1, '.') &&
          Adjacent(j + 1) && Word(j + 2, "m") && Adjacent(j + 2)) {
        *after = j + 3;
        if (Punct(*after, '.') && Adjacent(*after)) ++*after;
        return Word(j, "a") ? 1 : 2;
      }
      if (Word(j, "am") || Word(j, "pm")) {
        *after = j + 1;
        if (Punct(*after, '.') && Adjacent(*after)) ++*after;
        return Word(j, "am") ? 1 : 2;
      }
      return 0;
    };
    int after = k;
    const int ap = ampm(k, &after);
    if (ap) {
      if (hh > 12 || hh == 0) return false;
      if (ap == 2 && hh < 12) hh += 12;
      if (ap == 1 && hh == 12) hh = 0;
      k = after;
      have_ampm = true;
    } else if (Word(k, "o") && IsApostrophe(k + 1) && Kw(k + 2, kOclock)) {
      k += 3;
      have_ampm = true;
    } else if (Kw(k, kIn) && Kw(k + 1, kThe) && L(k + 2) && L(k + 2)->pod) {
      const int pod = L(k + 2)->pod;
      if (pod >= 2 && hh < 12) hh += 12;
      k += 3;
      have_ampm = true;
    } else if (k == i + 1) {
      return false;  // a bare number is not a time
    }
  } else {
    return false;
  }
  (void)have_ampm;
  if (Kw(k, kTimezone)) ++k;
  if (Kw(k, kLocal) && Kw(k + 1, kTime)) k += 2;
  // An attached day: "5 p.m. Friday", "9 a.m. yesterday", "noon Nov. 9";
  // else the day under narration, else the DCT.
  Pt day = DctPt(Gran::kDay);
  if (anchor_.g == Gran::kDay || anchor_.g == Gran::kPod) {
    day = anchor_;
    day.g = Gran::kDay;
  }
  Cand dc;
  int kk = k;
  if (Punct(kk, ',')) ++kk;
  expr_begin_ = i;
  if (kk < n() && MatchDayExpr(kk, &dc)) {
    day = dc.pt;
    k = dc.end;
  } else if (Kw(k, kOn) && MatchDayExpr(k + 1, &dc)) {
    day = dc.pt;
    k = dc.end;
  }
  expr_begin_ = -1;
  Pt p = day;
  p.g = Gran::kMinute;
  p.hh = hh;
  p.mi = mi;
  c->end = k;
  c->type = TimexType::kTime;
  c->pt = p;
  if (hh == 24) {
    c->value = Format(Pt{Gran::kDay, p.y, p.mo, p.d, 0, 0, 0, 0}) + "T24";
  } else {
    c->value = Format(p);
  }
  return true;
}

bool TimexTagger::Impl::MatchDayExpr(int i, Cand* c) {
  if (i >= n()) return false;
  const Lex* l = L(i);
  if (l && (l->kw == kToday || l->kw == kYesterday || l->kw == kTomorrow ||
            l->kw == kTonight)) {
    const int delta = l->kw == kYesterday ? -1 : l->kw == kTomorrow ? 1 : 0;
    c->pt = MakePt(AddDays(dct_, delta), Gran::kDay);
    c->end = i + 1;
    return true;
  }
  if (MatchMonthDate(i, c) && c->pt.g == Gran::kDay) return true;
  if (l && l->weekday && toks_[i].cap) return MatchWeekday(i, c) && c->pt.g == Gran::kDay;
  return false;
}

bool TimexTagger::Impl::MatchNumericDate(int i, Cand* c) {
  if (!Num(i)) return false;
  // ISO 2013-07-12
  if (toks_[i].ndigits == 4 && Hyphen(i + 1) && Num(i + 2) && Adjacent(i + 2) &&
      toks_[i + 2].ndigits == 2 && Hyphen(i + 3) && Num(i + 4) &&
      Adjacent(i + 4) && toks_[i + 4].ndigits == 2) {
    CivilTime t;
    t.year = static_cast<int>(toks_[i].num);
    t.month = static_cast<int>(toks_[i + 2].num);
    t.day = static_cast<int>(toks_[i + 4].num);
    if (!t.valid_date()) return false;
    c->end = i + 5;
    c->pt = MakePt(t, Gran::kDay);
    c->explicit_year = true;
    c->value = Format(c->pt);
    return true;
  }
  // 7/12/2013, 7/12/13 (month first unless the first number exceeds 12).
  if (toks_[i].ndigits <= 2 && Punct(i + 1, '/') && Adjacent(i + 1) &&
      Num(i + 2) && Adjacent(i + 2) && toks_[i + 2].ndigits <= 2 &&
      Punct(i + 3, '/') && Adjacent(i + 3) && Num(i + 4) && Adjacent(i + 4) &&
      (toks_[i + 4].ndigits == 4 || toks_[i + 4].ndigits == 2)) {
    int a = static_cast<int>(toks_[i].num), b = static_cast<int>(toks_[i + 2].num);
    CivilTime t;
    t.year = static_cast<int>(toks_[i + 4].num);
    if (toks_[i + 4].ndigits == 2) t.year += t.year <= dct_.year % 100 + 10 ? 2000 : 1900;
    t.month = a > 12 ? b : a;
    t.day = a > 12 ? a : b;
    if (!t.valid_date()) return false;
    c->end = i + 5;
    c->pt = MakePt(t, Gran::kDay);
    c->explicit_year = true;
    c->value = Format(c->pt);
    return true;
  }
  return false;
}

bool TimexTagger::Impl::MatchMonthDate(int i, Cand* c) {
  int k = i;
  int weekday_end = -1;
  if (L(i) && L(i)->weekday && toks_[i].cap) {
    k = i + 1;
    if (Punct(k, '.') && Adjacent(k)) ++k;
    if (Punct(k, ',')) ++k;
    weekday_end = k;
  }
  int month = 0, m_end = 0;
  if (!ParseMonth(k, &m_end, &month)) {
    if (weekday_end >= 0) {
      // "Friday, 12 July 2013"
      if (MatchDayMonth(weekday_end, c)) return true;
    }
    return false;
  }
  k = m_end;
  int day = 0, year = 0, e = 0;
  bool explicit_year = false;
  if (ParseDayNumber(k, &e, &day)) {
    k = e;
    int kk = k;
    if (Punct(kk, ',')) ++kk;
    if (ParseYear(kk, &e, &year)) {
      k = e;
      explicit_year = true;
    }
  } else if (ParseYear(k, &e, &year) ||
             (Punct(k, ',') && ParseYear(k + 1, &e, &year)) ||
             (Kw(k, kOf) && ParseYear(k + 1, &e, &year))) {
    k = e;
    explicit_year = true;
  }
  if (weekday_end >= 0 && day == 0) return false;
  // "the annual March for Life", "the March of the Mothers": the noun.
  if (month == 3 && day == 0 && !explicit_year &&
      ((Word(k, "for") && k + 1 < n() && toks_[k + 1].cap) ||
       (Kw(k, kOf) && Kw(k + 1, kThe) && k + 2 < n() && toks_[k + 2].cap))) {
    return false;
  }
  // "May this year", "June last year", "March next year"
  int shift_end = -1, shift = 0;
  if (!explicit_year && (Kw(k, kThis) || Kw(k, kLast) || Kw(k, kNext)) &&
      Unit(k + 1) == kYear && !L(k + 1)->plural) {
    shift = Kw(k, kLast) ? -1 : Kw(k, kNext) ? 1 : 0;
    shift_end = k + 2;
  }
  if (!explicit_year) {
    if (shift_end >= 0) {
      year = dct_.year + shift;
      k = shift_end;
    } else {
      year = YearForMonthDay(month, day, i, k);
    }
  }
  if (day > 0) {
    if (day > DaysInMonth(year, month)) return false;
  } else if (toks_[i].lw == "may" && !explicit_year && shift_end < 0) {
    // Sentence-initial "May" is usually the modal verb.
    if (i == 0 || toks_[i - 1].sentence != toks_[i].sentence) return false;
    // "may" after a subject-like word and before a verb: require a
    // preposition or determiner before a bare "May".
    const Lex* prev = L(i - 1);
    if (!prev || !(prev->kw == kIn || prev->kw == kOf || prev->kw == kLast ||
                   prev->kw == kNext || prev->kw == kThis ||
                   prev->kw == kSince || prev->kw == kUntil ||
                   prev->kw == kFrom || prev->kw == kTo || prev->kw == kAnd ||
                   prev->kw == kBetween || prev->kw == kEarly ||
                   prev->kw == kLate || prev->kw == kMid || prev->kw == kBy ||
                   prev->kw == kThrough || prev->kw == kBefore ||
                   prev->kw == kAfter || prev->kw == kOn ||
                   prev->kw == kDuring)) {
      return false;
    }
  }
  CivilTime t;
  t.year = year;
  t.month = month;
  t.day = day > 0 ? day : 1;
  c->end = k;
  c->pt = MakePt(t, day > 0 ? Gran::kDay : Gran::kMonth);
  c->explicit_year = explicit_year;
  // A dateline clock: "Fri Jul 12, 2013 16:48:58".
  if (day > 0 && Num(k) && toks_[k].ndigits <= 2 && toks_[k].num < 24 &&
      Punct(k + 1, ':') && Adjacent(k + 1) && Num(k + 2) && Adjacent(k + 2) &&
      toks_[k + 2].ndigits == 2 && toks_[k + 2].num < 60) {
    c->pt.g = Gran::kMinute;
    c->pt.hh = static_cast<int>(toks_[k].num);
    c->pt.mi = static_cast<int>(toks_[k + 2].num);
    c->end = k + 3;
    if (Punct(k + 3, ':') && Adjacent(k + 3) && Num(k + 4) &&
        Adjacent(k + 4) && toks_[k + 4].ndigits == 2 && toks_[k + 4].num < 60) {
      c->pt.ss = static_cast<int>(toks_[k + 4].num);
      if (c->pt.ss) c->pt.g = Gran::kSecond;
      c->end = k + 5;
    }
    c->type = TimexType::kTime;
  }
  c->value = Format(c->pt);
  return true;
}

bool TimexTagger::Impl::MatchDayMonth(int i, Cand* c) {
  int day = 0, e = 0;
  if (!ParseDayNumber(i, &e, &day)) return false;
  int k = e;
  if (Kw(k, kOf)) ++k;
  int month = 0;
  if (!ParseMonth(k, &e, &month)) return false;
  k = e;
  int year = 0;
  bool explicit_year = false;
  int kk = k;
  if (Punct(kk, ',')) ++kk;
  if (ParseYear(kk, &e, &year)) {
    k = e;
    explicit_year = true;
  } else {
    year = YearForMonthDay(month, day, i, k);
  }
  if (day > DaysInMonth(year, month)) return false;
  CivilTime t;
  t.year = year;
  t.month = month;
  t.day = day;
  c->end = k;
  c->pt = MakePt(t, Gran::kDay);
  c->explicit_year = explicit_year;
  c->value = Format(c->pt);
  return true;
}

bool TimexTagger::Impl::MatchWeekday(int i, Cand* c) {
  int k = i;
  int dir = 0;  // -1 last, +1 next, 2 this
  if (Kw(k, kLast) || Kw(k, kPast) || Kw(k, kPrevious)) {
    dir = -1;
    ++k;
  } else if (Kw(k, kNext) || Kw(k, kComing)) {
    dir = 1;
    ++k;
  } else if (Kw(k, kThis)) {
    dir = 2;
    ++k;
    // "this coming Sunday", "this past Friday".
    if (Kw(k, kComing)) {
      dir = 1;
      ++k;
    } else if (Kw(k, kPast)) {
      dir = -1;
      ++k;
    }
  }
  const Lex* l = L(k);
  if (!l || !l->weekday || !toks_[k].cap) return false;
  if (l->abbrev && !(Punct(k + 1, '.') && Adjacent(k + 1))) return false;
  const int w = l->weekday;
  int e = k + 1;
  if (l->abbrev) ++e;
  const int w0 = Weekday(dct_.year, dct_.month, dct_.day);
  int diff = w - w0;
  if (dir == -1) {
    if (diff >= 0) diff -= 7;
  } else if (dir == 1) {
    if (diff <= 0) diff += 7;
  } else {
    int tense = TenseAround(i, e);
    if (dir == 2 && tense == 0) tense = 1;
    if (tense > 0) {
      if (diff < 0) diff += 7;
    } else {
      if (diff > 0) diff -= 7;
    }
  }
  CivilTime d = AddDays(dct_, diff);
  d.hour = -1;
  c->pt = MakePt(d, Gran::kDay);
  c->type = TimexType::kDate;
  // "this coming Sunday, March eighth": the written date is the value.
  Cand md;
  if (dir != 0 && Punct(e, ',') && L(e + 1) && L(e + 1)->month &&
      MatchMonthDate(e + 1, &md) && md.pt.g == Gran::kDay) {
    c->pt = md.pt;
    c->end = md.end;
    c->value = Format(c->pt);
    return true;
  }
  // "Friday morning", "Sunday night": TimeBank annotates these mostly as
  // the DATE of the day (with the times only the weekday is marked up,
  // the part-of-day value "...TNI" measured 3 fewer correct values).
  if (L(e) && L(e)->pod && !L(e)->plural) ++e;
  c->end = e;
  c->value = Format(c->pt);
  return true;
}

bool TimexTagger::Impl::MatchDeictic(int i, Cand* c) {
  const Lex* l = L(i);
  if (!l) return false;
  int k = i;
  int delta = 0;
  bool day_word = false;
  if (l->kw == kToday || l->kw == kYesterday || l->kw == kTomorrow) {
    // Generic uses are not dates: "many of today's computers", "in
    // today's world", "the people of tomorrow" (but "in today's editions",
    // "for today's quiz" are the DCT); nor is a name ("USA Today").
    const bool possessive = IsApostrophe(i + 1) && Word(i + 2, "s");
    if (Kw(i - 1, kOf) &&
        (possessive || (l->kw == kTomorrow &&
                        (i + 1 >= n() || toks_[i + 1].kind != kWordTok)))) {
      return false;
    }
    if (Kw(i - 1, kIn) && possessive &&
        (Word(i + 3, "world") || Word(i + 3, "society") ||
         Word(i + 3, "economy"))) {
      return false;
    }
    if (toks_[i].cap && i >= 1 && toks_[i - 1].kind == kWordTok &&
        toks_[i - 1].cap && toks_[i - 1].sentence == toks_[i].sentence) {
      return false;
    }
    delta = l->kw == kYesterday ? -1 : l->kw == kTomorrow ? 1 : 0;
    day_word = true;
    k = i + 1;
  } else if (l->kw == kThe && Unit(i + 1) == kDay && !L(i + 1)->plural &&
             (Kw(i + 2, kBefore) || Kw(i + 2, kAfter)) &&
             (Kw(i + 3, kYesterday) || Kw(i + 3, kTomorrow))) {
    delta = Kw(i + 3, kYesterday) ? -2 : 2;
    day_word = true;
    k = i + 4;
  } else if (l->kw == kTonight) {
    Pt p = DctPt(Gran::kDay);
    p.g = Gran::kPod;
    p.sub = 4;
    c->pt = p;
    c->end = i + 1;
    c->type = TimexType::kTime;
    c->value = Format(p);
    return true;
  } else if ((l->kw == kThis || l->kw == kLast) && L(i + 1) && L(i + 1)->pod) {
    Pt p = MakePt(AddDays(dct_, l->kw == kLast ? -1 : 0), Gran::kDay);
    p.g = Gran::kPod;
    p.sub = L(i + 1)->pod;
    if (l->kw == kLast && p.sub != 4 && p.sub != 3) return false;
    c->pt = p;
    c->end = i + 2;
    c->type = TimexType::kTime;
    c->value = Format(p);
    return true;
  }
  if (!day_word) return false;
  Pt p = MakePt(AddDays(dct_, delta), Gran::kDay);
  c->type = TimexType::kDate;
  if (L(k) && L(k)->pod) {
    p.g = Gran::kPod;
    p.sub = L(k)->pod;
    c->type = TimexType::kTime;
    ++k;
  }
  c->pt = p;
  c->end = k;
  c->value = Format(p);
  return true;
}

bool TimexTagger::Impl::MatchRef(int i, Cand* c) {
  const Lex* l = L(i);
  if (!l) return false;
  auto set = [&](int end, const char* v) {
    c->end = end;
    c->value = v;
    c->type = TimexType::kDate;
    c->ref = true;
    return true;
  };
  switch (l->kw) {
    case kNow:
      // "now" as a discourse marker is still PRESENT_REF in TimeML.
      return set(i + 1, "PRESENT_REF");
    case kCurrently:
    case kNowadays:
      return set(i + 1, "PRESENT_REF");
    case kRecently:
      return set(i + 1, "PAST_REF");
    case kSoon:
      // "will soon begin", "to soon grow"; "as soon as Friday" and "soon
      // after the attack" take their time from what follows.
      if (Kw(i - 1, kAs) || Kw(i + 1, kAs) || Kw(i + 1, kAfter) ||
          Word(i + 1, "thereafter")) {
        return false;
      }
      return set(i + 1, "FUTURE_REF");
    case kAs:
      if (Kw(i + 1, kSoon) && Kw(i + 2, kAs) && Word(i + 3, "possible")) {
        return set(i + 4, "FUTURE_REF");
      }
      return false;
    case kCurrent:
      // Bare "current" (not "the current year", handled by MatchRelative).
      if (Unit(i + 1) || Kw(i + 1, kFiscal)) return false;
      return set(i + 1, "PRESENT_REF");
    case kRecent:
      if (Unit(i + 1)) return false;
      return set(i + 1, "PAST_REF");
    case kThe:
      if (Kw(i + 1, kPast)) {
        const Lex* next = L(i + 2);
        if (Num(i + 2) || Kw(i + 2, kFiscal) ||
            (next && (next->unit || next->number >= 0 || next->season ||
                      next->kw == kFew || next->kw == kSeveral ||
                      next->kw == kCouple || next->kw == kMany ||
                      next->kw == kWeekend || next->weekday || next->month))) {
          return false;
        }
        return set(i + 2, "PAST_REF");
      }
      if (Kw(i + 1, kFuture)) return set(i + 2, "FUTURE_REF");
      if (Kw(i + 1, kPresent) && !Unit(i + 2)) return set(i + 2, "PRESENT_REF");
      if (Kw(i + 1, kNear) && (Kw(i + 2, kFuture) || Kw(i + 2, kTerm))) {
        return set(i + 3, "FUTURE_REF");
      }
      return false;
    case kThese:
      if (Word(i + 1, "days")) return set(i + 2, "PRESENT_REF");
      return false;
    default:
      return false;
  }
}

// last/this/next/past/coming/previous/following/that/same + unit, with an
// optional count ("the past two years" -> DURATION).
bool TimexTagger::Impl::MatchRelative(int i, Cand* c) {
  int k = i;
  const bool the = Kw(k, kThe);
  if (the) ++k;
  const Lex* l = L(k);
  if (!l) return false;
  const uint8_t kw = l->kw;
  const bool is_first = l->ordinal == 1 && the;
  if (!(kw == kLast || kw == kPast || kw == kNext || kw == kComing ||
        kw == kPrevious || kw == kFollowing || kw == kThis || kw == kThat ||
        kw == kSame || kw == kCurrent || kw == kLatest || kw == kRecent ||
        is_first)) {
    return false;
  }
  ++k;
  if (Kw(k, kFiscal)) ++k;
  // Count: "the past two years", "the next several days", "the first nine
  // months", "the last few months".
  int count_end = 0, count = 0;
  bool fuzzy = false, half = false;
  if (kw != kThis && kw != kThat && kw != kSame &&
      ParseCardinal(k, false, &count_end, &count, &fuzzy, &half)) {
    bool plural = false;
    int u = count_end;
    if (Hyphen(u)) ++u;
    if (UnitWord(u, &plural) && (plural || count == 1 || half)) {
      const int unit = Unit(u);
      c->end = u + 1;
      c->type = TimexType::kDuration;
      c->value = DurationValue(unit, count, half);
      if (Kw(k, kCouple)) c->mod = "APPROX";
      c->det_ok = true;
      return true;
    }
    return false;
  }
  if (is_first) return false;
  bool plural = false;
  if (UnitWord(k, &plural)) {
    const int unit = Unit(k);
    if (plural) {
      // "recent years", "the coming months", "these days".
      if (kw == kRecent || kw == kComing || kw == kPast || kw == kLast ||
          kw == kNext) {
        if (kw == kRecent && unit == kYear) {
          c->end = k + 1;
          c->value = "PAST_REF";
          c->ref = true;
          c->det_ok = true;
          return true;
        }
        c->end = k + 1;
        c->type = TimexType::kDuration;
        c->value = DurationValue(unit, -1, false);
        c->det_ok = true;
        return true;
      }
      return false;
    }
    if (kw == kRecent) return false;
    if (unit == kSecond || unit == kMinute || unit == kHour) return false;
    const Gran g = UnitGran(unit);
    Pt base;
    int n_shift = 0;
    bool anchored = false;
    switch (kw) {
      case kLast:
      case kPast:
      case kPrevious:
        n_shift = -1;
        anchored = kw == kPrevious && the;
        break;
      case kNext:
      case kComing:
      case kFollowing:
        n_shift = 1;
        anchored = the && (kw == kFollowing || (kw == kNext && unit == kDay));
        break;
      case kLatest:
        if (unit != kQuarter && unit != kYear) return false;
        n_shift = -1;
        break;
      case kThat:
      case kSame:
        anchored = true;
        if (kw == kSame && !the) return false;
        break;
      default:  // this, current
        break;
    }
    if (unit == kDay && !anchored) return false;  // "next day" etc.
    if (anchored && unit == kQuarter && last_quarter_.g == Gran::kQuarter) {
      base = last_quarter_;
    } else if (anchored) {
      if (!AnchorAt(g, &base)) base = DctPt(g);
    } else {
      base = DctPt(g);
    }
    Pt p = n_shift ? Shift(base, unit, n_shift) : base;
    c->end = k + 1;
    c->pt = p;
    c->type = TimexType::kDate;
    c->value = Format(p);
    c->det_ok = true;
    return true;
  }
  // "last weekend", "this weekend"
  if (Kw(k, kWeekend) && !L(k)->plural) {
    Pt p = DctPt(Gran::kWeekend);
    if (kw == kLast || kw == kPast || kw == kPrevious) p = Shift(p, kWeek, -1);
    if (kw == kNext || kw == kComing || kw == kFollowing) p = Shift(p, kWeek, 1);
    c->end = k + 1;
    c->pt = p;
    c->value = Format(p);
    c->det_ok = true;
    return true;
  }
  // "the next morning", "the following evening": the day after the day
  // under narration (as "the next day"; the part of day is not kept, as
  // for "Friday morning").
  if (the && (kw == kNext || kw == kFollowing) && L(k) && L(k)->pod &&
      !L(k)->plural) {
    Pt base;
    if (!AnchorAt(Gran::kDay, &base)) base = DctPt(Gran::kDay);
    Pt p = Shift(base, kDay, 1);
    c->end = k + 1;
    c->pt = p;
    c->type = TimexType::kDate;
    c->value = Format(p);
    c->det_ok = true;
    return true;
  }
  // "last night" is handled by MatchDeictic; "this morning" too.
  return false;
}

bool TimexTagger::Impl::MatchQuarter(int i, Cand* c) {
  int k = i;
  bool the = Kw(k, kThe) || Kw(k, kIts);
  if (the) ++k;
  int year = 0, e = 0;
  bool explicit_year = false;
  if (ParseYear(k, &e, &year)) {  // "the 1988 second quarter"
    if (!the) return false;
    explicit_year = true;
    k = e;
  } else if (!the && (Kw(k, kThis) || Kw(k, kLast) || Kw(k, kNext)) &&
             Unit(k + 1) == kYear && !L(k + 1)->plural &&
             IsApostrophe(k + 2) && Word(k + 3, "s")) {
    // "next year's first quarter", "this year's third quarter": the year
    // is fixed as if written out.
    year = dct_.year + (Kw(k, kLast) ? -1 : Kw(k, kNext) ? 1 : 0);
    explicit_year = true;
    the = true;
    k += 4;
  }
  bool year_ago = false;
  // "the year-ago quarter", "the year-earlier period", "last year's quarter"
  if (Unit(k) == kYear && !L(k)->plural && Hyphen(k + 1) &&
      (Kw(k + 2, kAgo) || Kw(k + 2, kEarlier))) {
    year_ago = true;
    k += 3;
  }
  if (Kw(k, kFiscal)) {
    ++k;
    if (Hyphen(k)) ++k;
  }
  int ord = 0;
  bool latest = false;
  const Lex* l = L(k);
  if (l && l->ordinal >= 1 && l->ordinal <= 4) {
    ord = l->ordinal;
    ++k;
  } else if (l && l->ordinal == -1 && the &&
             (Kw(k + 1, kHalf) || Unit(k + 1) == kQuarter) &&
             Kw(k + 2, kOf) && ParseYear(k + 3, &e, &year)) {
    // "the last half of 1989", "the final quarter of 1998".
    ord = Kw(k + 1, kHalf) ? 2 : 4;
    ++k;
  } else if (Num(k) && toks_[k].num >= 1 && toks_[k].num <= 4 &&
             Kw(k + 1, kOrdinalSuffix) && Adjacent(k + 1)) {
    ord = static_cast<int>(toks_[k].num);
    k += 2;
  } else if (l && (l->kw == kLatest || l->kw == kCurrent)) {
    latest = l->kw == kLatest;
    ++k;
  } else if (!the && !year_ago) {
    return false;
  }
  if (Hyphen(k)) ++k;
  if (Kw(k, kFiscal)) ++k;
  // "its quarter-century low", "the quarter-to-quarter comparison".
  if (Unit(k) == kQuarter && Hyphen(k + 1) &&
      (Unit(k + 2) >= kYear || Kw(k + 2, kTo))) {
    return false;
  }
  const bool quarter = Unit(k) == kQuarter && !L(k)->plural;
  const bool halfw = Kw(k, kHalf) && ord >= 1 && ord <= 2;
  const bool period = Kw(k, kPeriod) && (year_ago || explicit_year || latest);
  if (!quarter && !halfw && !period) {
    if (!year_ago || ord || latest) return false;
    // The bare adjective "year-earlier" / "year-ago": the period under
    // discussion, a year before.
    Pt p;
    if (ReportQuarter(i, &p)) {
      p = Shift(p, kYear, -1);
    } else {
      p = Shift(DctPt(Gran::kYear), kYear, -1);
    }
    const int start = the ? i + 1 : i;
    if (the) return false;
    c->end = start + 3;
    c->pt = p;
    c->value = Format(p);
    c->derived = true;
    return true;
  }
  if (!the && !ord && !year_ago) return false;
  ++k;
  if (!explicit_year) {
    int kk = k;
    if (Kw(kk, kOf) || Punct(kk, ',')) ++kk;
    if (ParseYear(kk, &e, &year)) {
      explicit_year = true;
      k = e;
    }
  }
  Pt p;
  if (halfw) {
    p.g = Gran::kHalf;
    p.y = explicit_year ? year : dct_.year;
    p.sub = ord;
    Normalize(&p);
  } else if (ord) {
    p.g = Gran::kQuarter;
    p.sub = ord;
    p.y = explicit_year ? year : dct_.year;
    if (!explicit_year) {
      const int dq = (dct_.month - 1) / 3 + 1;
      if (ord > dq && TenseAround(i, k) < 0) --p.y;
    }
    Normalize(&p);
  } else {
    // "the quarter", "the latest quarter", "the year-ago quarter": the
    // quarter under discussion, else the last completed one.
    if (Kw(k - 2, kCurrent) || Kw(k - 2, kThis)) {
      p = DctPt(Gran::kQuarter);
    } else if (last_quarter_.g == Gran::kQuarter &&
               i - last_quarter_tok_ < 400 && !latest) {
      p = last_quarter_;
    } else {
      p = Shift(DctPt(Gran::kQuarter), kQuarter, -1);
    }
    if (explicit_year) {
      p.y = year;
      Normalize(&p);
    }
    // "the quarter ended Sept. 30": the calendar quarter holding most of
    // the three months that end then (its closing month minus one), so a
    // fiscal quarter ended July 31 is 19xx-Q2.
    Cand end_date;
    if (!explicit_year && (Word(k, "ended") || Word(k, "ending")) &&
        MatchMonthDate(k + 1, &end_date) && end_date.pt.g == Gran::kDay) {
      Pt q = end_date.pt;
      q.g = Gran::kQuarter;
      CivilTime mid = AddMonths(PtDate(q), -1);
      p = MakePt(mid, Gran::kQuarter);
    }
  }
  // "the quarter a year ago", "the period a year earlier".
  if (!year_ago && Kw(k, kA) && Unit(k + 1) == kYear && !L(k + 1)->plural &&
      (Kw(k + 2, kAgo) || Kw(k + 2, kEarlier))) {
    year_ago = true;
    k += 3;
  }
  if (year_ago) {
    p = Shift(p, kYear, -1);
    c->derived = true;
  }
  c->end = k;
  c->pt = p;
  c->type = TimexType::kDate;
  c->value = Format(p);
  c->explicit_year = explicit_year;
  c->det_ok = true;
  return true;
}

bool TimexTagger::Impl::MatchSeason(int i, Cand* c) {
  int k = i;
  const bool the = Kw(k, kThe);
  if (the) ++k;
  int shift = 0;
  bool rel = false;
  if (Kw(k, kLast) || Kw(k, kPast)) {
    shift = -1;
    rel = true;
    ++k;
  } else if (Kw(k, kNext) || Kw(k, kComing)) {
    shift = 1;
    rel = true;
    ++k;
  } else if (Kw(k, kThis)) {
    rel = true;
    ++k;
  }
  // "this past spring": the most recent spring before the DCT's season.
  bool this_past = false;
  if (rel && shift == 0 && Kw(k, kPast)) {
    this_past = true;
    ++k;
  }
  const Lex* l = L(k);
  if (!l || !l->season) return false;
  int year = 0, e = 0;
  bool explicit_year = false;
  int kk = k + 1;
  if (Kw(kk, kOf) || Punct(kk, ',')) ++kk;
  if (ParseYear(kk, &e, &year)) explicit_year = true;
  // "fall" and "spring" are verbs too: require a determiner, "last/this/
  // next", a year, or a preceding preposition.
  const bool prep = Kw(i - 1, kIn) || Kw(i - 1, kDuring) || Kw(i - 1, kSince) ||
                    Kw(i - 1, kBy) || Kw(i - 1, kUntil) || Kw(i - 1, kEarly) ||
                    Kw(i - 1, kLate) || Kw(i - 1, kThrough) || Kw(i - 1, kFor);
  if (!the && !rel && !explicit_year && !prep) return false;
  if (l->season == 3 && toks_[k].lw == "fall" && !rel && !explicit_year &&
      !the) {
    return false;
  }
  Pt p;
  p.g = Gran::kSeason;
  p.sub = l->season;
  p.y = explicit_year ? year : dct_.year + shift;
  if (this_past && !explicit_year) {
    const Pt now = DctPt(Gran::kSeason);
    p.y = l->season < now.sub ? now.y : now.y - 1;
  }
  p.mo = l->season == 4 ? 12 : (l->season - 1) * 3 + 3;
  p.d = 1;
  c->end = explicit_year ? e : k + 1;
  c->pt = p;
  c->explicit_year = explicit_year;
  c->value = Format(p);
  c->det_ok = true;
  return true;
}

// Years, decades, centuries, "fiscal 1989", "the year 2000".
bool TimexTagger::Impl::MatchYearLike(int i, Cand* c) {
  int k = i;
  const bool the = Kw(k, kThe);
  if (the) ++k;
  // Centuries: "the 20th century", "the twentieth century".
  {
    int ord = 0, e = k;
    if (L(k) && L(k)->ordinal >= 1) {
      ord = L(k)->ordinal;
      e = k + 1;
    } else if (Num(k) && toks_[k].ndigits <= 2 && Kw(k + 1, kOrdinalSuffix) &&
               Adjacent(k + 1)) {
      ord = static_cast<int>(toks_[k].num);
      e = k + 2;
    }
    if (ord >= 1) {
      if (Hyphen(e)) ++e;
      if (Unit(e) == kCentury && !L(e)->plural) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%02d", ord - 1);
        c->end = e + 1;
        c->value = buf;
        c->pt.g = Gran::kCentury;
        c->pt.y = (ord - 1) * 100;
        c->det_ok = true;
        return true;
      }
    }
  }
  // Decades: "1990s", "the '80s", "the 1990's".
  {
    int year = 0, e = 0;
    if (ParseYear(k, &e, &year) && year % 10 == 0) {
      int s = e;
      if (IsApostrophe(s) && Adjacent(s)) ++s;
      if (Word(s, "s") && Adjacent(s)) {
        Pt p;
        p.g = Gran::kDecade;
        p.y = year;
        c->end = s + 1;
        c->pt = p;
        c->value = Format(p);
        c->det_ok = true;
        c->explicit_year = true;
        return true;
      }
    }
  }
  if (the) {
    // "the year 2000", "the year two thousand"
    if (Unit(k) == kYear && !L(k)->plural) {
      int year = 0, e = 0;
      if (ParseYear(k + 1, &e, &year)) {
        c->end = e;
      } else if (L(k + 1) && L(k + 1)->number == 2 && Kw(k + 2, kThousand)) {
        year = 2000;
        e = k + 3;
        if (L(e) && L(e)->number > 0 && L(e)->number < 100) {
          year += L(e)->number;
          ++e;
        }
        c->end = e;
      } else {
        return false;
      }
      c->pt = MakePt(CivilTime{year, 1, 1}, Gran::kYear);
      c->value = Format(c->pt);
      c->det_ok = true;
      c->explicit_year = true;
      return true;
    }
    return false;
  }
  int year = 0, e = 0;
  int start = i;
  if (Kw(i, kFiscal)) {
    if (!ParseYear(i + 1, &e, &year)) return false;
    start = i + 1;
  } else if (!ParseYear(i, &e, &year)) {
    // "nineteen ninety-one"
    if (L(i) && (L(i)->number == 19 || L(i)->number == 18) && L(i + 1) &&
        L(i + 1)->number >= 20 && L(i + 1)->number % 10 == 0 &&
        L(i + 1)->number < 100) {
      year = L(i)->number * 100 + L(i + 1)->number;
      e = i + 2;
      if (Hyphen(e) && L(e + 1) && L(e + 1)->number > 0 &&
          L(e + 1)->number < 10) {
        year += L(e + 1)->number;
        e += 2;
      }
    } else {
      return false;
    }
  } else if (IsApostrophe(i)) {
    return false;  // a bare '98 is too ambiguous
  }
  (void)start;
  // A bare number that looks like a year: accept 1900..2099 freely, older
  // years only after "in/since/of/by/from/until".
  if (!Kw(i, kFiscal) && (year < 1900 || year > 2099)) {
    if (!(Kw(i - 1, kIn) || Kw(i - 1, kSince) || Kw(i - 1, kBy) ||
          Kw(i - 1, kUntil) || Kw(i - 1, kFrom))) {
      return false;
    }
  }
  // Not a count: "2000 people".
  if (Unit(e) != kNoUnit && !Hyphen(e)) return false;
  // Part of a name: "Orion 1980", "Expo 2000" (a capitalized word outside
  // the time vocabulary right before it, in mid-sentence).
  if (Num(i) && i >= 1 && toks_[i - 1].kind == kWordTok && toks_[i - 1].cap &&
      !toks_[i - 1].lex && toks_[i - 1].sentence == toks_[i].sentence &&
      i >= 2 && toks_[i - 2].sentence == toks_[i].sentence) {
    return false;
  }
  c->end = e;
  c->pt = MakePt(CivilTime{year, 1, 1}, Gran::kYear);
  c->value = Format(c->pt);
  c->explicit_year = true;
  return true;
}

// "three years", "two-year", "a week", "five years ago", "two days later".
bool TimexTagger::Impl::MatchNumUnit(int i, Cand* c) {
  int k = 0, count = 0;
  bool fuzzy = false, half = false;
  if (!ParseCardinal(i, true, &k, &count, &fuzzy, &half)) return false;
  const bool article = Kw(i, kA) || Kw(i, kAn);
  // "two more weeks", "an additional year", "eight trading days", "three
  // straight quarters": the word between count and unit belongs to it.
  const bool filler = (Kw(k, kMore) && !article) || Word(k, "additional") ||
                      Word(k, "extra") || Word(k, "trading") ||
                      Word(k, "business") || Word(k, "working") ||
                      Word(k, "straight") || Word(k, "consecutive");
  if (filler && UnitWord(k + 1, nullptr)) ++k;
  const bool hyphen = Hyphen(k);
  if (hyphen) ++k;
  bool plural = false;
  if (!UnitWord(k, &plural)) return false;
  const int unit = Unit(k);
  if (!fuzzy && !half && count != 1 && !plural && !hyphen && count != 0) {
    // "five year" occurs as an adjective ("a five year low"): accept.
  }
  if (fuzzy && !plural && !hyphen) return false;  // "a several-year effort"
  // Ages ("a 6-year-old", "52 years old") are not time expressions, nor
  // fractions ("three-quarters").
  if (Kw(k + 1, kOld) || (Hyphen(k + 1) && Kw(k + 2, kOld))) return false;
  // "a year-earlier loss": the adjective "year-earlier" is the expression
  // (MatchQuarter), the article belongs to the noun.
  if (article && Hyphen(k + 1) && (Kw(k + 2, kEarlier) || Kw(k + 2, kAgo))) {
    return false;
  }
  if (unit == kQuarter && hyphen && plural) return false;
  if (count == 1 && plural && !Num(i)) return false;  // "one days"
  if (article && count == 1 && (unit == kSecond || unit == kQuarter) &&
      !(Kw(k + 1, kAgo) || Kw(k + 1, kEarlier) || Kw(k + 1, kLater))) {
    return false;  // "a second time", "a quarter of"
  }
  if (unit == kSecond && !plural && !Num(i) && !(L(i) && L(i)->number >= 0)) {
    return false;
  }
  int e = k + 1;
  if (!half && !fuzzy && Kw(e, kAnd) && (Kw(e + 1, kA) || Kw(e + 1, kAn)) &&
      Kw(e + 2, kHalf)) {
    half = true;
    e += 3;
  }
  // Ago / earlier / later / from now / hence.
  int dir = 0;
  bool anchored = false;
  if (Kw(e, kAgo) || Kw(e, kBack)) {
    dir = -1;
    ++e;
  } else if (Kw(e, kEarlier)) {
    dir = -1;
    anchored = true;
    ++e;
  } else if (Kw(e, kFrom) && Kw(e + 1, kNow)) {
    // (Not "later": TimeML annotates "three days later" as the DURATION
    // "three days" with "later" as its signal, outside the expression.)
    dir = 1;
    e += 2;
  } else if (Kw(e, kHence)) {
    dir = 1;
    ++e;
  } else if (Kw(e, kOr) && Kw(e + 1, kSo) && Kw(e + 2, kAgo)) {
    dir = -1;
    e += 3;
    c->mod = "APPROX";
  }
  if (dir != 0 && !hyphen) {
    c->ago = true;
    c->end = e;
    c->type = TimexType::kDate;
    if (fuzzy || count < 0) {
      c->value = dir < 0 ? "PAST_REF" : "FUTURE_REF";
      c->ref = true;
      return true;
    }
    const int amount = half ? count : count;  // halves are dropped
    Gran g = UnitGran(unit);
    if (unit == kDecade || unit == kCentury || unit == kMillennium) g = Gran::kYear;
    if (unit == kSecond || unit == kMinute || unit == kHour) g = Gran::kMinute;
    Pt base;
    // A year-on-year comparison in a financial report: "a year earlier"
    // after "the third quarter" means that quarter a year before.
    if (unit == kYear && amount == 1 && ReportQuarter(i, &base)) {
    } else if (anchored && anchor_.g != Gran::kNone) {
      base = anchor_;
      // Keep the anchor's granularity when it is finer than the unit
      // ("a year earlier" after Aug. 12 -> that day a year before).
      if (static_cast<int>(base.g) < static_cast<int>(g)) {
        AnchorAt(g, &base);
      }
      if (base.g == Gran::kPod || base.g >= Gran::kHour) {
        if (g < Gran::kHour) base.g = Gran::kDay;
      }
    } else {
      CivilTime d = dct_;
      if (g < Gran::kHour) d.hour = -1;
      base = MakePt(d, g);
      if (g >= Gran::kHour && dct_.hour < 0) {
        base.g = Gran::kDay;
        g = Gran::kDay;
      }
    }
    Pt p = Shift(base, unit, dir * amount);
    c->pt = p;
    c->value = Format(p);
    return true;
  }
  // Duration.
  c->end = e;
  if (Hyphen(e) && Kw(e + 1, kLong)) c->end = e + 2;  // "a day-long strike"
  if (hyphen && (Kw(e, kOld) || Kw(e, kLong)) && Hyphen(e)) c->end = e + 1;
  if (hyphen && Hyphen(e) && Kw(e + 1, kOld)) c->end = e + 2;
  c->type = TimexType::kDuration;
  c->value = DurationValue(unit, fuzzy ? -1 : count, half);
  if (Kw(i, kA) && Kw(i + 1, kCouple)) c->mod = "APPROX";
  // "$5 a year", "twice a week", "10% a year": a frequency.
  if (article && count == 1 && i > 0 &&
      (Num(i - 1) || Punct(i - 1, '%') || Kw(i - 1, kTwice) ||
       Kw(i - 1, kOnce) || Kw(i - 1, kTimes) || Word(i - 1, "cents") ||
       Word(i - 1, "dollars") || Word(i - 1, "percent"))) {
    c->type = TimexType::kSet;
    c->value = DurationValue(unit, 1, false);
    if (Kw(i - 1, kTwice) || Kw(i - 1, kOnce) || Kw(i - 1, kTimes)) {
      // The frequency word belongs to the expression.
      c->end = e;
    }
  }
  c->det_ok = true;
  return true;
}

bool TimexTagger::Impl::MatchSet(int i, Cand* c) {
  const Lex* l = L(i);
  if (!l) return false;
  const char* v = nullptr;
  switch (l->kw) {
    case kDaily: v = "P1D"; break;
    case kWeekly: v = "P1W"; break;
    case kMonthly: v = "P1M"; break;
    case kYearly:
      // "annually" is rarely annotated in news; "yearly" is.
      if (toks_[i].lw == "annually") return false;
      v = "P1Y";
      break;
    case kHourly: v = "PT1H"; break;
    case kNightly: v = "TNI"; break;
    default: break;
  }
  if (v) {
    c->end = i + 1;
    c->type = TimexType::kSet;
    c->value = v;
    return true;
  }
  int k = i;
  if (l->kw == kOnce || l->kw == kTwice) {
    ++k;
  } else if (Num(i) || l->number > 0) {
    if (!Kw(i + 1, kTimes)) return false;
    k = i + 2;
  }
  if (k > i) {
    if (!(Kw(k, kA) || Kw(k, kAn) || Kw(k, kPer) || Kw(k, kEach) ||
          Kw(k, kEvery))) {
      return false;
    }
    const int u = Unit(k + 1);
    if (!u || L(k + 1)->plural) return false;
    c->end = k + 2;
    c->type = TimexType::kSet;
    c->value = DurationValue(u, 1, false);
    return true;
  }
  if (l->kw != kEvery && l->kw != kEach) return false;
  k = i + 1;
  int n_every = 1;
  if (Kw(k, kOther)) {
    n_every = 2;
    ++k;
  } else if (Num(k) || (L(k) && L(k)->number > 1)) {
    n_every = Num(k) ? static_cast<int>(toks_[k].num) : L(k)->number;
    ++k;
  }
  const Lex* m = L(k);
  if (!m) return false;
  char buf[32];
  if (m->unit && (!m->plural || n_every > 1)) {
    c->value = DurationValue(m->unit, n_every, false);
  } else if (m->weekday && toks_[k].cap) {
    std::snprintf(buf, sizeof buf, "XXXX-WXX-%d", m->weekday);
    c->value = buf;
  } else if (m->month && toks_[k].cap) {
    std::snprintf(buf, sizeof buf, "XXXX-%02d", m->month);
    c->value = buf;
  } else if (m->pod) {
    std::snprintf(buf, sizeof buf, "T%s", kPodCode[m->pod]);
    c->value = buf;
  } else if (m->kw == kWeekend) {
    c->value = "XXXX-WXX-WE";
  } else if (m->season) {
    std::snprintf(buf, sizeof buf, "XXXX-%s", kSeasonCode[m->season]);
    c->value = buf;
  } else {
    return false;
  }
  c->end = k + 1;
  c->type = TimexType::kSet;
  return true;
}

bool TimexTagger::Impl::MatchHoliday(int i, Cand* c) {
  int k = i;
  int shift = 0;
  bool rel = false;
  if (Kw(k, kLast)) {
    shift = -1;
    rel = true;
    ++k;
  } else if (Kw(k, kNext)) {
    shift = 1;
    rel = true;
    ++k;
  } else if (Kw(k, kThis)) {
    rel = true;
    ++k;
  }
  int h = 0, e = k;
  const Lex* l = L(k);
  if (!l || !toks_[k].cap) return false;
  if (l->holiday) {
    h = l->holiday;
    e = k + 1;
    if (h == 8) {  // Valentine's Day
      if (!(IsApostrophe(e) && Word(e + 1, "s") && Unit(e + 2) == kDay)) return false;
      e += 3;
    } else if (h >= 4 && h <= 7) {  // "... Day"
      if (Unit(e) != kDay || L(e)->plural) return false;
      ++e;
    } else if (h == 1 && Kw(e, kEve)) {
      h = -1;  // Christmas Eve
      ++e;
    } else if (Unit(e) == kDay && !L(e)->plural && toks_[e].cap) {
      ++e;
    }
  } else if (l->kw == kNew && Unit(k + 1) == kYear && !L(k + 1)->plural &&
             IsApostrophe(k + 2) && Word(k + 3, "s") &&
             (Unit(k + 4) == kDay || Kw(k + 4, kEve))) {
    h = Kw(k + 4, kEve) ? -2 : 9;
    e = k + 5;
  } else {
    return false;
  }
  int month = 0, day = 0;
  auto date_in = [&](int year) {
    if (h == -1) {
      month = 12;
      day = 24;
      return;
    }
    if (h == -2) {
      month = 12;
      day = 31;
      return;
    }
    const Holiday& hd = HolidayAt(h);
    month = hd.month;
    if (hd.day) {
      day = hd.day;
      return;
    }
    if (hd.nth > 0) {
      const int first = Weekday(year, month, 1);
      day = 1 + (hd.weekday - first + 7) % 7 + 7 * (hd.nth - 1);
    } else {
      const int dim = DaysInMonth(year, month);
      const int lastw = Weekday(year, month, dim);
      day = dim - (lastw - hd.weekday + 7) % 7;
    }
  };
  int year = dct_.year;
  int ye = 0, yv = 0;
  bool explicit_year = false;
  if (ParseYear(e, &ye, &yv) || (Punct(e, ',') && ParseYear(e + 1, &ye, &yv))) {
    year = yv;
    e = ye;
    explicit_year = true;
  }
  date_in(year);
  if (!explicit_year) {
    if (rel) {
      const int cmp = month * 32 + day - (dct_.month * 32 + dct_.day);
      if (shift < 0 && cmp >= 0) --year;
      if (shift > 0 && cmp <= 0) ++year;
    } else {
      year = YearForMonthDay(month, day, i, e, /*lean_past=*/false);
    }
    date_in(year);
  }
  CivilTime t;
  t.year = year;
  t.month = month;
  t.day = day;
  c->end = e;
  c->pt = MakePt(t, Gran::kDay);
  c->explicit_year = explicit_year;
  c->value = Format(c->pt);
  return true;
}

// "for years", "in months", "over decades": a vague duration.
bool TimexTagger::Impl::MatchBarePlural(int i, Cand* c) {
  bool plural = false;
  if (!UnitWord(i, &plural)) return false;
  // "a day-long strike" (P1D), "a decades-long feud" (PXY... of the unit).
  if (Hyphen(i + 1) && Kw(i + 2, kLong) && Unit(i) >= kMinute) {
    c->end = i + 3;
    c->type = TimexType::kDuration;
    c->value = DurationValue(Unit(i), plural ? -1 : 1, false);
    return true;
  }
  if (!plural) return false;
  if (!(Kw(i - 1, kFor) || Kw(i - 1, kIn) || Kw(i - 1, kOver))) return false;
  const int u = Unit(i);
  if (u == kSecond || u == kQuarter) return false;
  if (Kw(i + 1, kAgo)) {
    c->end = i + 2;
    c->value = "PAST_REF";
    c->ref = true;
    return true;
  }
  if (Kw(i + 1, kOf) || Kw(i + 1, kTo)) return false;  // "in years of"
  c->end = i + 1;
  c->type = TimexType::kDuration;
  c->value = DurationValue(u, -1, false);
  return true;
}

bool TimexTagger::Impl::MatchCore(int i, Cand* c) {
  const Token& t = toks_[i];
  c->Reset();
  if (t.kind == kNumTok) {
    return MatchNumericDate(i, c) || (c->Reset(), MatchTime(i, c)) ||
           (c->Reset(), MatchDayMonth(i, c)) ||
           (c->Reset(), MatchYearLike(i, c)) ||
           (c->Reset(), MatchSet(i, c)) ||
           (c->Reset(), MatchNumUnit(i, c));
  }
  if (t.kind == kPunctTok) {
    return IsApostrophe(i) && MatchYearLike(i, c);
  }
  const Lex* l = t.lex;
  if (!l) return false;
  // Ordered: the most specific families first.
  if (l->kw == kThe) {
    if (MatchRef(i, c)) return true;
    c->Reset();
    if (MatchDeictic(i, c)) return true;
    c->Reset();
    if (MatchQuarter(i, c)) return true;
    c->Reset();
    if (MatchYearLike(i, c)) return true;
    c->Reset();
    if (MatchSeason(i, c)) return true;
    c->Reset();
    if (MatchRelative(i, c)) return true;
    // "the nine months", "the weekend", "the year", "the quarter"
    c->Reset();
    if (MatchNumUnit(i + 1, c) && c->type == TimexType::kDuration &&
        !Kw(i + 1, kA) && !Kw(i + 1, kAn)) {
      return true;
    }
    c->Reset();
    if (Kw(i + 1, kWeekend) && !L(i + 1)->plural) {
      Pt p = Shift(DctPt(Gran::kWeekend), kWeek, TenseAround(i, i + 2) > 0 ? 0 : -1);
      if (Weekday(dct_.year, dct_.month, dct_.day) >= 6) p = DctPt(Gran::kWeekend);
      c->end = i + 2;
      c->pt = p;
      c->value = Format(p);
      return true;
    }
    // "the nineties": the decade of that name nearest before the DCT.
    {
      static constexpr std::string_view kDecadeWords[] = {
          "twenties", "thirties", "forties", "fifties",
          "sixties", "seventies", "eighties", "nineties"};
      for (int d = 0; d < 8; ++d) {
        if (!Word(i + 1, kDecadeWords[d])) continue;
        Pt p;
        p.g = Gran::kDecade;
        p.y = dct_.year / 100 * 100 + (d + 2) * 10;
        if (p.y > dct_.year) p.y -= 100;
        c->Reset();
        c->end = i + 2;
        c->pt = p;
        c->value = Format(p);
        return true;
      }
    }
    if (Unit(i + 1) == kWeek && !L(i + 1)->plural && !Hyphen(i + 2)) {
      // "the week of March 6": that date's week.
      Cand day;
      if (Kw(i + 2, kOf) && MatchMonthDate(i + 3, &day) &&
          day.pt.g == Gran::kDay) {
        Pt p = day.pt;
        p.g = Gran::kWeek;
        Normalize(&p);
        c->Reset();
        c->end = day.end;
        c->pt = p;
        c->explicit_year = day.explicit_year;
        c->value = Format(p);
        return true;
      }
      // A bare "the week" (market reports: "for the week, the index
      // fell"): TBAQ gold gives every one of these "<DCT year>-WXX".
      if (!Kw(i + 2, kOf) && !Kw(i + 2, kBefore) && !Kw(i + 2, kAfter) &&
          !Kw(i + 2, kEarlier) && !Kw(i + 2, kAgo) && !Kw(i + 2, kLater) &&
          !Word(i + 2, "ended") && !Word(i + 2, "ending")) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-WXX", dct_.year);
        c->Reset();
        c->end = i + 2;
        c->value = buf;
        return true;
      }
    }
    if ((Word(i + 1, "full") || Word(i + 1, "entire") || Word(i + 1, "whole")) &&
        Unit(i + 2) == kYear && !L(i + 2)->plural) {
      c->end = i + 3;
      c->pt = DctPt(Gran::kYear);
      c->value = Format(c->pt);
      return true;
    }
    const int y = Kw(i + 1, kFiscal) ? i + 2 : i + 1;  // "the fiscal year"
    if (Unit(y) == kYear && !L(y)->plural && !Hyphen(y + 1) &&
        !Kw(y + 1, kBefore) && !Kw(y + 1, kAfter) && !Kw(y + 1, kEarlier) &&
        !Kw(y + 1, kAgo)) {
      Pt p = DctPt(Gran::kYear);
      // "(for) the year ended March 31": a fiscal year, the length of
      // the period reported (TimeBank: all such cases); a bare "for the
      // year" is the DCT year.
      if (Word(y + 1, "ended") || Word(y + 1, "ending")) {
        c->end = y + 1;
        c->type = TimexType::kDuration;
        c->value = "P1Y";
        return true;
      }
      c->end = y + 1;
      c->pt = p;
      c->value = Format(p);
      return true;
    }
    return false;
  }
  if (l->month) {
    if (MatchMonthDate(i, c)) return true;
  }
  // "year-end", "year end", "year's end": the end of the DCT year.
  if (l->unit == kYear && !l->plural) {
    int e = 0;
    if (Hyphen(i + 1) && Kw(i + 2, kEnd)) e = i + 3;
    else if (Kw(i + 1, kEnd)) e = i + 2;
    else if (IsApostrophe(i + 1) && Word(i + 2, "s") && Kw(i + 3, kEnd)) e = i + 4;
    if (e) {
      c->Reset();
      c->end = e;
      c->pt = DctPt(Gran::kYear);
      c->value = Format(c->pt);
      c->mod = "END";
      return true;
    }
  }
  if (l->weekday) {
    if (MatchMonthDate(i, c)) return true;
    c->Reset();
    if (MatchWeekday(i, c)) return true;
  }
  if (l->holiday || l->kw == kNew) {
    c->Reset();
    if (MatchHoliday(i, c)) return true;
  }
  if (l->kw == kNoon || l->kw == kMidnight) {
    c->Reset();
    if (MatchTime(i, c)) return true;
  }
  if (l->kw == kLast || l->kw == kNext || l->kw == kThis) {
    c->Reset();
    if (MatchQuarter(i, c)) return true;
    c->Reset();
    if (MatchWeekday(i, c)) return true;
    c->Reset();
    if (MatchHoliday(i, c)) return true;
    c->Reset();
    if (MatchMonthRel(i, c)) return true;
  }
  c->Reset();
  if (MatchDeictic(i, c)) return true;
  c->Reset();
  if (MatchRef(i, c)) return true;
  c->Reset();
  if (MatchQuarter(i, c)) return true;
  c->Reset();
  if (MatchSeason(i, c)) return true;
  c->Reset();
  if (MatchRelative(i, c)) return true;
  c->Reset();
  if (MatchSet(i, c)) return true;
  c->Reset();
  if (MatchYearLike(i, c)) return true;
  c->Reset();
  if (MatchNumUnit(i, c)) return true;
  c->Reset();
  if (MatchBarePlural(i, c)) return true;
  return false;
}

// "last May", "next March", "this September".
bool TimexTagger::Impl::MatchMonthRel(int i, Cand* c) {
  int month = 0, e = 0;
  if (!ParseMonth(i + 1, &e, &month)) return false;
  if (Num(e) && toks_[e].ndigits <= 2) return false;  // "last May 5": leave
  int year = dct_.year;
  if (Kw(i, kLast)) {
    if (month >= dct_.month) --year;
  } else if (Kw(i, kNext)) {
    if (month <= dct_.month) ++year;
  }
  CivilTime t{year, month, 1};
  c->end = e;
  c->pt = MakePt(t, Gran::kMonth);
  c->value = Format(c->pt);
  return true;
}

// Qualifiers ("about", "more than", "nearly") and position modifiers
// ("early", "late", "mid-", "the end of", "earlier this") around a core.
bool TimexTagger::Impl::MatchAt(int i, Cand* c) {
  const Lex* l = L(i);
  // Quantity qualifiers: only with a duration, an "ago" date or a time.
  if (l) {
    const char* mod = nullptr;
    int k = i;
    switch (l->kw) {
      case kAbout: case kAround: case kApproximately: case kRoughly:
        mod = "APPROX"; k = i + 1; break;
      case kNearly: case kAlmost:
        mod = "EQUAL_OR_LESS"; k = i + 1; break;
      case kMore:
        if (Kw(i + 1, kThan)) { mod = "MORE_THAN"; k = i + 2; }
        break;
      case kOver:
        mod = "MORE_THAN"; k = i + 1; break;
      case kLess: case kFewer:
        if (Kw(i + 1, kThan)) { mod = "LESS_THAN"; k = i + 2; }
        break;
      case kAt:
        if (Kw(i + 1, kLeast)) { mod = "EQUAL_OR_MORE"; k = i + 2; }
        else if (Kw(i + 1, kMost)) { mod = "EQUAL_OR_LESS"; k = i + 2; }
        break;
      case kUp:
        if (Kw(i + 1, kTo)) { mod = "EQUAL_OR_LESS"; k = i + 2; }
        break;
      case kNo:
        if (Kw(i + 1, kMore) && Kw(i + 2, kThan)) { mod = "EQUAL_OR_LESS"; k = i + 3; }
        else if (Kw(i + 1, kLess) && Kw(i + 2, kThan)) { mod = "EQUAL_OR_MORE"; k = i + 3; }
        break;
      case kJust:
        if (Kw(i + 1, kOver)) { mod = "MORE_THAN"; k = i + 2; }
        else if (Kw(i + 1, kUnder)) { mod = "LESS_THAN"; k = i + 2; }
        break;
      default:
        break;
    }
    if (mod && k < n()) {
      Cand core;
      if (MatchCore(k, &core) &&
          (core.type == TimexType::kDuration || core.ago ||
           core.type == TimexType::kTime) &&
          !(Kw(k, kThe))) {
        *c = std::move(core);
        if (c->mod.empty() || c->mod == "APPROX") c->mod = mod;
        return true;
      }
      if (l->kw != kOver && l->kw != kAround && l->kw != kAbout) return false;
    }
  }
  // Position modifiers.
  if (l) {
    const char* mod = nullptr;
    int k = i;
    bool needs_anchor_word = false;
    switch (l->kw) {
      case kEarly: mod = "START"; k = i + 1; break;
      case kLate: mod = "END"; k = i + 1; break;
      case kMid: mod = "MID"; k = i + 1; break;
      case kEarlier: mod = "START"; k = i + 1; needs_anchor_word = true; break;
      case kLater: mod = "END"; k = i + 1; needs_anchor_word = true; break;
      case kThe:
        if ((Kw(i + 1, kEnd) || Kw(i + 1, kBeginning) || Kw(i + 1, kStart) ||
             Kw(i + 1, kMiddle)) && Kw(i + 2, kOf)) {
          mod = Kw(i + 1, kEnd) ? "END" : Kw(i + 1, kMiddle) ? "MID" : "START";
          k = i + 3;
        } else if (Kw(i + 1, kEarly) || Kw(i + 1, kLate) || Kw(i + 1, kMid)) {
          mod = Kw(i + 1, kEarly) ? "START" : Kw(i + 1, kLate) ? "END" : "MID";
          k = i + 2;
        }
        break;
      default:
        break;
    }
    if (mod) {
      if (Hyphen(k)) ++k;
      if (needs_anchor_word) {
        // "earlier this year", "later in the day", "earlier today"
        if (Kw(k, kIn) && Kw(k + 1, kThe)) ++k;  // "in the year" -> "the year"
        if (!(Kw(k, kThis) || Kw(k, kThat) || Kw(k, kThe) || Kw(k, kToday) ||
              Kw(k, kYesterday) || Kw(k, kTomorrow) || Kw(k, kTonight) ||
              Kw(k, kLast) || Kw(k, kNext))) {
          return false;
        }
      }
      Cand core;
      if (k < n() && MatchCore(k, &core) &&
          (core.type == TimexType::kDate || core.type == TimexType::kTime) &&
          !core.ref && !core.ago && core.pt.g != Gran::kNone) {
        // "in the year" after earlier/later means the current year.
        *c = std::move(core);
        if (c->mod.empty()) c->mod = mod;
        if (c->pt.g == Gran::kPod && std::strcmp(mod, "MID") == 0) c->mod = "MID";
        return true;
      }
      if (l->kw != kThe) return false;
    }
  }
  return MatchCore(i, c);
}

// Marks "between A and B", "from A to/until/through B", "A-B" pairs as
// ranges and lets a yearless first end borrow the second end's year.
void TimexTagger::Impl::LinkRanges(std::vector<Timex>* out,
                                   const std::vector<Cand>& cands,
                                   const std::vector<int>& first_tok) {
  int32_t next_id = 0;
  for (size_t a = 0; a + 1 < out->size(); ++a) {
    const size_t b = a + 1;
    const int ta = first_tok[a];
    const int ea = cands[a].end;
    const int tb = first_tok[b];
    bool range = false;
    if (Kw(ta - 1, kBetween) && tb == ea + 1 && Kw(ea, kAnd)) range = true;
    if (Kw(ta - 1, kFrom) && tb == ea + 1 &&
        (Kw(ea, kTo) || Kw(ea, kUntil) || Kw(ea, kThrough))) {
      range = true;
    }
    if (tb == ea + 1 && Punct(ea, '-') && cands[a].pt.g == cands[b].pt.g &&
        cands[a].pt.g != Gran::kNone) {
      range = true;
    }
    if (!range) continue;
    Timex& x = (*out)[a];
    Timex& y = (*out)[b];
    if (x.type != y.type || x.range_id >= 0) continue;
    // "from July to September 2012": the first end takes the second's year.
    if (!cands[a].explicit_year && cands[b].explicit_year &&
        cands[a].pt.g >= Gran::kQuarter && cands[a].pt.g <= Gran::kDay &&
        x.value.size() >= 4 && y.value.size() >= 4) {
      Pt p = cands[a].pt;
      p.y = cands[b].pt.y;
      if (p.mo > cands[b].pt.mo && p.g == Gran::kMonth) p.y -= 1;
      x.value = Format(p);
    }
    x.range_id = y.range_id = next_id++;
    x.range_begin = y.range_begin = x.value;
    x.range_end = y.range_end = y.value;
    ++a;
  }
}

void TimexTagger::Impl::Tag(std::string_view text, const CivilTime& dct,
                            std::vector<Timex>* out) {
  out->clear();
  if (text.size() > kMaxTextBytes) text = text.substr(0, kMaxTextBytes);
  text_ = text;
  dct_ = dct;
  dct_.hour = dct.hour;
  anchor_ = Pt();
  last_quarter_ = Pt();
  last_quarter_tok_ = -1000000;
  Tokenize();
  std::vector<Cand>& cands = cands_;
  std::vector<int>& first_tok = first_tok_;
  cands.clear();
  first_tok.clear();
  Cand c;  // reused: MatchAt resets it for each try
  for (int i = 0; i < n(); ++i) {
    const Token& t = toks_[i];
    if (t.kind == kWordTok ? t.lex == nullptr || !CanStartExpression(*t.lex)
                           : (t.kind == kPunctTok && !IsApostrophe(i))) {
      continue;
    }
    if (!MatchAt(i, &c) || c.end <= i) continue;
    if (IsQuotedTitle(i, c.end)) {
      i = c.end - 1;
      continue;
    }
    // A trailing "or so" widens the expression.
    if (Kw(c.end, kOr) && Kw(c.end + 1, kSo) && c.type == TimexType::kDuration) {
      c.end += 2;
      if (c.mod.empty()) c.mod = "APPROX";
    }
    Timex x;
    x.begin = t.b;
    x.end = toks_[c.end - 1].e;
    x.type = c.type;
    x.value = c.value;
    x.mod = c.mod;
    if (c.pt.g != Gran::kNone && !c.ref && !c.ago && !c.derived &&
        (c.type == TimexType::kDate || c.type == TimexType::kTime) &&
        c.pt.g >= Gran::kYear && c.pt.g != Gran::kWeekend) {
      anchor_ = c.pt;
    }
    if (c.pt.g == Gran::kQuarter && !c.ago && !c.derived) {
      last_quarter_ = c.pt;
      last_quarter_tok_ = i;
    }
    out->push_back(std::move(x));
    first_tok.push_back(i);
    const int end = c.end;
    cands.push_back(std::move(c));
    i = end - 1;
  }
  LinkRanges(out, cands, first_tok);
}

TimexTagger::TimexTagger() : impl_(std::make_unique<Impl>()) {}
TimexTagger::~TimexTagger() = default;

void TimexTagger::Tag(std::string_view text, const CivilTime& dct,
                      std::vector<Timex>* out) {
  impl_->Tag(text, dct, out);
}

}  // namespace wirewatch::analyze

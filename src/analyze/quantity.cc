// Quantity recognition is a left-to-right scan over tokens. At each token we
// try, in order: a number core (digits with optional multiplier, a run of
// number words, "a dozen", a vague plural), then widen it to the left with a
// currency symbol and a qualifier phrase, and to the right with a second
// core (ranges "10 to 20", "between 10 and 20", "15-22"), a percent sign or
// word, a currency word and the unit. Exclusions (dates, years, times,
// ordinals, names, ages) are decided on the core and its neighbours before
// anything is emitted. See quantity_test.cc for the golden table.
#include "analyze/quantity.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <unordered_set>

namespace wirewatch::analyze {
namespace {

using text::Token;
using text::TokenKind;

// ASCII only, as std::tolower in the "C" locale, without a libc call per
// byte (this runs over every token of every article).
std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  return out;
}

bool IsAlphaWord(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-' && c != '\'')
      return false;
  return std::isalpha(static_cast<unsigned char>(s[0]));
}

bool IsUpper(std::string_view s) {
  return !s.empty() && std::isupper(static_cast<unsigned char>(s[0]));
}

struct NumWord {
  std::string_view word;  // a view: comparisons need no strlen
  int value;
};
constexpr NumWord kUnits[] = {
    {"zero", 0},      {"one", 1},        {"two", 2},        {"three", 3},
    {"four", 4},      {"five", 5},       {"six", 6},        {"seven", 7},
    {"eight", 8},     {"nine", 9},       {"ten", 10},       {"eleven", 11},
    {"twelve", 12},   {"thirteen", 13},  {"fourteen", 14},  {"fifteen", 15},
    {"sixteen", 16},  {"seventeen", 17}, {"eighteen", 18},  {"nineteen", 19},
    {"twenty", 20},   {"thirty", 30},    {"forty", 40},     {"fifty", 50},
    {"sixty", 60},    {"seventy", 70},   {"eighty", 80},    {"ninety", 90},
};

// Value of a simple number word or hyphenated compound ("twenty-five"), -1
// when not one.
int SimpleNumberWord(std::string_view w) {
  for (const auto& u : kUnits)
    if (w == u.word) return u.value;
  size_t dash = w.find('-');
  if (dash != std::string_view::npos) {
    int tens = SimpleNumberWord(w.substr(0, dash));
    int unit = SimpleNumberWord(w.substr(dash + 1));
    if (tens >= 20 && tens % 10 == 0 && unit >= 1 && unit <= 9)
      return tens + unit;
  }
  return -1;
}

double ScaleWord(std::string_view w) {
  if (w == "dozen") return 12;  // "two dozen", "3 dozen"
  if (w == "hundred") return 1e2;
  if (w == "thousand") return 1e3;
  if (w == "million" || w == "mln" || w == "mn") return 1e6;
  if (w == "billion" || w == "bn" || w == "bln") return 1e9;
  if (w == "trillion" || w == "tn") return 1e12;
  return 0;
}

// Suffix multipliers glued to digits: "3.1bn", "5m", "20k".
double SuffixScale(std::string_view w) {
  if (w == "k") return 1e3;
  if (w == "m" || w == "mn" || w == "mln") return 1e6;
  if (w == "b" || w == "bn" || w == "bln") return 1e9;
  if (w == "tn") return 1e12;
  return 0;
}

// Denominator of a fraction word ("third" 3, "quarters" 4), 0 when none.
// Plurals only after a numerator above one ("two-thirds").
int FractionDenominator(std::string_view w, bool plural) {
  static constexpr NumWord kDen[] = {
      {"half", 2},   {"third", 3},   {"quarter", 4}, {"fifth", 5},
      {"sixth", 6},  {"seventh", 7}, {"eighth", 8},  {"ninth", 9},
      {"tenth", 10}};
  if (plural) {
    if (w == "halves") return 2;
    if (w.size() > 1 && w.back() == 's') w.remove_suffix(1);
  }
  for (const auto& d : kDen)
    if (w == d.word) return d.value;
  return 0;
}

bool IsMonth(std::string_view lower) {
  static constexpr std::string_view kMonths[] = {
      "january", "february", "march",   "april",    "may",      "june",
      "july",    "august",   "september", "october", "november", "december",
      "jan",     "jan.",     "feb",     "feb.",     "mar",      "mar.",
      "apr",     "apr.",     "jun",     "jun.",     "jul",      "jul.",
      "aug",     "aug.",     "sep",     "sep.",     "sept",     "sept.",
      "oct",     "oct.",     "nov",     "nov.",     "dec",      "dec."};
  for (std::string_view m : kMonths)
    if (lower == m) return true;
  return false;
}

bool IsFunctionWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "the", "a", "an", "and", "or", "but", "to", "in", "on", "at", "for",
      "that", "who", "which", "is", "are", "was", "were", "be", "been", "had",
      "have", "has", "from", "with", "by", "as", "said", "says", "this",
      "these", "those", "it", "its", "their", "his", "her", "they", "he",
      "she", "we", "i", "you", "will", "would", "could", "can", "may", "not",
      "per", "than", "into", "over", "under", "after", "before", "during",
      "since", "until", "if", "when", "while", "where", "so", "do", "did",
      "there", "here", "also", "all", "each", "every", "about", "up", "down",
      "out", "off", "more", "less", "most", "least", "such", "then", "than",
      "other", "another", "against", "between", "among", "through"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

bool IsTimeUnit(std::string_view w) {
  static constexpr std::string_view kUnitsT[] = {
      "year", "years", "month", "months", "week", "weeks", "day", "days",
      "hour", "hours", "minute", "minutes", "second", "seconds", "decade",
      "decades", "century", "centuries", "yr", "yrs", "hrs", "mins", "secs"};
  for (std::string_view k : kUnitsT)
    if (w == k) return true;
  return false;
}

bool IsCurrencySymbol(std::string_view s) {
  return s == "$" || s == "\xE2\x82\xAC" /* € */ || s == "\xC2\xA3" /* £ */ ||
         s == "\xC2\xA5" /* ¥ */ || s == "US$" || s == "C$" || s == "A$";
}

bool IsCurrencyWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "dollars", "dollar", "euros", "euro", "pounds", "yen", "yuan",
      "rupees", "cents", "francs", "roubles", "rubles", "crowns", "shekels",
      "pesos", "usd", "eur", "gbp", "renminbi", "won", "rand", "riyals",
      "dinars", "lira", "naira"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

// Up/down verbs of change ("rose 8%", "down 9.2%").
Direction DirectionWord(std::string_view w) {
  static constexpr std::string_view kUp[] = {
      "up", "rose", "rise", "rises", "risen", "rising", "gained", "gain",
      "gains", "advanced", "advances", "increased", "increase", "increases",
      "climbed", "climbs", "jumped", "jumps", "surged", "surges", "soared",
      "grew", "grown", "grows", "rallied", "boosted", "added", "upward",
      "upwards"};
  static constexpr std::string_view kDown[] = {
      "down", "fell", "fall", "falls", "fallen", "falling", "dropped", "drop",
      "drops", "declined", "declines", "decreased", "decrease", "lost",
      "loses", "slid", "slipped", "slumped", "plunged", "plummeting",
      "plummeted", "tumbled", "sank", "shed", "shrank",
      "eased", "dipped", "downward", "downwards"};
  for (std::string_view k : kUp)
    if (w == k) return Direction::kUp;
  for (std::string_view k : kDown)
    if (w == k) return Direction::kDown;
  return Direction::kNone;
}

struct Core {
  bool ok = false;
  double low = 0, high = 0;
  uint32_t tb = 0, te = 0;  // tokens [tb, te)
  bool vague = false;
  bool words = false;       // written in words
  bool scaled = false;      // a multiplier applied
  bool plain_int4 = false;  // four plain digits: maybe a year
  double vague_base = 0;    // NewsQuant convention: [base, 10*base]
  std::string glued_unit;   // "km" of "100km", "year-old" of "65-year-old"
  std::string currency;     // "USD" of "USD10m"
  bool negative = false;    // "minus-5"
  bool fraction = false;    // "1/16", "two-thirds", "one out of three"
};

// Most words between the two ends of a split "from A ... to B" range.
constexpr uint32_t kMaxRangeGap = 8;

class Scanner {
 public:
  Scanner(std::string_view text, std::span<const Token> tokens)
      : text_(text), toks_(tokens) {
    lower_.resize(tokens.size());
    lowered_.assign(tokens.size(), 0);
  }

  void Run(std::vector<Quantity>* out) {
    const uint32_t n = static_cast<uint32_t>(toks_.size());
    uint32_t i = 0;
    while (i < n) {
      Quantity q;
      uint32_t next = i + 1;
      if (TryAt(i, &q, &next)) out->push_back(std::move(q));
      i = std::max(next, i + 1);
    }
  }

 private:
  std::string_view Text(uint32_t i) const { return toks_[i].text(text_); }
  // Lowercase token i, computed on first use. A view, so comparisons with
  // literals compile to a length check and a short memcmp.
  std::string_view Low(uint32_t i) const {
    if (!lowered_[i]) {
      lower_[i] = Lower(toks_[i].text(text_));
      lowered_[i] = 1;
    }
    return lower_[i];
  }
  bool In(uint32_t i) const { return i < toks_.size(); }
  bool ParaBefore(uint32_t i) const {
    return (toks_[i].flags & text::kParagraphBefore) != 0;
  }

  // The tokenizer splits a word-glued number ("US55,931,000", "RM23.50",
  // "minus-1.4") at its separators: appends to *num the separator and number
  // tokens that follow token te - 1 without space; returns one past them.
  uint32_t GlueSeparated(uint32_t te, std::string* num) const {
    while (In(te + 1) && (Text(te) == "," || Text(te) == ".") &&
           !(toks_[te].flags & text::kSpaceBefore) &&
           toks_[te + 1].kind == TokenKind::kNumber &&
           !(toks_[te + 1].flags & text::kSpaceBefore)) {
      *num += Text(te);
      *num += Text(te + 1);
      te += 2;
    }
    return te;
  }

  // A number core starting at token i.
  Core ParseCore(uint32_t i) const {
    Core c;
    c.tb = i;
    const Token& t = toks_[i];
    std::string_view w = Low(i);
    if (t.kind == TokenKind::kNumber) {
      std::string_view s = Text(i);
      if (s.find(':') != std::string_view::npos) return c;  // 16:48
      if (i >= 2 && Text(i - 1) == "/" &&
          !(t.flags & text::kSpaceBefore) &&
          !(toks_[i - 1].flags & text::kSpaceBefore) &&
          toks_[i - 2].kind == TokenKind::kNumber)
        return c;  // the "11" of "9/11"
      // Split leading digits from a glued suffix.
      size_t k = 0;
      while (k < s.size() &&
             (std::isdigit(static_cast<unsigned char>(s[k])) || s[k] == ',' ||
              s[k] == '.'))
        ++k;
      std::string_view digits = s.substr(0, k);
      while (!digits.empty() && (digits.back() == '.' || digits.back() == ','))
        digits.remove_suffix(1);
      std::string_view rest = s.substr(digits.size());
      double v;
      if (!ParseDigits(digits, &v)) return c;
      // ".001 per cent": a leading point split off by the tokenizer.
      if (i > 0 && Text(i - 1) == "." && !(t.flags & text::kSpaceBefore) &&
          (i == 1 || (toks_[i - 1].flags & text::kSpaceBefore)) &&
          digits.find_first_of(".,") == std::string_view::npos) {
        std::string frac = "0." + std::string(digits);
        if (!ParseDigits(frac, &v)) return c;
      }
      c.low = c.high = v;
      c.te = i + 1;
      if (!rest.empty()) {
        std::string r = Lower(rest);
        if (r == "s" || r == "'s") return c;  // 1990s
        if (r.size() >= 2 && (r.compare(0, 2, "st") == 0 ||
                              r.compare(0, 2, "nd") == 0 ||
                              r.compare(0, 2, "rd") == 0 ||
                              r.compare(0, 2, "th") == 0) &&
            (r.size() == 2 || r[2] == '-'))
          return c;  // 10th, 96th-minute
        if (r == "am" || r == "pm" || r == "a.m." || r == "p.m." ||
            r == "gmt" || r == "hrs")
          return c;
        if (r[0] == '-' && r.size() > 1 &&
            std::isdigit(static_cast<unsigned char>(r[1]))) {
          double v2;
          if (!ParseDigits(r.substr(1), &v2)) return c;
          if (digits.size() == 4 && v >= 1800 && v <= 2100) return c;  // 2012-13
          if (v2 == v) return c;  // a score: "89-89"
          c.high = v2;
          c.ok = true;
          return c;
        }
        if (r[0] == '-') r.erase(0, 1);
        double sc = SuffixScale(r);
        if (sc > 0) {
          c.low *= sc;
          c.high *= sc;
          c.scaled = true;
        } else {
          c.glued_unit = std::string(rest[0] == '-' ? rest.substr(1) : rest);
        }
      } else {
        c.plain_int4 = digits.size() == 4 && v == std::floor(v);
        // Fractions "1/16", "1⁄32", "3/4 of": a proper fraction with a
        // slash glued on both sides; "9/11" and "24/7" are names unless the
        // numerator is 1, "of" follows, or the slash is U+2044.
        if (In(i + 2) && toks_[i + 2].kind == TokenKind::kNumber &&
            !(toks_[i + 1].flags & text::kSpaceBefore) &&
            !(toks_[i + 2].flags & text::kSpaceBefore)) {
          std::string_view sl = Text(i + 1);
          bool frac_slash = sl == "\xE2\x81\x84";  // ⁄
          double den;
          if ((sl == "/" || frac_slash) && ParseDigits(Text(i + 2), &den) &&
              den > v && v >= 1 && v == std::floor(v) &&
              den == std::floor(den) &&
              (v == 1 || frac_slash || (In(i + 3) && Low(i + 3) == "of"))) {
            c.low = c.high = v / den;
            c.te = i + 3;
            c.plain_int4 = false;
            c.fraction = true;
            c.ok = true;
            return c;
          }
          if (sl == "/") return c;  // "9/11", "24/7"
        }
      }
      ApplyScale(&c);
      c.ok = true;
      return c;
    }
    if (t.kind != TokenKind::kWord) return c;
    // "minus-5", "minus-1.4": a negative number glued to the word.
    if (w.size() > 6 && w.compare(0, 6, "minus-") == 0 &&
        std::isdigit(static_cast<unsigned char>(w[6]))) {
      std::string num(w.substr(6));
      uint32_t te = GlueSeparated(i + 1, &num);
      double v;
      if (!ParseDigits(num, &v)) return c;
      c.low = c.high = v;
      c.te = te;
      c.negative = true;
      c.ok = true;
      return c;
    }
    // Currency codes glued to the number: "USD10m", "RM23.50", "$US55,931".
    {
      std::string_view s = Text(i);
      size_t k = 0;
      while (k < s.size() && std::isupper(static_cast<unsigned char>(s[k]))) ++k;
      if (k > 0 && k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) {
        std::string code(s.substr(0, k));
        bool known = code == "USD" || code == "US" || code == "RM" ||
                     code == "EUR" || code == "GBP" || code == "INR" ||
                     code == "AUD" || code == "CAD" || code == "HK" ||
                     code == "NZ" || code == "SGD" || code == "CHF" ||
                     ((code == "A" || code == "C") && i > 0 && Text(i - 1) == "$");
        // The tokenizer splits "US55,931,000" and "RM23.50" at the
        // separators: glue back the number tokens that follow without space.
        std::string num(s.substr(k));
        uint32_t te = GlueSeparated(i + 1, &num);
        // "PS" is a pound sign lost in transcoding ("PS2.7m"); "PS5" is a
        // name, so it needs a separator or a multiplier.
        if (code == "PS" &&
            (num.find_first_of(".,") != std::string::npos ||
             std::isalpha(static_cast<unsigned char>(num.back()))))
          known = true;
        if (!known) return c;  // "S22", "G20": names
        {
          std::string_view rest = num;
          size_t d = 0;
          while (d < rest.size() &&
                 (std::isdigit(static_cast<unsigned char>(rest[d])) ||
                  rest[d] == ',' || rest[d] == '.'))
            ++d;
          double v;
          double sc = d == rest.size() ? 1 : SuffixScale(Lower(rest.substr(d)));
          if (sc > 0 && ParseDigits(rest.substr(0, d), &v)) {
            c.low = c.high = v * sc;
            c.te = te;
            c.scaled = sc > 1;
            c.currency = code;
            if (sc == 1) ApplyScale(&c);
            c.ok = true;
          }
        }
      }
      if (c.ok) return c;
    }
    if ((w == "a" || w == "an") && In(i + 2) && Low(i + 2) == "of" &&
        FractionDenominator(Low(i + 1), false) > 1) {
      double v = 1.0 / FractionDenominator(Low(i + 1), false);
      Core f = Fixed(i, i + 2, v, v, false, 0);
      f.fraction = true;
      return f;
    }
    // "a dozen", "a hundred", "a few dozen", "several hundred".
    if ((w == "a" || w == "an") && In(i + 1)) {
      std::string_view n1 = Low(i + 1);
      if (n1 == "dozen") return Fixed(i, i + 2, 12, 12, false, 0);
      double sc = ScaleWord(n1);
      if (sc > 0) {
        Core f = Fixed(i, i + 2, sc, sc, false, 0);
        ApplyScale(&f);
        return f;
      }
      if (n1 == "few" && In(i + 2)) {
        std::string_view n2 = Low(i + 2);
        if (n2 == "dozen") return Fixed(i, i + 3, 24, 60, true, 12);
        if (n2 == "hundred") return Fixed(i, i + 3, 200, 500, true, 100);
        if (n2 == "thousand") return Fixed(i, i + 3, 2000, 5000, true, 1000);
      }
      return c;
    }
    if ((w == "several" || w == "many") && In(i + 1)) {
      std::string_view n1 = Low(i + 1);
      if (n1 == "dozen") return Fixed(i, i + 2, 24, 99, true, 12);
      if (n1 == "hundred") return Fixed(i, i + 2, 200, 999, true, 100);
      if (n1 == "thousand") return Fixed(i, i + 2, 2000, 9999, true, 1000);
      if (n1 == "million") return Fixed(i, i + 2, 2e6, 9.999e6, true, 1e6);
      return c;
    }
    // Vague plurals.
    if (w == "dozens" || w == "hundreds" || w == "thousands" ||
        w == "millions" || w == "billions" || w == "scores" || w == "tens") {
      Core f;
      if (w == "dozens") f = Fixed(i, i + 1, 24, 99, true, 12);
      if (w == "hundreds") f = Fixed(i, i + 1, 200, 999, true, 100);
      if (w == "thousands") f = Fixed(i, i + 1, 2000, 9999, true, 1000);
      if (w == "millions") f = Fixed(i, i + 1, 2e6, 9.999e6, true, 1e6);
      if (w == "billions") f = Fixed(i, i + 1, 2e9, 9.999e9, true, 1e9);
      if (w == "scores") f = Fixed(i, i + 1, 40, 99, true, 20);
      if (w == "tens") f = Fixed(i, i + 1, 20, 99, true, 10);
      // "hundreds of thousands", "tens of millions".
      if (In(i + 2) && Low(i + 1) == "of") {
        std::string_view n2 = Low(i + 2);
        double sc = n2 == "thousands" ? 1e3 : n2 == "millions" ? 1e6 : 0;
        if (sc > 0) {
          f.low *= sc;
          f.high = (f.high + 1) * sc - 1;
          f.vague_base *= sc;
          f.te = i + 3;
          return f;
        }
      }
      if (w == "tens") return c;  // only "tens of thousands"
      // "scores" and "dozens" need "of" to be a quantity (test scores).
      if ((w == "scores") && !(In(i + 1) && Low(i + 1) == "of")) return c;
      return f;
    }
    // Word fractions: "two-thirds", "a third of", "one quarter of", "half
    // of". Without "of", "a third" and "half" are mostly ordinals and time
    // ("a third term", "the second half").
    {
      size_t dash = w.find('-');
      if (dash != std::string::npos) {
        int num = SimpleNumberWord(w.substr(0, dash));
        int den = FractionDenominator(w.substr(dash + 1), num > 1);
        if (num >= 1 && den > num) {
          Core f = Fixed(i, i + 1, static_cast<double>(num) / den,
                         static_cast<double>(num) / den, false, 0);
          f.fraction = true;
          return f;
        }
      }
      bool of_after2 = In(i + 2) && Low(i + 2) == "of";
      int num = (w == "a" || w == "an") ? 1 : SimpleNumberWord(w);
      if (num >= 1 && In(i + 1) && of_after2) {
        int den = FractionDenominator(Low(i + 1), num > 1);
        if (den > num) {
          Core f = Fixed(i, i + 2, static_cast<double>(num) / den,
                         static_cast<double>(num) / den, false, 0);
          f.fraction = true;
          return f;
        }
      }
      if (w == "half" && In(i + 1) && Low(i + 1) == "of") {
        const std::string_view pv = i > 0 ? Low(i - 1) : std::string_view();
        if (pv != "the" && pv != "first" && pv != "second" && pv != "other" &&
            pv != "latter" && pv != "former" && pv != "a" && pv != "one" &&
            pv != "and") {
          Core f = Fixed(i, i + 1, 0.5, 0.5, false, 0);
          f.fraction = true;
          return f;
        }
      }
    }
    // Number words: "seventeen", "two hundred and fifty", "three million".
    int first = SimpleNumberWord(w);
    if (first < 0) return c;
    double total = 0, current = first;
    uint32_t j = i + 1;
    bool scaled = false;
    while (In(j) && toks_[j].kind == TokenKind::kWord) {
      std::string_view x = Low(j);
      double sc = ScaleWord(x);
      int sv = SimpleNumberWord(x);
      if (sc == 100) {
        current = (current == 0 ? 1 : current) * 100;
      } else if (sc > 0) {
        total += (current == 0 ? 1 : current) * sc;
        current = 0;
        scaled = true;
      } else if (sv > 0 && sv < 100) {
        current += sv;
      } else if (x == "and" && In(j + 1) && SimpleNumberWord(Low(j + 1)) > 0 &&
                 current >= 100) {
        // "two hundred and fifty"
      } else {
        break;
      }
      ++j;
    }
    c.low = c.high = total + current;
    c.tb = i;
    c.te = j;
    c.words = true;
    c.scaled = scaled || j > i + 1;
    c.ok = true;
    return c;
  }

  static Core Fixed(uint32_t tb, uint32_t te, double lo, double hi, bool vague,
                    double base) {
    Core c;
    c.ok = true;
    c.tb = tb;
    c.te = te;
    c.low = lo;
    c.high = hi;
    c.vague = vague;
    c.words = true;
    c.vague_base = base;
    return c;
  }

  // "1.2 million", "3 billion-mile".
  void ApplyScale(Core* c) const {
    if (!In(c->te) || toks_[c->te].kind != TokenKind::kWord) return;
    std::string w(Low(c->te));
    std::string glued;
    size_t dash = w.find('-');
    if (dash != std::string::npos) {
      glued = std::string(Text(c->te).substr(dash + 1));
      w.resize(dash);
    }
    double sc = ScaleWord(w);
    if (sc == 0 || c->scaled) return;
    c->low *= sc;
    c->high *= sc;
    c->te += 1;
    if (!glued.empty()) {
      c->glued_unit = glued;
      c->scaled = true;
      return;
    }
    // "4 hundred million"
    if (sc == 100) ApplyScale(c);
    c->scaled = true;
  }

  // Matches a qualifier phrase ending just before token `end`; sets *q and
  // returns the first token of the phrase, or `end` when none.
  uint32_t QualifierBefore(uint32_t end, Qualifier* q, bool* range_open,
                           std::string* range_word) const {
    struct Pat {
      std::string_view words[3];
      int n;
      Qualifier q;
    };
    static constexpr Pat kPats[] = {
        {{"no", "more", "than"}, 3, Qualifier::kAtMost},
        {{"no", "fewer", "than"}, 3, Qualifier::kAtLeast},
        {{"no", "less", "than"}, 3, Qualifier::kAtLeast},
        {{"as", "many", "as"}, 3, Qualifier::kUpTo},
        {{"as", "much", "as"}, 3, Qualifier::kUpTo},
        {{"in", "excess", "of"}, 3, Qualifier::kMoreThan},
        {{"up", "to", ""}, 2, Qualifier::kUpTo},
        {{"at", "least", ""}, 2, Qualifier::kAtLeast},
        {{"at", "most", ""}, 2, Qualifier::kAtMost},
        {{"more", "than", ""}, 2, Qualifier::kMoreThan},
        {{"over", "than", ""}, 2, Qualifier::kMoreThan},
        {{"greater", "than", ""}, 2, Qualifier::kMoreThan},
        {{"fewer", "than", ""}, 2, Qualifier::kFewerThan},
        {{"less", "than", ""}, 2, Qualifier::kFewerThan},
        {{"close", "to", ""}, 2, Qualifier::kAbout},
        {{"an", "estimated", ""}, 2, Qualifier::kAbout},
        {{"just", "over", ""}, 2, Qualifier::kMoreThan},
        {{"just", "under", ""}, 2, Qualifier::kFewerThan},
        {{"over", "", ""}, 1, Qualifier::kMoreThan},
        {{"above", "", ""}, 1, Qualifier::kMoreThan},
        {{"exceeding", "", ""}, 1, Qualifier::kMoreThan},
        {{"under", "", ""}, 1, Qualifier::kFewerThan},
        {{"below", "", ""}, 1, Qualifier::kFewerThan},
        {{"about", "", ""}, 1, Qualifier::kAbout},
        {{"around", "", ""}, 1, Qualifier::kAbout},
        {{"approximately", "", ""}, 1, Qualifier::kAbout},
        {{"roughly", "", ""}, 1, Qualifier::kAbout},
        {{"some", "", ""}, 1, Qualifier::kAbout},
        {{"nearly", "", ""}, 1, Qualifier::kAbout},
        {{"almost", "", ""}, 1, Qualifier::kAbout},
        {{"estimated", "", ""}, 1, Qualifier::kAbout},
        {{"approx", "", ""}, 1, Qualifier::kAbout},
        {{"maximum", "", ""}, 1, Qualifier::kUpTo},
        {{"averaged", "", ""}, 1, Qualifier::kAbout},
        {{"averaging", "", ""}, 1, Qualifier::kAbout},
        {{"averages", "", ""}, 1, Qualifier::kAbout},
        {{"between", "", ""}, 1, Qualifier::kRange},
        {{"from", "", ""}, 1, Qualifier::kRange},
    };
    for (const Pat& p : kPats) {
      if (end < static_cast<uint32_t>(p.n)) continue;
      uint32_t start = end - p.n;
      bool ok = true;
      for (int k = 0; k < p.n && ok; ++k) {
        if (toks_[start + k].kind != TokenKind::kWord || Low(start + k) != p.words[k])
          ok = false;
        if (k > 0 && ParaBefore(start + k)) ok = false;
      }
      if (!ok) continue;
      if (p.q == Qualifier::kRange) {
        *range_open = true;
        *range_word = p.words[0];
        return start;
      }
      *q = p.q;
      return start;
    }
    return end;
  }

  bool IsPercentAt(uint32_t j, uint32_t* after, std::string* unit) const {
    if (!In(j)) return false;
    std::string_view s = Text(j);
    std::string_view w = Low(j);
    if (s == "%") {
      *after = j + 1;
      *unit = "%";
      return true;
    }
    if (w == "percent" || w == "pct" || w == "percentage") {
      *after = j + 1;
      *unit = w == "percentage" ? "percent" : w;
      if (w == "percentage" && In(j + 1) && Low(j + 1) == "points") {
        *after = j + 2;
        *unit = "percentage points";
      } else if (w == "percentage") {
        return false;
      }
      return true;
    }
    if (w.rfind("percent-", 0) == 0) {
      *after = j + 1;
      *unit = std::string(s);
      return true;
    }
    if (w == "per" && In(j + 1) && Low(j + 1) == "cent") {
      *after = j + 2;
      *unit = "percent";
      return true;
    }
    return false;
  }

  // True when tokens from j are 1-4 capitalised words (or ordinals "71st")
  // ending in a street word: the number before them is a house number.
  bool IsStreetAddressAt(uint32_t j) const {
    static constexpr std::string_view kStreet[] = {
        "st", "st.", "street", "rd", "rd.", "road", "ave", "ave.", "avenue",
        "way", "drive", "dr", "dr.", "lane", "ln", "blvd", "blvd.",
        "boulevard", "place", "pl", "court", "ct", "terrace", "parade",
        "highway", "hwy"};
    for (uint32_t k = j; k < j + 5 && In(k); ++k) {
      std::string_view raw = Text(k);
      if (raw.empty() || ParaBefore(k)) return false;
      bool cap = std::isupper(static_cast<unsigned char>(raw[0]));
      bool ordinal = toks_[k].kind == TokenKind::kNumber;
      if (!cap && !ordinal) return false;
      if (k > j && cap)
        for (std::string_view w : kStreet)
          if (Low(k) == w) return true;
    }
    return false;
  }

  // Cheap test before ParseCore: can a number core start at this word?
  bool MayStartCore(uint32_t i) const {
    static const std::unordered_set<std::string_view> kStarts = [] {
      std::unordered_set<std::string_view> s;
      for (const auto& u : kUnits) s.insert(u.word);
      for (const char* w : {"a", "an", "several", "many", "dozens", "hundreds",
                            "thousands", "millions", "billions", "scores",
                            "tens", "minus", "half"})
        s.insert(w);
      return s;
    }();
    // Most words fail on (first letter, length) alone, without lowering
    // or hashing them.
    static const std::array<uint64_t, 26> kShapes = [] {
      std::array<uint64_t, 26> m{};
      for (std::string_view w : kStarts)
        if (!w.empty() && w[0] >= 'a' && w[0] <= 'z')
          m[w[0] - 'a'] |= uint64_t{1} << std::min<size_t>(w.size(), 63);
      return m;
    }();
    auto may_be = [](std::string_view x) {
      if (x.empty()) return false;
      char c = x[0];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
      if (c < 'a' || c > 'z') return true;  // not screened
      return ((kShapes[c - 'a'] >> std::min<size_t>(x.size(), 63)) & 1) != 0;
    };
    std::string_view raw = Text(i);
    size_t raw_dash = raw.find('-');
    if (may_be(raw) ||
        (raw_dash != std::string_view::npos && may_be(raw.substr(0, raw_dash)))) {
      std::string_view w = Low(i);
      if (kStarts.count(w)) return true;
      size_t dash = w.find('-');
      if (dash != std::string::npos && kStarts.count(std::string_view(w).substr(0, dash)))
        return true;
    }
    return !raw.empty() && std::isupper(static_cast<unsigned char>(raw[0])) &&
           std::any_of(raw.begin(), raw.end(), [](char ch) {
             return std::isdigit(static_cast<unsigned char>(ch)) != 0;
           });
  }

  bool TryAt(uint32_t i, Quantity* q, uint32_t* next) {
    const Token& t = toks_[i];
    if (t.kind != TokenKind::kNumber && t.kind != TokenKind::kWord) return false;
    if (t.kind == TokenKind::kWord && !MayStartCore(i)) return false;
    Core c = ParseCore(i);
    if (!c.ok) return false;
    // "one out of three": a fraction.
    if (!c.vague && !c.fraction && c.low == c.high && c.high > 0 &&
        In(c.te + 2) && Low(c.te) == "out" && Low(c.te + 1) == "of" &&
        (toks_[c.te + 2].kind == TokenKind::kNumber ||
         SimpleNumberWord(Low(c.te + 2)) > 0)) {
      Core d = ParseCore(c.te + 2);
      if (d.ok && !d.vague && d.low == d.high && d.high > c.high) {
        c.low = c.high = c.high / d.high;
        c.te = d.te;
        c.fraction = true;
        c.plain_int4 = false;
      }
    }
    *next = c.te;
    std::string_view w0 = Low(i);
    // "one" alone is a quantity only before a noun or "of".
    if (c.words && !c.vague && !c.fraction && c.te == i + 1 && w0 == "one") {
      if (!In(i + 1) || toks_[i + 1].kind != TokenKind::kWord) return false;
      std::string_view nx = Low(i + 1);
      if (nx != "of" && (IsFunctionWord(nx) || IsUpper(Text(i + 1))))
        return false;
      if (i > 0) {
        std::string_view pv = Low(i - 1);
        if (pv == "no" || pv == "the" || pv == "each" || pv == "this" ||
            pv == "that" || pv == "same" || pv == "any" || pv == "every" ||
            pv == "which" || pv == "someone" || pv == "anyone")
          return false;
      }
    }
    // A sign: "-5" (a dash glued to the number, not to a word before it:
    // "2-2" is a score), "$-50.8bn", "minus 387".
    uint32_t start = i;
    bool negative = c.negative;
    if (!c.words && i > 0 && toks_[i - 1].kind == TokenKind::kDash &&
        !(t.flags & text::kSpaceBefore)) {
      bool glued_left = i > 1 && !(toks_[i - 1].flags & text::kSpaceBefore);
      bool currency_left = i > 1 && IsCurrencySymbol(Text(i - 2));
      if ((!glued_left || currency_left) &&
          !(i > 1 && toks_[i - 2].kind == TokenKind::kNumber)) {
        negative = true;
        start = i - 1;
      }
    }
    // Currency before the number.
    QuantityKind kind = QuantityKind::kCount;
    std::string unit;
    if (start > 0 && IsCurrencySymbol(Text(start - 1))) {
      unit = std::string(Text(start - 1));
      kind = QuantityKind::kMoney;
      --start;
      if (start > 0 && (Low(start - 1) == "us" || Low(start - 1) == "u.s.") &&
          unit == "$") {
        --start;
      }
    }
    if (c.words && !c.vague && c.te == i + 1 && w0 == "one" &&
        kind == QuantityKind::kMoney)
      return false;
    if (!negative && start > 0 && Low(start - 1) == "minus") {
      negative = true;
      --start;
    }
    if (!c.currency.empty()) {
      kind = QuantityKind::kMoney;
      unit = unit.empty() ? c.currency : unit + c.currency;
    }
    // Exclusions on the left.
    if (start > 0 && kind == QuantityKind::kCount) {
      std::string_view pv = Low(start - 1);
      std::string_view pvt = Text(start - 1);
      if (IsMonth(pv) && c.high <= 31 && !c.words) return false;  // July 4
      if (pv == "aged" || pv == "age" || pv == "ages" || pv == "no." ||
          pv == "#" || pv == "number" || pv == "page" || pv == "chapter" ||
          pv == "article" || pv == "section" || pv == "rule" ||
          pv == "category" || pv == "phase" || pv == "stage" ||
          pv == "level" || pv == "type" || pv == "version" || pv == "tier")
        return false;
      // Part of a name: "S&P 500", "Big 12", "Boeing 737".
      bool has_upper = std::any_of(pvt.begin(), pvt.end(), [](char ch) {
        return std::isupper(static_cast<unsigned char>(ch)) != 0;
      });
      if (!c.words && c.glued_unit.empty() && has_upper && !IsMonth(pv) &&
          (toks_[start - 1].kind == TokenKind::kWord ||
           toks_[start - 1].kind == TokenKind::kAbbrev) &&
          !IsFunctionWord(pv) && pv != "some" && pv != "nearly" &&
          pv != "just" && pv != "only" && pv != "another" && pv != "but" &&
          pv != "almost" && pv != "around" && pv != "roughly" &&
          pv != "approximately" && !ParaBefore(start)) {
        bool unit_follows = In(c.te) && toks_[c.te].kind == TokenKind::kWord &&
                            !IsUpper(Text(c.te)) &&
                            !IsFunctionWord(Low(c.te)) &&
                            Low(c.te).back() == 's';
        if (!unit_follows || c.plain_int4) return false;
      }
    }
    // Street addresses: "9 E 71st St", "49 Zorro Ranch Road", "16-18
    // Industrial Avenue": up to four capitalised words, then a street word.
    if (!c.words && kind == QuantityKind::kCount && c.glued_unit.empty() &&
        IsStreetAddressAt(c.te))
      return false;
    // "the 90049 ZIP Code", "COVID -19": codes and names.
    if (In(c.te) && (Low(c.te) == "zip" || Low(c.te) == "postcode"))
      return false;
    if (negative && start > 0 && start + 1 == i &&
        IsUpper(Text(start - 1)) && toks_[start - 1].kind == TokenKind::kWord)
      return false;
    // Ages in apposition: "Senard, 65, now".
    if (!c.words && start >= 2 && Text(start - 1) == "," &&
        IsUpper(Text(start - 2)) && In(c.te) &&
        (Text(c.te) == "," || Text(c.te) == ".") && c.low == c.high &&
        c.low <= 120 && c.low == std::floor(c.low))
      return false;
    // Right side: "12 July", times, ages.
    if (In(c.te)) {
      std::string_view nx = Low(c.te);
      if (IsMonth(nx) && IsUpper(Text(c.te)) && c.high <= 31 && !c.words)
        return false;
      if (nx == "a.m." || nx == "p.m." || nx == "am" || nx == "pm" ||
          nx == "o'clock" || nx == "gmt" || nx == "utc" || nx == "edt" ||
          nx == "est" || nx == "bst")
        return false;
      if (nx == "years" && In(c.te + 1) && Low(c.te + 1) == "old") return false;
    }
    // Years.
    if (c.plain_int4 && kind == QuantityKind::kCount && c.low >= 1500 &&
        c.low <= 2200) {
      bool plural_follows = false;
      if (In(c.te) && toks_[c.te].kind == TokenKind::kWord &&
          !IsUpper(Text(c.te))) {
        std::string_view nx = Low(c.te);
        plural_follows =
            (nx.size() > 3 && nx.back() == 's' && !IsFunctionWord(nx)) ||
            nx == "people" || nx == "police" || nx == "children" ||
            nx == "men" || nx == "women" || nx == "staff" ||
            nx == "personnel";
      }
      bool date_prep = false;
      if (start > 0) {
        std::string_view pv = Low(start - 1);
        date_prep = pv == "in" || pv == "since" || pv == "by" || pv == "until" ||
                    pv == "till" || pv == "before" || pv == "after" ||
                    pv == "of" || pv == "from" || pv == "through" ||
                    pv == "during" || pv == "early" || pv == "late" ||
                    pv == "mid" || pv == "year" || pv == "summer" ||
                    pv == "winter" || pv == "spring" || pv == "autumn" ||
                    pv == "fall" || pv == "between" || IsMonth(pv) ||
                    pv == ",";
      }
      if (!plural_follows || date_prep) return false;
    }

    // Qualifier and range opener before the phrase.
    Qualifier qual = Qualifier::kExact;
    bool range_open = false;
    std::string range_word;
    uint32_t qstart = QualifierBefore(start, &qual, &range_open, &range_word);
    // "~45g": a tilde glued to the number means about.
    if (qstart == start && start > 0 && Text(start - 1) == "~") {
      qual = Qualifier::kAbout;
      qstart = start - 1;
    }

    uint32_t end = c.te;
    double low = c.low, high = c.high;
    bool vague = c.vague;
    double vague_base = c.vague_base;
    bool is_range = c.high != c.low && !c.vague;
    // Second core: "10 to 20", "between 10 and 20", "$200 to $4 million".
    bool by_before = qstart > 0 && (Low(qstart - 1) == "by" ||
                                    Low(qstart - 1) == "to");
    if (SecondCore(end, c, range_open, range_word, by_before, kind, &low,
                   &high, &end))
      is_range = true;
    // Percent / currency word after the number.
    uint32_t after = end;
    std::string pct_unit;
    if (kind == QuantityKind::kCount && IsPercentAt(end, &after, &pct_unit)) {
      kind = QuantityKind::kPercent;
      unit = pct_unit;
      end = after;
    } else if (In(end) && IsCurrencyWord(Low(end))) {
      kind = QuantityKind::kMoney;
      unit = std::string(Text(end));
      end += 1;
    } else if (In(end) && In(end + 1) && IsUpper(Text(end)) &&
               IsCurrencyWord(Low(end + 1))) {
      // "Australian dollars", "Danish crowns"
      kind = QuantityKind::kMoney;
      unit = std::string(Text(end)) + " " + std::string(Text(end + 1));
      end += 2;
    }
    // Unit word(s) for counts and measures.
    uint32_t unit_token = 0;
    if (kind == QuantityKind::kCount) {
      if (!c.glued_unit.empty()) {
        unit = c.glued_unit;
        kind = QuantityKind::kMeasure;
      } else {
        uint32_t u = end;
        if (In(u) && toks_[u].kind == TokenKind::kDash &&
            !(toks_[u].flags & text::kSpaceBefore))
          ++u;
        if (In(u) && Low(u) == "of" &&
            (vague || c.fraction || (c.words && c.low == 1) ||
             (c.words && c.low == 12))) {
          ++u;
          if (In(u) && (Low(u) == "the" || Low(u) == "a" || Low(u) == "an"))
            ++u;
        }
        if (In(u) && toks_[u].kind == TokenKind::kWord &&
            IsAlphaWord(Text(u)) && !IsFunctionWord(Low(u)) &&
            !IsUpper(Text(u))) {
          unit = std::string(Text(u));
          unit_token = u;
          if (In(u + 2) && Low(u + 1) == "per" &&
              toks_[u + 2].kind == TokenKind::kWord) {
            unit += " per " + std::string(Text(u + 2));
          }
          std::string lu = Lower(unit);
          size_t dash = lu.find('-');
          std::string head = dash == std::string::npos ? lu : lu.substr(0, dash);
          if (IsTimeUnit(head) || IsTimeUnit(lu)) kind = QuantityKind::kMeasure;
        }
      }
    }
    // Second core after a repeated unit: "5% and 6%", "252 miles to 287
    // miles", "1 per cent to 1.5 per cent".
    if (!is_range && !vague) {
      uint32_t at = unit_token ? unit_token + 1 : end;
      uint32_t e2 = 0;
      if (SecondCore(at, c, range_open, range_word, by_before, kind, &low,
                     &high, &e2)) {
        is_range = true;
        end = e2;
        uint32_t after2;
        std::string u2;
        if (kind == QuantityKind::kPercent && IsPercentAt(end, &after2, &u2)) {
          end = after2;
        } else if (unit_token && In(end) && Low(end) == Low(unit_token)) {
          end += 1;
        }
      }
    }
    // "from $75 U.S. per barrel to $45.88", "from 21 mpg combined to 23":
    // a "from" range whose ends are split by a few words of the same clause.
    if (!is_range && !vague && range_open && range_word == "from") {
      uint32_t k = unit_token ? unit_token + 1 : end;
      for (uint32_t lim = k + kMaxRangeGap; k < lim && In(k); ++k) {
        std::string_view x = Low(k);
        if (ParaBefore(k) || x == "," || x == ";" || x == "from" ||
            x == "and" || x == "but" || x == "(" || x == ")")
          break;
        if (x != "to") continue;
        uint32_t e2 = 0;
        if (SecondCore(k, c, range_open, range_word, by_before, kind, &low,
                       &high, &e2)) {
          is_range = true;
          end = e2;
          uint32_t after2;
          std::string u2;
          if (kind == QuantityKind::kPercent && IsPercentAt(end, &after2, &u2))
            end = after2;
        }
        break;
      }
    }
    if (range_open && !is_range) {
      // "from 30 yards": "from" was no range opener.
      qstart = start;
      qual = Qualifier::kExact;
      uint32_t q2 = QualifierBefore(start, &qual, &range_open, &range_word);
      if (!range_open) {
        qstart = q2;
      } else {
        qual = Qualifier::kExact;
        qstart = start;
      }
    }
    // Direction of change: "rose 8%", "+0.3%", "0.68 percent lower".
    // A "from"/"between" range names two levels, not a change ("jumped
    // from 240 to 273"). The amount of a change carries its direction,
    // also after "by" ("increased by 2 percent", "grow sales by 35 per
    // cent"); the level after "to"/"at" does not ("rose 8% to 3.65").
    Direction dir = Direction::kNone;
    if (qstart > 0 && !(is_range && range_open)) {
      std::string_view pt = Text(qstart - 1);
      if (pt == "+" && !(toks_[qstart].flags & text::kSpaceBefore))
        dir = Direction::kUp;
      uint32_t reach = 3;
      for (uint32_t k = qstart;
           k > 0 && k + reach > qstart && dir == Direction::kNone; --k) {
        std::string_view pv = Low(k - 1);
        if (pv == "of" || pv == "," || pv == "." || pv == ";" ||
            pv == "from" || pv == "than" || pv == "and" || pv == "but" ||
            pv == "while" || pv == "(" || ParaBefore(k))
          break;
        if (pv == "to" || pv == "at") break;
        if (pv == "by") {
          reach = 6;
          continue;
        }
        dir = DirectionWord(pv);
        if (pv == "up" && k == qstart && Low(qstart) == "to") dir = Direction::kNone;
        // "gave up 517 yards": a phrasal verb, not a change.
        if (pv == "up" && k >= 2) {
          std::string_view v = Low(k - 2);
          if (v == "gave" || v == "give" || v == "gives" || v == "given" ||
              v == "giving")
            dir = Direction::kNone;
        }
      }
    }

    if (negative) {
      std::swap(low, high);
      low = -low;
      high = -high;
    }
    q->begin = toks_[qstart].begin;
    q->end = toks_[end - 1].end;
    q->num_begin = toks_[i].begin;
    q->num_end = toks_[c.te - 1].end;
    q->token_begin = qstart;
    q->token_end = end;
    q->low = low;
    q->high = high;
    q->has_low = q->has_high = true;
    q->vague = vague;
    q->kind = kind;
    q->unit = unit;
    q->unit_token = unit_token;
    q->direction = dir;
    q->qualifier = vague ? Qualifier::kVague : is_range ? Qualifier::kRange : qual;
    q->vague_base = vague_base;
    if (!vague && !is_range) {
      switch (qual) {
        case Qualifier::kAtLeast:
        case Qualifier::kMoreThan:
          q->has_high = false;
          break;
        case Qualifier::kUpTo:
        case Qualifier::kAtMost:
        case Qualifier::kFewerThan:
          q->has_low = false;
          q->low = 0;
          break;
        default:
          break;
      }
    }
    *next = end;
    return true;
  }

  // A second number after a range connector at token `at`; on success
  // widens [*low, *high] and sets *end past it.
  bool SecondCore(uint32_t at, const Core& c, bool range_open,
                  const std::string& range_word, bool by_before,
                  QuantityKind kind, double* low, double* high,
                  uint32_t* end) const {
    if (!In(at) || !In(at + 1)) return false;
    std::string_view conn = Low(at);
    bool dash = toks_[at].kind == TokenKind::kDash;
    bool ok_conn = conn == "to" || dash ||
                   (range_open && range_word == "between" && conn == "and") ||
                   (conn == "or" && !c.vague);
    if (!ok_conn) return false;
    uint32_t j = at + 1;
    if (IsCurrencySymbol(Text(j)) && kind == QuantityKind::kMoney) ++j;
    if (!In(j) || !(toks_[j].kind == TokenKind::kNumber ||
                    SimpleNumberWord(Low(j)) >= 0))
      return false;
    Core c2 = ParseCore(j);
    if (!c2.ok || c2.vague) return false;
    // "increased by $43.6 billion to $419.2 billion" is a change and a
    // level, "dropped by 1 to 1.5 degrees" a range: after "by", only close
    // values form a range.
    if (by_before && !(c2.high >= *low && c2.high < 3 * *low)) return false;
    uint32_t after;
    std::string unit;
    if (kind == QuantityKind::kPercent && !IsPercentAt(c2.te, &after, &unit) &&
        at > 0 && IsPercentAt(at - 1, &after, &unit))
      return false;  // "rose 8.15% to 3.65": a percent and a price
    double lo = *low;
    // "1 to 2 million": the first number borrows the multiplier, but not in
    // "$200 to $4 million".
    if (c2.scaled && !c.scaled && c.high < 1000) {
      double bare = ParseBareValue(j);
      double factor = c2.high / bare;
      if (factor > 1 && c.high <= bare) lo *= factor;
    }
    *low = lo;
    *high = c2.high;
    *end = c2.te;
    return true;
  }

  // Value of the digits or number word at token j without a multiplier.
  double ParseBareValue(uint32_t j) const {
    double v = 0;
    if (toks_[j].kind == TokenKind::kNumber) {
      std::string_view s = Text(j);
      size_t k = 0;
      while (k < s.size() && (std::isdigit(static_cast<unsigned char>(s[k])) ||
                              s[k] == ',' || s[k] == '.'))
        ++k;
      if (ParseDigits(s.substr(0, k), &v) && v != 0) return v;
      return 1;
    }
    int w = SimpleNumberWord(Low(j));
    return w > 0 ? w : 1;
  }

  std::string_view text_;
  std::span<const Token> toks_;
  mutable std::vector<std::string> lower_;
  mutable std::vector<uint8_t> lowered_;
};

}  // namespace

std::string_view QualifierName(Qualifier q) {
  switch (q) {
    case Qualifier::kExact: return "exact";
    case Qualifier::kAbout: return "about";
    case Qualifier::kAtLeast: return "at_least";
    case Qualifier::kMoreThan: return "more_than";
    case Qualifier::kUpTo: return "up_to";
    case Qualifier::kAtMost: return "at_most";
    case Qualifier::kFewerThan: return "fewer_than";
    case Qualifier::kRange: return "range";
    case Qualifier::kVague: return "vague";
  }
  return "exact";
}

std::string_view QuantityKindName(QuantityKind k) {
  switch (k) {
    case QuantityKind::kCount: return "count";
    case QuantityKind::kMoney: return "money";
    case QuantityKind::kPercent: return "percent";
    case QuantityKind::kMeasure: return "measure";
  }
  return "count";
}

bool ParseDigits(std::string_view s, double* value) {
  if (s.empty() || !std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  // Thousands separators: "1,200", "1,000,000" (groups of three).
  std::string clean;
  size_t dots = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      clean += c;
    } else if (c == ',') {
      size_t k = i + 1;
      while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) ++k;
      if (k - i - 1 != 3) return false;
    } else if (c == '.') {
      if (++dots > 1) return false;
      clean += c;
    } else {
      return false;
    }
  }
  if (clean.empty() || clean.back() == '.') return false;
  *value = std::strtod(clean.c_str(), nullptr);
  return true;
}

void QuantityRecognizer::Find(std::string_view text,
                              std::span<const text::Token> tokens,
                              std::vector<Quantity>* out) const {
  Scanner s(text, tokens);
  s.Run(out);
}

}  // namespace wirewatch::analyze

#include "text/tokenizer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "base/utf8.h"

namespace wirewatch::text {

std::string_view TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "num";
    case TokenKind::kAbbrev: return "abbr";
    case TokenKind::kClitic: return "clitic";
    case TokenKind::kPunct: return "punct";
    case TokenKind::kOpenQuote: return "oq";
    case TokenKind::kCloseQuote: return "cq";
    case TokenKind::kDash: return "dash";
    case TokenKind::kEllipsis: return "ell";
    case TokenKind::kSymbol: return "sym";
  }
  return "?";
}

namespace {

// Sorted lists for binary search.
constexpr std::array<std::string_view, 29> kTitleAbbrevs = {
    "adm", "amb", "brig", "capt", "cdr", "cmdr", "col", "cpl", "dr",
    "fr", "ft", "gen", "gov", "hon", "lt", "maj", "messrs", "mr", "mrs",
    "ms", "mt", "pres", "prof", "rep", "rev", "sen", "sgt", "st", "supt"};
constexpr std::array<std::string_view, 11> kMonthAbbrevs = {
    "apr", "aug", "dec", "feb", "jan", "jun", "jul", "mar", "nov", "oct",
    "sep"};
constexpr std::array<std::string_view, 21> kOtherAbbrevs = {
    "approx", "ave", "blvd", "bros", "co", "corp", "dept", "est", "etc",
    "inc", "jr", "ltd", "no", "nos", "plc", "pp", "sept", "sr", "univ",
    "vol", "vs"};

template <size_t N>
bool InSorted(const std::array<std::string_view, N>& a, std::string_view s) {
  return std::binary_search(a.begin(), a.end(), s);
}

struct Cp {
  char32_t c = 0;
  uint32_t len = 0;  // 0 at end of text; invalid bytes decode as len 1, c=0xFFFD|flag
  bool valid = true;
};

inline Cp Decode(std::string_view s, size_t i) {
  Cp r;
  if (i >= s.size()) return r;
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    r.c = b;
    r.len = 1;
    return r;
  }
  size_t n = Utf8SequenceLength(s, i);
  if (n == 0) {
    r.c = 0xFFFD;
    r.len = 1;
    r.valid = false;
    return r;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(s.data() + i);
  char32_t c = 0;
  if (n == 2) c = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
  if (n == 3) c = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  if (n == 4)
    c = ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) |
        (p[3] & 0x3F);
  r.c = c;
  r.len = static_cast<uint32_t>(n);
  return r;
}

inline bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                       c == '\f' || c == '\v';
  return c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == 0xFEFF || c == 0x85 ||
         c == 0x2028 || c == 0x2029;
}

inline bool IsAsciiAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}
inline bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

inline bool IsWordChar(const Cp& cp) {
  if (cp.len == 0 || !cp.valid) return false;
  if (cp.c < 0x80) return IsAsciiAlnum(cp.c);
  if (cp.c == 0xFFFD) return false;
  if (u_isalnum(static_cast<UChar32>(cp.c))) return true;
  return (U_GET_GC_MASK(static_cast<UChar32>(cp.c)) & U_GC_M_MASK) != 0;
}
inline bool IsLetter(const Cp& cp) {
  return IsWordChar(cp) && !IsDigit(cp.c);
}
inline bool IsApostrophe(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}
inline bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
inline bool IsDashCp(char32_t c) {
  return (c >= 0x2012 && c <= 0x2015) || c == 0x2212;
}
// +1 opening, -1 closing, 0 ambiguous (decided by context), 2 not a quote.
inline int QuoteDirection(char32_t c) {
  switch (c) {
    case 0x201C: case 0x2018: case 0x00AB: case 0x201E: case 0x201A:
    case 0x2039: case 0x201F: case 0x201B:
      return 1;
    case 0x201D: case 0x2019: case 0x00BB: case 0x203A:
      return -1;
    case '"': case '\'': case 0x02BC: case 0x2033:
      return 0;
    default:
      return 2;
  }
}

// Clitic following an apostrophe at text[i] (i points after the apostrophe):
// returns the byte length of the clitic letters ("s", "re", ...) when they are
// followed by a non-word character, else 0.
size_t CliticLength(std::string_view text, size_t i) {
  static constexpr std::string_view kClitics[] = {"s", "re", "ll", "ve", "d",
                                                  "m"};
  for (std::string_view c : kClitics) {
    if (i + c.size() > text.size()) continue;
    bool match = true;
    for (size_t k = 0; k < c.size(); ++k) {
      if ((text[i + k] | 0x20) != c[k]) { match = false; break; }
    }
    if (!match) continue;
    Cp next = Decode(text, i + c.size());
    if (!IsWordChar(next)) return c.size();
  }
  return 0;
}

// "n't" / "n’t" at text[i] followed by a non-word character: its length.
size_t NegationLength(std::string_view text, size_t i) {
  if (i >= text.size() || (text[i] | 0x20) != 'n') return 0;
  Cp ap = Decode(text, i + 1);
  if (ap.len == 0 || !IsApostrophe(ap.c)) return 0;
  size_t t = i + 1 + ap.len;
  if (t >= text.size() || (text[t] | 0x20) != 't') return 0;
  if (IsWordChar(Decode(text, t + 1))) return 0;
  return t + 1 - i;
}

}  // namespace

bool IsTitleAbbreviation(std::string_view lower) {
  return InSorted(kTitleAbbrevs, lower);
}
bool IsMonthAbbreviation(std::string_view lower) {
  return InSorted(kMonthAbbrevs, lower) || lower == "sept";
}
bool IsKnownAbbreviation(std::string_view lower) {
  return IsTitleAbbreviation(lower) || IsMonthAbbreviation(lower) ||
         InSorted(kOtherAbbrevs, lower);
}

Status Tokenizer::Tokenize(std::string_view text,
                           std::vector<Token>* out) const {
  out->clear();
  const size_t n = text.size();
  size_t i = 0;
  uint8_t flags = 0;
  int newlines = 0;
  auto emit = [&](size_t b, size_t e, TokenKind k) {
    Token t;
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    t.kind = k;
    t.flags = flags;
    out->push_back(t);
    flags = 0;
    newlines = 0;
  };
  while (i < n) {
    if (out->size() >= options_.max_tokens) {
      return Status::ResourceExhausted("document exceeds the token limit");
    }
    Cp cp = Decode(text, i);
    if (cp.valid && IsSpace(cp.c)) {
      flags |= kSpaceBefore;
      if (cp.c == '\n' || cp.c == 0x2028 || cp.c == 0x2029) {
        flags |= kNewlineBefore;
        if (++newlines >= 2 || cp.c == 0x2029) flags |= kParagraphBefore;
      }
      i += cp.len;
      continue;
    }
    const size_t start = i;
    if (IsWordChar(cp)) {
      // "n't" at the start of a token (after "do" was split off).
      if (size_t neg = NegationLength(text, i); neg > 0) {
        emit(i, i + neg, TokenKind::kClitic);
        i += neg;
        continue;
      }
      const bool starts_digit = IsDigit(cp.c);
      bool initialism = false;      // U.S / e.g pattern seen
      size_t segment_start = i;     // start of the current letter run
      size_t j = i;
      while (true) {
        // Consume a run of word characters.
        Cp c = Decode(text, j);
        while (IsWordChar(c)) {
          j += c.len;
          c = Decode(text, j);
        }
        if (c.len == 0) break;
        Cp nx = Decode(text, j + c.len);
        if (IsHyphen(c.c) && IsWordChar(nx)) {
          j += c.len;
          segment_start = j;
          continue;
        }
        if (IsApostrophe(c.c) && IsLetter(nx)) {
          // Split "don't" -> "do" "n't": the word ends before the n.
          if (j - 1 > start && (text[j - 1] | 0x20) == 'n' &&
              NegationLength(text, j - 1) > 0) {
            j -= 1;
            break;
          }
          if (CliticLength(text, j + c.len) > 0) break;
          j += c.len;
          segment_start = j;
          continue;
        }
        bool prev_digit = IsDigit(static_cast<unsigned char>(text[j - 1]));
        if ((c.c == '.' || c.c == ',' || c.c == ':') && prev_digit &&
            IsDigit(nx.c) && starts_digit) {
          j += 1;
          segment_start = j;
          continue;
        }
        if (c.c == '.' && IsLetter(nx) && j - segment_start <= 2 &&
            Decode(text, segment_start).len == j - segment_start &&
            !starts_digit) {
          // Single-letter segment followed by ".letter": an initialism.
          Cp after = Decode(text, j + 1 + nx.len);
          if (after.c == '.') {
            initialism = true;
            j += 1;
            segment_start = j;
            continue;
          }
        }
        break;
      }
      size_t end = j;
      TokenKind kind = starts_digit ? TokenKind::kNumber : TokenKind::kWord;
      if (end < n && text[end] == '.' &&
          !(end + 1 < n && text[end + 1] == '.')) {
        Cp after = Decode(text, end + 1);
        if (!IsWordChar(after)) {
          bool take = initialism;
          if (!take && !starts_digit) {
            size_t len = end - start;
            Cp first = Decode(text, start);
            if (first.len == len && first.c < 0x80 && first.c >= 'A' &&
                first.c <= 'Z') {
              take = true;  // initial: "J."
            } else if (len <= 7) {
              char buf[8];
              bool ascii = true;
              for (size_t k = 0; k < len; ++k) {
                char ch = text[start + k];
                if (static_cast<unsigned char>(ch) >= 0x80) ascii = false;
                buf[k] = static_cast<char>(ch | 0x20);
              }
              if (ascii) {
                std::string_view lower(buf, len);
                // "No." only before a number ("No. 5").
                if (lower == "no" || lower == "nos") {
                  size_t k = end + 1;
                  while (k < n && text[k] == ' ') ++k;
                  take = k < n && IsDigit(static_cast<unsigned char>(text[k]));
                } else {
                  take = IsKnownAbbreviation(lower);
                }
              }
            }
          }
          if (take) {
            end += 1;
            kind = TokenKind::kAbbrev;
          }
        }
      }
      emit(start, end, kind);
      i = end;
      continue;
    }
    if (!cp.valid) {
      emit(i, i + 1, TokenKind::kSymbol);
      i += 1;
      continue;
    }
    // Clitic: 's after a word with no space.
    if (IsApostrophe(cp.c) && !out->empty() && flags == 0 &&
        out->back().end == i &&
        (out->back().kind == TokenKind::kWord ||
         out->back().kind == TokenKind::kNumber ||
         out->back().kind == TokenKind::kAbbrev)) {
      if (size_t cl = CliticLength(text, i + cp.len); cl > 0) {
        emit(i, i + cp.len + cl, TokenKind::kClitic);
        i += cp.len + cl;
        continue;
      }
    }
    if (cp.c == '.') {
      size_t j = i;
      while (j < n && text[j] == '.') ++j;
      emit(i, j, j - i >= 2 ? TokenKind::kEllipsis : TokenKind::kPunct);
      i = j;
      continue;
    }
    if (cp.c == 0x2026) {
      emit(i, i + cp.len, TokenKind::kEllipsis);
      i += cp.len;
      continue;
    }
    if (cp.c == '-' || IsHyphen(cp.c) || IsDashCp(cp.c)) {
      size_t j = i + cp.len;
      if (cp.c == '-') {
        while (j < n && text[j] == '-') ++j;
      }
      emit(i, j, TokenKind::kDash);
      i = j;
      continue;
    }
    if (int dir = QuoteDirection(cp.c); dir != 2) {
      TokenKind k;
      if (dir == 1) {
        k = TokenKind::kOpenQuote;
      } else if (dir == -1) {
        k = TokenKind::kCloseQuote;
      } else {
        // Ambiguous: opening after whitespace/start/open bracket, else closing.
        bool after_space = i == 0 || flags != 0;
        if (!after_space) {
          char prev = text[i - 1];
          after_space = prev == '(' || prev == '[' || prev == '{';
        }
        k = after_space ? TokenKind::kOpenQuote : TokenKind::kCloseQuote;
      }
      emit(i, i + cp.len, k);
      i += cp.len;
      continue;
    }
    if (cp.c < 0x80 && std::strchr(",;:!?()[]{}", static_cast<char>(cp.c))) {
      emit(i, i + 1, TokenKind::kPunct);
      i += 1;
      continue;
    }
    emit(i, i + cp.len, TokenKind::kSymbol);
    i += cp.len;
  }
  return Status::Ok();
}

}  // namespace wirewatch::text

#include "link/analyzer.h"

#include <array>
#include <unordered_set>

#include "base/hash.h"

namespace wirewatch::link {
namespace {

constexpr uint64_t kTermSeed = 0x7465726d;  // "term"

// Short, high-frequency function words. Kept small on purpose: news terms
// such as "said" stay (they are cheap, and IDF discounts them).
constexpr std::string_view kEnglish[] = {
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as",
    "at", "be", "been", "before", "but", "by", "can", "could", "did", "do",
    "does", "for", "from", "had", "has", "have", "he", "her", "hers", "him",
    "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me",
    "more", "most", "my", "no", "not", "of", "on", "one", "or", "other",
    "our", "out", "over", "she", "should", "so", "some", "such", "than",
    "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "up", "us", "very", "was", "we",
    "were", "what", "when", "where", "which", "while", "who", "whom", "why",
    "will", "with", "would", "you", "your", "s", "t", "mr", "mrs", "ms"};
constexpr std::string_view kGerman[] = {
    "aber", "als", "am", "an", "auch", "auf", "aus", "bei", "bis", "das",
    "dass", "dem", "den", "der", "des", "die", "dies", "diese", "dieser",
    "doch", "du", "ein", "eine", "einem", "einen", "einer", "eines", "er",
    "es", "für", "hat", "hatte", "ich", "ihr", "im", "in", "ist", "ja",
    "kann", "man", "mit", "nach", "nicht", "noch", "nur", "ob", "oder",
    "sich", "sie", "sind", "so", "um", "und", "uns", "von", "vor", "war",
    "was", "wenn", "werden", "wie", "wir", "wird", "wurde", "zu", "zum",
    "zur", "über"};
constexpr std::string_view kFrench[] = {
    "au", "aux", "avec", "ce", "ces", "cette", "d", "dans", "de", "des",
    "du", "elle", "en", "est", "et", "il", "ils", "j", "je", "l", "la", "le",
    "les", "leur", "lui", "m", "mais", "me", "même", "n", "ne", "nous", "on",
    "ont", "ou", "par", "pas", "pour", "qu", "que", "qui", "s", "sa", "se",
    "ses", "son", "sont", "sur", "ta", "te", "un", "une", "vous", "y", "à",
    "été", "était"};
constexpr std::string_view kSpanish[] = {
    "al", "como", "con", "de", "del", "el", "ella", "en", "es", "esta",
    "este", "fue", "ha", "la", "las", "le", "les", "lo", "los", "más", "no",
    "o", "para", "pero", "por", "que", "se", "sin", "su", "sus", "un", "una",
    "uno", "y", "ya", "él"};

using WordSet = std::unordered_set<std::string_view>;

template <size_t N>
void Insert(WordSet* set, const std::string_view (&words)[N]) {
  for (std::string_view w : words) set->insert(w);
}

const WordSet& Stopwords(std::string_view lang) {
  static const std::array<WordSet, 5>* sets = [] {
    auto* s = new std::array<WordSet, 5>();
    Insert(&(*s)[0], kEnglish);
    Insert(&(*s)[1], kGerman);
    Insert(&(*s)[2], kFrench);
    Insert(&(*s)[3], kSpanish);
    for (int i = 0; i < 4; ++i) (*s)[4].insert((*s)[i].begin(), (*s)[i].end());
    return s;
  }();
  if (lang == "en") return (*sets)[0];
  if (lang == "de") return (*sets)[1];
  if (lang == "fr") return (*sets)[2];
  if (lang == "es") return (*sets)[3];
  return (*sets)[4];
}

// Decodes one code point at s[i]; returns its byte length (0 if ill-formed).
size_t Decode(std::string_view s, size_t i, uint32_t* cp) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  unsigned char c = p[i];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t n = s.size();
  auto cont = [&](size_t k) { return i + k < n && (p[i + k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF && cont(1)) {
    *cp = ((c & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu);
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2)) {
    *cp = ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
    if (*cp < 0x800 || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    *cp = ((c & 0x07u) << 18) | ((p[i + 1] & 0x3Fu) << 12) |
          ((p[i + 2] & 0x3Fu) << 6) | (p[i + 3] & 0x3Fu);
    if (*cp < 0x10000 || *cp > 0x10FFFF) return 0;
    return 4;
  }
  return 0;
}

bool IsWordChar(uint32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= '0' && cp <= '9');
  }
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x206F) return false;  // general punctuation
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE00 && cp <= 0xFE0F) return false;  // variation selectors
  if (cp == 0xFEFF || cp == 0xFFFD) return false;
  return true;
}

void AppendFolded(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(cp >= 'A' && cp <= 'Z' ? static_cast<char>(cp + 32)
                                          : static_cast<char>(cp));
    return;
  }
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 0x20;
  if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool EndsWith(const std::string& w, std::string_view suffix) {
  return w.size() >= suffix.size() &&
         std::string_view(w).substr(w.size() - suffix.size()) == suffix;
}

// Harman's S-stemmer, ASCII words longer than three bytes only.
void StemInPlace(std::string* w) {
  if (w->size() <= 3) return;
  for (char c : *w) {
    if (static_cast<unsigned char>(c) >= 0x80 || (c >= '0' && c <= '9')) {
      return;
    }
  }
  if (EndsWith(*w, "ies") && !EndsWith(*w, "eies") && !EndsWith(*w, "aies")) {
    w->resize(w->size() - 3);
    w->push_back('y');
  } else if (EndsWith(*w, "es") && !EndsWith(*w, "aes") &&
             !EndsWith(*w, "ees") && !EndsWith(*w, "oes")) {
    w->pop_back();
  } else if (EndsWith(*w, "s") && !EndsWith(*w, "us") && !EndsWith(*w, "ss")) {
    w->pop_back();
  }
}

bool StemLang(std::string_view lang) { return lang.empty() || lang == "en"; }

}  // namespace

uint64_t TermHash(std::string_view term) { return Hash64(term, kTermSeed); }

bool Analyzer::IsStopword(std::string_view term, std::string_view lang) {
  return Stopwords(lang).count(term) != 0;
}

const AnalyzedText& Analyzer::Analyze(std::string_view text,
                                      std::string_view lang,
                                      uint32_t position_offset) {
  result_.terms.clear();
  result_.tokens.clear();
  result_.words = 0;
  result_.truncated = false;
  const WordSet& stop = Stopwords(lang);
  const bool stem = options_.stem && StemLang(lang);
  size_t i = 0;
  const size_t n = text.size();
  uint32_t position = position_offset;
  while (i < n) {
    uint32_t cp = 0;
    size_t len = Decode(text, i, &cp);
    if (len == 0 || !IsWordChar(cp)) {
      i += len == 0 ? 1 : len;
      continue;
    }
    // A word: a maximal run of word characters.
    const size_t begin = i;
    word_.clear();
    bool too_long = false;
    size_t chars = 0;
    while (i < n) {
      len = Decode(text, i, &cp);
      if (len == 0 || !IsWordChar(cp)) break;
      if (word_.size() < options_.max_term_bytes) {
        AppendFolded(cp, &word_);
      } else {
        too_long = true;
      }
      i += len;
      ++chars;
    }
    ++result_.words;
    const uint32_t pos = position++;
    if (too_long || chars < 2) continue;
    if (options_.stopwords && stop.count(word_) != 0) continue;
    if (stem) StemInPlace(&word_);
    if (result_.tokens.size() >= options_.max_tokens) {
      result_.truncated = true;
      break;
    }
    Token t;
    t.term_begin = static_cast<uint32_t>(result_.terms.size());
    t.term_size = static_cast<uint32_t>(word_.size());
    t.position = pos;
    t.src_begin = static_cast<uint32_t>(begin);
    t.src_end = static_cast<uint32_t>(i);
    t.hash = TermHash(word_);
    result_.terms.append(word_);
    result_.tokens.push_back(t);
  }
  return result_;
}

bool Analyzer::AnalyzeWord(std::string_view word, std::string_view lang,
                           std::string* out) const {
  out->clear();
  size_t i = 0;
  while (i < word.size()) {
    uint32_t cp = 0;
    size_t len = Decode(word, i, &cp);
    if (len == 0 || !IsWordChar(cp)) return false;
    AppendFolded(cp, out);
    i += len;
  }
  if (out->empty() || out->size() > options_.max_term_bytes) return false;
  if (options_.stem && StemLang(lang)) StemInPlace(out);
  return true;
}

}  // namespace wirewatch::link

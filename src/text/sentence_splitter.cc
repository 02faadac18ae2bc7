#include "text/sentence_splitter.h"

#include <algorithm>
#include <array>

#include "text/tokenizer.h"

namespace wirewatch::text {
namespace {

constexpr std::array<std::string_view, 40> kOpeners = {
    "A", "After", "An", "And", "As", "At", "But", "By", "For", "He", "Her",
    "His", "However", "I", "If", "In", "It", "Its", "Meanwhile", "Officials",
    "On", "One", "She", "So", "That", "The", "Their", "There", "These", "They",
    "This", "Those", "Two", "We", "What", "When", "While", "Who", "Yet", "You"};

bool IsOpener(std::string_view w) {
  return std::binary_search(kOpeners.begin(), kOpeners.end(), w);
}

bool StartsUpperOrDigit(std::string_view w) {
  if (w.empty()) return false;
  auto c = static_cast<unsigned char>(w[0]);
  if (c >= 0x80) return true;  // non-ASCII letter: assume a sentence start
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool IsClosing(const Token& t, std::string_view text) {
  if (t.kind == TokenKind::kCloseQuote) return true;
  if (t.kind != TokenKind::kPunct) return false;
  char c = text[t.begin];
  return c == ')' || c == ']' || c == '}';
}

bool IsTerminal(const Token& t, std::string_view text) {
  if (t.kind == TokenKind::kEllipsis) return true;
  if (t.kind != TokenKind::kPunct) return false;
  char c = text[t.begin];
  return c == '.' || c == '!' || c == '?';
}

}  // namespace

void SentenceSplitter::Split(std::string_view text,
                             std::span<const Token> tokens,
                             std::vector<Sentence>* out) const {
  out->clear();
  const size_t n = tokens.size();
  size_t begin = 0;
  auto close = [&](size_t end) {
    if (end <= begin) return;
    Sentence s;
    s.token_begin = static_cast<uint32_t>(begin);
    s.token_end = static_cast<uint32_t>(end);
    s.begin = tokens[begin].begin;
    s.end = tokens[end - 1].end;
    out->push_back(s);
    begin = end;
  };
  size_t i = 0;
  while (i < n) {
    if (i > begin && (tokens[i].flags & kParagraphBefore)) {
      close(i);
      continue;
    }
    if (i - begin + 1 >= options_.max_tokens_per_sentence) {
      close(i + 1);
      ++i;
      continue;
    }
    const Token& t = tokens[i];
    const bool terminal = IsTerminal(t, text);
    const bool abbrev = t.kind == TokenKind::kAbbrev;
    if (!terminal && !abbrev) {
      ++i;
      continue;
    }
    // Extend over more terminal punctuation and closing quotes/brackets.
    size_t j = i + 1;
    while (j < n && !(tokens[j].flags & kParagraphBefore) &&
           (IsClosing(tokens[j], text) ||
            (terminal && IsTerminal(tokens[j], text)))) {
      ++j;
    }
    if (j >= n) {
      close(n);
      break;
    }
    const Token& next = tokens[j];
    std::string_view nw = next.text(text);
    bool split = false;
    if (next.flags & kParagraphBefore) {
      split = true;
    } else if (terminal) {
      split = StartsUpperOrDigit(nw) || next.kind == TokenKind::kOpenQuote ||
              (next.kind == TokenKind::kPunct &&
               (text[next.begin] == '(' || text[next.begin] == '['));
      // "“Why?” he asked" and "said ... and": lowercase continues.
      if (t.kind == TokenKind::kEllipsis && next.kind != TokenKind::kWord)
        split = false;
    } else {
      // Abbreviation with its own period.
      std::string_view w = t.text(text);
      std::string lower;
      for (char c : w.substr(0, w.size() - 1)) lower.push_back(c | 0x20);
      bool initial = w.size() == 2;
      if (IsTitleAbbreviation(lower) || initial) {
        split = false;
      } else if (IsMonthAbbreviation(lower)) {
        split = IsOpener(nw);
      } else {
        split = IsOpener(nw) || next.kind == TokenKind::kOpenQuote;
      }
    }
    if (split) {
      close(j);
    }
    i = j;
  }
  close(n);
}

}  // namespace wirewatch::text

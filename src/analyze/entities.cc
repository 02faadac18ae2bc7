#include "analyze/entities.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <unordered_map>

#include "text/gazetteer.h"

namespace wirewatch::analyze {
namespace {

using text::Token;
using text::TokenKind;

// Words that make a title on their own ("core") or only qualify one.
constexpr std::array<std::string_view, 58> kCoreTitles = {
    "adm.", "ambassador", "analyst", "capt.", "ceo", "chairman",
    "chairwoman", "chancellor", "chief", "col.", "coach", "commander",
    "commissioner", "correspondent", "director", "emir", "envoy", "expert",
    "gen.", "general", "gov.", "governor", "head", "judge", "justice", "king",
    "leader", "lt.", "maj.", "manager", "mayor", "minister", "monarch",
    "negotiator", "officer", "official", "pope", "premier", "president",
    "prince", "prosecutor", "queen", "rep.", "representative", "researcher",
    "secretary", "secretary-general", "sen.", "senator", "sgt.", "sheikh",
    "speaker", "spokesman", "spokesperson", "spokeswoman", "sultan",
    "vice-president", "chief-of-staff"};
constexpr std::array<std::string_view, 36> kTitleModifiers = {
    "acting", "agriculture", "army", "assistant", "cabinet", "defence",
    "defense", "deputy", "economy", "education", "energy", "executive",
    "finance", "first", "foreign", "former", "health", "home", "industry",
    "intelligence", "interior", "justice", "military", "oil", "police",
    "presidential", "prime", "security", "senior", "special", "state",
    "trade", "transport", "u.n.", "vice", "war"};

bool Contains(const auto& arr, std::string_view w) {
  return std::find(std::begin(arr), std::end(arr), w) != std::end(arr);
}

std::string Lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return r;
}

bool IsCoreTitle(std::string_view w) { return Contains(kCoreTitles, Lower(w)); }
bool IsTitleWord(std::string_view w) {
  std::string l = Lower(w);
  return Contains(kCoreTitles, l) || Contains(kTitleModifiers, l);
}

bool StartsUpper(std::string_view w) {
  if (w.empty()) return false;
  auto c = static_cast<unsigned char>(w[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

bool IsAllCapsAcronym(std::string_view w) {
  if (w.size() < 2 || w.size() > 8) return false;
  int letters = 0;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') ++letters;
    else if (c != '.' && c != '-' && c != '&' && !(c >= '0' && c <= '9')) return false;
  }
  return letters >= 2;
}

// Day and month names (and abbreviations) are never entities on their own:
// datelines such as "Fri Jul 12, 2013" otherwise come out as a person.
bool IsCalendarWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
      "oct", "nov", "dec", "january", "february", "march", "april", "june",
      "july", "august", "september", "october", "november", "december"};
  std::string l = Lower(w);
  if (!l.empty() && l.back() == '.') l.pop_back();
  return Contains(kWords, l);
}

bool GazTypeFits(text::GazType g, EntityType t) {
  switch (g) {
    case text::GazType::kCountry:
    case text::GazType::kCapital:
    case text::GazType::kRegion:
      return t == EntityType::kLoc;
    case text::GazType::kOrg:
      return t == EntityType::kOrg;
    case text::GazType::kDemonym:
      return false;
  }
  return false;
}

struct UnionFind {
  std::vector<int> p;
  explicit UnionFind(size_t n) : p(n) { std::iota(p.begin(), p.end(), 0); }
  int Find(int x) {
    while (p[x] != x) x = p[x] = p[p[x]];
    return x;
  }
  void Union(int a, int b) {
    a = Find(a);
    b = Find(b);
    if (a != b) p[std::max(a, b)] = std::min(a, b);
  }
};

}  // namespace

Status EntityAnalyzer::Analyze(std::string_view text, Analysis* out) {
  *out = Analysis();
  if (text.size() >= (size_t{1} << 32)) {
    return Status::ResourceExhausted("text larger than 4 GiB");
  }
  Status ts = tokenizer_.Tokenize(text, &tokens_);
  if (!ts.ok()) out->warnings.push_back(ts.message());
  splitter_.Split(text, tokens_, &out->sentences);
  out->num_tokens = tokens_.size();

  words_.clear();
  for (const Token& t : tokens_) words_.push_back(t.text(text));
  ranges_.clear();
  for (const text::Sentence& s : out->sentences) {
    ranges_.push_back(WordRange{s.token_begin, s.token_end});
  }
  tagger_.Tag(NerInput{words_, ranges_}, &spans_);

  uint32_t sentence = 0;
  for (const NerSpan& sp : spans_) {
    while (sentence + 1 < out->sentences.size() &&
           out->sentences[sentence].token_end <= sp.begin) {
      ++sentence;
    }
    Mention m;
    m.token_begin = sp.begin;
    m.token_end = sp.end;
    m.begin = tokens_[sp.begin].begin;
    m.end = tokens_[sp.end - 1].end;
    m.sentence = sentence;
    m.type = sp.type;
    m.text = std::string(text.substr(m.begin, m.end - m.begin));
    out->mentions.push_back(std::move(m));
  }
  DropCalendarMentions(out);
  PropagatePersonNames(text, out);
  AddGazetteerMentions(text, out);
  LinkNationalities(text, out);
  GroupEntities(text, out);
  AttachRoles(text, out);
  return Status::Ok();
}

void EntityAnalyzer::DropCalendarMentions(Analysis* out) {
  auto calendar = [&](const Mention& m) {
    for (uint32_t t = m.token_begin; t < m.token_end; ++t) {
      if (!IsCalendarWord(words_[t])) return false;
    }
    return true;
  };
  std::erase_if(out->mentions, calendar);
}

// Document consistency for people: once "Mohamed ElBaradei" is a person,
// a later lone "ElBaradei" (untagged or tagged as another type) is the same
// person. Only single-token mentions and capitalised words are relabelled.
void EntityAnalyzer::PropagatePersonNames(std::string_view text, Analysis* out) {
  std::vector<std::string_view> last_names;
  for (const Mention& m : out->mentions) {
    if (m.type == EntityType::kPer && m.token_end - m.token_begin >= 2) {
      last_names.push_back(words_[m.token_end - 1]);
    }
  }
  if (last_names.empty()) return;
  auto is_last_name = [&](std::string_view w) {
    return StartsUpper(w) &&
           std::find(last_names.begin(), last_names.end(), w) != last_names.end();
  };
  std::vector<int> cover(tokens_.size(), -1);
  for (size_t m = 0; m < out->mentions.size(); ++m) {
    Mention& x = out->mentions[m];
    for (uint32_t t = x.token_begin; t < x.token_end; ++t) cover[t] = static_cast<int>(m);
    if (x.type != EntityType::kPer && x.token_end - x.token_begin == 1 &&
        is_last_name(words_[x.token_begin])) {
      x.type = EntityType::kPer;
    }
  }
  bool added = false;
  uint32_t sentence = 0;
  for (uint32_t t = 0; t < tokens_.size(); ++t) {
    while (sentence + 1 < out->sentences.size() && out->sentences[sentence].token_end <= t) {
      ++sentence;
    }
    if (cover[t] >= 0 || !is_last_name(words_[t])) continue;
    Mention m;
    m.token_begin = t;
    m.token_end = t + 1;
    m.begin = tokens_[t].begin;
    m.end = tokens_[t].end;
    m.sentence = sentence;
    m.type = EntityType::kPer;
    m.text = std::string(text.substr(m.begin, m.end - m.begin));
    out->mentions.push_back(std::move(m));
    added = true;
  }
  if (added) {
    std::sort(out->mentions.begin(), out->mentions.end(),
              [](const Mention& a, const Mention& b) { return a.token_begin < b.token_begin; });
  }
}

// Gazetteer back-off: capitalised places and known organisations that the
// tagger left untagged (headlines, unusual contexts) become mentions.
void EntityAnalyzer::AddGazetteerMentions(std::string_view text,
                                          Analysis* out) {
  const text::Gazetteer& gaz = text::Gazetteer::Default();
  std::vector<int> cover(tokens_.size(), -1);
  for (size_t m = 0; m < out->mentions.size(); ++m) {
    for (uint32_t t = out->mentions[m].token_begin; t < out->mentions[m].token_end; ++t) {
      cover[t] = static_cast<int>(m);
    }
  }
  gaz_hashes_.resize(tokens_.size());
  for (size_t i = 0; i < tokens_.size(); ++i) {
    gaz_hashes_[i] = text::GazWordHash(words_[i]);
  }
  std::vector<Mention> added;
  for (uint32_t s = 0; s < out->sentences.size(); ++s) {
    const text::Sentence& se = out->sentences[s];
    std::span<const uint64_t> hs(gaz_hashes_.data() + se.token_begin,
                                 se.token_end - se.token_begin);
    for (size_t i = 0; i < hs.size();) {
      std::span<const uint32_t> entries;
      size_t len = gaz.LongestMatch(hs, i, &entries);
      if (len == 0) { ++i; continue; }
      uint32_t b = se.token_begin + static_cast<uint32_t>(i);
      uint32_t e = b + static_cast<uint32_t>(len);
      bool covered = false;
      for (uint32_t t = b; t < e; ++t) covered |= cover[t] >= 0;
      const text::GazEntry& g = gaz.entry(entries[0]);
      if (!covered && g.type != text::GazType::kDemonym &&
          StartsUpper(words_[b])) {
        Mention m;
        m.token_begin = b;
        m.token_end = e;
        m.begin = tokens_[b].begin;
        m.end = tokens_[e - 1].end;
        m.sentence = s;
        m.type = g.type == text::GazType::kOrg ? EntityType::kOrg : EntityType::kLoc;
        m.text = std::string(text.substr(m.begin, m.end - m.begin));
        m.from_gazetteer = true;
        added.push_back(std::move(m));
      }
      i += len;
    }
  }
  if (added.empty()) return;
  for (Mention& m : added) out->mentions.push_back(std::move(m));
  std::sort(out->mentions.begin(), out->mentions.end(),
            [](const Mention& a, const Mention& b) { return a.token_begin < b.token_begin; });
}

void EntityAnalyzer::LinkNationalities(std::string_view text, Analysis* out) {
  const text::Gazetteer& gaz = text::Gazetteer::Default();
  for (const text::Sentence& se : out->sentences) {
    std::span<const uint64_t> hs(gaz_hashes_.data() + se.token_begin,
                                 se.token_end - se.token_begin);
    for (size_t i = 0; i < hs.size();) {
      std::span<const uint32_t> entries;
      size_t len = gaz.LongestMatch(hs, i, &entries);
      if (len == 0) { ++i; continue; }
      for (uint32_t id : entries) {
        const text::GazEntry& g = gaz.entry(id);
        if (g.type != text::GazType::kDemonym) continue;
        uint32_t b = se.token_begin + static_cast<uint32_t>(i);
        NationalityLink link;
        link.begin = tokens_[b].begin;
        link.end = tokens_[b + len - 1].end;
        link.text = std::string(text.substr(link.begin, link.end - link.begin));
        link.country = g.canonical;
        link.country_code = g.country_code;
        out->nationalities.push_back(std::move(link));
        break;
      }
      i += len;
    }
  }
}

void EntityAnalyzer::GroupEntities(std::string_view text, Analysis* out) {
  const text::Gazetteer& gaz = text::Gazetteer::Default();
  std::vector<Mention>& ms = out->mentions;
  const size_t n = ms.size();
  UnionFind uf(n);
  std::vector<std::string> canon(n), code(n);
  std::unordered_map<std::string, int> by_key;
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t id : gaz.Lookup(ms[i].text)) {
      const text::GazEntry& g = gaz.entry(id);
      if (GazTypeFits(g.type, ms[i].type)) {
        canon[i] = g.canonical;
        code[i] = g.country_code;
        break;
      }
    }
    std::string key = std::string(EntityTypeName(ms[i].type)) + ":" +
                      (canon[i].empty() ? ms[i].text : canon[i]);
    auto [it, inserted] = by_key.emplace(key, static_cast<int>(i));
    if (!inserted) uf.Union(it->second, static_cast<int>(i));
  }
  // "Federal Security Service (FSB)": the acronym joins the expansion.
  std::vector<int> mention_at(tokens_.size(), -1);
  for (size_t i = 0; i < n; ++i) mention_at[ms[i].token_begin] = static_cast<int>(i);
  for (size_t i = 0; i < n; ++i) {
    uint32_t e = ms[i].token_end;
    if (e + 2 >= tokens_.size() || words_[e] != "(" || words_[e + 2] != ")") continue;
    if (!IsAllCapsAcronym(words_[e + 1])) continue;
    int acr = mention_at[e + 1];
    if (acr >= 0 && ms[acr].token_end == e + 2) {
      uf.Union(static_cast<int>(i), acr);
      // Every mention with the acronym's text joins too.
      for (size_t j = 0; j < n; ++j) {
        if (ms[j].text == ms[acr].text) uf.Union(static_cast<int>(i), static_cast<int>(j));
      }
    }
  }
  // People: a partial name joins the longest full name containing it as a
  // suffix (Putin -> Vladimir Putin) or as the whole first name... only
  // suffixes and exact last tokens are used, which is safe for news copy.
  for (size_t i = 0; i < n; ++i) {
    if (ms[i].type != EntityType::kPer) continue;
    uint32_t li = ms[i].token_end - ms[i].token_begin;
    int best = -1;
    uint32_t best_len = li;
    for (size_t j = 0; j < n; ++j) {
      if (j == i || ms[j].type != EntityType::kPer) continue;
      uint32_t lj = ms[j].token_end - ms[j].token_begin;
      if (lj <= best_len) continue;
      bool suffix = true;
      for (uint32_t k = 0; k < li && suffix; ++k) {
        suffix = words_[ms[i].token_end - 1 - k] == words_[ms[j].token_end - 1 - k];
      }
      if (suffix) { best = static_cast<int>(j); best_len = lj; }
    }
    if (best >= 0) uf.Union(static_cast<int>(i), best);
  }
  // Build entities in order of first mention.
  std::unordered_map<int, int> root_entity;
  for (size_t i = 0; i < n; ++i) {
    int r = uf.Find(static_cast<int>(i));
    auto [it, inserted] = root_entity.emplace(r, static_cast<int>(out->entities.size()));
    if (inserted) out->entities.emplace_back();
    Entity& e = out->entities[it->second];
    e.mentions.push_back(static_cast<int>(i));
    ms[i].entity = it->second;
  }
  for (Entity& e : out->entities) {
    // Canonical: a gazetteer name if any mention has one, else the mention
    // with most tokens (then most bytes); its type is the entity's type.
    int best = e.mentions[0];
    for (int m : e.mentions) {
      uint32_t lm = ms[m].token_end - ms[m].token_begin;
      uint32_t lb = ms[best].token_end - ms[best].token_begin;
      if (lm > lb || (lm == lb && ms[m].text.size() > ms[best].text.size())) best = m;
    }
    e.type = ms[best].type;
    e.canonical = ms[best].text;
    for (int m : e.mentions) {
      if (!canon[m].empty()) {
        e.canonical = canon[m];
        e.country_code = code[m];
        break;
      }
    }
    e.variants.push_back(e.canonical);
    for (int m : e.mentions) {
      if (std::find(e.variants.begin(), e.variants.end(), ms[m].text) == e.variants.end()) {
        e.variants.push_back(ms[m].text);
      }
    }
    e.key = std::string(EntityTypeName(e.type)) + ":" + Lower(e.canonical);
  }
  (void)text;
}

// Titles before a person ("Deputy Foreign Minister Mikhail Bogdanov",
// "Russian President Vladimir Putin", "FSB head Alexander Bortnikov",
// "Federal Security Service (FSB) head ...") and appositives after one
// ("Bogdanov, a presidential envoy to the Middle East,").
void EntityAnalyzer::AttachRoles(std::string_view text, Analysis* out) {
  const text::Gazetteer& gaz = text::Gazetteer::Default();
  std::vector<int> cover(tokens_.size(), -1);
  for (size_t m = 0; m < out->mentions.size(); ++m) {
    for (uint32_t t = out->mentions[m].token_begin; t < out->mentions[m].token_end; ++t) {
      cover[t] = static_cast<int>(m);
    }
  }
  auto org_of_mention = [&](int m) -> std::string {
    const Mention& x = out->mentions[m];
    if (x.type != EntityType::kOrg) return "";
    return out->entities[x.entity].canonical;
  };
  auto country_of_token = [&](uint32_t t) -> std::string {
    for (uint32_t id : gaz.Lookup(words_[t])) {
      const text::GazEntry& g = gaz.entry(id);
      if (g.type == text::GazType::kDemonym || g.type == text::GazType::kCountry) {
        return g.canonical;
      }
    }
    return "";
  };
  auto add_role = [&](Entity& e, Role r) {
    for (const Role& x : e.roles) {
      if (x.title == r.title && x.org == r.org) return;
    }
    e.roles.push_back(std::move(r));
  };
  for (size_t mi = 0; mi < out->mentions.size(); ++mi) {
    const Mention& m = out->mentions[mi];
    if (m.type != EntityType::kPer) continue;
    Entity& ent = out->entities[m.entity];
    const text::Sentence& se = out->sentences[m.sentence];
    // Title chain to the left.
    uint32_t j = m.token_begin;
    bool core = false;
    while (j > se.token_begin && cover[j - 1] < 0 && IsTitleWord(words_[j - 1])) {
      core |= IsCoreTitle(words_[j - 1]);
      --j;
    }
    if (core && j < m.token_begin) {
      Role r;
      r.begin = tokens_[j].begin;
      r.end = tokens_[m.token_begin - 1].end;
      r.title = std::string(text.substr(r.begin, r.end - r.begin));
      if (j > se.token_begin) {
        uint32_t k = j - 1;
        if (cover[k] >= 0) {
          r.org = org_of_mention(cover[k]);
          if (out->mentions[cover[k]].type == EntityType::kLoc) {
            r.country = out->entities[out->mentions[cover[k]].entity].canonical;
          }
        } else if (words_[k] == ")") {
          // "Federal Security Service (FSB) head": skip the parenthesis.
          uint32_t open = k;
          while (open > se.token_begin && words_[open] != "(") --open;
          if (words_[open] == "(" && open > se.token_begin && cover[open - 1] >= 0) {
            r.org = org_of_mention(cover[open - 1]);
          }
        }
        if (r.org.empty() && r.country.empty()) r.country = country_of_token(k);
        if (r.country.empty() && k > se.token_begin && cover[k] >= 0) {
          r.country = country_of_token(out->mentions[cover[k]].token_begin);
        }
      }
      if (StartsUpper(r.title)) {
        std::string v = r.title + " " + m.text;
        if (std::find(ent.variants.begin(), ent.variants.end(), v) == ent.variants.end()) {
          ent.variants.push_back(v);
        }
      }
      add_role(ent, std::move(r));
    }
    // Appositive to the right: ", a/an/the ROLE ... ,".
    uint32_t k = m.token_end;
    if (k + 2 < se.token_end && words_[k] == ",") {
      uint32_t start = k + 1;
      std::string_view det = words_[start];
      if (det == "a" || det == "an" || det == "the") ++start;
      uint32_t e = start;
      bool has_core = false;
      while (e < se.token_end && e - start < 12 && words_[e] != "," &&
             tokens_[e].kind != TokenKind::kCloseQuote &&
             !(tokens_[e].kind == TokenKind::kPunct && words_[e] != "(" && words_[e] != ")")) {
        has_core |= IsCoreTitle(words_[e]);
        ++e;
      }
      if (has_core && e > start && (e == se.token_end || words_[e] == "," ||
                                    tokens_[e].kind == TokenKind::kPunct)) {
        Role r;
        r.begin = tokens_[start].begin;
        r.end = tokens_[e - 1].end;
        r.title = std::string(text.substr(r.begin, r.end - r.begin));
        for (uint32_t t = start; t < e; ++t) {
          if (cover[t] >= 0 && out->mentions[cover[t]].type == EntityType::kOrg) {
            r.org = org_of_mention(cover[t]);
            break;
          }
        }
        add_role(ent, std::move(r));
      }
    }
  }
}

void WriteAnalysisJson(const Analysis& a, JsonWriter* w) {
  w->BeginObject();
  w->Field("tokens", static_cast<int64_t>(a.num_tokens));
  w->Key("sentences");
  w->BeginArray();
  for (const text::Sentence& s : a.sentences) {
    w->BeginObject();
    w->Field("begin", static_cast<int64_t>(s.begin));
    w->Field("end", static_cast<int64_t>(s.end));
    w->EndObject();
  }
  w->EndArray();
  w->Key("mentions");
  w->BeginArray();
  for (const Mention& m : a.mentions) {
    w->BeginObject();
    w->Field("begin", static_cast<int64_t>(m.begin));
    w->Field("end", static_cast<int64_t>(m.end));
    w->Field("type", EntityTypeName(m.type));
    w->Field("text", m.text);
    w->Field("entity", static_cast<int64_t>(m.entity));
    w->Field("sentence", static_cast<int64_t>(m.sentence));
    if (m.from_gazetteer) w->Field("source", "gazetteer");
    w->EndObject();
  }
  w->EndArray();
  w->Key("entities");
  w->BeginArray();
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const Entity& e = a.entities[i];
    w->BeginObject();
    w->Field("id", static_cast<int64_t>(i));
    w->Field("type", EntityTypeName(e.type));
    w->Field("canonical", e.canonical);
    w->Field("key", e.key);
    w->StringArray("variants", e.variants);
    w->Field("mentions", static_cast<int64_t>(e.mentions.size()));
    if (!e.country_code.empty()) w->Field("country_code", e.country_code);
    if (!e.roles.empty()) {
      w->Key("roles");
      w->BeginArray();
      for (const Role& r : e.roles) {
        w->BeginObject();
        w->Field("title", r.title);
        if (!r.org.empty()) w->Field("org", r.org);
        if (!r.country.empty()) w->Field("country", r.country);
        w->Field("begin", static_cast<int64_t>(r.begin));
        w->Field("end", static_cast<int64_t>(r.end));
        w->EndObject();
      }
      w->EndArray();
    }
    w->EndObject();
  }
  w->EndArray();
  w->Key("nationalities");
  w->BeginArray();
  for (const NationalityLink& n : a.nationalities) {
    w->BeginObject();
    w->Field("begin", static_cast<int64_t>(n.begin));
    w->Field("end", static_cast<int64_t>(n.end));
    w->Field("text", n.text);
    w->Field("country", n.country);
    if (!n.country_code.empty()) w->Field("country_code", n.country_code);
    w->EndObject();
  }
  w->EndArray();
  if (!a.warnings.empty()) w->StringArray("warnings", a.warnings);
  w->EndObject();
}

std::string AnalysisToJson(const Analysis& a, int indent) {
  std::string out;
  JsonWriter w(&out, indent);
  WriteAnalysisJson(a, &w);
  return out;
}

}  // namespace wirewatch::analyze

// Count-claim assembly; the rules are listed in claims.h. Everything here is
// a window over tokens of one sentence plus a few look-backs to earlier
// claims (subject of an elliptic number, "there", "that period", the
// source's previous time).
#include "analyze/claims.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "base/ascii.h"

namespace wirewatch::analyze {
namespace {

using text::Token;
using text::TokenKind;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Length and three letters: enough to spread the table's words, cheaper
// than hashing every byte of every word looked up.
struct ShortWordHash {
  size_t operator()(std::string_view w) const {
    if (w.empty()) return 0;
    const auto at = [&](size_t i) {
      return static_cast<size_t>(static_cast<unsigned char>(w[i]));
    };
    return w.size() * 0x9E3779B1u ^ at(0) * 131 ^ at(w.size() - 1) * 8191 ^
           at(w.size() / 2) * 524287;
  }
};

// A read-only set of words built once: one probe per lookup instead of a
// comparison per listed word. The sets below are function-local statics:
// initialised once, thread-safe, shared by all extractors.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words)
      : set_(words.begin(), words.end()) {}
  bool Has(std::string_view w) const { return set_.count(w) != 0; }

 private:
  std::unordered_set<std::string_view, ShortWordHash> set_;
};

// Words after which the subject phrase stops (verbs, prepositions).
bool SubjectStop(std::string_view w) {
  static const WordSet kWords{
      "are",       "were",      "is",         "was",       "had",
      "have",      "has",       "be",         "been",      "will",
      "would",     "could",     "may",        "might",     "said",
      "of",        "from",      "in",         "on",        "at",
      "to",        "for",       "with",       "by",        "and",
      "or",        "but",       "that",       "who",       "which",
      "as",        "than",      "among",      "including", "into",
      "across",    "since",     "during",     "after",     "before",
      "there",     "this",      "the",        "a",         "an",
      "it",        "they",      "them",       "per",       "each",
      "more",      "less",      "over",       "under",     "about",
      "between",   "against",   "while",      "when",      "reportedly",
      "also",      "still",     "now",        "so",        "not",
      "out",       "worldwide", "nationwide", "overall",   "apiece",
      "altogether"};
  return kWords.Has(w);
}

bool IsCombatant(std::string_view lemma) {
  static const WordSet kWords{
      "militant", "fighter",     "mercenary", "soldier",    "troop",
      "jihadist", "rebel",       "insurgent", "combatant",  "volunteer",
      "marine",   "paratrooper", "guerrilla", "terrorist",  "sniper",
      "gunman",   "reservist",   "conscript", "peacekeeper"};
  return kWords.Has(lemma);
}

// Event families as inflections and nominalisations of their verbs
// ("evacuated", "evacuating", "evacuation", "evacuees"), so a family is
// recognised whatever form the reporter chose. Words whose family depends
// on who acts ("seized", "holding") or on a neighbour ("walk out", "to
// hospital") are left to ContextEvent.
constexpr std::string_view kKillWords[] = {
    "killed",      "kill",       "kills",      "killing",     "killings",
    "dead",        "die",        "died",       "dies",        "dying",
    "death",       "deaths",     "slain",      "slay",        "executed",
    "execution",   "executions", "murdered",   "murders",     "massacred",
    "massacre",    "massacres",  "perished",   "perish",      "fatalities",
    "fatality",    "bodies",     "corpses",    "drowned",     "drowning",
    "drownings",   "beheaded",   "lives",      "toll",        "assassinated",
    "slaughtered", "lynched",    "suffocated", "electrocuted"};
constexpr std::string_view kWoundWords[] = {
    "wounded",  "wound",        "wounds",       "wounding", "injured",
    "injuring", "injure",       "injuries",     "injury",   "hurt",
    "maimed",   "hospitalised", "hospitalized", "burns"};
constexpr std::string_view kArrestWords[] = {
    "arrested",  "arrest",       "arrests",      "arresting",  "detained",
    "detain",    "detaining",    "detention",    "detentions", "jailed",
    "jail",      "imprisoned",   "imprisonment", "captured",   "capture",
    "custody",   "apprehended",  "apprehend",    "rounded",    "prisoners",
    "detainees", "incarcerated", "nabbed",       "remanded"};
constexpr std::string_view kKidnapWords[] = {
    "kidnapped",  "kidnap",    "kidnaps", "kidnapping", "kidnappings",
    "kidnappers", "abducted",  "abduct",  "abducting",  "abduction",
    "abductions", "abductors", "hostage", "hostages",   "captives",
    "captors",    "ransom"};
constexpr std::string_view kProtestWords[] = {
    "protested",     "protest",       "protests",       "protesting",
    "protesters",    "protestors",    "demonstrators",  "demonstrated",
    "demonstrating", "demonstration", "demonstrations", "rallied",
    "rallying",      "marched",       "marchers",       "marching",
    "strikers",      "strike",        "strikes",        "striking",
    "walkout",       "walkouts",      "picketed",       "picketing",
    "sit-in",        "sit-ins",       "rioters",        "rioted"};
constexpr std::string_view kDisplaceWords[] = {
    "displaced",   "displace",     "displacing", "displacement", "fled",
    "flee",        "fleeing",      "evacuated",  "evacuate",     "evacuating",
    "evacuation",  "evacuations",  "evacuees",   "refugees",     "homeless",
    "uprooted",    "relocated",    "relocation", "resettled",    "deported",
    "deportation", "deportations", "deportees",  "expelled",     "expulsion",
    "expulsions",  "migrants",     "asylum",     "sheltering",   "exodus"};
constexpr std::string_view kDeployWords[] = {
    "fighting",   "fight",      "fought",        "deployed",  "deploy",
    "deploying",  "deployment", "sent",          "stationed", "dispatched",
    "joined",     "serving",    "battling",      "mobilised", "mobilized",
    "mobilising", "mobilizing", "reinforcements"};
constexpr std::string_view kEmployWords[] = {
    "employed", "employs", "employ",       "employing", "hired", "hire",
    "hiring",   "jobs",    "employees",    "workers",   "staff", "workforce",
    "laid",     "layoffs", "redundancies", "furloughed"};
constexpr std::string_view kAffectWords[] = {
    "affected",     "affecting",   "impacted", "infected", "infections",
    "sick",         "sickened",    "ill",      "stranded", "trapped",
    "missing",      "unaccounted", "exposed",  "poisoned", "damaged",
    "destroyed",    "flattened",   "razed",    "gutted",   "torched",
    "flooded",      "submerged",   "cases",    "buried",   "starving",
    "malnourished", "starvation",  "famine",   "hunger"};

// Words that ContextEvent decides with their neighbours: looked up in the
// same table, so that other words cost one probe and no further test.
constexpr std::string_view kContextWords[] = {
    "walked",      "walk",     "walking",   "streets", "crossed", "cross",
    "crossing",    "homes",    "leave",     "abandon", "cut",     "power",
    "electricity", "hospital", "hospitals", "seized",  "seize",   "seizing",
    "grabbed",     "took",     "taken",     "holding", "held",    "snatched",
    "need",        "needs",    "villages",  "houses",  "towns",   "without",
    "downed",      "down",     "hold",      "holds"};
constexpr std::string_view kNeedsContext = "CONTEXT";

struct EventWords {
  std::string_view event;
  std::span<const std::string_view> words;
};

constexpr EventWords kEventWords[] = {
    {"KILL", kKillWords},       {"WOUND", kWoundWords},
    {"ARREST", kArrestWords},   {"KIDNAP", kKidnapWords},
    {"PROTEST", kProtestWords}, {"DISPLACE", kDisplaceWords},
    {"DEPLOY", kDeployWords},   {"EMPLOY", kEmployWords},
    {"AFFECT", kAffectWords},   {kNeedsContext, kContextWords},
};

// Event family of one lowercase word, kNeedsContext, or empty.
std::string_view EventEntry(std::string_view w) {
  // Built once, read-only afterwards: safe to share between threads.
  static const auto* const kTable = [] {
    auto* t = new std::unordered_map<std::string_view, std::string_view,
                                     ShortWordHash>;
    for (const EventWords& f : kEventWords)
      for (std::string_view x : f.words) t->emplace(x, f.event);
    return t;
  }();
  auto it = kTable->find(w);
  return it == kTable->end() ? std::string_view() : it->second;
}

// Event family of one lowercase word taken alone, or empty.
std::string_view EventOf(std::string_view w) {
  std::string_view e = EventEntry(w);
  return e == kNeedsContext ? std::string_view() : e;
}

// Clause cues of negation and hypotheticals, one probe per word of the
// clause instead of a comparison per listed word.
enum ClauseCue : uint8_t {
  kNegation = 1,     // "not", "denied"
  kNone = 2,         // "none of the 60 passengers"
  kRejection = 4,    // "rejected" / "dismissed" + claims|reports
  kFalsity = 8,      // "false" + that
  kHypothesis = 16,  // "could", "if", "feared"
};

uint8_t CueOf(std::string_view w) {
  static const auto* const kTable = [] {
    auto* t = new std::unordered_map<std::string_view, uint8_t, ShortWordHash>;
    for (std::string_view x :
         {"not", "n't", "never", "no", "deny", "denies", "without"})
      (*t)[x] |= kNegation;
    (*t)["denied"] |= kNegation | kRejection;
    for (std::string_view x : {"none", "nobody"}) (*t)[x] |= kNone;
    for (std::string_view x : {"rejected", "rejects", "reject", "dismissed",
                               "dismisses", "refuted", "refutes"})
      (*t)[x] |= kRejection;
    for (std::string_view x : {"false", "untrue", "baseless", "unfounded"})
      (*t)[x] |= kFalsity;
    for (std::string_view x :
         {"could", "may", "might", "if", "fear", "feared", "fears", "unless",
          "potentially", "possibly", "risk"})
      (*t)[x] |= kHypothesis;
    return t;
  }();
  auto it = kTable->find(w);
  return it == kTable->end() ? 0 : it->second;
}

bool IsStudyNoun(std::string_view w) {
  static const WordSet kWords{
      "study",    "report",   "survey",  "analysis", "investigation",
      "census",   "tally",    "count",   "review",   "poll",
      "estimate", "research", "figures", "data",     "statistics"};
  return kWords.Has(w);
}

// True when a word of `phrase` (lowercase) is a study noun: "the UN report".
bool ContainsStudyNoun(std::string_view phrase) {
  while (!phrase.empty()) {
    const size_t sp = phrase.find(' ');
    if (IsStudyNoun(phrase.substr(0, sp))) return true;
    if (sp == std::string_view::npos) break;
    phrase.remove_prefix(sp + 1);
  }
  return false;
}

// Who holds people against their will decides between KIDNAP and ARREST
// for verbs of seizing ("Militants ... seized 22 women", "police seized 40
// suspects").
bool IsArmedGroup(std::string_view w) {
  static const WordSet kWords{
      "gunmen",     "gunman",    "militants",  "kidnappers", "pirates",
      "rebels",     "bandits",   "jihadists",  "insurgents", "abductors",
      "assailants", "attackers", "extremists", "terrorists", "captors",
      "militia",    "militias"};
  return kWords.Has(w);
}

// Lemmas of people, by list and by agent suffix ("protester", "sailor",
// "activist", "civilian", "migrant"), for verbs whose family depends on
// what is taken.
bool IsPersonLemma(std::string_view w) {
  if (EqualsAny(w,
                {"person",    "man",        "woman",   "child",    "boy",
                 "girl",      "member",     "crew",    "national", "citizen",
                 "suspect",   "hostage",    "troop",   "pupil",    "student",
                 "tourist",   "staff",      "family",  "resident", "patient",
                 "baby",      "youth",      "police",  "people",   "seafarer",
                 "personnel", "worshipper", "pilgrim", "detainee", "refugee"}))
    return true;
  return EndsWith(w, "er") || EndsWith(w, "or") || EndsWith(w, "ist") ||
         EndsWith(w, "ian") || EndsWith(w, "ant");
}

// Verbs that give the value of a total named before them: "the number of
// people killed passed 11,000", "the toll stood at 74".
bool IsReachingVerb(std::string_view w) {
  static const WordSet kWords{
      "passed", "reached",  "rose",     "risen",   "climbed",   "stood",
      "stands", "exceeded", "topped",   "hit",     "surpassed", "increased",
      "jumped", "neared",   "grew",     "reaches", "passes",    "exceeds",
      "tops",   "number",   "numbered", "total",   "totalled",  "totaled"};
  return kWords.Has(w);
}

// Cues of orders and appeals, whose content is what someone is to do.
bool IsDirectiveCue(std::string_view cue) {
  const std::string_view w = cue.substr(cue.rfind(' ') + 1);
  static const WordSet kWords{
      "ordered",    "order",      "orders",    "ordering", "urged",
      "urge",       "urges",      "urging",    "instructed", "instructs",
      "directed",   "forced",     "forcing",   "encouraged", "encouraging",
      "appealed",   "appealing"};
  return kWords.Has(w);
}

// Cues of finding: "found", "discovered", "recovered".
bool IsFindCue(std::string_view cue) {
  const std::string_view w = cue.substr(cue.rfind(' ') + 1);
  static const WordSet kWords{"found",     "finds",      "find",
                              "discovered", "discovers", "recovered",
                              "uncovered", "unearthed"};
  return kWords.Has(w);
}

// Nouns of a total whose value follows its verb ("the tally of confirmed
// cholera cases rose to 5,000").
bool IsTotalNoun(std::string_view w) {
  return EqualsAny(w, {"number", "toll", "tally", "total", "count", "figure"});
}

// Causes that make a hospital stay an illness (AFFECT) rather than an
// injury: "the heatwave sent 1,700 people to hospital".
bool IsIllnessCue(std::string_view w) {
  return EqualsAny(w, {"heat", "heatwave", "outbreak", "virus", "disease",
                       "poisoning", "cholera", "measles", "dengue", "fever",
                       "epidemic", "flu", "infection", "smoke", "fumes"});
}

// Adjectives and participles that can stand for the counted people
// ("left 12 dead", "dozens injured", "2,300 people homeless"): as the head
// of a count they mean persons in that state.
bool IsStateAdjective(std::string_view w) {
  static const WordSet kWords{
      "dead",      "injured",  "wounded",  "killed",   "missing",   "homeless",
      "displaced", "hurt",     "detained", "arrested", "kidnapped", "abducted",
      "trapped",   "stranded", "affected", "infected", "evacuated"};
  return kWords.Has(w);
}

// Plurals without an -s that end a subject phrase as plural nouns do.
bool IsIrregularPlural(std::string_view w) {
  return EqualsAny(w, {"people", "children", "men", "women"});
}

// Nouns that make "the <noun> of" a place frame: "the town of Bakhmut",
// "the streets of Tbilisi", "off the coast of Lebanon".
bool IsPlaceFrameNoun(std::string_view w) {
  static const WordSet kWords{
      "town",    "city",      "village", "province", "region",  "district",
      "state",   "capital",   "port",    "island",   "county",  "area",
      "streets", "outskirts", "coast",   "suburb",   "suburbs", "camp",
      "enclave", "territory", "centre",  "center",   "heart",   "edge"};
  return kWords.Has(w);
}

// Direction and position adjectives between a preposition and a place:
// "in northern Bangladesh", "in the eastern town of".
bool IsPlaceModifier(std::string_view w) {
  static const WordSet kWords{
      "northern",      "southern",      "eastern",       "western",
      "central",       "northeastern",  "northwestern",  "southeastern",
      "southwestern",  "north-eastern", "north-western", "south-eastern",
      "south-western", "remote",        "coastal",       "neighbouring",
      "neighboring",   "besieged",      "rural",         "mountainous"};
  return kWords.Has(w);
}

// Prepositions that put the event at a place (not "from", which names an
// origin).
// Asked of every word of a sentence for every claim in it: the first
// letter picks the candidates.
bool IsLocativePrep(std::string_view w) {
  if (w.empty()) return false;
  switch (w[0]) {
    case 'i':
      return w == "in" || w == "inside";
    case 'n':
      return w == "near";
    case 'a':
      return w == "at" || w == "across" || w == "around";
    case 'o':
      return w == "off" || w == "outside";
    case 't':
      return w == "through" || w == "throughout";
    default:
      return false;
  }
}

// ASCII case-insensitive equality; `lower` is lowercase.
bool EqualsIgnoreCase(std::string_view w, std::string_view lower) {
  if (w.size() != lower.size()) return false;
  for (size_t i = 0; i < w.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(w[i])) != lower[i])
      return false;
  return true;
}

// Reporting verbs whose subject is the source of a claim in the sentence.
bool IsReportingVerb(std::string_view w) {
  return EqualsAny(w, {"said", "says", "told", "reported", "announced",
                       "estimated", "stated", "confirmed", "warned",
                       "added"});
}

// True when the word before byte `at` is `word` (lowercase): "since
// January" and "from Friday" open an interval and do not date a claim.
bool PrecededByWord(std::string_view text, uint32_t at, std::string_view word) {
  size_t e = at;
  while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\n')) --e;
  const size_t n = word.size();
  if (e < n) return false;
  std::string w = AsciiLower(text.substr(e - n, n));
  return w == word &&
         (e == n || !std::isalpha(static_cast<unsigned char>(text[e - n - 1])));
}

// The capitalised author after "by" or "from" in a source phrase ("a
// report by the Institute for the Study of War" -> "the Institute for the
// Study of War"), or empty.
std::string NamedAuthor(std::string_view phrase) {
  for (std::string_view marker : {" by ", " from "}) {
    size_t at = phrase.find(marker);
    if (at == std::string_view::npos) continue;
    std::string_view rest = phrase.substr(at + marker.size());
    // "by the Soufan Center", "from the health ministry": a named or
    // definite author; "by experts" is none.
    if (rest.substr(0, 4) == "the " && rest.size() > 4)
      return std::string(rest);
    if (!rest.empty() && std::isupper(static_cast<unsigned char>(rest[0])))
      return std::string(rest);
  }
  return {};
}

struct Ctx {
  std::string_view text;
  std::span<const Token> toks;
  std::vector<std::string> lower;
  const Analysis* a;
};

}  // namespace

std::string SingularLemma(std::string_view lower) {
  std::string w(lower);
  if (w == "people") return "person";
  if (w == "children") return "child";
  if (w == "men") return "man";
  if (w == "women") return "woman";
  if (w == "lives") return "life";
  if (w == "police" || w == "personnel" || w == "staff" || w == "news" ||
      w == "series" || w == "species")
    return w;
  if (EndsWith(w, "ies") && w.size() > 4) return w.substr(0, w.size() - 3) + "y";
  if (EndsWith(w, "sses") || EndsWith(w, "xes") || EndsWith(w, "ches") ||
      EndsWith(w, "shes"))
    return w.substr(0, w.size() - 2);
  if (EndsWith(w, "s") && !EndsWith(w, "ss") && !EndsWith(w, "us") &&
      !EndsWith(w, "is") && w.size() > 3)
    return w.substr(0, w.size() - 1);
  return w;
}

void ClaimExtractor::Extract(std::string_view text,
                             std::span<const text::Token> tokens,
                             const Analysis& a, std::span<const Quote> quotes,
                             std::span<const Timex> timexes,
                             std::span<const Quantity> quantities,
                             std::vector<CountClaim>* out) const {
  out->clear();
  if (tokens.empty()) return;
  if (std::none_of(quantities.begin(), quantities.end(), [](const Quantity& q) {
        return q.kind == QuantityKind::kCount;
      }))
    return;
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  // Lowercase tokens on first use: claims look at a few tokens around each
  // count, not at the whole document.
  std::vector<std::string> lower(n);
  std::vector<uint8_t> lowered(n, 0);
  // A view, so that comparisons with literals stay inline (no strlen and
  // out-of-line std::string::compare per test).
  auto L = [&](uint32_t i) -> std::string_view {
    if (!lowered[i]) {
      lower[i] = AsciiLower(tokens[i].text(text));
      lowered[i] = 1;
    }
    return lower[i];
  };
  auto T = [&](uint32_t i) { return tokens[i].text(text); };
  auto upper = [&](uint32_t i) {
    std::string_view s = T(i);
    return !s.empty() && std::isupper(static_cast<unsigned char>(s[0]));
  };
  // Sentence of each token.
  std::vector<uint32_t> sent_of(n, 0);
  for (uint32_t s = 0; s < a.sentences.size(); ++s)
    for (uint32_t t = a.sentences[s].token_begin;
         t < a.sentences[s].token_end && t < n; ++t)
      sent_of[t] = s;
  auto sentence_bounds = [&](uint32_t tok, uint32_t* sb, uint32_t* se) {
    if (a.sentences.empty()) {
      *sb = 0;
      *se = n;
      return;
    }
    const text::Sentence& s = a.sentences[sent_of[tok]];
    *sb = s.token_begin;
    *se = std::min(s.token_end, n);
  };
  // Nationality link or LOC mention covering a byte range.
  auto place_at = [&](uint32_t b, uint32_t e, std::string* name) {
    for (const NationalityLink& nl : a.nationalities)
      if (nl.begin >= b && nl.end <= e) {
        *name = nl.country;
        return true;
      }
    for (const Mention& m : a.mentions)
      if (m.begin >= b && m.end <= e && m.type == EntityType::kLoc) {
        *name = m.entity >= 0 ? a.entities[m.entity].canonical : m.text;
        return true;
      }
    return false;
  };
  auto add_origin = [](std::vector<std::string>* v, const std::string& o) {
    if (!o.empty() && std::find(v->begin(), v->end(), o) == v->end())
      v->push_back(o);
  };

  // The place named after the preposition at token `t`: "in the eastern
  // town of Bakhmut", "in northern Bangladesh", "in Mali's Mopti region"
  // (the more specific name), "in Kaduna state". A capitalised run is a
  // place when the gazetteer or NER knows it, when a place frame ("town
  // of") introduces it, or when it is no person, organisation or time
  // expression. *at is its first token.
  auto PlaceAfter = [&](uint32_t t, bool strict, std::string* place,
                        uint32_t* at) {
    uint32_t sb2, se2;
    sentence_bounds(t, &sb2, &se2);
    uint32_t k2 = t + 1;
    if (k2 < se2 && L(k2) == "the") ++k2;
    while (k2 < se2 && IsPlaceModifier(L(k2))) ++k2;
    // "the border town of Sderot", "the Syrian city of Aleppo": a word
    // before a place frame qualifies the frame; the frame names the place.
    if (k2 + 2 < se2 && L(k2 + 2) == "of" && IsPlaceFrameNoun(L(k2 + 1))) ++k2;
    bool framed = false;
    if (k2 + 1 < se2 && L(k2 + 1) == "of" && IsPlaceFrameNoun(L(k2))) {
      k2 += 2;
      framed = true;
    }
    if (k2 < se2 && L(k2) == "the") ++k2;
    if (k2 >= se2 || !upper(k2)) return false;
    uint32_t e = k2;
    while (e < se2 && upper(e)) ++e;
    if (e + 1 < se2 && T(e) == "'s" && upper(e + 1)) {
      // The possessor is a place, so what it owns is one.
      std::string owner;
      if (place_at(tokens[k2].begin, tokens[e - 1].end, &owner)) framed = true;
      k2 = e + 1;
      e = k2;
      while (e < se2 && upper(e)) ++e;
    }
    // "Kaduna state", "the Mopti region": the noun after the name says what
    // it is, whatever the tagger thought.
    if (e < se2 && (IsPlaceFrameNoun(L(e)) ||
                    EqualsAny(L(e), {"river", "lake", "sea", "border"})))
      framed = true;
    const uint32_t b = tokens[k2].begin, end = tokens[e - 1].end;
    *at = k2;
    // "on the Niger river", "in the Swat valley": the feature, not the
    // country or town it is named after.
    if (e < se2 && EqualsAny(L(e), {"river", "lake", "valley", "delta", "basin",
                                    "mountains", "desert", "gulf", "bay"})) {
      *place = std::string(text.substr(b, tokens[e].end - b));
      return true;
    }
    if (place_at(b, end, place)) return true;
    if (strict && !framed) return false;
    for (const Timex& tx : timexes)
      if (tx.begin < end && tx.end > b) return false;  // "in May"
    for (const Mention& m : a.mentions)
      if (m.begin < end && m.end > b && m.type != EntityType::kLoc && !framed)
        return false;  // "at Reuters", "in Amnesty's report"
    *place = std::string(text.substr(b, end - b));
    return true;
  };
  // Raw text of tokens [b, e) when they look like a noun phrase: 1 to 8
  // tokens, no punctuation but an apostrophe or hyphen.
  // `and_ok`: a coordination of speakers ("officials and medics said").
  auto PhraseText = [&](uint32_t b, uint32_t e,
                        bool and_ok = false) -> std::string {
    if (b >= e || e - b > 8) return {};
    for (uint32_t t = b; t < e; ++t) {
      if (tokens[t].kind != TokenKind::kWord && T(t) != "'s" && T(t) != "'")
        return {};
      if (and_ok && L(t) == "and" && t > b && t + 1 < e) continue;
      // A clause, not a noun phrase: "but no deaths were reported".
      if (EqualsAny(L(t), {"but", "and", "no", "were", "was", "is", "are",
                           "has", "have", "had", "been", "it", "they"}))
        return {};
    }
    return std::string(text.substr(tokens[b].begin, tokens[e - 1].end - tokens[b].begin));
  };
  auto ReportedSource = [&](uint32_t sb, uint32_t se, uint32_t qb,
                            uint32_t qe) -> std::string {
    for (uint32_t t = sb; t + 2 < se; ++t) {
      if (L(t) != "according" || L(t + 1) != "to") continue;
      uint32_t e = t + 2;
      while (e < se && tokens[e].kind == TokenKind::kWord && L(e) != "which")
        ++e;
      std::string s = PhraseText(t + 2, e);
      if (!s.empty()) return s;
    }
    for (uint32_t v = qe; v < se; ++v) {
      if (!IsReportingVerb(L(v))) continue;
      uint32_t c0 = v;
      while (c0 > qe && T(c0 - 1) != ",") --c0;
      if (c0 > qe && c0 < v) {
        std::string s = PhraseText(c0, v, /*and_ok=*/true);
        if (!s.empty()) return s;
      }
      // ", said Mohamed Osman, a doctor", ", said a statement from the
      // health ministry".
      if (c0 == v && v + 1 < se &&
          (upper(v + 1) || EqualsAny(L(v + 1), {"a", "an", "the"}))) {
        uint32_t e = v + 1;
        while (e < se && tokens[e].kind == TokenKind::kWord) ++e;
        std::string s = PhraseText(v + 1, e);
        if (!s.empty()) return s;
      }
    }
    for (uint32_t v = sb + 1; v < qb && v < sb + 9; ++v) {
      if (T(v) == ",") break;
      if (IsReportingVerb(L(v))) return PhraseText(sb, v);
    }
    return {};
  };
  // "a report by the Institute for the Study of War" when the quote stage
  // named only "a report": the organisation or person the tagger found
  // right after "<noun> by|from [the]".
  auto AuthorInSentence = [&](uint32_t sb, uint32_t se,
                              const std::string& noun) -> std::string {
    for (uint32_t t = sb; t + 2 < se; ++t) {
      if (L(t) != noun || !EqualsAny(L(t + 1), {"by", "from"})) continue;
      uint32_t n = t + 2;
      if (L(n) == "the" && n + 1 < se) ++n;
      for (const Mention& m : a.mentions)
        if (m.begin == tokens[n].begin &&
            m.type != EntityType::kLoc)
          return m.entity >= 0 ? a.entities[m.entity].canonical : m.text;
      // "figures from the health ministry": a definite author the tagger
      // did not name.
      if (L(t + 2) == "the") {
        uint32_t e = t + 3;
        while (e < se && tokens[e].kind == TokenKind::kWord &&
               !IsReportingVerb(L(e)))
          ++e;
        std::string s = PhraseText(t + 2, e);
        if (!s.empty()) return s;
      }
    }
    return {};
  };
  // Subject lemma of the claim being built, for ContextEvent.
  std::string_view cur_subject;
  // Families that a single word does not settle: the word's neighbours
  // ("walked out", "took to the streets", "forced to leave", "crossed
  // into", "cut off", "cut power to", "to hospital") or the one who acts
  // ("Militants seized 22 women" is a kidnapping, "police seized 40
  // suspects" an arrest).
  auto ContextEvent = [&](uint32_t t, uint32_t sb,
                          uint32_t se) -> std::string_view {
    const std::string_view w = L(t);
    const std::string_view next = t + 1 < se ? L(t + 1) : std::string_view();
    const std::string_view prev = t > sb ? L(t - 1) : std::string_view();
    // "walked out", "walked off the job" (not "walking off with three
    // prizes").
    if (EqualsAny(w, {"walked", "walk", "walking"}) &&
        (next == "out" || (next == "off" && t + 3 < se && L(t + 2) == "the" &&
                           EqualsAny(L(t + 3), {"job", "jobs", "work"}))))
      return "PROTEST";
    // "in need of food aid", "need emergency assistance" (not "jobs will
    // need to be created").
    if (EqualsAny(w, {"need", "needs"}) &&
        (prev == "in" ||
         EqualsAny(next, {"aid", "assistance", "help", "food", "shelter",
                          "treatment", "emergency", "humanitarian"})))
      return "AFFECT";
    if (w == "streets" && prev == "the" && t >= sb + 2 && L(t - 2) == "to")
      return "PROTEST";
    if (EqualsAny(w, {"crossed", "cross", "crossing"}) &&
        (next == "into" ||
         (next == "the" && t + 2 < se && L(t + 2) == "border")))
      return "DISPLACE";
    if ((EqualsAny(w, {"homes", "villages", "houses", "towns"}) &&
         prev == "their" && t >= sb + 2 &&
         EqualsAny(L(t - 2),
                   {"from", "fled", "flee", "fleeing", "left", "leave",
                    "leaving", "lost", "abandoned", "abandon"})) ||
        (EqualsAny(w, {"leave", "abandon"}) && prev == "to"))
      return "DISPLACE";  // "forced from their homes", "forced to leave"
    // "left 5,000 people without shelter", "homes without power".
    if (w == "without" && EqualsAny(next, {"shelter", "homes"}))
      return "DISPLACE";
    if (w == "without" &&
        EqualsAny(next, {"power", "electricity", "water", "heating", "food"}))
      return "AFFECT";
    if (EqualsAny(w, {"downed", "down"}) && next == "tools") return "PROTEST";
    if (w == "cut" && next == "off") return "AFFECT";
    if (EqualsAny(w, {"power", "electricity"}) &&
        EqualsAny(prev, {"cut", "without", "lost", "knocked", "out"}))
      return "AFFECT";
    if (EqualsAny(w, {"hospital", "hospitals"}) &&
        EqualsAny(prev, {"to", "in"})) {
      for (uint32_t x = sb; x < se; ++x)
        if (IsIllnessCue(L(x))) return "AFFECT";
      return "WOUND";
    }
    // Only people are kidnapped or arrested: "seized 12,900 acres" and
    // "snatched a late 2-1 win" are neither.
    if (EqualsAny(w, {"seized", "seize", "seizing", "grabbed", "took", "taken",
                      "holding", "held", "hold", "holds", "snatched"}) &&
        IsPersonLemma(cur_subject)) {
      for (uint32_t x = sb; x < t; ++x)
        if (IsArmedGroup(L(x)) ||
            (L(x) == "armed" && x + 1 < t && L(x + 1) == "men"))
          return "KIDNAP";
      if (EqualsAny(w, {"seized", "seize", "seizing"})) return "ARREST";
      if (w == "snatched") return "KIDNAP";
    }
    return {};
  };
  auto EventAt = [&](uint32_t t, uint32_t sb, uint32_t se) -> std::string_view {
    // A capitalised word inside a sentence names something ("Midsomer
    // Murders", "Strike Force").
    if (t != sb && upper(t)) return {};
    std::string_view ev = EventEntry(L(t));
    return ev == kNeedsContext ? ContextEvent(t, sb, se) : ev;
  };
  // "The number of people killed ... passed 11,000", "the tally of
  // confirmed cholera cases rose to 5,000", "the toll stood at 74": a bare
  // number after a reaching verb takes its subject and event from the total
  // named before the verb. False when there is none.
  auto TotalBefore = [&](const Quantity& q, uint32_t sb, uint32_t se,
                         CountClaim* c, std::string_view* ev) {
    // "rose 32,000 to 1.41 million" is a change, not a total.
    if (q.qualifier == Qualifier::kRange) return false;
    const uint32_t qb = q.token_begin;
    uint32_t v = qb;
    bool at = false;
    if (v > sb && EqualsAny(L(v - 1), {"to", "at", "past"})) {
      at = L(v - 1) == "at";
      --v;
    }
    if (v <= sb) return false;
    // "Officials put the number of displaced at 12,000": an estimating
    // verb before the total, its value after "at".
    const bool estimate = at && !IsReachingVerb(L(v - 1));
    if (!estimate && !IsReachingVerb(L(v - 1))) return false;
    if (!estimate) --v;
    for (uint32_t t = v; t > sb && t + 20 > v; --t) {
      const uint32_t n = t - 1;
      if (!IsTotalNoun(L(n))) continue;
      if (estimate) {
        const uint32_t d = n > sb && L(n - 1) == "the" ? n - 1 : n;
        if (d == sb ||
            !EqualsAny(L(d - 1), {"put", "puts", "putting", "placed", "places",
                                  "estimated", "estimates"}))
          return false;
      }
      if (n + 1 < v && L(n + 1) == "of") {
        for (uint32_t h = n + 2; h < v && h < n + 8; ++h) {
          if (tokens[h].kind != TokenKind::kWord) break;
          const std::string_view w = L(h);
          std::string o;
          if (upper(h)) {
            // "the number of Sudanese refugees": an origin, not the head.
            if (place_at(tokens[h].begin, tokens[h].end, &o))
              c->origin.push_back(o);
            continue;
          }
          // "the number of displaced", "the number of dead".
          if (IsStateAdjective(w) &&
              !(h + 1 < v && tokens[h + 1].kind == TokenKind::kWord &&
                !SubjectStop(L(h + 1)))) {
            c->subject = "person";
            *ev = EventOf(w);
            return true;
          }
          if (!IsIrregularPlural(w) &&
              !(EndsWith(w, "s") && !EndsWith(w, "ss")))
            continue;
          // "measles cases": a plural noun before another one modifies it.
          if (h + 1 < v && tokens[h + 1].kind == TokenKind::kWord &&
              !upper(h + 1) && !SubjectStop(L(h + 1)) &&
              EndsWith(L(h + 1), "s"))
            continue;
          c->subject = SingularLemma(w);
          // "people killed in the floods", then "displaced people".
          for (uint32_t x = h + 1; x < v && ev->empty(); ++x)
            *ev = EventAt(x, sb, se);
          for (uint32_t x = n + 2; x < h && ev->empty(); ++x)
            *ev = EventAt(x, sb, se);
          if (ev->empty()) *ev = EventOf(w);
          return true;
        }
        return false;
      }
      if (L(n) == "toll") {
        c->subject = "person";  // "the toll stood at 74"
        *ev = "KILL";
        return true;
      }
      // "The number killed in the attack rose to 30".
      if (n + 1 < v && !(*ev = EventOf(L(n + 1))).empty()) {
        c->subject = "person";
        return true;
      }
      return false;
    }
    // "Deaths rose to 140", "Arrests have topped 1,200", "Deaths from the
    // outbreak now number 312": an event noun as the subject of the verb
    // counts persons (or cases).
    for (uint32_t t = v; t > sb && t + 8 > v; --t) {
      const std::string_view w = L(t - 1);
      if (EqualsAny(w, {"cases", "infections"})) {
        c->subject = SingularLemma(w);
        *ev = "AFFECT";
        return true;
      }
      if (EqualsAny(w, {"deaths", "fatalities", "injuries", "arrests",
                        "abductions", "kidnappings", "evacuations"})) {
        c->subject = "person";
        *ev = EventOf(w);
        return true;
      }
    }
    return false;
  };
  std::string last_location;  // last "in <place>" seen before the claim
  // Token after the subject of the last claim kept, for "34,000 workers at
  // three plants", whose second number describes the first one's subject.
  uint32_t last_subj_end = UINT32_MAX;
  std::string last_range;     // last range time
  for (const Quantity& q : quantities) {
    if (q.kind != QuantityKind::kCount) continue;
    cur_subject = {};
    uint32_t sb, se;
    sentence_bounds(q.token_begin, &sb, &se);
    // --- subject: the head noun of the phrase after the number.
    uint32_t k = q.token_end;
    if (k < se && L(k) == "of" && k + 1 < se &&
        (q.vague || L(k + 1) == "the")) {
      ++k;
    }
    if (k < se && L(k) == "the" && q.vague) ++k;
    // "31 of its citizens": a partitive over a possessive names the subject.
    if (k + 2 < se && L(k) == "of" &&
        EqualsAny(L(k + 1), {"its", "their", "his", "her", "our"}))
      k += 2;
    // "16 more bodies", "five other people": a modifier, not the head.
    if (k + 1 < se && EqualsAny(L(k), {"more", "other", "additional"}) &&
        tokens[k + 1].kind == TokenKind::kWord && !SubjectStop(L(k + 1)))
      ++k;
    uint32_t head = 0;
    bool have_head = false;
    uint32_t j = k;
    for (; j < se && j < k + 5; ++j) {
      if (tokens[j].kind != TokenKind::kWord) break;
      std::string_view w = L(j);
      if (SubjectStop(w)) break;
      if (have_head && (EndsWith(w, "ing") || EndsWith(w, "ed")) && !upper(j))
        break;
      head = j;
      have_head = true;
      if (!upper(j) && IsIrregularPlural(w)) {
        ++j;
        break;
      }
      // Collective nouns end the phrase unless a plural noun follows
      // ("medical staff went", "police officers").
      if (!upper(j) && EqualsAny(w, {"staff", "personnel", "police", "crew"}) &&
          !(j + 1 < se && tokens[j + 1].kind == TokenKind::kWord &&
            !upper(j + 1) && !SubjectStop(L(j + 1)) &&
            EndsWith(L(j + 1), "s"))) {
        ++j;
        break;
      }
      // A plural noun ends the phrase unless another noun follows it
      // ("militants fighting" vs "ministry officials").
      if (!upper(j) && EndsWith(w, "s") && !EndsWith(w, "ss") &&
          !(j + 1 < se && tokens[j + 1].kind == TokenKind::kWord &&
            !SubjectStop(L(j + 1)) && !EndsWith(L(j + 1), "ing") &&
            !EndsWith(L(j + 1), "ed") && EndsWith(L(j + 1), "s"))) {
        ++j;
        break;
      }
    }
    CountClaim c;
    c.sentence = sent_of[q.token_begin];
    bool elliptic = false;
    const bool prev_in_sentence =
        !out->empty() && out->back().sentence == c.sentence;
    // Event fixed by the subject phrase itself ("12 dead", "the death toll
    // rose to 312"), before any verb around it is looked at.
    std::string_view subject_event;
    bool toll_before = false;
    bool from_total = false;  // the subject came from "the tally of ..."
    for (uint32_t t = q.token_begin; t > sb && t + 8 > q.token_begin; --t)
      if (L(t - 1) == "toll") toll_before = true;
    if (have_head && !upper(head) && IsStateAdjective(L(head))) {
      c.subject = "person";  // "left 12 dead", "dozens injured"
      subject_event = EventOf(L(head));
    } else if (have_head && !upper(head) &&
               EqualsAny(L(head), {"others", "more"}) && prev_in_sentence) {
      // "wounding 23 others", "still hold at least 30 others".
      c.subject = out->back().subject;
      elliptic = true;
    } else if (have_head && !upper(head)) {
      c.subject = SingularLemma(L(head));
    } else if (!have_head && toll_before) {
      c.subject = "person";  // "the death toll rose to 312"
      subject_event = "KILL";
      j = k;
    } else if (!have_head && TotalBefore(q, sb, se, &c, &subject_event)) {
      j = k;  // "the number of people killed passed 11,000"
      from_total = true;
    } else if (!have_head && prev_in_sentence) {
      c.subject = out->back().subject;  // "including 10 from the North Caucasus"
      elliptic = true;
      j = k;
    } else if (!have_head && k + 1 < se &&
               EqualsAny(L(k), {"were", "was", "had", "have", "are"}) &&
               !(q.num_end - q.num_begin == 4 && q.low >= 1800 &&
                 q.low <= 2100)) {
      // "said 3,000 had fled", "40 were arrested": a bare number whose verb
      // is an event counts persons.
      for (uint32_t x = k + 1; x < se && x < k + 4 && subject_event.empty();
           ++x)
        subject_event = EventAt(x, sb, se);
      // Only events that befall people: "2.3 billion were sent" counts
      // messages.
      if (EqualsAny(subject_event, {"KILL", "WOUND", "ARREST", "KIDNAP",
                                    "DISPLACE", "PROTEST"})) {
        c.subject = "person";
        j = k;
      } else {
        subject_event = {};
      }
    } else if (have_head && upper(head)) {
      // "200 Russians": a demonym is its own subject (person of origin).
      std::string origin;
      if (place_at(tokens[head].begin, tokens[head].end, &origin)) {
        c.subject = "person";
        add_origin(&c.origin, origin);
      }
    }
    if (c.subject.empty()) continue;
    // "34,000 workers at three plants": a number in a place phrase right
    // after the previous claim's subject describes that subject.
    if (prev_in_sentence && q.token_begin > sb &&
        q.token_begin - 1 == last_subj_end &&
        EqualsAny(L(q.token_begin - 1), {"at", "across", "from", "in"}))
      continue;
    // "the 2004 census", "the 2015 accord": a year naming an event or a
    // document. Counts of a thousand or more carry a comma in news copy.
    if (q.qualifier == Qualifier::kExact && !q.vague &&
        q.num_end - q.num_begin == 4 && q.low >= 1800 && q.low <= 2100 &&
        std::all_of(text.begin() + q.num_begin, text.begin() + q.num_end,
                    [](char ch) { return ch >= '0' && ch <= '9'; }) &&
        ((q.token_begin > sb &&
          EqualsAny(L(q.token_begin - 1), {"the", "a", "its", "their", "this",
                                           "that", "his", "her", "our"})) ||
         (have_head && !upper(head) && SingularLemma(L(head)) == L(head))))
      continue;
    if (EqualsAny(
            c.subject,
            {"year",      "month",     "week",  "day",    "hour",     "minute",
             "time",      "percent",   "point", "dollar", "euro",     "mile",
             "kilometer", "kilometre", "meter", "metre",  "ton",      "tonne",
             "degree",    "inch",      "foot",  "pound",  "kilogram", "round",
             "game",      "goal",      "vote",  "seat",   "page",     "stage",
             "part",      "step",      "side"}))
      continue;
    // Counts are whole: "a third of the country's copper" is a share.
    if ((q.has_low && q.low != std::floor(q.low)) ||
        (q.has_high && q.high != std::floor(q.high)))
      continue;
    const uint32_t subj_end = j;
    c.quantity_text = std::string(text.substr(q.begin, q.end - q.begin));
    c.low = q.low;
    c.high = q.high;
    c.has_low = q.has_low;
    c.has_high = q.has_high;
    c.qualifier = q.qualifier;
    c.begin = q.begin;
    c.end = q.end;
    c.sentence_begin = tokens[sb].begin;
    c.sentence_end = tokens[se - 1].end;

    // --- origins: demonyms between the number and the head, then the
    // subject's complements up to the verb.
    for (uint32_t t = q.token_end; t < subj_end; ++t) {
      std::string o;
      if (upper(t) && place_at(tokens[t].begin, tokens[t].end, &o))
        add_origin(&c.origin, o);
    }
    {
      uint32_t t = subj_end;
      bool origin_ctx = false;
      while (t < se && t < subj_end + 25) {
        std::string_view w = L(t);
        std::string_view raw = T(t);
        if (raw == "." || raw == ";" || raw == ":") break;
        if (raw == ",") {
          // Continue only into "including ..." or an apposition "militants
          // from ...".
          bool go = t + 1 < se &&
                    (L(t + 1) == "including" || L(t + 1) == "mostly" ||
                     L(t + 1) == "mainly" ||
                     (t + 2 < se && !upper(t + 1) && EndsWith(L(t + 1), "s") &&
                      L(t + 2) == "from"));
          if (!go) break;
          ++t;
          continue;
        }
        if (tokens[t].kind == TokenKind::kDash) {
          ++t;
          continue;
        }
        if (EqualsAny(w, {"are", "were", "is", "was", "had", "have", "has",
                          "will", "would", "said", "says", "reported", "who",
                          "which", "that", "against", "together"}))
          break;
        if (!upper(t) && (EndsWith(w, "ing") || EndsWith(w, "ed")) &&
            w != "including")
          break;
        // "of" names an origin only right after the subject ("militants of
        // Russian origin"), not in "took to the streets of Tbilisi".
        // "from shallow graves in a forest near Malindi" is no origin: a
        // place or a people follows "from" (capitalised, or "the" / a
        // direction before one).
        const bool from_place = w == "from" && t + 1 < se &&
                                (upper(t + 1) || IsPlaceModifier(L(t + 1)) ||
                                 (L(t + 1) == "the" && t + 2 < se &&
                                  (upper(t + 2) || IsPlaceModifier(L(t + 2)))));
        if (from_place || w == "including" || w == "origin" ||
            (w == "of" && t == subj_end))
          origin_ctx = true;
        else if (origin_ctx && (w == "from" || IsLocativePrep(w)))
          origin_ctx = false;  // "from Russia in Syria": where, not whence
        if (elliptic && w == "from") origin_ctx = true;
        std::string o;
        if (upper(t) && origin_ctx) {
          // Longest place starting here.
          uint32_t e = t;
          while (e < se && upper(e)) ++e;
          if (place_at(tokens[t].begin, tokens[e - 1].end, &o)) {
            add_origin(&c.origin, o);
          } else if (L(t) != "the") {
            std::string name;
            for (uint32_t x = t; x < e; ++x) {
              if (!name.empty()) name += " ";
              name += std::string(T(x));
            }
            // A capitalised phrase after "from" that the gazetteer does not
            // know ("the North Caucasus regions") still names an origin.
            if (t > 0 && (L(t - 1) == "from" || L(t - 1) == "the"))
              add_origin(&c.origin, name);
          }
          t = e;
          continue;
        } else if (upper(t) && place_at(tokens[t].begin, tokens[t].end, &o) &&
                   (t + 1 >= se || L(t + 1) == "origin" || !upper(t + 1))) {
          // "Russians and Americans" in "including ..." or "of Russian origin".
          if (origin_ctx || (t > 0 && L(t - 1) == "including"))
            add_origin(&c.origin, o);
        }
        ++t;
      }
    }
    // "Russians are among hundreds of militants".
    if (q.token_begin >= sb + 3 && L(q.token_begin - 1) == "among") {
      for (uint32_t t = sb; t + 1 < q.token_begin; ++t) {
        std::string o;
        if (upper(t) && place_at(tokens[t].begin, tokens[t].end, &o) &&
            EndsWith(L(t), "s"))
          add_origin(&c.origin, o);
      }
    }

    // --- event: verbs around the number and subject.
    cur_subject = c.subject;
    // "dozens of lives were lost", "16 bodies": the noun is the event.
    if (subject_event.empty() && (c.subject == "life" || c.subject == "body"))
      subject_event = "KILL";
    {
      uint32_t lo = q.token_begin > sb + 4 ? q.token_begin - 4 : sb;
      uint32_t hi = std::min(se, subj_end + 8);
      std::string_view ev;
      // A verb or nominalisation right before the number governs it:
      // "killing at least nine officers", "the deaths of 34 detainees".
      if (q.token_begin > sb) {
        const uint32_t p = q.token_begin - 1;
        ev = L(p) == "of" && p > sb ? EventAt(p - 1, sb, se)
                                    : EventAt(p, sb, se);
        // "sent more than 1,700 people to hospital" is no deployment.
        for (uint32_t t = subj_end; t < hi && ev == "DEPLOY"; ++t) {
          if (!EqualsAny(L(t), {"hospital", "hospitals"})) continue;
          std::string_view h = ContextEvent(t, sb, se);
          if (!h.empty()) ev = h;
        }
      }
      if (ev.empty()) ev = subject_event;
      // Verbs after the subject, then before the number; the subject noun
      // itself ("protesters", "workers") only as a fallback.
      // An "of" complement describes the subject ("10 charges of child
      // abuse and false imprisonment"): the verb comes after it.
      uint32_t after = subj_end;
      if (after < hi && L(after) == "of")
        while (after < hi && T(after) != "," &&
               !EqualsAny(L(after), {"were", "was", "are", "is", "have", "has",
                                     "had", "will", "would"}))
          ++after;
      for (uint32_t t = after; t < hi && ev.empty(); ++t)
        ev = EventAt(t, sb, se);
      for (uint32_t t = q.token_begin; t > lo && ev.empty(); --t)
        ev = EventAt(t - 1, sb, se);
      if (ev.empty() && elliptic && !out->empty()) ev = out->back().event;
      // A purpose stated later in the sentence: "blocked the motorway with
      // tractors on Sunday in protest at fuel taxes".
      for (uint32_t t = subj_end + 1; t < se && ev.empty(); ++t)
        if (EqualsAny(L(t), {"protest", "protests"}) &&
            EqualsAny(L(t - 1), {"in", "to"}))
          ev = "PROTEST";
      if (ev.empty() && IsCombatant(c.subject)) {
        // Fighters are deployed unless a verb outside the families says
        // what happened to them ("200 of its soldiers had surrendered").
        uint32_t t = subj_end;
        while (t < se &&
               EqualsAny(L(t), {"had", "have", "has", "been", "were", "was",
                                "are", "is", "reportedly", "allegedly"}))
          ++t;
        const bool other_verb =
            t < se && !upper(t) && EndsWith(L(t), "ed") && L(t) != "armed";
        if (!other_verb) ev = "DEPLOY";
      }
      if (ev.empty() && have_head) ev = EventOf(L(head));
      c.event = ev.empty() ? "OTHER" : std::string(ev);
    }

    // --- location: a place after a locative preposition ("in", "near",
    // "across", "off the coast of"; "to" for deployments) or after "fled",
    // not an origin. The first such place after the number wins (the event's
    // complement: "killed when shells hit a market in Bakhmut"), else the
    // nearest one before it ("The floods in eastern Libya have left ...").
    {
      std::string after, before;
      for (uint32_t t = sb; t + 1 < se; ++t) {
        std::string_view w = L(t);
        const bool prep =
            IsLocativePrep(w) || (w == "to" && c.event == "DEPLOY") ||
            (w == "to" && t + 2 < se && L(t + 1) == "the" &&
             L(t + 2) == "streets") ||
            (EqualsAny(w, {"fled", "flee", "fleeing"}) && upper(t + 1)) ||
            // "fled to Goma", "evacuated to Lviv": where they are now.
            (w == "to" && t > sb &&
             EqualsAny(L(t - 1), {"fled", "flee", "fleeing", "evacuated",
                                  "relocated", "moved"})) ||
            // "deported from Pakistan": where they were, not their origin.
            (w == "from" && t > sb &&
             EqualsAny(L(t - 1), {"deported", "expelled", "evacuated"}));
        // "on" is mostly a date or a topic: only a known or framed place
        // ("on the Congo river").
        // An attack "on Kharkiv" names its place.
        const bool strict =
            w == "on" &&
            !(t > sb &&
              EqualsAny(L(t - 1), {"strike", "strikes", "attack", "attacks",
                                   "raid", "raids", "assault", "offensive"}));
        const bool on_target = w == "on" && !strict;
        if (!prep && !strict && !on_target) continue;
        // "told reporters in Geneva", "a news conference in Kyiv": where
        // the claim was made, not where the counted thing happened.
        if ((t > sb && EqualsAny(L(t - 1), {"reporters", "journalists",
                                            "conference", "briefing"})) ||
            (t > sb + 1 && L(t - 2) == "told"))
          continue;
        std::string place;
        uint32_t at = 0;
        if (!PlaceAfter(t, strict, &place, &at)) continue;
        if (std::find(c.origin.begin(), c.origin.end(), place) != c.origin.end())
          continue;
        if (at >= q.token_end && after.empty()) after = place;
        if (at < q.token_begin) before = place;
      }
      c.location = !after.empty() ? after : before;
    }
    bool there = false;
    for (uint32_t t = sb; t < se; ++t)
      if (L(t) == "there" && t > sb && L(t - 1) != "are" && L(t - 1) != "is" &&
          !(t + 1 < se && EqualsAny(L(t + 1), {"are", "is", "were", "was",
                                               "have", "has", "had", "will"})))
        there = true;  // locative, not existential "there are"
    if (c.location.empty() && there) c.location = last_location;

    // --- source: the enclosing quote, else the study the sentence is about.
    for (const Quote& qt : quotes) {
      if (q.begin >= qt.begin && q.end <= qt.end) {
        // "the floods passed 1,000": a verb that gives a total's value
        // reports nothing, whatever the attribution model made of it.
        if (IsReachingVerb(AsciiLower(qt.cue))) continue;
        // "The army ordered 3,000 residents to leave": an order counts
        // people but claims nothing about them.
        if (IsDirectiveCue(AsciiLower(qt.cue))) continue;
        // "Divers found the bodies of 12 people": finding things is no
        // claim; "investigators found that ...", "the study found ..." are.
        if (IsFindCue(AsciiLower(qt.cue)) &&
            !(qt.token_begin > 0 && L(qt.token_begin - 1) == "that") &&
            !ContainsStudyNoun(AsciiLower(qt.speaker_text)))
          continue;
        c.source = qt.speaker;
        c.source_entity = qt.entity;
        break;
      }
    }
    if (!c.source.empty()) {
      // "the toll is expected to climb, the UN said", "a figure Israel
      // disputed", "Deaths rose to 140": a total, a figure or what is
      // counted does not speak.
      std::string_view rest = c.source;
      bool total = false;
      while (!rest.empty() && !total) {
        const size_t sp = rest.find(' ');
        const std::string_view word = rest.substr(0, sp);
        rest = sp == std::string_view::npos ? std::string_view()
                                            : rest.substr(sp + 1);
        for (std::string_view x :
             {"toll", "number", "figure", "total", "tally", "deaths", "cases"})
          if (EqualsIgnoreCase(word, x)) total = true;
      }
      if (total) {
        c.source.clear();
        c.source_entity = -1;
      }
    }
    if (!c.source.empty() && c.source_entity < 0) {
      // "The study", "A recent study by experts" -> "the study".
      std::vector<std::string> words;
      std::string w;
      for (char ch : AsciiLower(c.source) + " ") {
        if (std::isalpha(static_cast<unsigned char>(ch))) {
          w += ch;
        } else if (!w.empty()) {
          words.push_back(w);
          w.clear();
        }
      }
      std::string author;
      for (size_t x = 0; x < words.size() && x < 3; ++x) {
        if (!IsStudyNoun(words[x])) continue;
        // "a report by the Institute for the Study of War": a named author
        // is the better source; "a study by experts" stays "the study".
        author = NamedAuthor(c.source);
        if (author.empty()) author = AuthorInSentence(sb, se, words[x]);
        c.source = author.empty() ? "the " + words[x] : author;
        break;
      }
    }
    if (c.source.empty()) {
      for (uint32_t t = sb; t < sb + 4 && t < q.token_begin; ++t) {
        // "The tally of confirmed cases rose to 5,000": the total being
        // reported, not a study reporting it.
        if (from_total && IsTotalNoun(L(t))) break;
        if (IsStudyNoun(L(t)) && (t == sb || L(sb) == "a" || L(sb) == "the" ||
                                  L(sb) == "an")) {
          c.source = "the " + std::string(L(t));
          break;
        }
      }
    }

    // Reported speech the quote stage did not attribute: "according to
    // <source>", "..., <source> said." at the end of the sentence, "said
    // <source>" after a comma, "<source> said (that) ..." before the number.
    if (c.source.empty()) c.source = ReportedSource(sb, se, q.token_begin, q.token_end);

    // --- time: the DATE timex of the sentence nearest to the number ("1,150
    // new cases on Sunday, bringing the total this year to 31,000"), not an
    // open interval's start ("since January"); "that period" takes the last
    // range; else the source's previous claim.
    {
      const Timex* best = nullptr;
      uint32_t best_dist = 0;
      for (const Timex& tx : timexes) {
        if (tx.begin < c.sentence_begin || tx.end > c.sentence_end) continue;
        if (tx.type != TimexType::kDate ||
            tx.value.find("REF") != std::string::npos)
          continue;
        if (PrecededByWord(text, tx.begin, "since") ||
            AsciiLower(text.substr(tx.begin, 6)) == "since ")
          continue;
        // "from Friday" starts an interval like "since"; "in the past
        // month" is a span up to now, not a date of the claim.
        if (tx.range_id < 0 && PrecededByWord(text, tx.begin, "from")) continue;
        if (PrecededByWord(text, tx.begin, "past") ||
            AsciiLower(text.substr(tx.begin, 9)) == "the past " ||
            AsciiLower(text.substr(tx.begin, 5)) == "past ")
          continue;
        uint32_t dist = tx.begin >= c.end
                            ? tx.begin - c.end
                            : (c.begin >= tx.end ? c.begin - tx.end : 0);
        // "10 were killed on Tuesday and 14 more on Wednesday": a time
        // before the number across "and", "but" or a comma dates the
        // clause before it, so any time after the number is nearer.
        if (tx.end <= c.begin) {
          const std::string_view gap = text.substr(tx.end, c.begin - tx.end);
          if (gap.find(',') != std::string_view::npos ||
              gap.find(" and ") != std::string_view::npos ||
              gap.find(" but ") != std::string_view::npos)
            dist += 1000;
        }
        if (best == nullptr || dist < best_dist) {
          best = &tx;
          best_dist = dist;
        }
      }
      if (best != nullptr) {
        if (best->range_id >= 0) {
          c.time = best->range_begin + "/" + best->range_end;
          last_range = c.time;
        } else {
          c.time = best->value;
        }
      }
    }
    std::string sentence_lower = AsciiLower(
        text.substr(c.sentence_begin, c.sentence_end - c.sentence_begin));
    if (sentence_lower.find("that period") != std::string::npos ||
        sentence_lower.find("the same period") != std::string::npos ||
        sentence_lower.find("the period") != std::string::npos) {
      if (!last_range.empty()) c.time = last_range;
    }
    if (c.time.empty() && !c.source.empty()) {
      for (size_t x = out->size(); x-- > 0;)
        if ((*out)[x].source == c.source && !(*out)[x].time.empty()) {
          c.time = (*out)[x].time;
          break;
        }
    }

    // --- negation and hypotheticals in the clause of the number: from the
    // last comma, semicolon or "but" before it ("It was not clear how many
    // ..., but a witness said he saw at least five") to a few words after
    // its subject. Announced plans ("would cut 1,200 jobs") are not
    // hypothetical: "would" is the future of reported speech.
    uint32_t clause_begin = sb;
    for (uint32_t t = sb; t < q.token_begin; ++t)
      if (EqualsAny(T(t), {",", ";", ":"}) || L(t) == "but")
        clause_begin = t + 1;
    uint32_t clause_end = std::min(se, subj_end + 6);
    for (uint32_t t = subj_end; t < clause_end; ++t)
      if (T(t) == "," || T(t) == ";") clause_end = t;
    // "any of its 2,400 staff": a headcount the company has, whatever it
    // says it will not do to them; "none of its 60 passengers" still
    // negates.
    const bool headcount =
        q.token_begin > sb &&
        EqualsAny(L(q.token_begin - 1), {"its", "their", "our"});
    for (uint32_t t = clause_begin; t < clause_end; ++t) {
      if (t >= q.token_begin && t < q.token_end) continue;
      const std::string_view w = L(t);
      const uint8_t cue = CueOf(w);
      if (cue == 0) continue;
      if (cue & kNone) c.negated = true;  // "none of the 60 passengers"
      // "without power" is a deprivation, not a negation.
      const bool deprivation =
          w == "without" && t + 1 < se &&
          EqualsAny(L(t + 1), {"shelter", "homes", "power", "electricity",
                               "water", "heating", "food"});
      if ((cue & kNegation) && !(headcount && t < q.token_begin) &&
          !deprivation)
        c.negated = true;
      // A claim reported only to be rejected: "rejected claims that",
      // "dismissed reports that", "it was false that".
      if ((cue & (kRejection | kFalsity)) && t + 1 < q.token_begin) {
        const std::string_view next = L(t + 1);
        const std::string_view next2 =
            t + 2 < q.token_begin ? L(t + 2) : std::string_view();
        // "dismissed as propaganda claims that".
        const std::string_view next3 =
            t + 3 < q.token_begin ? L(t + 3) : std::string_view();
        auto is_claim = [](std::string_view x) {
          return EqualsAny(x, {"claims", "claim", "reports", "report",
                               "suggestions", "allegations", "rumours",
                               "rumors", "accounts", "speculation"});
        };
        if ((cue & kRejection) &&
            (is_claim(next) || is_claim(next2) || is_claim(next3)))
          c.negated = true;
        if ((cue & kFalsity) && next == "that") c.negated = true;
      }
      // Lowercase only: "in May" is a month, not a modal.
      if ((cue & kHypothesis) && T(t) == w) c.hypothetical = true;
    }
    // A condition anywhere in the rest of the clause: "would walk out from
    // Friday unless talks resumed".
    for (uint32_t t = subj_end; t < se && !c.hypothetical; ++t) {
      if (T(t) == "," || T(t) == ";") break;
      if (EqualsAny(L(t), {"if", "unless"}) && T(t) == L(t))
        c.hypothetical = true;
    }

    // Remember locations ("in Syria") for "there".
    for (uint32_t t = sb; t + 1 < se; ++t) {
      std::string place;
      if (L(t) == "in" && upper(t + 1) &&
          place_at(tokens[t + 1].begin, tokens[t + 1].end, &place))
        last_location = place;
    }

    // --- merge a repeat of the same source's claim.
    bool merged = false;
    if (!c.source.empty()) {
      for (CountClaim& prev : *out) {
        if (prev.source == c.source && prev.subject == c.subject &&
            prev.low == c.low && prev.high == c.high &&
            prev.qualifier == c.qualifier && prev.sentence != c.sentence) {
          for (const std::string& o : c.origin) add_origin(&prev.origin, o);
          if (prev.time.empty()) prev.time = c.time;
          if (prev.location.empty()) prev.location = c.location;
          merged = true;
          break;
        }
      }
    }
    last_subj_end = subj_end;
    if (!merged) out->push_back(std::move(c));
  }
}

void WriteClaimJson(const CountClaim& c, JsonWriter* w) {
  w->BeginObject();
  w->Field("quantity_text", c.quantity_text);
  w->Key("low");
  if (c.has_low) w->Double(c.low); else w->Null();
  w->Key("high");
  if (c.has_high) w->Double(c.high); else w->Null();
  w->Field("qualifier", QualifierName(c.qualifier));
  w->Field("subject", c.subject);
  w->Field("event", c.event);
  w->StringArray("origin", c.origin);
  w->Key("location");
  if (c.location.empty()) w->Null(); else w->String(c.location);
  w->Key("source");
  if (c.source.empty()) w->Null(); else w->String(c.source);
  w->Key("time");
  if (c.time.empty()) w->Null(); else w->String(c.time);
  w->Field("negated", c.negated);
  w->Field("hypothetical", c.hypothetical);
  w->Field("sentence", static_cast<int64_t>(c.sentence));
  w->Field("begin", static_cast<int64_t>(c.begin));
  w->Field("end", static_cast<int64_t>(c.end));
  w->EndObject();
}

}  // namespace wirewatch::analyze

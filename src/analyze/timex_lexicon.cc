#include "analyze/timex_lexicon.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace wirewatch::analyze::timex_internal {
namespace {

using Table = std::unordered_map<std::string_view, Lex>;

// Holidays: 1 christmas, 2 thanksgiving, 3 halloween, 4 independence (day),
// 5 labor (day), 6 memorial (day), 7 veterans (day), 8 valentine('s day),
// 9 new year's (day).
constexpr Holiday kHolidays[] = {
    {12, 25, 0, 0}, {11, 0, 4, 4}, {10, 31, 0, 0}, {7, 4, 0, 0},
    {9, 0, 1, 1},   {5, 0, 1, -1}, {11, 11, 0, 0}, {2, 14, 0, 0},
    {1, 1, 0, 0},
};

Table* Build() {
  auto* t = new Table;
  auto& m = *t;
  static constexpr std::string_view kMonths[12][2] = {
      {"january", "jan"}, {"february", "feb"}, {"march", "mar"},
      {"april", "apr"},   {"may", ""},          {"june", "jun"},
      {"july", "jul"},    {"august", "aug"},    {"september", "sep"},
      {"october", "oct"}, {"november", "nov"},  {"december", "dec"}};
  for (int i = 0; i < 12; ++i) {
    m[kMonths[i][0]].month = static_cast<uint8_t>(i + 1);
    if (!kMonths[i][1].empty()) {
      Lex& l = m[kMonths[i][1]];
      l.month = static_cast<uint8_t>(i + 1);
      l.abbrev = true;
    }
  }
  m["sept"].month = 9;
  m["sept"].abbrev = true;
  static constexpr std::string_view kDays[7][2] = {
      {"monday", "mon"}, {"tuesday", "tue"}, {"wednesday", "wed"},
      {"thursday", "thu"}, {"friday", "fri"}, {"saturday", "sat"},
      {"sunday", "sun"}};
  for (int i = 0; i < 7; ++i) {
    m[kDays[i][0]].weekday = static_cast<uint8_t>(i + 1);
    Lex& l = m[kDays[i][1]];
    l.weekday = static_cast<uint8_t>(i + 1);
    l.abbrev = true;
  }
  m["tues"].weekday = 2;
  m["tues"].abbrev = true;
  m["thurs"].weekday = 4;
  m["thurs"].abbrev = true;
  struct U {
    std::string_view s, p;
    Unit u;
  };
  static constexpr U kUnits[] = {
      {"second", "seconds", kSecond}, {"minute", "minutes", kMinute},
      {"hour", "hours", kHour},       {"day", "days", kDay},
      {"week", "weeks", kWeek},       {"month", "months", kMonth},
      {"quarter", "quarters", kQuarter}, {"year", "years", kYear},
      {"decade", "decades", kDecade}, {"century", "centuries", kCentury},
      {"millennium", "millennia", kMillennium}};
  for (const U& u : kUnits) {
    m[u.s].unit = u.u;
    m[u.p].unit = u.u;
    m[u.p].plural = true;
  }
  m["yr"].unit = kYear;
  m["yrs"].unit = kYear;
  m["yrs"].plural = true;
  m["hr"].unit = kHour;
  m["hrs"].unit = kHour;
  m["hrs"].plural = true;
  m["min"].unit = kMinute;
  m["mins"].unit = kMinute;
  m["mins"].plural = true;
  static constexpr std::string_view kOnes[] = {
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
      "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
      "sixteen", "seventeen", "eighteen", "nineteen"};
  for (int i = 0; i < 20; ++i) m[kOnes[i]].number = static_cast<int16_t>(i);
  static constexpr std::string_view kTens[] = {
      "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
      "ninety"};
  for (int i = 0; i < 8; ++i) {
    m[kTens[i]].number = static_cast<int16_t>(20 + 10 * i);
  }
  m["dozen"].number = 12;
  static constexpr std::string_view kOrd[] = {
      "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
      "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
      "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
      "nineteenth", "twentieth"};
  for (int i = 1; i <= 20; ++i) m[kOrd[i]].ordinal = static_cast<int8_t>(i);
  m["thirtieth"].ordinal = 30;
  m["twenty-first"].ordinal = 21;
  m["last"].ordinal = -1;
  m["final"].ordinal = -1;
  m["spring"].season = 1;
  m["summer"].season = 2;
  m["fall"].season = 3;
  m["autumn"].season = 3;
  m["winter"].season = 4;
  m["morning"].pod = 1;
  m["afternoon"].pod = 2;
  m["evening"].pod = 3;
  m["night"].pod = 4;
  m["overnight"].pod = 4;
  m["christmas"].holiday = 1;
  m["thanksgiving"].holiday = 2;
  m["halloween"].holiday = 3;
  m["independence"].holiday = 4;
  m["labor"].holiday = 5;
  m["memorial"].holiday = 6;
  m["veterans"].holiday = 7;
  m["valentine"].holiday = 8;
  struct K {
    std::string_view w;
    Kw k;
  };
  static constexpr K kKw[] = {
      {"the", kThe}, {"a", kA}, {"an", kAn}, {"this", kThis},
      {"that", kThat}, {"these", kThese}, {"last", kLast}, {"next", kNext},
      {"past", kPast}, {"coming", kComing}, {"previous", kPrevious},
      {"prior", kPrevious}, {"following", kFollowing}, {"current", kCurrent},
      {"latest", kLatest}, {"same", kSame}, {"ago", kAgo},
      {"earlier", kEarlier}, {"later", kLater}, {"hence", kHence},
      {"back", kBack}, {"before", kBefore}, {"after", kAfter},
      {"from", kFrom}, {"now", kNow}, {"today", kToday},
      {"yesterday", kYesterday}, {"tomorrow", kTomorrow},
      {"tonight", kTonight}, {"currently", kCurrently},
      {"recently", kRecently}, {"lately", kRecently}, {"recent", kRecent},
      {"future", kFuture}, {"soon", kSoon}, {"previously", kPreviously},
      {"formerly", kPreviously}, {"present", kPresent},
      {"nowadays", kNowadays}, {"presently", kCurrently}, {"early", kEarly},
      {"late", kLate}, {"mid", kMid}, {"middle", kMiddle}, {"end", kEnd},
      {"beginning", kBeginning}, {"start", kStart}, {"every", kEvery},
      {"each", kEach}, {"daily", kDaily}, {"weekly", kWeekly},
      {"monthly", kMonthly}, {"yearly", kYearly}, {"annually", kYearly},
      {"quarterly", kQuarterly}, {"hourly", kHourly},
      {"nightly", kNightly}, {"several", kSeveral}, {"few", kFew},
      {"couple", kCouple}, {"some", kSome}, {"many", kMany},
      {"about", kAbout}, {"around", kAround},
      {"approximately", kApproximately}, {"roughly", kRoughly},
      {"nearly", kNearly}, {"almost", kAlmost}, {"more", kMore},
      {"over", kOver}, {"less", kLess}, {"fewer", kFewer},
      {"under", kUnder}, {"least", kLeast}, {"most", kMost}, {"at", kAt},
      {"up", kUp}, {"to", kTo}, {"than", kThan}, {"no", kNo},
      {"just", kJust}, {"between", kBetween}, {"and", kAnd}, {"or", kOr},
      {"until", kUntil}, {"till", kUntil}, {"through", kThrough},
      {"thru", kThrough}, {"fiscal", kFiscal}, {"weekend", kWeekend},
      {"weekends", kWeekend}, {"noon", kNoon}, {"midday", kNoon},
      {"midnight", kMidnight}, {"half", kHalf}, {"of", kOf}, {"in", kIn},
      {"for", kFor}, {"on", kOn}, {"so", kSo}, {"once", kOnce},
      {"twice", kTwice}, {"times", kTimes}, {"per", kPer},
      {"other", kOther}, {"near", kNear}, {"term", kTerm},
      {"period", kPeriod}, {"clock", kOclock}, {"will", kWill},
      {"ll", kWill}, {"shall", kShall}, {"would", kWould},
      {"going", kGoing}, {"said", kSaid}, {"was", kWas}, {"were", kWas},
      {"had", kHad}, {"did", kDid}, {"is", kIs}, {"are", kIs},
      {"says", kSays}, {"expected", kExpected}, {"plans", kPlan},
      {"scheduled", kPlan}, {"its", kIts}, {"old", kOld}, {"long", kLong},
      {"est", kTimezone}, {"edt", kTimezone}, {"gmt", kTimezone},
      {"utc", kTimezone}, {"pst", kTimezone}, {"pdt", kTimezone},
      {"cst", kTimezone}, {"cdt", kTimezone}, {"mst", kTimezone},
      {"bst", kTimezone}, {"cet", kTimezone}, {"local", kLocal},
      {"time", kTime}, {"eve", kEve}, {"new", kNew},
      {"thousand", kThousand}, {"hundred", kHundred}, {"st", kOrdinalSuffix},
      {"nd", kOrdinalSuffix}, {"rd", kOrdinalSuffix},
      {"th", kOrdinalSuffix}, {"still", kStill}, {"as", kAs},
      {"since", kSince}, {"planned", kPlan}, {"planning", kPlan},
      {"plan", kPlan}, {"expects", kPlan}, {"intends", kPlan},
      {"due", kPlan}, {"by", kBy}, {"during", kDuring},
      // Common irregular past forms: tense evidence.
      {"told", kDid}, {"met", kDid}, {"came", kDid}, {"went", kDid},
      {"took", kDid}, {"made", kDid}, {"gave", kDid}, {"began", kDid},
      {"left", kDid}, {"held", kDid}, {"sold", kDid}, {"fell", kDid},
      {"rose", kDid}, {"won", kDid}, {"lost", kDid}, {"saw", kDid},
      {"got", kDid}, {"became", kDid}, {"paid", kDid}, {"spent", kDid},
      {"bought", kDid}, {"found", kDid}, {"struck", kDid}, {"fled", kDid},
      {"shot", kDid}, {"led", kDid}, {"wrote", kDid}, {"spoke", kDid},
      {"brought", kDid}, {"thought", kDid}, {"sent", kDid}, {"kept", kDid},
      {"heard", kDid}, {"ran", kDid}, {"drove", kDid}, {"broke", kDid},
      {"chose", kDid}, {"knew", kDid}, {"grew", kDid}, {"threw", kDid},
      {"flew", kDid}, {"drew", kDid}, {"withdrew", kDid}, {"stood", kDid},
      {"sought", kDid}, {"fought", kDid}, {"caught", kDid}, {"built", kDid},
      {"felt", kDid}, {"dealt", kDid}, {"arose", kDid}, {"froze", kDid},
      {"shook", kDid}, {"swept", kDid}, {"forgot", kDid}, {"swore", kDid},
  };
  for (const K& k : kKw) m[k.w].kw = k.k;
  // "day" keeps its unit and doubles as the holiday tail.
  return t;
}

}  // namespace

// The lookup runs once per word of every text, and most words are not in
// the table: an open-addressing table with a cheap hash (FNV-1a over at most
// the first 8 bytes plus the length) at a load factor below 1/4, so a miss
// usually costs one probe and one length compare.
class FlatTable {
 public:
  explicit FlatTable(const Table& t) {
    size_t cap = 16;
    while (cap < t.size() * 4) cap *= 2;
    slots_.resize(cap);
    mask_ = cap - 1;
    for (const auto& [w, lex] : t) {
      if (w.size() > max_len_) max_len_ = w.size();
      const size_t full = Hash(w);
      filter_[(full >> 6) & (kFilterWords - 1)] |= uint64_t{1} << (full & 63);
      size_t h = full & mask_;
      while (slots_[h].used) h = (h + 1) & mask_;
      slots_[h] = Slot{true, w, lex};
    }
  }

  const Lex* Find(std::string_view w) const {
    if (w.size() > max_len_) return nullptr;  // "international", ...
    const size_t full = Hash(w);
    // Most words of a text are not time words: a miss in the 4096-bit
    // filter (L1-resident, ~10% of its bits set) answers without touching
    // the larger slots.
    if (!(filter_[(full >> 6) & (kFilterWords - 1)] >> (full & 63) & 1))
      return nullptr;
    for (size_t h = full & mask_;; h = (h + 1) & mask_) {
      const Slot& s = slots_[h];
      if (!s.used) return nullptr;
      if (s.key == w) return &s.lex;
    }
  }

 private:
  struct Slot {
    bool used = false;
    std::string_view key;
    Lex lex;
  };

  // Length, first, middle and last byte: enough to spread ~400 keys, and
  // a fixed cost whatever the word.
  static size_t Hash(std::string_view w) {
    if (w.empty()) return 0;
    const size_t n = w.size();
    const uint64_t k = (uint64_t{static_cast<unsigned char>(w[0])} << 24) |
                       (uint64_t{static_cast<unsigned char>(w[n / 2])} << 16) |
                       (uint64_t{static_cast<unsigned char>(w[n - 1])} << 8) |
                       (n & 0xff);
    return static_cast<size_t>((k * 0x9E3779B97F4A7C15ull) >> 32);
  }

  static constexpr size_t kFilterWords = 64;
  uint64_t filter_[kFilterWords] = {};
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t max_len_ = 0;  // longest key
};

const Lex* LookupWord(std::string_view w) {
  static const Table* table = Build();  // owns the keys' bytes
  static const FlatTable flat(*table);
  return flat.Find(w);
}

const Holiday& HolidayAt(int index) { return kHolidays[index - 1]; }

}  // namespace wirewatch::analyze::timex_internal

#include "link/search_index.h"

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "link/synthetic_corpus.h"

namespace wirewatch::link {
namespace {

struct Doc {
  std::string title, text, site, lang;
  int64_t day;
  std::vector<std::string> entities;
};

std::vector<Doc> SmallCorpus() {
  int64_t d = DaysFromCivil(2013, 7, 12);
  return {
      {"Russia to exchange data on militants", "Russia and the United States will exchange information on foreign militants fighting in Syria, Bogdanov said.", "alalam.ir", "en", d, {"PER:Mikhail Bogdanov", "LOC:Russia", "LOC:Syria"}},
      {"Putin on Syria", "President Vladimir Putin said up to 600 militants from Russia and Europe were fighting in Syria.", "example.com", "en", d - 40, {"PER:Vladimir Putin", "LOC:Russia", "LOC:Syria"}},
      {"Bank raises rates", "The central bank of England raised interest rates to fight inflation.", "bbc.co.uk", "en", d - 400, {"ORG:Bank of England"}},
      {"Bankers protest", "Bankers protested in London against new banking rules; the bank of Scotland joined.", "bbc.co.uk", "en", d - 10, {"LOC:London"}},
      {"Syrische Rebellen", "Die Rebellen in Syrien kämpfen weiter gegen die Regierung.", "spiegel.de", "de", d - 1, {"LOC:Syria"}},
  };
}

SearchIndex Build(const std::vector<Doc>& docs) {
  SearchIndex index;
  for (uint32_t i = 0; i < docs.size(); ++i) {
    LinkDoc d;
    d.doc = i;
    d.title = docs[i].title;
    d.text = docs[i].text;
    d.site = docs[i].site;
    d.lang = docs[i].lang;
    d.published_day = docs[i].day;
    d.entities = docs[i].entities;
    EXPECT_TRUE(index.Add(d).ok());
  }
  return index;
}

std::string Docs(const SearchIndex& index, std::string_view q) {
  auto r = index.Search(q);
  if (!r.ok()) return "error: " + r.status().ToString();
  std::vector<uint32_t> ids;
  for (const auto& h : r->hits) ids.push_back(h.doc);
  std::sort(ids.begin(), ids.end());
  std::string out;
  for (uint32_t id : ids) out += std::to_string(id);
  return out;
}

TEST(SearchIndexTest, GoldenQueries) {
  SearchIndex index = Build(SmallCorpus());
  struct Case {
    std::string_view query, expected;
  } kCases[] = {
      {"syria", "01"},
      {"syria russia", "01"},
      {"syria militants -putin", "0"},
      {"syria NOT putin", "0"},
      {"putin OR bogdanov", "01"},
      {"\"bank of england\"", "2"},  // stopword gap respected
      {"\"bank england\"", ""},
      {"bank*", "23"},
      {"syria site:alalam.ir", "0"},
      {"rebellen lang:de", "4"},
      {"syria entity:\"PER:Vladimir Putin\"", "1"},
      {"entity:loc:syria", "014"},
      {"from:2013-07-01", "034"},
      {"bank to:2012", "2"},
      {"from:2013-06 to:2013-06", "1"},
      {"nothingatall", ""},
      {"", ""},
      {"syria site:nowhere", ""},
  };
  for (const Case& c : kCases) EXPECT_EQ(Docs(index, c.query), c.expected) << c.query;
}

TEST(SearchIndexTest, RankingFacetsAndSnippets) {
  auto docs = SmallCorpus();
  SearchIndex index = Build(docs);
  auto r = index.Search("syria");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->total, 2u);
  EXPECT_GE(r->hits[0].score, r->hits[1].score);
  ASSERT_FALSE(r->entities.empty());
  EXPECT_EQ(r->entities[0].value, "loc:russia");  // ties by name
  EXPECT_EQ(r->entities[0].count, 2u);
  ASSERT_EQ(r->months.size(), 2u);
  EXPECT_EQ(r->sites.size(), 2u);
  std::string snip = MakeSnippet(docs[0].text, "en", r->highlight_terms, 60);
  EXPECT_NE(snip.find("<b>Syria</b>"), std::string::npos) << snip;
  EXPECT_LE(snip.size(), 60u + 7 + 6);
}

TEST(SearchIndexTest, QueryLimits) {
  std::string many;
  for (int i = 0; i < 40; ++i) {
    many.append("w").append(std::to_string(i)).append(" ");
  }
  EXPECT_EQ(ParseQuery(many).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseQuery(std::string(2000, 'a')).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseQuery("from:yesterday").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(ParseQuery("\"unterminated phrase").ok());
}

TEST(SearchIndexTest, Dates) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(MonthOfDay(DaysFromCivil(2013, 7, 12)), "2013-07");
  EXPECT_EQ(MonthOfDay(DaysFromCivil(2000, 2, 29)), "2000-02");
  int64_t d;
  EXPECT_TRUE(ParseIsoDay("2013-07-12", &d));
  EXPECT_EQ(d, DaysFromCivil(2013, 7, 12));
  EXPECT_FALSE(ParseIsoDay("2013-7-12", &d));
}

// Differential: matching agrees with a reference that re-analyses every
// document and evaluates the query clause by clause.
TEST(SearchIndexTest, MatchesReferenceOnSyntheticCorpus) {
  CorpusStats stats = CorpusStats::Builtin(400, 9);
  SyntheticCorpus gen(&stats, {});
  std::vector<Doc> docs;
  SyntheticDoc sd;
  for (int i = 0; i < 300; ++i) {
    gen.Next(&sd);
    docs.push_back({sd.title, sd.text, sd.site, sd.lang, sd.day, sd.entities});
  }
  SearchIndex index = Build(docs);
  Analyzer analyzer;
  // Reference per doc: term -> positions.
  auto contains = [&](const Doc& d, const QueryClause& c) {
    std::string joined = d.title + "\n" + d.text;
    const AnalyzedText& at = analyzer.Analyze(joined, d.lang);
    for (size_t i = 0; i < at.tokens.size(); ++i) {
      std::string_view t = at.Term(at.tokens[i]);
      if (c.kind == QueryClause::Kind::kPrefix) {
        if (t.substr(0, c.terms[0].size()) == c.terms[0]) return true;
        continue;
      }
      if (t != c.terms[0]) continue;
      bool all = true;
      for (size_t k = 1; k < c.terms.size() && all; ++k) {
        bool found = false;
        for (const Token& o : at.tokens) {
          found |= o.position == at.tokens[i].position + c.offsets[k] &&
                   at.Term(o) == c.terms[k];
        }
        all = found;
      }
      if (all) return true;
    }
    return false;
  };
  std::mt19937_64 rng(3);
  auto word = [&] { return stats.words[rng() % 60]; };
  for (int round = 0; round < 200; ++round) {
    std::string q;
    switch (round % 5) {
      case 0: q.append(word()).append(" ").append(word()); break;
      case 1:
        q.append(word()).append(" OR ").append(word()).append(" -").append(word());
        break;
      case 2: q.append("\"").append(word()).append(" ").append(word()).append("\""); break;
      case 3: q.append(word().substr(0, 3)).append("* ").append(word()); break;
      case 4:
        q.append(word()).append(" site:site").append(std::to_string(rng() % 50)).append(".example");
        break;
    }
    auto parsed = ParseQuery(q);
    ASSERT_TRUE(parsed.ok());
    SearchOptions o;
    o.k = docs.size();
    auto r = index.Search(*parsed, o);
    ASSERT_TRUE(r.ok());
    std::set<uint32_t> got;
    for (const auto& h : r->hits) got.insert(h.doc);
    std::set<uint32_t> want;
    for (uint32_t d = 0; d < docs.size(); ++d) {
      bool ok = !parsed->groups.empty();
      for (const auto& g : parsed->groups) {
        bool any = false;
        for (const auto& c : g) any |= contains(docs[d], c);
        ok &= any;
      }
      for (const auto& c : parsed->excluded) ok &= !contains(docs[d], c);
      if (!parsed->sites.empty()) ok &= docs[d].site == parsed->sites[0];
      if (ok) want.insert(d);
    }
    ASSERT_EQ(got, want) << q;
    EXPECT_EQ(r->total, want.size());
  }
}

}  // namespace
}  // namespace wirewatch::link

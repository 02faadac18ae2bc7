// The CLI as a user runs it: the real binary against a real archive file.
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>

#include "test_util.h"

namespace wirewatch {
namespace {

using testing::TempDir;
using testing::WriteFile;

struct CmdResult {
  int exit_code = -1;
  std::string out;
};

// Runs `wirewatch ARGS` with stderr folded into stdout when `merge`.
CmdResult Wirewatch(const std::string& args, bool merge = false) {
  std::string cmd = std::string(WIREWATCH_BIN) + " " + args +
                    (merge ? " 2>&1" : " 2>/dev/null");
  CmdResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

class CliTest : public ::testing::Test {
 protected:
  std::string Db() { return " --db " + (dir_ / "w.db"); }
  TempDir dir_{"cli"};
};

TEST_F(CliTest, IngestIsIdempotentAndSaysSo) {
  CmdResult first = Wirewatch("ingest " WIREWATCH_EXAMPLES + Db());
  EXPECT_EQ(first.exit_code, 0) << first.out;
  EXPECT_NE(first.out.find("8 stored, 0 already present, 0 failed"),
            std::string::npos)
      << first.out;
  CmdResult second = Wirewatch("ingest " WIREWATCH_EXAMPLES + Db());
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_NE(second.out.find("nothing new: all 8 documents are already in"),
            std::string::npos)
      << second.out;
}

TEST_F(CliTest, RelatedPrintsTheSeedWidgetExactly) {
  ASSERT_EQ(Wirewatch("ingest -q " WIREWATCH_EXAMPLES + Db()).exit_code, 0);
  CmdResult list = Wirewatch("list --json -n 100" + Db());
  ASSERT_EQ(list.exit_code, 0);
  // Find the seed article's id in the listing.
  size_t t = list.out.find("\"title\":\"Russia, Syria exchange data");
  ASSERT_NE(t, std::string::npos) << list.out;
  size_t line = list.out.rfind('\n', t);
  line = line == std::string::npos ? 0 : line + 1;
  size_t id_at = list.out.find("\"id\":\"", line) + 6;
  std::string id = list.out.substr(id_at, 16);

  CmdResult related = Wirewatch("related --publisher " + id + Db());
  EXPECT_EQ(related.exit_code, 0);
  EXPECT_EQ(
      related.out,
      R"([{"id":"1488864","sort":"3051263","contenttypeid":"21","pic":"/2013/06/28/alalam_635080377970923401_25f_4x3.jpg","title":"Russia: arming Syria rebels contradicts peace talks"},)"
      R"({"id":"1493303","sort":"3051264","contenttypeid":"21","pic":"/2013/07/09/alalam_635090085085580092_25f_4x3.jpg","title":"Syria militants used sarin in Aleppo: Russia"},)"
      R"({"id":"1493423","sort":"3051265","contenttypeid":"21","pic":"/2013/07/10/alalam_635090453099793511_25f_4x3.jpg","title":"Israel to negotiate Russia over Syria S-300 missiles"},)"
      R"({"id":"1493979","sort":"3051266","contenttypeid":"21","pic":"/2013/07/12/alalam_635092115388352859_25f_4x3.jpg","title":"Russia raps West's chemical propaganda on Syria"}])"
      "\n");
  CmdResult two = Wirewatch("related --publisher -k 2 " + id + Db());
  EXPECT_EQ(std::count(two.out.begin(), two.out.end(), '{'), 2);

  CmdResult show = Wirewatch("show " + id + Db());
  EXPECT_EQ(show.exit_code, 0);
  EXPECT_NE(show.out.find("\"value\": \"2013-07-12T16:48:58\""),
            std::string::npos)
      << show.out;
  EXPECT_NE(show.out.find("\"timezone\": false"), std::string::npos);
  // The dump is gone from the text and named in the warnings.
  EXPECT_NE(show.out.find("\"debug dump removed: string(695)\""),
            std::string::npos);
  CmdResult text = Wirewatch("show --text " + id + Db());
  EXPECT_EQ(text.out.find("string(695)"), std::string::npos);
  EXPECT_EQ(text.out.find("alalam_"), std::string::npos);
  EXPECT_NE(text.out.find("including 10 from the North Caucasus regions."),
            std::string::npos);
}

TEST_F(CliTest, RelatedSearchAndStoriesFromTheArchive) {
  ASSERT_EQ(Wirewatch("ingest -q " WIREWATCH_EXAMPLES + Db()).exit_code, 0);
  // The seed is seq 2 in input order; the computed widget has its shape:
  // an array of objects with exactly the five string fields.
  CmdResult related = Wirewatch("related 2 -k 3" + Db());
  ASSERT_EQ(related.exit_code, 0) << related.out;
  ASSERT_EQ(related.out.front(), '[');
  size_t items = 0;
  for (size_t p = related.out.find("{\"id\":\""); p != std::string::npos;
       p = related.out.find("{\"id\":\"", p + 1)) {
    ++items;
    size_t end = related.out.find('}', p);
    std::string obj = related.out.substr(p, end - p + 1);
    // Exactly the five keys, in the seed's order, all strings.
    size_t at = 0;
    for (const char* f : {"{\"id\":\"", "\",\"sort\":\"",
                          "\",\"contenttypeid\":\"", "\",\"pic\":\"",
                          "\",\"title\":\""}) {
      size_t q = obj.find(f, at);
      EXPECT_NE(q, std::string::npos) << f << " in " << obj;
      at = q == std::string::npos ? at : q + 1;
    }
    EXPECT_EQ(obj.substr(obj.size() - 2), "\"}") << obj;
  }
  EXPECT_GE(items, 1u);
  EXPECT_LE(items, 3u);
  EXPECT_EQ(related.out.find("exchange data on foreign militants"),
            std::string::npos);  // never itself

  CmdResult search = Wirewatch("search \"chemical weapons\" --json" + Db());
  ASSERT_EQ(search.exit_code, 0) << search.out;
  EXPECT_NE(search.out.find("\"total\":3"), std::string::npos) << search.out;
  EXPECT_NE(search.out.find("<b>chemical</b> <b>weapons</b>"),
            std::string::npos);
  CmdResult bad = Wirewatch("search \"" + std::string(2000, 'x') + "\"" +
                                Db(),
                            true);
  EXPECT_EQ(bad.exit_code, 1);

  CmdResult stories = Wirewatch("stories" + Db());
  ASSERT_EQ(stories.exit_code, 0);
  EXPECT_NE(stories.out.find("STORY"), std::string::npos);
}

TEST_F(CliTest, ExportWritesOneLinePerArticle) {
  ASSERT_EQ(Wirewatch("ingest -q " WIREWATCH_EXAMPLES + Db()).exit_code, 0);
  CmdResult exp = Wirewatch("export --format jsonl" + Db());
  ASSERT_EQ(exp.exit_code, 0);
  EXPECT_EQ(std::count(exp.out.begin(), exp.out.end(), '\n'), 8);
  EXPECT_NE(exp.out.find("\"publisher_related\":[{\"id\":\"1488864\""),
            std::string::npos);
  EXPECT_NE(exp.out.find("\"seq\":8"), std::string::npos);
  // The schema-5 fields come back from the archive: syria-talks.html's reader
  // comment, kept apart from its text, and where its language came from.
  EXPECT_NE(exp.out.find("\"comments\":[\"First! This is a reader comment"), std::string::npos)
      << exp.out;
  EXPECT_NE(exp.out.find("\"lang_source\":\"markup+detected\""), std::string::npos);
  CmdResult bad = Wirewatch("export --format xml" + Db(), true);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("unknown export format"), std::string::npos);
}

TEST_F(CliTest, ExitCodesAndErrors) {
  CmdResult failed = Wirewatch("ingest -q " WIREWATCH_TESTDATA "/bad" + Db());
  EXPECT_EQ(failed.exit_code, 2) << failed.out;
  CmdResult failures = Wirewatch("failures" + Db());
  EXPECT_NE(failures.out.find("truncated.html.gz"), std::string::npos)
      << failures.out;
  CmdResult missing = Wirewatch("show ffffffffffffffff" + Db(), true);
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.out.find("not_found"), std::string::npos) << missing.out;
  EXPECT_EQ(Wirewatch("--help").exit_code, 0);
  EXPECT_EQ(Wirewatch("ingest --help").exit_code, 0);
  EXPECT_EQ(Wirewatch("no-such-command").exit_code, 1);
  EXPECT_EQ(Wirewatch("ingest").exit_code, 1);  // PATH required
  CmdResult notdb = Wirewatch("list --db " WIREWATCH_TESTDATA "/bad/junk.bin", true);
  EXPECT_EQ(notdb.exit_code, 1);
}

TEST_F(CliTest, AnalyzeFindsTheSeedsPeopleRolesAndTimes) {
  CmdResult r =
      Wirewatch("analyze " WIREWATCH_TESTDATA "/seed/000_ca9e77d4d40bc964.txt");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  for (const char* want :
       {"\"canonical\":\"Mikhail Bogdanov\"",
        "\"title\":\"Deputy Foreign Minister\"",
        "\"canonical\":\"Vladimir Putin\"",
        "\"canonical\":\"Alexander Bortnikov\"",
        "\"canonical\":\"Federal Security Service\"",
        "\"canonical\":\"RIA Novosti\"", "\"dct\":\"2013-07-12\"",
        "\"value\":\"2013-06\"", "\"value\":\"2013-05\"",
        "\"value\":\"2013-W28\"", "\"value\":\"P2Y\""}) {
    EXPECT_NE(r.out.find(want), std::string::npos) << want;
  }
}

TEST_F(CliTest, IngestStoresTheAnalysis) {
  ASSERT_EQ(Wirewatch("ingest -q " WIREWATCH_EXAMPLES + Db()).exit_code, 0);
  CmdResult people = Wirewatch("entities --type PER --top 50" + Db());
  ASSERT_EQ(people.exit_code, 0);
  EXPECT_NE(people.out.find("Vladimir Putin"), std::string::npos)
      << people.out;
  EXPECT_EQ(people.out.find(" LOC "), std::string::npos);
  CmdResult exp = Wirewatch("export --format jsonl" + Db());
  EXPECT_EQ(std::count(exp.out.begin(), exp.out.end(), '\n'), 8);
  size_t n = 0;
  for (size_t p = exp.out.find("\"analysis\":{\"dct\""); p != std::string::npos;
       p = exp.out.find("\"analysis\":{\"dct\"", p + 1))
    ++n;
  EXPECT_EQ(n, 8u);
  // --no-analyze stores articles only.
  CmdResult bare = Wirewatch("ingest -q --no-analyze --db " + (dir_ / "b.db") +
                             " " WIREWATCH_EXAMPLES);
  EXPECT_EQ(bare.exit_code, 0);
  CmdResult none = Wirewatch("entities --db " + (dir_ / "b.db"));
  EXPECT_EQ(std::count(none.out.begin(), none.out.end(), '\n'), 1);  // header
}

TEST_F(CliTest, ClaimsLedgerGivesTheSeedsCompetingFigures) {
  ASSERT_EQ(Wirewatch("ingest -q " WIREWATCH_EXAMPLES + Db()).exit_code, 0);
  CmdResult r =
      Wirewatch("claims --subject militant --origin Russia --by origin" + Db());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  // Per origin, over time, with sources: the study >=17 killed
  // (2012-07..2013-05), Bortnikov ~200 (2013-05), Putin <=600 (2013-06).
  size_t study = r.out.find("2012-07/2013-05   the study                 >=17 militant");
  size_t bortnikov = r.out.find("2013-05           Alexander Bortnikov       ~200 militant");
  size_t putin = r.out.find("2013-06           Vladimir Putin            <=600 militant");
  ASSERT_NE(study, std::string::npos) << r.out;
  ASSERT_NE(bortnikov, std::string::npos) << r.out;
  ASSERT_NE(putin, std::string::npos) << r.out;
  EXPECT_LT(study, bortnikov);
  EXPECT_LT(bortnikov, putin);
  EXPECT_EQ(r.out.find("United States ("), std::string::npos);  // co-origin

  CmdResult csv = Wirewatch("claims --csv --event KILL --from 2013" + Db());
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_EQ(csv.out.rfind("time,source,quantity_text,low,high,", 0), 0u);
  EXPECT_NE(csv.out.find("2012-07/2013-05,the study,at least 17,17,,at_least,"
                         "militant,KILL,Russia,"),
            std::string::npos)
      << csv.out;
  CmdResult none = Wirewatch("claims --source nobody" + Db());
  EXPECT_NE(none.out.find("0 claims"), std::string::npos);
}

TEST_F(CliTest, ExtractPrintsArticleJsonWithoutStoring) {
  CmdResult r = Wirewatch("extract " WIREWATCH_EXAMPLES "/pages/syria-talks.html");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("\"title\":\"Russia: arming Syria rebels contradicts "
                       "peace talks\""),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"published\":{\"value\":\"2013-06-28T09:15:00"),
            std::string::npos)
      << r.out;
  // The reader comment is kept apart from the main text, in "comments".
  const size_t comments =
      r.out.find("\"comments\":[\"First! This is a reader comment");
  EXPECT_NE(comments, std::string::npos) << r.out;
  // ... and nowhere else: its first occurrence is the one in "comments".
  EXPECT_EQ(
      r.out.find("reader comment"),
      comments + std::string_view("\"comments\":[\"First! This is a ").size());
  EXPECT_NE(r.out.find("\"lang\":\"en\",\"lang_source\":\"markup+detected\""),
            std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "w.db"));
}

// One story's articles split over two ingest runs, an unrelated article, and
// a syndicated copy (same text, another URL, later date): the story grows
// across runs, the copy points at the earliest article as its original, and
// the stored stories equal those of a single run over the same input.
std::string JsonlArticle(const std::string& url, const std::string& title,
                         const std::string& published,
                         const std::string& text) {
  return "{\"url\":\"" + url + "\",\"title\":\"" + title +
         "\",\"published\":\"" + published + "\",\"text\":\"" + text + "\"}\n";
}

TEST_F(CliTest, StoriesGrowAcrossRunsAndCopiesPointToTheirOriginal) {
  const std::string inspectors =
      "United Nations chemical weapons inspectors will travel to Syria next "
      "week to investigate alleged sarin attacks near Aleppo, the United "
      "Nations said on Wednesday.\\n\\nThe inspectors, led by Swedish "
      "scientist Ake Sellstrom, will examine samples from the Aleppo attack "
      "and two other sites where chemical weapons were reportedly used.\\n\\n"
      "The Syrian government and rebels accuse each other of using chemical "
      "weapons in the conflict.";
  const std::string a1 = JsonlArticle(
      "https://wire.example.com/2013/07/10/inspectors",
      "UN chemical weapons inspectors to visit Syria", "2013-07-10T09:00:00Z",
      inspectors);
  const std::string a2 = JsonlArticle(
      "https://wire.example.com/2013/07/11/terms",
      "Syria agrees terms for UN chemical weapons inspectors",
      "2013-07-11T10:00:00Z",
      "Syria has agreed terms with the United Nations for chemical weapons "
      "inspectors led by Ake Sellstrom to visit sites of alleged sarin "
      "attacks, including near Aleppo.\\n\\nThe inspectors will collect "
      "samples at the Aleppo site and two other locations where chemical "
      "weapons were allegedly used.\\n\\nSyrian government forces and rebels "
      "blame each other for the chemical attacks.");
  const std::string other = JsonlArticle(
      "https://sport.example.com/2013/07/10/final", "Late goal wins cup final",
      "2013-07-10T20:00:00Z",
      "A header in stoppage time won the cup final for the home side on "
      "Wednesday night in front of a sold-out stadium.\\n\\nThe striker, "
      "signed last summer, scored his twelfth goal of the season after a "
      "corner from the left.\\n\\nThe coach praised his players' fitness and "
      "said the title race was far from over.");
  const std::string a3 = JsonlArticle(
      "https://wire.example.com/2013/07/13/arrive",
      "UN chemical weapons inspectors arrive in Syria", "2013-07-13T08:00:00Z",
      "United Nations chemical weapons inspectors led by Ake Sellstrom "
      "arrived in Syria on Saturday to investigate alleged sarin attacks "
      "near Aleppo.\\n\\nThe inspectors will take samples at the Aleppo site "
      "and at two other sites where chemical weapons were reportedly used."
      "\\n\\nThe Syrian government and the rebels accuse each other of the "
      "chemical attacks.");
  const std::string copy = JsonlArticle(
      "https://mirror.example.org/world/un-inspectors-syria",
      "UN chemical weapons inspectors to visit Syria", "2013-07-14T12:00:00Z",
      inspectors);
  WriteFile(dir_ / "run1.jsonl", a1 + a2 + other);
  WriteFile(dir_ / "run2.jsonl", a3 + copy);

  ASSERT_EQ(Wirewatch("ingest -q " + (dir_ / "run1.jsonl") + Db()).exit_code,
            0);
  CmdResult first = Wirewatch("stories --json" + Db());
  ASSERT_EQ(first.exit_code, 0);
  EXPECT_EQ(first.out.find("{\"id\":0,\"size\":2,\"first_date\":\"2013-07-10\","
                           "\"last_date\":\"2013-07-11\",\"label\":\""),
            0u)
      << first.out;
  EXPECT_NE(first.out.find("\"size\":1,"), std::string::npos) << first.out;

  ASSERT_EQ(Wirewatch("ingest -q " + (dir_ / "run2.jsonl") + Db()).exit_code,
            0);
  CmdResult second = Wirewatch("stories --json" + Db());
  // The same story (id 0) grew by the new article and the copy.
  EXPECT_EQ(second.out.find("{\"id\":0,\"size\":4,\"first_date\":\"2013-07-10\","
                            "\"last_date\":\"2013-07-14\",\"label\":\""),
            0u)
      << second.out;
  EXPECT_NE(second.out.find("\"first_title\":\"UN chemical weapons inspectors "
                            "to visit Syria\""),
            std::string::npos);
  CmdResult shown = Wirewatch("show 5" + Db());  // the copy
  EXPECT_NE(shown.out.find("\"story_id\": 0,\n  \"dup_original_seq\": 1,\n"
                           "  \"duplicate\": true"),
            std::string::npos)
      << shown.out;
  CmdResult original = Wirewatch("show 1" + Db());
  EXPECT_NE(original.out.find("\"dup_original_seq\": 1,\n  \"duplicate\": "
                              "false"),
            std::string::npos);
  CmdResult exported = Wirewatch("export" + Db());
  EXPECT_NE(exported.out.find("\"seq\":3,\"story_id\":1,\"dup_original_seq\":3"),
            std::string::npos)
      << exported.out;

  // Re-running adds nothing and changes no story.
  CmdResult again = Wirewatch("ingest " + (dir_ / "run1.jsonl") + " " +
                              (dir_ / "run2.jsonl") + Db());
  EXPECT_NE(again.out.find("nothing new"), std::string::npos) << again.out;
  EXPECT_EQ(Wirewatch("stories --json" + Db()).out, second.out);

  // One run over the same input stores the same stories.
  std::string one = " --db " + (dir_ / "one.db");
  ASSERT_EQ(Wirewatch("ingest -q " + (dir_ / "run1.jsonl") + " " +
                      (dir_ / "run2.jsonl") + one)
                .exit_code,
            0);
  EXPECT_EQ(Wirewatch("stories --json" + one).out, second.out);

  // An even earlier copy arriving later becomes the group's original.
  WriteFile(dir_ / "run3.jsonl",
            JsonlArticle("https://early.example.net/inspectors",
                         "UN chemical weapons inspectors to visit Syria",
                         "2013-07-09T18:00:00Z", inspectors));
  ASSERT_EQ(Wirewatch("ingest -q " + (dir_ / "run3.jsonl") + Db()).exit_code,
            0);
  EXPECT_NE(Wirewatch("show 1" + Db()).out.find("\"dup_original_seq\": 6,"),
            std::string::npos);
  EXPECT_NE(Wirewatch("show 5" + Db()).out.find("\"dup_original_seq\": 6,"),
            std::string::npos);
  CmdResult recent = Wirewatch("stories --recent -n 1" + Db());
  EXPECT_NE(recent.out.find("    0     5  2013-07-09  2013-07-14"),
            std::string::npos)
      << recent.out;
}

}  // namespace
TEST_F(CliTest, EvalExtractionScoresADataset) {
  CmdResult r = Wirewatch("eval extraction --threads 1 --diagnostics --dataset " +
                          std::string(WIREWATCH_TESTDATA) + "/eval/trafilatura");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("main text    P 1.000 R 0.667 F1 0.800"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("missed:   never found"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("title        0.500 (1/2)"), std::string::npos) << r.out;
  CmdResult sh = Wirewatch("eval extraction --dataset " + std::string(WIREWATCH_TESTDATA) +
                           "/eval/scrapinghub");
  EXPECT_EQ(sh.exit_code, 0) << sh.out;
  EXPECT_NE(sh.out.find("4-gram shingles"), std::string::npos) << sh.out;
  EXPECT_EQ(Wirewatch("eval extraction --dataset " + std::string(WIREWATCH_TESTDATA) + "/html")
                .exit_code,
            1);
}


TEST_F(CliTest, EvalClaimsScoresAGoldFile) {
  const std::string gold = std::string(WIREWATCH_TESTDATA) + "/claims/";
  CmdResult r = Wirewatch("eval claims --gold " + gold + "check.jsonl");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("items 40  gold claims 44"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("field accuracy on matched pairs:"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  hypothetical  "), std::string::npos) << r.out;
  // --diagnostics adds one line per miss, spurious claim or wrong field.
  CmdResult d = Wirewatch("eval claims --diagnostics --gold " + gold + "check.jsonl");
  EXPECT_EQ(d.exit_code, 0) << d.out;
  EXPECT_GT(d.out.size(), r.out.size());
  EXPECT_NE(d.out.find("FIELD check-"), std::string::npos) << d.out;
  // Not JSON Lines: an error, not a score.
  EXPECT_EQ(Wirewatch("eval claims --gold " + gold + "README.md").exit_code, 1);
}

}  // namespace wirewatch

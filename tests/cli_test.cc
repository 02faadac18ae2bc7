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

  CmdResult related = Wirewatch("related " + id + Db());
  EXPECT_EQ(related.exit_code, 0);
  EXPECT_EQ(
      related.out,
      R"([{"id":"1488864","sort":"3051263","contenttypeid":"21","pic":"/2013/06/28/alalam_635080377970923401_25f_4x3.jpg","title":"Russia: arming Syria rebels contradicts peace talks"},)"
      R"({"id":"1493303","sort":"3051264","contenttypeid":"21","pic":"/2013/07/09/alalam_635090085085580092_25f_4x3.jpg","title":"Syria militants used sarin in Aleppo: Russia"},)"
      R"({"id":"1493423","sort":"3051265","contenttypeid":"21","pic":"/2013/07/10/alalam_635090453099793511_25f_4x3.jpg","title":"Israel to negotiate Russia over Syria S-300 missiles"},)"
      R"({"id":"1493979","sort":"3051266","contenttypeid":"21","pic":"/2013/07/12/alalam_635092115388352859_25f_4x3.jpg","title":"Russia raps West's chemical propaganda on Syria"}])"
      "\n");
  CmdResult two = Wirewatch("related -k 2 " + id + Db());
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

TEST_F(CliTest, ExportWritesOneLinePerArticle) {
  ASSERT_EQ(Wirewatch("ingest -q " WIREWATCH_EXAMPLES + Db()).exit_code, 0);
  CmdResult exp = Wirewatch("export --format jsonl" + Db());
  ASSERT_EQ(exp.exit_code, 0);
  EXPECT_EQ(std::count(exp.out.begin(), exp.out.end(), '\n'), 8);
  EXPECT_NE(exp.out.find("\"publisher_related\":[{\"id\":\"1488864\""),
            std::string::npos);
  EXPECT_NE(exp.out.find("\"seq\":8"), std::string::npos);
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
  EXPECT_EQ(r.out.find("reader comment"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "w.db"));
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

}  // namespace wirewatch

#include "html/text_page.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"

namespace wirewatch::html {
namespace {

std::string ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

std::string SeedText() {
  return ReadBytes(std::filesystem::path(WIREWATCH_TESTDATA) / "seed" /
                   "000_ca9e77d4d40bc964.txt");
}

std::string ReplaceAll(std::string s, std::string_view from,
                       std::string_view to) {
  for (size_t p = s.find(from); p != std::string::npos;
       p = s.find(from, p + to.size())) {
    s.replace(p, from.size(), to);
  }
  return s;
}

bool HasDumpWarning(const Article& a) {
  for (const std::string& w : a.warnings) {
    if (w.find("debug dump") != std::string::npos) return true;
  }
  return false;
}

// The seed's nine paragraphs, typed from the page (en dashes U+2013, curly
// quotes U+201C/U+201D).
const std::vector<std::string> kSeedParagraphs = {
    "Russian and Syrian special services are exchanging data over reports "
    "that hundreds of foreign militants – including Russians and Americans – "
    "are fighting in Syria, a Russian foreign ministry official said in a "
    "recent interview.",
    "Deputy Foreign Minister Mikhail Bogdanov, a presidential envoy to the "
    "Middle East, told RIA Novosti earlier this week that Russians are among "
    "hundreds of militants fighting the Syrian government forces in the "
    "conflict, which has been going on for more than two years.",
    "He said that Russian and Syrian intelligence services are keeping in "
    "touch over the issue of foreign militants and “exchanging information” "
    "on the issue.",
    "“There are hundreds of mercenaries, militants from different states, "
    "including from European countries and the United States. Russians are "
    "formally there too, but [they] are fighting for the rebels of illegal "
    "militant groups linked to an underground terrorist resistance movement, "
    "and are affiliated with al-Qaida,” Bogdanov said in the interview.",
    "Last month, Russian President Vladimir Putin said that up to 600 "
    "militants from Russia and Europe are fighting together with Syrian "
    "militants against the government there.",
    "Federal Security Service (FSB) head Alexander Bortnikov said in May that "
    "about 200 Russian militants are playing an active role in fighting in "
    "Syria.",
    "A recent study by experts at the Washington Institute for Near East "
    "Policy together with Flashpoint Global Partners, a terrorism research "
    "group, analyzed the national origins of 280 foreign militants reported "
    "killed in Syria between July 2012 and May this year.",
    "According to the report, most foreign militants participating in the "
    "conflict have come from nearby countries as a result of the Arab Spring.",
    "The study found that at least 17 militants of Russian origin had been "
    "killed over that period, including 10 from the North Caucasus regions.",
};

const std::vector<RelatedItem> kSeedRelated = {
    {"1488864", "3051263", "21",
     "/2013/06/28/alalam_635080377970923401_25f_4x3.jpg",
     "Russia: arming Syria rebels contradicts peace talks"},
    {"1493303", "3051264", "21",
     "/2013/07/09/alalam_635090085085580092_25f_4x3.jpg",
     "Syria militants used sarin in Aleppo: Russia"},
    {"1493423", "3051265", "21",
     "/2013/07/10/alalam_635090453099793511_25f_4x3.jpg",
     "Israel to negotiate Russia over Syria S-300 missiles"},
    {"1493979", "3051266", "21",
     "/2013/07/12/alalam_635092115388352859_25f_4x3.jpg",
     "Russia raps West's chemical propaganda on Syria"},
};

void ExpectSeedArticle(const Article& a) {
  EXPECT_EQ(a.title, "Russia, Syria exchange data on foreign militants");
  EXPECT_EQ(a.published.value, "2013-07-12T16:48:58");
  EXPECT_TRUE(a.published.no_timezone);
  EXPECT_EQ(a.published.source, "dateline");
  EXPECT_EQ(a.paragraphs, kSeedParagraphs);
  EXPECT_EQ(a.publisher_related, kSeedRelated);
  for (const std::string& p : a.paragraphs) {
    EXPECT_EQ(p.find("string("), std::string::npos) << p;
    EXPECT_EQ(p.find("alalam_"), std::string::npos) << p;
  }
}

TEST(TextPageTest, SeedPage) {
  std::string text = SeedText();
  ASSERT_FALSE(text.empty()) << "seed page missing";
  Article a = ParseTextPage(text);
  ExpectSeedArticle(a);
  EXPECT_EQ(a.warnings,
            std::vector<std::string>{"debug dump removed: string(695)"});
  // The paragraphs are byte-identical to the page's own lines.
  for (const std::string& p : a.paragraphs) {
    EXPECT_NE(text.find("\n" + p + "\n"), std::string::npos) << p;
  }
}

TEST(TextPageTest, SeedPageWithWrongDeclaredLength) {
  // As if the page had been re-encoded: the byte count no longer matches.
  Article a =
      ParseTextPage(ReplaceAll(SeedText(), "string(695)", "string(701)"));
  ExpectSeedArticle(a);
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_TRUE(a.warnings[0].starts_with(
      "debug dump removed: string(701) (declared length does not match: 695"))
      << a.warnings[0];
}

TEST(TextPageTest, SeedPageDumpGluedToLastParagraph) {
  Article a = ParseTextPage(ReplaceAll(SeedText(), "regions.\n\n\nstring(695)",
                                       "regions. string(695)"));
  ExpectSeedArticle(a);
  EXPECT_EQ(a.warnings,
            std::vector<std::string>{"debug dump removed: string(695)"});
}

TEST(TextPageTest, SeedPageTruncatedDumpIsKept) {
  std::string text = SeedText();
  text.resize(text.find("\"title\":\"Syria militants"));
  Article a = ParseTextPage(text);
  EXPECT_TRUE(a.publisher_related.empty());
  ASSERT_EQ(a.paragraphs.size(), 10u);
  EXPECT_TRUE(a.paragraphs[9].starts_with("string(695) \"[{"));
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_TRUE(a.warnings[0].starts_with("debug dump kept: string(695)"));
}

TEST(TextPageTest, SeedPageCrlf) {
  Article a = ParseTextPage(ReplaceAll(SeedText(), "\n", "\r\n"));
  ExpectSeedArticle(a);
  EXPECT_EQ(a.warnings.size(), 1u);
}

TEST(TextPageTest, SeedPageBodyOnly) {
  TextPageOptions options;
  options.body_only = true;
  Article a = ParseTextPage(SeedText(), options);
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.published.value, "");
  ASSERT_EQ(a.paragraphs.size(), 12u);
  EXPECT_EQ(a.paragraphs[0],
            "Russia, Syria exchange data on foreign militants");
  EXPECT_EQ(a.paragraphs[1],
            "Russia, Syria exchange data on foreign militants");
  EXPECT_EQ(a.paragraphs[2], "Fri Jul 12, 2013 16:48:58");
  EXPECT_EQ(
      std::vector<std::string>(a.paragraphs.begin() + 3, a.paragraphs.end()),
      kSeedParagraphs);
  EXPECT_EQ(a.publisher_related.size(), 4u);  // dumps are still handled
}

struct DateCase {
  std::string_view line;
  bool ok;
  std::string_view value;
  bool no_timezone;
};

const DateCase kDates[] = {
    {"Fri Jul 12, 2013 16:48:58", true, "2013-07-12T16:48:58", true},
    {"Jul 12, 2013", true, "2013-07-12", true},
    {"12 July 2013", true, "2013-07-12", true},
    {"July 12, 2013 4:48 PM", true, "2013-07-12T16:48:00", true},
    {"2013-07-12T16:48:58Z", true, "2013-07-12T16:48:58Z", false},
    {"2013-07-12 16:48", true, "2013-07-12T16:48:00", true},
    {"Fri, 12 Jul 2013 16:48:58 +0400", true, "2013-07-12T16:48:58+04:00",
     false},
    {"2013-07-12T16:48:58.123+04:00", true, "2013-07-12T16:48:58+04:00", false},
    {"2013-07-12", true, "2013-07-12", true},
    {"2013/7/2", true, "2013-07-02", true},
    {"  Friday, July 12th, 2013 at 4:48 p.m. EDT ", true,
     "2013-07-12T16:48:00-04:00", false},
    {"12 Jul 2013 16:48 GMT", true, "2013-07-12T16:48:00Z", false},
    {"Jul. 12, 2013, 12:05 am", true, "2013-07-12T00:05:00", true},
    {"Sept 1 2013 09:00 (UTC)", true, "2013-09-01T09:00:00Z", false},
    {"Thu, 29 Feb 2024 23:59:60 -0330", true, "2024-02-29T23:59:60-03:30",
     false},
    {"12 July, 2013", true, "2013-07-12", true},
    // Not datelines.
    {"July 12, 2013 was a hot day in Moscow.", false, "", false},
    {"Russia, Syria exchange data on foreign militants", false, "", false},
    {"Fri Jul 12, 2013 16:48:58 and more", false, "", false},
    {"Jul 32, 2013", false, "", false},
    {"2013-02-29", false, "", false},
    {"2013-13-01", false, "", false},
    {"July 12, 2013 25:00", false, "", false},
    {"July 12, 2013 13:00 PM", false, "", false},
    {"12 July", false, "", false},
    {"2013", false, "", false},
    {"16:48:58", false, "", false},
    {"May this year", false, "", false},
    {"", false, "", false},
};

TEST(TextPageTest, DatelineTable) {
  for (const DateCase& c : kDates) {
    DateField d;
    bool ok = ParseDateLine(c.line, &d);
    EXPECT_EQ(ok, c.ok) << "'" << c.line << "'";
    if (!ok) continue;
    EXPECT_EQ(d.value, c.value) << c.line;
    EXPECT_EQ(d.no_timezone, c.no_timezone) << c.line;
  }
}

TEST(TextPageTest, TitleRepeatDropped) {
  Article a =
      ParseTextPage("Headline\n\nHeadline\nJul 12, 2013\n\nBody one.\n");
  EXPECT_EQ(a.title, "Headline");
  EXPECT_EQ(a.published.value, "2013-07-12");
  EXPECT_EQ(a.paragraphs, std::vector<std::string>{"Body one."});
  EXPECT_TRUE(a.warnings.empty());
}

TEST(TextPageTest, TitleWithoutRepeat) {
  Article a = ParseTextPage("Headline\n\nHeadline two\n\nBody one.\n");
  EXPECT_EQ(a.title, "Headline");
  EXPECT_EQ(a.published.value, "");
  EXPECT_EQ(a.paragraphs,
            (std::vector<std::string>{"Headline two", "Body one."}));
}

TEST(TextPageTest, DatelineAfterByline) {
  Article a = ParseTextPage("Headline\nBy Jane Doe\n12 July 2013\n\nBody.\n");
  EXPECT_EQ(a.published.value, "2013-07-12");
  EXPECT_EQ(a.paragraphs, (std::vector<std::string>{"By Jane Doe", "Body."}));
}

TEST(TextPageTest, BodySentenceIsNotADateline) {
  Article a = ParseTextPage(
      "Headline\n\nJuly 12, 2013 was a hot day in Moscow.\n\nMore.\n");
  EXPECT_EQ(a.published.value, "");
  EXPECT_EQ(a.paragraphs,
            (std::vector<std::string>{"July 12, 2013 was a hot day in Moscow.",
                                      "More."}));
}

TEST(TextPageTest, DatelineNotSearchedPastTheFirstLongLine) {
  std::string long_line(150, 'x');
  Article a = ParseTextPage("Headline\n" + long_line + "\nJul 12, 2013\n");
  EXPECT_EQ(a.published.value, "");
  EXPECT_EQ(a.paragraphs.size(), 2u);
}

TEST(TextPageTest, SingleLineIsTitleOnly) {
  Article a = ParseTextPage("  Only a headline \n");
  EXPECT_EQ(a.title, "Only a headline");
  EXPECT_TRUE(a.paragraphs.empty());
  EXPECT_TRUE(a.warnings.empty());
}

TEST(TextPageTest, EmptyText) {
  Article a = ParseTextPage(" \n\r\n");
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.warnings, std::vector<std::string>{"no text"});
}

TEST(TextPageTest, CrlfAndLoneCrAndUnicodeBlanks) {
  Article a = ParseTextPage(
      "\xEF\xBB\xBFHeadline\r\n\r\n\xC2\xA0 One "
      "\xE3\x80\x80\r\rTwo\rThree\r\n");
  EXPECT_EQ(a.title, "Headline");
  EXPECT_EQ(a.paragraphs, (std::vector<std::string>{"One", "Two", "Three"}));
}

TEST(TextPageTest, BbcStyleInline) {
  Article a = ParseTextPage(
      "Ad sales boost Time Warner profit\n\n"
      "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn "
      "(\xC2\xA3"
      "600m).\n\n"
      "- call centre operations are part of their business, \n"
      " - they are worried about the risk of going abroad. \n\n"
      "Last paragraph.\n");
  EXPECT_EQ(a.title, "Ad sales boost Time Warner profit");
  EXPECT_EQ(a.paragraphs,
            (std::vector<std::string>{
                "Quarterly profits at US media giant TimeWarner jumped 76% to "
                "$1.13bn (\xC2\xA3"
                "600m).",
                "- call centre operations are part of their business,",
                "- they are worried about the risk of going abroad.",
                "Last paragraph."}));
}

std::filesystem::path BbcRoot() {
  return std::filesystem::path(WIREWATCH_SHARED_DATA) / "corpora" / "bbc" /
         "bbc";
}

TEST(TextPageTest, BbcFile) {
  std::filesystem::path path = BbcRoot() / "business" / "001.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "BBC corpus absent";
  Article a = ParseTextPage(ReadBytes(path));
  EXPECT_EQ(a.title, "Ad sales boost Time Warner profit");
  EXPECT_EQ(a.published.value, "");
  ASSERT_EQ(a.paragraphs.size(), 5u);
  EXPECT_TRUE(
      a.paragraphs[0].starts_with("Quarterly profits at US media giant"));
  EXPECT_TRUE(
      a.paragraphs[4].ends_with("as a loss on the value of that stake."));
  EXPECT_TRUE(a.warnings.empty());
}

TEST(TextPageTest, BbcCorpusSmoke) {
  std::filesystem::path root = BbcRoot();
  if (!std::filesystem::exists(root)) GTEST_SKIP() << "BBC corpus absent";
  size_t files = 0, paragraphs = 0, sanitized = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt")
      continue;
    std::string bytes = ReadBytes(entry.path());
    if (!IsValidUtf8(bytes)) {  // sport/199.txt is Latin-1
      bytes = SanitizeUtf8(bytes);
      ++sanitized;
    }
    Article a = ParseTextPage(bytes);
    ++files;
    paragraphs += a.paragraphs.size();
    EXPECT_FALSE(a.title.empty()) << entry.path();
    EXPECT_GE(a.paragraphs.size(), 1u) << entry.path();
    EXPECT_FALSE(HasDumpWarning(a)) << entry.path() << ": " << a.warnings[0];
    EXPECT_TRUE(a.publisher_related.empty()) << entry.path();
  }
  EXPECT_EQ(files, 2225u);
  EXPECT_EQ(sanitized, 1u);
  RecordProperty("files", static_cast<int>(files));
  RecordProperty("paragraphs", static_cast<int>(paragraphs));
  std::printf("BBC smoke: %zu files, %zu paragraphs, %zu sanitized\n", files,
              paragraphs, sanitized);
}

}  // namespace
}  // namespace wirewatch::html

#include "html/extractor.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace wirewatch::html {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(WIREWATCH_TESTDATA) + "/html/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

RawDoc HtmlDoc(std::string text, std::string url = "") {
  RawDoc d;
  d.source = "test.html";
  d.url = std::move(url);
  d.format = DocFormat::kHtml;
  d.text = std::move(text);
  d.charset = "UTF-8";
  return d;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) {
    out += '[';
    out += s;
    out += ']';
  }
  return out;
}

bool HasWarning(const Article& a, std::string_view needle) {
  for (const auto& w : a.warnings) {
    if (w.find(needle) != std::string::npos) return true;
  }
  return false;
}

Result<Article> ExtractFixture(Extractor* ex, const std::string& name, std::string url = "") {
  return ex->Extract(HtmlDoc(ReadFixture(name), std::move(url)));
}

TEST(ExtractorFixtureTest, NewsPageWithJsonLdGraph) {
  Extractor ex;
  auto r = ExtractFixture(&ex, "news_jsonld.html", "https://news.example.com/world/x?utm=1");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Article& a = *r;
  EXPECT_EQ(a.format, "html");
  EXPECT_EQ(a.source, "test.html");
  EXPECT_EQ(a.charset, "UTF-8");
  EXPECT_EQ(a.title, "Russia and US to share data on foreign fighters");
  EXPECT_EQ(a.site, "Example News");
  EXPECT_EQ(a.lang, "en");
  EXPECT_EQ(a.canonical_url, "https://news.example.com/world/2013/07/12/russia-us-fighters");
  EXPECT_EQ(a.image, "https://news.example.com/img/lead.jpg");
  EXPECT_EQ(a.description, "Moscow says it will exchange information with Washington.");
  EXPECT_EQ(a.published.value, "2013-07-12T16:48:58+04:00");
  EXPECT_EQ(a.published.source, "jsonld");
  EXPECT_FALSE(a.published.no_timezone);
  EXPECT_EQ(a.modified.value, "2013-07-13T09:00:00+04:00");
  EXPECT_EQ(a.modified.source, "jsonld");
  EXPECT_EQ(Join(a.authors), "[Jane Doe][John Roe]");
  EXPECT_EQ(Join(a.paragraphs),
            "[Russia and the United States have agreed to exchange data on foreign militants "
            "fighting in Syria, Deputy Foreign Minister Mikhail Bogdanov said, according to RIA "
            "Novosti.][Hundreds of foreign militants, including Russians and Americans, are "
            "fighting in Syria, he said earlier this week. More on Syria is available.][President "
            "Vladimir Putin said last month that up to 600 militants from Russia and Europe were "
            "fighting there.]");
  ASSERT_EQ(a.links.size(), 1u);
  EXPECT_EQ(a.links[0].href, "https://news.example.com/world/syria");
  EXPECT_EQ(a.links[0].text, "More on Syria");
}

TEST(ExtractorFixtureTest, DatesInDifferentPlacesAndCopyrightYear) {
  Extractor ex;
  auto r = ExtractFixture(&ex, "dates_split.html");
  ASSERT_TRUE(r.ok());
  const Article& a = *r;
  EXPECT_EQ(a.title, "City council approves new budget");
  EXPECT_EQ(a.site, "Springfield Gazette");
  EXPECT_EQ(a.published.value, "2019-03-04T10:00:00+01:00");
  EXPECT_EQ(a.published.source, "time");
  EXPECT_EQ(a.modified.value, "2019-03-05T08:15:00Z");
  EXPECT_EQ(a.modified.source, "meta");
  // meta author is a URL: the byline is used instead, without the site name.
  EXPECT_EQ(Join(a.authors), "[Ann Lee]");
  EXPECT_EQ(a.paragraphs.size(), 3u);
  for (const auto& p : a.paragraphs) EXPECT_EQ(p.find("2031"), std::string::npos) << p;
  EXPECT_EQ(a.image, "");
}

// A headline <h1> beside a logo <h1>, a visible dateline, a photo credit, a
// "read also" cue with its link list, a comment section and a cookie banner:
// only the article's own blocks remain, headings included.
TEST(ExtractorFixtureTest, CommentsRelatedAndDateline) {
  Extractor ex;
  auto r = ExtractFixture(&ex, "comments_related.html", "https://journal.example.fr/region/marche");
  ASSERT_TRUE(r.ok());
  const Article& a = *r;
  EXPECT_EQ(a.title, "Le marché couvert rouvre ses portes");
  EXPECT_EQ(a.site, "Journal du Val");
  EXPECT_EQ(a.lang, "fr");
  EXPECT_EQ(a.published.value, "2021-03-03T14:05:00");
  EXPECT_TRUE(a.published.source == "text" || a.published.source == "dateline")
      << a.published.source;
  EXPECT_EQ(Join(a.paragraphs),
            "[Après deux ans de travaux, le marché couvert de la ville a rouvert samedi matin, en "
            "présence de nombreux habitants venus découvrir les nouveaux étals.][La rénovation, "
            "qui a coûté près de quatre millions d'euros, a permis de refaire la toiture, "
            "d'isoler les murs et d'installer un chauffage moins gourmand en énergie.][Des "
            "commerçants satisfaits][Les vingt-deux commerçants, installés provisoirement sur la "
            "place voisine pendant le chantier, se disent soulagés de retrouver un toit, et "
            "espèrent attirer une clientèle plus jeune.]");
}

TEST(ExtractorFixtureTest, CopyrightYearIsNotADate) {
  Extractor ex;
  auto r = ex.Extract(HtmlDoc(
      "<html><head><title>Quiet week</title></head><body><p>Nothing much happened this week in "
      "the village, and the weather stayed mild.</p><div class=footer>&copy; 2019 Village "
      "Post</div></body></html>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->published.value, "");
  EXPECT_TRUE(HasWarning(*r, "no publication date"));
}

TEST(ExtractorFixtureTest, BoilerplateIsDropped) {
  Extractor ex;
  auto r = ExtractFixture(&ex, "boilerplate.html", "https://riverside.example.net/local/bridge");
  ASSERT_TRUE(r.ok());
  const Article& a = *r;
  EXPECT_EQ(a.title, "Bridge reopens after repairs");
  EXPECT_EQ(a.site, "riverside.example.net");
  EXPECT_EQ(Join(a.paragraphs),
            "[The old river bridge reopened to traffic on Friday after eight months of repairs, "
            "the county said in a statement.][Engineers replaced the steel supports and "
            "resurfaced the deck, work that cost the county about three million dollars.][Drivers "
            "had used a detour of about twenty kilometres while the bridge was closed, adding up "
            "to half an hour to their trips.]");
  std::string text = a.Text();
  for (const char* bad : {"Home", "cookies", "Share on", "Related", "Most read", "comments",
                          "commute", "Subscribe", "Contact"}) {
    EXPECT_EQ(text.find(bad), std::string::npos) << bad;
  }
  EXPECT_TRUE(a.links.empty());
}

TEST(ExtractorFixtureTest, GermanPage) {
  Extractor ex;
  auto r = ExtractFixture(&ex, "german.html", "https://www.stadtanzeiger.example.de/2013/radwege");
  ASSERT_TRUE(r.ok());
  const Article& a = *r;
  EXPECT_EQ(a.lang, "de");
  EXPECT_EQ(a.title, "Neue Radwege für die Innenstadt");
  EXPECT_EQ(a.site, "stadtanzeiger.example.de");
  EXPECT_EQ(a.description, "Die Stadt baut bis 2015 neue Radwege.");
  EXPECT_EQ(a.published.value, "2013-07-12T16:48:00");
  EXPECT_EQ(a.published.source, "text");
  EXPECT_TRUE(a.published.no_timezone);
  EXPECT_EQ(Join(a.authors), "[Anna Schmidt][Peter Müller]");
  EXPECT_EQ(Join(a.paragraphs),
            "[Die Stadt Musterstadt will bis zum Jahr 2015 insgesamt zwölf Kilometer neue "
            "Radwege bauen, wie der Bürgermeister am Freitag mitteilte.][Die Kosten von rund "
            "vier Millionen Euro teilen sich Land und Kommune. Die ersten Arbeiten beginnen im "
            "Herbst an der Hauptstraße.][Der Fahrradclub begrüßte die Pläne, forderte aber auch "
            "mehr Abstellplätze am Bahnhof.]");
}

TEST(ExtractorFixtureTest, BrokenMarkup) {
  Extractor ex;
  auto r = ExtractFixture(&ex, "broken.html");
  ASSERT_TRUE(r.ok());
  const Article& a = *r;
  EXPECT_EQ(a.title, "Storm damages harbour");
  // No markup declares a language; the text is plainly English.
  EXPECT_EQ(a.lang, "en");
  EXPECT_EQ(a.lang_source, "detected");
  EXPECT_EQ(Join(a.paragraphs),
            "[A storm with winds of up to 120 kilometres an hour damaged boats and piers in the "
            "harbour overnight, the coast guard said.][Several fishing boats sank at their "
            "moorings and a crane toppled onto the quay, but nobody was hurt.][Repairs are "
            "expected to take several weeks, the harbour master said on Tuesday morning.][Boats "
            "damaged: 14][Piers closed: 2][Wind peak 120 km/h][Rain 45 mm][Officials asked "
            "residents to stay away from the waterfront until the damaged piers are inspected.]");
}

TEST(ExtractorTest, EmptyDocumentFails) {
  Extractor ex;
  auto r = ex.Extract(HtmlDoc(""));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  auto junk = ex.Extract(HtmlDoc("<script>var x = 1;</script><style>p{}</style>"));
  EXPECT_FALSE(junk.ok());
}

// With no date in metadata, headline or main text: a publication key in a
// JSON-LD script's raw text, else the first date anywhere in the visible text.
TEST(ExtractorTest, LastResortDates) {
  const std::string body =
      "<p>A paragraph of main text that is long enough to be kept, with no date in it at all.</p>";
  Extractor ex;
  auto r = ex.Extract(HtmlDoc("<html><body><script type=\"application/ld+json\">{\"@type\":\"Review\","
                              "\"publishedDate\":\"2019-03-02T06:22:28Z\"}</script>" + body + "</body></html>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->published.value.substr(0, 10), "2019-03-02");
  EXPECT_EQ(r->published.source, "page");
  r = ex.Extract(HtmlDoc("<html><body>" + body +
                         "<footer><span>Stand 26.01.2022</span></footer></body></html>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->published.value.substr(0, 10), "2022-01-26");
  // A two-digit year, day first, only here; a dotted version is not a date.
  r = ex.Extract(HtmlDoc("<html><body>" + body +
                         "<footer><span>v1.12.19.4</span><span>anna 23.09.22 12:44</span></footer>"
                         "</body></html>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->published.value.substr(0, 10), "2022-09-23");
  // A JSON page-state script, with spaces around the ':'; a code script
  // with the same key is not data.
  r = ex.Extract(HtmlDoc("<html><body><script>var x = {\"publishedAt\": \"2017-01-01\"};</script>"
                         "<script type=\"application/json\">{\"publishedAt\" : "
                         "\"2021-03-04T10:00:00Z\"}</script>" +
                         body + "</body></html>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->published.value.substr(0, 10), "2021-03-04");
  EXPECT_EQ(r->published.source, "page");
}

// A visible dateline under the headline beats a JSON-LD date naming another
// day; a <time> date is visible itself and is kept.
TEST(ExtractorTest, VisibleDatelineBeatsMetadataDate) {
  const std::string body =
      "<p>A paragraph of main text that is long enough to be kept, with no date in it at all.</p>";
  const std::string ld =
      R"(<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-02-19T14:20:25Z"}</script>)";
  Extractor ex;
  auto r = ex.Extract(HtmlDoc("<html><head>" + ld + "</head><body><h1>A headline of words</h1>"
                              "<div>19. Februar 2019</div>" + body + "</body></html>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->published.value.substr(0, 10), "2019-02-19");
  EXPECT_EQ(r->published.source, "dateline");
  r = ex.Extract(HtmlDoc("<html><body><h1>A headline of words</h1><time datetime=\"2020-02-19\">"
                         "19. Februar 2020</time><div>Update 3. März 2020</div>" + body +
                         "</body></html>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->published.value.substr(0, 10), "2020-02-19");
  EXPECT_EQ(r->published.source, "time");
  // A date in the middle of the first paragraph is an event, not a dateline.
  r = ex.Extract(HtmlDoc("<html><head>" + ld + "</head><body><h1>A headline of words</h1>"
                         "<p>Die württembergischen Handballclubs dürfen sich wieder auf mehr "
                         "Zuschauer freuen. Laut der am 28.01.2020 in Kraft getretenen Verordnung "
                         "sind bis zu 1500 Fans zugelassen.</p>" +
                         body + "</body></html>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->published.value.substr(0, 10), "2020-02-19");
  EXPECT_EQ(r->published.source, "jsonld");
  // "03/05/2022" on a Portuguese page is 3 May.
  r = ex.Extract(HtmlDoc(
      "<html lang=pt><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"datePublished\":\"2022-05-04T00:44:52Z\"}</script></head><body><h1>Pacheco diz que "
      "vai decidir</h1><div>03/05/2022 21:44</div><p>O presidente do Senado disse nesta "
      "terça-feira que vai decidir sobre a candidatura nos próximos dias, segundo "
      "aliados.</p></body></html>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->published.value.substr(0, 10), "2022-05-03");
}

// A short heading that opens the comments or an author box ends the article
// text, in any language of the cue table; the same words inside prose do not.
TEST(ExtractorTest, EndCueStopsMainText) {
  const std::string para =
      "<p>A paragraph of main text that is long enough to be kept, with commas, words, more.</p>";
  for (const char* cue : {"12 Kommentare", "Leave a Reply", "Comments (3)", "Über den Autor"}) {
    Extractor ex;
    auto r = ex.Extract(HtmlDoc("<html><body><div>" + para + para + "<h3>" + cue + "</h3>"
                                "<p>Great post, thanks a lot for writing this, really.</p></div></body></html>"));
    ASSERT_TRUE(r.ok());
    for (const auto& p : r->paragraphs) EXPECT_EQ(p.find("Great post"), std::string::npos) << cue;
  }
  Extractor ex;
  auto r = ex.Extract(HtmlDoc("<html><body><div>" + para +
                              "<p>Comments from readers were positive, said the editor today.</p>"
                              "</div></body></html>"));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->paragraphs.size(), 2u);
}

// "Read also" cues in more languages drop themselves and the links after them.
TEST(ExtractorTest, RelatedCuesInMoreLanguages) {
  const std::string para =
      "<p>A paragraph of main text that is long enough to be kept, with commas, words, more.</p>";
  for (const char* cue : {"Le puede interesar:", "Most read", "Mehr dazu:", "Lire également",
                          "Auch lesen:", "Vea también:", "Lea:", "Dowiedz się więcej:"}) {
    Extractor ex;
    auto r = ex.Extract(HtmlDoc("<html><body><div>" + para + "<p>" + cue +
                                " <a href=\"/x\">Another story somewhere else</a></p>" + para +
                                "</div></body></html>"));
    ASSERT_TRUE(r.ok());
    for (const auto& p : r->paragraphs) {
      EXPECT_EQ(p.find("Another story"), std::string::npos) << cue;
    }
  }
}

// A UTC value at 23:00:00 on a German page is local midnight of the next day;
// a real UTC timestamp, or an English page, keeps its value.
TEST(ExtractorTest, UtcMidnightStampOnCentralEuropeanPage) {
  const std::string body =
      "<p>Ein Absatz mit genug Text, damit er als Haupttext gilt, ohne ein Datum darin.</p>";
  struct Case {
    const char* lang;
    const char* meta;
    const char* want;
  } cases[] = {
      {"de", "2021-11-04T23:00:00Z", "2021-11-05T00:00:00+01:00"},
      {"de", "2021-06-04T22:00:00Z", "2021-06-05T00:00:00+02:00"},
      {"de", "2021-11-04T23:07:45Z", "2021-11-04T23:07:45Z"},
      {"en", "2021-11-04T23:00:00Z", "2021-11-04T23:00:00Z"},
  };
  Extractor ex;
  for (const auto& c : cases) {
    auto r = ex.Extract(HtmlDoc(std::string("<html lang=\"") + c.lang +
                                "\"><head><meta property=\"article:published_time\" content=\"" +
                                c.meta + "\"></head><body>" + body + "</body></html>"));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->published.value, c.want) << c.lang << " " << c.meta;
  }
}

// Short unpunctuated lines ending the content are dropped (at most three);
// a short final sentence and a short text are kept.
TEST(ExtractorTest, TrailingChromeLinesDropped) {
  std::string paras;
  for (int k = 0; k < 4; ++k) {
    paras += "<p>Paragraph " + std::to_string(k) +
             " of main text that is long enough to be kept, with commas, words, more.</p>";
  }
  Extractor ex;
  auto r = ex.Extract(HtmlDoc("<html><body><div>" + paras +
                              "<p>Anna Muster</p><p>Redakteurin Politik</p></div></body></html>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->paragraphs.size(), 4u);
  r = ex.Extract(HtmlDoc("<html><body><div>" + paras +
                         "<p>That was all.</p></div></body></html>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->paragraphs.size(), 5u);
}

// A lead paragraph beside the <article> that holds the rest of the text
// joins it.
TEST(ExtractorTest, LeadParagraphBesideArticleJoins) {
  std::string paras;
  for (int k = 0; k < 6; ++k) {
    paras += "<p>Paragraph " + std::to_string(k) +
             " of the body, long enough to count, with commas, clauses, and more words here.</p>";
  }
  Extractor ex;
  auto r = ex.Extract(HtmlDoc(
      "<html><body><nav><a href=\"/\">Home</a></nav><div><p>The lead, which sums the story up in "
      "one sentence, sits outside the article element, as many templates do.</p><article>" +
      paras + "</article></div></body></html>"));
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->paragraphs.empty());
  EXPECT_EQ(r->paragraphs.front().substr(0, 8), "The lead");
}

std::string Nested(const std::string& open, const std::string& close, int n) {
  std::string s = "<html><head><title>Deep</title></head><body>";
  for (int i = 0; i < n; ++i) s += open;
  s += "deep text survives";
  for (int i = 0; i < n; ++i) s += close;
  return s + "<p>A normal paragraph after the deep nesting, long enough to be main text.</p></body></html>";
}

void ExpectDeepPageHandled(const std::string& html) {
  Extractor ex;
  auto r = ex.Extract(HtmlDoc(html));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(HasWarning(*r, "nesting deeper than 256 flattened"));
  EXPECT_NE(r->Text().find("deep text survives"), std::string::npos) << r->Text().substr(0, 200);
  EXPECT_NE(r->Text().find("A normal paragraph after the deep nesting"), std::string::npos);
}

TEST(ExtractorTest, DeepNestingDivs) { ExpectDeepPageHandled(Nested("<div>", "</div>", 100000)); }
TEST(ExtractorTest, DeepNestingUnclosedDivs) { ExpectDeepPageHandled(Nested("<div>", "", 100000)); }
TEST(ExtractorTest, DeepNestingTables) {
  ExpectDeepPageHandled(Nested("<table><tr><td>", "</td></tr></table>", 100000));
}
TEST(ExtractorTest, DeepNestingTablesWithWhitespace) {
  ExpectDeepPageHandled(Nested("<table>\n <tr>\n  <td>\n", "</td>\n</tr>\n</table>\n", 100000));
}
TEST(ExtractorTest, BigFlatTableWithWhitespace) {
  std::string html = "<html><body><table>\n";
  for (int i = 0; i < 100000; ++i)
    html += " <tr>\n  <td>cell" + std::to_string(i) + "</td>\n </tr>\n";
  html +=
      "</table><p>A normal paragraph after the table, long enough to be main "
      "text.</p></body></html>";
  Extractor ex;
  auto r = ex.Extract(HtmlDoc(html));
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(HasWarning(*r, "nesting deeper"));
}

// myhtml copies a text node on every append: text split into many tokens
// that land in one node was quadratic (~28 s for this 900 kB page). The
// pre-scan drops the end tags that close nothing (depth_limiter.h).
TEST(ExtractorTest, TextSplitByStrayEndTags) {
  std::string html = "<html><body><p>";
  for (int i = 0; i < 100000; ++i) html += "word </x>";
  Extractor ex;
  auto r = ex.Extract(HtmlDoc(html));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->paragraphs.size(), 1u);
  EXPECT_EQ(r->paragraphs[0].size(), 100000u * 5 - 1);
  EXPECT_EQ(r->paragraphs[0].substr(0, 15), "word word word ");
}

// The same with start tags the tree builder ignores in body (<tr> outside a
// table) and with text foster-parented out of a table: the text-merge cap.
TEST(ExtractorTest, TextSplitByIgnoredStartTags) {
  for (const char* pre : {"<html><body><p>", "<html><body><table>"}) {
    std::string html = pre;
    for (int i = 0; i < 100000; ++i) html += "word <tr>";
    Extractor ex;
    auto r = ex.Extract(HtmlDoc(html));
    ASSERT_TRUE(r.ok()) << pre;
    size_t words = 0;
    std::string text = r->Text();
    for (size_t p = text.find("word"); p != std::string::npos;
         p = text.find("word", p + 4)) {
      ++words;
    }
    EXPECT_EQ(words, 100000u) << pre;
  }
}
TEST(ExtractorTest, DeepNestingFormatting) { ExpectDeepPageHandled(Nested("<b>", "</b>", 100000)); }

TEST(ExtractorTest, DepthLimitOptionFlattens) {
  ExtractOptions opt;
  opt.max_depth = 8;
  Extractor ex(opt);
  auto r = ex.Extract(HtmlDoc(Nested("<div>", "</div>", 20)));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(HasWarning(*r, "nesting deeper than 8 flattened"));
  EXPECT_NE(r->Text().find("deep text survives"), std::string::npos);
}

TEST(ExtractorTest, NodeLimitWarns) {
  ExtractOptions opt;
  opt.max_nodes = 50;
  Extractor ex(opt);
  std::string html = "<html><body>";
  for (int i = 0; i < 100; ++i) html += "<p>Paragraph number " + std::to_string(i) + " of a long page.</p>";
  auto r = ex.Extract(HtmlDoc(html + "</body></html>"));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(HasWarning(*r, "page cut off at 50 DOM nodes"));
  EXPECT_LT(r->paragraphs.size(), 50u);
}

TEST(ExtractorTest, HugeInlineScript) {
  std::string html = "<html><head><title>Script heavy</title><script>";
  while (html.size() < (5u << 20)) html += "var s = '<p>fake paragraph</p>'; if (a < b) { x(); }\n";
  html += "</script></head><body><p>The only real paragraph of this page, with enough text to count.</p></body></html>";
  Extractor ex;
  auto r = ex.Extract(HtmlDoc(html));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->title, "Script heavy");
  EXPECT_EQ(Join(r->paragraphs), "[The only real paragraph of this page, with enough text to count.]");
}

TEST(ExtractorTest, ReusedAcrossPages) {
  Extractor ex;
  for (int round = 0; round < 3; ++round) {
    auto a = ExtractFixture(&ex, "german.html");
    auto b = ExtractFixture(&ex, "boilerplate.html");
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->lang, "de");
    // Nothing of the German page leaks: b declares no language and its
    // text is English.
    EXPECT_EQ(b->lang, "en");
    EXPECT_EQ(b->lang_source, "detected");
    EXPECT_EQ(b->paragraphs.size(), 3u);
  }
}

TEST(ExtractorTest, TextFormats) {
  Extractor ex;
  RawDoc d;
  d.source = "dump.jsonl:3";
  d.format = DocFormat::kText;
  d.text = "First paragraph of the body.\n\nSecond paragraph.";
  d.title_hint = "  A  title ";
  d.published_hint = "2013-07-12 16:48:58";
  d.charset = "UTF-8";
  d.fetch_time = 1400000000;
  d.url = "https://www.wire.example.com/2013/07/12/story";
  auto r = ex.Extract(d);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->format, "text");
  EXPECT_EQ(r->site, "wire.example.com");  // from the URL's host
  EXPECT_EQ(r->source, "dump.jsonl:3");
  EXPECT_EQ(r->title, "A title");
  EXPECT_EQ(r->published.value, "2013-07-12T16:48:58");
  EXPECT_EQ(r->published.source, "json");
  EXPECT_TRUE(r->published.no_timezone);
  EXPECT_EQ(r->paragraphs.size(), 2u);
  EXPECT_EQ(r->fetch_time, 1400000000);

  d.published_hint = "2031-01-01";  // after fetch_time + 1 day
  auto future = ex.Extract(d);
  ASSERT_TRUE(future.ok());
  EXPECT_EQ(future->published.value, "");

  RawDoc s;
  s.source = "seed.txt";
  s.format = DocFormat::kScrapedText;
  s.text = "Headline here\n\nHeadline here\n\nBody paragraph one.\n";
  auto sr = ex.Extract(s);
  ASSERT_TRUE(sr.ok());
  EXPECT_EQ(sr->format, "scraped_text");
  EXPECT_EQ(sr->title, "Headline here");
  EXPECT_FALSE(sr->paragraphs.empty());
}

}  // namespace
}  // namespace wirewatch::html

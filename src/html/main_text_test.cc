// Fixture tests for the structural rules of MainTextExtractor, each with the
// exact paragraphs expected (see the algorithm notes in main_text.h).
#include "html/main_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "html/extractor.h"

namespace wirewatch::html {
namespace {

RawDoc HtmlDoc(std::string text) {
  RawDoc d;
  d.source = "test.html";
  d.format = DocFormat::kHtml;
  d.text = std::move(text);
  d.charset = "UTF-8";
  return d;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += "[" + s + "]";
  return out;
}

std::string BodyOf(const std::string& body) {
  Extractor ex;
  auto r = ex.Extract(HtmlDoc("<html><head><title>T</title></head><body>" + body +
                              "</body></html>"));
  EXPECT_TRUE(r.ok());
  return r.ok() ? Join(r->paragraphs) : std::string();
}

// Paragraph k of a made-up article: prose-length, with commas.
std::string Para(int k) {
  return "Paragraph " + std::to_string(k) +
         " of the article, long enough to count as prose, with commas, clauses and words.";
}

std::string Paras(int from, int to) {
  std::string s;
  for (int k = from; k < to; ++k) s += "<p>" + Para(k) + "</p>";
  return s;
}

std::string Expected(int from, int to) {
  std::string s;
  for (int k = from; k < to; ++k) s += "[" + Para(k) + "]";
  return s;
}

// WordPress prints the post's tags as classes on the post element
// ("tag-politics"), Drupal its state ("node-promoted"): neither makes the
// article boilerplate.
TEST(MainTextTest, TaxonomyClassesDoNotMarkBoilerplate) {
  // The post holds under 60 % of the page's text: a negative class would
  // drop it, and the shorter block elsewhere would win.
  EXPECT_EQ(BodyOf("<div id=\"page\"><div class=\"post hentry tag-politics category-news\">" +
                   Paras(0, 9) + "</div></div><div id=\"more\"><div>" + Paras(50, 56) +
                   "</div></div>"),
            Expected(0, 9));
  EXPECT_EQ(BodyOf("<div id=\"page\"><article class=\"node node-article node-promoted\">" +
                   Paras(0, 9) + "</article></div><div id=\"more\"><div>" + Paras(50, 56) +
                   "</div></div>"),
            Expected(0, 9));
  // A BEM modifier names a variant of its block, not boilerplate.
  EXPECT_EQ(BodyOf("<div id=\"page\"><section class=\"article report__section "
                   "report__section--ads\">" +
                   Paras(0, 9) + "</section></div><div id=\"more\"><div>" + Paras(50, 56) +
                   "</div></div>"),
            Expected(0, 9));
  // ... unless the modifier names other articles or the comments.
  EXPECT_EQ(BodyOf("<div class=\"content\">" + Paras(0, 6) + "<div class=\"paragraph "
                   "paragraph--type--related-articles\"><p>" + Para(20) + "</p></div>" +
                   Paras(6, 8) + "</div>"),
            Expected(0, 8));
  // A real tag list is still boilerplate.
  EXPECT_EQ(BodyOf("<div class=\"post\">" + Paras(0, 4) +
                   "<div class=\"tags\">Politics, Elections, Parliament, Government, Budget, "
                   "Taxes</div></div>"),
            Expected(0, 4));
}

// When class/id words drop nearly everything (a live ticker whose entries
// are each called "comment"), the page is extracted again without them.
TEST(MainTextTest, RetryWithoutClassBoilerplateWhenTextIsTiny) {
  std::string ticker;
  for (int k = 0; k < 5; ++k) {
    ticker += "<div class=\"live-comment\"><p>" + Para(k) + "</p></div>";
  }
  EXPECT_EQ(BodyOf("<main><div class=\"ticker\">" + ticker + "</div></main>"), Expected(0, 5));
  // A page with enough text is not extracted again: the comments stay out.
  EXPECT_EQ(BodyOf("<div class=\"content\">" + Paras(0, 8) + "</div><div class=\"comments\">" +
                   Paras(20, 23) + "</div>"),
            Expected(0, 8));
}

// The standfirst between the headline and the body is text, also when the
// template puts it in a <header> or calls it a "teaser"; bylines, dates,
// share bars and short kickers there are not.
TEST(MainTextTest, StandfirstBetweenHeadlineAndBody) {
  const std::string lead =
      "The lead sums the story up in one sentence and sits in the article header.";
  const std::string body = "<div class=\"article-body\">" + Paras(0, 6) + "</div>";
  EXPECT_EQ(BodyOf("<nav><a href=\"/\">Home</a></nav><article><header><h1>Headline</h1>"
                   "<p class=\"byline\">By Anna Muster, Staff writer at the Example Times</p>"
                   "<div class=\"share\">Share this article on Facebook, Twitter, LinkedIn "
                   "or by email with friends</div><p>Kicker line</p><div class=\"teaser\">" +
                   lead + "</div></header>" + body + "</article>"),
            "[" + lead + "]" + Expected(0, 6));
  // A summary in bullets is a standfirst too; a list of links is not.
  const std::string item1 = "The council approved the new budget after a long debate.";
  const std::string item2 = "Taxes on land will rise by two percent from next year.";
  EXPECT_EQ(BodyOf("<article><header><h1>Headline</h1><ul><li><a href=\"/\">Home</a></li>"
                   "<li><a href=\"/news\">News</a></li></ul><div class=\"summary\"><ul><li>" +
                   item1 + "</li><li>" + item2 + "</li></ul></div></header>" + body +
                   "</article>"),
            "[" + item1 + "][" + item2 + "]" + Expected(0, 6));
  // Without a headline before the body there is no standfirst to find.
  EXPECT_EQ(BodyOf("<article><header><div class=\"teaser\">" + lead + "</div></header>" +
                   body + "</article>"),
            Expected(0, 6));
}

// Calls to action are dropped: short ones anywhere, longer ones among the
// last three paragraphs. The same words in a long paragraph inside the
// text, or in a long closing paragraph, stay.
TEST(MainTextTest, CallsToActionDropped) {
  const std::string mid =
      "The council said it would subscribe to the new regional transport plan, which the "
      "neighbouring towns drew up last year after two years of public hearings and studies.";
  const std::string topic = "Ministers now talk to each other on Telegram and WhatsApp.";
  const std::string long_end =
      "In the end the newsletter that the council sends to residents every month will carry the "
      "results of the consultation, the dates of the next public hearings, the names of the "
      "members of the working group and a summary of the objections that were raised by the "
      "neighbouring towns, which had asked for more time to study the proposal in detail.";
  EXPECT_EQ(BodyOf("<div class=\"content\">" + Paras(0, 2) + "<p>" + mid + "</p>" +
                   "<p>Sign up for our free newsletter!</p>" + Paras(2, 5) +
                   "<p>Subscribe now to our e-paper edition for the full story, with all the "
                   "pictures, the tables and the interviews that did not fit here.</p>"
                   "<p>Follow us on Twitter and Instagram for the latest news.</p></div>"),
            Expected(0, 2) + "[" + mid + "]" + Expected(2, 5));
  // Words that news is about are calls to action only at the end.
  EXPECT_EQ(BodyOf("<div class=\"content\">" + Paras(0, 2) + "<p>" + topic + "</p>" +
                   Paras(2, 5) + "</div>"),
            Expected(0, 2) + "[" + topic + "]" + Expected(2, 5));
  EXPECT_EQ(BodyOf("<div class=\"content\">" + Paras(0, 5) + "<p>" + long_end + "</p></div>"),
            Expected(0, 5) + "[" + long_end + "]");
}

// Headings that open a list of other articles end the text ("Schon
// gelesen?", "Notas relacionadas", "Neueste Artikel").
TEST(MainTextTest, MoreEndCues) {
  for (const char* cue : {"Schon gelesen?", "NOTAS RELACIONADAS", "Neueste Artikel"}) {
    EXPECT_EQ(BodyOf("<div class=\"content\">" + Paras(0, 5) + "<h3>" + cue + "</h3>" +
                     Paras(30, 32) + "</div>"),
              Expected(0, 5))
        << cue;
  }
}

// A heading that is one link is the title of another article (a teaser);
// a plain heading is a section of this one.
TEST(MainTextTest, LinkedHeadingIsATeaserTitle) {
  EXPECT_EQ(BodyOf("<div class=\"content\">" + Paras(0, 3) + "<h2>How it began</h2>" +
                   Paras(3, 6) + "<h2><a href=\"/other-story\">Another story from the same "
                   "town, about the new bridge over the river and its costs</a></h2></div>"),
            Expected(0, 3) + "[How it began]" + Expected(3, 6));
}

// When the DOM text shares nothing with a long JSON-LD articleBody, the
// container is the wrong one and the articleBody is the text; when they
// agree, the DOM text stays.
TEST(MainTextTest, JsonLdArticleBodyCrossCheck) {
  std::string body_text;
  for (int k = 0; k < 16; ++k) {
    body_text += "Sentence " + std::to_string(k) +
                 " of the real story, which this page carries only in its structured data. ";
  }
  const std::string json = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                           "\"headline\":\"H\",\"articleBody\":\"" + body_text + "\"}</script>";
  Extractor ex;
  auto r = ex.Extract(HtmlDoc("<html><head>" + json + "</head><body><div class=\"content\">" +
                              Paras(0, 10) + "</div></body></html>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Join(r->paragraphs), "[" + body_text.substr(0, body_text.size() - 1) + "]");
  body_text.clear();
  for (int k = 0; k < 10; ++k) body_text += Para(k) + " ";
  const std::string same = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                           "\"headline\":\"H\",\"articleBody\":\"" + body_text + "\"}</script>";
  r = ex.Extract(HtmlDoc("<html><head>" + same + "</head><body><div class=\"content\">" +
                         Paras(0, 10) + "</div></body></html>"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Join(r->paragraphs), Expected(0, 10));
}

// Short unpunctuated lines that end the text are dropped, but not the items
// of a list that ends it.
TEST(MainTextTest, ClosingListIsKept) {
  EXPECT_EQ(BodyOf("<div class=\"content\">" + Paras(0, 4) +
                   "<ul><li>Identity card</li><li>Proof of income</li><li>Bank account</li></ul>"
                   "</div>"),
            Expected(0, 4) + "[Identity card][Proof of income][Bank account]");
  EXPECT_EQ(BodyOf("<div class=\"content\">" + Paras(0, 4) +
                   "<p>Anna Muster</p><p>Staff writer</p></div>"),
            Expected(0, 4));
}

// An image legend inside the content is a caption, not text.
TEST(MainTextTest, ImageLegendDropped) {
  EXPECT_EQ(BodyOf("<div class=\"content\">" + Paras(0, 3) +
                   "<div class=\"image\"><img src=\"a.jpg\"><div class=\"legend\">The old "
                   "chestnut groves, seen from the valley, are home to many rare birds.</div>"
                   "</div>" + Paras(3, 6) + "</div>"),
            Expected(0, 6));
}

// Copyright notices and advertisement labels inside the content are not
// text; a sentence that only mentions an advertisement is.
TEST(MainTextTest, CopyrightAndAdLabelsDropped) {
  const std::string mention =
      "The advertisement that the company ran in the local papers was withdrawn on Monday.";
  EXPECT_EQ(BodyOf("<div class=\"content\"><p>*Werbung. Dieser Beitrag enth\xc3\xa4lt Werbung</p>" +
                   Paras(0, 3) + "<p>Anzeige</p><p>" + mention + "</p>" + Paras(3, 6) +
                   "<p>Lightbox2 \xc2\xa9 Lokesh Dhakar licensed under the Creative Commons "
                   "Attribution 2.5 License</p><p>(c) 2016 Example Verlag</p></div>"),
            Expected(0, 3) + "[" + mention + "]" + Expected(3, 6));
}

// A heading whose section is only links is a teaser list, and goes with
// it; a heading with prose under it stays.
TEST(MainTextTest, LinkOnlySectionDropped) {
  EXPECT_EQ(BodyOf("<div class=\"content\">" + Paras(0, 3) +
                   "<h2>More from the region</h2>"
                   "<p><a href=\"/a\">The bridge over the river will be closed for a month</a></p>"
                   "<p><a href=\"/b\">A new school opens in the old town hall next spring</a></p>"
                   "<h2>What comes next</h2>" + Paras(3, 6) + "</div>"),
            Expected(0, 3) + "[What comes next]" + Expected(3, 6));
}

// "commentary" names an opinion piece, not a comment section.
TEST(MainTextTest, CommentaryIsAnArticle) {
  EXPECT_EQ(BodyOf("<div class=\"sect article commentary\">" + Paras(0, 4) + "</div>" +
                   "<div class=\"comments\">" + Paras(20, 27) + "</div>"),
            Expected(0, 4));
}

// Responsive visibility utilities ("hidden-xs", "hidden-print") and classes
// that hide a part ("field-label-hidden") do not hide an element on the
// page; a plain "hidden" class does.
TEST(MainTextTest, VisibilityUtilityClassesAreNotHidden) {
  EXPECT_EQ(BodyOf("<div class=\"content\">" + Paras(0, 3) + "<div class=\"note hidden-xs\"><p>" +
                   Para(3) + "</p></div><div class=\"hidden\"><p>" + Para(4) + "</p></div>" +
                   "<div class=\"field field-label-hidden\"><p>" + Para(5) + "</p></div>" +
                   Paras(6, 8) + "</div>"),
            Expected(0, 4) + Expected(5, 8));
}

// A page builder that calls every block a widget: the element with half of
// the page's prose paragraphs is neither dropped nor penalised for its
// class words.
TEST(MainTextTest, ClassNegativeElementWithMostProseStays) {
  std::string nav, widget, expected;
  for (int k = 0; k < 40; ++k) nav += "<a href=\"/s" + std::to_string(k) + "\">Section</a> ";
  for (int k = 0; k < 8; ++k) {
    const std::string p = "Paragraph " + std::to_string(k) +
                          " of the story, which the page builder wraps in a widget like every "
                          "other block on the page, menus included.";
    widget += "<p>" + p + "</p>";
    expected += "[" + p + "]";
  }
  EXPECT_EQ(BodyOf("<nav>" + nav + "</nav><div><div class=\"builder-widget\">" + widget +
                   "</div></div><div><div id=\"more\">" + Paras(50, 56) + "</div></div>"),
            expected);
}

// A <form> that wraps the page's prose (a shop or ASP.NET template) is not
// a form to drop; a comment form is.
TEST(MainTextTest, FormAroundTheProseStays) {
  std::string nav, prose, expected;
  for (int k = 0; k < 120; ++k) nav += "<a href=\"/s" + std::to_string(k) + "\">Section</a> ";
  for (int k = 0; k < 8; ++k) {
    const std::string p = "Paragraph " + std::to_string(k) +
                          " of the product description, which the shop template puts inside the "
                          "order form together with the buttons.";
    prose += "<p>" + p + "</p>";
    expected += "[" + p + "]";
  }
  EXPECT_EQ(BodyOf("<nav>" + nav + "</nav><div><form action=\"/cart\">" +
                   prose + "</form></div><div><form action=\"/comment\"><p>" + Para(1) +
                   "</p></form></div><div><div id=\"more\">" + Paras(50, 52) + "</div></div>"),
            expected);
}

// An article split into rows of the same kind (a link box between them) is
// collected from all of them; a row of teasers is not.
TEST(MainTextTest, ContentSplitAcrossRepeatedContainers) {
  std::string first, second, expected, links;
  for (int k = 0; k < 30; ++k) links += "<a href=\"/t" + std::to_string(k) + "\">Topic</a> ";
  for (int k = 0; k < 8; ++k) {
    const std::string p = "Paragraph " + std::to_string(k) +
                          " of the long explainer, which the template splits into rows with an "
                          "advertisement between them.";
    (k < 5 ? first : second) += "<p>" + p + "</p>";
    expected += "[" + p + "]";
  }
  EXPECT_EQ(BodyOf("<article><div class=\"row\"><div class=\"col\">" + first +
                   "</div></div><div class=\"box\">" + links + "</div><div class=\"row\">"
                   "<div class=\"col\">" + second + "</div></div><div class=\"row\"><div "
                   "class=\"col\"><a href=\"/x\">Another story</a> <a href=\"/y\">And one "
                   "more story</a></div></div></article>"),
            expected);
}

}  // namespace
}  // namespace wirewatch::html

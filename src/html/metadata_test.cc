#include "html/metadata.h"

#include <gtest/gtest.h>

namespace wirewatch::html {
namespace {

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) {
    out += '[';
    out += s;
    out += ']';
  }
  return out;
}

TEST(MetadataTest, StripSiteFromTitle) {
  EXPECT_EQ(StripSiteFromTitle("Headline here | Example News", "", ""), "Headline here");
  EXPECT_EQ(StripSiteFromTitle("Headline - With Dash - Gazette", "Gazette", ""),
            "Headline - With Dash");
  EXPECT_EQ(StripSiteFromTitle("Big story :: Site", "", ""), "Big story");
  EXPECT_EQ(StripSiteFromTitle("Big story — The Paper", "The Paper", ""), "Big story");
  EXPECT_EQ(StripSiteFromTitle("Spiegel - Ein langer Titel hier", "", "www.spiegel.de"),
            "Ein langer Titel hier");
  EXPECT_EQ(StripSiteFromTitle("Covid-19 - what we know", "", ""), "Covid-19 - what we know");
  EXPECT_EQ(StripSiteFromTitle("A long headline here \xE2\x80\xA2 Site Name", "", ""),
            "A long headline here");
}

TEST(MetadataTest, CleanAuthors) {
  std::vector<std::string> names;
  CleanAuthors("By Jane Doe and John Roe", "", &names);
  CleanAuthors("jane doe", "", &names);  // duplicate
  EXPECT_EQ(Join(names), "[Jane Doe][John Roe]");
  names.clear();
  CleanAuthors("Von Anna Schmidt, dpa | 12.07.2013", "dpa", &names);
  EXPECT_EQ(Join(names), "[Anna Schmidt]");
  names.clear();
  CleanAuthors("https://example.com/staff/x", "", &names);
  CleanAuthors("Email the author", "", &names);
  EXPECT_EQ(Join(names), "");
}

TEST(MetadataTest, PrimaryLanguage) {
  EXPECT_EQ(PrimaryLanguage("de-DE"), "de");
  EXPECT_EQ(PrimaryLanguage("EN_us"), "en");
  EXPECT_EQ(PrimaryLanguage("fr"), "fr");
  EXPECT_EQ(PrimaryLanguage("english"), "");
  EXPECT_EQ(PrimaryLanguage(""), "");
}

TEST(MetadataTest, JsonLdArraysAndSeveralBlocks) {
  Dom dom;
  dom.Parse(R"(<script type="application/ld+json">[{"@type":"WebPage","datePublished":"2001-01-01"}]</script>
<script type="application/ld+json">{"@type":["NewsArticle"],"headline":"H","datePublished":"2020-05-06",
 "author":"Ann Lee","publisher":{"name":"Pub"},"image":["https://i/1.jpg"]}</script>
<script type="application/ld+json">{ broken json</script>)",
            {});
  MetadataExtractor m;
  PageMetadata pm;
  m.Extract(dom, "https://www.pub.example/x", 0, &pm);
  EXPECT_EQ(pm.title, "H");
  EXPECT_EQ(pm.published.value, "2020-05-06");
  EXPECT_EQ(pm.published.source, "jsonld");
  EXPECT_EQ(Join(pm.authors), "[Ann Lee]");
  EXPECT_EQ(pm.site, "Pub");
  EXPECT_EQ(pm.image, "https://i/1.jpg");
}

// A kicker run into the <h1> (with or without a space) is dropped when the
// declared title is exactly the heading's tail; soft hyphens are removed.
TEST(MetadataTest, HeadlineKickerAndSoftHyphens) {
  struct Case {
    const char* html;
    const char* title;
  } cases[] = {
      {R"(<title>Daten von Firma gehackt | Site</title><h1><span>Im Netz</span> Daten von Firma gehackt</h1>)",
       "Daten von Firma gehackt"},
      {R"(<meta property="og:title" content="Lagen mit vier Teilen"><h1><span>Einheit</span>Lagen mit vier Teilen</h1>)",
       "Lagen mit vier Teilen"},
      {R"(<title>Nur zwei | Site</title><h1>Kicker Nur zwei</h1>)", "Kicker Nur zwei"},
      {"<title>Mes\xC2\xADsen\xC2\xADger frei</title><h1>Mes\xC2\xADsen\xC2\xADger frei</h1>",
       "Messenger frei"},
  };
  for (const auto& c : cases) {
    Dom dom;
    dom.Parse(c.html, {});
    MetadataExtractor m;
    PageMetadata pm;
    m.Extract(dom, "https://www.site.example/x", 0, &pm);
    EXPECT_EQ(pm.title, c.title) << c.html;
  }
}

TEST(MetadataTest, MetaFallbacksAndHost) {
  Dom dom;
  dom.Parse(R"(<html><head><title>T - X</title><meta name="sailthru.date" content="2015-02-03 10:00:00">
<meta property="og:locale" content="fr_FR"></head><body><a rel="author" href="/a">Marie Curie</a></body></html>)",
            {});
  MetadataExtractor m;
  PageMetadata pm;
  m.Extract(dom, "https://www.lemonde.example/2014/01/01/x", 0, &pm);
  EXPECT_EQ(pm.site, "lemonde.example");
  EXPECT_EQ(pm.lang, "fr");
  EXPECT_EQ(pm.published.value, "2015-02-03T10:00:00");
  EXPECT_EQ(pm.published.source, "meta");
  EXPECT_TRUE(pm.published.no_timezone);
  EXPECT_EQ(Join(pm.authors), "[Marie Curie]");
}

}  // namespace
}  // namespace wirewatch::html

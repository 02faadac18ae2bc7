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
  // Site and blog furniture before the headline.
  EXPECT_EQ(
      StripSiteFromTitle(
          "Disfunctions.de \xC2\xBB Blog Archiv \xC2\xBB Podcasts in Plex "
          "einbinden",
          "", "disfunctions.de"),
      "Podcasts in Plex einbinden");
  // The rightmost separator first: "A | B - Site" loses only "- Site".
  EXPECT_EQ(
      StripSiteFromTitle("Einheit der Woche | Lagen-Pyramide mit GA2 - SWIM.DE",
                         "SWIM.DE", "swim.de"),
      "Einheit der Woche | Lagen-Pyramide mit GA2");
  // A headline that mentions the site's subject keeps its head.
  EXPECT_EQ(
      StripSiteFromTitle(
          "Skibergsteigen: Schnell und leicht - Neuheiten | Bergsteigen.com",
          "Bergsteigen.com", "www.bergsteigen.com"),
      "Skibergsteigen: Schnell und leicht - Neuheiten");
}

std::string TitleOf(const std::string& html,
                    const char* url = "https://www.site.example/x") {
  Dom dom;
  dom.Parse(html, {});
  MetadataExtractor m;
  PageMetadata pm;
  m.Extract(dom, url, 0, &pm);
  return pm.title;
}

TEST(MetadataTest, HeadlineWithoutKickerSubtitleAndHiddenParts) {
  EXPECT_EQ(
      TitleOf(
          R"(<title>Corona-Lockerungen: Autohäuser rechnen mit Flaute | MDR</title>
<h1><span class="dachzeile">Nach Corona-Lockerungen</span> <span class="headline">Autohäuser rechnen mit Flaute</span></h1>)"),
      "Autohäuser rechnen mit Flaute");
  // A visually hidden separator marks what comes before it as the kicker.
  EXPECT_EQ(
      TitleOf(
          R"(<title>Strompreisbremse: Bundesregierung drosselt Bioenergie</title>
<h1><span class="fake-h5">Strompreisbremse</span><span class="invisible">: </span><span>Bundesregierung drosselt Bioenergie</span></h1>)"),
      "Bundesregierung drosselt Bioenergie");
  EXPECT_EQ(TitleOf(R"(<title>Was wir nicht hören wollen | FASSETTE.NET</title>
<h1 class="title">Was wir nicht hören wollen<span class="element-invisible"> | FASSETTE.NET</span></h1>)"),
            "Was wir nicht hören wollen");
  EXPECT_EQ(TitleOf(R"(<title>Dezuka Suisan: Fish Cakes | Tofugu</title>
<h1>Dezuka Suisan: Fish Cakes <small>Welcome to the Flavor Capital</small></h1>)"),
            "Dezuka Suisan: Fish Cakes");
  // Ruby readings are not part of the headline (and leave no gap).
  EXPECT_EQ(
      TitleOf("<title>NEWS WEB "
              "EASY|\xE5\xAD\x90\xE3\x81\xA9\xE3\x82\x82\xE3\x81\xB8"
              "\xE3\x81\xAE\xE4\xBD\x93\xE7\xBD\xB0</"
              "title><h1><ruby>\xE5\xAD\x90<rt>"
              "\xE3\x81\x93</rt></"
              "ruby>\xE3\x81\xA9\xE3\x82\x82\xE3\x81\xB8\xE3\x81\xAE"
              "\xE4\xBD\x93\xE7\xBD\xB0</h1>"),
      "\xE5\xAD\x90\xE3\x81\xA9\xE3\x82\x82\xE3\x81\xB8\xE3\x81\xAE\xE4\xBD\x93"
      "\xE7\xBD\xB0");
}

TEST(MetadataTest, LogoHeadingsAreTheSiteNotTheHeadline) {
  // An <h1> linking home is the site's name: it is stripped from <title>.
  EXPECT_EQ(
      TitleOf(
          R"(<title>Rinderleber mit Apfel und Zwiebel | Liebe geht durch den Magen</title>
<h1><a href="http://www.site.example">Liebe geht durch den Magen</a></h1><p>Text</p>)"),
      "Rinderleber mit Apfel und Zwiebel");
  EXPECT_EQ(
      TitleOf(
          R"(<meta property="og:title" content="Colder Temperatures Forecast for Wednesday">
<h1 class="logo"><a href="/service/index.htm">KBS WORLD</a></h1><h1>Colder Temperatures Forecast for Wednesday</h1>)"),
      "Colder Temperatures Forecast for Wednesday");
  // <body class="wp-custom-logo"> says nothing about the heading inside.
  EXPECT_EQ(
      TitleOf(
          R"(<meta property="og:title" content="Ladensterben immer dramatischer &raquo; Journalistenwatch">
<body class="single wp-custom-logo"><div><h1>Ladensterben immer dramatischer</h1></div></body>)"),
      "Ladensterben immer dramatischer");
}

TEST(MetadataTest, HeadingAgreementWithShortOrSectionTitles) {
  // og:title is a section name: the <h1> is the headline.
  EXPECT_EQ(TitleOf(R"(<meta property="og:title" content="Pressemitteilungen">
<title>BDZV: Olafur Eliasson gestaltet Titelseite</title><h1>Olafur Eliasson gestaltet Titelseite</h1>)"),
            "Olafur Eliasson gestaltet Titelseite");
  EXPECT_EQ(
      TitleOf(
          R"(<title>About Us - Shabka</title><h1>The strategic Think &amp; Do Tank</h1>)",
          "https://shabka.org/about"),
      "The strategic Think & Do Tank");
  // A heading mentioning the site is not the site's name.
  EXPECT_EQ(TitleOf(R"(<meta property="og:title" content="MinusL Fruchtjoghurt">
<h1>Unsere MinusL Joghurts</h1>)",
                    "https://www.minusl.de/joghurt"),
            "Unsere MinusL Joghurts");
  // co.uk / com.br: the site label is the one before the public suffix.
  EXPECT_EQ(
      TitleOf(
          R"(<meta property="og:title" content="Receita de Sequilho com Chocolate | CyberCook">
<h1>Sequilho com Chocolate</h1>)",
          "https://cybercook.com.br/receitas/x"),
      "Sequilho com Chocolate");
  // A one-word compound heading that opens the declared title.
  EXPECT_EQ(
      TitleOf(
          R"(<meta property="og:title" content="Mandarinen-Schmand-Kuchen von jesusfreak | Chefkoch">
<h1>Mandarinen-Schmand-Kuchen</h1>)"),
      "Mandarinen-Schmand-Kuchen");
  // ... but not one that is a segment of its own.
  EXPECT_EQ(
      TitleOf(
          R"(<title>Zoll online - Fachmeldungen - Verkündung des Gesetzes</title>
<h1>Fachmeldungen</h1><h1>Verkündung des Gesetzes</h1>)",
          "https://www.zoll.de/x"),
      "Verkündung des Gesetzes");
  // A dash-joined head is part of the headline, not a kicker.
  EXPECT_EQ(
      TitleOf(
          R"(<meta property="og:title" content="Welpen kaufen – Tipps zu jeder Hunderasse">
<meta property="og:site_name" content="Welpenkaufen24"><h1>Welpen kaufen – Tipps zu jeder Hunderasse</h1>)"),
      "Welpen kaufen – Tipps zu jeder Hunderasse");
}

TEST(MetadataTest, TitleLikeSiteNameIsCut) {
  Dom dom;
  dom.Parse(
      R"(<meta property="og:site_name" content="Cup-Vorschau: Beim BSV Stans freut man sich auf Fans - Handball Schweiz">
<meta property="og:title" content="Cup-Vorschau: Beim BSV Stans freut man sich auf Fans - Handball Schweiz">
<h1>Cup-Vorschau: Beim BSV Stans freut man sich auf Fans</h1>)",
      {});
  MetadataExtractor m;
  PageMetadata pm;
  m.Extract(dom, "https://www.handball.ch/x", 0, &pm);
  EXPECT_EQ(pm.site, "Handball Schweiz");
  EXPECT_EQ(pm.title, "Cup-Vorschau: Beim BSV Stans freut man sich auf Fans");
}

TEST(MetadataTest, SectionAndTags) {
  Dom dom;
  dom.Parse(R"(<meta property="article:section" content="Politik">
<meta property="article:tag" content="Wahl"><meta property="article:tag" content="Bundestag">
<meta name="news_keywords" content="wahl, Koalition , ">
<script type="application/ld+json">{"@type":"NewsArticle","keywords":"Koalition, SPD","articleSection":["Inland","Politik"]}</script>
<p><a rel="tag" href="/t/spd">SPD</a> <a rel="tag nofollow" href="/t/fdp">FDP</a></p>)",
            {});
  MetadataExtractor m;
  PageMetadata pm;
  m.Extract(dom, "", 0, &pm);
  EXPECT_EQ(pm.section, "Politik");
  EXPECT_EQ(Join(pm.tags), "[Wahl][Bundestag][Koalition][SPD][FDP]");
  dom.Parse(
      R"(<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},
{"@type":"Article","keywords":["A","B"],"articleSection":["Inland","Politik"]}]}</script>)",
      {});
  m.Extract(dom, "", 0, &pm);
  EXPECT_EQ(pm.section, "Inland");
  EXPECT_EQ(Join(pm.tags), "[A][B]");
}

TEST(MetadataTest, TimesInCommentsAndSidebarsDoNotDateTheArticle) {
  Dom dom;
  dom.Parse(R"(<article><h1>Story</h1><p>Body.</p></article>
<div id="comments"><time datetime="2020-05-09T10:00:00Z">May 9</time></div>
<aside><time datetime="2020-05-08">May 8</time></aside>
<div class="post-meta"><time datetime="2020-05-04T08:00:00Z">4 May 2020</time></div>)",
            {});
  MetadataExtractor m;
  PageMetadata pm;
  m.Extract(dom, "", 0, &pm);
  EXPECT_EQ(pm.published.value, "2020-05-04T08:00:00Z");
  EXPECT_EQ(pm.published.source, "time");
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
  // Labels, glued labels, "... says" and form placeholders.
  names.clear();
  CleanAuthors("Post author By Helge Fahrnberger", "", &names);
  CleanAuthors("AuthorAndreas Kalt", "", &names);
  CleanAuthors("Veröffentlicht vonChris Jung", "", &names);
  CleanAuthors("Art Edwards says", "", &names);
  CleanAuthors("Name *", "", &names);
  CleanAuthors("No Author", "", &names);
  EXPECT_EQ(Join(names),
            "[Helge Fahrnberger][Andreas Kalt][Chris Jung][Art Edwards]");
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

#include "input/charset.h"

#include <gtest/gtest.h>

#include <random>

namespace wirewatch::input {
namespace {

struct Decoded {
  RawDoc doc;
  std::string Summary() const {
    if (doc.failed()) return "FAIL " + doc.failure;
    return doc.charset + "/" + doc.charset_source + "|" + doc.text;
  }
};

Decoded Decode(CharsetDecoder* d, std::string_view bytes,
               std::string_view declared = {}, bool html = false) {
  Decoded out;
  d->Decode(bytes, declared, html, &out.doc);
  return out;
}

TEST(CharsetTest, GoldenTable) {
  struct Case {
    std::string bytes;
    std::string declared;
    bool html;
    std::string expected;
  };
  const Case cases[] = {
      {"plain ascii", "", false, "UTF-8/default|plain ascii"},
      {"caf\xC3\xA9", "", false, "UTF-8/detected|caf\xC3\xA9"},
      {"\xEF\xBB\xBF"
       "caf\xC3\xA9",
       "", false, "UTF-8/bom|caf\xC3\xA9"},
      {std::string("\xFF\xFEh\0i\0\xE9\0", 8), "", false,
       "UTF-16LE/bom|hi\xC3\xA9"},
      {std::string("\xFE\xFF\0h\0i", 6), "", false, "UTF-16BE/bom|hi"},
      // BOM beats the declared charset.
      {"\xEF\xBB\xBF"
       "x",
       "windows-1251", false, "UTF-8/bom|x"},
      // HTTP-declared Cyrillic: "Привет".
      {"\xCF\xF0\xE8\xE2\xE5\xF2", "windows-1251", false,
       "windows-1251/http|\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"},
      {"\xCF\xF0\xE8\xE2\xE5\xF2", "CP1251", false,
       "windows-1251/http|\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"},
      // ISO-8859-1 means windows-1252: 0x93/0x94 are curly quotes.
      {"\x93quoted\x94", "iso-8859-1", false,
       "windows-1252/http|\xE2\x80\x9Cquoted\xE2\x80\x9D"},
      {"<html><head><meta charset=\"iso-8859-1\"></head><body>\x93q\x94 "
       "caf\xE9</body>",
       "", true,
       "windows-1252/meta|<html><head><meta charset=\"iso-8859-1\"></head>"
       "<body>\xE2\x80\x9Cq\xE2\x80\x9D caf\xC3\xA9</body>"},
      {"<meta http-equiv=Content-Type content='text/html; "
       "charset=windows-1251'>\xCF",
       "", true,
       "windows-1251/meta|<meta http-equiv=Content-Type content='text/html; "
       "charset=windows-1251'>\xD0\x9F"},
      // Shift_JIS "日本".
      {"\x93\xFA\x96\x7B", "shift_jis", false,
       "Shift_JIS/http|\xE6\x97\xA5\xE6\x9C\xAC"},
      // Text files get no <meta> prescan.
      {"<meta charset=windows-1251> caf\xC3\xA9", "", false,
       "UTF-8/detected|<meta charset=windows-1251> caf\xC3\xA9"},
      {"", "", false, "FAIL empty document"},
      {" \r\n\t ", "", true, "FAIL empty document"},
  };
  CharsetDecoder d;
  for (const Case& c : cases) {
    EXPECT_EQ(Decode(&d, c.bytes, c.declared, c.html).Summary(), c.expected)
        << c.bytes;
  }
}

TEST(CharsetTest, UndeclaredLatin1IsDetected) {
  std::string text =
      "Le pr\xE9sident a d\xE9"
      "clar\xE9 que la r\xE9"
      "forme \xE9tait "
      "n\xE9"
      "cessaire pour l'\xE9"
      "conomie fran\xE7"
      "aise. Les "
      "syndicats ont r\xE9pondu tr\xE8s vite : \xAB non \xE0 la r\xE9"
      "forme "
      "\xBB"
      ". La gr\xE8ve commence lundi \xE0 Paris et \xE0 Lyon.";
  CharsetDecoder d;
  Decoded out = Decode(&d, "<p>" + text + "</p>", "", true);
  ASSERT_FALSE(out.doc.failed()) << out.doc.failure;
  EXPECT_EQ(out.doc.charset, "windows-1252");
  EXPECT_EQ(out.doc.charset_source, "detected");
  EXPECT_NE(out.doc.text.find("pr\xC3\xA9sident"), std::string::npos);
  EXPECT_NE(out.doc.text.find("\xC2\xAB non \xC3\xA0"), std::string::npos);
}

TEST(CharsetTest, InvalidUtf8ReplacedWithWarning) {
  CharsetDecoder d;
  Decoded out = Decode(&d, "abc\xFF def \xC3", "utf-8");
  EXPECT_EQ(out.Summary(), "UTF-8/http|abc\xEF\xBF\xBD def \xEF\xBF\xBD");
  ASSERT_EQ(out.doc.warnings.size(), 1u);
  EXPECT_EQ(out.doc.warnings[0],
            "2 invalid UTF-8 sequences replaced with U+FFFD");
}

TEST(CharsetTest, NulBytesRemovedWithWarning) {
  CharsetDecoder d;
  Decoded out = Decode(&d, std::string("ab\0cd\0", 6));
  EXPECT_EQ(out.Summary(), "UTF-8/default|abcd");
  ASSERT_EQ(out.doc.warnings.size(), 1u);
  EXPECT_EQ(out.doc.warnings[0], "2 NUL bytes removed");
  // A few NULs in a long page are repaired, not called binary.
  std::string page = "<p>" + std::string(2000, 'a') + "</p>";
  page[100] = page[500] = page[900] = '\0';
  out = Decode(&d, page, "", true);
  ASSERT_EQ(out.doc.warnings.size(), 1u);
  EXPECT_EQ(out.doc.warnings[0], "3 NUL bytes removed");
  EXPECT_EQ(out.doc.text.size(), page.size() - 3);
  // Also through a converter.
  Decoded w = Decode(&d, std::string("caf\xE9\0!", 6), "windows-1252");
  EXPECT_EQ(w.Summary(), "windows-1252/http|caf\xC3\xA9!");
  ASSERT_EQ(w.doc.warnings.size(), 1u);
  EXPECT_EQ(w.doc.warnings[0], "1 NUL bytes removed");
}

TEST(CharsetTest, UnknownCharsetFallsBackToDetection) {
  CharsetDecoder d;
  Decoded out = Decode(&d,
                       "na\xEFve caf\xE9 cr\xE8me br\xFBl\xE9"
                       "e",
                       "x-foo");
  ASSERT_FALSE(out.doc.failed());
  EXPECT_EQ(out.doc.charset, "windows-1252");
  ASSERT_EQ(out.doc.warnings.size(), 1u);
  EXPECT_EQ(out.doc.warnings[0].rfind("unknown charset 'x-foo', ", 0), 0u)
      << out.doc.warnings[0];
  EXPECT_NE(out.doc.warnings[0].find("windows-1252"), std::string::npos);
  // An unknown <meta> label is reported the same way.
  Decoded meta = Decode(&d, "<meta charset=\"bogus-9\"><p>hi</p>", "", true);
  EXPECT_EQ(meta.Summary(),
            "UTF-8/default|<meta charset=\"bogus-9\"><p>hi</p>");
  ASSERT_EQ(meta.doc.warnings.size(), 1u);
  EXPECT_EQ(meta.doc.warnings[0],
            "unknown charset 'bogus-9', defaulted to UTF-8");
}

TEST(CharsetTest, LateMetaBeatsDetectionOnlyForNonUtf8) {
  std::string pad = "<head><script>" + std::string(2000, ' ') + "</script>";
  CharsetDecoder d;
  // Polish in windows-1250 ("bli\xBFej" = "bliżej"), declared at byte ~2000.
  Decoded late = Decode(&d,
                        pad +
                            "<meta charset=\"Windows-1250\"><title>bli\xBF"
                            "ej</title>",
                        "", true);
  EXPECT_EQ(late.doc.charset, "windows-1250");
  EXPECT_EQ(late.doc.charset_source, "meta");
  EXPECT_NE(late.doc.text.find("bli\xC5\xBC"
                               "ej"),
            std::string::npos);
  // Valid UTF-8 wins over a late declaration.
  Decoded utf8 = Decode(&d,
                        pad +
                            "<meta charset=\"Windows-1250\"><p>bli\xC5\xBC"
                            "ej</p>",
                        "", true);
  EXPECT_EQ(utf8.doc.charset, "UTF-8");
  EXPECT_EQ(utf8.doc.charset_source, "detected");
}

TEST(CharsetTest, BinaryJunkFails) {
  std::mt19937 rng(42);
  std::string junk(64 << 10, '\0');
  for (char& c : junk) c = static_cast<char>(rng());
  CharsetDecoder d;
  for (const char* declared : {"", "utf-8", "windows-1252"}) {
    Decoded out = Decode(&d, junk, declared, true);
    EXPECT_TRUE(out.doc.failed()) << declared;
    EXPECT_EQ(out.doc.failure.rfind("binary content (", 0), 0u)
        << out.doc.failure;
    EXPECT_TRUE(out.doc.text.empty());
  }
  // High bytes only (no control bytes): still junk once decoded as UTF-8.
  std::string high(4096, '\0');
  for (char& c : high) c = static_cast<char>(0x80 | (rng() & 0x7f));
  EXPECT_EQ(Decode(&d, high, "utf-8").doc.failure.rfind("binary content (", 0),
            0u);
}

TEST(CharsetTest, AcceptUnicode) {
  CharsetDecoder d;
  RawDoc doc;
  d.AcceptUnicode(std::string("caf\xC3\xA9\0", 6), &doc);
  EXPECT_EQ(doc.text, "caf\xC3\xA9");
  EXPECT_EQ(doc.charset, "UTF-8");
  EXPECT_EQ(doc.charset_source, "json");
  EXPECT_EQ(doc.warnings.size(), 1u);
}

TEST(CharsetTest, PrescanMeta) {
  EXPECT_EQ(PrescanMetaCharset("<meta charset=utf-8>"), "utf-8");
  EXPECT_EQ(PrescanMetaCharset("<META CHARSET = 'Shift_JIS' >"), "Shift_JIS");
  EXPECT_EQ(
      PrescanMetaCharset(
          "<!-- <meta charset=koi8-r> --><meta http-equiv=\"Content-Type\" "
          "content=\"text/html;charset=ISO-8859-2\">"),
      "ISO-8859-2");
  EXPECT_EQ(PrescanMetaCharset("<metadata charset=x><p>"), "");
  EXPECT_EQ(PrescanMetaCharset(std::string(1100, ' ') + "<meta charset=utf-8>"),
            "");
  EXPECT_EQ(
      PrescanMetaCharset("<meta name=x content=y><meta charset=\"big5\">"),
      "big5");
}

}  // namespace
}  // namespace wirewatch::input

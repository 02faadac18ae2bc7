#include "html/language.h"

#include <gtest/gtest.h>

namespace wirewatch::html {
namespace {

TEST(DetectTextLanguageTest, KnowsCommonNewsLanguages) {
  struct Case {
    const char* text;
    const char* code;
  } cases[] = {
      {"Der Stadtrat hat am Donnerstagabend beschlossen, in der Innenstadt "
       "vier neue "
       "Radwege anzulegen. Die Arbeiten sollen im Sommer beginnen.",
       "de"},
      {"The council decided on Thursday evening to build four new cycle lanes "
       "in the town "
       "centre. Work is due to start in the summer.",
       "en"},
      {"Le conseil municipal a décidé jeudi soir de créer quatre nouvelles "
       "pistes cyclables "
       "dans le centre-ville. Les travaux commenceront cet été.",
       "fr"},
      {"El ayuntamiento decidió el jueves por la noche construir cuatro nuevos "
       "carriles "
       "bici en el centro. Las obras empezarán en verano.",
       "es"},
  };
  for (const auto& c : cases) {
    DetectedLanguage d = DetectTextLanguage(c.text);
    EXPECT_EQ(d.code, c.code) << c.text;
    EXPECT_TRUE(d.reliable) << c.text;
  }
  EXPECT_EQ(DetectTextLanguage("").code, "");
}

TEST(ChooseLanguageTest, CombinesMarkupAndDetection) {
  const DetectedLanguage de{"de", true, 99};
  const DetectedLanguage unsure{"de", false, 40};
  const DetectedLanguage none{};
  auto check = [](const ChosenLanguage& c, const char* code,
                  const char* source) {
    EXPECT_EQ(c.code, code);
    EXPECT_EQ(c.source, source);
  };
  check(ChooseLanguage("de", de, 1000), "de", "markup+detected");
  // A template's "en" on German text: the text wins.
  check(ChooseLanguage("en", de, 1000), "de", "detected");
  // Too little text to overrule the markup.
  check(ChooseLanguage("en", de, 100), "en", "markup");
  check(ChooseLanguage("en", unsure, 1000), "en", "markup");
  check(ChooseLanguage("", de, 1000), "de", "detected");
  check(ChooseLanguage("", unsure, 100), "de", "detected");
  check(ChooseLanguage("", unsure, 20), "", "");
  check(ChooseLanguage("fr", none, 0), "fr", "markup");
  check(ChooseLanguage("", none, 0), "", "");
}

}  // namespace
}  // namespace wirewatch::html

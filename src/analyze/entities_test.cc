#include "analyze/entities.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "analyze/shipped_models_testing.h"

namespace wirewatch::analyze {
namespace {

const std::string kModelPath = ShippedModelPath(kShippedNerModel);

class EntitiesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto m = NerModel::Load(kModelPath);
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    model_ = std::move(m).value().release();
  }
  static void TearDownTestSuite() { delete model_; }

  static const Entity* Find(const Analysis& a, EntityType type,
                            std::string_view canonical) {
    for (const Entity& e : a.entities) {
      if (e.type == type && e.canonical == canonical) return &e;
    }
    return nullptr;
  }
  static bool HasVariant(const Entity& e, std::string_view v) {
    return std::find(e.variants.begin(), e.variants.end(), v) != e.variants.end();
  }
  static std::string Roles(const Entity& e) {
    std::string r;
    for (const Role& x : e.roles) {
      if (!r.empty()) r += "; ";
      r += x.title;
      if (!x.org.empty()) r += " @" + x.org;
      if (!x.country.empty()) r += " #" + x.country;
    }
    return r;
  }
  static NerModel* model_;
};
NerModel* EntitiesTest::model_ = nullptr;

TEST_F(EntitiesTest, SeedPage) {
  std::ifstream in(std::string(WIREWATCH_TESTDATA) +
                   "/seed/000_ca9e77d4d40bc964.txt", std::ios::binary);
  ASSERT_TRUE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  EntityAnalyzer analyzer(model_);
  Analysis a;
  ASSERT_TRUE(analyzer.Analyze(text, &a).ok());

  const Entity* putin = Find(a, EntityType::kPer, "Vladimir Putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(Roles(*putin), "President #Russia");
  EXPECT_TRUE(HasVariant(*putin, "President Vladimir Putin"));

  const Entity* bogdanov = Find(a, EntityType::kPer, "Mikhail Bogdanov");
  ASSERT_NE(bogdanov, nullptr);
  EXPECT_TRUE(HasVariant(*bogdanov, "Bogdanov"));
  EXPECT_EQ(bogdanov->mentions.size(), 2u);
  EXPECT_EQ(Roles(*bogdanov),
            "Deputy Foreign Minister; presidential envoy to the Middle East");

  const Entity* bortnikov = Find(a, EntityType::kPer, "Alexander Bortnikov");
  ASSERT_NE(bortnikov, nullptr);
  EXPECT_EQ(Roles(*bortnikov), "head @Federal Security Service");

  for (const char* org : {"RIA Novosti", "al-Qaida",
                          "Washington Institute for Near East Policy",
                          "Flashpoint Global Partners"}) {
    EXPECT_NE(Find(a, EntityType::kOrg, org), nullptr) << org;
  }
  const Entity* fsb = Find(a, EntityType::kOrg, "Federal Security Service");
  ASSERT_NE(fsb, nullptr);
  EXPECT_TRUE(HasVariant(*fsb, "FSB"));

  for (const char* loc : {"Russia", "Syria", "Europe", "United States",
                          "North Caucasus"}) {
    EXPECT_NE(Find(a, EntityType::kLoc, loc), nullptr) << loc;
  }
  const Entity* us = Find(a, EntityType::kLoc, "United States");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->country_code, "US");

  auto linked = [&](std::string_view word, std::string_view country) {
    for (const NationalityLink& n : a.nationalities) {
      if (n.text == word && n.country == country) return true;
    }
    return false;
  };
  EXPECT_TRUE(linked("Russians", "Russia"));
  EXPECT_TRUE(linked("Russian", "Russia"));
  EXPECT_TRUE(linked("Syrian", "Syria"));
  EXPECT_TRUE(linked("Americans", "United States"));

  // Offsets point at the mention text.
  for (const Mention& m : a.mentions) {
    EXPECT_EQ(text.substr(m.begin, m.end - m.begin), m.text);
  }
  // No dateline words as entities.
  for (const Mention& m : a.mentions) EXPECT_NE(m.text, "Fri Jul");
}

TEST_F(EntitiesTest, AcronymAndPartialNames) {
  std::string text =
      "The International Atomic Energy Agency (IAEA) sent inspectors. "
      "Mohamed ElBaradei, the director of the IAEA, said ElBaradei would go.";
  EntityAnalyzer analyzer(model_);
  Analysis a;
  ASSERT_TRUE(analyzer.Analyze(text, &a).ok());
  const Entity* iaea = Find(a, EntityType::kOrg, "International Atomic Energy Agency");
  ASSERT_NE(iaea, nullptr);
  EXPECT_TRUE(HasVariant(*iaea, "IAEA"));
  EXPECT_EQ(iaea->mentions.size(), 3u);
  const Entity* el = Find(a, EntityType::kPer, "Mohamed ElBaradei");
  ASSERT_NE(el, nullptr);
  EXPECT_EQ(el->mentions.size(), 2u);
  EXPECT_EQ(Roles(*el), "director of the IAEA @International Atomic Energy Agency");
}

TEST_F(EntitiesTest, JsonHasAllSections) {
  EntityAnalyzer analyzer(model_);
  Analysis a;
  ASSERT_TRUE(analyzer.Analyze("Russian President Vladimir Putin spoke.", &a).ok());
  std::string json = AnalysisToJson(a);
  for (const char* key : {"\"sentences\"", "\"mentions\"", "\"entities\"",
                          "\"nationalities\"", "\"canonical\":\"Vladimir Putin\"",
                          "\"key\":\"PER:vladimir putin\"", "\"roles\""}) {
    EXPECT_NE(json.find(key), std::string::npos) << key << " in " << json;
  }
}

TEST_F(EntitiesTest, EmptyAndHostileInput) {
  EntityAnalyzer analyzer(model_);
  Analysis a;
  ASSERT_TRUE(analyzer.Analyze("", &a).ok());
  EXPECT_TRUE(a.mentions.empty());
  std::string junk;
  for (int i = 0; i < 5000; ++i) junk += "(\xff ,, President President ) ";
  ASSERT_TRUE(analyzer.Analyze(junk, &a).ok());
}

}  // namespace
}  // namespace wirewatch::analyze

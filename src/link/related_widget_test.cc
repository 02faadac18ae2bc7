#include "link/related_widget.h"

#include <vector>

#include <gtest/gtest.h>

namespace wirewatch::link {
namespace {

// The seed page's widget dump (shared/seeds/000_ca9e77d4d40bc964.txt),
// which PHP reported as string(695).
const char kSeedWidget[] =
    R"([{"id":"1488864","sort":"3051263","contenttypeid":"21","pic":"/2013/06/28/alalam_635080377970923401_25f_4x3.jpg","title":"Russia: arming Syria rebels contradicts peace talks"} ,)"
    R"({"id":"1493303","sort":"3051264","contenttypeid":"21","pic":"/2013/07/09/alalam_635090085085580092_25f_4x3.jpg","title":"Syria militants used sarin in Aleppo: Russia"} ,)"
    R"({"id":"1493423","sort":"3051265","contenttypeid":"21","pic":"/2013/07/10/alalam_635090453099793511_25f_4x3.jpg","title":"Israel to negotiate Russia over Syria S-300 missiles"} ,)"
    R"({"id":"1493979","sort":"3051266","contenttypeid":"21","pic":"/2013/07/12/alalam_635092115388352859_25f_4x3.jpg","title":"Russia raps West's chemical propaganda on Syria"} ])";

TEST(RelatedWidgetTest, ReproducesTheSeedByteForByte) {
  std::vector<RelatedItem> items = {
      {"1488864", "3051263", "21", "/2013/06/28/alalam_635080377970923401_25f_4x3.jpg",
       "Russia: arming Syria rebels contradicts peace talks"},
      {"1493303", "3051264", "21", "/2013/07/09/alalam_635090085085580092_25f_4x3.jpg",
       "Syria militants used sarin in Aleppo: Russia"},
      {"1493423", "3051265", "21", "/2013/07/10/alalam_635090453099793511_25f_4x3.jpg",
       "Israel to negotiate Russia over Syria S-300 missiles"},
      {"1493979", "3051266", "21", "/2013/07/12/alalam_635092115388352859_25f_4x3.jpg",
       "Russia raps West's chemical propaganda on Syria"},
  };
  std::string json = RelatedWidgetJson(items);
  EXPECT_EQ(json, kSeedWidget);
  EXPECT_EQ(json.size(), 695u);
}

TEST(RelatedWidgetTest, CompactEscapedAndEmpty) {
  std::vector<RelatedItem> items = {{"1", "2", "21", "", "A \"quoted\" title"},
                                    {"3", "4", "21", "/p.jpg", "B"}};
  EXPECT_EQ(RelatedWidgetJson(items, WidgetStyle::kCompact),
            R"([{"id":"1","sort":"2","contenttypeid":"21","pic":"","title":"A \"quoted\" title"},)"
            R"({"id":"3","sort":"4","contenttypeid":"21","pic":"/p.jpg","title":"B"}])");
  EXPECT_EQ(RelatedWidgetJson({}), "[]");
}

}  // namespace
}  // namespace wirewatch::link

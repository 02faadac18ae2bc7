#include "html/debug_dump.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace wirewatch::html {
namespace {

struct DumpCase {
  const char* name;
  std::string_view input;
  std::string_view remaining;
  size_t related;
  size_t warnings;
  // Expected prefix of the first warning ("" when there is none).
  std::string_view first_warning;
};

// Golden table. Cases whose `remaining` equals `input` must not be stripped.
const DumpCase kCases[] = {
    // --- var_dump strings ---------------------------------------------------
    {"string_exact_length", "Para.\n\nstring(5) \"hello\"\n", "Para.\n\n", 0, 1,
     "debug dump removed: string(5)"},
    {"string_wrong_length_falls_back_to_last_quote",
     "Para.\n\nstring(9) \"hello\"\n\nNext.", "Para.\n\n\nNext.", 0, 1,
     "debug dump removed: string(9) (declared length does not match: 5"},
    {"string_utf8_byte_length", "string(6) \"caf\xC3\xA9!\"\nNext.", "Next.", 0,
     1, "debug dump removed: string(6)"},
    {"string_reencoded_length", "string(5) \"caf\xC3\xA9!\"\nNext.", "Next.", 0,
     1, "debug dump removed: string(5) (declared length does not match: 6"},
    {"string_multiline_payload_uses_length",
     "string(11) \"line1\nline2\"\nNext.", "Next.", 0, 1,
     "debug dump removed: string(11)"},
    {"string_json_widget_payload",
     "Para.\n\nstring(24) \"[{\"id\":\"1\",\"title\":\"A\"}]\"", "Para.\n\n", 1,
     1, "debug dump removed: string(24)"},
    {"string_crlf", "Para.\r\n\r\nstring(5) \"hello\"\r\nNext.",
     "Para.\r\n\r\nNext.", 0, 1, "debug dump removed: string(5)"},
    // --- var_dump arrays and objects ----------------------------------------
    {"array_nested_with_widget",
     "Para.\n\n"
     "array(2) {\n"
     "  [0]=>\n"
     "  array(2) {\n"
     "    [\"id\"]=>\n"
     "    string(2) \"17\"\n"
     "    [\"title\"]=>\n"
     "    string(5) \"Hello\"\n"
     "  }\n"
     "  [\"n\"]=>\n"
     "  int(-5)\n"
     "}\n"
     "After.",
     "Para.\n\nAfter.", 1, 1, "debug dump removed: var_dump array(2)"},
    {"array_scalars",
     "array(5) {\n  [0]=>\n  float(1.5)\n  [1]=>\n  bool(true)\n  [2]=>\n"
     "  NULL\n  [3]=>\n  array(0) {\n  }\n  [4]=>\n  string(0) \"\"\n}\n",
     "", 0, 1, "debug dump removed: var_dump array(5)"},
    {"object_with_visibility",
     "object(stdClass)#1 (2) {\n"
     "  [\"id\"]=>\n"
     "  int(42)\n"
     "  [\"title\":protected]=>\n"
     "  string(3) \"Abc\"\n"
     "}",
     "", 1, 1, "debug dump removed: var_dump object(stdClass)"},
    {"array_count_mismatch_is_not_a_dump",
     "array(3) {\n  [0]=>\n  int(1)\n}\nNext.",
     "array(3) {\n  [0]=>\n  int(1)\n}\nNext.", 0, 1,
     "debug dump kept: var_dump array(3) does not close"},
    // --- print_r ------------------------------------------------------------
    {"print_r_nested_with_widget",
     "Para.\n\n"
     "Array\n"
     "(\n"
     "    [0] => Array\n"
     "        (\n"
     "            [id] => 7\n"
     "            [title] => Seven\n"
     "        )\n"
     "\n"
     "    [1] => plain\n"
     ")\n",
     "Para.\n\n", 1, 1, "debug dump removed: print_r Array"},
    {"print_r_object", "stdClass Object\n(\n    [a:protected] => 1\n)\nNext.",
     "Next.", 0, 1, "debug dump removed: print_r stdClass Object"},
    // --- bare JSON ----------------------------------------------------------
    {"json_array_own_line",
     "Para.\n\n[{\"id\":\"1\",\"title\":\"A\"},{\"id\":2,\"title\":\"B\"}]\n",
     "Para.\n\n", 2, 1, "debug dump removed: JSON array of 2 objects"},
    {"json_array_own_block",
     "Para.\n\n[\n  {\"id\": \"1\", \"title\": \"A\"},\n  {\"x\": "
     "1}\n]\n\nNext.",
     "Para.\n\n\nNext.", 1, 1, "debug dump removed: JSON array of 2 objects"},
    // --- glued to the end of a paragraph -------------------------------------
    {"glued_string_json",
     "Last para. string(24) \"[{\"id\":\"1\",\"title\":\"A\"}]\"", "Last para.",
     1, 1, "debug dump removed: string(24)"},
    {"glued_string_json_wrong_length",
     "Last para. string(99) \"[{\"id\":\"1\",\"title\":\"A\"}]\"\nNext.",
     "Last para.\nNext.", 1, 1,
     "debug dump removed: string(99) (declared length does not match: 24"},
    {"glued_json_widgets", "Last para. [{\"id\":\"1\",\"title\":\"A\"}]  \n",
     "Last para.  \n", 1, 1, "debug dump removed: JSON array of 1 objects"},
    {"glued_var_dump_array",
     "Last para. array(1) {\n  [0]=>\n  int(1)\n}\nNext.", "Last para.\nNext.",
     0, 1, "debug dump removed: var_dump array(1)"},
    // --- must not strip -----------------------------------------------------
    {"prose_mentions_string_n",
     "In PHP, var_dump prints string(5) for a five-byte string.",
     "In PHP, var_dump prints string(5) for a five-byte string.", 0, 0, ""},
    {"prose_quotes_exact_dump_midline",
     "It printed string(5) \"hello\" and stopped.",
     "It printed string(5) \"hello\" and stopped.", 0, 0, ""},
    {"prose_glued_string_not_json", "PHP prints string(5) \"hello\"",
     "PHP prints string(5) \"hello\"", 0, 0, ""},
    {"footnote", "[1] see notes\n\nBody [2] text.",
     "[1] see notes\n\nBody [2] text.", 0, 0, ""},
    {"footnote_alone_is_valid_json_but_not_objects", "Body.\n\n[1]\n",
     "Body.\n\n[1]\n", 0, 0, ""},
    {"bracketed_insertion", "Russians are there too, but [they] are fighting.",
     "Russians are there too, but [they] are fighting.", 0, 0, ""},
    {"braces_in_prose", "The set {a, b} is {small} and {\"quoted\"}.",
     "The set {a, b} is {small} and {\"quoted\"}.", 0, 0, ""},
    {"json_inline_in_sentence", "The API returns [{\"id\":1}] for each call.",
     "The API returns [{\"id\":1}] for each call.", 0, 0, ""},
    {"json_glued_at_line_end_without_widget_shape",
     "The API returns [{\"id\":1}]", "The API returns [{\"id\":1}]", 0, 0, ""},
    {"json_array_of_numbers_alone", "[1, 2, 3]", "[1, 2, 3]", 0, 0, ""},
    {"code_paragraph",
     "for (int i = 0; i < n; ++i) { array(i) = 0; }\n$a = array(1, 2); "
     "print_r($a);",
     "for (int i = 0; i < n; ++i) { array(i) = 0; }\n$a = array(1, 2); "
     "print_r($a);",
     0, 0, ""},
    {"array_word_then_prose", "Array\nof hope.", "Array\nof hope.", 0, 0, ""},
    {"array_word_then_paren_line_that_never_closes",
     "Array\n(\nwhat follows is prose\n", "Array\n(\nwhat follows is prose\n",
     0, 1, "debug dump kept: print_r Array does not close"},
    // Decision: a truncated dump (no closing quote) is KEPT, with a warning.
    {"truncated_string_dump_kept",
     "Para.\n\nstring(695) \"[{\"id\":\"1488864\",\"sort\":\"30",
     "Para.\n\nstring(695) \"[{\"id\":\"1488864\",\"sort\":\"30", 0, 1,
     "debug dump kept: string(695) has no closing quote"},
    {"truncated_array_dump_kept", "array(2) {\n  [0]=>\n  int(1)\n",
     "array(2) {\n  [0]=>\n  int(1)\n", 0, 1,
     "debug dump kept: var_dump array(2) does not close"},
    {"empty", "", "", 0, 0, ""},
};

class DebugDumpGolden : public ::testing::TestWithParam<DumpCase> {};

TEST_P(DebugDumpGolden, Strip) {
  const DumpCase& c = GetParam();
  std::string scratch;
  std::vector<RelatedItem> related;
  std::vector<std::string> warnings;
  std::string_view out =
      StripDebugDumps(c.input, &scratch, &related, &warnings);
  EXPECT_EQ(out, c.remaining);
  EXPECT_EQ(related.size(), c.related);
  ASSERT_EQ(warnings.size(), c.warnings);
  if (!c.first_warning.empty()) {
    EXPECT_TRUE(std::string_view(warnings[0]).starts_with(c.first_warning))
        << warnings[0];
  }
  // Nothing removed: the input itself comes back, no copy made.
  if (c.remaining == c.input) {
    EXPECT_EQ(out.data(), c.input.data());
  }
}

INSTANTIATE_TEST_SUITE_P(Table, DebugDumpGolden, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.name; });

TEST(DebugDumpTest, WidgetFieldsFromEachShape) {
  std::string scratch;
  std::vector<RelatedItem> related;
  std::vector<std::string> warnings;
  (void)StripDebugDumps(
      "array(1) {\n  [0]=>\n  array(5) {\n    [\"id\"]=>\n    int(1488864)\n"
      "    [\"sort\"]=>\n    string(7) \"3051263\"\n"
      "    [\"contenttypeid\"]=>\n    int(21)\n    [\"pic\"]=>\n"
      "    string(5) \"/a.jpg\"\n    [\"title\"]=>\n    string(3) \"Abc\"\n"
      "  }\n}\n"
      "[{\"id\":1488865,\"sort\":3051264,\"contenttypeid\":21,\"pic\":\"/"
      "b.jpg\","
      "\"title\":\"D\\u00e9j\\u00e0 vu\",\"extra\":[1]}]\n",
      &scratch, &related, &warnings);
  ASSERT_EQ(related.size(), 2u);
  // string(5) "/a.jpg" is one byte short: the closing quote at the end of
  // the line is used instead and the warning says so.
  EXPECT_EQ(related[0],
            (RelatedItem{"1488864", "3051263", "21", "/a.jpg", "Abc"}));
  EXPECT_EQ(related[1], (RelatedItem{"1488865", "3051264", "21", "/b.jpg",
                                     "D\xC3\xA9j\xC3\xA0 vu"}));
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_NE(warnings[0].find("did not match"), std::string::npos)
      << warnings[0];
  EXPECT_EQ(scratch, "");
}

TEST(DebugDumpTest, DeepNestingIsNotADump) {
  std::string text;
  for (int i = 0; i < kMaxDumpDepth + 1; ++i) text += "array(1) {\n[0]=>\n";
  text += "int(1)\n";
  for (int i = 0; i < kMaxDumpDepth + 1; ++i) text += "}\n";
  std::string scratch;
  std::vector<RelatedItem> related;
  std::vector<std::string> warnings;
  std::string_view out = StripDebugDumps(text, &scratch, &related, &warnings);
  EXPECT_EQ(out, text);
  EXPECT_EQ(warnings.size(), 1u);  // kept, and said so
}

TEST(DebugDumpTest, ManyGluedCandidatesOnOneLineStayLinear) {
  // Each glued "array(1) {" opens a structure that never closes; depth limit
  // and budget stop the retries. Correctness only (no timings here).
  std::string text = "Start";
  for (int i = 0; i < 20000; ++i) text += " array(1) { [0]=>";
  std::string scratch;
  std::vector<RelatedItem> related;
  std::vector<std::string> warnings;
  std::string_view out = StripDebugDumps(text, &scratch, &related, &warnings);
  EXPECT_EQ(out, text);
  EXPECT_TRUE(warnings.empty());
}

}  // namespace
}  // namespace wirewatch::html

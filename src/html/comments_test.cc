#include "html/comments.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace wirewatch::html {
namespace {

std::vector<std::string> Comments(std::string_view html) {
  Dom dom;
  dom.Parse(html, Dom::Limits{});
  std::vector<std::string> out;
  ExtractComments(dom, &out);
  return out;
}

TEST(ExtractCommentsTest, CommentBodiesWithoutHeadersAndWithRepliesApart) {
  auto c = Comments(
      "<p>Body text.</p><div id=comments><ol class=commentlist>"
      "<li class=comment><div class=comment-author>Ann</div>"
      "<div class=comment-content><p>First.</p><p>Second line.</p></div>"
      "<ul class=children><li class=comment><div class=comment-content>A reply."
      "</div></li></ul></li>"
      "<li class=comment><div class=comment-content>Last one.</div></li></ol>"
      "<div id=respond><form><textarea>typed</textarea></form></div></div>");
  EXPECT_EQ(c, (std::vector<std::string>{"First. Second line.", "A reply.",
                                         "Last one."}));
}

TEST(ExtractCommentsTest, ListItemsThenParagraphsAsFallbacks) {
  EXPECT_EQ(Comments("<section class=reader-comments><ul><li>Great piece.</li>"
                     "<li>I disagree <b>strongly</b>.</li></ul></section>"),
            (std::vector<std::string>{"Great piece.", "I disagree strongly."}));
  EXPECT_EQ(
      Comments("<div class=kommentare><p>Ein sehr guter Artikel, danke!</p>"
               "<p>kurz</p></div>"),
      (std::vector<std::string>{"Ein sehr guter Artikel, danke!"}));
}

TEST(ExtractCommentsTest, SkipsFormNotesAndLiveCommentary) {
  EXPECT_EQ(Comments("<div id=comments><p class=must-log-in>You must be logged "
                     "in to post a "
                     "comment.</p><div class=comment-content>Nice and clear, "
                     "thanks a lot.</div>"
                     "<p class=comment-notes>Your email address will not be "
                     "published.</p></div>"),
            (std::vector<std::string>{"Nice and clear, thanks a lot."}));
  EXPECT_EQ(Comments("<div id=comments><p class=comment-notes>Your email "
                     "address will not be "
                     "published.</p><p>I liked the second half of this article "
                     "most.</p></div>"),
            (std::vector<std::string>{
                "I liked the second half of this article most."}));
  // A live blog's "live-match-comment" items are the match report, not readers.
  EXPECT_TRUE(
      Comments("<div class=live-match-comment><p>90. Minute: Abpfiff in "
               "Lorient, es bleibt beim Unentschieden.</p></div>")
          .empty());
}

TEST(ExtractCommentsTest, EmptySectionPlaceholdersAreNoComments) {
  EXPECT_TRUE(Comments("<div id=comments><p>Bisher noch keine Kommentare "
                       "vorhanden</p></div>")
                  .empty());
  EXPECT_TRUE(
      Comments(
          "<ul class=comment-list><li>No comments yet.</li><li>1</li></ul>")
          .empty());
}

TEST(ExtractCommentsTest, IgnoresCountersLinksFormsAndWidgets) {
  EXPECT_TRUE(
      Comments(
          "<p>Text</p><span class=comment-count>3</span>"
          "<a class=comments-link href=#c>3 comments</a>"
          "<div class=comment-respond><form><p>Leave a reply to "
          "this</p></form></div>"
          "<aside class=recent-comments><ul><li>Bob on Foo</li></ul></aside>")
          .empty());
}

}  // namespace
}  // namespace wirewatch::html

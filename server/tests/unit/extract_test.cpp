// The text extractor's pure parts: text made safe to store and kept within its limit, and the
// OCR's mean word confidence.
#include <gtest/gtest.h>

#include "extract/text_budget.hpp"

namespace cma::extract {

TEST(ExtractText, IllFormedBytesAreReplacedAndControlCharactersDropped) {
  EXPECT_EQ(clean_text("plain text"), "plain text");
  EXPECT_EQ(clean_text("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(clean_text("a\xFF"
                       "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(clean_text(std::string("a\0b\x01"
                                   "c",
                                   5)),
            "abc")
      << "PostgreSQL stores no NUL in text";
  EXPECT_EQ(clean_text("line\r\nnext\fpage\ttab"), "line\n\nnext\npage\ttab");
}

TEST(ExtractText, PagesAreJoinedByABlankLineUntilTheLimit) {
  TextBudget budget(1000);
  EXPECT_TRUE(budget.add_page("one"));
  EXPECT_TRUE(budget.add_page(""));
  EXPECT_TRUE(budget.add_page("two"));
  EXPECT_FALSE(budget.full());
  EXPECT_EQ(budget.take(), "one\n\ntwo");
}

TEST(ExtractText, ThePageThatDoesNotFitIsCutAtACharacterBoundaryAndNothingFollows) {
  TextBudget budget(10);
  EXPECT_TRUE(budget.add_page("abcd"));
  // "abcd" + "\n\n" leaves 4 bytes: "é" is two, so "ééé" (six) is cut after the second.
  EXPECT_FALSE(budget.add_page("\xC3\xA9\xC3\xA9\xC3\xA9"));
  EXPECT_TRUE(budget.full());
  EXPECT_FALSE(budget.add_page("more"));
  EXPECT_EQ(budget.take(), "abcd\n\n\xC3\xA9\xC3\xA9");

  TextBudget odd(9);
  odd.add_page("abcd");
  odd.add_page("\xC3\xA9\xC3\xA9\xC3\xA9");
  EXPECT_EQ(odd.take(), "abcd\n\n\xC3\xA9") << "never half a character";
}

TEST(ExtractText, MeanConfidenceLeavesOutTheNonWords) {
  EXPECT_DOUBLE_EQ(mean_confidence({}), 0.0);
  EXPECT_DOUBLE_EQ(mean_confidence({90, 80, -1}), 85.0);
  EXPECT_DOUBLE_EQ(mean_confidence({-1}), 0.0);
  EXPECT_DOUBLE_EQ(mean_confidence({100, 100, 130}), 100.0);
}

}  // namespace cma::extract

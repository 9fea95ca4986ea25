// Documents' pure rules: the document types, file names made safe, the content-type allow-list.
#include <gtest/gtest.h>

#include "domain/documents/document_rules.hpp"

namespace cma::domain {

TEST(DocumentRules, TypesRoundTripAndUnknownOnesAreRefused) {
  for (auto t : {DocumentType::bank_statement, DocumentType::payslip, DocumentType::creditor_letter,
                 DocumentType::court_papers, DocumentType::benefit_letter, DocumentType::id, DocumentType::other})
    EXPECT_EQ(parse_document_type(to_string(t)), t);
  EXPECT_FALSE(parse_document_type("Payslip"));
  EXPECT_FALSE(parse_document_type(""));
  EXPECT_FALSE(parse_document_type("passport"));
  EXPECT_NE(document_type_list().find("court_papers"), std::string::npos);
}

TEST(DocumentRules, NamesKeepOnlyTheirLastComponent) {
  EXPECT_EQ(sanitize_document_name("../../x"), "x");
  EXPECT_EQ(sanitize_document_name("..\\..\\windows\\system.ini"), "system.ini");
  EXPECT_EQ(sanitize_document_name("/etc/passwd"), "passwd");
  EXPECT_EQ(sanitize_document_name("statement.pdf"), "statement.pdf");
  EXPECT_EQ(sanitize_document_name("Lohnabrechnung März.pdf"), "Lohnabrechnung März.pdf");
}

TEST(DocumentRules, NamesLoseControlsBadBytesAndLeadingDots) {
  EXPECT_EQ(sanitize_document_name(std::string("a\0b.pdf", 7)), "a_b.pdf");
  EXPECT_EQ(sanitize_document_name("line\r\nbreak.txt"), "line__break.txt");
  EXPECT_EQ(sanitize_document_name("\xff\xfe.pdf"), "__.pdf");
  EXPECT_EQ(sanitize_document_name("..hidden"), "hidden");
  EXPECT_EQ(sanitize_document_name("  spaced  "), "spaced");
  EXPECT_EQ(sanitize_document_name(".."), "document");
  EXPECT_EQ(sanitize_document_name(""), "document");
  EXPECT_EQ(sanitize_document_name("dir/"), "document");
}

TEST(DocumentRules, LongNamesAreCutOnACharacterKeepingTheExtension) {
  std::string name;
  for (int i = 0; i < 300; ++i) name += "é";
  auto cut = sanitize_document_name(name + ".pdf");
  EXPECT_LE(cut.size(), kMaxDocumentNameBytes);
  EXPECT_EQ(cut.substr(cut.size() - 4), ".pdf");
  EXPECT_EQ(cut.substr(0, 2), "é");
  // Still well-formed: every é whole.
  EXPECT_EQ((cut.size() - 4) % 2, 0u);
}

TEST(DocumentRules, ExplicitNamesMustNotBeBlankOrTooLong) {
  EXPECT_EQ(check_document_name("March payslip").name, "March payslip");
  EXPECT_FALSE(check_document_name("   ").error.empty());
  EXPECT_FALSE(check_document_name(std::string(256, 'a')).error.empty());
  EXPECT_EQ(check_document_name("../x").name, "x");
}

TEST(DocumentRules, AttachmentsNameTheFileSafelyInAsciiAndExactlyInUtf8) {
  EXPECT_EQ(attachment_disposition("March statement.pdf"),
            "attachment; filename=\"March statement.pdf\"; filename*=UTF-8''March%20statement.pdf");
  // Quotes, backslashes and percents cannot break out of the quoted name; non-ASCII is kept exactly
  // in the encoded one.
  EXPECT_EQ(attachment_disposition("a\"b\\c%d.txt"),
            "attachment; filename=\"a_b_c_d.txt\"; filename*=UTF-8''a%22b%5Cc%25d.txt");
  EXPECT_EQ(attachment_disposition("Déclaration.pdf"),
            "attachment; filename=\"D__claration.pdf\"; filename*=UTF-8''D%C3%A9claration.pdf");
}

TEST(DocumentRules, OnlyTheAllowListedTypesAreAccepted) {
  EXPECT_EQ(accepted_content_type("application/pdf"), "application/pdf");
  EXPECT_EQ(accepted_content_type("image/png"), "image/png");
  EXPECT_EQ(accepted_content_type("image/jpeg"), "image/jpeg");
  EXPECT_EQ(accepted_content_type("image/tiff"), "image/tiff");
  EXPECT_EQ(accepted_content_type("text/plain; charset=us-ascii"), "text/plain");
  EXPECT_TRUE(accepted_content_type("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
  EXPECT_TRUE(accepted_content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
  EXPECT_FALSE(accepted_content_type("application/x-executable"));
  EXPECT_FALSE(accepted_content_type("application/x-pie-executable"));
  EXPECT_FALSE(accepted_content_type("text/html"));
  EXPECT_FALSE(accepted_content_type("application/zip"));
  EXPECT_FALSE(accepted_content_type("image/svg+xml"));
  EXPECT_FALSE(accepted_content_type(""));
}

TEST(DocumentRules, TextIsExtractedFromEveryAcceptedStoredType) {
  EXPECT_TRUE(extracts_text("application/pdf"));
  EXPECT_TRUE(extracts_text("image/png"));
  EXPECT_TRUE(extracts_text("image/jpeg"));
  EXPECT_TRUE(extracts_text("image/tiff"));
  EXPECT_TRUE(extracts_text("text/plain"));
  EXPECT_TRUE(extracts_text("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
  EXPECT_TRUE(extracts_text("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
  EXPECT_FALSE(extracts_text("application/zip"));
  EXPECT_FALSE(extracts_text("text/plain; charset=utf-8")) << "only a stored (bare) type";
  EXPECT_FALSE(extracts_text(""));
}

}  // namespace cma::domain

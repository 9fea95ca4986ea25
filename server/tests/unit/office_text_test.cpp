// The text of Word and Excel files: what is text and what is not, the shared strings Excel writes
// after the sheets, damaged and hostile files as failed outcomes, and the limits.
#include "extract/office_text.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "support/zip_writer.hpp"

namespace cma::extract {
namespace {

namespace fs = std::filesystem;
using testing::docx_bytes;
using testing::xlsx_bytes;

class OfficeText : public ::testing::Test {
 protected:
  void TearDown() override {
    std::error_code ec;
    fs::remove(file_, ec);
  }
  app::Extraction read(const std::string& bytes, OfficeKind kind, app::ExtractionLimits limits = {}) {
    std::ofstream(file_, std::ios::binary | std::ios::trunc) << bytes;
    return office_text(file_, kind, limits);
  }
  fs::path file_ = fs::temp_directory_path() / ("cma-office-" + std::to_string(::getpid()) + ".bin");
};

TEST_F(OfficeText, AWordDocumentGivesItsParagraphsRunsTabsAndBreaks) {
  auto r = read(docx_bytes("<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
                           "<w:r><w:t>Final</w:t></w:r><w:r><w:t xml:space=\"preserve\"> demand</w:t></w:r></w:p>"
                           "<w:p><w:r><w:t>Balance</w:t><w:tab/><w:t>&#163;1,234.56 &amp; costs</w:t></w:r></w:p>"
                           "<w:p><w:r><w:t>Line one</w:t><w:br/><w:t>line two</w:t></w:r>"
                           "<w:del><w:r><w:delText>withdrawn</w:delText></w:r></w:del>"
                           "<w:r><w:instrText>PAGE</w:instrText></w:r></w:p>"
                           "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"),
                OfficeKind::docx);
  ASSERT_EQ(r.outcome, app::Extraction::Outcome::done) << r.error;
  EXPECT_EQ(r.text,
            "Final demand\nBalance\t\xC2\xA3"
            "1,234.56 & costs\nLine one\nline two\nCell");
  EXPECT_EQ(r.pages, 1);
  EXPECT_FALSE(r.truncated);
  EXPECT_FALSE(r.confidence.has_value());
}

TEST_F(OfficeText, AWorkbookGivesARowALineWithSharedStringsWrittenAfterTheSheets) {
  auto r = read(xlsx_bytes({"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                            "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\"><v>1234.5</v></c>"
                            "<c r=\"C2\" t=\"b\"><v>1</v></c><c r=\"D2\" t=\"inlineStr\"><is><t>inline</t></is></c>"
                            "<c r=\"E2\" t=\"s\"><v>99</v></c><c r=\"F2\"/></row><row r=\"3\"/>",
                            "<row r=\"1\"><c r=\"A1\" t=\"str\"><f>A1</f><v>from a formula</v></c></row>"},
                           {"<t>Creditor</t>", "<t>Balance</t>",
                            "<r><t>Acme</t></r><r><t xml:space=\"preserve\"> Loans</t></r><rPh><t>reading</t></rPh>"}),
                OfficeKind::xlsx);
  ASSERT_EQ(r.outcome, app::Extraction::Outcome::done) << r.error;
  EXPECT_EQ(r.text, "Creditor\tBalance\nAcme Loans\t1234.5\tTRUE\tinline\n\nfrom a formula")
      << "an index past the shared strings and an empty cell give nothing; each sheet is a page";
  EXPECT_EQ(r.pages, 2);
  EXPECT_FALSE(r.truncated);
}

TEST_F(OfficeText, DamagedAndHostileFilesFailWithAReason) {
  auto not_zip = read("this is not a zip archive at all", OfficeKind::docx);
  EXPECT_EQ(not_zip.outcome, app::Extraction::Outcome::failed);
  EXPECT_NE(not_zip.error.find("Word document could not be read"), std::string::npos) << not_zip.error;

  auto bad_xml = read(docx_bytes("<w:p><w:r><w:t>unclosed</w:r></w:p>"), OfficeKind::docx);
  EXPECT_EQ(bad_xml.outcome, app::Extraction::Outcome::failed);

  // Entities declared in a document type would expand (a "billion laughs"): none is allowed.
  auto laughs = testing::zip_bytes(
      {{"[Content_Types].xml", "<Types/>"},
       {"word/document.xml", std::string("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">"
                                         "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><w:document xmlns:w=\"") +
                                 testing::kWordNs +
                                 "\"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"}});
  auto refused = read(laughs, OfficeKind::docx);
  EXPECT_EQ(refused.outcome, app::Extraction::Outcome::failed);
  EXPECT_TRUE(refused.text.empty());

  auto no_body = read(testing::zip_bytes({{"[Content_Types].xml", "<Types/>"}}), OfficeKind::docx);
  EXPECT_EQ(no_body.outcome, app::Extraction::Outcome::failed);
  EXPECT_NE(no_body.error.find("no body"), std::string::npos) << no_body.error;

  auto no_sheets = read(testing::zip_bytes({{"[Content_Types].xml", "<Types/>"}}), OfficeKind::xlsx);
  EXPECT_EQ(no_sheets.outcome, app::Extraction::Outcome::failed);
  EXPECT_NE(no_sheets.error.find("Excel workbook"), std::string::npos) << no_sheets.error;
}

TEST_F(OfficeText, TextIsCutAtItsLimitAndAHugePartStopsAtTheUnpackedLimit) {
  std::string body;
  for (int i = 0; i < 2000; ++i) body += "<w:p><w:r><w:t>paragraph " + std::to_string(i) + "</w:t></w:r></w:p>";
  app::ExtractionLimits small;
  small.max_text_bytes = 1000;
  auto cut = read(docx_bytes(body), OfficeKind::docx, small);
  ASSERT_EQ(cut.outcome, app::Extraction::Outcome::done) << cut.error;
  EXPECT_TRUE(cut.truncated);
  EXPECT_LE(cut.text.size(), 1000u);
  EXPECT_EQ(cut.text.rfind("paragraph 0\nparagraph 1\n", 0), 0u);

  // 64 MiB of spaces deflate to well under a megabyte; reading stops at the unpacked limit.
  std::string padding(64u << 20, ' ');
  app::ExtractionLimits bounded;
  bounded.max_unpacked_bytes = 4 << 20;
  auto started = std::chrono::steady_clock::now();
  auto bomb =
      read(docx_bytes("<w:p><w:r><w:t>before</w:t></w:r></w:p>" + padding + "<w:p><w:r><w:t>after</w:t></w:r></w:p>"),
           OfficeKind::docx, bounded);
  ASSERT_EQ(bomb.outcome, app::Extraction::Outcome::done) << bomb.error;
  EXPECT_TRUE(bomb.truncated);
  EXPECT_EQ(bomb.text, "before");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(30));
}

}  // namespace
}  // namespace cma::extract

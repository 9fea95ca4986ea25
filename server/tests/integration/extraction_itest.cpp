// Text extraction of documents, run by the document.extract job: a PDF's text read and found by
// search, the same page rendered to a PNG and read by OCR, a damaged PDF failing visibly, retries
// ending as a visible failure, reruns storing once, and no centre reaching another's text. The jobs
// are claimed from the real queue and run by the real handler, one at a time, so every step is
// deterministic.
#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/documents/extraction.hpp"
#include "app/jobs/jobs.hpp"
#include "app/jobs/ports.hpp"
#include "extract/text_extractor.hpp"
#include "jobs/handlers.hpp"
#include "support/backend.hpp"
#include "support/test_app.hpp"
#include "support/zip_writer.hpp"

namespace cma::testing::extraction_itest {
namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

constexpr const char* kSentence = "Final demand from Northwick Borough Council for unpaid rent";

// A PDF of `objects` (numbered from 1, the first the catalog) with a correct cross-reference table.
std::string pdf_of(const std::vector<std::string>& objects) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  auto xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (auto at : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", at);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string stream_object(const std::string& dictionary, const std::string& data) {
  return "<< " + dictionary + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

// A one-page PDF written by hand: the sentence in 24 pt Helvetica.
std::string sentence_pdf(const std::string& sentence) {
  return pdf_of({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 900 792] /Contents 4 0 R"
                 " /Resources << /Font << /F1 5 0 R >> >> >>",
                 stream_object("", "BT /F1 24 Tf 40 700 Td (" + sentence + ") Tj ET"),
                 "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"});
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The PDF's first page rendered at `dpi`, as a scanner would see it.
poppler::image render_first_page(const std::string& pdf, double dpi, poppler::image::format_enum format) {
  std::vector<char> bytes(pdf.begin(), pdf.end());
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(bytes.data(), (int)bytes.size()));
  EXPECT_NE(doc, nullptr);
  if (!doc) return {};
  std::unique_ptr<poppler::page> page(doc->create_page(0));
  poppler::page_renderer renderer;
  renderer.set_image_format(format);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  auto image = renderer.render_page(page.get(), dpi, dpi);
  EXPECT_TRUE(image.is_valid());
  return image;
}

// The page saved as a 300 dpi PNG, as a scanner would give it.
std::string rendered_png(const std::string& pdf) {
  auto image = render_first_page(pdf, 300, poppler::image::format_argb32);
  auto file = fs::path(temp_dir()) / "page.png";
  EXPECT_TRUE(image.save(file.string(), "png", 300));
  auto png = read_file(file);
  fs::remove(file);
  return png;
}

// The page as a scanner saving to PDF gives it: one grey image at 200 dpi filling the page, and no
// text layer at all.
std::string scanned_pdf(const std::string& pdf) {
  auto image = render_first_page(pdf, 200, poppler::image::format_gray8);
  std::string pixels;
  for (int y = 0; y < image.height(); ++y)
    pixels.append(image.const_data() + static_cast<std::ptrdiff_t>(y) * image.bytes_per_row(),
                  static_cast<std::size_t>(image.width()));
  return pdf_of({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 900 792] /Contents 4 0 R"
                 " /Resources << /XObject << /Im1 5 0 R >> >> >>",
                 stream_object("", "q 900 0 0 792 0 0 cm /Im1 Do Q"),
                 stream_object("/Type /XObject /Subtype /Image /Width " + std::to_string(image.width()) + " /Height " +
                                   std::to_string(image.height()) + " /ColorSpace /DeviceGray /BitsPerComponent 8",
                               pixels)});
}

std::string collapse_spaces(const std::string& s) {
  std::string out;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string new_case(TestApp& app, const std::string& token) {
  auto client = app.post("/api/v1/clients", json::object{{"firstName", "Ocr"}, {"lastName", "Reader"}}, token);
  EXPECT_EQ(client.status, 201) << client.body;
  auto c = app.post("/api/v1/cases", json::object{{"clientId", client.str("id")}}, token);
  EXPECT_EQ(c.status, 201) << c.body;
  return c.str("id");
}

// The queue and the handlers over the app's database and store, with the real extractor.
struct Jobs {
  explicit Jobs(TestApp& app)
      : ids(app.clock()), extractor(extract::make_text_extractor()), deps{app.db(), app.clock(), ids, app.reference()} {
    deps.blobs = &app.blobs();
    deps.extractor = extractor.get();
    jobs::add_builtin_handlers(handlers);
  }
  platform::UuidV7Generator ids;
  std::unique_ptr<app::TextExtractor> extractor;
  app::Deps deps;
  jobs::HandlerRegistry handlers;

  // Runs one attempt of `job` through its handler; the result as the worker would see it.
  jobs::JobResult run(const app::Job& job) {
    std::atomic<bool> stop{false};
    jobs::JobContext ctx(job, deps, stop);
    const auto* handler = handlers.find(job.kind);
    EXPECT_NE(handler, nullptr) << job.kind;
    return (*handler)(ctx);
  }
  // Claims every due document.extract job, runs each once and settles it as the worker does.
  // Returns the jobs run.
  std::vector<app::Job> run_due() {
    std::vector<app::Job> ran;
    for (auto& job : app::claim_jobs(deps, "itest", std::chrono::seconds(60), 100)) {
      if (job.kind != app::kExtractJob) {
        app::complete_job(deps, job, "itest");
        continue;
      }
      auto r = run(job);
      if (r.status == jobs::JobResult::Status::done)
        EXPECT_TRUE(app::complete_job(deps, job, "itest"));
      else
        app::fail_job(deps, job, "itest", r.error, std::chrono::milliseconds(0),
                      r.status == jobs::JobResult::Status::dead);
      ran.push_back(job);
    }
    return ran;
  }
  std::vector<app::Job> all_extract_jobs() {
    auto tx = deps.db.begin(app::TxMode::read);
    app::PageRequest page;
    page.limit = 1000;
    return tx->get<app::JobRepository>().list({"", app::kExtractJob}, page);
  }
};

json::array search(TestApp& app, const std::string& token, const std::string& q, const std::string& kind = "") {
  auto r = app.get("/api/v1/search?q=" + q + (kind.empty() ? "" : "&kind=" + kind), token);
  EXPECT_EQ(r.status, 200) << r.body;
  if (r.status != 200) return {};
  return r.obj().at("items").as_array();
}

int audit_count(TestApp& app, const std::string& token, const std::string& document_id, const std::string& action) {
  auto r = app.get("/api/v1/audit?entityType=document&entityId=" + document_id, token);
  EXPECT_EQ(r.status, 200) << r.body;
  int n = 0;
  if (r.status == 200)
    for (const auto& e : r.obj().at("items").as_array())
      if (e.at("action").as_string() == action) ++n;
  return n;
}

// Uploads `bytes` to a new case as `filename`, checks the type they were taken for, runs the
// extraction job and returns the document as the API then shows it.
HttpResult upload_and_extract(TestApp& app, Jobs& jobs, const std::string& token, const std::string& bytes,
                              const std::string& filename, const std::string& content_type) {
  auto case_id = new_case(app, token);
  auto up = app.upload("/api/v1/cases/" + case_id + "/documents", token, bytes, filename);
  EXPECT_EQ(up.status, 201) << up.body;
  if (up.status != 201) return up;
  EXPECT_EQ(up.str("contentType"), content_type);
  EXPECT_EQ(up.str("extractionStatus"), "pending");
  EXPECT_EQ(jobs.run_due().size(), 1u);
  auto got = app.get("/api/v1/documents/" + up.str("id"), token);
  EXPECT_EQ(got.status, 200) << got.body;
  return got;
}

// An OCR outcome: done, the sentence read, a confidence above `min_confidence`, found by search.
void expect_read_by_ocr(TestApp& app, const std::string& token, const HttpResult& got, double min_confidence) {
  ASSERT_EQ(got.str("extractionStatus"), "done") << got.body;
  EXPECT_NE(collapse_spaces(got.str("extractedText")).find(kSentence), std::string::npos) << got.str("extractedText");
  ASSERT_TRUE(got.obj().at("extractionConfidence").is_number()) << got.body;
  auto confidence = got.obj().at("extractionConfidence").to_number<double>();
  EXPECT_GT(confidence, min_confidence);
  EXPECT_LE(confidence, 100.0);
  EXPECT_EQ(search(app, token, "northwick").size(), 1u);
}

}  // namespace

TEST(Extraction, APdfsTextIsExtractedStoredAndFoundBySearch) {
  TestApp app;
  Jobs jobs(app);
  auto t = app.login(app.advisor_a);
  auto case_id = new_case(app, t);
  auto up = app.upload("/api/v1/cases/" + case_id + "/documents", t, sentence_pdf(kSentence), "demand.pdf");
  ASSERT_EQ(up.status, 201) << up.body;
  auto id = up.str("id");
  EXPECT_EQ(up.str("extractionStatus"), "pending");
  // Queued with the version, in its transaction.
  auto queued = jobs.all_extract_jobs();
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_EQ(queued[0].centre_id, app.centre_a);
  EXPECT_TRUE(search(app, t, "northwick").empty()) << "nothing is searchable before extraction";

  ASSERT_EQ(jobs.run_due().size(), 1u);
  auto got = app.get("/api/v1/documents/" + id, t);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.str("extractionStatus"), "done");
  EXPECT_EQ(collapse_spaces(got.str("extractedText")), kSentence);
  EXPECT_TRUE(got.obj().at("extractionConfidence").is_null()) << "a PDF's text layer has no confidence";
  EXPECT_TRUE(got.obj().at("extractionError").is_null());
  EXPECT_EQ(jobs.all_extract_jobs()[0].state, "done") << jobs.all_extract_jobs()[0].last_error;

  // Lists carry the status but never the text.
  auto list = app.get("/api/v1/cases/" + case_id + "/documents", t);
  ASSERT_EQ(list.status, 200) << list.body;
  const auto& item = list.obj().at("items").as_array().at(0).as_object();
  EXPECT_EQ(item.at("extractionStatus").as_string(), "done");
  EXPECT_FALSE(item.contains("extractedText"));

  auto found = search(app, t, "northwick%20borough");
  ASSERT_EQ(found.size(), 1u);
  const auto& hit = found[0].as_object();
  EXPECT_EQ(hit.at("kind").as_string(), "document");
  EXPECT_EQ(hit.at("id").as_string(), id);
  EXPECT_EQ(hit.at("caseId").as_string(), case_id);
  EXPECT_EQ(hit.at("field").as_string(), "text");
  EXPECT_EQ(hit.at("label").as_string(), "demand.pdf");
  bool marked = false;
  for (const auto& part : hit.at("snippet").as_array())
    if (part.at("match").as_bool() && part.at("text").as_string() == "Northwick") marked = true;
  EXPECT_TRUE(marked) << json::serialize(hit);
  EXPECT_EQ(search(app, t, "unpaid", "document").size(), 1u);
  EXPECT_TRUE(search(app, t, "unpaid", "note").empty());
  // Audited once, as the system.
  auto manager = app.login(app.manager_a);
  EXPECT_EQ(audit_count(app, manager, id, "document.extract"), 1);

  // A deleted document drops out of search.
  ASSERT_EQ(app.call("DELETE", "/api/v1/documents/" + id, t).status, 204);
  EXPECT_TRUE(search(app, t, "northwick").empty());
}

TEST(Extraction, OcrOfARenderedPageFindsItsSentence) {
  TestApp app;
  Jobs jobs(app);
  auto t = app.login(app.advisor_a);
  auto png = rendered_png(sentence_pdf(kSentence));
  ASSERT_FALSE(png.empty());
  expect_read_by_ocr(app, t, upload_and_extract(app, jobs, t, png, "scan.png", "image/png"), 0.0);
}

// A scanned letter saved as PDF has no text layer: its page is rendered and read by OCR, so its
// words are stored, with a confidence, and found by search.
TEST(Extraction, AScannedPdfIsReadByOcr) {
  TestApp app;
  Jobs jobs(app);
  auto t = app.login(app.advisor_a);
  auto pdf = scanned_pdf(sentence_pdf(kSentence));
  ASSERT_FALSE(pdf.empty());
  expect_read_by_ocr(app, t, upload_and_extract(app, jobs, t, pdf, "scan.pdf", "application/pdf"), 50.0);
}

// A creditor's letter written in Word and a statement of arrears from Excel: their text is stored
// and found by search, with no confidence (nothing was guessed).
TEST(Extraction, WordAndExcelFilesAreReadAndFoundBySearch) {
  TestApp app;
  Jobs jobs(app);
  auto t = app.login(app.advisor_a);
  auto word =
      upload_and_extract(app, jobs, t,
                         docx_bytes("<w:p><w:r><w:t>" + std::string(kSentence) +
                                    "</w:t></w:r></w:p><w:p><w:r><w:t>Ref</w:t><w:tab/>"
                                    "<w:t>QX-778</w:t></w:r></w:p>"),
                         "letter.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  ASSERT_EQ(word.str("extractionStatus"), "done") << word.body;
  EXPECT_EQ(word.str("extractedText"), std::string(kSentence) + "\nRef\tQX-778");
  EXPECT_TRUE(word.obj().at("extractionConfidence").is_null());
  EXPECT_EQ(search(app, t, "northwick", "document").size(), 1u);

  auto sheet = upload_and_extract(
      app, jobs, t,
      xlsx_bytes(
          {"<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c></row><row><c t=\"s\"><v>2</v></c><c><v>412.07</v>"
           "</c></row>"},
          {"<t>Month</t>", "<t>Arrears</t>", "<t>Quenby Water</t>"}),
      "arrears.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  ASSERT_EQ(sheet.str("extractionStatus"), "done") << sheet.body;
  EXPECT_EQ(sheet.str("extractedText"), "Month\tArrears\nQuenby Water\t412.07");
  auto found = search(app, t, "quenby", "document");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].as_object().at("label").as_string(), "arrears.xlsx");

  // A file that only looks like a workbook fails visibly, with its reason.
  auto damaged = upload_and_extract(app, jobs, t, xlsx_bytes({"<row><c><v>1</c></row>"}, {}), "broken.xlsx",
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(damaged.str("extractionStatus"), "failed") << damaged.body;
  EXPECT_NE(damaged.str("extractionError").find("Excel workbook could not be read"), std::string::npos) << damaged.body;
}

TEST(Extraction, ADamagedPdfFailsVisiblyWithItsReason) {
  TestApp app;
  Jobs jobs(app);
  auto t = app.login(app.advisor_a);
  auto case_id = new_case(app, t);
  std::string garbage = "%PDF-1.7\n";
  for (int i = 0; i < 2000; ++i) garbage += static_cast<char>('!' + (i * 37) % 90);
  auto up = app.upload("/api/v1/cases/" + case_id + "/documents", t, garbage, "broken.pdf");
  ASSERT_EQ(up.status, 201) << up.body;
  ASSERT_EQ(up.str("contentType"), "application/pdf");
  ASSERT_EQ(jobs.run_due().size(), 1u);
  auto got = app.get("/api/v1/documents/" + up.str("id"), t);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.str("extractionStatus"), "failed");
  EXPECT_NE(got.str("extractionError").find("PDF"), std::string::npos) << got.body;
  EXPECT_TRUE(got.obj().at("extractedText").is_null());
  auto list = app.get("/api/v1/cases/" + case_id + "/documents", t);
  const auto& item = list.obj().at("items").as_array().at(0).as_object();
  EXPECT_EQ(item.at("extractionStatus").as_string(), "failed");
  EXPECT_EQ(item.at("extractionError").as_string(), got.str("extractionError"));
  // The job itself did its work: the failure is the document's, not the queue's.
  EXPECT_EQ(jobs.all_extract_jobs()[0].state, "done");
}

TEST(Extraction, AnExtractorThatIsNeverAvailableEndsAsAVisibleFailureAfterTheAttempts) {
  TestApp app;
  Jobs jobs(app);
  jobs.deps.extractor = nullptr;
  auto t = app.login(app.advisor_a);
  auto case_id = new_case(app, t);
  auto up = app.upload("/api/v1/cases/" + case_id + "/documents", t, sentence_pdf(kSentence), "a.pdf");
  ASSERT_EQ(up.status, 201) << up.body;
  auto id = up.str("id");
  for (int attempt = 1; attempt < app::kExtractMaxAttempts; ++attempt) {
    ASSERT_EQ(jobs.run_due().size(), 1u);
    EXPECT_EQ(app.get("/api/v1/documents/" + id, t).str("extractionStatus"), "pending") << attempt;
    EXPECT_EQ(jobs.all_extract_jobs()[0].state, "queued");
  }
  ASSERT_EQ(jobs.run_due().size(), 1u);
  auto got = app.get("/api/v1/documents/" + id, t);
  EXPECT_EQ(got.str("extractionStatus"), "failed");
  EXPECT_NE(got.str("extractionError").find("not configured"), std::string::npos) << got.body;
  EXPECT_TRUE(jobs.run_due().empty());
}

TEST(Extraction, AnotherCentreNeitherReadsNorFindsTheText) {
  TestApp app;
  Jobs jobs(app);
  auto t = app.login(app.advisor_a);
  auto case_id = new_case(app, t);
  auto up = app.upload("/api/v1/cases/" + case_id + "/documents", t, sentence_pdf(kSentence), "a.pdf");
  ASSERT_EQ(up.status, 201) << up.body;
  jobs.run_due();
  ASSERT_EQ(search(app, t, "northwick").size(), 1u);
  auto other = app.login(app.advisor_b);
  auto read = app.get("/api/v1/documents/" + up.str("id"), other);
  EXPECT_EQ(read.status, 404) << read.body;
  EXPECT_EQ(read.body.find("Northwick"), std::string::npos);
  EXPECT_TRUE(search(app, other, "northwick").empty());
  EXPECT_TRUE(search(app, other, "northwick", "document").empty());
  // An admin sees it only by naming the centre it is in.
  auto admin = app.login(app.admin);
  EXPECT_EQ(search(app, admin, "northwick&centreId=" + app.centre_a).size(), 1u);
  EXPECT_TRUE(search(app, admin, "northwick&centreId=" + app.centre_b).empty());
}

TEST(Extraction, AJobRunTwiceStoresOnce) {
  TestApp app;
  Jobs jobs(app);
  auto t = app.login(app.advisor_a);
  auto case_id = new_case(app, t);
  auto up = app.upload("/api/v1/cases/" + case_id + "/documents", t, sentence_pdf(kSentence), "a.pdf");
  ASSERT_EQ(up.status, 201) << up.body;
  auto id = up.str("id");
  auto claimed = app::claim_jobs(jobs.deps, "itest", std::chrono::seconds(60), 10);
  ASSERT_EQ(claimed.size(), 1u);
  // At-least-once: the same job delivered twice (a lease that ran out mid-job) runs twice.
  EXPECT_EQ(jobs.run(claimed[0]).status, jobs::JobResult::Status::done);
  auto first = app.get("/api/v1/documents/" + id, t);
  EXPECT_EQ(jobs.run(claimed[0]).status, jobs::JobResult::Status::done);
  auto second = app.get("/api/v1/documents/" + id, t);
  EXPECT_EQ(first.body, second.body);
  EXPECT_EQ(search(app, t, "northwick").size(), 1u);
  EXPECT_EQ(audit_count(app, app.login(app.manager_a), id, "document.extract"), 1);
}

TEST(Extraction, ANewVersionReplacesTheSearchableTextOnceItIsExtracted) {
  TestApp app;
  Jobs jobs(app);
  auto t = app.login(app.advisor_a);
  auto case_id = new_case(app, t);
  auto up = app.upload("/api/v1/cases/" + case_id + "/documents", t, sentence_pdf(kSentence), "a.pdf");
  ASSERT_EQ(up.status, 201) << up.body;
  auto id = up.str("id");
  jobs.run_due();
  ASSERT_EQ(search(app, t, "northwick").size(), 1u);
  auto v2 = app.upload("/api/v1/documents/" + id + "/versions", t,
                       sentence_pdf("Revised statement from Eastfield Water"), "b.pdf");
  ASSERT_EQ(v2.status, 201) << v2.body;
  EXPECT_EQ(v2.str("extractionStatus"), "pending");
  EXPECT_TRUE(search(app, t, "northwick").empty()) << "the old version's text is no longer the document's";
  ASSERT_EQ(jobs.run_due().size(), 1u);
  EXPECT_TRUE(search(app, t, "northwick").empty());
  EXPECT_EQ(search(app, t, "eastfield").size(), 1u);
  EXPECT_EQ(collapse_spaces(app.get("/api/v1/documents/" + id, t).str("extractedText")),
            "Revised statement from Eastfield Water");
}

TEST(Extraction, TheEndOfAnExtractionIsADocumentProcessedEventForTheCentresWebhooks) {
  TestAppOptions options;
  options.webhooks_allow_private_targets = true;
  TestApp app(options);
  Jobs jobs(app);
  auto manager = app.login(app.manager_a);
  auto hook = app.post("/api/v1/webhooks",
                       json::object{{"url", "http://127.0.0.1:9/hook"}, {"events", json::array{"document.processed"}}},
                       manager);
  ASSERT_EQ(hook.status, 201) << hook.body;
  auto t = app.login(app.advisor_a);
  auto case_id = new_case(app, t);
  auto up = app.upload("/api/v1/cases/" + case_id + "/documents", t, sentence_pdf(kSentence), "demand.pdf");
  ASSERT_EQ(up.status, 201) << up.body;
  auto deliveries = [&] {
    auto r = app.get("/api/v1/webhooks/" + hook.str("id") + "/deliveries", manager);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.obj().at("items").as_array() : json::array{};
  };
  EXPECT_TRUE(deliveries().empty()) << "nothing is processed at upload";

  ASSERT_EQ(jobs.run_due().size(), 1u);
  auto sent = deliveries();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].at("eventType").as_string(), "document.processed");
  auto payload = json::serialize(sent[0].at("payload"));
  EXPECT_NE(payload.find(up.str("id")), std::string::npos) << payload;
  EXPECT_NE(payload.find(case_id), std::string::npos) << payload;
  EXPECT_NE(payload.find("\"done\""), std::string::npos) << payload;
  EXPECT_EQ(payload.find("Northwick"), std::string::npos) << "the text never goes out in an event: " << payload;
}

}  // namespace cma::testing::extraction_itest

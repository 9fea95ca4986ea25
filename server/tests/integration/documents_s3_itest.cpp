// Direct uploads and downloads with S3: the real s3rver behind the harness's proxy, which checks every
// request's Signature V4 (presigned URLs included) with AWS's own signer. A client PUTs the bytes to
// a presigned URL (with curl), the API completes the upload by reading them back, and the document
// is then read through the API and through a presigned GET.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>
#include <vector>

#include "app/documents/documents.hpp"
#include "app/jobs/ports.hpp"
#include "platform/crypto.hpp"
#include "support/backend.hpp"
#include "support/s3_harness.hpp"
#include "support/test_app.hpp"

namespace cma::testing::documents_s3_itest {
namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

struct Curl {
  int status = 0;
  std::string body;
  std::string headers;  // as received, header names lower-cased
};

// curl, as any client would use the URL: METHOD url [--data-binary @file].
Curl curl(const std::string& method, const std::string& url, const std::string& upload_file = "") {
  auto out = temp_dir() + "/curl.out";
  auto head = temp_dir() + "/curl.head";
  std::string cmd = "curl -s -m 60 -H 'Expect:' -D '" + head + "' -o '" + out + "' -w '%{http_code}' -X " + method;
  if (!upload_file.empty()) cmd += " --data-binary '@" + upload_file + "'";
  cmd += " '" + url + "'";
  Curl r;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[32] = {};
    if (std::fgets(buf, sizeof buf, p) != nullptr) r.status = std::atoi(buf);
    ::pclose(p);
  }
  std::ifstream in(out, std::ios::binary);
  r.body.assign(std::istreambuf_iterator<char>(in), {});
  std::ifstream h(head, std::ios::binary);
  for (std::string line; std::getline(h, line);) {
    auto colon = line.find(':');
    for (std::size_t i = 0; i < colon && colon != std::string::npos; ++i)
      line[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(line[i])));
    r.headers += line + "\n";
  }
  return r;
}

std::string write_file(const std::string& bytes) {
  auto path = temp_dir() + "/upload.bin";
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string text_bytes(std::size_t n) {
  const std::string line = "Line of a long plain-text statement: 0123456789 abcdefghijklmnopqrstuvwxyz.\n";
  std::string s;
  while (s.size() < n) s += line;
  s.resize(n);
  return s;
}

std::string open_case(TestApp& app, const std::string& token) {
  auto client = app.post("/api/v1/clients", json::object{{"firstName", "Doc"}, {"lastName", "Holder"}}, token);
  EXPECT_EQ(client.status, 201) << client.body;
  auto c = app.post("/api/v1/cases", json::object{{"clientId", client.str("id")}}, token);
  EXPECT_EQ(c.status, 201) << c.body;
  return c.str("id");
}

HttpResult upload_url(TestApp& app, const std::string& token, const std::string& case_id, std::size_t size,
                      const std::string& name = "statement.txt") {
  return app.post("/api/v1/cases/" + case_id + "/documents/upload-url",
                  json::object{{"name", name}, {"documentType", "bank_statement"}, {"sizeBytes", size}}, token);
}

HttpResult complete(TestApp& app, const std::string& token, const std::string& case_id, const std::string& upload) {
  return app.call("POST", "/api/v1/cases/" + case_id + "/documents/uploads/" + upload + "/complete", token);
}

bool names_field(const HttpResult& r, const std::string& field) {
  if (!r.json.is_object() || !r.obj().contains("errors")) return false;
  for (const auto& e : r.obj().at("errors").as_array())
    if (e.as_object().at("field").as_string() == field) return true;
  return false;
}

std::string elf_bytes() {
  std::ifstream self("/proc/self/exe", std::ios::binary);
  std::string elf(64 * 1024, '\0');
  self.read(elf.data(), static_cast<std::streamsize>(elf.size()));
  elf.resize(static_cast<std::size_t>(self.gcount()));
  return elf;
}

}  // namespace

TEST(DocumentsS3, APresignedPutThenCompletedIsStoredCheckedAndDownloadsIntact) {
  S3Harness s3;
  auto store = s3.store();
  TestAppOptions options;
  options.blobs = store.get();
  TestApp app(options);
  auto t = app.login(app.advisor_a);
  auto case_id = open_case(app, t);
  const auto bytes = text_bytes(3 * 1024 * 1024 + 17);

  // Named for the case file, while the version keeps the file's own name.
  auto started = app.post("/api/v1/cases/" + case_id + "/documents/upload-url",
                          json::object{{"name", "March statement"},
                                       {"fileName", "statement.txt"},
                                       {"documentType", "bank_statement"},
                                       {"sizeBytes", bytes.size()}},
                          t);
  ASSERT_EQ(started.status, 201) << started.body;
  auto url = started.str("url");
  auto upload = started.str("uploadId");
  auto document_id = started.str("documentId");
  EXPECT_EQ(started.str("method"), "PUT");
  EXPECT_EQ(started.obj().at("expiresInSeconds").as_int64(), 900);
  EXPECT_NE(url.find("centres/" + app.centre_a + "/documents/" + document_id + "/v1"), std::string::npos) << url;
  EXPECT_NE(url.find("127.0.0.1:" + std::to_string(s3.port())), std::string::npos) << url;

  // Nothing PUT yet: the upload cannot be completed, and stays open.
  EXPECT_EQ(complete(app, t, case_id, upload).status, 409);
  auto put = curl("PUT", url, write_file(bytes));
  ASSERT_EQ(put.status, 200) << put.body;
  auto done = complete(app, t, case_id, upload);
  ASSERT_EQ(done.status, 201) << done.body;
  EXPECT_EQ(done.str("id"), document_id);
  EXPECT_EQ(done.str("contentType"), "text/plain");
  EXPECT_EQ(done.obj().at("sizeBytes").as_int64(), static_cast<std::int64_t>(bytes.size()));
  EXPECT_EQ(done.str("sha256"), platform::sha256_hex(bytes));
  EXPECT_EQ(done.str("name"), "March statement");
  auto read = app.get("/api/v1/documents/" + document_id, t);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.obj().at("versions").as_array().at(0).as_object().at("fileName").as_string(), "statement.txt");
  EXPECT_EQ(complete(app, t, case_id, upload).status, 404) << "completed once only";
  // Its text is extracted as an ordinary upload's is: the job is queued with the version.
  EXPECT_EQ(done.str("extractionStatus"), "pending");
  auto queued = app.get("/api/v1/jobs?state=queued&limit=100", app.login(app.admin));
  ASSERT_EQ(queued.status, 200) << queued.body;
  EXPECT_NE(queued.body.find("\"document.extract\""), std::string::npos) << queued.body;
  EXPECT_NE(queued.body.find(document_id), std::string::npos) << queued.body;

  auto content = app.get("/api/v1/documents/" + document_id + "/content", t);
  ASSERT_EQ(content.status, 200);
  EXPECT_TRUE(content.body == bytes) << "the bytes downloaded through the API differ";
  auto list = app.get("/api/v1/cases/" + case_id + "/documents", t);
  EXPECT_EQ(list.obj().at("items").as_array().size(), 1u);

  // A presigned GET works; with its signature altered, or once expired, the proxy refuses it as S3 would.
  auto link = app.call("POST", "/api/v1/documents/" + document_id + "/download-url", t);
  ASSERT_EQ(link.status, 200) << link.body;
  auto get_url = link.str("url");
  auto got = curl("GET", get_url);
  EXPECT_EQ(got.status, 200);
  EXPECT_TRUE(got.body == bytes) << "the bytes of the presigned GET differ";
  // A browser following the link saves the file under its own name, not the key's "v1".
  EXPECT_NE(got.headers.find("content-disposition: attachment; filename=\"statement.txt\"; "
                             "filename*=UTF-8''statement.txt"),
            std::string::npos)
      << got.headers;
  EXPECT_NE(got.headers.find("content-type: text/plain"), std::string::npos) << got.headers;
  auto tampered = get_url;
  auto sig = tampered.find("X-Amz-Signature=");
  ASSERT_NE(sig, std::string::npos);
  auto& last = tampered[sig + std::string("X-Amz-Signature=").size()];
  last = last == '0' ? '1' : '0';
  auto refused = curl("GET", tampered);
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body.find("SignatureDoesNotMatch"), std::string::npos) << refused.body;
  auto key = app::checked_blob_key(app.centre_a, "centres/" + app.centre_a + "/documents/" + document_id + "/v1");
  ASSERT_TRUE(key);
  auto short_lived = store->presign(*key, app::PresignMethod::get, std::chrono::seconds(1), {});
  ASSERT_TRUE(short_lived);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  auto expired = curl("GET", short_lived->url);
  EXPECT_EQ(expired.status, 403);
  EXPECT_NE(expired.body.find("expired"), std::string::npos) << expired.body;
}

TEST(DocumentsS3, AnExecutablePutThenCompletedIs415AndNothingIsKept) {
  S3Harness s3;
  auto store = s3.store();
  TestAppOptions options;
  options.blobs = store.get();
  TestApp app(options);
  auto t = app.login(app.advisor_a);
  auto case_id = open_case(app, t);
  auto elf = elf_bytes();
  auto started = upload_url(app, t, case_id, elf.size(), "statement.pdf");
  ASSERT_EQ(started.status, 201) << started.body;
  ASSERT_EQ(curl("PUT", started.str("url"), write_file(elf)).status, 200);
  auto done = complete(app, t, case_id, started.str("uploadId"));
  EXPECT_EQ(done.status, 415) << done.body;
  EXPECT_TRUE(names_field(done, "file")) << done.body;
  auto list = app.get("/api/v1/cases/" + case_id + "/documents", t);
  EXPECT_TRUE(list.obj().at("items").as_array().empty()) << list.body;
  EXPECT_EQ(app.get("/api/v1/documents/" + started.str("documentId"), t).status, 404);
  auto key = app::checked_blob_key(app.centre_a,
                                   "centres/" + app.centre_a + "/documents/" + started.str("documentId") + "/v1");
  ASSERT_TRUE(key);
  auto head = store->head(*key);
  ASSERT_FALSE(head);
  EXPECT_EQ(head.error().code, ErrorCode::not_found) << "the refused object was kept";
  EXPECT_EQ(complete(app, t, case_id, started.str("uploadId")).status, 404) << "the upload ended";

  // A size other than the one declared: 422 naming file, the object removed; PUT again and it completes.
  auto pdf = std::string("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
  auto again = upload_url(app, t, case_id, pdf.size() + 1, "s.pdf");
  ASSERT_EQ(again.status, 201) << again.body;
  ASSERT_EQ(curl("PUT", again.str("url"), write_file(pdf)).status, 200);
  auto wrong = complete(app, t, case_id, again.str("uploadId"));
  EXPECT_EQ(wrong.status, 422) << wrong.body;
  EXPECT_TRUE(names_field(wrong, "file")) << wrong.body;
  ASSERT_EQ(curl("PUT", again.str("url"), write_file(pdf + "\n")).status, 200);
  auto right = complete(app, t, case_id, again.str("uploadId"));
  EXPECT_EQ(right.status, 201) << right.body;
  EXPECT_EQ(right.str("contentType"), "application/pdf");
}

TEST(DocumentsS3, AnotherCentresUploadIsNotFoundAndAnExpiredOneIsRemoved) {
  S3Harness s3;
  auto store = s3.store();
  TestAppOptions options;
  options.blobs = store.get();
  TestApp app(options);
  auto a = app.login(app.advisor_a);
  auto b = app.login(app.advisor_b);
  auto case_a = open_case(app, a);
  auto case_b = open_case(app, b);
  const std::string pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
  auto started = upload_url(app, a, case_a, pdf.size(), "s.pdf");
  ASSERT_EQ(started.status, 201) << started.body;
  ASSERT_EQ(curl("PUT", started.str("url"), write_file(pdf)).status, 200);
  auto upload = started.str("uploadId");
  EXPECT_EQ(complete(app, b, case_b, upload).status, 404);
  EXPECT_EQ(complete(app, b, case_a, upload).status, 404);
  EXPECT_EQ(upload_url(app, b, case_a, pdf.size()).status, 404);
  EXPECT_EQ(complete(app, a, case_a, "not-an-id").status, 404);
  EXPECT_EQ(complete(app, a, case_a, started.str("documentId")).status, 404);
  auto other_case = open_case(app, a);
  EXPECT_EQ(complete(app, a, other_case, upload).status, 404) << "an upload belongs to its case";
  auto done = complete(app, a, case_a, upload);
  ASSERT_EQ(done.status, 201) << done.body;

  // Past its URL's life and the grace after it: refused, and its object removed.
  auto late = upload_url(app, a, case_a, pdf.size(), "late.pdf");
  ASSERT_EQ(late.status, 201) << late.body;
  ASSERT_EQ(curl("PUT", late.str("url"), write_file(pdf)).status, 200);
  app.clock().advance(app::kUploadUrlLifetime + app::kUploadCompletionGrace + std::chrono::seconds(1));
  a = app.login(app.advisor_a);  // the access token expired meanwhile too
  auto expired = complete(app, a, case_a, late.str("uploadId"));
  EXPECT_EQ(expired.status, 409) << expired.body;
  EXPECT_NE(expired.body.find("expired"), std::string::npos) << expired.body;
  EXPECT_EQ(complete(app, a, case_a, late.str("uploadId")).status, 404) << "the expired upload ended";
  auto key =
      app::checked_blob_key(app.centre_a, "centres/" + app.centre_a + "/documents/" + late.str("documentId") + "/v1");
  ASSERT_TRUE(key);
  EXPECT_FALSE(store->head(*key)) << "the expired upload's object was kept";

  // One never completed: its expiry job removes the object.
  auto forgotten = upload_url(app, a, case_a, pdf.size(), "forgotten.pdf");
  ASSERT_EQ(forgotten.status, 201) << forgotten.body;
  ASSERT_EQ(curl("PUT", forgotten.str("url"), write_file(pdf)).status, 200);
  auto forgotten_key = app::checked_blob_key(
      app.centre_a, "centres/" + app.centre_a + "/documents/" + forgotten.str("documentId") + "/v1");
  ASSERT_TRUE(forgotten_key);
  ASSERT_TRUE(store->head(*forgotten_key));
  platform::UuidV7Generator ids(app.clock());
  app::Deps deps{app.db(), app.clock(), ids, app.reference(), nullptr, store.get()};
  std::optional<app::Job> job;
  {
    auto tx = app.db().begin(app::TxMode::read);
    job = tx->get<app::JobRepository>().find(forgotten.str("uploadId"));
  }
  ASSERT_TRUE(job);
  EXPECT_EQ(job->kind, app::kDirectUploadExpiryJob);
  EXPECT_EQ(job->centre_id, app.centre_a);
  EXPECT_TRUE(app::expire_direct_upload(deps, *job));
  EXPECT_FALSE(store->head(*forgotten_key));
}

// A new version uploaded straight to S3: its number is reserved when its upload starts, so uploads
// that overlap (direct or through the API, started at once from several places) never write the
// same version's key; each keeps its own bytes, and the highest number is the current version.
TEST(DocumentsS3, NewVersionsPutDirectlyTakeNumbersNoOtherUploadTakes) {
  S3Harness s3;
  auto store = s3.store();
  TestAppOptions options;
  options.blobs = store.get();
  TestApp app(options);
  auto t = app.login(app.advisor_a);
  auto case_id = open_case(app, t);
  auto first = app.upload("/api/v1/cases/" + case_id + "/documents", t, text_bytes(1000), "statement.txt");
  ASSERT_EQ(first.status, 201) << first.body;
  const auto id = first.str("id");
  auto version_url = [&](const std::string& name, std::size_t size) {
    return app.post("/api/v1/documents/" + id + "/versions/upload-url",
                    json::object{{"name", name}, {"sizeBytes", size}}, t);
  };
  auto complete_version = [&](const std::string& upload) {
    return app.call("POST", "/api/v1/documents/" + id + "/versions/uploads/" + upload + "/complete", t);
  };

  const auto a_bytes = text_bytes(2000), b_bytes = text_bytes(3000), api_bytes = text_bytes(4000);
  auto a = version_url("a.txt", a_bytes.size());
  ASSERT_EQ(a.status, 201) << a.body;
  EXPECT_EQ(a.obj().at("version").as_int64(), 2);
  EXPECT_EQ(a.str("documentId"), id);
  EXPECT_NE(a.str("url").find("/documents/" + id + "/v2"), std::string::npos) << a.str("url");
  auto b = version_url("b.txt", b_bytes.size());
  ASSERT_EQ(b.status, 201) << b.body;
  EXPECT_EQ(b.obj().at("version").as_int64(), 3);
  // Through the API meanwhile: the next number no direct upload holds.
  auto through_api = app.upload("/api/v1/documents/" + id + "/versions", t, api_bytes, "api.txt");
  ASSERT_EQ(through_api.status, 201) << through_api.body;
  EXPECT_EQ(through_api.obj().at("currentVersion").as_int64(), 4);

  ASSERT_EQ(curl("PUT", b.str("url"), write_file(b_bytes)).status, 200);
  auto b_done = complete_version(b.str("uploadId"));
  ASSERT_EQ(b_done.status, 201) << b_done.body;
  EXPECT_EQ(b_done.obj().at("currentVersion").as_int64(), 4) << "version 4 was completed first and stays current";
  EXPECT_EQ(b_done.obj().at("versions").as_array().size(), 3u);
  ASSERT_EQ(curl("PUT", a.str("url"), write_file(a_bytes)).status, 200);
  // A version upload is completed on its own document only, by the route for versions.
  EXPECT_EQ(complete(app, t, case_id, a.str("uploadId")).status, 404);
  auto a_done = complete_version(a.str("uploadId"));
  ASSERT_EQ(a_done.status, 201) << a_done.body;
  EXPECT_EQ(complete_version(a.str("uploadId")).status, 404) << "completed once only";
  const auto& versions = a_done.obj().at("versions").as_array();
  ASSERT_EQ(versions.size(), 4u);
  for (std::size_t i = 0; i < versions.size(); ++i)
    EXPECT_EQ(versions[i].as_object().at("version").as_int64(), static_cast<std::int64_t>(i + 1));
  for (auto [n, bytes] : {std::pair{2, &a_bytes}, std::pair{3, &b_bytes}, std::pair{4, &api_bytes}}) {
    auto content = app.get("/api/v1/documents/" + id + "/content?version=" + std::to_string(n), t);
    ASSERT_EQ(content.status, 200) << n;
    EXPECT_TRUE(content.body == *bytes) << "version " << n << " does not hold its own bytes";
  }
  EXPECT_EQ(app.get("/api/v1/documents/" + id + "/content", t).body, api_bytes);

  // Started at once from six places: six different numbers.
  std::vector<std::thread> racers;
  std::vector<HttpResult> raced(6);
  for (std::size_t i = 0; i < raced.size(); ++i)
    racers.emplace_back([&, i] { raced[i] = version_url("race.txt", 100); });
  for (auto& r : racers) r.join();
  std::set<std::int64_t> numbers;
  for (const auto& r : raced) {
    ASSERT_EQ(r.status, 201) << r.body;
    numbers.insert(r.obj().at("version").as_int64());
  }
  EXPECT_EQ(numbers, (std::set<std::int64_t>{5, 6, 7, 8, 9, 10}));

  // Another centre reaches neither the URL nor the completion; a bad request names its fields.
  auto other = app.login(app.advisor_b);
  EXPECT_EQ(app.post("/api/v1/documents/" + id + "/versions/upload-url",
                     json::object{{"name", "x.txt"}, {"sizeBytes", 10}}, other)
                .status,
            404);
  EXPECT_EQ(
      app.call("POST", "/api/v1/documents/" + id + "/versions/uploads/" + raced[0].str("uploadId") + "/complete", other)
          .status,
      404);
  for (auto [body, field] :
       {std::pair{json::object{{"sizeBytes", 10}}, "name"},
        std::pair{json::object{{"name", "x.txt"}, {"sizeBytes", 0}}, "sizeBytes"},
        std::pair{json::object{{"name", "x.txt"}, {"sizeBytes", 26 * 1024 * 1024}}, "sizeBytes"}}) {
    auto bad = app.post("/api/v1/documents/" + id + "/versions/upload-url", body, t);
    EXPECT_EQ(bad.status, 422) << bad.body;
    EXPECT_TRUE(names_field(bad, field)) << bad.body;
  }

  // A version upload never completed: its expiry job removes its object, and its number stays unused.
  ASSERT_EQ(curl("PUT", raced[0].str("url"), write_file(text_bytes(100))).status, 200);
  auto n = raced[0].obj().at("version").as_int64();
  auto key =
      app::checked_blob_key(app.centre_a, "centres/" + app.centre_a + "/documents/" + id + "/v" + std::to_string(n));
  ASSERT_TRUE(key);
  ASSERT_TRUE(store->head(*key));
  platform::UuidV7Generator ids(app.clock());
  app::Deps deps{app.db(), app.clock(), ids, app.reference(), nullptr, store.get()};
  std::optional<app::Job> job;
  {
    auto tx = app.db().begin(app::TxMode::read);
    job = tx->get<app::JobRepository>().find(raced[0].str("uploadId"));
  }
  ASSERT_TRUE(job);
  EXPECT_TRUE(app::expire_direct_upload(deps, *job));
  EXPECT_FALSE(store->head(*key));
}

TEST(DocumentsS3, WithLocalFilesThereAreNoUploadUrls) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto case_id = open_case(app, t);
  auto r = upload_url(app, t, case_id, 100);
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_NE(r.body.find("S3"), std::string::npos) << r.body;
  auto big = upload_url(app, t, case_id, 26ull * 1024 * 1024);
  EXPECT_EQ(big.status, 422) << big.body;
  EXPECT_TRUE(names_field(big, "sizeBytes")) << big.body;
  auto doc = app.upload("/api/v1/cases/" + case_id + "/documents", t, text_bytes(100), "a.txt");
  ASSERT_EQ(doc.status, 201) << doc.body;
  auto version = app.post("/api/v1/documents/" + doc.str("id") + "/versions/upload-url",
                          json::object{{"name", "b.txt"}, {"sizeBytes", 100}}, t);
  EXPECT_EQ(version.status, 409) << version.body;
  auto none = app.post("/api/v1/cases/" + case_id + "/documents/upload-url", json::object{{"name", "x.pdf"}}, t);
  EXPECT_EQ(none.status, 422) << none.body;
  EXPECT_TRUE(names_field(none, "documentType")) << none.body;
  EXPECT_TRUE(names_field(none, "sizeBytes")) << none.body;
  for (const auto& file_name : {json::value(""), json::value(std::string(300, 'a')), json::value(12)}) {
    auto bad = app.post(
        "/api/v1/cases/" + case_id + "/documents/upload-url",
        json::object{{"name", "x.pdf"}, {"fileName", file_name}, {"documentType", "payslip"}, {"sizeBytes", 100}}, t);
    EXPECT_EQ(bad.status, 422) << bad.body;
    EXPECT_TRUE(names_field(bad, "fileName")) << bad.body;
  }
}

}  // namespace cma::testing::documents_s3_itest

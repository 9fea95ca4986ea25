// Documents: multipart uploads streamed to the object store, the type judged by the bytes, versions,
// downloads checked against their SHA-256, soft delete, hostile file names, and that no centre
// reaches another's documents. The memory tests run the real `cma` binary and read its RSS.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "blob/file_store.hpp"
#include "blob/s3_store.hpp"
#include "platform/config.hpp"
#include "platform/crypto.hpp"
#include "support/backend.hpp"
#include "support/process.hpp"
#include "support/test_app.hpp"

namespace cma::testing::documents_itest {
namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

constexpr const char* kBoundary = "cma-test-boundary-7d1f";

const std::string kPdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x02\0\0\0\x90wS\xde", 33);

struct Part {
  std::string name;
  std::string value;
  std::optional<std::string> filename = std::nullopt;
  std::string content_type = "";
};

std::string multipart(const std::vector<Part>& parts) {
  std::string body;
  for (const auto& p : parts) {
    body += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + p.name + "\"";
    if (p.filename) body += "; filename=\"" + *p.filename + "\"";
    body += "\r\n";
    if (!p.content_type.empty()) body += "Content-Type: " + p.content_type + "\r\n";
    body += "\r\n" + p.value + "\r\n";
  }
  return body + "--" + kBoundary + "--\r\n";
}

Headers multipart_headers() {
  return {{"Content-Type", std::string("multipart/form-data; boundary=") + kBoundary}};
}

HttpResult upload(TestApp& app, const std::string& token, const std::string& target, const std::string& bytes,
                  const std::string& filename = "statement.pdf", const std::string& type = "bank_statement",
                  std::optional<std::string> name = std::nullopt) {
  std::vector<Part> parts{{"documentType", type}};
  if (name) parts.push_back({"name", *name});
  parts.push_back({"file", bytes, filename, "application/pdf"});
  return app.call("POST", target, token, multipart(parts), multipart_headers());
}

std::string open_case(TestApp& app, const std::string& token) {
  auto client = app.post("/api/v1/clients", json::object{{"firstName", "Doc"}, {"lastName", "Holder"}}, token);
  EXPECT_EQ(client.status, 201) << client.body;
  auto c = app.post("/api/v1/cases", json::object{{"clientId", client.str("id")}}, token);
  EXPECT_EQ(c.status, 201) << c.body;
  return c.str("id");
}

std::string docs_of(const std::string& case_id) {
  return "/api/v1/cases/" + case_id + "/documents";
}

bool names_field(const HttpResult& r, const std::string& field) {
  if (!r.json.is_object()) return false;
  auto* errors = r.obj().if_contains("errors");
  if (errors == nullptr || !errors->is_array()) return false;
  for (const auto& e : errors->as_array())
    if (e.is_object() && e.as_object().contains("field") && e.at("field").as_string() == field) return true;
  return false;
}

// Every stored object, relative to the store's root.
std::vector<std::string> stored_objects(const std::string& root) {
  std::vector<std::string> out;
  if (!fs::exists(root)) return out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) out.push_back(fs::relative(e.path(), root).string());
  return out;
}

std::string elf_bytes() {
  std::ifstream self("/proc/self/exe", std::ios::binary);
  std::string elf(64 * 1024, '\0');
  self.read(elf.data(), static_cast<std::streamsize>(elf.size()));
  elf.resize(static_cast<std::size_t>(self.gcount()));
  return elf;
}

}  // namespace

TEST(Documents, UploadListReadDownloadVersionAndDelete) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto case_id = open_case(app, t);
  auto up = upload(app, t, docs_of(case_id), kPdf, "March statement.pdf", "bank_statement");
  ASSERT_EQ(up.status, 201) << up.body;
  auto id = up.str("id");
  EXPECT_EQ(up.str("caseId"), case_id);
  EXPECT_EQ(up.str("documentType"), "bank_statement");
  EXPECT_EQ(up.str("name"), "March statement.pdf");
  EXPECT_EQ(up.str("contentType"), "application/pdf");
  EXPECT_EQ(up.str("status"), "available");
  EXPECT_EQ(up.str("uploadedBy"), app.advisor_a.id);
  EXPECT_EQ(up.str("sha256"), platform::sha256_hex(kPdf));
  EXPECT_EQ(up.obj().at("sizeBytes").as_int64(), static_cast<std::int64_t>(kPdf.size()));
  EXPECT_EQ(up.obj().at("currentVersion").as_int64(), 1);
  EXPECT_EQ(up.str("extractionStatus"), "pending");
  EXPECT_FALSE(up.obj().contains("blobKey"));

  // The bytes are where the key says, under the centre's prefix.
  auto objects = stored_objects(app.blob_root());
  ASSERT_EQ(objects.size(), 1u);
  EXPECT_EQ(objects[0], "centres/" + app.centre_a + "/documents/" + id + "/v1");

  auto list = app.get(docs_of(case_id), t);
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.obj().at("items").as_array().size(), 1u);
  EXPECT_EQ(list.obj().at("items").as_array()[0].at("id").as_string(), id);

  auto content = app.get("/api/v1/documents/" + id + "/content", t);
  ASSERT_EQ(content.status, 200) << content.body;
  EXPECT_EQ(content.body, kPdf);
  EXPECT_EQ(content.header("content-type"), "application/pdf");
  EXPECT_EQ(content.header("content-disposition"),
            "attachment; filename=\"March statement.pdf\"; filename*=UTF-8''March%20statement.pdf");

  // A new version keeps the old one.
  auto v2 = app.call("POST", "/api/v1/documents/" + id + "/versions", t,
                     multipart({{"file", kPng, std::string("scan.png"), "image/png"}}), multipart_headers());
  ASSERT_EQ(v2.status, 201) << v2.body;
  EXPECT_EQ(v2.obj().at("currentVersion").as_int64(), 2);
  EXPECT_EQ(v2.str("contentType"), "image/png");
  auto meta = app.get("/api/v1/documents/" + id, t);
  ASSERT_EQ(meta.status, 200) << meta.body;
  const auto& versions = meta.obj().at("versions").as_array();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].at("sha256").as_string(), platform::sha256_hex(kPdf));
  EXPECT_EQ(versions[1].at("sha256").as_string(), platform::sha256_hex(kPng));
  EXPECT_EQ(versions[1].at("fileName").as_string(), "scan.png");
  EXPECT_EQ(app.get("/api/v1/documents/" + id + "/content", t).body, kPng);
  EXPECT_EQ(app.get("/api/v1/documents/" + id + "/content?version=1", t).body, kPdf);
  EXPECT_EQ(app.get("/api/v1/documents/" + id + "/content?version=3", t).status, 404);
  auto bad_version = app.get("/api/v1/documents/" + id + "/content?version=first", t);
  EXPECT_EQ(bad_version.status, 422);
  EXPECT_TRUE(names_field(bad_version, "version")) << bad_version.body;

  // Local files have no presigned URLs: a clear 409, not a failure.
  EXPECT_EQ(app.call("POST", "/api/v1/documents/" + id + "/download-url", t).status, 409);

  auto deleted = app.call("DELETE", "/api/v1/documents/" + id, t);
  EXPECT_EQ(deleted.status, 204) << deleted.body;
  EXPECT_EQ(app.get("/api/v1/documents/" + id, t).status, 404);
  EXPECT_EQ(app.get("/api/v1/documents/" + id + "/content", t).status, 404);
  EXPECT_TRUE(app.get(docs_of(case_id), t).obj().at("items").as_array().empty());
  EXPECT_EQ(app.call("DELETE", "/api/v1/documents/" + id, t).status, 404);
  // Soft: the bytes stay for retention to remove.
  EXPECT_EQ(stored_objects(app.blob_root()).size(), 2u);

  // Every change is in the audit trail.
  auto audit = app.get("/api/v1/audit?entityId=" + id, app.login(app.admin));
  ASSERT_EQ(audit.status, 200) << audit.body;
  std::set<std::string> actions;
  for (const auto& e : audit.obj().at("items").as_array()) actions.insert(std::string(e.at("action").as_string()));
  EXPECT_TRUE(actions.count("document.create")) << audit.body;
  EXPECT_TRUE(actions.count("document.version_create")) << audit.body;
  EXPECT_TRUE(actions.count("document.delete")) << audit.body;
}

TEST(Documents, ListsArePagedNewestFirst) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto case_id = open_case(app, t);
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) {
    app.clock().advance(std::chrono::seconds(1));
    auto up = upload(app, t, docs_of(case_id), "note " + std::to_string(i) + "\n", "n.txt", "other");
    ASSERT_EQ(up.status, 201) << up.body;
    EXPECT_EQ(up.str("contentType"), "text/plain");
    ids.push_back(up.str("id"));
  }
  std::vector<std::string> seen;
  std::string cursor;
  for (int page = 0; page < 5; ++page) {
    auto r = app.get(docs_of(case_id) + "?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor), t);
    ASSERT_EQ(r.status, 200) << r.body;
    for (const auto& i : r.obj().at("items").as_array()) seen.emplace_back(i.at("id").as_string());
    if (r.obj().at("nextCursor").is_null()) break;
    cursor = std::string(r.obj().at("nextCursor").as_string());
  }
  ASSERT_EQ(seen, (std::vector<std::string>{ids[4], ids[3], ids[2], ids[1], ids[0]}));
}

TEST(Documents, BadUploadsNameTheFieldAndStoreNothing) {
  TestAppOptions options;
  options.max_upload_bytes = 64 * 1024;
  TestApp app(options);
  auto t = app.login(app.advisor_a);
  auto case_id = open_case(app, t);
  auto target = docs_of(case_id);

  auto no_file = app.call("POST", target, t, multipart({{"documentType", "payslip"}}), multipart_headers());
  EXPECT_EQ(no_file.status, 422) << no_file.body;
  EXPECT_TRUE(names_field(no_file, "file")) << no_file.body;

  auto bad_type = upload(app, t, target, kPdf, "p.pdf", "passport");
  EXPECT_EQ(bad_type.status, 422) << bad_type.body;
  EXPECT_TRUE(names_field(bad_type, "documentType")) << bad_type.body;

  auto no_type = app.call("POST", target, t, multipart({{"file", kPdf, std::string("p.pdf")}}), multipart_headers());
  EXPECT_EQ(no_type.status, 422) << no_type.body;
  EXPECT_TRUE(names_field(no_type, "documentType")) << no_type.body;

  auto blank_name = upload(app, t, target, kPdf, "p.pdf", "payslip", std::string("   "));
  EXPECT_EQ(blank_name.status, 422) << blank_name.body;
  EXPECT_TRUE(names_field(blank_name, "name")) << blank_name.body;

  auto as_json = app.call("POST", target, t, R"({"documentType":"payslip"})");
  EXPECT_EQ(as_json.status, 415) << as_json.body;

  auto torn = app.call("POST", target, t,
                       "--" + std::string(kBoundary) +
                           "\r\nContent-Disposition: form-data; "
                           "name=\"file\"\r\n\r\nno end",
                       multipart_headers());
  EXPECT_EQ(torn.status, 400) << torn.body;

  // 413: over the limit, whatever else is right.
  auto big = upload(app, t, target, std::string(100 * 1024, 'a'), "big.txt", "other");
  EXPECT_EQ(big.status, 413) << big.body;
  EXPECT_NE(big.header("content-type").find("problem+json"), std::string::npos);

  // 415: an executable is refused whatever its name and declared type say.
  auto elf = upload(app, t, target, elf_bytes().substr(0, 60 * 1024), "statement.pdf", "bank_statement");
  EXPECT_EQ(elf.status, 415) << elf.body;
  EXPECT_TRUE(names_field(elf, "file")) << elf.body;
  auto html = upload(app, t, target, "<!DOCTYPE html><html><script>alert(1)</script></html>", "x.txt", "other");
  EXPECT_EQ(html.status, 415) << html.body;

  EXPECT_TRUE(stored_objects(app.blob_root()).empty());
  EXPECT_TRUE(app.get(target, t).obj().at("items").as_array().empty());
  // Nothing was left in the spool either: a normal upload still works after all of that.
  EXPECT_EQ(upload(app, t, target, kPdf).status, 201);
}

TEST(Documents, HostileFileNamesAreSanitisedAndStayInTheCentrePrefix) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto case_id = open_case(app, t);
  std::string long_name(1000, 'n');
  struct Case {
    std::string sent;
    std::string expected;
  };
  std::vector<Case> cases{{"../../x", "x"},
                          {"..\\\\..\\\\etc\\\\passwd", "passwd"},  // escaped as a quoted-string must be
                          {std::string("a\0b.pdf", 7), "a_b.pdf"},
                          {"\xff\xfe\xc0\xaf.txt", "____.txt"},
                          {long_name + ".pdf", ""},
                          {"centres/" + app.centre_b + "/documents/x/v1", "v1"},
                          {"", "document"}};
  for (const auto& c : cases) {
    auto up = upload(app, t, docs_of(case_id), kPdf, c.sent, "other");
    ASSERT_EQ(up.status, 201) << up.body;
    auto name = up.str("name");
    if (c.expected.empty()) {
      EXPECT_LE(name.size(), 255u);
      EXPECT_EQ(name.substr(name.size() - 4), ".pdf");
    } else {
      EXPECT_EQ(name, c.expected);
    }
    auto dl = app.get("/api/v1/documents/" + up.str("id") + "/content", t);
    ASSERT_EQ(dl.status, 200);
    auto disposition = dl.header("content-disposition");
    EXPECT_EQ(disposition.find_first_of(std::string("\r\n\0", 3)), std::string::npos);
    EXPECT_EQ(disposition.rfind("attachment; filename=\"", 0), 0u) << disposition;
  }
  for (const auto& o : stored_objects(app.blob_root()))
    EXPECT_TRUE(std::regex_match(o, std::regex("centres/" + app.centre_a + "/documents/[0-9a-f-]{36}/v1"))) << o;
}

TEST(Documents, AnotherCentresDocumentOrCaseIsNotFoundAndUnchanged) {
  TestApp app;
  auto a = app.login(app.advisor_a);
  auto b = app.login(app.advisor_b);
  auto case_a = open_case(app, a);
  auto up = upload(app, a, docs_of(case_a), kPdf);
  ASSERT_EQ(up.status, 201) << up.body;
  auto doc = "/api/v1/documents/" + up.str("id");

  EXPECT_EQ(app.get(doc, b).status, 404);
  EXPECT_EQ(app.get(doc + "/content", b).status, 404);
  EXPECT_EQ(app.get(doc + "/content?version=1", b).status, 404);
  EXPECT_EQ(app.call("DELETE", doc, b).status, 404);
  EXPECT_EQ(app.call("POST", doc + "/download-url", b).status, 404);
  EXPECT_EQ(
      app.call("POST", doc + "/versions", b, multipart({{"file", kPng, std::string("x.png")}}), multipart_headers())
          .status,
      404);
  EXPECT_EQ(app.get(docs_of(case_a), b).status, 404);
  EXPECT_EQ(upload(app, b, docs_of(case_a), kPdf).status, 404);
  EXPECT_EQ(app.get("/api/v1/documents/not-a-uuid", b).status, 404);

  auto still = app.get(doc, a);
  ASSERT_EQ(still.status, 200);
  EXPECT_EQ(still.obj().at("currentVersion").as_int64(), 1);
  EXPECT_EQ(still.str("status"), "available");
  EXPECT_EQ(app.get(doc + "/content", a).body, kPdf);
  EXPECT_EQ(stored_objects(app.blob_root()).size(), 1u);
}

TEST(Documents, ADownloadWhoseBytesNoLongerMatchIsRefusedNot500) {
  TestApp app;
  auto t = app.login(app.advisor_a);
  auto up = upload(app, t, docs_of(open_case(app, t)), kPdf);
  ASSERT_EQ(up.status, 201) << up.body;
  auto path = fs::path(app.blob_root()) / "centres" / app.centre_a / "documents" / up.str("id") / "v1";
  ASSERT_TRUE(fs::exists(path));
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    std::string tampered = kPdf;
    tampered[10] = 'X';
    out << tampered;
  }
  auto dl = app.get("/api/v1/documents/" + up.str("id") + "/content", t);
  EXPECT_EQ(dl.status, 409) << dl.body;
  EXPECT_NE(dl.header("content-type").find("problem+json"), std::string::npos);
  EXPECT_EQ(dl.body.find("%PDF"), std::string::npos);
  fs::remove(path);
  EXPECT_EQ(app.get("/api/v1/documents/" + up.str("id") + "/content", t).status, 409);
}

namespace {

// Bytes go to local files, presigned URLs come from a real S3 store's signer (which needs no
// server to sign).
class FilesWithS3Urls final : public app::BlobStore {
 public:
  FilesWithS3Urls(std::string root, std::unique_ptr<app::BlobStore> s3) : files_(std::move(root)), s3_(std::move(s3)) {}
  Result<app::BlobInfo> put(const app::BlobKey& k, const app::BlobSource& s, const app::PutOptions& o) override {
    return files_.put(k, s, o);
  }
  Result<app::BlobInfo> get(const app::BlobKey& k, const app::BlobSink& s, std::optional<app::ByteRange> r) override {
    return files_.get(k, s, r);
  }
  Result<app::BlobInfo> head(const app::BlobKey& k) override { return files_.head(k); }
  Result<bool> remove(const app::BlobKey& k) override { return files_.remove(k); }
  Result<app::PresignedUrl> presign(const app::BlobKey& k, app::PresignMethod m, std::chrono::seconds e,
                                    const app::PresignOptions& o) override {
    return s3_->presign(k, m, e, o);
  }
  std::string describe() const override { return "files with S3 URLs"; }

 private:
  blob::FileBlobStore files_;
  std::unique_ptr<app::BlobStore> s3_;
};

}  // namespace

TEST(Documents, WithS3ADownloadUrlIsAShortLivedPresignedGet) {
  platform::StorageSettings settings;
  ASSERT_FALSE(platform::parse_storage_url("s3://cma-docs?region=eu-west-2", settings));
  auto s3 = blob::make_blob_store(settings, [](const std::string& name) -> std::optional<std::string> {
    if (name == "AWS_ACCESS_KEY_ID") return "AKIDEXAMPLE";
    if (name == "AWS_SECRET_ACCESS_KEY") return "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    return std::nullopt;
  });
  FilesWithS3Urls store(temp_dir() + "/blobs", std::move(s3));
  TestAppOptions options;
  options.blobs = &store;
  TestApp app(options);
  auto t = app.login(app.advisor_a);
  auto up = upload(app, t, docs_of(open_case(app, t)), kPdf);
  ASSERT_EQ(up.status, 201) << up.body;
  auto r = app.call("POST", "/api/v1/documents/" + up.str("id") + "/download-url", t);
  ASSERT_EQ(r.status, 200) << r.body;
  auto url = r.str("url");
  EXPECT_NE(url.find("centres/" + app.centre_a + "/documents/" + up.str("id") + "/v1"), std::string::npos) << url;
  EXPECT_NE(url.find("X-Amz-Signature="), std::string::npos) << url;
  EXPECT_NE(url.find("X-Amz-Expires=300"), std::string::npos) << url;
  EXPECT_EQ(r.obj().at("expiresInSeconds").as_int64(), 300);
  EXPECT_EQ(app.call("POST", "/api/v1/documents/" + up.str("id") + "/download-url", app.login(app.advisor_b)).status,
            404);
}

// ---- Memory: the real binary, a 100 MB upload streamed by the client ----

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;

long status_kib(pid_t pid, const std::string& field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
  return -1;
}

struct Served {
  Child child;
  int port = 0;
  std::string token;
  std::string case_id;
};

// `cma serve --demo` on a fresh database, signed in as the demo advisor, with one of its cases.
void serve(Served& s, const std::vector<std::string>& extra_env) {
  auto dir = temp_dir();
  std::vector<std::string> env{"DATABASE_URL=" + new_database_url(), "PORT=0", "DATA_DIR=" + dir,
                               "JWT_SECRET=" + std::string(40, 'j')};
  env.insert(env.end(), extra_env.begin(), extra_env.end());
  s.child = spawn_cma({"serve", "--demo"}, env);
  s.port = wait_for_port(s.child, 120);
  ASSERT_GT(s.port, 0) << slurp(s.child.log);
  std::smatch m;
  auto logins = slurp(dir + "/demo-logins.txt");
  static const std::regex advisor(R"((\S+)\s+\(advisor, centre [^)]*\)\s+password: (\S+))");
  ASSERT_TRUE(std::regex_search(logins, m, advisor)) << logins;
  auto login = http_request(s.port, "POST", "/api/v1/auth/login",
                            json::serialize(json::object{{"email", m[1].str()}, {"password", m[2].str()}}));
  ASSERT_EQ(login.status, 200) << login.body;
  s.token = login.str("accessToken");
  auto cases = http_request(s.port, "GET", "/api/v1/cases?limit=1", "", {{"Authorization", "Bearer " + s.token}});
  ASSERT_EQ(cases.status, 200) << cases.body;
  ASSERT_FALSE(cases.obj().at("items").as_array().empty());
  s.case_id = std::string(cases.obj().at("items").as_array()[0].at("id").as_string());
}

void stop(Served& s) {
  if (s.child.pid > 0) {
    ::kill(s.child.pid, SIGTERM);
    wait_exit(s.child.pid, 30);
  }
}

// POSTs a multipart body whose file part is `file_bytes` of generated text, written a chunk at a
// time (never built whole), and reads the answer.
std::pair<int, std::string> stream_upload(const Served& s, std::uint64_t file_bytes) {
  std::string head_part = std::string("--") + kBoundary +
                          "\r\nContent-Disposition: form-data; name=\"documentType\"\r\n\r\nother\r\n--" + kBoundary +
                          "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
                          "Content-Type: text/plain\r\n\r\n";
  std::string tail = std::string("\r\n--") + kBoundary + "--\r\n";
  std::uint64_t length = head_part.size() + file_bytes + tail.size();
  std::string request = "POST " + docs_of(s.case_id) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                        s.token + "\r\nContent-Type: multipart/form-data; boundary=" + kBoundary +
                        "\r\nContent-Length: " + std::to_string(length) + "\r\nConnection: close\r\n\r\n" + head_part;
  asio::io_context ioc;
  asio::ip::tcp::socket socket(ioc);
  socket.connect({asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(s.port)});
  boost::system::error_code ec;
  asio::write(socket, asio::buffer(request), ec);
  std::string line = "Line of a long plain-text statement: 0123456789 abcdefghijklmnopqrstuvwxyz.\n";
  std::string chunk;
  while (chunk.size() < 64 * 1024) chunk += line;
  std::uint64_t sent = 0;
  while (!ec && sent < file_bytes) {
    auto n = static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size(), file_bytes - sent));
    asio::write(socket, asio::buffer(chunk.data(), n), ec);
    sent += n;
  }
  if (!ec) asio::write(socket, asio::buffer(tail), ec);
  beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> res;
  bhttp::read(socket, buffer, res, ec);
  if (ec) return {0, "read failed after sending " + std::to_string(sent) + " bytes: " + ec.message()};
  return {static_cast<int>(res.result_int()), res.body()};
}

}  // namespace

TEST(DocumentsMemory, A100MegabyteUploadOverTheLimitIsRefusedWithoutTheProcessGrowing) {
  Served s;
  serve(s, {});
  if (HasFatalFailure()) return stop(s);
  long before = status_kib(s.child.pid, "VmHWM");
  ASSERT_GT(before, 0);
  auto [status, body] = stream_upload(s, 100ull * 1024 * 1024);
  long after = status_kib(s.child.pid, "VmHWM");
  EXPECT_EQ(status, 413) << body;
  EXPECT_NE(body.find("file"), std::string::npos) << body;
  // Far less than the 100 MB that went past it (and than the 25 MB limit).
  EXPECT_LT(after - before, 20 * 1024) << "VmHWM grew from " << before << " KiB to " << after << " KiB";
  auto list = http_request(s.port, "GET", docs_of(s.case_id), "", {{"Authorization", "Bearer " + s.token}});
  EXPECT_TRUE(list.obj().at("items").as_array().empty()) << list.body;
  stop(s);
}

TEST(DocumentsMemory, A100MegabyteUploadWithinARaisedLimitIsStoredWithFlatMemory) {
  Served s;
  serve(s, {"DOCUMENT_MAX_BYTES=" + std::to_string(200ull * 1024 * 1024)});
  if (HasFatalFailure()) return stop(s);
  long before = status_kib(s.child.pid, "VmHWM");
  auto [status, body] = stream_upload(s, 100ull * 1024 * 1024);
  long after = status_kib(s.child.pid, "VmHWM");
  ASSERT_EQ(status, 201) << body;
  auto doc = json::parse(body).as_object();
  EXPECT_EQ(doc.at("sizeBytes").as_int64(), 100ll * 1024 * 1024);
  EXPECT_EQ(doc.at("contentType").as_string(), "text/plain");
  // Half the bytes that went through at most: the sanitizer build's allocator keeps freed blocks in
  // quarantine, so its peak grows by some 33 MB where the release build's grows by under 30.
  EXPECT_LT(after - before, 50 * 1024) << "VmHWM grew from " << before << " KiB to " << after << " KiB";
  stop(s);
}

}  // namespace cma::testing::documents_itest

namespace cma::testing::documents_itest {

// Uploads count against the uploader's own hourly limit (RATE_LIMIT_UPLOADS_PER_HOUR): past it the
// upload is refused with 429 and Retry-After before anything is stored, other calls and other
// users carry on.
TEST(Documents, UploadsPastTheUploadersLimitAreRefusedAndStoreNothing) {
  app::InProcessRateLimiter limiter;
  TestAppOptions o;
  o.limiter = &limiter;
  o.limits.upload_per_user.limit = 2;
  TestApp app(o);
  auto t = app.login(app.advisor_a);
  auto case_id = open_case(app, t);
  ASSERT_EQ(upload(app, t, docs_of(case_id), kPdf).status, 201);
  ASSERT_EQ(upload(app, t, docs_of(case_id), kPdf).status, 201);
  auto refused = upload(app, t, docs_of(case_id), kPdf);
  ASSERT_EQ(refused.status, 429) << refused.body;
  EXPECT_EQ(refused.str("type"), "/problems/rate-limited");
  EXPECT_FALSE(refused.header("retry-after").empty());
  EXPECT_EQ(refused.header("ratelimit-remaining"), "0");
  auto list = app.get(docs_of(case_id), t);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.obj().at("items").as_array().size(), 2u);
  EXPECT_EQ(stored_objects(app.blob_root()).size(), 2u);
  // Reading is not uploading; another adviser of the centre may still upload.
  EXPECT_EQ(app.get(docs_of(case_id), t).status, 200);
  auto other = app.login(app.manager_a);
  EXPECT_EQ(upload(app, other, docs_of(case_id), kPdf).status, 201);
}

}  // namespace cma::testing::documents_itest

// ---- An upload is checked on its headers, before its body is read ----

namespace cma::testing::documents_itest {

namespace {

struct EarlyAnswer {
  int status = 0;
  std::string connection;  // the answer's Connection header
  std::string body;
  double seconds = 0;  // from the first byte sent to the answer read
};

// Sends an upload's headers declaring a `declared`-byte file, then only `sent` bytes of it, and reads
// the answer (waiting at most 5 s for it): a server that read the body before deciding would still
// be waiting for the rest.
EarlyAnswer partial_upload(int port, const std::string& token, const std::string& target, std::uint64_t declared,
                           std::uint64_t sent) {
  std::string head_part = std::string("--") + kBoundary +
                          "\r\nContent-Disposition: form-data; name=\"documentType\"\r\n\r\nother\r\n--" + kBoundary +
                          "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
                          "Content-Type: text/plain\r\n\r\n";
  std::string tail = std::string("\r\n--") + kBoundary + "--\r\n";
  std::string request = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  if (!token.empty()) request += "Authorization: Bearer " + token + "\r\n";
  request += std::string("Content-Type: multipart/form-data; boundary=") + kBoundary +
             "\r\nContent-Length: " + std::to_string(head_part.size() + declared + tail.size()) + "\r\n\r\n" +
             head_part;
  request.append(static_cast<std::size_t>(sent), 'x');
  auto start = std::chrono::steady_clock::now();
  asio::io_context ioc;
  asio::ip::tcp::socket socket(ioc);
  socket.connect({asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)});
  timeval timeout{5, 0};
  ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  boost::system::error_code ec;
  asio::write(socket, asio::buffer(request), ec);
  // Raw reads with a receive timeout (Asio's blocking reads would wait past it): a refused upload's
  // answer ends with the server's FIN.
  EarlyAnswer out;
  std::string got;
  char buf[4096];
  for (;;) {
    auto n = ::recv(socket.native_handle(), buf, sizeof buf, 0);
    if (n <= 0) break;
    got.append(buf, static_cast<std::size_t>(n));
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto head_end = got.find("\r\n\r\n");
  if (got.rfind("HTTP/1.1 ", 0) != 0 || head_end == std::string::npos) {
    out.body = "no answer (" + std::to_string(got.size()) + " bytes)";
    return out;
  }
  out.status = std::atoi(got.substr(9, 3).c_str());
  std::string head = got.substr(0, head_end);
  for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (auto at = head.find("\r\nconnection: "); at != std::string::npos) {
    auto from = at + std::string("\r\nconnection: ").size();
    out.connection = head.substr(from, head.find("\r\n", from) - from);
  }
  out.body = got.substr(head_end + 4);
  return out;
}

std::size_t files_in(const std::string& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::recursive_directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST(Documents, AnUploadThatMayNotBeMadeIsRefusedBeforeItsBodyIsRead) {
  auto spool = temp_dir() + "/spool";
  fs::create_directories(spool);
  TestAppOptions options;
  options.upload_spool_dir = spool;
  TestApp app(options);
  auto a = app.login(app.advisor_a);
  auto b = app.login(app.advisor_b);
  auto case_a = open_case(app, a);
  auto first = upload(app, a, docs_of(case_a), kPdf);
  ASSERT_EQ(first.status, 201) << first.body;
  auto stored_before = stored_objects(app.blob_root());
  ASSERT_EQ(stored_before.size(), 1u);
  // The spooled file goes when the request does, just after its answer is written.
  ASSERT_TRUE(wait_until([&] { return files_in(spool) == 0; }, 10));

  // 20 MB declared, 1 MB sent: each is answered at once, the body unread, the connection closed.
  const std::uint64_t declared = 20ull * 1024 * 1024, sent = 1024 * 1024;
  struct Case {
    const char* what;
    std::string token;
    std::string target;
    int status;
  };
  std::vector<Case> cases{
      {"no token", "", docs_of(case_a), 401},
      {"another centre's case", b, docs_of(case_a), 404},
      {"no such case", a, docs_of("0190c0de-0000-7000-8000-000000000000"), 404},
      {"not a case id", a, docs_of("not-a-uuid"), 404},
      {"another centre's document", b, "/api/v1/documents/" + first.str("id") + "/versions", 404},
  };
  for (const auto& c : cases) {
    auto r = partial_upload(app.port(), c.token, c.target, declared, sent);
    EXPECT_EQ(r.status, c.status) << c.what << ": " << r.body;
    EXPECT_LT(r.seconds, 3.0) << c.what;
    EXPECT_EQ(r.connection, "close") << c.what;
    EXPECT_EQ(files_in(spool), 0u) << c.what;
  }
  EXPECT_EQ(stored_objects(app.blob_root()), stored_before);
  auto list = app.get(docs_of(case_a), a);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.obj().at("items").as_array().size(), 1u);
  auto doc = app.get("/api/v1/documents/" + first.str("id"), a);
  EXPECT_EQ(doc.obj().at("currentVersion").as_int64(), 1);

  // The caller's own case: the body is read (and waited for), then stored; the spool is emptied.
  EXPECT_EQ(partial_upload(app.port(), a, docs_of(case_a), declared, sent).status, 0);
  EXPECT_EQ(upload(app, a, docs_of(case_a), kPdf).status, 201);
  EXPECT_EQ(stored_objects(app.blob_root()).size(), 2u);
  EXPECT_TRUE(wait_until([&] { return files_in(spool) == 0; }, 20));
}

// A client that asks `Expect: 100-continue` is told to go on only once the upload may be made; a
// refused one gets its answer instead and never sends the body.
TEST(Documents, ExpectContinueIsAnsweredAfterTheUploadIsChecked) {
  TestApp app;
  auto a = app.login(app.advisor_a);
  auto b = app.login(app.advisor_b);
  auto case_a = open_case(app, a);
  std::string body = multipart({{"documentType", "other"}, {"file", kPdf, std::string("s.pdf")}});
  auto send_head = [&](const std::string& token, asio::ip::tcp::socket& socket) {
    std::string head = "POST " + docs_of(case_a) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
                       "\r\nContent-Type: multipart/form-data; boundary=" + kBoundary +
                       "\r\nExpect: 100-continue\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    socket.connect({asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(app.port())});
    timeval timeout{5, 0};
    ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    asio::write(socket, asio::buffer(head));
  };
  {
    asio::io_context ioc;
    asio::ip::tcp::socket socket(ioc);
    send_head(a, socket);
    beast::flat_buffer buffer;
    bhttp::response<bhttp::string_body> go_on;
    boost::system::error_code ec;
    bhttp::read(socket, buffer, go_on, ec);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_EQ(go_on.result_int(), 100u);
    asio::write(socket, asio::buffer(body));
    bhttp::response<bhttp::string_body> created;
    bhttp::read(socket, buffer, created, ec);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_EQ(created.result_int(), 201u) << created.body();
  }
  {
    asio::io_context ioc;
    asio::ip::tcp::socket socket(ioc);
    send_head(b, socket);
    beast::flat_buffer buffer;
    bhttp::response<bhttp::string_body> refused;
    boost::system::error_code ec;
    bhttp::read(socket, buffer, refused, ec);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_EQ(refused.result_int(), 404u) << refused.body();
  }
  EXPECT_EQ(stored_objects(app.blob_root()).size(), 1u);
}

}  // namespace cma::testing::documents_itest

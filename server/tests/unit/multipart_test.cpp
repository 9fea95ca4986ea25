// The incremental multipart/form-data parser and the upload receiver over it: the same result
// however the body is cut into chunks, and the file part never kept in memory.
#include "http/documents/multipart.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/documents/upload.hpp"
#include "platform/crypto.hpp"

namespace cma::http {

namespace {

std::string body_with(const std::string& boundary, const std::string& file) {
  return "--" + boundary +
         "\r\nContent-Disposition: form-data; name=\"documentType\"\r\n\r\npayslip\r\n"
         "--" +
         boundary +
         "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"march.pdf\"\r\n"
         "Content-Type: application/pdf\r\n\r\n" +
         file + "\r\n--" + boundary + "--\r\n";
}

struct Collected {
  std::vector<PartHeaders> parts;
  std::vector<std::string> data;
};

Collected parse_in_chunks(const std::string& boundary, const std::string& body, std::size_t step, bool* ok) {
  Collected c;
  MultipartParser::Callbacks cb;
  cb.begin = [&](const PartHeaders& h) -> std::optional<std::string> {
    c.parts.push_back(h);
    c.data.emplace_back();
    return std::nullopt;
  };
  cb.data = [&](std::string_view d) -> std::optional<std::string> {
    c.data.back().append(d);
    return std::nullopt;
  };
  MultipartParser p(boundary, cb);
  bool good = true;
  for (std::size_t i = 0; i < body.size() && good; i += step) good = p.feed(std::string_view(body).substr(i, step));
  *ok = good && p.finish();
  return c;
}

}  // namespace

TEST(Multipart, BoundaryComesFromTheContentType) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=abc"), "abc");
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data; boundary=\"a b\""), "a b");
  EXPECT_FALSE(multipart_boundary("application/json"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'x')));
}

TEST(Multipart, EveryChunkingGivesTheSameParts) {
  std::string file = "%PDF-1.4\r\n--almost-a-boundary\r\n\r\n--bound\r\nstill data";
  std::string body = body_with("bound-xyz", file);
  for (std::size_t step : {1u, 2u, 3u, 7u, 64u, 100000u}) {
    bool ok = false;
    auto c = parse_in_chunks("bound-xyz", body, step, &ok);
    ASSERT_TRUE(ok) << step;
    ASSERT_EQ(c.parts.size(), 2u) << step;
    EXPECT_EQ(c.parts[0].name, "documentType");
    EXPECT_EQ(c.data[0], "payslip");
    EXPECT_EQ(c.parts[1].name, "file");
    EXPECT_EQ(c.parts[1].filename, "march.pdf");
    EXPECT_EQ(c.parts[1].content_type, "application/pdf");
    EXPECT_EQ(c.data[1], file) << step;
  }
}

TEST(Multipart, ExtendedFileNamesAndEscapesAreDecoded) {
  std::string body =
      "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fallback.pdf\"; "
      "filename*=UTF-8''M%C3%A4rz%2F..%2Fx.pdf\r\n\r\nhello\r\n--b\r\n"
      "Content-Disposition: form-data; name=\"name\"; filename=\"a\\\"b\"\r\n\r\nx\r\n--b--";
  bool ok = false;
  auto c = parse_in_chunks("b", body, 5, &ok);
  ASSERT_TRUE(ok);
  EXPECT_EQ(c.parts[0].filename, "März/../x.pdf");
  EXPECT_EQ(c.parts[1].filename, "a\"b");
}

TEST(Multipart, MalformedBodiesAreRefused) {
  bool ok = true;
  parse_in_chunks("b", "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end", 4, &ok);
  EXPECT_FALSE(ok);  // no closing delimiter
  parse_in_chunks("b", "--b\r\nX-Other: 1\r\n\r\nv\r\n--b--", 4, &ok);
  EXPECT_FALSE(ok);  // no Content-Disposition
  parse_in_chunks("b", "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n" + std::string(20000, 'h'), 512, &ok);
  EXPECT_FALSE(ok);  // headers without end
  parse_in_chunks("b", "just text", 4, &ok);
  EXPECT_FALSE(ok);
}

TEST(UploadReceiver, SpoolsTheFileHashesItAndKeepsTheFields) {
  std::string file(300000, '\0');
  for (std::size_t i = 0; i < file.size(); ++i) file[i] = static_cast<char>((i * 7919) & 0xFF);
  std::string body = body_with("zz", file);
  UploadReceiver r("multipart/form-data; boundary=zz", 1 << 20, {});
  for (std::size_t i = 0; i < body.size(); i += 4096) ASSERT_TRUE(r.feed(std::string_view(body).substr(i, 4096)));
  auto form = r.finish();
  ASSERT_TRUE(form->malformed.empty()) << form->malformed;
  EXPECT_EQ(form->field("documentType"), "payslip");
  ASSERT_TRUE(form->file);
  EXPECT_EQ(form->file->size, file.size());
  EXPECT_EQ(form->file->sha256, platform::sha256_hex(file));
  EXPECT_EQ(form->file->file_name, "march.pdf");
  std::ifstream in(form->file->spool->path(), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(ss.str(), file);
  auto path = form->file->spool->path();
  form.reset();
  EXPECT_FALSE(std::filesystem::exists(path)) << "the spooled file goes with the form";
}

TEST(UploadReceiver, AFileOverTheLimitIsRefusedAndNothingIsKept) {
  std::string body = body_with("zz", std::string(5000, 'a'));
  UploadReceiver r("multipart/form-data; boundary=zz", 4000, {});
  bool going = true;
  for (std::size_t i = 0; i < body.size() && going; i += 1000) going = r.feed(std::string_view(body).substr(i, 1000));
  EXPECT_FALSE(going);
  EXPECT_TRUE(r.too_large());
  auto form = r.finish();
  EXPECT_FALSE(form->file);
}

TEST(UploadReceiver, OtherContentTypesAreMarked) {
  UploadReceiver r("application/json", 1000, {});
  EXPECT_FALSE(r.feed("{}"));
  EXPECT_TRUE(r.finish()->not_multipart);
}

TEST(UploadRoutes, OnlyThePostsThatCarryFiles) {
  EXPECT_TRUE(is_upload_route("POST", "/api/v1/cases/abc/documents"));
  EXPECT_TRUE(is_upload_route("POST", "/api/v1/documents/abc/versions"));
  EXPECT_FALSE(is_upload_route("GET", "/api/v1/cases/abc/documents"));
  EXPECT_FALSE(is_upload_route("POST", "/api/v1/cases/abc/notes"));
  EXPECT_FALSE(is_upload_route("POST", "/api/v1/documents/abc/download-url"));
}

}  // namespace cma::http

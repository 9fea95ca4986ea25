// AWS Signature Version 4 against AWS's published test suite (data/sigv4/, see its ATTRIBUTION.md):
// for each request, the canonical request, string to sign and signature, for header signing and for
// query (presigned URL) signing; then the S3 presigned URL example from AWS's S3 documentation.
#include "blob/sigv4.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "platform/crypto.hpp"

namespace cma::blob::sigv4 {

namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

struct Case {
  Request request;
  std::string body;
  Credentials creds;
  Scope scope;
  bool sign_body = false;
  bool sign_token = true;
  std::int64_t expires = 3600;
};

Case load(const fs::path& dir) {
  Case c;
  std::istringstream in(slurp(dir / "request.txt"));
  std::string line;
  std::getline(in, line);
  auto sp1 = line.find(' '), sp2 = line.rfind(' ');
  c.request.method = line.substr(0, sp1);
  std::string target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  auto q = target.find('?');
  c.request.path = percent_decode(target.substr(0, q));
  if (q != std::string::npos) {
    std::string_view query = std::string_view(target).substr(q + 1);
    while (!query.empty()) {
      auto amp = query.find('&');
      auto pair = query.substr(0, amp);
      auto eq = pair.find('=');
      c.request.query.emplace_back(percent_decode(pair.substr(0, eq)),
                                   eq == std::string_view::npos ? "" : percent_decode(pair.substr(eq + 1)));
      query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    }
  }
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) break;
    auto colon = line.find(':');
    c.request.headers.emplace_back(line.substr(0, colon), line.substr(colon + 1));
  }
  std::stringstream rest;
  rest << in.rdbuf();
  c.body = rest.str();

  auto ctx = boost::json::parse(slurp(dir / "context.json")).as_object();
  const auto& cr = ctx.at("credentials").as_object();
  c.creds.access_key_id = std::string(cr.at("access_key_id").as_string());
  c.creds.secret_access_key = std::string(cr.at("secret_access_key").as_string());
  if (const auto* t = cr.if_contains("token")) c.creds.session_token = std::string(t->as_string());
  c.scope.region = std::string(ctx.at("region").as_string());
  c.scope.service = std::string(ctx.at("service").as_string());
  std::string ts(ctx.at("timestamp").as_string());  // 2015-08-30T12:36:00Z
  c.scope.amz_date = ts.substr(0, 4) + ts.substr(5, 2) + ts.substr(8, 2) + "T" + ts.substr(11, 2) + ts.substr(14, 2) +
                     ts.substr(17, 2) + "Z";
  c.sign_body = ctx.at("sign_body").as_bool();
  if (const auto* o = ctx.if_contains("omit_session_token")) c.sign_token = !o->as_bool();
  c.expires = ctx.at("expiration_in_seconds").to_number<std::int64_t>();
  return c;
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(CMA_SIGV4_DATA))
    if (e.is_directory()) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

class AwsTestSuite : public ::testing::TestWithParam<std::string> {};

TEST_P(AwsTestSuite, HeaderSigning) {
  fs::path dir = fs::path(CMA_SIGV4_DATA) / GetParam();
  auto c = load(dir);
  auto hash = platform::sha256_hex(c.body);
  if (c.sign_body) c.request.headers.emplace_back("X-Amz-Content-Sha256", hash);
  auto sig = sign_headers(c.request, c.creds, c.scope, hash, c.sign_token);
  EXPECT_EQ(sig.canonical_request, trimmed(slurp(dir / "header-canonical-request.txt")));
  EXPECT_EQ(sig.string_to_sign, trimmed(slurp(dir / "header-string-to-sign.txt")));
  EXPECT_EQ(sig.signature, trimmed(slurp(dir / "header-signature.txt")));
  // The signed-headers list is the canonical request's second-last line.
  auto last_nl = sig.canonical_request.rfind('\n');
  auto prev_nl = sig.canonical_request.rfind('\n', last_nl - 1);
  auto signed_headers = sig.canonical_request.substr(prev_nl + 1, last_nl - prev_nl - 1);
  EXPECT_EQ(sig.authorization,
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            "SignedHeaders=" +
                signed_headers + ", Signature=" + sig.signature);
  EXPECT_EQ(c.request.headers.back().first, "Authorization");
}

TEST_P(AwsTestSuite, QuerySigning) {
  fs::path dir = fs::path(CMA_SIGV4_DATA) / GetParam();
  auto c = load(dir);
  auto sig = presign(c.request, c.creds, c.scope, c.expires, platform::sha256_hex(c.body), c.sign_token);
  EXPECT_EQ(sig.canonical_request, trimmed(slurp(dir / "query-canonical-request.txt")));
  EXPECT_EQ(sig.string_to_sign, trimmed(slurp(dir / "query-string-to-sign.txt")));
  EXPECT_EQ(sig.signature, trimmed(slurp(dir / "query-signature.txt")));
  ASSERT_FALSE(c.request.query.empty());
  EXPECT_EQ(c.request.query.back(), std::make_pair(std::string("X-Amz-Signature"), sig.signature));
}

INSTANTIATE_TEST_SUITE_P(SigV4, AwsTestSuite, ::testing::ValuesIn(case_names()), [](const auto& param_info) {
  std::string n = param_info.param;
  for (char& ch : n)
    if (ch == '-') ch = '_';
  return n;
});

TEST(SigV4, TheSuiteIsThere) {
  EXPECT_GE(case_names().size(), 20U);
}

// "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)", Amazon S3 API
// Reference: the presigned GET of examplebucket/test.txt.
TEST(SigV4, S3PresignedUrlExampleFromTheDocumentation) {
  Request r;
  r.method = "GET";
  r.path = "/test.txt";
  r.headers.emplace_back("host", "examplebucket.s3.amazonaws.com");
  Credentials creds{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ""};
  auto sig = presign(r, creds, {"us-east-1", "s3", "20130524T000000Z"}, 86400);
  EXPECT_EQ(sig.canonical_request,
            "GET\n/test.txt\nX-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-"
            "east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\n"
            "host:examplebucket.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD");
  EXPECT_EQ(sig.signature, "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
}

TEST(SigV4, AmzDateIsUtc) {
  EXPECT_EQ(amz_date(1440938160), "20150830T123600Z");
  EXPECT_EQ(amz_date(0), "19700101T000000Z");
}

TEST(SigV4, UriEncodingKeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(uri_encode("a b/c~d_e.f-g", true), "a%20b/c~d_e.f-g");
  EXPECT_EQ(uri_encode("a/b+c=d&e", false), "a%2Fb%2Bc%3Dd%26e");
  EXPECT_EQ(uri_encode("\xe1\x88\xb4", false), "%E1%88%B4");
}

}  // namespace cma::blob::sigv4

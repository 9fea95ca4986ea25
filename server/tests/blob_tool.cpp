// A test-only command line over the object store adapters and the Signature V4 signer, driven by
// server/tests/s3 (AWS's own signer and an S3-compatible server behind a verifying proxy).
//
//   blob_tool sign|presign-raw --method M --host H --path P [--query k=v]… [--header k:v]…
//                              --payload-hash X --date 20150830T123600Z --region R --service S [--expires N]
//   blob_tool put KEY FILE | get KEY [FIRST-LAST] | head KEY | rm KEY | presign get|put KEY SECONDS
//
// The store comes from STORAGE_URL (and STORAGE_SSE…) and the keys from the AWS_* variables, as in
// `cma serve`. Output is JSON on stdout (get writes the bytes); a failure prints "error: …" on stderr
// and exits 1.
#include <boost/json.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "app/blobs/blob_store.hpp"
#include "blob/s3_store.hpp"
#include "blob/sigv4.hpp"
#include "platform/config.hpp"

namespace {

using namespace cma;

int fail(const std::string& what) {
  std::cerr << "error: " << what << "\n";
  return 1;
}

int fail(const Error& e) {
  return fail(e.detail);
}

int sign(const std::vector<std::string>& args, bool query) {
  blob::sigv4::Request r;
  blob::sigv4::Scope scope;
  std::string payload_hash(blob::sigv4::kEmptyPayloadHash);
  std::int64_t expires = 3600;
  for (std::size_t i = 0; i + 1 < args.size(); i += 2) {
    const auto& k = args[i];
    const auto& v = args[i + 1];
    if (k == "--method")
      r.method = v;
    else if (k == "--host")
      r.headers.emplace_back("host", v);
    else if (k == "--path")
      r.path = v;
    else if (k == "--query") {
      auto eq = v.find('=');
      r.query.emplace_back(v.substr(0, eq), eq == std::string::npos ? "" : v.substr(eq + 1));
    } else if (k == "--header") {
      auto colon = v.find(':');
      r.headers.emplace_back(v.substr(0, colon), v.substr(colon + 1));
    } else if (k == "--payload-hash")
      payload_hash = v;
    else if (k == "--date")
      scope.amz_date = v;
    else if (k == "--region")
      scope.region = v;
    else if (k == "--service")
      scope.service = v;
    else if (k == "--expires")
      expires = std::stoll(v);
    else
      return fail("unknown option " + k);
  }
  auto env = platform::process_env();
  blob::sigv4::Credentials creds{env("AWS_ACCESS_KEY_ID").value_or(""), env("AWS_SECRET_ACCESS_KEY").value_or(""),
                                 env("AWS_SESSION_TOKEN").value_or("")};
  auto sig = query ? blob::sigv4::presign(r, creds, scope, expires, payload_hash)
                   : blob::sigv4::sign_headers(r, creds, scope, payload_hash);
  boost::json::object out{{"canonical_request", sig.canonical_request},
                          {"string_to_sign", sig.string_to_sign},
                          {"signature", sig.signature},
                          {"authorization", sig.authorization}};
  boost::json::array q;
  for (const auto& [k, v] : r.query) q.push_back(boost::json::array{boost::json::string(k), boost::json::string(v)});
  out["query"] = q;
  std::cout << boost::json::serialize(out) << "\n";
  return 0;
}

std::optional<app::BlobKey> parse_key(const std::string& key) {
  // The centre is the caller's: here, whatever the key claims, so the checker sees its shape.
  if (key.size() < 44) return std::nullopt;
  auto k = app::checked_blob_key(key.substr(8, 36), key);
  if (!k) return std::nullopt;
  return k.value();
}

int store_command(const std::vector<std::string>& args) {
  platform::Config config;
  if (auto e = platform::load_config(platform::process_env(), {}, false, config)) return fail(e->line());
  std::unique_ptr<app::BlobStore> store;
  try {
    store = blob::make_blob_store(config.storage, platform::process_env());
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  const std::string& cmd = args[0];
  auto info_json = [](const app::BlobInfo& i) {
    return boost::json::serialize(boost::json::object{{"size", i.size}, {"etag", i.etag}, {"sha256", i.sha256_hex}});
  };
  if (cmd == "presign" && args.size() == 4) {
    auto key = parse_key(args[2]);
    if (!key) return fail("not a document key: " + args[2]);
    auto method = args[1] == "put" ? app::PresignMethod::put : app::PresignMethod::get;
    auto url = store->presign(*key, method, std::chrono::seconds(std::stoll(args[3])), {});
    if (!url) return fail(url.error());
    std::cout << url->url << "\n";
    return 0;
  }
  if (args.size() < 2) return fail("usage: see the top of blob_tool.cpp");
  auto key = parse_key(args[1]);
  if (!key) return fail("not a document key: " + args[1]);
  if (cmd == "put" && args.size() == 3) {
    std::FILE* f = args[2] == "-" ? stdin : std::fopen(args[2].c_str(), "rb");
    if (f == nullptr) return fail("cannot open " + args[2]);
    auto r = store->put(*key, [f](char* buf, std::size_t cap) { return std::fread(buf, 1, cap, f); }, {});
    if (f != stdin) std::fclose(f);
    if (!r) return fail(r.error());
    std::cout << info_json(*r) << "\n";
    return 0;
  }
  if (cmd == "get") {
    std::optional<app::ByteRange> range;
    if (args.size() == 3) {
      auto dash = args[2].find('-');
      range = app::ByteRange{std::stoull(args[2].substr(0, dash)), std::nullopt};
      if (dash + 1 < args[2].size()) range->last = std::stoull(args[2].substr(dash + 1));
    }
    auto r = store->get(
        *key, [](std::string_view c) { std::fwrite(c.data(), 1, c.size(), stdout); }, range);
    std::fflush(stdout);
    if (!r) return fail(r.error());
    return 0;
  }
  if (cmd == "head") {
    auto r = store->head(*key);
    if (!r) return fail(r.error().code == ErrorCode::not_found ? "not_found" : r.error().detail);
    std::cout << info_json(*r) << "\n";
    return 0;
  }
  if (cmd == "rm") {
    auto r = store->remove(*key);
    if (!r) return fail(r.error());
    std::cout << (*r ? "removed" : "absent") << "\n";
    return 0;
  }
  return fail("usage: see the top of blob_tool.cpp");
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return fail("usage: see the top of blob_tool.cpp");
  try {
    if (args[0] == "sign" || args[0] == "presign-raw")
      return sign(std::vector<std::string>(args.begin() + 1, args.end()), args[0] == "presign-raw");
    return store_command(args);
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}

#include "blob/s3_store.hpp"

#include <algorithm>
#include <random>
#include <stdexcept>
#include <thread>

#include "blob/file_store.hpp"
#include "platform/crypto.hpp"
#include "platform/xray.hpp"

namespace cma::blob {

namespace {

constexpr std::int64_t kMaxPresignSeconds = 7 * 24 * 3600;

std::string xml_text(std::string_view xml, std::string_view tag) {
  std::string open = "<" + std::string(tag) + ">", close = "</" + std::string(tag) + ">";
  auto a = xml.find(open);
  if (a == std::string_view::npos) return {};
  a += open.size();
  auto b = xml.find(close, a);
  if (b == std::string_view::npos) return {};
  return std::string(xml.substr(a, b - a));
}

std::string unquote(std::string s) {
  for (std::string_view q : {"&quot;", "&#34;"}) {
    for (auto p = s.find(q); p != std::string::npos; p = s.find(q)) s.erase(p, q.size());
  }
  s.erase(std::remove(s.begin(), s.end(), '"'), s.end());
  return s;
}

std::string header(const HttpResponse& r, const std::string& name) {
  auto it = r.headers.find(name);
  return it == r.headers.end() ? std::string() : it->second;
}

bool retryable(const HttpResponse& r) {
  if (r.status == 0) return true;
  if (r.status == 429 || r.status == 500 || r.status == 502 || r.status == 503 || r.status == 504) return true;
  auto code = xml_text(r.body, "Code");
  return code == "SlowDown" || code == "RequestTimeout" || code == "InternalError";
}

// What S3 said, for an error: "403 SignatureDoesNotMatch: The request signature …".
std::string s3_said(const HttpResponse& r) {
  if (r.status == 0) return "no response (" + r.transport_error + ")";
  std::string s = std::to_string(r.status);
  if (auto code = xml_text(r.body, "Code"); !code.empty()) s += " " + code;
  if (auto msg = xml_text(r.body, "Message"); !msg.empty()) s += ": " + msg;
  return s;
}

Error failure(const std::string& what, const HttpResponse& r) {
  return Error::unavailable("S3 " + what + " failed: " + s3_said(r));
}

std::uint64_t content_length(const HttpResponse& r) {
  auto v = header(r, "content-length");
  try {
    return v.empty() ? 0 : std::stoull(v);
  } catch (...) {
    return 0;
  }
}

}  // namespace

S3BlobStore::S3BlobStore(platform::StorageSettings settings, std::unique_ptr<CredentialsProvider> credentials,
                         RetryPolicy retry)
    : settings_(std::move(settings)), credentials_(std::move(credentials)), retry_(retry) {
  if (settings_.endpoint.empty()) {
    scheme_ = "https";
    endpoint_host_ = "s3." + settings_.region + ".amazonaws.com";
  } else {
    auto sep = settings_.endpoint.find("://");
    scheme_ = settings_.endpoint.substr(0, sep);
    endpoint_host_ = settings_.endpoint.substr(sep + 3);
  }
}

std::string S3BlobStore::host() const {
  return settings_.path_style ? endpoint_host_ : settings_.bucket + "." + endpoint_host_;
}

std::string S3BlobStore::path_of(const std::string& key) const {
  return settings_.path_style ? "/" + settings_.bucket + "/" + key : "/" + key;
}

std::string S3BlobStore::base_url() const {
  return scheme_ + "://" + host();
}

std::string S3BlobStore::describe() const {
  std::string s = "s3://" + settings_.bucket + " (" + settings_.region;
  if (!settings_.endpoint.empty()) s += ", " + settings_.endpoint;
  if (!settings_.sse.empty()) s += ", " + settings_.sse;
  return s + ", credentials from " + credentials_->describe() + ")";
}

void S3BlobStore::encryption_headers(std::vector<std::pair<std::string, std::string>>& headers) const {
  if (settings_.sse.empty()) return;
  headers.emplace_back("x-amz-server-side-encryption", settings_.sse);
  if (settings_.sse == "aws:kms" && !settings_.kms_key_id.empty())
    headers.emplace_back("x-amz-server-side-encryption-aws-kms-key-id", settings_.kms_key_id);
}

namespace {
// The S3 API operation a call is, as X-Ray names AWS calls.
const char* s3_operation(const std::string& method, const std::vector<std::pair<std::string, std::string>>& query) {
  auto has = [&query](const char* name) {
    return std::any_of(query.begin(), query.end(), [name](const auto& q) { return q.first == name; });
  };
  if (method == "GET") return has("uploadId") ? "ListParts" : "GetObject";
  if (method == "HEAD") return "HeadObject";
  if (method == "PUT") return has("partNumber") ? "UploadPart" : "PutObject";
  if (method == "POST") return has("uploads") ? "CreateMultipartUpload" : "CompleteMultipartUpload";
  if (method == "DELETE") return has("uploadId") ? "AbortMultipartUpload" : "DeleteObject";
  return "S3";
}
}  // namespace

Result<HttpResponse> S3BlobStore::attempt(const Call& call) {
  // Each attempt, retries included, is a subsegment of the request's trace.
  platform::xray::Span span("S3", "aws");
  span.set_aws(s3_operation(call.method, call.query), settings_.region);
  auto creds = credentials_->get();
  if (!creds) return creds.error();
  sigv4::Request req;
  req.method = call.method;
  req.path = path_of(call.key);
  req.query = call.query;
  req.headers.emplace_back("Host", host());
  std::string payload_hash = call.send_body ? platform::sha256_hex(call.body) : std::string(sigv4::kEmptyPayloadHash);
  req.headers.emplace_back("x-amz-content-sha256", payload_hash);
  for (const auto& h : call.headers) req.headers.push_back(h);
  auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
  sigv4::sign_headers(req, *creds, {settings_.region, "s3", sigv4::amz_date(now.count())}, payload_hash);

  HttpRequest http;
  http.method = call.method;
  http.url = base_url() + sigv4::canonical_path(req.path);
  if (!req.query.empty()) http.url += "?" + sigv4::canonical_query(req.query);
  http.headers = std::move(req.headers);
  http.body = call.body;
  http.send_body = call.send_body;
  http.on_body = call.on_body;
  auto response = http_perform(http);
  span.set_http(call.method, static_cast<int>(response.status));
  return response;
}

void S3BlobStore::backoff(int attempt) const {
  // Full jitter: a random wait up to base·2^attempt, capped.
  thread_local std::mt19937_64 rng{std::random_device{}()};
  auto ceiling = std::min<std::int64_t>(retry_.max_delay.count(), retry_.base_delay.count() << std::min(attempt, 20));
  std::uniform_int_distribution<std::int64_t> pick(0, std::max<std::int64_t>(ceiling, 1));
  std::this_thread::sleep_for(std::chrono::milliseconds(pick(rng)));
}

Result<HttpResponse> S3BlobStore::send(const Call& call) {
  for (int i = 0;; ++i) {
    auto res = attempt(call);
    if (!res) return res;
    if (!retryable(*res) || i + 1 >= retry_.max_attempts) return res;
    backoff(i);
  }
}

Result<app::BlobInfo> S3BlobStore::put(const app::BlobKey& key, const app::BlobSource& source,
                                       const app::PutOptions& options) {
  Sha256 sha;
  std::string buf;
  std::uint64_t total = 0;
  // Read up to one byte past the threshold: at or below it, one PUT will do.
  const std::size_t limit = static_cast<std::size_t>(settings_.multipart_threshold) + 1;
  constexpr std::size_t kChunk = 64 * 1024;
  while (buf.size() < limit) {
    std::size_t old = buf.size();
    buf.resize(old + std::min(kChunk, limit - old));
    std::size_t n = source(buf.data() + old, buf.size() - old);
    buf.resize(old + n);
    if (n == 0) break;
    sha.update(std::string_view(buf.data() + old, n));
  }
  total = buf.size();
  if (buf.size() >= limit) return put_multipart(key, source, options, std::move(buf), total, sha);

  Call call{"PUT", key.str(), {}, {{"Content-Type", options.content_type}}, buf, true, nullptr};
  encryption_headers(call.headers);
  auto res = send(call);
  if (!res) return res.error();
  if (res->status != 200) return failure("PUT", *res);
  return app::BlobInfo{total, unquote(header(*res, "etag")), sha.hex()};
}

Result<app::BlobInfo> S3BlobStore::put_multipart(const app::BlobKey& key, const app::BlobSource& source,
                                                 const app::PutOptions& options, std::string pending,
                                                 std::uint64_t& total, Sha256& sha) {
  Call create{"POST", key.str(), {{"uploads", ""}}, {{"Content-Type", options.content_type}}, {}, true, nullptr};
  encryption_headers(create.headers);
  auto created = send(create);
  if (!created) return created.error();
  std::string upload_id = xml_text(created->body, "UploadId");
  if (created->status != 200 || upload_id.empty()) return failure("CreateMultipartUpload", *created);

  auto abort = [&] {
    Call call{"DELETE", key.str(), {{"uploadId", upload_id}}, {}, {}, false, nullptr};
    (void)send(call);
  };
  const std::size_t part_size = static_cast<std::size_t>(settings_.part_size);
  std::vector<std::string> etags;
  try {
    std::size_t offset = 0;  // of the first byte not yet sent, in `pending`
    bool ended = false;
    for (;;) {
      // Top up to a whole part unless the source has ended.
      while (!ended && pending.size() - offset < part_size) {
        if (offset > 0) {
          pending.erase(0, offset);
          offset = 0;
        }
        std::size_t old = pending.size();
        pending.resize(std::max(old + 64 * 1024, part_size));
        std::size_t n = source(pending.data() + old, pending.size() - old);
        pending.resize(old + n);
        if (n == 0) {
          ended = true;
        } else {
          sha.update(std::string_view(pending.data() + old, n));
          total += n;
        }
      }
      std::size_t len = std::min(part_size, pending.size() - offset);
      if (len == 0) break;
      Call part{"PUT",
                key.str(),
                {{"partNumber", std::to_string(etags.size() + 1)}, {"uploadId", upload_id}},
                {},
                std::string_view(pending).substr(offset, len),
                true,
                nullptr};
      auto res = send(part);
      if (!res) {
        abort();
        return res.error();
      }
      if (res->status != 200) {
        abort();
        return failure("UploadPart", *res);
      }
      etags.push_back(header(*res, "etag"));
      offset += len;
      if (ended && offset == pending.size()) break;
    }
  } catch (...) {
    abort();
    throw;
  }

  std::string xml = "<CompleteMultipartUpload>";
  for (std::size_t i = 0; i < etags.size(); ++i)
    xml += "<Part><PartNumber>" + std::to_string(i + 1) + "</PartNumber><ETag>" + etags[i] + "</ETag></Part>";
  xml += "</CompleteMultipartUpload>";
  Call complete{"POST", key.str(), {{"uploadId", upload_id}}, {{"Content-Type", "application/xml"}}, xml,
                true,   nullptr};
  auto done = send(complete);
  if (!done) {
    abort();
    return done.error();
  }
  // S3 can answer 200 and still report an error in the body.
  if (done->status != 200 || done->body.find("<Error>") != std::string::npos) {
    abort();
    return failure("CompleteMultipartUpload", *done);
  }
  return app::BlobInfo{total, unquote(xml_text(done->body, "ETag")), sha.hex()};
}

Result<app::BlobInfo> S3BlobStore::get(const app::BlobKey& key, const app::BlobSink& sink,
                                       std::optional<app::ByteRange> range) {
  std::uint64_t delivered = 0;
  for (int i = 0;; ++i) {
    Call call{"GET", key.str(), {}, {}, {}, false, [&](std::string_view chunk) {
                sink(chunk);
                delivered += chunk.size();
              }};
    // After a broken transfer, carry on from the first byte not yet delivered.
    if (range || delivered > 0) {
      std::uint64_t first = (range ? range->first : 0) + delivered;
      std::string spec = "bytes=" + std::to_string(first) + "-";
      if (range && range->last) {
        if (*range->last < range->first) return Error::invalid_field("range", "ends before it starts");
        spec += std::to_string(*range->last);
      }
      call.headers.emplace_back("Range", spec);
    }
    auto res = attempt(call);
    if (!res) return res.error();
    if (res->status == 200 || res->status == 206) {
      std::uint64_t size = content_length(*res);
      if (auto cr = header(*res, "content-range"); !cr.empty()) {
        auto slash = cr.rfind('/');
        if (slash != std::string::npos) try {
            size = std::stoull(cr.substr(slash + 1));
          } catch (...) {
          }
      }
      return app::BlobInfo{size, unquote(header(*res, "etag")), {}};
    }
    if (res->status == 404) return Error::not_found("No such object.");
    if (res->status == 416) return Error::invalid_field("range", "is not satisfiable");
    if (!retryable(*res) || i + 1 >= retry_.max_attempts) return failure("GET", *res);
    backoff(i);
  }
}

Result<app::BlobInfo> S3BlobStore::head(const app::BlobKey& key) {
  auto res = send(Call{"HEAD", key.str(), {}, {}, {}, false, nullptr});
  if (!res) return res.error();
  if (res->status == 404) return Error::not_found("No such object.");
  if (res->status != 200) return failure("HEAD", *res);
  return app::BlobInfo{content_length(*res), unquote(header(*res, "etag")), {}};
}

Result<bool> S3BlobStore::remove(const app::BlobKey& key) {
  auto res = send(Call{"DELETE", key.str(), {}, {}, {}, false, nullptr});
  if (!res) return res.error();
  if (res->status == 204 || res->status == 200) return true;
  if (res->status == 404) return false;
  return failure("DELETE", *res);
}

Result<app::PresignedUrl> S3BlobStore::presign(const app::BlobKey& key, app::PresignMethod method,
                                               std::chrono::seconds expires_in, const app::PresignOptions& options) {
  if (expires_in.count() < 1 || expires_in.count() > kMaxPresignSeconds)
    return Error::invalid_field("expires_in", "must be from 1 second to 7 days");
  auto creds = credentials_->get();
  if (!creds) return creds.error();
  sigv4::Request req;
  req.method = method == app::PresignMethod::get ? "GET" : "PUT";
  req.path = path_of(key.str());
  req.headers.emplace_back("host", host());
  if (method == app::PresignMethod::get) {
    // S3 answers a GET with these in place of the stored headers; they are signed like the rest.
    if (!options.content_disposition.empty())
      req.query.emplace_back("response-content-disposition", options.content_disposition);
    if (!options.content_type.empty()) req.query.emplace_back("response-content-type", options.content_type);
  }
  auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
  sigv4::presign(req, *creds, {settings_.region, "s3", sigv4::amz_date(now.count())}, expires_in.count());
  std::string url = base_url() + sigv4::canonical_path(req.path) + "?";
  for (std::size_t i = 0; i < req.query.size(); ++i) {
    if (i > 0) url += '&';
    url += sigv4::uri_encode(req.query[i].first, false) + "=" + sigv4::uri_encode(req.query[i].second, false);
  }
  return app::PresignedUrl{url, expires_in};
}

std::unique_ptr<app::BlobStore> make_blob_store(const platform::StorageSettings& settings,
                                                const platform::EnvLookup& env) {
  if (settings.kind == platform::StorageSettings::Kind::file) {
    std::error_code ec;
    std::filesystem::create_directories(settings.path, ec);
    if (ec || !std::filesystem::is_directory(settings.path))
      throw std::runtime_error("STORAGE_URL: cannot create the directory " + settings.path +
                               (ec ? ": " + ec.message() : std::string()));
    return std::make_unique<FileBlobStore>(settings.path);
  }
  std::string error;
  auto creds = credentials_from_env(env, error);
  if (!creds) throw std::runtime_error("STORAGE_URL: " + error);
  return std::make_unique<S3BlobStore>(settings, std::move(creds));
}

}  // namespace cma::blob

#include "app/blobs/blob_store.hpp"
#include "platform/ids.hpp"

namespace cma::app {

namespace {

constexpr int kMaxVersion = 1'000'000;

Result<BlobKey> refused() {
  return Error::not_found("No such document.");
}

// A version number as written in a key: decimal, no sign, no leading zero, 1..kMaxVersion.
std::optional<int> parse_version(std::string_view s) {
  if (s.empty() || s.size() > 7 || s[0] == '0') return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v < 1 || v > kMaxVersion) return std::nullopt;
  return v;
}

}  // namespace

Result<BlobKey> document_blob_key(std::string_view centre_id, std::string_view document_id, int version) {
  if (!platform::is_uuid(centre_id)) return Error::invalid_field("centre_id", "must be a UUID");
  if (!platform::is_uuid(document_id)) return Error::invalid_field("document_id", "must be a UUID");
  if (version < 1 || version > kMaxVersion)
    return Error::invalid_field("version", "must be from 1 to " + std::to_string(kMaxVersion));
  std::string key = "centres/";
  key.append(centre_id).append("/documents/").append(document_id).append("/v").append(std::to_string(version));
  return BlobKey(std::move(key), std::string(centre_id));
}

Result<BlobKey> checked_blob_key(std::string_view centre_id, std::string_view key) {
  // The whole key is matched against the one shape a document key has: every byte outside the
  // fixed text must be a lower-case hex digit, a dash at a UUID's places, or a version digit, so
  // no escape, separator, dot, NUL or non-ASCII byte can get through, however it is spelled.
  if (!platform::is_uuid(centre_id)) return refused();
  constexpr std::string_view kCentres = "centres/";
  constexpr std::string_view kDocuments = "/documents/";
  constexpr std::string_view kVersion = "/v";
  const std::size_t fixed = kCentres.size() + 36 + kDocuments.size() + 36 + kVersion.size();
  if (key.size() <= fixed || key.size() > fixed + 7) return refused();
  std::string_view rest = key;
  auto take = [&rest](std::string_view text) {
    if (rest.substr(0, text.size()) != text) return false;
    rest.remove_prefix(text.size());
    return true;
  };
  if (!take(kCentres)) return refused();
  if (rest.substr(0, 36) != centre_id) return refused();
  rest.remove_prefix(36);
  if (!take(kDocuments)) return refused();
  std::string_view document = rest.substr(0, 36);
  if (!platform::is_uuid(document)) return refused();
  rest.remove_prefix(36);
  if (!take(kVersion)) return refused();
  auto version = parse_version(rest);
  if (!version) return refused();
  auto built = document_blob_key(centre_id, document, *version);
  if (!built || built->str() != key) return refused();
  return built;
}

}  // namespace cma::app

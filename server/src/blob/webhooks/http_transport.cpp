#include "blob/webhooks/http_transport.hpp"

#include <curl/curl.h>
#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

namespace cma::blob {

namespace {

constexpr std::size_t kWebhookMaxAnswerBytes = 16 * 1024;

struct WebhookAnswer {
  std::size_t read = 0;
  bool capped = false;
};

std::size_t webhook_on_write(char*, std::size_t size, std::size_t n, void* user) {
  auto* a = static_cast<WebhookAnswer*>(user);
  a->read += size * n;
  if (a->read > kWebhookMaxAnswerBytes) {
    a->capped = true;
    return 0;  // enough: the status line is what counts
  }
  return size * n;
}

}  // namespace

std::vector<std::string> CurlWebhookTransport::resolve(const std::string& host, int port, std::string& error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  auto service = std::to_string(port);
  int rc = getaddrinfo(host.c_str(), service.c_str(), &hints, &found);
  if (rc != 0) {
    error = gai_strerror(rc);
    return {};
  }
  std::vector<std::string> out;
  for (auto* a = found; a != nullptr; a = a->ai_next) {
    char text[NI_MAXHOST];
    if (getnameinfo(a->ai_addr, a->ai_addrlen, text, sizeof text, nullptr, 0, NI_NUMERICHOST) != 0) continue;
    std::string s(text);
    if (auto pct = s.find('%'); pct != std::string::npos) s.resize(pct);  // an IPv6 zone
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  freeaddrinfo(found);
  if (out.empty()) error = "no address";
  return out;
}

app::WebhookPostResult CurlWebhookTransport::post(const app::WebhookPost& request) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CURL* c = curl_easy_init();
  if (c == nullptr) return {0, "libcurl could not start"};
  curl_slist* headers = nullptr;
  for (const auto& [name, value] : request.headers) headers = curl_slist_append(headers, (name + ": " + value).c_str());
  headers = curl_slist_append(headers, "Expect:");
  // The connection goes to the checked address, whatever the name resolves to by now.
  curl_slist* pinned = nullptr;
  bool literal = request.address == request.host;
  if (!literal) {
    std::string address =
        request.address.find(':') != std::string::npos ? "[" + request.address + "]" : request.address;
    pinned = curl_slist_append(pinned, (request.host + ":" + std::to_string(request.port) + ":" + address).c_str());
    curl_easy_setopt(c, CURLOPT_RESOLVE, pinned);
  }
  WebhookAnswer answer;
  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.c_str());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_PROXY, "");
  curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
  curl_easy_setopt(c, CURLOPT_FORBID_REUSE, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, webhook_on_write);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer);
  CURLcode rc = curl_easy_perform(c);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  app::WebhookPostResult result;
  if (rc == CURLE_OK || (answer.capped && status != 0)) {
    result.status = static_cast<int>(status);
  } else {
    result.error = std::string("no answer: ") + curl_easy_strerror(rc);
  }
  curl_slist_free_all(headers);
  curl_slist_free_all(pinned);
  curl_easy_cleanup(c);
  return result;
}

}  // namespace cma::blob

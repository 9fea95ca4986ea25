#include "support/s3_harness.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <stdexcept>

#include "blob/s3_store.hpp"
#include "platform/config.hpp"
#include "support/test_app.hpp"

namespace cma::testing {

S3Harness::S3Harness() {
  const std::string script = CMA_S3_HARNESS;
  const auto modules = std::filesystem::path(script).parent_path() / "node_modules";
  if (!std::filesystem::exists(modules))
    throw std::runtime_error("the S3 harness needs its packages: cd server/tests/s3 && npm ci");
  int in[2], out[2];
  if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::setenv("CMA_S3_MAX_SECONDS", "900", 1);
    ::execlp("node", "node", script.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  stdin_fd_ = in[1];
  // The one JSON line it prints once listening, within 30 s.
  std::string line;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (line.find('\n') == std::string::npos) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd p{out[0], POLLIN, 0};
    if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    char buf[512];
    auto n = ::read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    line.append(buf, static_cast<std::size_t>(n));
  }
  ::close(out[0]);
  boost::system::error_code ec;
  auto v = boost::json::parse(line.substr(0, line.find('\n')), ec);
  if (ec || !v.is_object()) {
    stop();
    throw std::runtime_error("the S3 harness (node " + script + ") did not start: " + line);
  }
  port_ = static_cast<int>(v.at("port").as_int64());
  storage_url_ = std::string(v.at("storageUrl").as_string());
  std::string secrets(v.at("secretsEndpoint").as_string());
  secrets_port_ = std::stoi(secrets.substr(secrets.rfind(':') + 1));
}

namespace {
std::string escaped(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}
}  // namespace

void S3Harness::put_secret(const std::string& arn, const std::string& value) const {
  auto r = http_request(secrets_port_, "PUT", "/_test/secrets/" + escaped(arn), value);
  if (r.status != 200) throw std::runtime_error("the harness did not take the secret: " + r.body);
}

int S3Harness::secret_reads(const std::string& arn) const {
  auto r = http_request(secrets_port_, "GET", "/_test/secrets/" + escaped(arn));
  if (r.status != 200) throw std::runtime_error("the harness did not answer: " + r.body);
  return static_cast<int>(r.obj().at("reads").as_int64());
}

S3Harness::~S3Harness() {
  stop();
}

void S3Harness::stop() {
  if (stdin_fd_ >= 0) {
    ::close(stdin_fd_);  // it stops when its input ends
    stdin_fd_ = -1;
  }
  if (pid_ > 0) {
    for (int i = 0; i < 100 && ::waitpid(pid_, nullptr, WNOHANG) == 0; ++i) ::usleep(50 * 1000);
    if (::waitpid(pid_, nullptr, WNOHANG) == 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    pid_ = -1;
  }
}

std::unique_ptr<app::BlobStore> S3Harness::store() const {
  platform::StorageSettings settings;
  if (auto e = platform::parse_storage_url(storage_url_, settings)) throw std::runtime_error(*e);
  return blob::make_blob_store(settings, [](const std::string& name) -> std::optional<std::string> {
    if (name == "AWS_ACCESS_KEY_ID" || name == "AWS_SECRET_ACCESS_KEY") return "S3RVER";
    return std::nullopt;
  });
}

}  // namespace cma::testing

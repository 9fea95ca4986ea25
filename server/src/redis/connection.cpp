#include "redis/connection.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace cma::redis {

using Clock = std::chrono::steady_clock;

namespace {

int remaining_ms(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left < 0 ? 0 : static_cast<int>(left);
}

// Waits for `events` on fd until the deadline; false on timeout.
bool wait_fd(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    pollfd p{fd, events, 0};
    int n = ::poll(&p, 1, remaining_ms(deadline));
    if (n > 0) return true;
    if (n == 0) return false;
    if (errno != EINTR) throw Unavailable(std::string("poll failed: ") + std::strerror(errno));
  }
}

int connect_tcp(const std::string& host, int port, Clock::time_point deadline) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (int rc = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found); rc != 0)
    throw Unavailable(std::string("cannot resolve the Redis host: ") + ::gai_strerror(rc));
  std::string why = "no address";
  int fd = -1;
  for (auto* a = found; a != nullptr && fd < 0; a = a->ai_next) {
    int s = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
    if (s < 0) continue;
    int rc = ::connect(s, a->ai_addr, a->ai_addrlen);
    if (rc != 0 && errno == EINPROGRESS) {
      if (!wait_fd(s, POLLOUT, deadline)) {
        why = "connecting timed out";
        ::close(s);
        continue;
      }
      int err = 0;
      socklen_t len = sizeof err;
      ::getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &len);
      rc = err == 0 ? 0 : -1;
      errno = err;
    }
    if (rc != 0) {
      why = std::strerror(errno);
      ::close(s);
      continue;
    }
    fd = s;
  }
  ::freeaddrinfo(found);
  if (fd < 0) throw Unavailable("cannot connect to Redis: " + why);
  return fd;
}

std::string ssl_error() {
  unsigned long e = ERR_get_error();
  if (e == 0) return "TLS failed";
  char buf[256];
  ERR_error_string_n(e, buf, sizeof buf);
  ERR_clear_error();
  return buf;
}

}  // namespace

struct Connection::Tls {
  SSL_CTX* ctx = nullptr;
  SSL* ssl = nullptr;
  ~Tls() {
    if (ssl != nullptr) SSL_free(ssl);
    if (ctx != nullptr) SSL_CTX_free(ctx);
  }
};

Connection::Connection(const platform::RedisSettings& settings) : timeout_(settings.timeout_ms) {
  const auto deadline = Clock::now() + timeout_;
  fd_ = connect_tcp(settings.host, settings.port, deadline);
  try {
    if (settings.tls) {
      tls_ = std::make_unique<Tls>();
      tls_->ctx = SSL_CTX_new(TLS_client_method());
      if (tls_->ctx == nullptr) throw Unavailable(ssl_error());
      SSL_CTX_set_min_proto_version(tls_->ctx, TLS1_2_VERSION);
      SSL_CTX_set_verify(tls_->ctx, SSL_VERIFY_PEER, nullptr);
      if (SSL_CTX_set_default_verify_paths(tls_->ctx) != 1) throw Unavailable(ssl_error());
      tls_->ssl = SSL_new(tls_->ctx);
      if (tls_->ssl == nullptr) throw Unavailable(ssl_error());
      SSL_set_fd(tls_->ssl, fd_);
      // The certificate must name the host of the URL: its address when that is an IP address.
      in6_addr ip{};
      const bool literal = ::inet_pton(AF_INET, settings.host.c_str(), &ip) == 1 ||
                           ::inet_pton(AF_INET6, settings.host.c_str(), &ip) == 1;
      if (literal) {
        if (X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(tls_->ssl), settings.host.c_str()) != 1)
          throw Unavailable(ssl_error());
      } else {
        SSL_set_tlsext_host_name(tls_->ssl, settings.host.c_str());
        if (SSL_set1_host(tls_->ssl, settings.host.c_str()) != 1) throw Unavailable(ssl_error());
      }
      for (;;) {
        int rc = SSL_connect(tls_->ssl);
        if (rc == 1) break;
        int err = SSL_get_error(tls_->ssl, rc);
        if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) {
          if (!wait_fd(fd_, err == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, deadline))
            throw Unavailable("the TLS handshake with Redis timed out");
          continue;
        }
        throw Unavailable("the TLS handshake with Redis failed: " + ssl_error());
      }
    }
    if (!settings.password.empty()) {
      std::vector<std::string> auth{"AUTH"};
      if (!settings.username.empty()) auth.push_back(settings.username);
      auth.push_back(settings.password);
      auto r = command(auth);
      // The reply is not quoted: it could echo part of the credentials.
      if (r.is_error()) throw Unavailable("Redis refused the credentials in REDIS_URL");
    }
    if (settings.db != 0) {
      auto r = command({"SELECT", std::to_string(settings.db)});
      if (r.is_error()) throw Unavailable("Redis refused SELECT " + std::to_string(settings.db) + ": " + r.text);
    }
  } catch (...) {
    tls_.reset();
    ::close(fd_);
    fd_ = -1;
    throw;
  }
}

Connection::~Connection() {
  tls_.reset();
  if (fd_ >= 0) ::close(fd_);
}

void Connection::write_all(const std::string& bytes) {
  const auto deadline = Clock::now() + timeout_;
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    if (tls_) {
      std::size_t n = 0;
      int rc = SSL_write_ex(tls_->ssl, bytes.data() + sent, bytes.size() - sent, &n);
      if (rc == 1) {
        sent += n;
        continue;
      }
      int err = SSL_get_error(tls_->ssl, rc);
      if ((err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) &&
          wait_fd(fd_, err == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, deadline))
        continue;
      throw Unavailable("writing to Redis failed: " + ssl_error());
    }
    ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
    } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
      if (!wait_fd(fd_, POLLOUT, deadline)) throw Unavailable("writing to Redis timed out");
    } else {
      throw Unavailable(std::string("writing to Redis failed: ") + std::strerror(errno));
    }
  }
}

bool Connection::read_some(Clock::time_point deadline) {
  char buf[16 * 1024];
  for (;;) {
    if (tls_) {
      std::size_t n = 0;
      int rc = SSL_read_ex(tls_->ssl, buf, sizeof buf, &n);
      if (rc == 1) {
        parser_.feed(std::string_view(buf, n));
        return true;
      }
      int err = SSL_get_error(tls_->ssl, rc);
      if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) {
        if (!wait_fd(fd_, err == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, deadline)) return false;
        continue;
      }
      if (err == SSL_ERROR_ZERO_RETURN) throw Unavailable("Redis closed the connection");
      throw Unavailable("reading from Redis failed: " + ssl_error());
    }
    ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n > 0) {
      parser_.feed(std::string_view(buf, static_cast<std::size_t>(n)));
      return true;
    }
    if (n == 0) throw Unavailable("Redis closed the connection");
    if (errno == EAGAIN || errno == EINTR) {
      if (!wait_fd(fd_, POLLIN, deadline)) return false;
      continue;
    }
    throw Unavailable(std::string("reading from Redis failed: ") + std::strerror(errno));
  }
}

std::optional<Reply> Connection::receive(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  try {
    for (;;) {
      if (auto r = parser_.next()) return r;
      if (!read_some(deadline)) return std::nullopt;
    }
  } catch (const ProtocolError& e) {
    throw Unavailable(std::string("Redis sent something that is not RESP: ") + e.what());
  }
}

Reply Connection::read_reply() {
  auto r = receive(timeout_);
  if (!r) throw Unavailable("Redis did not answer in time");
  return std::move(*r);
}

void Connection::send(const std::vector<std::string>& args) {
  write_all(encode_command(args));
}

Reply Connection::command(const std::vector<std::string>& args) {
  send(args);
  return read_reply();
}

}  // namespace cma::redis

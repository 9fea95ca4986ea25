#include "redis/rate_limiter.hpp"

#include <openssl/sha.h>

namespace cma::redis {

const std::string& rate_limit_script() {
  // KEYS[1]: the counter; ARGV[1]: the window in milliseconds. Returns {count, milliseconds left}.
  static const std::string script =
      "local n = redis.call('INCR', KEYS[1])\n"
      "local ttl = redis.call('PTTL', KEYS[1])\n"
      "if n == 1 or ttl < 0 then\n"
      "  redis.call('PEXPIRE', KEYS[1], ARGV[1])\n"
      "  ttl = tonumber(ARGV[1])\n"
      "end\n"
      "return {n, ttl}\n";
  return script;
}

std::string sha1_hex(const std::string& text) {
  unsigned char digest[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : digest) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

RedisRateLimiter::RedisRateLimiter(Client& client, std::string prefix)
    : client_(client), prefix_(std::move(prefix)), sha_(sha1_hex(rate_limit_script())) {}

app::RateDecision RedisRateLimiter::hit(std::string_view key, int limit, std::chrono::milliseconds window) {
  const std::string full = prefix_ + std::string(key);
  const std::string ms = std::to_string(window.count());
  auto r = client_.command({"EVALSHA", sha_, "1", full, ms});
  // A server that has not seen the script yet (or was restarted) says NOSCRIPT: send it whole once.
  if (r && r->is_error() && r->text.starts_with("NOSCRIPT"))
    r = client_.command({"EVAL", rate_limit_script(), "1", full, ms});
  if (r && r->type == Reply::Type::array && r->elements.size() == 2 && r->elements[0].type == Reply::Type::integer &&
      r->elements[1].type == Reply::Type::integer)
    return app::decide(r->elements[0].integer, limit, std::chrono::milliseconds(r->elements[1].integer));
  // Unavailable, or an answer this client does not understand: fail open to this process's counter.
  return fallback_.hit(key, limit, window);
}

}  // namespace cma::redis

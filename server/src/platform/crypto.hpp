#pragma once
// Cryptographic primitives over OpenSSL and libsodium. Nothing here knows about users or tokens.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace cma::platform {

std::string sha256_hex(std::string_view data);

// SHA-256 of data that arrives a piece at a time (a streamed upload or download).
class Sha256Stream {
 public:
  Sha256Stream();
  ~Sha256Stream();
  Sha256Stream(const Sha256Stream&) = delete;
  Sha256Stream& operator=(const Sha256Stream&) = delete;
  void update(std::string_view data);
  std::string hex();  // lower-case; ends the computation

 private:
  struct State;
  std::unique_ptr<State> state_;
};
std::string hmac_sha256(std::string_view key, std::string_view data);  // raw 32 bytes
std::string random_bytes(std::size_t n);                               // from the OS CSPRNG
bool constant_time_equal(std::string_view a, std::string_view b);

std::string to_hex(std::string_view bytes);
std::string base64url_encode(std::string_view bytes);
std::optional<std::string> base64url_decode(std::string_view text);

// Argon2id via libsodium's crypto_pwhash_str: the returned string carries salt and parameters.
std::string password_hash(std::string_view password);
bool password_verify(std::string_view stored_hash, std::string_view password);

}  // namespace cma::platform

#include "blob/sha256.hpp"

#include <openssl/evp.h>

#include <stdexcept>

#include "platform/crypto.hpp"

namespace cma::blob {

struct Sha256::State {
  EVP_MD_CTX* ctx = nullptr;
};

Sha256::Sha256() : state_(std::make_unique<State>()) {
  state_->ctx = EVP_MD_CTX_new();
  if (state_->ctx == nullptr || EVP_DigestInit_ex(state_->ctx, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 is not available");
}

Sha256::~Sha256() {
  EVP_MD_CTX_free(state_->ctx);
}

void Sha256::update(std::string_view data) {
  if (!data.empty()) EVP_DigestUpdate(state_->ctx, data.data(), data.size());
}

std::string Sha256::hex() {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_DigestFinal_ex(state_->ctx, md, &n);
  return platform::to_hex(std::string_view(reinterpret_cast<const char*>(md), n));
}

}  // namespace cma::blob

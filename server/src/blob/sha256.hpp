#pragma once
// Incremental SHA-256 for streamed objects (platform's sha256_hex wants the whole input at once).
#include <memory>
#include <string>
#include <string_view>

namespace cma::blob {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view data);
  std::string hex();  // ends the computation

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace cma::blob

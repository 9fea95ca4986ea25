#pragma once
// Ids come from a port so that tests are deterministic. Production ids are UUIDv7 (time-ordered,
// so keyset pagination by id is pagination by creation time).
#include <atomic>
#include <string>

#include "platform/clock.hpp"

namespace cma::platform {

class IdGenerator {
 public:
  virtual ~IdGenerator() = default;
  virtual std::string next() = 0;
};

class UuidV7Generator final : public IdGenerator {
 public:
  explicit UuidV7Generator(const Clock& clock) : clock_(clock) {}
  std::string next() override;

 private:
  const Clock& clock_;
};

bool is_uuid(std::string_view s);

}  // namespace cma::platform

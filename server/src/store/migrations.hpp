#pragma once
// Versioned schema migrations, one list per dialect. Never edit a released migration: add one.
#include <string>
#include <vector>

namespace cma::store {

struct Migration {
  int version;
  const char* name;
  std::vector<const char*> statements;
};

const std::vector<Migration>& sqlite_migrations();
const std::vector<Migration>& postgresql_migrations();

}  // namespace cma::store

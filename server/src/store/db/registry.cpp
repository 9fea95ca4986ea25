#include "store/db/registry.hpp"

#include <stdexcept>
#include <string>

namespace cma::store::db {

std::shared_ptr<void> RepositoryRegistry::make(std::type_index port, Connection& c) const {
  auto it = factories_.find(port);
  if (it == factories_.end()) throw std::logic_error(std::string("no repository is registered for ") + port.name());
  return it->second(c);
}

}  // namespace cma::store::db

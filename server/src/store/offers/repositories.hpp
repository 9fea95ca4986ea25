#pragma once
#include "store/db/registry.hpp"

namespace cma::store::offers {

void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::offers

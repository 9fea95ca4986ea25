#pragma once
#include "store/db/registry.hpp"

namespace cma::store::webhooks {

void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::webhooks

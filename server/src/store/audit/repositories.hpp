#pragma once
#include "store/db/registry.hpp"

namespace cma::store::audit {

// AuditRepository over SOCI.
void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::audit

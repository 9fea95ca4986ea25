#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// A version per centre, raised in the same transaction as any change of the centre's dashboard
// counters, so that figures computed from the counters can be kept and reused until it moves
// (app::DashboardCache). Centres that already have counters start at 1.
const Migration migration0013 = {
    13,
    "dashboard versions",
    {R"(CREATE TABLE dashboard_versions (
        centre_id TEXT PRIMARY KEY REFERENCES centres(id),
        version BIGINT NOT NULL))",
     "INSERT INTO dashboard_versions (centre_id, version) SELECT DISTINCT centre_id, 1 FROM dashboard_counters"}};

}  // namespace cma::store::migrations

#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// PostgreSQL: the search index keyed by centre as well as by word (btree_gin, one of PostgreSQL's
// own trusted extensions), so a search reads only the caller's centre's matches rather than every
// centre's and then filtering: a common name matches in every centre of a large network. SQLite's
// FTS5 index is unchanged.
const Migration migration0014 = {
    14,
    "search by centre",
    {},
    {"CREATE EXTENSION IF NOT EXISTS btree_gin",
     "CREATE INDEX search_documents_centre_tsv_idx ON search_documents USING GIN (centre_id, tsv)",
     "DROP INDEX search_documents_tsv_idx"}};

}  // namespace cma::store::migrations

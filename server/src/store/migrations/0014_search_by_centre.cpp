#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// PostgreSQL: each indexed word carries its centre ("c" + the centre id's hex digits + "x" before
// the word), so the GIN index's entries for a word are per centre, and a search reads only the
// caller's centre's matches. Filtering by centre after the index had found every centre's would
// read a common name's rows in every centre of a large network. Queries prefix their words the
// same way (store/search) and still filter by centre. SQLite's FTS5 index is unchanged.
const Migration migration0014 = {
    14,
    "search by centre",
    {},
    {"DROP INDEX search_documents_tsv_idx", "ALTER TABLE search_documents DROP COLUMN tsv",
     R"(ALTER TABLE search_documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple',
        regexp_replace(words, '(\S+)', 'c' || replace(centre_id, '-', '') || 'x\1', 'g'))) STORED)",
     "CREATE INDEX search_documents_tsv_idx ON search_documents USING GIN (tsv)"}};

}  // namespace cma::store::migrations

#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

// The client lists' indexes carry the search text too. A search walks the list in name order
// and keeps the rows whose text matches; with the text in the index it tests each entry there
// and reads only the rows of the page, instead of every row it passes (most, for a rare name).
const Migration migration0005 = {
    5,
    "client_search_index",
    {"DROP INDEX clients_list_idx",
     "CREATE INDEX clients_list_idx ON clients (centre_id, status, sort_name, id, search_text)",
     "DROP INDEX clients_network_list_idx",
     "CREATE INDEX clients_network_list_idx ON clients (status, sort_name, id, search_text)"}};

}  // namespace cma::store::migrations

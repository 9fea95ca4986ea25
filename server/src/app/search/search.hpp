#pragma once
// Search across the caller's centre's clients, cases, notes and documents (admins name the centre):
// every word must match the start of a word of a name, reference, postcode, e-mail address, case
// summary, note or a document's extracted text; results are ranked and carry the matched field and a snippet with the
// matches marked. Nothing crosses centres: the index is queried by centre.
#include <string>
#include <vector>

#include "app/cases/records.hpp"
#include "app/clients/records.hpp"
#include "app/context.hpp"
#include "app/notes/records.hpp"
#include "app/search/records.hpp"
#include "app/unit_of_work.hpp"
#include "domain/result.hpp"

namespace cma::app {

inline constexpr int kMaxSearchResults = 50;

Result<std::vector<SearchResult>> search(const Deps& deps, const Actor& actor, const std::string& query,
                                         const std::string& kind, const std::string& centre_id, int limit);

// For the use cases that write what is searched: keep the index in step, in their transaction.
void index_client(Transaction& tx, const CentreScope& scope, const Client& c);
void index_case(Transaction& tx, const CentreScope& scope, const Case& c);
void index_note(Transaction& tx, const CentreScope& scope, const Note& n, const Case& c);
// A document's current version's extracted text ("" removes the document from the index).
void index_document_text(Transaction& tx, const CentreScope& scope, const std::string& document_id,
                         const std::string& case_id, const std::string& name, const std::string& text);
// At start-up: fills the index of any centre that has clients but no documents yet.
int fill_missing_search_index(const Deps& deps);

}  // namespace cma::app

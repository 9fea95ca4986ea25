#pragma once
// The search module's records: what is indexed for a client, a case or a note, and what a search
// finds.
#include <string>
#include <vector>

#include "domain/search/search_text.hpp"

namespace cma::app {

struct SearchDocument {
  std::string kind;  // client | case | note | document
  std::string entity_id;
  std::string case_id;  // notes, cases and documents: the case; "" for clients
  std::string field;    // which field the text is: name, reference, postcode, email, summary, body, text
  std::string label;    // how the result is titled: a client's name and reference, a case's reference,
                        // a document's name…
  std::string text;     // the field as stored
  std::string words;    // domain::search_index_text(text)
};

struct SearchResult {
  std::string kind;
  std::string id;
  std::string case_id;
  std::string field;
  std::string label;
  std::vector<domain::SnippetPart> snippet;
};

}  // namespace cma::app

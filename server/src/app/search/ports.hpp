#pragma once
// The search index: SQLite FTS5 or PostgreSQL full-text search over each centre's documents. Every
// statement names the centre.
#include <string>
#include <vector>

#include "app/cases/records.hpp"
#include "app/clients/records.hpp"
#include "app/notes/records.hpp"
#include "app/search/records.hpp"
#include "app/tenancy.hpp"

namespace cma::app {

class SearchIndex {
 public:
  virtual ~SearchIndex() = default;
  // Replaces the entity's documents with these (none: removes it from the index).
  virtual void put(const CentreScope& scope, const std::string& kind, const std::string& entity_id,
                   const std::vector<SearchDocument>& documents) = 0;
  // The best `limit` documents containing every word (as a word or the start of one), best first.
  virtual std::vector<SearchDocument> search(const CentreScope& scope, const std::vector<std::string>& words,
                                             const std::string& kind, int limit) = 0;
  virtual bool has_documents(const CentreScope& scope) = 0;
  // For filling the index of a database from before it: the centre's active clients (name,
  // reference, postcode, e-mail), its cases (reference, summary, client's name) and its notes.
  struct Sources {
    std::vector<Client> clients;
    std::vector<Case> cases;
    std::vector<Note> notes;
  };
  virtual Sources sources(const CentreScope& scope) = 0;
};

}  // namespace cma::app

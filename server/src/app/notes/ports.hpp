#pragma once
// The notes module's storage. Every lookup names the case as well as the centre, so a note is found
// only under its own case.
#include <optional>
#include <string>
#include <vector>

#include "app/notes/records.hpp"
#include "app/paging.hpp"
#include "app/tenancy.hpp"

namespace cma::app {

class NoteRepository {
 public:
  virtual ~NoteRepository() = default;
  virtual std::optional<Note> find(const CentreScope& scope, const std::string& case_id, const std::string& id) = 0;
  // The same, locking the row until the transaction ends: revisions are numbered one at a time.
  virtual std::optional<Note> find_for_update(const CentreScope& scope, const std::string& case_id,
                                              const std::string& id) = 0;
  virtual void insert(const Note& n) = 0;
  virtual void update(const Note& n) = 0;
  virtual void insert_revision(const NoteRevision& r) = 0;
  // Pinned notes first, then newest first: up to `page.limit` rows after the cursor's position.
  virtual std::vector<Note> list(const CentreScope& scope, const std::string& case_id, const NoteListQuery& query,
                                 const KeysetRequest& page) = 0;
  // Revisions after `after_revision`, oldest first.
  virtual std::vector<NoteRevision> revisions(const CentreScope& scope, const std::string& note_id, int after_revision,
                                              int limit) = 0;
};

}  // namespace cma::app

#pragma once
// The retention module's storage: every statement names the centre.
#include <string>
#include <vector>

#include "app/retention/records.hpp"
#include "app/tenancy.hpp"

namespace cma::app {

class RetentionRepository {
 public:
  virtual ~RetentionRepository() = default;
  // Finished cases that closed before `closed_before` (the store's UTC form), by id after
  // `after_id`, up to `limit`.
  virtual std::vector<RetentionCase> finished_cases_before(const CentreScope& scope, const std::string& closed_before,
                                                           const std::string& after_id, int limit) = 0;
  // Every case of the client.
  virtual std::vector<RetentionCase> client_cases(const CentreScope& scope, const std::string& client_id) = 0;
  // The case's documents whose bytes are still kept (deleted ones included), with their versions' keys.
  virtual std::vector<RetentionDocument> kept_documents(const CentreScope& scope, const std::string& case_id) = 0;
  // The ids of the case's notes (to take them out of the search index).
  virtual std::vector<std::string> note_ids(const CentreScope& scope, const std::string& case_id) = 0;
  // Replaces the client's personal fields by fixed placeholders; false when already anonymised.
  virtual bool anonymise_client(const CentreScope& scope, const std::string& client_id, const std::string& at) = 0;
  // Marks the document and its versions purged (and deleted, if it was not); false when it was already.
  virtual bool mark_document_purged(const CentreScope& scope, const std::string& document_id,
                                    const std::string& at) = 0;
};

}  // namespace cma::app

#pragma once
// The retention module's records.
#include <string>
#include <vector>

namespace cma::app {

// What retention needs of a case.
struct RetentionCase {
  std::string id;
  std::string client_id;
  std::string status;
  std::string closed_at;             // "" while not finished
  std::string client_anonymised_at;  // "" until the client was anonymised
};

// A document whose bytes are still kept, and the object keys of its versions.
struct RetentionDocument {
  std::string id;
  std::string case_id;
  std::vector<std::string> blob_keys;
};

// One centre's part of the dry run: what applying the rules today would change.
struct RetentionCentreReport {
  std::string centre_id;
  std::vector<std::string> case_ids;      // past retention (documents purged and clients considered)
  std::vector<std::string> client_ids;    // to be anonymised (every case past retention)
  std::vector<std::string> document_ids;  // to be purged (bytes deleted)
  long long blobs = 0;                    // object keys to delete
  bool truncated = false;                 // more cases past retention than one report lists
};

struct RetentionReport {
  std::string today;  // the London date the rules were applied for
  std::vector<RetentionCentreReport> centres;
};

// What one run of the daily job did.
struct RetentionRunResult {
  long long clients_anonymised = 0;
  long long documents_purged = 0;
  long long blobs_deleted = 0;
  bool interrupted = false;
};

}  // namespace cma::app

#pragma once
// The documents module's storage, and the content sniffer. Every lookup names the centre.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/documents/records.hpp"
#include "app/paging.hpp"
#include "app/tenancy.hpp"

namespace cma::app {

class DocumentRepository {
 public:
  virtual ~DocumentRepository() = default;
  // A document that is not deleted, with its current version; any centre the scope reaches.
  virtual std::optional<Document> find(const Scope& scope, const std::string& id) = 0;
  // The same in one centre, locking the row until the transaction ends (versions are numbered in turn).
  virtual std::optional<Document> find_for_update(const CentreScope& scope, const std::string& id) = 0;
  virtual void insert(const Document& d) = 0;
  virtual void insert_version(const DocumentVersion& v) = 0;
  virtual void set_current_version(const CentreScope& scope, const std::string& id, int version,
                                   const std::string& updated_at) = 0;
  virtual void mark_deleted(const CentreScope& scope, const std::string& id, const std::string& by,
                            const std::string& at) = 0;
  // Every version, oldest first.
  virtual std::vector<DocumentVersion> versions(const CentreScope& scope, const std::string& id) = 0;
  // A case's documents that are not deleted, newest first: up to `page.limit` after the cursor.
  virtual std::vector<Document> list(const CentreScope& scope, const std::string& case_id,
                                     const KeysetRequest& page) = 0;
  // Text extraction. One version, whether or not its document is deleted.
  virtual std::optional<DocumentVersion> find_version(const CentreScope& scope, const std::string& id, int version) = 0;
  // A version's extracted text ("" when there is none).
  virtual std::string extracted_text(const CentreScope& scope, const std::string& id, int version) = 0;
  // Records the outcome on a version that is still pending; false (nothing changed) otherwise.
  virtual bool store_extraction(const CentreScope& scope, const std::string& id, int version,
                                const ExtractionOutcome& outcome) = 0;
};

// What kind of file this is by its bytes: a MIME type such as "application/pdf", without parameters.
class ContentSniffer {
 public:
  virtual ~ContentSniffer() = default;
  virtual std::string sniff(const std::filesystem::path& file) = 0;
};

}  // namespace cma::app

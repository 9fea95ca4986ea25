#pragma once
// Text extraction of a document's version (docs/documents.md). Uploading a version that has text to
// extract queues a document.extract job in the same transaction; the job reads the bytes (checked
// against their SHA-256), extracts through the TextExtractor port, and records the outcome on the
// version in one transaction: done with the text (and the OCR's confidence), or failed with the
// reason. The current version's text is indexed for search. Delivery is at-least-once: only a
// version still pending takes an outcome, so a second run stores nothing. Every outcome is audited
// as the system's write.
#include <string>

#include "app/context.hpp"
#include "app/documents/records.hpp"
#include "app/jobs/records.hpp"

namespace cma::app {

inline constexpr const char* kExtractJob = "document.extract";
inline constexpr int kExtractMaxAttempts = 3;

// The job for a new version: payload {"documentId", "version", "centreId"}, once per version.
JobDraft extraction_job(const DocumentVersion& v);

struct ExtractionRun {
  enum class Status {
    stored,   // the outcome was recorded on the version
    skipped,  // nothing to do: no such version, or it is no longer pending (a rerun)
    retry,    // the bytes or the extractor were not available this time; `error` says why
  };
  Status status = Status::stored;
  std::string outcome;  // stored: done | failed | not_applicable
  std::string error;
};

// One attempt. On the last attempt a failure to fetch or extract is recorded as the version's
// failure rather than retried. `meta` identifies the job in the audit trail.
ExtractionRun run_extraction(const Deps& deps, const std::string& centre_id, const std::string& document_id,
                             int version, bool last_attempt, const RequestMeta& meta);

}  // namespace cma::app

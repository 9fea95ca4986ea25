#include "app/documents/extraction.hpp"

#include <boost/json.hpp>
#include <exception>

#include "app/audit/audit_log.hpp"
#include "app/documents/documents.hpp"
#include "app/documents/ports.hpp"
#include "app/documents/text_extractor.hpp"
#include "app/search/search.hpp"
#include "app/tenancy.hpp"
#include "app/webhooks/webhooks.hpp"
#include "platform/log.hpp"

namespace cma::app {

namespace {

namespace log = platform::log;

const char* extraction_status_name(Extraction::Outcome o) {
  switch (o) {
    case Extraction::Outcome::done:
      return "done";
    case Extraction::Outcome::failed:
      return "failed";
    case Extraction::Outcome::not_applicable:
      return "not_applicable";
  }
  return "failed";
}

// Records the outcome on the version (if still pending), indexes the current version's text, and
// audits, in one transaction.
ExtractionRun store_outcome(const Deps& deps, const CentreScope& scope, const DocumentVersion& v, const Extraction& e,
                            const RequestMeta& meta) {
  ExtractionOutcome outcome;
  outcome.status = extraction_status_name(e.outcome);
  if (e.outcome == Extraction::Outcome::done) {
    outcome.text = e.text;
    outcome.confidence = e.confidence;
  } else if (e.outcome == Extraction::Outcome::failed) {
    outcome.error = e.error;
  }
  outcome.at = platform::format_time(deps.clock.now());
  auto tx = deps.db.begin(TxMode::write);
  auto& documents = tx->get<DocumentRepository>();
  // The document's row first (locked on PostgreSQL, as a new version or a delete locks it), so the
  // index never takes the text of a version that stopped being current or of a deleted document.
  auto d = documents.find_for_update(scope, v.document_id);
  if (!documents.store_extraction(scope, v.document_id, v.version, outcome))
    return {ExtractionRun::Status::skipped, "", ""};
  if (d && d->current_version == v.version && outcome.status == "done")
    index_document_text(*tx, scope, d->id, d->case_id, d->name, outcome.text);
  auto changes = ChangeSet()
                     .set("extractionStatus", "pending", outcome.status)
                     .set("extractionVersion", "", std::to_string(v.version))
                     .set("extractedBytes", "", std::to_string(outcome.text.size()))
                     .set("extractionError", "", outcome.error);
  if (outcome.confidence) changes.set("extractionConfidence", "", std::to_string(*outcome.confidence));
  // The system's write: no user, the job's id as the request.
  append_audit(deps, *tx, meta,
               {scope.centre_id(), "", "document.extract", "document", v.document_id, std::move(changes)});
  // The centre's webhooks hear of it with the outcome (docs/webhooks.md), in the same transaction.
  if (d) record_document_processed_event(deps, *tx, scope, d->id, d->case_id, outcome.status);
  tx->commit();
  log::info("document.extracted", log::Fields()
                                      .add("documentId", v.document_id)
                                      .add("centreId", v.centre_id)
                                      .add("version", v.version)
                                      .add("status", outcome.status)
                                      .add("pages", e.pages)
                                      .add("bytes", static_cast<std::int64_t>(outcome.text.size()))
                                      .add("truncated", e.truncated));
  return {ExtractionRun::Status::stored, outcome.status, outcome.error};
}

}  // namespace

JobDraft extraction_job(const DocumentVersion& v) {
  JobDraft draft;
  draft.centre_id = v.centre_id;
  draft.kind = kExtractJob;
  boost::json::object payload;
  payload["documentId"] = v.document_id;
  payload["version"] = v.version;
  payload["centreId"] = v.centre_id;
  draft.payload = boost::json::serialize(payload);
  draft.max_attempts = kExtractMaxAttempts;
  draft.unique_key = std::string(kExtractJob) + ":" + v.document_id + ":" + std::to_string(v.version);
  return draft;
}

ExtractionRun run_extraction(const Deps& deps, const std::string& centre_id, const std::string& document_id,
                             int version, bool last_attempt, const RequestMeta& meta) {
  auto scope = Tenancy::centre_within(Principal::operator_command(), centre_id);
  if (!scope) return {ExtractionRun::Status::skipped, "", ""};
  std::optional<DocumentVersion> v;
  {
    auto tx = deps.db.begin(TxMode::read);
    v = tx->get<DocumentRepository>().find_version(*scope, document_id, version);
  }
  if (!v || v->extraction_status != "pending") return {ExtractionRun::Status::skipped, "", ""};

  std::string why;
  try {
    if (deps.extractor == nullptr) {
      why = "text extraction is not configured on this worker";
    } else {
      auto bytes = fetch_version_bytes(deps, *v);
      if (!bytes && bytes.error().code == ErrorCode::conflict) {
        // The stored bytes are not what was uploaded: trying again would read the same.
        return store_outcome(deps, *scope, *v, Extraction::failed(bytes.error().detail), meta);
      }
      if (!bytes) {
        why = bytes.error().detail;
      } else {
        auto e = deps.extractor->extract((*bytes)->path(), v->content_type);
        return store_outcome(deps, *scope, *v, e, meta);
      }
    }
  } catch (const std::bad_alloc&) {
    why = "the worker ran out of memory";
  } catch (const std::exception& ex) {
    // Database errors while storing are the queue's to retry, like any other failure of a job.
    why = ex.what();
  }
  if (!last_attempt) return {ExtractionRun::Status::retry, "", why};
  return store_outcome(
      deps, *scope, *v,
      Extraction::failed("Text extraction failed after " + std::to_string(kExtractMaxAttempts) + " attempts: " + why),
      meta);
}

}  // namespace cma::app

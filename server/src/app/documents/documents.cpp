#include "app/documents/documents.hpp"

#include <cstdio>
#include <memory>

#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/cases/case_access.hpp"
#include "app/documents/extraction.hpp"
#include "app/documents/ports.hpp"
#include "app/jobs/jobs.hpp"
#include "app/lookup.hpp"
#include "app/search/search.hpp"
#include "domain/documents/document_rules.hpp"
#include "platform/crypto.hpp"
#include "platform/log.hpp"

namespace cma::app {

namespace {

namespace log = platform::log;

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f != nullptr) std::fclose(f);
  }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

Status need_store(const Deps& deps) {
  if (deps.blobs == nullptr || deps.sniffer == nullptr)
    return Error::unavailable("Document storage is not configured on this server.");
  return ok_status();
}

// The checked file part: its sniffed type, or why it is refused. Errors name the field `file`.
Result<std::string> check_file(const Deps& deps, const std::optional<UploadedFile>& file) {
  if (!file || !file->spool) return Error::invalid_field("file", "is required (a multipart part named file)");
  auto sniffed = deps.sniffer->sniff(file->spool->path());
  auto accepted = domain::accepted_content_type(sniffed);
  if (!accepted)
    return Error::invalid_field("file", std::string(kUnacceptedContent) + " (its content is " + sniffed +
                                            "; accepted: " + domain::accepted_content_type_list() + ")");
  return *accepted;
}

// Streams the spooled upload to the store under `key`, checking the store saw the same bytes.
Status put_bytes(const Deps& deps, const BlobKey& key, const UploadedFile& file, const std::string& content_type) {
  File in(std::fopen(file.spool->path().c_str(), "rb"));
  if (!in) return Error{ErrorCode::internal, "The upload could not be read back.", {}, 0};
  PutOptions options;
  options.content_type = content_type;
  auto stored = deps.blobs->put(
      key, [&in](char* buffer, std::size_t capacity) { return std::fread(buffer, 1, capacity, in.get()); }, options);
  if (!stored) return stored.error();
  if (stored->size != file.size || (!stored->sha256_hex.empty() && stored->sha256_hex != file.sha256)) {
    (void)deps.blobs->remove(key);
    return Error::unavailable("The object store did not keep the upload intact; try again.");
  }
  return ok_status();
}

DocumentVersion new_version(const Deps& deps, const Actor& actor, const Document& d, int version,
                            const UploadedFile& file, const std::string& content_type, const BlobKey& key) {
  DocumentVersion v;
  v.document_id = d.id;
  v.centre_id = d.centre_id;
  v.version = version;
  v.file_name = domain::sanitize_document_name(file.file_name);
  v.content_type = content_type;
  v.size_bytes = static_cast<std::int64_t>(file.size);
  v.sha256 = file.sha256;
  v.blob_key = key.str();
  v.uploaded_by = actor.principal.user_id();
  v.created_at = platform::format_time(deps.clock.now());
  v.extraction_status = domain::extracts_text(content_type) ? "pending" : "not_applicable";
  return v;
}

// A document by id within the caller's reach, with the centre scope for what follows.
struct DocumentInScope {
  Document d;
  CentreScope scope;
};

Result<DocumentInScope> find_document(Transaction& tx, const Principal& principal, const std::string& id) {
  auto found = find_in_scope(tx.get<DocumentRepository>(), Tenancy::of(principal), id, kNoSuchDocument);
  if (!found) return found.error();
  auto scope = Tenancy::centre_within(principal, found->centre_id);
  if (!scope) return Error::not_found(kNoSuchDocument);
  return DocumentInScope{std::move(*found), std::move(*scope)};
}

Result<DocumentVersion> pick_version(Transaction& tx, const DocumentInScope& found, std::optional<int> version) {
  if (!version || *version == found.d.current_version) return found.d.current;
  for (auto& v : tx.get<DocumentRepository>().versions(found.scope, found.d.id))
    if (v.version == *version) return v;
  return Error::not_found("No such version of this document.");
}

}  // namespace

Result<Document> upload_document(const Deps& deps, const Actor& actor, const std::string& case_id,
                                 const DocumentUpload& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "document.create", "document");
  if (auto ready = need_store(deps); !ready) return ready.error();
  std::string centre_id;
  {
    auto tx = deps.db.begin(TxMode::read);
    auto found = find_case(*tx, actor.principal, case_id);
    if (!found) return found.error();
    centre_id = found->c.centre_id;
  }
  std::vector<FieldError> errors;
  std::optional<domain::DocumentType> type;
  if (!in.document_type)
    errors.push_back({"documentType", "is required, one of " + domain::document_type_list()});
  else if (!(type = domain::parse_document_type(*in.document_type)))
    errors.push_back({"documentType", "must be one of " + domain::document_type_list()});
  std::string name;
  if (in.name) {
    auto checked = domain::check_document_name(*in.name);
    if (!checked.error.empty())
      errors.push_back({"name", checked.error});
    else
      name = checked.name;
  }
  if (!in.file || !in.file->spool) errors.push_back({"file", "is required (a multipart part named file)"});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  auto content_type = check_file(deps, in.file);
  if (!content_type) return content_type.error();
  if (name.empty()) name = domain::sanitize_document_name(in.file->file_name);

  Document d;
  d.id = deps.ids.next();
  d.centre_id = centre_id;
  d.case_id = case_id;
  d.document_type = std::string(domain::to_string(*type));
  d.name = name;
  d.uploaded_by = actor.principal.user_id();
  d.current_version = 1;
  auto key = document_blob_key(centre_id, d.id, 1);
  if (!key) return key.error();
  // A new document's key is its own: the bytes go to the store before the row exists, and are
  // removed again if the row cannot be written.
  if (auto put = put_bytes(deps, *key, *in.file, *content_type); !put) return put.error();
  try {
    auto tx = deps.db.begin(TxMode::write);
    auto found = find_case(*tx, actor.principal, case_id);
    if (!found) {
      (void)deps.blobs->remove(*key);
      return found.error();
    }
    d.created_at = d.updated_at = platform::format_time(deps.clock.now());
    d.current = new_version(deps, actor, d, 1, *in.file, *content_type, *key);
    auto& documents = tx->get<DocumentRepository>();
    documents.insert(d);
    documents.insert_version(d.current);
    if (d.current.extraction_status == "pending") enqueue_job(deps, *tx, extraction_job(d.current));
    append_audit(deps, *tx, actor.meta,
                 {d.centre_id, actor.principal.user_id(), "document.create", "document", d.id,
                  ChangeSet::for_creation()
                      .created("caseId", d.case_id)
                      .created("documentType", d.document_type)
                      .created("version", "1")
                      .created("contentType", d.current.content_type)
                      .created("sizeBytes", std::to_string(d.current.size_bytes))
                      .created("sha256", d.current.sha256)
                      .redacted("name")});
    tx->commit();
  } catch (...) {
    (void)deps.blobs->remove(*key);
    throw;
  }
  d.versions = {d.current};
  return d;
}

Result<Document> add_document_version(const Deps& deps, const Actor& actor, const std::string& id,
                                      const DocumentUpload& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "document.version_create", "document", id);
  if (auto ready = need_store(deps); !ready) return ready.error();
  {
    auto tx = deps.db.begin(TxMode::read);
    auto found = find_document(*tx, actor.principal, id);
    if (!found) return found.error();
  }
  auto content_type = check_file(deps, in.file);
  if (!content_type) return content_type.error();
  // The version number is taken under the document's row lock, and the bytes are stored while it is
  // held, so two uploads at once can never both write the same version's key.
  auto tx = deps.db.begin(TxMode::write);
  auto found = find_document(*tx, actor.principal, id);
  if (!found) return found.error();
  auto& documents = tx->get<DocumentRepository>();
  auto locked = documents.find_for_update(found->scope, id);
  if (!locked) return Error::not_found(kNoSuchDocument);
  Document d = std::move(*locked);
  int version = d.current_version + 1;
  auto key = document_blob_key(d.centre_id, d.id, version);
  if (!key) return key.error();
  if (auto put = put_bytes(deps, *key, *in.file, *content_type); !put) return put.error();
  try {
    auto before = d.current_version;
    d.current = new_version(deps, actor, d, version, *in.file, *content_type, *key);
    d.current_version = version;
    d.updated_at = d.current.created_at;
    documents.insert_version(d.current);
    documents.set_current_version(found->scope, d.id, version, d.updated_at);
    // The previous version's text is no longer the document's: it leaves the index until this
    // version's is extracted.
    index_document_text(*tx, found->scope, d.id, d.case_id, d.name, "");
    if (d.current.extraction_status == "pending") enqueue_job(deps, *tx, extraction_job(d.current));
    append_audit(deps, *tx, actor.meta,
                 {d.centre_id, actor.principal.user_id(), "document.version_create", "document", d.id,
                  ChangeSet()
                      .set("version", std::to_string(before), std::to_string(version))
                      .set("sha256", "", d.current.sha256)
                      .set("sizeBytes", "", std::to_string(d.current.size_bytes))});
    d.versions = documents.versions(found->scope, d.id);
    tx->commit();
  } catch (...) {
    (void)deps.blobs->remove(*key);
    throw;
  }
  return d;
}

Result<Page<Document>> list_documents(const Deps& deps, const Actor& actor, const std::string& case_id,
                                      const KeysetRequest& page) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "document.list", "document");
  auto tx = deps.db.begin(TxMode::read);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  KeysetRequest fetch = page;
  fetch.limit = page.limit + 1;
  auto rows = tx->get<DocumentRepository>().list(found->scope, case_id, fetch);
  return make_keyset_page(
      std::move(rows), kDocumentsList, page.limit, [](const Document& d) { return d.created_at; },
      [](const Document& d) { return d.id; });
}

Result<Document> get_document(const Deps& deps, const Actor& actor, const std::string& id) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "document.read", "document", id);
  auto tx = deps.db.begin(TxMode::read);
  auto found = find_document(*tx, actor.principal, id);
  if (!found) return found.error();
  auto& documents = tx->get<DocumentRepository>();
  found->d.versions = documents.versions(found->scope, id);
  if (found->d.current.extraction_status == "done")
    found->d.current.extracted_text = documents.extracted_text(found->scope, id, found->d.current_version);
  return std::move(found->d);
}

Result<Document> delete_document(const Deps& deps, const Actor& actor, const std::string& id) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "document.delete", "document", id);
  auto tx = deps.db.begin(TxMode::write);
  auto found = find_document(*tx, actor.principal, id);
  if (!found) return found.error();
  auto& documents = tx->get<DocumentRepository>();
  auto locked = documents.find_for_update(found->scope, id);
  if (!locked) return Error::not_found(kNoSuchDocument);
  Document d = std::move(*locked);
  d.status = "deleted";
  d.deleted_by = actor.principal.user_id();
  d.deleted_at = d.updated_at = platform::format_time(deps.clock.now());
  documents.mark_deleted(found->scope, id, d.deleted_by, d.deleted_at);
  index_document_text(*tx, found->scope, d.id, d.case_id, d.name, "");
  append_audit(deps, *tx, actor.meta,
               {d.centre_id, actor.principal.user_id(), "document.delete", "document", d.id,
                ChangeSet().set("status", "available", "deleted")});
  tx->commit();
  return d;
}

Result<std::shared_ptr<SpooledFile>> fetch_version_bytes(const Deps& deps, const DocumentVersion& v) {
  // Reading needs the store only (a worker has no sniffer).
  if (deps.blobs == nullptr) return Error::unavailable("Document storage is not configured on this server.");
  // The stored key is checked against the document's own centre before any store sees it.
  auto key = checked_blob_key(v.centre_id, v.blob_key);
  if (!key) return Error::not_found(kNoSuchDocument);
  auto spool = make_spooled_file({});
  File out(std::fopen(spool->path().c_str(), "wb"));
  if (!out) return Error::unavailable("The document could not be copied from the store; try again.");
  platform::Sha256Stream sha;
  std::uint64_t size = 0;
  auto got = deps.blobs->get(
      *key,
      [&](std::string_view chunk) {
        sha.update(chunk);
        size += chunk.size();
        if (std::fwrite(chunk.data(), 1, chunk.size(), out.get()) != chunk.size())
          throw std::runtime_error("spool write failed");
      },
      std::nullopt);
  if (std::fflush(out.get()) != 0) return Error::unavailable("The document could not be copied from the store.");
  out.reset();
  auto mismatch = [&](const char* why) {
    // Ids and sizes only: the name and the bytes may be personal data.
    log::error("document.integrity_failed", log::Fields()
                                                .add("documentId", v.document_id)
                                                .add("centreId", v.centre_id)
                                                .add("version", v.version)
                                                .add("reason", why));
    return Error::conflict(
        "The stored content of this document does not match what was uploaded; it was not sent. "
        "An administrator has been alerted in the logs.");
  };
  if (!got) {
    if (got.error().code == ErrorCode::not_found) return mismatch("missing");
    return got.error();
  }
  if (size != static_cast<std::uint64_t>(v.size_bytes)) return mismatch("size");
  if (!platform::constant_time_equal(sha.hex(), v.sha256)) return mismatch("sha256");
  return spool;
}

Result<DocumentContent> open_document_content(const Deps& deps, const Actor& actor, const std::string& id,
                                              std::optional<int> version) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "document.read", "document", id);
  if (auto ready = need_store(deps); !ready) return ready.error();
  DocumentVersion v;
  std::string name;
  {
    auto tx = deps.db.begin(TxMode::read);
    auto found = find_document(*tx, actor.principal, id);
    if (!found) return found.error();
    auto picked = pick_version(*tx, *found, version);
    if (!picked) return picked.error();
    v = std::move(*picked);
    name = found->d.name;
  }
  auto spool = fetch_version_bytes(deps, v);
  if (!spool) return spool.error();
  return DocumentContent{name, v.content_type, static_cast<std::uint64_t>(v.size_bytes), std::move(*spool)};
}

Result<PresignedUrl> document_download_url(const Deps& deps, const Actor& actor, const std::string& id,
                                           std::optional<int> version) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "document.read", "document", id);
  if (auto ready = need_store(deps); !ready) return ready.error();
  DocumentVersion v;
  {
    auto tx = deps.db.begin(TxMode::read);
    auto found = find_document(*tx, actor.principal, id);
    if (!found) return found.error();
    auto picked = pick_version(*tx, *found, version);
    if (!picked) return picked.error();
    v = std::move(*picked);
  }
  auto key = checked_blob_key(v.centre_id, v.blob_key);
  if (!key) return Error::not_found(kNoSuchDocument);
  return deps.blobs->presign(*key, PresignMethod::get, kDownloadUrlLifetime);
}

}  // namespace cma::app

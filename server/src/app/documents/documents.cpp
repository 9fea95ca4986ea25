#include "app/documents/documents.hpp"

#include <boost/json.hpp>
#include <cstdio>
#include <memory>

#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/cases/case_access.hpp"
#include "app/documents/extraction.hpp"
#include "app/documents/ports.hpp"
#include "app/jobs/jobs.hpp"
#include "app/jobs/ports.hpp"
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

// The spooled upload stored under `key`: linked into place when the store can (local files on the
// same filesystem), else streamed to it. Either way the store must hold the bytes received.
Status put_bytes(const Deps& deps, const BlobKey& key, const UploadedFile& file, const std::string& content_type) {
  auto stored = [&]() -> Result<BlobInfo> {
    BlobInfo linked;
    auto adopted = deps.blobs->adopt(key, file.spool->path(), linked);
    if (!adopted) return adopted.error();
    if (*adopted) return linked;
    File in(std::fopen(file.spool->path().c_str(), "rb"));
    if (!in) return Error{ErrorCode::internal, "The upload could not be read back.", {}, 0};
    PutOptions options;
    options.content_type = content_type;
    return deps.blobs->put(
        key, [&in](char* buffer, std::size_t capacity) { return std::fread(buffer, 1, capacity, in.get()); }, options);
  }();
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

// The unique key of the expiry job of a direct upload of `version`: while it exists no other
// upload takes that version's number, so no two uploads ever write the same key.
std::string version_reservation(const std::string& document_id, int version) {
  return "documents.upload:" + document_id + ":v" + std::to_string(version);
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

Status check_document_upload(const Deps& deps, const Actor& actor, const std::string& case_id) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "document.create", "document");
  if (auto ready = need_store(deps); !ready) return ready.error();
  auto tx = deps.db.begin(TxMode::read);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  return ok_status();
}

Status check_document_version_upload(const Deps& deps, const Actor& actor, const std::string& id) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "document.version_create", "document", id);
  if (auto ready = need_store(deps); !ready) return ready.error();
  auto tx = deps.db.begin(TxMode::read);
  auto found = find_document(*tx, actor.principal, id);
  if (!found) return found.error();
  return ok_status();
}

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
  // The next number no direct upload has reserved (start_direct_version_upload).
  int version = d.current_version + 1;
  auto& jobs = tx->get<JobRepository>();
  while (jobs.unique_key_taken(d.centre_id, version_reservation(d.id, version))) ++version;
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

namespace {

// A version of a document within the caller's reach (`version`, or the current one), with the
// document's name: what a download reads, after its permission and the store are checked.
struct VersionToRead {
  DocumentVersion v;
  std::string document_name;
};

Result<VersionToRead> version_to_read(const Deps& deps, const Actor& actor, const std::string& id,
                                      std::optional<int> version) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "document.read", "document", id);
  if (auto ready = need_store(deps); !ready) return ready.error();
  auto tx = deps.db.begin(TxMode::read);
  auto found = find_document(*tx, actor.principal, id);
  if (!found) return found.error();
  auto picked = pick_version(*tx, *found, version);
  if (!picked) return picked.error();
  return VersionToRead{std::move(*picked), found->d.name};
}

}  // namespace

Result<DocumentContent> open_document_content(const Deps& deps, const Actor& actor, const std::string& id,
                                              std::optional<int> version) {
  auto read = version_to_read(deps, actor, id, version);
  if (!read) return read.error();
  const auto& v = read->v;
  auto spool = fetch_version_bytes(deps, v);
  if (!spool) return spool.error();
  return DocumentContent{read->document_name, v.content_type, static_cast<std::uint64_t>(v.size_bytes),
                         std::move(*spool)};
}

Result<PresignedUrl> document_download_url(const Deps& deps, const Actor& actor, const std::string& id,
                                           std::optional<int> version) {
  auto read = version_to_read(deps, actor, id, version);
  if (!read) return read.error();
  const auto& v = read->v;
  auto key = checked_blob_key(v.centre_id, v.blob_key);
  if (!key) return Error::not_found(kNoSuchDocument);
  // A browser saves it under the version's own file name (with its extension), not the key's "v1".
  const auto& file_name = v.file_name.empty() ? read->document_name : v.file_name;
  PresignOptions options{domain::attachment_disposition(file_name), v.content_type};
  return deps.blobs->presign(*key, PresignMethod::get, kDownloadUrlLifetime, options);
}

namespace {

// A pending direct upload, as its expiry job's payload records it.
struct PendingUpload {
  std::string case_id, document_id, name, document_type, user_id, expires_at;
  std::string file_name = {};  // the file's own name, kept on its version
  std::int64_t size_bytes = 0;
  int version = 1;  // 1: a new document; more: a new version of document_id, reserved at the start
};

std::string pending_payload(const PendingUpload& p) {
  return boost::json::serialize(boost::json::object{{"caseId", p.case_id},
                                                    {"documentId", p.document_id},
                                                    {"name", p.name},
                                                    {"fileName", p.file_name},
                                                    {"documentType", p.document_type},
                                                    {"userId", p.user_id},
                                                    {"expiresAt", p.expires_at},
                                                    {"sizeBytes", p.size_bytes},
                                                    {"version", p.version}});
}

std::optional<PendingUpload> pending_of(const Job& job) {
  if (job.kind != kDirectUploadExpiryJob) return std::nullopt;
  boost::system::error_code ec;
  auto v = boost::json::parse(job.payload, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto& o = v.as_object();
  auto text = [&](const char* k) -> std::string {
    auto* f = o.if_contains(k);
    return f != nullptr && f->is_string() ? std::string(f->as_string()) : std::string();
  };
  PendingUpload p{text("caseId"),       text("documentId"), text("name"),
                  text("documentType"), text("userId"),     text("expiresAt")};
  p.file_name = text("fileName");
  if (p.file_name.empty()) p.file_name = p.name;
  if (auto* s = o.if_contains("sizeBytes"); s != nullptr && s->is_int64()) p.size_bytes = s->as_int64();
  if (auto* n = o.if_contains("version"); n != nullptr && n->is_int64() && n->as_int64() > 1 && n->as_int64() < 1000000)
    p.version = static_cast<int>(n->as_int64());
  if (p.document_id.empty() || p.case_id.empty()) return std::nullopt;
  return p;
}

// The object at `key` copied to a new spooled file, counted and hashed on the way.
struct FetchedObject {
  std::shared_ptr<SpooledFile> spool;
  std::uint64_t size = 0;
  std::string sha256;
};

Result<FetchedObject> fetch_object(const Deps& deps, const BlobKey& key) {
  FetchedObject out;
  out.spool = make_spooled_file({});
  File file(std::fopen(out.spool->path().c_str(), "wb"));
  if (!file) return Error::unavailable("The upload could not be read back; try again.");
  platform::Sha256Stream sha;
  auto got = deps.blobs->get(
      key,
      [&](std::string_view chunk) {
        sha.update(chunk);
        out.size += chunk.size();
        if (std::fwrite(chunk.data(), 1, chunk.size(), file.get()) != chunk.size())
          throw std::runtime_error("spool write failed");
      },
      std::nullopt);
  if (!got) return got.error();
  if (std::fflush(file.get()) != 0) return Error::unavailable("The upload could not be read back; try again.");
  out.sha256 = sha.hex();
  return out;
}

// The open pending upload `upload_id` of the centre for which `belongs` holds, or not_found
// (another centre's, another case's or document's, completed, expired).
template <typename Belongs>
Result<std::pair<Job, PendingUpload>> find_open_pending(Transaction& tx, const std::string& centre_id,
                                                        const std::string& upload_id, bool lock, Belongs belongs) {
  if (!platform::is_uuid(upload_id)) return Error::not_found(kNoSuchUpload);
  auto& jobs = tx.get<JobRepository>();
  auto job = lock ? jobs.find_for_update(upload_id) : jobs.find(upload_id);
  if (!job || job->centre_id != centre_id) return Error::not_found(kNoSuchUpload);
  auto pending = pending_of(*job);
  if (!pending || !belongs(*pending)) return Error::not_found(kNoSuchUpload);
  if (job->state != "queued")  // completed already, or expired and being cleaned up
    return Error::not_found(kNoSuchUpload);
  return std::make_pair(std::move(*job), std::move(*pending));
}

// A pending new document on the case.
Result<std::pair<Job, PendingUpload>> find_pending(Transaction& tx, const CaseInScope& found,
                                                   const std::string& upload_id, bool lock) {
  return find_open_pending(tx, found.c.centre_id, upload_id, lock,
                           [&](const PendingUpload& p) { return p.version == 1 && p.case_id == found.c.id; });
}

// A pending new version of the document.
Result<std::pair<Job, PendingUpload>> find_pending_version(Transaction& tx, const DocumentInScope& found,
                                                           const std::string& upload_id, bool lock) {
  return find_open_pending(tx, found.d.centre_id, upload_id, lock,
                           [&](const PendingUpload& p) { return p.version > 1 && p.document_id == found.d.id; });
}

// The fields of an upload-URL request: the file's name, its size and (for a new document) its
// type; the sanitised name (and in `file_name` the file's own, `name` when not given), or the
// errors naming each field.
Result<std::string> check_direct_request(const DirectUploadRequest& in, std::uint64_t max_bytes, bool needs_type,
                                         std::optional<domain::DocumentType>& type, std::string& file_name) {
  std::vector<FieldError> errors;
  if (needs_type) {
    if (!in.document_type)
      errors.push_back({"documentType", "is required, one of " + domain::document_type_list()});
    else if (!(type = domain::parse_document_type(*in.document_type)))
      errors.push_back({"documentType", "must be one of " + domain::document_type_list()});
  }
  std::string name;
  if (!in.name) {
    errors.push_back({"name", "is required (the file's name)"});
  } else {
    auto checked = domain::check_document_name(*in.name);
    if (!checked.error.empty())
      errors.push_back({"name", checked.error});
    else
      name = checked.name;
  }
  file_name = name;
  if (in.file_name) {
    auto checked = domain::check_document_name(*in.file_name);
    if (!checked.error.empty())
      errors.push_back({"fileName", checked.error});
    else
      file_name = checked.name;
  }
  if (!in.size_given)
    errors.push_back({"sizeBytes", "is required (the file's size in bytes)"});
  else if (!in.size_bytes || *in.size_bytes < 1)
    errors.push_back({"sizeBytes", "must be a whole number of bytes, 1 or more"});
  else if (static_cast<std::uint64_t>(*in.size_bytes) > max_bytes)
    errors.push_back({"sizeBytes", std::string(kFileTooLarge) + " " + std::to_string(max_bytes) + " bytes"});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  return name;
}

Error no_direct_uploads() {
  return Error::precondition(
      "Direct uploads need S3 storage; this server keeps documents in local files. Upload the file in the "
      "request body instead.");
}

// The bytes PUT for a pending upload, read back from the store, their size and type checked.
// `give_up(error)` ends the upload for good (its object removed) and returns the error; a wrong
// size only removes the object, so that the client may PUT again while the URL lasts.
struct ReceivedUpload {
  UploadedFile file;
  std::string content_type;
};

template <typename GiveUp>
Result<ReceivedUpload> receive_direct_upload(const Deps& deps, const PendingUpload& p, const BlobKey& key,
                                             GiveUp give_up) {
  auto expires = platform::parse_time(p.expires_at);
  if (!expires || deps.clock.now() > *expires)
    return give_up(Error::precondition("This upload expired before it was completed; ask for a new upload URL."));
  auto object = fetch_object(deps, key);
  if (!object) {
    if (object.error().code == ErrorCode::not_found)
      return Error::precondition("Nothing has been uploaded to this upload's URL yet: PUT the file there first.");
    return object.error();
  }
  if (object->size != static_cast<std::uint64_t>(p.size_bytes)) {
    (void)deps.blobs->remove(key);
    return Error::invalid_field("file", "has " + std::to_string(object->size) + " bytes, not the " +
                                            std::to_string(p.size_bytes) + " declared in sizeBytes");
  }
  UploadedFile file{object->spool, p.file_name, object->size, object->sha256};
  auto content_type = check_file(deps, file);
  if (!content_type) return give_up(content_type.error());
  return ReceivedUpload{std::move(file), std::move(*content_type)};
}

// The expiry job is finished by the completion (or by a refusal that removed the object).
void close_pending(Transaction& tx, Job job, const std::string& now) {
  job.state = "done";
  job.updated_at = now;
  tx.get<JobRepository>().update(job);
}

}  // namespace

Result<DirectUpload> start_direct_upload(const Deps& deps, const Actor& actor, const std::string& case_id,
                                         const DirectUploadRequest& in, std::uint64_t max_bytes) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "document.upload_start", "document");
  if (auto ready = need_store(deps); !ready) return ready.error();
  std::string centre_id;
  {
    auto tx = deps.db.begin(TxMode::read);
    auto found = find_case(*tx, actor.principal, case_id);
    if (!found) return found.error();
    centre_id = found->c.centre_id;
  }
  std::optional<domain::DocumentType> type;
  std::string file_name;
  auto name = check_direct_request(in, max_bytes, true, type, file_name);
  if (!name) return name.error();

  PendingUpload p;
  p.case_id = case_id;
  p.document_id = deps.ids.next();
  p.name = std::move(*name);
  p.file_name = std::move(file_name);
  p.document_type = std::string(domain::to_string(*type));
  p.user_id = actor.principal.user_id();
  p.size_bytes = *in.size_bytes;
  auto key = document_blob_key(centre_id, p.document_id, 1);
  if (!key) return key.error();
  auto url = deps.blobs->presign(*key, PresignMethod::put, kUploadUrlLifetime, {});
  if (!url) return url.error().code == ErrorCode::failed_precondition ? no_direct_uploads() : url.error();
  auto now = deps.clock.now();
  p.expires_at = platform::format_time(now + kUploadUrlLifetime + kUploadCompletionGrace);
  JobDraft draft;
  draft.centre_id = centre_id;
  draft.kind = kDirectUploadExpiryJob;
  draft.payload = pending_payload(p);
  draft.run_at = p.expires_at;
  auto tx = deps.db.begin(TxMode::write);
  auto job = enqueue_job(deps, *tx, draft);
  if (!job) return Error::unavailable("The upload could not be prepared; try again.");
  append_audit(deps, *tx, actor.meta,
               {centre_id, actor.principal.user_id(), "document.upload_start", "document", p.document_id,
                ChangeSet::for_creation()
                    .created("caseId", case_id)
                    .created("uploadId", job->id)
                    .created("documentType", p.document_type)
                    .created("sizeBytes", std::to_string(p.size_bytes))
                    .redacted("name")});
  tx->commit();
  return DirectUpload{job->id, p.document_id, std::move(*url), p.expires_at, 1};
}

Result<Document> complete_direct_upload(const Deps& deps, const Actor& actor, const std::string& case_id,
                                        const std::string& upload_id) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "document.create", "document");
  if (auto ready = need_store(deps); !ready) return ready.error();
  std::string centre_id;
  PendingUpload p;
  {
    auto tx = deps.db.begin(TxMode::read);
    auto found = find_case(*tx, actor.principal, case_id);
    if (!found) return found.error();
    auto pending = find_pending(*tx, *found, upload_id, false);
    if (!pending) return pending.error();
    centre_id = found->c.centre_id;
    p = std::move(pending->second);
  }
  auto key = document_blob_key(centre_id, p.document_id, 1);
  if (!key) return Error::not_found(kNoSuchUpload);
  // Refused for good: the object goes, and so does the pending upload.
  auto give_up = [&](Error why) -> Error {
    (void)deps.blobs->remove(*key);
    auto tx = deps.db.begin(TxMode::write);
    auto found = find_case(*tx, actor.principal, case_id);
    if (found) {
      if (auto pending = find_pending(*tx, *found, upload_id, true))
        close_pending(*tx, std::move(pending->first), platform::format_time(deps.clock.now()));
    }
    tx->commit();
    return why;
  };
  auto received = receive_direct_upload(deps, p, *key, give_up);
  if (!received) return received.error();

  Document d;
  d.id = p.document_id;
  d.centre_id = centre_id;
  d.case_id = case_id;
  d.document_type = p.document_type;
  d.name = p.name;
  d.uploaded_by = actor.principal.user_id();
  d.current_version = 1;
  auto tx = deps.db.begin(TxMode::write);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  // Under the pending upload's row lock: two completions at once record the document once.
  auto pending = find_pending(*tx, *found, upload_id, true);
  if (!pending) return pending.error();
  d.created_at = d.updated_at = platform::format_time(deps.clock.now());
  d.current = new_version(deps, actor, d, 1, received->file, received->content_type, *key);
  auto& documents = tx->get<DocumentRepository>();
  documents.insert(d);
  documents.insert_version(d.current);
  if (d.current.extraction_status == "pending") enqueue_job(deps, *tx, extraction_job(d.current));
  close_pending(*tx, std::move(pending->first), d.created_at);
  append_audit(deps, *tx, actor.meta,
               {d.centre_id, actor.principal.user_id(), "document.create", "document", d.id,
                ChangeSet::for_creation()
                    .created("caseId", d.case_id)
                    .created("documentType", d.document_type)
                    .created("version", "1")
                    .created("contentType", d.current.content_type)
                    .created("sizeBytes", std::to_string(d.current.size_bytes))
                    .created("sha256", d.current.sha256)
                    .created("uploadId", upload_id)
                    .redacted("name")});
  tx->commit();
  d.versions = {d.current};
  return d;
}

Result<DirectUpload> start_direct_version_upload(const Deps& deps, const Actor& actor, const std::string& id,
                                                 const DirectUploadRequest& in, std::uint64_t max_bytes) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "document.version_upload_start", "document", id);
  if (auto ready = need_store(deps); !ready) return ready.error();
  {
    auto tx = deps.db.begin(TxMode::read);
    auto found = find_document(*tx, actor.principal, id);
    if (!found) return found.error();
  }
  std::optional<domain::DocumentType> unused;
  std::string file_name;
  auto name = check_direct_request(in, max_bytes, false, unused, file_name);
  if (!name) return name.error();

  auto tx = deps.db.begin(TxMode::write);
  auto found = find_document(*tx, actor.principal, id);
  if (!found) return found.error();
  // The number is reserved under the document's row lock, as an upload through the API takes one.
  auto locked = tx->get<DocumentRepository>().find_for_update(found->scope, id);
  if (!locked) return Error::not_found(kNoSuchDocument);
  PendingUpload p;
  p.case_id = locked->case_id;
  p.document_id = locked->id;
  p.name = std::move(*name);
  p.file_name = std::move(file_name);
  p.document_type = locked->document_type;
  p.user_id = actor.principal.user_id();
  p.size_bytes = *in.size_bytes;
  p.expires_at = platform::format_time(deps.clock.now() + kUploadUrlLifetime + kUploadCompletionGrace);
  std::optional<Job> job;
  for (int n = locked->current_version + 1; !job && n <= locked->current_version + 1000; ++n) {
    p.version = n;
    JobDraft draft;
    draft.centre_id = locked->centre_id;
    draft.kind = kDirectUploadExpiryJob;
    draft.payload = pending_payload(p);
    draft.run_at = p.expires_at;
    draft.unique_key = version_reservation(p.document_id, n);
    job = enqueue_job(deps, *tx, draft);
  }
  if (!job) return Error::unavailable("The upload could not be prepared; try again.");
  auto key = document_blob_key(locked->centre_id, p.document_id, p.version);
  if (!key) return key.error();
  auto url = deps.blobs->presign(*key, PresignMethod::put, kUploadUrlLifetime, {});
  if (!url) return url.error().code == ErrorCode::failed_precondition ? no_direct_uploads() : url.error();
  append_audit(deps, *tx, actor.meta,
               {locked->centre_id, actor.principal.user_id(), "document.version_upload_start", "document", id,
                ChangeSet::for_creation()
                    .created("uploadId", job->id)
                    .created("version", std::to_string(p.version))
                    .created("sizeBytes", std::to_string(p.size_bytes))
                    .redacted("name")});
  tx->commit();
  return DirectUpload{job->id, p.document_id, std::move(*url), p.expires_at, p.version};
}

Result<Document> complete_direct_version_upload(const Deps& deps, const Actor& actor, const std::string& id,
                                                const std::string& upload_id) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "document.version_create", "document", id);
  if (auto ready = need_store(deps); !ready) return ready.error();
  PendingUpload p;
  std::string centre_id;
  {
    auto tx = deps.db.begin(TxMode::read);
    auto found = find_document(*tx, actor.principal, id);
    if (!found) return found.error();
    auto pending = find_pending_version(*tx, *found, upload_id, false);
    if (!pending) return pending.error();
    centre_id = found->d.centre_id;
    p = std::move(pending->second);
  }
  auto key = document_blob_key(centre_id, p.document_id, p.version);
  if (!key) return Error::not_found(kNoSuchUpload);
  auto give_up = [&](Error why) -> Error {
    (void)deps.blobs->remove(*key);
    auto tx = deps.db.begin(TxMode::write);
    auto found = find_document(*tx, actor.principal, id);
    if (found) {
      if (auto pending = find_pending_version(*tx, *found, upload_id, true))
        close_pending(*tx, std::move(pending->first), platform::format_time(deps.clock.now()));
    }
    tx->commit();
    return why;
  };
  auto received = receive_direct_upload(deps, p, *key, give_up);
  if (!received) return received.error();

  auto tx = deps.db.begin(TxMode::write);
  auto found = find_document(*tx, actor.principal, id);
  if (!found) return found.error();
  auto& documents = tx->get<DocumentRepository>();
  auto locked = documents.find_for_update(found->scope, id);
  if (!locked) return Error::not_found(kNoSuchDocument);
  // Under the pending upload's row lock: two completions at once record the version once.
  auto pending = find_pending_version(*tx, *found, upload_id, true);
  if (!pending) return pending.error();
  Document d = std::move(*locked);
  auto v = new_version(deps, actor, d, p.version, received->file, received->content_type, *key);
  documents.insert_version(v);
  auto before = d.current_version;
  // Versions are numbered when their upload starts: one that started after this one and finished
  // first stays the current version, and this one is kept as an earlier version.
  if (v.version > d.current_version) {
    d.current = v;
    d.current_version = v.version;
    d.updated_at = v.created_at;
    documents.set_current_version(found->scope, d.id, v.version, d.updated_at);
    index_document_text(*tx, found->scope, d.id, d.case_id, d.name, "");
  }
  if (v.extraction_status == "pending") enqueue_job(deps, *tx, extraction_job(v));
  close_pending(*tx, std::move(pending->first), v.created_at);
  append_audit(deps, *tx, actor.meta,
               {d.centre_id, actor.principal.user_id(), "document.version_create", "document", d.id,
                ChangeSet()
                    .set("version", std::to_string(before), std::to_string(d.current_version))
                    .set("addedVersion", "", std::to_string(v.version))
                    .set("sha256", "", v.sha256)
                    .set("sizeBytes", "", std::to_string(v.size_bytes))
                    .set("uploadId", "", upload_id)});
  d.versions = documents.versions(found->scope, d.id);
  tx->commit();
  return d;
}

Status expire_direct_upload(const Deps& deps, const Job& job) {
  auto p = pending_of(job);
  if (!p) return ok_status();  // nothing this job could refer to
  if (deps.blobs == nullptr) return Error::unavailable("this process has no object store (STORAGE_URL)");
  auto key = document_blob_key(job.centre_id, p->document_id, p->version);
  if (!key) return ok_status();
  auto removed = deps.blobs->remove(*key);
  if (!removed) return removed.error();
  return ok_status();
}

}  // namespace cma::app

#include "store/documents/repositories.hpp"

#include <charconv>

#include "app/documents/ports.hpp"
#include "store/documents/queries.hpp"

namespace cma::store::documents {

namespace {

using db::write_guarded;

// CMA_VERSION_READ_COLUMNS starting at column `at`.
app::DocumentVersion read_version(const db::Query& q, int at) {
  app::DocumentVersion v;
  q.read(at + 0, v.document_id);
  q.read(at + 1, v.centre_id);
  v.version = static_cast<int>(q.integer(at + 2));
  q.read(at + 3, v.file_name);
  q.read(at + 4, v.content_type);
  v.size_bytes = q.integer(at + 5);
  q.read(at + 6, v.sha256);
  q.read(at + 7, v.blob_key);
  q.read(at + 8, v.uploaded_by);
  q.read(at + 9, v.created_at);
  q.read(at + 10, v.extraction_status);
  q.read(at + 11, v.extraction_error);
  auto confidence = q.view(at + 12);
  if (!confidence.empty()) {
    double c = 0;
    auto [end, ec] = std::from_chars(confidence.data(), confidence.data() + confidence.size(), c);
    if (ec == std::errc()) v.extraction_confidence = c;
  }
  return v;
}

// A row of CMA_DOCUMENT_COLUMNS.
app::Document read_document(const db::Query& q) {
  app::Document d;
  q.read(0, d.id);
  q.read(1, d.centre_id);
  q.read(2, d.case_id);
  q.read(3, d.document_type);
  q.read(4, d.name);
  q.read(5, d.uploaded_by);
  q.read(6, d.status);
  d.current_version = static_cast<int>(q.integer(7));
  q.read(8, d.created_at);
  q.read(9, d.updated_at);
  q.read(10, d.deleted_at);
  q.read(11, d.deleted_by);
  d.current = read_version(q, 12);
  return d;
}

class Documents final : public app::DocumentRepository {
 public:
  explicit Documents(db::Connection& c) : dialect_(c.dialect), statements_(c.statements) {}

  std::optional<app::Document> find(const app::Scope& scope, const std::string& id) override {
    const auto* centre = app::centre_of(scope);
    db::Query q(statements_, sql::kFindDocument);
    q.bind("id", id).bind("centre", centre != nullptr ? *centre : std::string());
    if (!q.next()) return std::nullopt;
    return read_document(q);
  }

  std::optional<app::Document> find_for_update(const app::CentreScope& scope, const std::string& id) override {
    db::Query q(statements_, dialect_ == db::Dialect::postgresql ? sql::kFindDocumentForUpdatePostgresql
                                                                 : sql::kFindDocumentInCentre);
    q.bind("id", id).bind("centre", scope.centre_id());
    if (!q.next()) return std::nullopt;
    return read_document(q);
  }

  void insert(const app::Document& d) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kInsertDocument);
      q.bind("id", d.id)
          .bind("centre", d.centre_id)
          .bind("case_id", d.case_id)
          .bind("type", d.document_type)
          .bind("name", d.name)
          .bind("uploaded_by", d.uploaded_by)
          .bind("status", d.status)
          .bind("version", d.current_version)
          .bind("created", d.created_at)
          .bind("updated", d.updated_at)
          .run();
    });
  }

  void insert_version(const app::DocumentVersion& v) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kInsertVersion);
      q.bind("document_id", v.document_id)
          .bind("centre", v.centre_id)
          .bind("version", v.version)
          .bind("file_name", v.file_name)
          .bind("content_type", v.content_type)
          .bind("size", static_cast<long long>(v.size_bytes))
          .bind("sha256", v.sha256)
          .bind("blob_key", v.blob_key)
          .bind("uploaded_by", v.uploaded_by)
          .bind("created", v.created_at)
          .bind("extraction_status", v.extraction_status)
          .run();
    });
  }

  void set_current_version(const app::CentreScope& scope, const std::string& id, int version,
                           const std::string& updated_at) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kSetCurrentVersion);
      q.bind("version", version).bind("updated", updated_at).bind("id", id).bind("centre", scope.centre_id()).run();
    });
  }

  void mark_deleted(const app::CentreScope& scope, const std::string& id, const std::string& by,
                    const std::string& at) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kMarkDeleted);
      q.bind("at", at).bind("by", by).bind("id", id).bind("centre", scope.centre_id()).run();
    });
  }

  std::vector<app::DocumentVersion> versions(const app::CentreScope& scope, const std::string& id) override {
    db::Query q(statements_, sql::kListVersions);
    q.bind("centre", scope.centre_id()).bind("id", id);
    std::vector<app::DocumentVersion> out;
    while (q.next()) out.push_back(read_version(q, 0));
    return out;
  }

  std::vector<app::Document> list(const app::CentreScope& scope, const std::string& case_id,
                                  const app::KeysetRequest& page) override {
    std::string after_created = "~", after_id;
    if (page.has_cursor) {
      after_created = page.after_key;
      after_id = page.after_id;
    }
    db::Query q(statements_, sql::kListDocuments);
    q.bind("centre", scope.centre_id())
        .bind("case_id", case_id)
        .bind("after_created", after_created)
        .bind("after_id", after_id)
        .bind("limit", page.limit);
    std::vector<app::Document> out;
    while (q.next()) out.push_back(read_document(q));
    return out;
  }

  std::optional<app::DocumentVersion> find_version(const app::CentreScope& scope, const std::string& id,
                                                   int version) override {
    db::Query q(statements_, sql::kFindVersion);
    q.bind("centre", scope.centre_id()).bind("id", id).bind("version", version);
    if (!q.next()) return std::nullopt;
    return read_version(q, 0);
  }

  std::string extracted_text(const app::CentreScope& scope, const std::string& id, int version) override {
    db::Query q(statements_, sql::kExtractedText);
    q.bind("centre", scope.centre_id()).bind("id", id).bind("version", version);
    return q.next() ? q.text(0) : std::string();
  }

  bool store_extraction(const app::CentreScope& scope, const std::string& id, int version,
                        const app::ExtractionOutcome& outcome) override {
    long long changed = 0;
    write_guarded([&] {
      db::Query q(statements_, sql::kStoreExtraction);
      std::string confidence;
      if (outcome.confidence) {
        char buffer[32];
        auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, *outcome.confidence);
        if (ec == std::errc()) confidence.assign(buffer, end);
      }
      q.bind("status", outcome.status)
          .bind("text", outcome.text)
          .bind("confidence", confidence)
          .bind("error", outcome.error)
          .bind("at", outcome.at)
          .bind("centre", scope.centre_id())
          .bind("id", id)
          .bind("version", version);
      changed = q.run();
    });
    return changed > 0;
  }

 private:
  db::Dialect dialect_;
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::DocumentRepository, Documents>();
}

}  // namespace cma::store::documents

#include "store/retention/repositories.hpp"

#include "app/retention/ports.hpp"
#include "app/retention/retention.hpp"
#include "domain/clients/client_rules.hpp"
#include "store/retention/queries.hpp"

namespace cma::store::retention {

namespace {

using db::write_guarded;

class Retention final : public app::RetentionRepository {
 public:
  explicit Retention(db::Connection& c) : statements_(c.statements) {}

  std::vector<app::RetentionCase> finished_cases_before(const app::CentreScope& scope, const std::string& before,
                                                        const std::string& after_id, int limit) override {
    db::Query q(statements_, sql::kRetentionFinishedCases);
    q.bind("centre", scope.centre_id()).bind("before", before).bind("after", after_id).bind("limit", limit);
    std::vector<app::RetentionCase> out;
    while (q.next()) out.push_back({q.text(0), q.text(1), q.text(2), q.text(3), q.text(4)});
    return out;
  }

  std::vector<app::RetentionCase> client_cases(const app::CentreScope& scope, const std::string& client_id) override {
    db::Query q(statements_, sql::kRetentionClientCases);
    q.bind("centre", scope.centre_id()).bind("client", client_id);
    std::vector<app::RetentionCase> out;
    while (q.next()) out.push_back({q.text(0), q.text(1), q.text(2), q.text(3), ""});
    return out;
  }

  std::vector<app::RetentionDocument> kept_documents(const app::CentreScope& scope,
                                                     const std::string& case_id) override {
    db::Query q(statements_, sql::kRetentionKeptDocuments);
    q.bind("centre", scope.centre_id()).bind("case", case_id);
    std::vector<app::RetentionDocument> out;
    while (q.next()) {
      auto id = q.text(0);
      if (out.empty() || out.back().id != id) out.push_back({id, q.text(1), {}});
      out.back().blob_keys.push_back(q.text(2));
    }
    return out;
  }

  std::vector<std::string> note_ids(const app::CentreScope& scope, const std::string& case_id) override {
    db::Query q(statements_, sql::kRetentionNoteIds);
    q.bind("centre", scope.centre_id()).bind("case", case_id);
    std::vector<std::string> out;
    while (q.next()) out.push_back(q.text(0));
    return out;
  }

  bool anonymise_client(const app::CentreScope& scope, const std::string& client_id, const std::string& at) override {
    std::string reference;
    {
      db::Query q(statements_, sql::kRetentionClientReference);
      q.bind("centre", scope.centre_id()).bind("id", client_id);
      if (!q.next()) return false;
      reference = q.text(0);
    }
    long long changed = 0;
    write_guarded([&] {
      db::Query q(statements_, sql::kRetentionAnonymiseClient);
      changed = q.bind("first", app::kAnonymisedFirstName)
                    .bind("last", app::kAnonymisedLastName)
                    .bind("sort", domain::client_sort_name(app::kAnonymisedFirstName, app::kAnonymisedLastName))
                    .bind("search", domain::client_search_text(app::kAnonymisedFirstName, app::kAnonymisedLastName,
                                                               reference, ""))
                    .bind("at", at)
                    .bind("centre", scope.centre_id())
                    .bind("id", client_id)
                    .run();
    });
    return changed > 0;
  }

  bool mark_document_purged(const app::CentreScope& scope, const std::string& document_id,
                            const std::string& at) override {
    long long changed = 0;
    write_guarded([&] {
      db::Query q(statements_, sql::kRetentionPurgeDocument);
      changed = q.bind("at", at).bind("centre", scope.centre_id()).bind("id", document_id).run();
      if (changed == 0) return;
      db::Query v(statements_, sql::kRetentionPurgeVersions);
      v.bind("at", at).bind("centre", scope.centre_id()).bind("id", document_id).run();
    });
    return changed > 0;
  }

 private:
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::RetentionRepository, Retention>();
}

}  // namespace cma::store::retention

#include "app/retention/retention.hpp"

#include <chrono>
#include <set>

#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/blobs/blob_store.hpp"
#include "app/identity/ports.hpp"
#include "app/retention/ports.hpp"
#include "app/search/ports.hpp"
#include "domain/cases/case_status.hpp"
#include "domain/diary/london_time.hpp"
#include "domain/retention/retention_rules.hpp"
#include "platform/log.hpp"

namespace cma::app {

namespace {

constexpr int kRetentionScanBatch = 500;

domain::CivilDate retention_today(const Deps& deps) {
  return domain::london_date(
      std::chrono::duration_cast<std::chrono::seconds>(deps.clock.now().time_since_epoch()).count());
}

// Every case that can be past retention today closed before this instant (a day to spare; the
// domain rule decides each one exactly).
std::string retention_candidates_before(domain::CivilDate today) {
  domain::CivilDate back{today.year - domain::kRetentionYears, today.month, today.day};
  if (back.month == 2 && back.day == 29) back.day = 28;
  return domain::format_utc(domain::london_midnight(domain::add_days(back, 2)));
}

domain::RetainedCase retained(const RetentionCase& c) {
  domain::RetainedCase r;
  auto status = domain::parse_case_status(c.status);
  r.finished = status && domain::is_final(*status);
  if (!c.closed_at.empty()) r.closed_at = domain::parse_utc(c.closed_at);
  return r;
}

bool retention_client_due(RetentionRepository& repo, const CentreScope& scope, const std::string& client_id,
                          domain::CivilDate today) {
  std::vector<domain::RetainedCase> cases;
  for (const auto& c : repo.client_cases(scope, client_id)) cases.push_back(retained(c));
  return domain::client_past_retention(cases, today);
}

RetentionCentreReport retention_centre_report(RetentionRepository& repo, const CentreScope& scope,
                                              domain::CivilDate today) {
  RetentionCentreReport report;
  report.centre_id = scope.centre_id();
  auto before = retention_candidates_before(today);
  std::set<std::string> clients_seen;
  std::string after;
  while (true) {
    auto batch = repo.finished_cases_before(scope, before, after, kRetentionScanBatch);
    for (const auto& c : batch) {
      if (!domain::case_past_retention(retained(c), today)) continue;
      if (report.case_ids.size() >= static_cast<std::size_t>(kRetentionReportLimit)) {
        report.truncated = true;
        return report;
      }
      report.case_ids.push_back(c.id);
      for (const auto& d : repo.kept_documents(scope, c.id)) {
        report.document_ids.push_back(d.id);
        report.blobs += static_cast<long long>(d.blob_keys.size());
      }
      if (c.client_anonymised_at.empty() && clients_seen.insert(c.client_id).second &&
          retention_client_due(repo, scope, c.client_id, today))
        report.client_ids.push_back(c.client_id);
    }
    if (batch.size() < static_cast<std::size_t>(kRetentionScanBatch)) break;
    after = batch.back().id;
  }
  return report;
}

std::vector<CentreScope> retention_all_centres(Transaction& tx, const Scope& scope) {
  std::vector<CentreScope> out;
  std::string after;
  while (true) {
    auto centres = tx.get<CentreRepository>().list(scope, after, 100);
    for (const auto& c : centres)
      if (auto s = Tenancy::centre_within(scope, c.id)) out.push_back(*s);
    if (centres.size() < 100) break;
    after = centres.back().id;
  }
  return out;
}

}  // namespace

Result<RetentionReport> retention_report(const Deps& deps, const Actor& actor, const std::string& centre_id) {
  if (auto refused = authorize(actor.principal, domain::Permission::audit_read))
    return refuse(deps, actor, *refused, "retention.report", "retention");
  auto reach = Tenancy::of(actor.principal);
  auto tx = deps.db.begin(TxMode::snapshot, ReadFrom::replica);
  std::vector<CentreScope> centres;
  if (!centre_id.empty()) {
    auto one = Tenancy::centre_within(reach, centre_id);
    if (!one || !tx->get<CentreRepository>().find(Scope(*one), centre_id)) return Error::not_found("No such centre.");
    centres.push_back(*one);
  } else if (const auto* own = centre_of(reach)) {
    centres.push_back(*Tenancy::centre_within(reach, *own));
  } else {
    centres = retention_all_centres(*tx, reach);
  }
  RetentionReport report;
  auto today = retention_today(deps);
  report.today = domain::format_date(today);
  auto& repo = tx->get<RetentionRepository>();
  for (const auto& scope : centres) report.centres.push_back(retention_centre_report(repo, scope, today));
  return report;
}

RetentionRunResult apply_retention(const Deps& deps, const std::string& run_id, int batch,
                                   const std::function<bool()>& should_stop) {
  RetentionRunResult result;
  RequestMeta meta{"job-" + run_id, "local", "cma worker"};
  auto today = retention_today(deps);
  auto before = retention_candidates_before(today);
  auto system = Tenancy::of(Principal::operator_command());
  std::vector<CentreScope> centres;
  {
    auto tx = deps.db.begin(TxMode::read);
    centres = retention_all_centres(*tx, system);
  }
  for (const auto& scope : centres) {
    std::string after;
    while (true) {
      if (should_stop()) {
        result.interrupted = true;
        return result;
      }
      std::vector<RetentionCase> cases;
      {
        auto tx = deps.db.begin(TxMode::read);
        cases = tx->get<RetentionRepository>().finished_cases_before(scope, before, after, batch);
      }
      for (const auto& c : cases) {
        if (!domain::case_past_retention(retained(c), today)) continue;
        // Documents: the bytes first (a missing object is fine), then the rows, so a run cut
        // short between the two deletes nothing twice and marks the rest next time.
        std::vector<RetentionDocument> documents;
        {
          auto tx = deps.db.begin(TxMode::read);
          documents = tx->get<RetentionRepository>().kept_documents(scope, c.id);
        }
        for (const auto& d : documents) {
          if (!deps.blobs) break;  // no object store configured: the bytes cannot be reached
          bool removed_all = true;
          for (const auto& k : d.blob_keys) {
            auto key = checked_blob_key(scope.centre_id(), k);
            if (!key) continue;  // not a key of this centre's: never deleted from here
            auto gone = deps.blobs->remove(*key);
            if (!gone) {
              removed_all = false;
              platform::log::warn("retention.blob_delete_failed", platform::log::Fields()
                                                                      .add("centre", scope.centre_id())
                                                                      .add("document", d.id)
                                                                      .add("error", gone.error().detail));
            } else if (gone.value()) {
              ++result.blobs_deleted;
            }
          }
          if (!removed_all) continue;  // tried again on the next run
          auto tx = deps.db.begin(TxMode::write);
          if (!tx->get<RetentionRepository>().mark_document_purged(scope, d.id,
                                                                   platform::format_time(deps.clock.now())))
            continue;
          tx->get<SearchIndex>().put(scope, "document", d.id, {});
          ChangeSet changes;
          changes.set("content", "kept", "purged").set("versions", std::to_string(d.blob_keys.size()), "0");
          append_audit(deps, *tx, meta, {scope.centre_id(), "", "document.purge", "document", d.id, changes});
          tx->commit();
          ++result.documents_purged;
        }
        if (!c.client_anonymised_at.empty()) continue;
        auto tx = deps.db.begin(TxMode::write);
        auto& repo = tx->get<RetentionRepository>();
        if (!retention_client_due(repo, scope, c.client_id, today)) continue;
        if (!repo.anonymise_client(scope, c.client_id, platform::format_time(deps.clock.now()))) continue;
        auto& index = tx->get<SearchIndex>();
        index.put(scope, "client", c.client_id, {});
        for (const auto& k : repo.client_cases(scope, c.client_id)) {
          index.put(scope, "case", k.id, {});
          for (const auto& note : repo.note_ids(scope, k.id)) index.put(scope, "note", note, {});
        }
        // The entry says that it happened, never what the personal data was.
        ChangeSet changes;
        changes.set("personalData", "kept", "anonymised");
        append_audit(deps, *tx, meta, {scope.centre_id(), "", "client.anonymise", "client", c.client_id, changes});
        tx->commit();
        ++result.clients_anonymised;
      }
      if (cases.size() < static_cast<std::size_t>(batch)) break;
      after = cases.back().id;
    }
  }
  return result;
}

}  // namespace cma::app

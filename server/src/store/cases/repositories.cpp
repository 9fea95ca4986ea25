#include "store/cases/repositories.hpp"

#include "app/cases/ports.hpp"
#include "store/cases/queries.hpp"

namespace cma::store::cases {

namespace {

using db::write_guarded;

// A row of CMA_CASE_COLUMNS, in that order, read from a db::Query.
app::Case read_case(const db::Query& q) {
  app::Case c;
  q.read(0, c.id);
  q.read(1, c.centre_id);
  q.read(2, c.client_id);
  q.read(3, c.reference);
  q.read(4, c.status);
  q.read(5, c.priority);
  q.read(6, c.adviser_id);
  q.read(7, c.summary);
  q.read(8, c.outcome);
  q.read(9, c.closure_reason);
  q.read(10, c.next_review_date);
  c.assets = q.integer(11);
  c.vehicle_value = q.integer(12);
  c.vehicle_adapted = q.flag(13);
  c.homeowner = q.flag(14);
  c.connected_to_england_or_wales = q.flag(15);
  c.dro_in_last_six_years = q.flag(16);
  c.bankrupt_in_last_five_years = q.flag(17);
  c.breathing_space_in_last_year = q.flag(18);
  c.mental_health_crisis = q.flag(19);
  q.read(20, c.opened_at);
  q.read(21, c.closed_at);
  q.read(22, c.created_at);
  q.read(23, c.updated_at);
  q.read(24, c.client_first_name);
  q.read(25, c.client_last_name);
  q.read(26, c.compliance_override);
  return c;
}

// The columns an insert and an update both write (flags as the 0/1 integers both databases store).
void bind_fields(db::Query& q, const app::Case& c) {
  q.bind("status", c.status)
      .bind("priority", c.priority)
      .bind("adviser", c.adviser_id)
      .bind("summary", c.summary)
      .bind("outcome", c.outcome)
      .bind("closure", c.closure_reason)
      .bind("review", c.next_review_date)
      .bind("assets", c.assets)
      .bind("vehicle", c.vehicle_value)
      .bind("adapted", c.vehicle_adapted)
      .bind("homeowner", c.homeowner)
      .bind("connected", c.connected_to_england_or_wales)
      .bind("dro", c.dro_in_last_six_years)
      .bind("bankrupt", c.bankrupt_in_last_five_years)
      .bind("breathing", c.breathing_space_in_last_year)
      .bind("crisis", c.mental_health_crisis)
      .bind("closed", c.closed_at)
      .bind("updated", c.updated_at)
      .bind("override", c.compliance_override);
}

class Cases final : public app::CaseRepository {
 public:
  explicit Cases(db::Connection& c) : dialect_(c.dialect), statements_(c.statements) {}

  std::optional<app::Case> find(const app::Scope& scope, const std::string& id) override {
    const auto* centre = app::centre_of(scope);
    db::Query q(statements_, centre ? sql::kFindCaseInCentre : sql::kFindCase);
    q.bind("id", id);
    if (centre) q.bind("centre", *centre);
    if (!q.next()) return std::nullopt;
    return read_case(q);
  }

  std::optional<app::Case> find_for_update(const app::CentreScope& scope, const std::string& id) override {
    db::Query q(statements_,
                dialect_ == db::Dialect::postgresql ? sql::kFindCaseForUpdatePostgresql : sql::kFindCaseInCentre);
    q.bind("id", id).bind("centre", scope.centre_id());
    if (!q.next()) return std::nullopt;
    return read_case(q);
  }

  void insert(const app::Case& c) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kInsertCase);
      q.bind("id", c.id).bind("centre", c.centre_id).bind("client", c.client_id).bind("reference", c.reference);
      bind_fields(q, c);
      q.bind("opened", c.opened_at).bind("created", c.created_at).run();
    });
  }

  void update(const app::Case& c) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kUpdateCase);
      bind_fields(q, c);
      q.bind("id", c.id).bind("centre", c.centre_id).run();
    });
  }

  std::vector<app::Case> list(const app::Scope& scope, const app::CaseQuery& q,
                              const app::KeysetRequest& page) override {
    const auto* centre = app::centre_of(scope);
    std::string query = centre ? sql::kListCasesInCentre : sql::kListCases;
    if (!q.status.empty()) query += sql::kAndStatus;
    if (!q.adviser_id.empty()) query += sql::kAndAdviser;
    if (!q.priority.empty()) query += sql::kAndPriority;
    if (!q.opened_from.empty()) query += sql::kAndOpenedFrom;
    if (!q.opened_to.empty()) query += sql::kAndOpenedTo;
    if (!q.text.empty()) query += sql::kAndText;
    switch (q.sort) {
      case app::CaseSort::opened_desc:
        if (page.has_cursor) query += sql::kAfterOpenedDesc;
        query += sql::kOrderOpenedDesc;
        break;
      case app::CaseSort::opened_asc:
        if (page.has_cursor) query += sql::kAfterOpenedAsc;
        query += sql::kOrderOpenedAsc;
        break;
      case app::CaseSort::reference:
        if (page.has_cursor) query += sql::kAfterReference;
        query += sql::kOrderReference;
        break;
    }
    db::Query st(statements_, query);
    if (centre) st.bind("centre", *centre);
    if (!q.status.empty()) st.bind("status", q.status);
    if (!q.adviser_id.empty()) st.bind("adviser", q.adviser_id);
    if (!q.priority.empty()) st.bind("priority", q.priority);
    if (!q.opened_from.empty()) st.bind("opened_from", q.opened_from);
    if (!q.opened_to.empty()) st.bind("opened_to", q.opened_to);
    if (!q.text.empty()) {
      auto pattern = db::like_contains(q.text);
      st.bind("reference_pattern", pattern).bind("text_pattern", pattern);
    }
    if (page.has_cursor) st.bind("after_key", page.after_key).bind("after_id", page.after_id);
    st.bind("limit", page.limit + 1);
    std::vector<app::Case> out;
    out.reserve(static_cast<std::size_t>(page.limit) + 1);
    while (st.next()) out.push_back(read_case(st));
    return out;
  }

 private:
  db::Dialect dialect_;
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::CaseRepository, Cases>();
}

}  // namespace cma::store::cases

#include "store/cases/repositories.hpp"

#include "app/cases/ports.hpp"
#include "store/cases/queries.hpp"

namespace cma::store::cases {

namespace {

using db::each_row;
using db::into;
using db::param;
using db::write_guarded;

struct CaseRow {
  app::Case c;
  long long assets = 0, vehicle = 0;
  int adapted = 0, homeowner = 0, connected = 0, dro = 0, bankrupt = 0, breathing = 0, crisis = 0;
  app::Case take() {
    c.assets = assets;
    c.vehicle_value = vehicle;
    c.vehicle_adapted = adapted != 0;
    c.homeowner = homeowner != 0;
    c.connected_to_england_or_wales = connected != 0;
    c.dro_in_last_six_years = dro != 0;
    c.bankrupt_in_last_five_years = bankrupt != 0;
    c.breathing_space_in_last_year = breathing != 0;
    c.mental_health_crisis = crisis != 0;
    return std::move(c);  // every column is fetched again for the next row
  }
};
#define CMA_INTO_CASE(r)                                                                                           \
  into((r).c.id), into((r).c.centre_id), into((r).c.client_id), into((r).c.reference), into((r).c.status),         \
      into((r).c.priority), into((r).c.adviser_id), into((r).c.summary), into((r).c.outcome),                      \
      into((r).c.closure_reason), into((r).c.next_review_date), into((r).assets), into((r).vehicle),               \
      into((r).adapted), into((r).homeowner), into((r).connected), into((r).dro), into((r).bankrupt),              \
      into((r).breathing), into((r).crisis), into((r).c.opened_at), into((r).c.closed_at), into((r).c.created_at), \
      into((r).c.updated_at), into((r).c.client_first_name), into((r).c.client_last_name)

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
  return c;
}

// The flags as the 0/1 integers both databases store.
struct Flags {
  explicit Flags(const app::Case& c)
      : adapted(c.vehicle_adapted),
        homeowner(c.homeowner),
        connected(c.connected_to_england_or_wales),
        dro(c.dro_in_last_six_years),
        bankrupt(c.bankrupt_in_last_five_years),
        breathing(c.breathing_space_in_last_year),
        crisis(c.mental_health_crisis) {}
  int adapted, homeowner, connected, dro, bankrupt, breathing, crisis;
};

class Cases final : public app::CaseRepository {
 public:
  explicit Cases(db::Connection& c) : sql_(c.sql), dialect_(c.dialect), statements_(c.statements) {}

  std::optional<app::Case> find(const app::Scope& scope, const std::string& id) override {
    const auto* centre = app::centre_of(scope);
    db::Query q(statements_, centre ? sql::kFindCaseInCentre : sql::kFindCase);
    q.bind("id", id);
    if (centre) q.bind("centre", *centre);
    if (!q.next()) return std::nullopt;
    return read_case(q);
  }

  std::optional<app::Case> find_for_update(const app::CentreScope& scope, const std::string& id) override {
    CaseRow r;
    const char* query =
        dialect_ == db::Dialect::postgresql ? sql::kFindCaseForUpdatePostgresql : sql::kFindCaseInCentre;
    sql_ << query, CMA_INTO_CASE(r), param(id, "id"), param(scope.centre_id(), "centre");
    if (!sql_.got_data()) return std::nullopt;
    return r.take();
  }

  void insert(const app::Case& c) override {
    Flags f(c);
    write_guarded([&] {
      sql_ << sql::kInsertCase, param(c.id, "id"), param(c.centre_id, "centre"), param(c.client_id, "client"),
          param(c.reference, "reference"), param(c.status, "status"), param(c.priority, "priority"),
          param(c.adviser_id, "adviser"), param(c.summary, "summary"), param(c.outcome, "outcome"),
          param(c.closure_reason, "closure"), param(c.next_review_date, "review"), param(c.assets, "assets"),
          param(c.vehicle_value, "vehicle"), param(f.adapted, "adapted"), param(f.homeowner, "homeowner"),
          param(f.connected, "connected"), param(f.dro, "dro"), param(f.bankrupt, "bankrupt"),
          param(f.breathing, "breathing"), param(f.crisis, "crisis"), param(c.opened_at, "opened"),
          param(c.closed_at, "closed"), param(c.created_at, "created"), param(c.updated_at, "updated");
    });
  }

  void update(const app::Case& c) override {
    Flags f(c);
    write_guarded([&] {
      sql_ << sql::kUpdateCase, param(c.status, "status"), param(c.priority, "priority"),
          param(c.adviser_id, "adviser"), param(c.summary, "summary"), param(c.outcome, "outcome"),
          param(c.closure_reason, "closure"), param(c.next_review_date, "review"), param(c.assets, "assets"),
          param(c.vehicle_value, "vehicle"), param(f.adapted, "adapted"), param(f.homeowner, "homeowner"),
          param(f.connected, "connected"), param(f.dro, "dro"), param(f.bankrupt, "bankrupt"),
          param(f.breathing, "breathing"), param(f.crisis, "crisis"), param(c.closed_at, "closed"),
          param(c.updated_at, "updated"), param(c.id, "id"), param(c.centre_id, "centre");
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
  soci::session& sql_;
  db::Dialect dialect_;
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::CaseRepository, Cases>();
}

}  // namespace cma::store::cases

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
  explicit Cases(db::Connection& c) : sql_(c.sql), dialect_(c.dialect) {}

  std::optional<app::Case> find(const app::Scope& scope, const std::string& id) override {
    CaseRow r;
    if (const auto* centre = app::centre_of(scope))
      sql_ << sql::kFindCaseInCentre, CMA_INTO_CASE(r), param(id, "id"), param(*centre, "centre");
    else
      sql_ << sql::kFindCase, CMA_INTO_CASE(r), param(id, "id");
    if (!sql_.got_data()) return std::nullopt;
    return r.take();
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
    std::string pattern = db::like_contains(q.text);
    int limit = page.limit + 1;
    CaseRow r;
    auto prep = (sql_.prepare << query, CMA_INTO_CASE(r));
    if (centre) prep, param(*centre, "centre");
    if (!q.status.empty()) prep, param(q.status, "status");
    if (!q.adviser_id.empty()) prep, param(q.adviser_id, "adviser");
    if (!q.priority.empty()) prep, param(q.priority, "priority");
    if (!q.opened_from.empty()) prep, param(q.opened_from, "opened_from");
    if (!q.opened_to.empty()) prep, param(q.opened_to, "opened_to");
    if (!q.text.empty()) prep, param(pattern, "reference_pattern"), param(pattern, "text_pattern");
    if (page.has_cursor) prep, param(page.after_key, "after_key"), param(page.after_id, "after_id");
    prep, param(limit, "limit");
    soci::statement st(prep);
    std::vector<app::Case> out;
    each_row(st, [&] { out.push_back(r.take()); });
    return out;
  }

 private:
  soci::session& sql_;
  db::Dialect dialect_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::CaseRepository, Cases>();
}

}  // namespace cma::store::cases

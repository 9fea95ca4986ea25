#include "store/clients/repositories.hpp"

#include "app/clients/ports.hpp"
#include "domain/clients/client_rules.hpp"
#include "domain/identity/validation.hpp"
#include "store/clients/queries.hpp"

namespace cma::store::clients {

namespace {

using db::write_guarded;

using domain::join_list;
using domain::split_list;

// A row of CMA_CLIENT_COLUMNS, in that order, read from a db::Query.
app::Client read_client(const db::Query& q) {
  app::Client c;
  q.read(0, c.id);
  q.read(1, c.centre_id);
  q.read(2, c.reference);
  q.read(3, c.title);
  q.read(4, c.first_name);
  q.read(5, c.last_name);
  q.read(6, c.date_of_birth);
  q.read(7, c.ni_number);
  q.read(8, c.phone);
  q.read(9, c.mobile);
  q.read(10, c.email);
  q.read(11, c.address_line1);
  q.read(12, c.address_line2);
  q.read(13, c.town);
  q.read(14, c.postcode);
  c.adults = static_cast<int>(q.integer(15));
  for (const auto& s : split_list(q.text(16))) c.children_ages.push_back(std::stoi(s));
  q.read(17, c.marital_status);
  q.read(18, c.employment_status);
  q.read(19, c.housing_tenure);
  c.vulnerability_flags = split_list(q.text(20));
  q.read(21, c.vulnerability_consent_at);
  c.data_sharing_consent = q.flag(22);
  q.read(23, c.data_sharing_consent_at);
  q.read(24, c.preferred_contact);
  q.read(25, c.language);
  q.read(26, c.status);
  q.read(27, c.deleted_at);
  q.read(28, c.created_at);
  q.read(29, c.updated_at);
  return c;
}

// The columns an insert and an update both write, with the stored forms of the list fields and
// the columns lists and searches use.
void bind_fields(db::Query& q, const app::Client& c) {
  q.bind("title", c.title)
      .bind("first", c.first_name)
      .bind("last", c.last_name)
      .bind("dob", c.date_of_birth)
      .bind("ni", c.ni_number)
      .bind("phone", c.phone)
      .bind("mobile", c.mobile)
      .bind("email", c.email)
      .bind("line1", c.address_line1)
      .bind("line2", c.address_line2)
      .bind("town", c.town)
      .bind("postcode", c.postcode)
      .bind("adults", c.adults)
      .bind("children", join_list(c.children_ages))
      .bind("marital", c.marital_status)
      .bind("employment", c.employment_status)
      .bind("tenure", c.housing_tenure)
      .bind("flags", join_list(c.vulnerability_flags))
      .bind("flags_consent", c.vulnerability_consent_at)
      .bind("sharing", c.data_sharing_consent)
      .bind("sharing_at", c.data_sharing_consent_at)
      .bind("contact", c.preferred_contact)
      .bind("language", c.language)
      .bind("status", c.status)
      .bind("deleted", c.deleted_at)
      .bind("updated", c.updated_at)
      .bind("sort", domain::client_sort_name(c.first_name, c.last_name))
      .bind("search", domain::client_search_text(c.first_name, c.last_name, c.reference, c.postcode));
}

class Clients final : public app::ClientRepository {
 public:
  explicit Clients(db::Connection& c) : dialect_(c.dialect), statements_(c.statements) {}

  std::optional<app::Client> find(const app::Scope& scope, const std::string& id) override {
    const auto* centre = app::centre_of(scope);
    db::Query q(statements_, centre ? sql::kFindClientInCentre : sql::kFindClient);
    q.bind("id", id);
    if (centre) q.bind("centre", *centre);
    if (!q.next()) return std::nullopt;
    return read_client(q);
  }

  std::optional<app::Client> find_for_update(const app::CentreScope& scope, const std::string& id) override {
    db::Query q(statements_,
                dialect_ == db::Dialect::postgresql ? sql::kFindClientForUpdatePostgresql : sql::kFindClientInCentre);
    q.bind("id", id).bind("centre", scope.centre_id());
    if (!q.next()) return std::nullopt;
    return read_client(q);
  }

  void insert(const app::Client& c) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kInsertClient);
      q.bind("id", c.id).bind("centre", c.centre_id).bind("reference", c.reference).bind("created", c.created_at);
      bind_fields(q, c);
      q.run();
    });
  }

  void update(const app::Client& c) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kUpdateClient);
      bind_fields(q, c);
      q.bind("id", c.id).bind("centre", c.centre_id).run();
    });
  }

  std::vector<app::Client> list(const app::Scope& scope, const std::string& text,
                                const app::KeysetRequest& page) override {
    const auto* centre = app::centre_of(scope);
    const char* query = centre ? (text.empty() ? sql::kListClientsInCentre : sql::kSearchClientsInCentre)
                               : (text.empty() ? sql::kListClients : sql::kSearchClients);
    db::Query st(statements_, query);
    if (centre) st.bind("centre", *centre);
    if (!text.empty()) st.bind("pattern", db::like_contains(text));
    st.bind("after_key", page.after_key).bind("after_id", page.after_id).bind("limit", page.limit + 1);
    std::vector<app::Client> out;
    out.reserve(static_cast<std::size_t>(page.limit) + 1);
    while (st.next()) out.push_back(read_client(st));
    return out;
  }

  long long open_cases(const app::CentreScope& scope, const std::string& client_id) override {
    db::Query q(statements_, sql::kOpenCasesOfClient);
    q.bind("centre", scope.centre_id()).bind("client", client_id);
    return q.next() ? q.integer(0) : 0;
  }

 private:
  db::Dialect dialect_;
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::ClientRepository, Clients>();
}

}  // namespace cma::store::clients

#include "store/clients/repositories.hpp"

#include "app/clients/ports.hpp"
#include "domain/clients/client_rules.hpp"
#include "domain/identity/validation.hpp"
#include "store/clients/queries.hpp"

namespace cma::store::clients {

namespace {

using db::each_row;
using db::into;
using db::param;
using db::write_guarded;

using domain::join_list;
using domain::split_list;

struct ClientRow {
  app::Client c;
  int adults = 0;
  int sharing = 0;
  std::string children, flags;
  app::Client take() {
    c.adults = adults;
    c.data_sharing_consent = sharing != 0;
    c.children_ages.clear();
    for (const auto& s : split_list(children)) c.children_ages.push_back(std::stoi(s));
    c.vulnerability_flags = split_list(flags);
    return std::move(c);  // every column is fetched again for the next row
  }
};
#define CMA_INTO_CLIENT(r)                                                                                             \
  into((r).c.id), into((r).c.centre_id), into((r).c.reference), into((r).c.title), into((r).c.first_name),             \
      into((r).c.last_name), into((r).c.date_of_birth), into((r).c.ni_number), into((r).c.phone), into((r).c.mobile),  \
      into((r).c.email), into((r).c.address_line1), into((r).c.address_line2), into((r).c.town), into((r).c.postcode), \
      into((r).adults), into((r).children), into((r).c.marital_status), into((r).c.employment_status),                 \
      into((r).c.housing_tenure), into((r).flags), into((r).c.vulnerability_consent_at), into((r).sharing),            \
      into((r).c.data_sharing_consent_at), into((r).c.preferred_contact), into((r).c.language), into((r).c.status),    \
      into((r).c.deleted_at), into((r).c.created_at), into((r).c.updated_at)

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

// The stored forms of the list fields and the columns lists and searches use.
struct Derived {
  explicit Derived(const app::Client& c)
      : children(join_list(c.children_ages)),
        flags(join_list(c.vulnerability_flags)),
        sort(domain::client_sort_name(c.first_name, c.last_name)),
        search(domain::client_search_text(c.first_name, c.last_name, c.reference, c.postcode)),
        sharing(c.data_sharing_consent ? 1 : 0) {}
  std::string children, flags, sort, search;
  int sharing;
};

class Clients final : public app::ClientRepository {
 public:
  explicit Clients(db::Connection& c) : sql_(c.sql), dialect_(c.dialect), statements_(c.statements) {}

  std::optional<app::Client> find(const app::Scope& scope, const std::string& id) override {
    const auto* centre = app::centre_of(scope);
    db::Query q(statements_, centre ? sql::kFindClientInCentre : sql::kFindClient);
    q.bind("id", id);
    if (centre) q.bind("centre", *centre);
    if (!q.next()) return std::nullopt;
    return read_client(q);
  }

  std::optional<app::Client> find_for_update(const app::CentreScope& scope, const std::string& id) override {
    ClientRow r;
    const char* query =
        dialect_ == db::Dialect::postgresql ? sql::kFindClientForUpdatePostgresql : sql::kFindClientInCentre;
    sql_ << query, CMA_INTO_CLIENT(r), param(id, "id"), param(scope.centre_id(), "centre");
    if (!sql_.got_data()) return std::nullopt;
    return r.take();
  }

  void insert(const app::Client& c) override {
    Derived d(c);
    write_guarded([&] {
      sql_ << sql::kInsertClient, param(c.id, "id"), param(c.centre_id, "centre"), param(c.reference, "reference"),
          param(c.title, "title"), param(c.first_name, "first"), param(c.last_name, "last"),
          param(c.date_of_birth, "dob"), param(c.ni_number, "ni"), param(c.phone, "phone"), param(c.mobile, "mobile"),
          param(c.email, "email"), param(c.address_line1, "line1"), param(c.address_line2, "line2"),
          param(c.town, "town"), param(c.postcode, "postcode"), param(c.adults, "adults"),
          param(d.children, "children"), param(c.marital_status, "marital"), param(c.employment_status, "employment"),
          param(c.housing_tenure, "tenure"), param(d.flags, "flags"),
          param(c.vulnerability_consent_at, "flags_consent"), param(d.sharing, "sharing"),
          param(c.data_sharing_consent_at, "sharing_at"), param(c.preferred_contact, "contact"),
          param(c.language, "language"), param(c.status, "status"), param(c.deleted_at, "deleted"),
          param(c.created_at, "created"), param(c.updated_at, "updated"), param(d.sort, "sort"),
          param(d.search, "search");
    });
  }
  void update(const app::Client& c) override {
    Derived d(c);
    write_guarded([&] {
      sql_ << sql::kUpdateClient, param(c.title, "title"), param(c.first_name, "first"), param(c.last_name, "last"),
          param(c.date_of_birth, "dob"), param(c.ni_number, "ni"), param(c.phone, "phone"), param(c.mobile, "mobile"),
          param(c.email, "email"), param(c.address_line1, "line1"), param(c.address_line2, "line2"),
          param(c.town, "town"), param(c.postcode, "postcode"), param(c.adults, "adults"),
          param(d.children, "children"), param(c.marital_status, "marital"), param(c.employment_status, "employment"),
          param(c.housing_tenure, "tenure"), param(d.flags, "flags"),
          param(c.vulnerability_consent_at, "flags_consent"), param(d.sharing, "sharing"),
          param(c.data_sharing_consent_at, "sharing_at"), param(c.preferred_contact, "contact"),
          param(c.language, "language"), param(c.status, "status"), param(c.deleted_at, "deleted"),
          param(c.updated_at, "updated"), param(d.sort, "sort"), param(d.search, "search"), param(c.id, "id"),
          param(c.centre_id, "centre");
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
    long long n = 0;
    sql_ << sql::kOpenCasesOfClient, into(n), param(scope.centre_id(), "centre"), param(client_id, "client");
    return n;
  }

 private:
  soci::session& sql_;
  db::Dialect dialect_;
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::ClientRepository, Clients>();
}

}  // namespace cma::store::clients

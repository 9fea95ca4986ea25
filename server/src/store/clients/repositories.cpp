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
  explicit Clients(db::Connection& c) : sql_(c.sql), dialect_(c.dialect) {}

  std::optional<app::Client> find(const app::Scope& scope, const std::string& id) override {
    ClientRow r;
    if (const auto* centre = app::centre_of(scope))
      sql_ << sql::kFindClientInCentre, CMA_INTO_CLIENT(r), param(id, "id"), param(*centre, "centre");
    else
      sql_ << sql::kFindClient, CMA_INTO_CLIENT(r), param(id, "id");
    if (!sql_.got_data()) return std::nullopt;
    return r.take();
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
    std::vector<app::Client> out;
    ClientRow r;
    std::string pattern = db::like_contains(text);
    int limit = page.limit + 1;
    const auto* centre = app::centre_of(scope);
    const char* query = centre ? (text.empty() ? sql::kListClientsInCentre : sql::kSearchClientsInCentre)
                               : (text.empty() ? sql::kListClients : sql::kSearchClients);
    auto prep = (sql_.prepare << query, CMA_INTO_CLIENT(r));
    if (centre) prep, param(*centre, "centre");
    if (!text.empty()) prep, param(pattern, "pattern");
    prep, param(page.after_key, "after_key"), param(page.after_id, "after_id"), param(limit, "limit");
    soci::statement st(prep);
    each_row(st, [&] { out.push_back(r.take()); });
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
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::ClientRepository, Clients>();
}

}  // namespace cma::store::clients

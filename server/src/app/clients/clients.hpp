#pragma once
// Clients: every role of a centre records and reads its own centre's clients; admins any centre's.
// Deleting (managers and admins) is soft and refused while the client has unfinished cases.
#include <optional>
#include <string>
#include <vector>

#include "app/clients/records.hpp"
#include "app/context.hpp"
#include "app/paging.hpp"
#include "domain/result.hpp"

namespace cma::app {

struct ClientInput {  // absent fields are left as they are on update; "" clears an optional text
  std::optional<std::string> centre_id, title, first_name, last_name, date_of_birth, ni_number, phone, mobile, email,
      address_line1, address_line2, town, postcode, marital_status, employment_status, housing_tenure,
      preferred_contact, language;
  std::optional<long long> adults;
  std::optional<std::vector<long long>> children_ages;
  std::optional<std::vector<std::string>> vulnerability_flags;
  std::optional<bool> vulnerability_consent;
  std::optional<bool> data_sharing_consent;
  std::vector<FieldError> shape_errors;
};

Result<Client> create_client(const Deps& deps, const Actor& actor, const ClientInput& in);
Result<Client> get_client(const Deps& deps, const Actor& actor, const std::string& id);
Result<Client> update_client(const Deps& deps, const Actor& actor, const std::string& id, const ClientInput& in);
Result<Client> delete_client(const Deps& deps, const Actor& actor, const std::string& id);
Result<Page<Client>> list_clients(const Deps& deps, const Actor& actor, const ClientQuery& query,
                                  const KeysetRequest& page);

inline constexpr const char* kClientList = "clients";
inline constexpr const char* kNoSuchClient = "No such client.";

}  // namespace cma::app

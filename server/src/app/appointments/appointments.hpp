#pragma once
// Appointments with clients, per client and optionally per case, each kept by one adviser of the
// client's centre. An adviser is never double-booked: a scheduled appointment that overlaps another
// of theirs is refused (409, naming the clash), under concurrent requests too. Times are stored in
// UTC and entered and shown in London time. Reading needs cases_read, writing cases_write.
#include <optional>
#include <string>
#include <vector>

#include "app/appointments/records.hpp"
#include "app/context.hpp"
#include "app/paging.hpp"
#include "domain/result.hpp"

namespace cma::app {

struct AppointmentInput {  // absent fields are left as they are on update
  std::optional<std::string> client_id, case_id, adviser_id, start, mode, location, preparation, status, outcome,
      follow_up_date;
  std::optional<long long> duration_minutes;
  std::vector<FieldError> shape_errors;
};

struct DiaryRequest {
  std::string date;  // a London date; "" for today
  std::string view;  // day | week; "" for week
  std::string adviser_id;
  std::string centre_id;  // admins: required
};

Result<Appointment> book_appointment(const Deps& deps, const Actor& actor, const AppointmentInput& in);
Result<Appointment> get_appointment(const Deps& deps, const Actor& actor, const std::string& id);
Result<Appointment> update_appointment(const Deps& deps, const Actor& actor, const std::string& id,
                                       const AppointmentInput& in);
Result<Page<Appointment>> list_appointments(const Deps& deps, const Actor& actor, const AppointmentQuery& query,
                                            const KeysetRequest& page);
// One London day or week of a centre's diary, or of one adviser's.
Result<Page<Appointment>> diary(const Deps& deps, const Actor& actor, const DiaryRequest& request,
                                const KeysetRequest& page);

inline constexpr const char* kAppointmentsList = "appointments";
inline constexpr const char* kNoSuchAppointment = "No such appointment.";

}  // namespace cma::app

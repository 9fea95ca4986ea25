#include "domain/diary/appointment_rules.hpp"

namespace cma::domain {

std::string_view to_string(AppointmentMode m) {
  switch (m) {
    case AppointmentMode::in_person:
      return "in_person";
    case AppointmentMode::phone:
      return "phone";
    case AppointmentMode::video:
      return "video";
  }
  return "in_person";
}

std::optional<AppointmentMode> parse_appointment_mode(std::string_view s) {
  for (auto m : {AppointmentMode::in_person, AppointmentMode::phone, AppointmentMode::video})
    if (to_string(m) == s) return m;
  return std::nullopt;
}

std::string_view to_string(AppointmentStatus s) {
  switch (s) {
    case AppointmentStatus::scheduled:
      return "scheduled";
    case AppointmentStatus::completed:
      return "completed";
    case AppointmentStatus::cancelled:
      return "cancelled";
    case AppointmentStatus::no_show:
      return "no_show";
  }
  return "scheduled";
}

std::optional<AppointmentStatus> parse_appointment_status(std::string_view s) {
  for (auto v : {AppointmentStatus::scheduled, AppointmentStatus::completed, AppointmentStatus::cancelled,
                 AppointmentStatus::no_show})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

std::optional<DiaryView> parse_diary_view(std::string_view s) {
  if (s == "day") return DiaryView::day;
  if (s == "week") return DiaryView::week;
  return std::nullopt;
}

}  // namespace cma::domain

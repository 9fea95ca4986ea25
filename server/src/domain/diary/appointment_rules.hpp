#pragma once
// Appointments: how they are held, what became of them, and when two of one adviser's clash.
#include <cstdint>
#include <optional>
#include <string_view>

namespace cma::domain {

enum class AppointmentMode { in_person, phone, video };
std::string_view to_string(AppointmentMode m);
std::optional<AppointmentMode> parse_appointment_mode(std::string_view s);

// scheduled → completed | cancelled | no_show; a finished one may go back to scheduled (entered in
// error). Only scheduled appointments occupy the adviser's time.
enum class AppointmentStatus { scheduled, completed, cancelled, no_show };
std::string_view to_string(AppointmentStatus s);
std::optional<AppointmentStatus> parse_appointment_status(std::string_view s);

inline constexpr int kMinAppointmentMinutes = 5;
inline constexpr int kMaxAppointmentMinutes = 8 * 60;

// Half-open intervals [start, end): one that ends as the other starts does not clash.
constexpr bool overlaps(std::int64_t a_start, std::int64_t a_end, std::int64_t b_start, std::int64_t b_end) {
  return a_start < b_end && b_start < a_end;
}

// A diary view: one London day, or the London week (Monday to Sunday) that holds the date.
enum class DiaryView { day, week };
std::optional<DiaryView> parse_diary_view(std::string_view s);

}  // namespace cma::domain

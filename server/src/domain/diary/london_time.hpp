#pragma once
// Europe/London wall-clock time, as the UK has kept it since 1996 (EU summer-time rules, kept after
// 2020 by the Summer Time Order): GMT (UTC+0) in winter, BST (UTC+1) from 01:00 UTC on the last
// Sunday of March to 01:00 UTC on the last Sunday of October. Times are stored in UTC; people enter
// and read them in London time. Pure: no tz database, no I/O.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cma::domain {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01 (proleptic Gregorian), and back.
std::int64_t days_from_civil(CivilDate d);
CivilDate civil_from_days(std::int64_t days);
// 1 = Monday … 7 = Sunday.
int iso_weekday(CivilDate d);
// "YYYY-MM-DD" with a real calendar date (years 1900..2999), or nullopt.
std::optional<CivilDate> parse_date(std::string_view text);
std::string format_date(CivilDate d);
CivilDate add_days(CivilDate d, int days);

// When BST starts and ends in `year`, in seconds since the epoch (UTC).
std::int64_t bst_start(int year);
std::int64_t bst_end(int year);
// London's offset from UTC at an instant: 0 or 3600 seconds.
int london_offset(std::int64_t utc_seconds);

// A wall-clock time in London. Converting it to UTC: a time in the spring gap (01:00–01:59 on the
// last Sunday of March) does not exist and gives nullopt; a time in the autumn overlap
// (01:00–01:59 on the last Sunday of October) happens twice and gives the first (BST) one.
struct LondonTime {
  CivilDate date;
  int hour = 0, minute = 0, second = 0;
};
std::optional<std::int64_t> london_to_utc(const LondonTime& t);
LondonTime utc_to_london(std::int64_t utc_seconds);
// The London calendar date of an instant, and the UTC instant its midnight falls on.
CivilDate london_date(std::int64_t utc_seconds);
std::int64_t london_midnight(CivilDate d);

// An instant as entered: "YYYY-MM-DDTHH:MM[:SS]" (London time) or the same followed by "Z" or an
// offset "+HH:MM"/"-HH:MM" (that instant, whatever London's clock said). Seconds since the epoch,
// or an error message.
struct ParsedInstant {
  std::optional<std::int64_t> utc_seconds;
  std::string error;
};
ParsedInstant parse_instant(std::string_view text);

// "2026-03-29T11:00:00+01:00": an instant in London time with its offset.
std::string format_london(std::int64_t utc_seconds);
// "2026-03-29T10:00:00.000000Z": the store's fixed-width UTC form (sorts as text).
std::string format_utc(std::int64_t utc_seconds);
// The store's form back to seconds (microseconds are dropped); nullopt when malformed.
std::optional<std::int64_t> parse_utc(std::string_view text);

}  // namespace cma::domain

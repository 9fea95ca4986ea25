#include "domain/diary/london_time.hpp"

#include <cstdio>

namespace cma::domain {

namespace {
constexpr std::int64_t kDay = 86400;

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}
int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}
// Digits at [pos, pos+n) as a number, or -1.
int number(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}
// The last Sunday of a month, 01:00 UTC.
std::int64_t last_sunday_1am(int year, int month) {
  CivilDate last{year, month, days_in_month(year, month)};
  int back = iso_weekday(last) % 7;  // Sunday → 0
  return (days_from_civil(last) - back) * kDay + 3600;
}
}  // namespace

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t days_from_civil(CivilDate d) {
  std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  auto yoe = static_cast<unsigned>(y - era * 400);
  unsigned mp = static_cast<unsigned>(d.month > 2 ? d.month - 3 : d.month + 9);
  unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(d.day) - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

CivilDate civil_from_days(std::int64_t z) {
  z += 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  auto doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

int iso_weekday(CivilDate d) {
  std::int64_t z = days_from_civil(d);  // 1970-01-01 was a Thursday (4)
  auto w = static_cast<int>(((z % 7) + 7 + 3) % 7);
  return w + 1;
}

std::optional<CivilDate> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int y = number(s, 0, 4), m = number(s, 5, 2), d = number(s, 8, 2);
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return CivilDate{y, m, d};
}

std::string format_date(CivilDate d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

CivilDate add_days(CivilDate d, int days) {
  return civil_from_days(days_from_civil(d) + days);
}

std::int64_t bst_start(int year) {
  return last_sunday_1am(year, 3);
}
std::int64_t bst_end(int year) {
  return last_sunday_1am(year, 10);
}

int london_offset(std::int64_t t) {
  int year = civil_from_days(t >= 0 ? t / kDay : (t - kDay + 1) / kDay).year;
  return t >= bst_start(year) && t < bst_end(year) ? 3600 : 0;
}

std::optional<std::int64_t> london_to_utc(const LondonTime& t) {
  std::int64_t wall = days_from_civil(t.date) * kDay + t.hour * 3600 + t.minute * 60 + t.second;
  // Try BST first (the earlier instant in the autumn overlap), then GMT.
  for (int offset : {3600, 0})
    if (london_offset(wall - offset) == offset) return wall - offset;
  return std::nullopt;  // the spring gap
}

LondonTime utc_to_london(std::int64_t t) {
  std::int64_t wall = t + london_offset(t);
  std::int64_t days = wall >= 0 ? wall / kDay : (wall - kDay + 1) / kDay;
  auto secs = static_cast<int>(wall - days * kDay);
  return {civil_from_days(days), secs / 3600, secs / 60 % 60, secs % 60};
}

CivilDate london_date(std::int64_t t) {
  return utc_to_london(t).date;
}

std::int64_t london_midnight(CivilDate d) {
  // Midnight is never in a gap in London (the clocks change at 01:00 GMT).
  return *london_to_utc({d, 0, 0, 0});
}

ParsedInstant parse_instant(std::string_view s) {
  const std::string shape = "must be a date and time like 2026-03-29T10:30 (London time) or 2026-03-29T09:30Z";
  if (s.size() < 16 || s[10] != 'T' || s[13] != ':') return {std::nullopt, shape};
  auto date = parse_date(s.substr(0, 10));
  int hh = number(s, 11, 2), mm = number(s, 14, 2), ss = 0;
  std::size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    ss = number(s, pos + 1, 2);
    pos += 3;
  }
  if (!date || hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59) return {std::nullopt, shape};
  LondonTime local{*date, hh, mm, ss};
  std::string_view zone = s.substr(pos);
  if (zone.empty()) {
    auto utc = london_to_utc(local);
    if (!utc) return {std::nullopt, "does not exist in London: the clocks go forward from 01:00 to 02:00 that day"};
    return {utc, ""};
  }
  std::int64_t wall = days_from_civil(*date) * kDay + hh * 3600 + mm * 60 + ss;
  if (zone == "Z") return {wall, ""};
  if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    int oh = number(zone, 1, 2), om = number(zone, 4, 2);
    if (oh >= 0 && oh <= 14 && om >= 0 && om <= 59) {
      int offset = (oh * 3600 + om * 60) * (zone[0] == '+' ? 1 : -1);
      return {wall - offset, ""};
    }
  }
  return {std::nullopt, shape};
}

std::string format_london(std::int64_t t) {
  auto l = utc_to_london(t);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%s", format_date(l.date).c_str(), l.hour, l.minute, l.second,
                london_offset(t) ? "+01:00" : "+00:00");
  return buf;
}

std::string format_utc(std::int64_t t) {
  std::int64_t days = t >= 0 ? t / kDay : (t - kDay + 1) / kDay;
  auto secs = static_cast<int>(t - days * kDay);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d.000000Z", format_date(civil_from_days(days)).c_str(), secs / 3600,
                secs / 60 % 60, secs % 60);
  return buf;
}

std::optional<std::int64_t> parse_utc(std::string_view s) {
  if (s.size() < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s.back() != 'Z') return std::nullopt;
  auto date = parse_date(s.substr(0, 10));
  int hh = number(s, 11, 2), mm = number(s, 14, 2), ss = number(s, 17, 2);
  if (!date || hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59) return std::nullopt;
  return days_from_civil(*date) * kDay + hh * 3600 + mm * 60 + ss;
}

}  // namespace cma::domain

#include "domain/dashboard/figures.hpp"

#include <algorithm>
#include <charconv>

#include "domain/diary/london_time.hpp"

namespace cma::domain {

namespace {
bool finished(const std::string& status) {
  return status == "closed" || status == "referred" || status == "cancelled";
}
void bump(Counters& c, const std::string& adviser, const char* metric, const std::string& bucket, long long by) {
  if (by != 0) c[{adviser, metric, bucket}] += by;
}
}  // namespace

std::string london_month(const std::string& utc_timestamp) {
  auto t = parse_utc(utc_timestamp);
  if (!t) return "";
  return format_date(london_date(*t)).substr(0, 7);
}

Counters contribution(const CaseSnapshot& c) {
  Counters out;
  const auto& a = c.adviser_id;
  bump(out, a, kCasesByStatus, c.status, 1);
  bump(out, a, kCasesOpened, london_month(c.opened_at), 1);
  if (c.status == "closed") {
    bump(out, a, kCasesClosed, london_month(c.closed_at), 1);
    auto opened = parse_utc(c.opened_at), closed = parse_utc(c.closed_at);
    if (opened && closed) {
      auto days = (days_from_civil(london_date(*closed)) - days_from_civil(london_date(*opened)));
      bump(out, a, kDaysToClose, std::to_string(std::max<std::int64_t>(0, days)), 1);
    }
    if (!c.closed_with_override) bump(out, a, kClosedCompliant, "", 1);
  }
  for (const auto& d : c.debts) {
    if (d.status == "written_off") bump(out, a, kWrittenOff, "", d.balance);
    if (d.status == "paid") bump(out, a, kRepaid, "", d.balance);
    bool owed = d.status == "active" || d.status == "disputed";
    if (owed && !finished(c.status)) {
      bump(out, a, kDebtUnderAdvice, "", d.balance);
      if (d.priority) bump(out, a, kPriorityArrears, "", d.arrears);
    }
  }
  return out;
}

Counters difference(const Counters& before, const Counters& after) {
  Counters out = after;
  for (const auto& [key, value] : before) out[key] -= value;
  for (auto it = out.begin(); it != out.end();) it = it->second == 0 ? out.erase(it) : std::next(it);
  return out;
}

void add_to(Counters& total, const Counters& more) {
  for (const auto& [key, value] : more) total[key] += value;
  for (auto it = total.begin(); it != total.end();) it = it->second == 0 ? total.erase(it) : std::next(it);
}

std::optional<long long> median_days(const std::map<std::string, long long>& histogram) {
  std::vector<std::pair<long long, long long>> days;  // (days, count), by days
  long long n = 0;
  for (const auto& [bucket, count] : histogram) {
    long long d = 0;
    auto [ptr, ec] = std::from_chars(bucket.data(), bucket.data() + bucket.size(), d);
    if (ec != std::errc() || ptr != bucket.data() + bucket.size() || count <= 0) continue;
    days.emplace_back(d, count);
    n += count;
  }
  if (n == 0) return std::nullopt;
  std::sort(days.begin(), days.end());
  auto nth = [&](long long k) {  // the k-th smallest, from 0
    for (const auto& [d, count] : days) {
      if (k < count) return d;
      k -= count;
    }
    return days.back().first;
  };
  if (n % 2 == 1) return nth(n / 2);
  return (nth(n / 2 - 1) + nth(n / 2)) / 2;
}

std::string csv_cell(const std::string& text) {
  std::string cell = text;
  if (!cell.empty() &&
      (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' || cell[0] == '\t' || cell[0] == '\r'))
    cell.insert(cell.begin(), '\'');
  bool quote = cell.find_first_of(",\"\r\n") != std::string::npos;
  if (!quote) return cell;
  std::string out = "\"";
  for (char ch : cell) {
    if (ch == '"') out.push_back('"');
    out.push_back(ch);
  }
  return out + "\"";
}

}  // namespace cma::domain

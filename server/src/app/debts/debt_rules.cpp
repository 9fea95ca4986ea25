#include "app/debts/debt_rules.hpp"

#include "domain/identity/validation.hpp"

namespace cma::app::debt_rules {

domain::Priority derived_priority(const Debt& d) {
  auto type = domain::parse_debt_type(d.debt_type).value_or(domain::DebtType::other);
  return domain::derived_priority(type);
}

domain::Priority effective_priority(const Debt& d) {
  if (auto p = domain::parse_priority(d.priority_override)) return *p;
  return derived_priority(d);
}

bool is_owed(const Debt& d) {
  return d.status == "active" || d.status == "disputed";
}

domain::DebtTotals totals(const std::vector<Debt>& debts) {
  std::vector<domain::DebtFigures> figures;
  for (const auto& d : debts)
    if (is_owed(d))
      figures.push_back({domain::Money::pence(d.balance), domain::Money::pence(d.arrears), effective_priority(d)});
  return domain::debt_totals(figures);
}

void apply(const DebtInput& in, bool creating, Debt& d, std::vector<FieldError>& errors) {
  errors.insert(errors.end(), in.shape_errors.begin(), in.shape_errors.end());
  if (in.creditor) {
    if (auto e = domain::check_text(*in.creditor, 200))
      errors.push_back({"creditor", *e});
    else
      d.creditor = domain::trim(*in.creditor);
  } else if (creating) {
    errors.push_back({"creditor", "is required"});
  }
  if (in.debt_type) {
    if (domain::parse_debt_type(*in.debt_type)) {
      d.debt_type = *in.debt_type;
    } else {
      std::string all;
      for (auto t : domain::all_debt_types()) all.append(all.empty() ? "" : ", ").append(domain::to_string(t));
      errors.push_back({"debtType", std::string("must be one of ").append(all)});
    }
  } else if (creating) {
    errors.push_back({"debtType", "is required"});
  }
  if (in.account_reference) {
    auto text = domain::trim(*in.account_reference);
    bool plain = text.size() <= 50;
    for (char ch : text)
      if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch == ' ' ||
            ch == '-' || ch == '/' || ch == '.'))
        plain = false;
    if (plain)
      d.account_reference = text;
    else
      errors.push_back({"accountReference", "must be at most 50 letters, digits, spaces and - / ."});
  }
  if (in.balance)
    d.balance = *in.balance;
  else if (creating)
    errors.push_back({"balance", "is required"});
  if (in.arrears) d.arrears = *in.arrears;
  if (in.contractual_payment) d.contractual_payment = *in.contractual_payment;
  if (in.offered_payment) d.offered_payment = *in.offered_payment;
  if (in.interest_frozen) d.interest_frozen = *in.interest_frozen;
  if (in.status) {
    if (*in.status == "active" || *in.status == "disputed" || *in.status == "paid" || *in.status == "written_off")
      d.status = *in.status;
    else
      errors.push_back({"status", "must be one of active, disputed, paid, written_off"});
  }
  if (in.priority_override) {
    if (in.priority_override->empty() || domain::parse_priority(*in.priority_override)) {
      d.priority_override = *in.priority_override;
      if (d.priority_override.empty()) d.priority_reason.clear();
    } else {
      errors.push_back({"priorityOverride", "must be priority, non_priority or \"\" (no override)"});
    }
  }
  if (in.priority_reason) {
    if (auto e = domain::check_multiline_text(*in.priority_reason, 500, false))
      errors.push_back({"priorityReason", *e});
    else if (!d.priority_override.empty())
      d.priority_reason = domain::trim(*in.priority_reason);
  }
  if (!d.priority_override.empty() && !d.debt_type.empty()) {
    auto type = domain::parse_debt_type(d.debt_type);
    auto override_priority = domain::parse_priority(d.priority_override);
    if (type && override_priority) {
      auto checked = domain::effective_priority(*type, domain::PriorityOverride{*override_priority, d.priority_reason});
      if (!checked)
        errors.insert(errors.end(), checked.error().field_errors.begin(), checked.error().field_errors.end());
    }
  }
}

std::string masked(const std::string& account_reference) {
  if (account_reference.empty()) return "";
  if (account_reference.size() <= 4) return "****";
  return std::string("****").append(account_reference.substr(account_reference.size() - 4));
}

ChangeSet diff(const Debt& b, const Debt& a) {
  ChangeSet cs = b.id.empty() ? ChangeSet::for_creation() : ChangeSet();
  cs.set("caseId", b.case_id, a.case_id)
      .set("creditor", b.creditor, a.creditor)
      .set("debtType", b.debt_type, a.debt_type)
      .set("balance", std::to_string(b.balance), std::to_string(a.balance))
      .set("arrears", std::to_string(b.arrears), std::to_string(a.arrears))
      .set("contractualPayment", std::to_string(b.contractual_payment), std::to_string(a.contractual_payment))
      .set("offeredPayment", std::to_string(b.offered_payment), std::to_string(a.offered_payment))
      .set("interestFrozen", b.interest_frozen ? "true" : "false", a.interest_frozen ? "true" : "false")
      .set("priorityOverride", b.priority_override, a.priority_override)
      .set("priorityReason", b.priority_reason, a.priority_reason)
      .set("status", b.status, a.status);
  // Account numbers identify the client to the creditor: recorded as changed, not by value.
  if (b.account_reference != a.account_reference) cs.redacted("accountReference");
  return cs;
}

}  // namespace cma::app::debt_rules

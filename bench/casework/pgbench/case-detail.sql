-- GET /api/v1/cases/{id} as a centre's adviser (server/src/app/cases/get_case.cpp): in one read-only
-- snapshot, the case with its client's name (kFindCaseInCentre), its debts (kListDebts, up to 200),
-- the current budget (kCurrentBudget) and its lines (kBudgetLines). The id is drawn from
-- bench_pool_cases, the pool the wrk script draws from; that lookup is folded into the first query.
-- Variables (pgbench -D): uid, centre, case_pool (rows in bench_pool_cases).
\set i random(1, :case_pool)
\set limit 200
-- Every request first loads the signed-in user (server/src/store/identity/queries.hpp kFindActiveUser).
SELECT u.id, u.centre_id, u.email, u.first_name, u.last_name, u.role, u.status, u.password_hash,
  u.last_login_at, u.created_at, u.updated_at FROM users u JOIN centres c ON c.id = u.centre_id
  WHERE u.id = :uid AND u.status = 'active' AND c.status = 'active';
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SELECT c.id, c.centre_id, c.client_id, c.reference, c.status, c.priority, c.adviser_id, c.summary, c.outcome,
  c.closure_reason, c.next_review_date, c.assets, c.vehicle_value, c.vehicle_adapted, c.homeowner,
  c.connected_to_england_or_wales, c.dro_in_last_six_years, c.bankrupt_in_last_five_years,
  c.breathing_space_in_last_year, c.mental_health_crisis, c.opened_at, c.closed_at, c.created_at,
  c.updated_at, cl.first_name, cl.last_name
  FROM cases c JOIN clients cl ON cl.id = c.client_id
  WHERE c.id = (SELECT id FROM bench_pool_cases WHERE n = :i) AND c.centre_id = :centre \gset c_
SELECT id, centre_id, case_id, creditor, debt_type, account_reference, balance, arrears, contractual_payment,
  offered_payment, interest_frozen, priority_override, priority_reason, status, created_at, updated_at
  FROM debts WHERE centre_id = :centre AND case_id = :c_id AND status <> 'removed' AND id > ''
  ORDER BY id LIMIT :limit;
SELECT id, centre_id, case_id, version, kind, adults, children, notes, created_by, created_at
  FROM budgets WHERE centre_id = :centre AND case_id = :c_id ORDER BY version DESC LIMIT 1 \gset b_
SELECT id, position, section, category, label, amount, frequency FROM budget_items
  WHERE centre_id = :centre AND budget_id = :b_id ORDER BY position;
ROLLBACK;

-- GET /api/v1/cases?limit=50 as a centre's adviser: the SQL the server runs for it
-- (server/src/store/cases/queries.hpp: kListCasesInCentre + kOrderOpenedDesc; 50 + 1 rows).
-- Variables (pgbench -D): uid, centre.
\set limit 51
-- Every request first loads the signed-in user (server/src/store/identity/queries.hpp kFindActiveUser).
SELECT u.id, u.centre_id, u.email, u.first_name, u.last_name, u.role, u.status, u.password_hash,
  u.last_login_at, u.created_at, u.updated_at FROM users u JOIN centres c ON c.id = u.centre_id
  WHERE u.id = :uid AND u.status = 'active' AND c.status = 'active';
SELECT c.id, c.centre_id, c.client_id, c.reference, c.status, c.priority, c.adviser_id, c.summary, c.outcome,
  c.closure_reason, c.next_review_date, c.assets, c.vehicle_value, c.vehicle_adapted, c.homeowner,
  c.connected_to_england_or_wales, c.dro_in_last_six_years, c.bankrupt_in_last_five_years,
  c.breathing_space_in_last_year, c.mental_health_crisis, c.opened_at, c.closed_at, c.created_at,
  c.updated_at, cl.first_name, cl.last_name
  FROM cases c JOIN clients cl ON cl.id = c.client_id
  WHERE c.centre_id = :centre ORDER BY c.opened_at DESC, c.id DESC LIMIT :limit;

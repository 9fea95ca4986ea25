-- POST /api/v1/cases as a centre's adviser for one of the centre's clients, with the body
-- bench/casework/create-case.lua sends (server/src/app/cases/open_case.cpp): in one transaction, the
-- client (kFindClientInCentre), the centre (kFindCentreInScope), the adviser, who is the caller
-- (kFindUserInCentre), the next case reference of the year (kNextReference), the case (kInsertCase)
-- and its audit entry. The client is drawn from bench_pool_clients, the pool the wrk script draws from;
-- that lookup is folded into the first query. Variables (pgbench -D): uid, centre, code, client_pool,
-- year (UTC, e.g. 2026), series (case-<year>), now (an RFC 3339 time).
-- In the audit entry's JSON, "before": null has a space the server does not write: without it pgbench
-- would take :null for a variable.
\set i random(1, :client_pool)
-- Every request first loads the signed-in user (server/src/store/identity/queries.hpp kFindActiveUser).
SELECT u.id, u.centre_id, u.email, u.first_name, u.last_name, u.role, u.status, u.password_hash,
  u.last_login_at, u.created_at, u.updated_at FROM users u JOIN centres c ON c.id = u.centre_id
  WHERE u.id = :uid AND u.status = 'active' AND c.status = 'active';
BEGIN;
SELECT id, centre_id, reference, title, first_name, last_name, date_of_birth, ni_number, phone, mobile, email,
  address_line1, address_line2, town, postcode, adults, children_ages, marital_status, employment_status,
  housing_tenure, vulnerability_flags, vulnerability_consent_at, data_sharing_consent, data_sharing_consent_at,
  preferred_contact, language, status, deleted_at, created_at, updated_at
  FROM clients WHERE id = (SELECT id FROM bench_pool_clients WHERE n = :i) AND centre_id = :centre
  AND status = 'active' \gset cl_
SELECT id, name, code, address, contact_email, contact_phone, status, settings, created_at, updated_at
  FROM centres WHERE id = :centre AND id = :centre;
SELECT id, centre_id, email, first_name, last_name, role, status, password_hash, last_login_at, created_at,
  updated_at FROM users WHERE id = :uid AND centre_id = :centre;
INSERT INTO reference_counters (centre_id, series, last_value) VALUES (:centre, :series, 1)
  ON CONFLICT (centre_id, series) DO UPDATE SET last_value = reference_counters.last_value + 1
  RETURNING last_value \gset r_
INSERT INTO cases (id, centre_id, client_id, reference, status, priority, adviser_id, summary, outcome,
  closure_reason, next_review_date, assets, vehicle_value, vehicle_adapted, homeowner,
  connected_to_england_or_wales, dro_in_last_six_years, bankrupt_in_last_five_years,
  breathing_space_in_last_year, mental_health_crisis, opened_at, closed_at, created_at, updated_at)
VALUES (bench_uuid7(), :centre, :cl_id, :code || '-' || :year || '-' || lpad(CAST(:r_last_value AS TEXT), 5, '0'),
  'open', 'normal', :uid, 'Rent and council tax arrears', '', '', '', 0, 0, 0,
  CASE WHEN :cl_housing_tenure IN ('owner', 'mortgage') THEN 1 ELSE 0 END, 1, 0, 0, 0, 0, :now, '', :now, :now)
RETURNING id \gset new_
-- append_audit (server/src/app/audit/audit_log.cpp, server/src/store/audit/queries.hpp): the centre's
-- chain head is created if missing and locked, the entry inserted, the head moved. The server computes
-- the entry's SHA-256 itself; here a constant of the same length stands in for it.
INSERT INTO audit_heads (chain, seq, hash) VALUES (:centre, 0, '') ON CONFLICT (chain) DO NOTHING;
SELECT seq, hash FROM audit_heads WHERE chain = :centre FOR UPDATE \gset h_
\set seq :h_seq + 1
INSERT INTO audit_log (id, chain, seq, at, actor_user_id, action, entity_type, entity_id, changes, request_id,
  ip, user_agent, prev_hash, hash) VALUES (bench_uuid7(), :centre, :seq, :now, :uid, 'case.open', 'case',
  :new_id, '{"clientId":{"before": null,"after":"019fa3d9-c44a-7579-bb69-8bce72c27574"},"reference":{"before": null,"after":"MAN-2026-00154"},"status":{"before": null,"after":"open"},"priority":{"before": null,"after":"normal"},"adviserId":{"before": null,"after":"01a22cd1-1af1-7200-8cca-707c37435a4a"},"summary":{"before": null,"after":"Rent and council tax arrears"},"assets":{"before": null,"after":"0"},"vehicleValue":{"before": null,"after":"0"},"vehicleAdapted":{"before": null,"after":"false"},"homeowner":{"before": null,"after":"false"},"connectedToEnglandOrWales":{"before": null,"after":"true"},"droInLastSixYears":{"before": null,"after":"false"},"bankruptInLastFiveYears":{"before": null,"after":"false"},"breathingSpaceInLastYear":{"before": null,"after":"false"},"mentalHealthCrisis":{"before": null,"after":"false"},"openedAt":{"before": null,"after":"2026-11-30T14:17:18.092066Z"}}',
  '3de8cad8b4a1aa6603de8018', '127.0.0.1', '', :h_hash, '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08');
UPDATE audit_heads SET seq = :seq, hash = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' WHERE chain = :centre;
COMMIT;

-- POST /api/v1/clients as a centre's adviser, with the body bench/casework/create-client.lua sends
-- (server/src/app/clients/create_client.cpp): in one transaction, the centre (kFindCentreInScope), the
-- next client reference (kNextReference), the client (kInsertClient) and its audit entry.
-- Ids are UUIDv7 like the server's, from bench_uuid7() (made by casework.sh). Where the server fills in
-- values it computed (reference, sort_name, search_text, the audit entry's change list) this builds the
-- same values in SQL. Variables (pgbench -D): uid, centre, code (the centre's), now (an RFC 3339 time).
-- In the audit entry's JSON, "before": null has a space the server does not write: without it pgbench
-- would take :null for a variable.
\set f random(1, 12)
\set l random(1, 12)
-- Every request first loads the signed-in user (server/src/store/identity/queries.hpp kFindActiveUser).
SELECT u.id, u.centre_id, u.email, u.first_name, u.last_name, u.role, u.status, u.password_hash,
  u.last_login_at, u.created_at, u.updated_at FROM users u JOIN centres c ON c.id = u.centre_id
  WHERE u.id = :uid AND u.status = 'active' AND c.status = 'active';
BEGIN;
SELECT id, name, code, address, contact_email, contact_phone, status, settings, created_at, updated_at
  FROM centres WHERE id = :centre AND id = :centre;
INSERT INTO reference_counters (centre_id, series, last_value) VALUES (:centre, 'client', 1)
  ON CONFLICT (centre_id, series) DO UPDATE SET last_value = reference_counters.last_value + 1
  RETURNING last_value \gset r_
INSERT INTO clients (id, centre_id, reference, title, first_name, last_name, date_of_birth, ni_number, phone, mobile, email,
  address_line1, address_line2, town, postcode, adults, children_ages, marital_status, employment_status,
  housing_tenure, vulnerability_flags, vulnerability_consent_at, data_sharing_consent, data_sharing_consent_at,
  preferred_contact, language, status, deleted_at, created_at, updated_at, sort_name, search_text)
SELECT bench_uuid7(), :centre, v.ref, 'Ms', v.first, v.last, '1980-04-12', '', '', '07700 900123', '',
  '1 Station Road', '', 'Manchester', 'M14 5AB', 1, '', '', '', 'private_rent', '', '', 1, :now, 'mobile', '',
  'active', '', :now, :now, lower(v.last) || ', ' || lower(v.first),
  lower(v.first) || ' ' || lower(v.last) || ' | ' || lower(v.ref) || ' | m14 5ab m145ab'
FROM (SELECT (ARRAY['Olivia', 'Amelia', 'Isla', 'Noah', 'Oliver', 'George', 'Aisha', 'Priya', 'Tomasz', 'Siobhan',
  'Callum', 'Fatima'])[:f] AS first, (ARRAY['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Patel', 'Khan',
  'Nowak', 'Okafor', 'Hughes', 'Walker', 'Evans'])[:l] AS last,
  :code || '-C-' || lpad(CAST(:r_last_value AS TEXT), 5, '0') AS ref) v
RETURNING id \gset new_
-- append_audit (server/src/app/audit/audit_log.cpp, server/src/store/audit/queries.hpp): the centre's
-- chain head is created if missing and locked, the entry inserted, the head moved. The server computes
-- the entry's SHA-256 itself; here a constant of the same length stands in for it.
INSERT INTO audit_heads (chain, seq, hash) VALUES (:centre, 0, '') ON CONFLICT (chain) DO NOTHING;
SELECT seq, hash FROM audit_heads WHERE chain = :centre FOR UPDATE \gset h_
\set seq :h_seq + 1
INSERT INTO audit_log (id, chain, seq, at, actor_user_id, action, entity_type, entity_id, changes, request_id,
  ip, user_agent, prev_hash, hash) VALUES (bench_uuid7(), :centre, :seq, :now, :uid, 'client.create', 'client',
  :new_id, '{"reference":{"before": null,"after":"MAN-C-00301"},"title":{"before": null,"after":"Ms"},"firstName":{"before": null,"after":"Olivia"},"lastName":{"before": null,"after":"Smith"},"dateOfBirth":{"before": null,"after":"1980-04-12"},"mobile":{"before": null,"after":"07700 900123"},"addressLine1":{"before": null,"after":"1 Station Road"},"town":{"before": null,"after":"Manchester"},"postcode":{"before": null,"after":"M14 5AB"},"adults":{"before": null,"after":"1"},"housingTenure":{"before": null,"after":"private_rent"},"preferredContact":{"before": null,"after":"mobile"},"dataSharingConsent":{"before": null,"after":"true"},"status":{"before": null,"after":"active"}}',
  '3de8cad8b4a1aa6603de8018', '127.0.0.1', '', :h_hash, '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08');
UPDATE audit_heads SET seq = :seq, hash = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' WHERE chain = :centre;
COMMIT;

-- GET /api/v1/clients?q=<text>&limit=50 as a centre's adviser (server/src/store/clients/queries.hpp
-- kSearchClientsInCentre; the pattern is %<lower-case text>%, LIKE wildcards escaped with !).
-- Variables (pgbench -D): uid, centre, pattern (e.g. %smi%).
\set limit 51
-- Every request first loads the signed-in user (server/src/store/identity/queries.hpp kFindActiveUser).
SELECT u.id, u.centre_id, u.email, u.first_name, u.last_name, u.role, u.status, u.password_hash,
  u.last_login_at, u.created_at, u.updated_at FROM users u JOIN centres c ON c.id = u.centre_id
  WHERE u.id = :uid AND u.status = 'active' AND c.status = 'active';
SELECT id, centre_id, reference, title, first_name, last_name, date_of_birth, ni_number, phone, mobile, email,
  address_line1, address_line2, town, postcode, adults, children_ages, marital_status, employment_status,
  housing_tenure, vulnerability_flags, vulnerability_consent_at, data_sharing_consent, data_sharing_consent_at,
  preferred_contact, language, status, deleted_at, created_at, updated_at
  FROM clients WHERE id IN (SELECT id FROM clients
  WHERE centre_id = :centre AND status = 'active' AND search_text LIKE :pattern ESCAPE '!'
  AND (sort_name, id) > ('', '') ORDER BY sort_name, id LIMIT :limit) ORDER BY sort_name, id;

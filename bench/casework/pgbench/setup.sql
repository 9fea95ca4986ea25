-- Objects the pgbench scripts need, made in the benchmark's throwaway database after the data is
-- generated: psql -v centre=<centre id> -v pool=<ids per pool> -f setup.sql
-- bench_pool_cases and bench_pool_clients hold the ids the wrk scripts draw from (the same rows, numbered
-- 1..n): a sample of the centre's cases and clients, ordered by the random tail of their ids.
CREATE TABLE bench_pool_cases AS
  SELECT row_number() OVER (ORDER BY id) AS n, id FROM
    (SELECT id FROM cases WHERE centre_id = :'centre' ORDER BY substr(id, 25), id LIMIT :pool) s;
ALTER TABLE bench_pool_cases ADD PRIMARY KEY (n);
CREATE TABLE bench_pool_clients AS
  SELECT row_number() OVER (ORDER BY id) AS n, id FROM
    (SELECT id FROM clients WHERE centre_id = :'centre' AND status = 'active' ORDER BY substr(id, 25), id LIMIT :pool) s;
ALTER TABLE bench_pool_clients ADD PRIMARY KEY (n);
ANALYZE bench_pool_cases, bench_pool_clients;
-- A UUIDv7 as text, as the server makes ids: 48 bits of milliseconds, then random bits.
CREATE FUNCTION bench_uuid7() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(r, 16, 3) || '-' || substr(r, 20, 17)
  FROM (SELECT lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') AS h,
               gen_random_uuid()::text AS r) x
$$;

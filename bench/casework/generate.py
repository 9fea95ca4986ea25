#!/usr/bin/env python3
"""Emits SQL that fills a migrated CMA database with casework for the load scenarios.

    bench/casework/generate.py --dialect postgresql --cases 1000000 --centres 100 | psql -v ON_ERROR_STOP=1 ...
    bench/casework/generate.py --dialect sqlite --cases 10000 --centres 2 | sqlite3 cma.db

The database must hold the demo network (`cma seed-demo`, or `cma serve --demo` once) and no casework
yet. The demo centres MAN and LDS stay centres 0 and 1 and get their share of the data, so the demo
logins keep working and see it; centres 2.. are added (codes B002, B003, ...) with one adviser each,
advisor.<code>@example.org, whose password is advisor.man@example.org's.

Every row is built by set-based INSERT ... SELECT over a number series (generate_series on
PostgreSQL, a recursive CTE on SQLite), in one transaction. Values are pseudo-random but
deterministic: a function of the row's ordinal and a per-column salt, computed in SQL with integer
arithmetic that gives the same answers on both databases. Ids are UUIDv7-shaped, as the server makes
them: the first 48 bits are the row's creation time in milliseconds, the rest depend on the ordinal.

Shape: cases over two years up to a few hours before now, case n in centre n % CENTRES; one client per
case for the first 90% of cases, the rest are a second case for an earlier client of the same
centre; 3-5 debts per case of varied types and creditors; one initial budget per case with 8 lines
(9 when there are children); reference counters set so that new references continue after these.
On PostgreSQL the secondary indexes of the loaded tables are dropped during the load and rebuilt from
their own definitions afterwards, and foreign-key triggers are skipped
(session_replication_role = replica, so psql must connect as a superuser, as bench/casework.sh does on
its throwaway cluster): the data is consistent by construction.
"""

import argparse
import hashlib
import re
import sys
import time

P = 2147483647  # 2^31 - 1, prime: x -> (x * M + A) % P is a bijection on 0 .. P-1


def salt_constants(salt):
    digest = hashlib.sha256(salt.encode()).digest()
    m = 1_000_000_007 + int.from_bytes(digest[:4], "big") % 1_000_000_000
    a = int.from_bytes(digest[4:8], "big") % P
    return m, a


def lin(expr, salt):
    """A bijective scramble of a non-negative ordinal below P: unique per ordinal (used in ids)."""
    m, a = salt_constants(salt)
    return f"((({expr}) * {m} + {a}) % {P})"


def rnd(expr, salt, k):
    """A pseudo-random integer 0 .. k-1 from an ordinal (squared, so salts do not move in step)."""
    x = lin(expr, salt)
    return f"((({x} * {x}) % {P}) % {k})"


def sql_str(s):
    return "'" + s.replace("'", "''") + "'"


def pick(index_expr, values):
    whens = " ".join(f"WHEN {i} THEN {sql_str(v)}" for i, v in enumerate(values[:-1]))
    return f"(CASE {index_expr} {whens} ELSE {sql_str(values[-1])} END)"


def pick_random(ordinal, salt, values):
    return pick(rnd(ordinal, salt, len(values)), values)


def weighted(pairs):
    out = []
    for value, weight in pairs:
        out.extend([value] * weight)
    return out


class Dialect:
    def __init__(self, name):
        self.pg = name == "postgresql"

    def text(self, expr):
        return f"CAST({expr} AS TEXT)"

    def hexpad(self, expr, width):
        if self.pg:
            return f"lpad(to_hex({expr}), {width}, '0')"
        return f"printf('%0{width}x', {expr})"

    def pad(self, expr, width):
        """Decimal, zero-padded to at least `width` digits (never cut)."""
        if self.pg:
            return f"lpad(CAST({expr} AS TEXT), greatest({width}, length(CAST({expr} AS TEXT))), '0')"
        return f"printf('%0{width}d', {expr})"

    def ts(self, us):
        """Microseconds since the epoch as the server writes times: 2026-11-25T03:08:09.123456Z."""
        if self.pg:
            return (f"to_char(TIMESTAMP '1970-01-01 00:00:00' + ({us}) * INTERVAL '1 microsecond', "
                    "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
        return f"(strftime('%Y-%m-%dT%H:%M:%S', ({us}) / 1000000, 'unixepoch') || printf('.%06dZ', ({us}) % 1000000))"

    def least(self, a, b):
        return f"least({a}, {b})" if self.pg else f"min({a}, {b})"

    def series(self, alias, lo, hi):
        """Rows alias.n = lo .. hi (none when hi < lo), as a FROM item."""
        if self.pg:
            return f"generate_series(CAST({lo} AS BIGINT), {hi}) AS {alias}(n)"
        return (f"(WITH RECURSIVE s(n) AS (SELECT {lo} WHERE {lo} <= {hi} UNION ALL SELECT n + 1 FROM s "
                f"WHERE n < {hi}) SELECT n FROM s) AS {alias}")

    def per_stage_row(self, count, most):
        """FROM and the rest for rows (s, j), j = 0 .. count - 1 (count <= most) for each case_stage row
        s, in the order of s then j. case_stage is stored in case order, so on PostgreSQL a lateral
        series keeps that order without a sort (the ids then arrive in ascending order); SQLite sorts."""
        if self.pg:
            return f"FROM case_stage s CROSS JOIN LATERAL generate_series(CAST(0 AS BIGINT), {count} - 1) AS j(j)"
        rows = " UNION ALL ".join(f"SELECT {i} AS j" for i in range(most))
        return f"FROM case_stage s CROSS JOIN ({rows}) AS j WHERE j.j < {count} ORDER BY s.n, j.j"

    def in_case_order(self):
        return "" if self.pg else " ORDER BY s.n"

    def uuid7(self, ms, ordinal, salt):
        """A UUIDv7-shaped id: 48 bits of milliseconds, then bits unique per ordinal."""
        h = self.hexpad(ms, 12)
        rand_a = self.hexpad(f"{lin(ordinal, salt + ':a')} % 4096", 3)
        rand_b = self.hexpad(f"32768 + {lin(ordinal, salt + ':b')} % 16384", 4)
        rand_c = self.hexpad(f"{lin(ordinal, salt + ':c')} * 131072 + {lin(ordinal, salt + ':d')} % 131072", 12)
        return (f"(substr({h}, 1, 8) || '-' || substr({h}, 9, 4) || '-7' || {rand_a} || '-' || {rand_b} || '-' || "
                f"{rand_c})")


FIRST_NAMES = ["Olivia", "Amelia", "Isla", "Ava", "Mia", "Grace", "Sophia", "Lily", "Freya", "Emily", "Ella",
               "Poppy", "Jessica", "Chloe", "Sarah", "Karen", "Julie", "Michelle", "Noah", "Oliver", "George",
               "Arthur", "Muhammad", "Leo", "Harry", "Oscar", "Jack", "Charlie", "Thomas", "James", "David",
               "Paul", "Mark", "Daniel", "Aisha", "Priya", "Kwame", "Tomasz", "Zofia", "Siobhan", "Dylan", "Rhys",
               "Niamh", "Callum", "Fatima", "Bilal", "Agnieszka", "Ewan"]
LAST_NAMES = weighted([("Smith", 4), ("Jones", 3), ("Williams", 2), ("Taylor", 2), ("Brown", 2), ("Davies", 2),
                       ("Evans", 1), ("Wilson", 1), ("Thomas", 1), ("Johnson", 1), ("Roberts", 1), ("Robinson", 1),
                       ("Thompson", 1), ("Wright", 1), ("Walker", 1), ("White", 1), ("Edwards", 1), ("Hughes", 1),
                       ("Green", 1), ("Hall", 1), ("Lewis", 1), ("Harris", 1), ("Clarke", 1), ("Patel", 2),
                       ("Jackson", 1), ("Wood", 1), ("Turner", 1), ("Martin", 1), ("Cooper", 1), ("Hill", 1),
                       ("Ward", 1), ("Morris", 1), ("Moore", 1), ("Clark", 1), ("Lee", 1), ("King", 1), ("Baker", 1),
                       ("Harrison", 1), ("Morgan", 1), ("Allen", 1), ("James", 1), ("Scott", 1), ("Phillips", 1),
                       ("Watson", 1), ("Davis", 1), ("Parker", 1), ("Price", 1), ("Bennett", 1), ("Young", 1),
                       ("Griffiths", 1), ("Mitchell", 1), ("Kelly", 1), ("Cook", 1), ("Carter", 1), ("Richardson", 1),
                       ("Bailey", 1), ("Collins", 1), ("Bell", 1), ("Shaw", 1), ("Murphy", 1), ("Miller", 1),
                       ("Cox", 1), ("Richards", 1), ("Khan", 2), ("Ali", 1), ("Hussain", 1), ("Begum", 1),
                       ("Nowak", 1), ("Kowalski", 1), ("Okafor", 1), ("O'Brien", 1), ("Campbell", 1), ("Stewart", 1)])
STREETS = ["Station Road", "Church Street", "Victoria Road", "Green Lane", "Manor Road", "Park Avenue", "Mill Lane",
           "King Street", "Queens Road", "New Street", "High Street", "School Lane", "The Crescent", "Albert Road",
           "Grange Road", "North Street", "Springfield Road", "Windsor Avenue", "Oak Avenue", "Chapel Street"]
# (town, outward code)
PLACES = [("Manchester", "M14"), ("Manchester", "M13"), ("Manchester", "M40"), ("Salford", "M6"),
          ("Stockport", "SK4"), ("Oldham", "OL8"), ("Bolton", "BL3"), ("Rochdale", "OL11"), ("Wigan", "WN5"),
          ("Leeds", "LS9"), ("Leeds", "LS11"), ("Bradford", "BD3"), ("Wakefield", "WF1"), ("Huddersfield", "HD1"),
          ("Sheffield", "S2"), ("Liverpool", "L4"), ("Birmingham", "B10"), ("Nottingham", "NG7"),
          ("Newcastle upon Tyne", "NE6"), ("Bristol", "BS5"), ("Cardiff", "CF24"), ("London", "E13"),
          ("London", "SE15"), ("London", "N17")]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
TITLES = weighted([("Mr", 5), ("Mrs", 3), ("Ms", 3), ("Miss", 2), ("Mx", 1), ("Dr", 1)])
NI_PREFIXES = ["AB", "CE", "JG", "JK", "KM", "NP", "PR", "SH", "TW", "WL", "YZ", "EH", "HT", "LR"]
MARITAL = weighted([("single", 5), ("married", 3), ("civil_partnership", 1), ("cohabiting", 2), ("separated", 2),
                    ("divorced", 2), ("widowed", 1), ("", 2)])
EMPLOYMENT = weighted([("employed", 5), ("self_employed", 1), ("unemployed", 4), ("retired", 2), ("student", 1),
                       ("carer", 1), ("unable_to_work", 3), ("", 1)])
TENURES = weighted([("private_rent", 5), ("social_rent", 5), ("mortgage", 2), ("owner", 1),
                    ("living_with_family", 2), ("other", 1)])
FLAGS = ["mental_health", "physical_health", "bereavement", "recent_job_loss", "low_literacy", "carer",
         "domestic_abuse", "serious_illness", "limited_english", "mental_health,physical_health"]
CONTACT = weighted([("mobile", 5), ("phone", 2), ("email", 2), ("letter", 1), ("text", 1), ("", 1)])
LANGUAGES = weighted([("English", 36), ("Polish", 1), ("Urdu", 1), ("Punjabi", 1), ("Arabic", 1)])
CASE_PRIORITY = weighted([("normal", 12), ("high", 4), ("urgent", 2), ("low", 2)])
SUMMARIES = ["Referred for help with rent arrears and credit cards",
             "Council tax arrears and a bailiff letter",
             "Energy arrears after a job loss",
             "Catalogue and payday loan debts",
             "Universal Credit deductions and rent arrears",
             "Credit card debts after a relationship breakdown",
             "Priority debts after a benefit sanction",
             "Overdraft and loan repayments no longer affordable",
             ""]
OUTCOMES = ["Debt management plan set up", "Debt relief order approved", "Token payments agreed with creditors",
            "Bankruptcy petition filed", "Priority arrears cleared with a payment plan", "Advice given"]
CLOSURE = ["Advice complete", "Solution in place", "Client no longer needs help"]
CANCEL = ["Client stopped responding", "Duplicate referral", ""]
# (debt type, creditor, priority debt?)
DEBTS = [("council_tax_arrears", "Manchester City Council", 1), ("council_tax_arrears", "Leeds City Council", 1),
         ("rent_arrears", "Housing association", 1), ("rent_arrears", "Private landlord", 1),
         ("electricity_arrears", "EDF Energy", 1), ("gas_arrears", "British Gas", 1),
         ("electricity_arrears", "Octopus Energy", 1), ("mortgage_arrears", "Nationwide", 1),
         ("secured_loan_arrears", "Together Money", 1), ("magistrates_court_fine", "HM Courts and Tribunals Service", 1),
         ("court_order_enforced", "High Court enforcement", 1), ("hmrc_income_tax", "HMRC", 1),
         ("hmrc_national_insurance", "HMRC", 1), ("hmrc_vat", "HMRC", 1), ("child_maintenance_arrears", "Child Maintenance Service", 1),
         ("tv_licence", "TV Licensing", 1), ("hire_purchase_essential", "Black Horse", 1),
         ("credit_card", "Barclaycard", 0), ("credit_card", "Capital One", 0), ("credit_card", "Vanquis", 0),
         ("credit_card", "Aqua", 0), ("store_card", "Argos Card", 0), ("overdraft", "NatWest", 0),
         ("overdraft", "Lloyds Bank", 0), ("personal_loan", "Santander", 0), ("personal_loan", "Lowell", 0),
         ("payday_loan", "Lending Stream", 0), ("catalogue", "Very", 0), ("catalogue", "JD Williams", 0),
         ("buy_now_pay_later", "Klarna", 0), ("buy_now_pay_later", "Clearpay", 0),
         ("water_arrears", "United Utilities", 0), ("water_arrears", "Yorkshire Water", 0),
         ("benefit_overpayment", "DWP", 0), ("parking_charge_notice", "ParkingEye", 0),
         ("friends_and_family", "Family member", 0), ("hire_purchase", "Close Brothers", 0), ("other", "Cabot", 0)]
NOTE_TYPES = weighted([("call", 4), ("meeting", 3), ("letter", 1), ("email", 2), ("internal", 2)])
NOTE_BODIES = ["Client called about a letter from the council tax office; advised to send it in",
               "Went through the budget with the client; food and travel figures checked against statements",
               "Client confirmed the landlord has agreed to hold off while we negotiate",
               "Bailiff visit expected next week; explained their powers and what they cannot take",
               "Explained the debt relief order criteria and the fee; client wants to think about it",
               "Sent creditor letters asking for interest and charges to be frozen",
               "Client anxious about the energy arrears; discussed the supplier's hardship fund",
               "Payslips and bank statements received and checked",
               "Universal Credit deductions explained; asked DWP for a lower rate",
               "Reviewed options: debt management plan, token payments, bankruptcy"]
# One note in 2,000: the rare term of the search scenario.
RARE_NOTE = "Client wants to complain to the Financial Ombudsman about the lender's affordability checks"
TASK_TITLES = ["Chase creditor for balance", "Send budget to creditors", "Call client to review",
               "Check benefit entitlement", "Write to the council about arrears", "Prepare debt relief order application",
               "Ask for interest to be frozen", "Review the budget"]
TASK_PRIORITY = weighted([("normal", 6), ("high", 2), ("urgent", 1), ("low", 1)])
APPOINTMENT_MODES = weighted([("in_person", 3), ("phone", 3), ("video", 1)])


def fold(text):
    """The server's search words for ASCII text (domain::search_index_text): lower case, runs of
    letters and digits, each once, single spaces."""
    words = []
    for w in re.split(r"[^a-z0-9]+", text.lower()):
        if w and w not in words:
            words.append(w)
    return " ".join(words)


DEBT_STATUS = weighted([("active", 30), ("disputed", 1), ("paid", 1), ("written_off", 1)])

HOUR_US = 3_600_000_000
DAY_US = 24 * HOUR_US


def build(dialect_name, cases, centres, now_us):
    d = Dialect(dialect_name)
    pg = d.pg
    N, C = cases, centres
    M = max(C, C * ((9 * N // 10) // C))  # clients; a multiple of C, so case n's client is in n's centre
    end_us = now_us - 6 * HOUR_US
    start_us = end_us - 730 * DAY_US
    slot_us = (end_us - start_us) // N
    slot_s = max(1, slot_us // 1_000_000 - 1)
    out = []
    emit = out.append

    def opened_us(n):
        return f"({start_us} + ({n}) * {slot_us} + {rnd(n, 'opened:s', slot_s)} * 1000000 + {rnd(n, 'opened:us', 1000000)})"

    if pg:
        emit("SET synchronous_commit = off;")
        emit("SET temp_buffers = '1GB';")
        emit("SET work_mem = '256MB';")
        emit("SET maintenance_work_mem = '1GB';")
        emit("SET session_replication_role = replica;")
        emit("BEGIN;")
        emit("""DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM clients) OR EXISTS (SELECT 1 FROM cases) THEN
    RAISE EXCEPTION 'the database already holds casework: generate into a fresh one';
  END IF;
  IF (SELECT count(*) FROM centres WHERE code IN ('MAN', 'LDS')) <> 2 THEN
    RAISE EXCEPTION 'the demo network is missing: run cma seed-demo first';
  END IF;
END $$;""")
        emit("""CREATE TEMP TABLE bench_saved_indexes AS SELECT indexname, indexdef FROM pg_indexes
  WHERE schemaname = 'public' AND tablename IN ('clients', 'cases', 'debts', 'budgets', 'budget_items', 'notes', 'note_revisions',
    'tasks', 'appointments', 'search_documents', 'search_postings')
  AND indexname NOT LIKE '%\\_pkey';""")
        emit("""DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexname FROM bench_saved_indexes LOOP EXECUTE format('DROP INDEX %I', r.indexname); END LOOP;
END $$;""")
    else:
        emit("PRAGMA synchronous = OFF;")
        emit("PRAGMA temp_store = MEMORY;")
        emit("PRAGMA cache_size = -262144;")
        emit("BEGIN;")

    # Centres: the demo's two, then the generated ones, each with one adviser.
    emit("CREATE TEMP TABLE bench_centres (idx BIGINT PRIMARY KEY, id TEXT NOT NULL, code TEXT NOT NULL, "
         "adviser_id TEXT NOT NULL);")
    emit("INSERT INTO bench_centres SELECT 0, c.id, c.code, u.id FROM centres c JOIN users u "
         "ON u.email = 'advisor.man@example.org' WHERE c.code = 'MAN';")
    emit("INSERT INTO bench_centres SELECT 1, c.id, c.code, u.id FROM centres c JOIN users u "
         "ON u.email = 'advisor.lds@example.org' WHERE c.code = 'LDS';")
    if C > 2:
        centre_ms = f"({(start_us - 30 * DAY_US) // 1000} + k.n)"
        centre_time = d.ts(str(start_us - 30 * DAY_US))
        emit(f"INSERT INTO bench_centres SELECT k.n, {d.uuid7(centre_ms, 'k.n', 'centre')}, 'B' || {d.pad('k.n', 3)}, "
             f"{d.uuid7(centre_ms, 'k.n', 'user')} FROM {d.series('k', 2, C - 1)};")
        emit(f"""INSERT INTO centres (id, name, code, address, contact_email, contact_phone, status, settings, created_at,
  updated_at)
SELECT id, 'Bench Money Advice ' || code, code, idx || ' Bench Street, Manchester M1 1AA', lower(code) || '@example.org',
  '0161 496 0' || {d.pad('idx % 1000', 3)}, 'active', '{{}}', {centre_time}, {centre_time} FROM bench_centres WHERE idx >= 2;""")
        emit(f"""INSERT INTO users (id, centre_id, email, first_name, last_name, role, status, password_hash, last_login_at,
  created_at, updated_at)
SELECT b.adviser_id, b.id, 'advisor.' || lower(b.code) || '@example.org', 'Alex', 'Adviser ' || b.code, 'advisor',
  'active', u.password_hash, '', {centre_time}, {centre_time}
FROM bench_centres b JOIN users u ON u.email = 'advisor.man@example.org' WHERE b.idx >= 2;""")

    # Clients: client m is in centre m % C and first comes for case m.
    m = "s.n"
    place = rnd(m, "place", len(PLACES))
    n_children = f"(CASE WHEN {rnd(m, 'children', 10)} < 5 THEN 0 WHEN {rnd(m, 'children', 10)} < 7 THEN 1 " \
                 f"WHEN {rnd(m, 'children', 10)} < 9 THEN 2 ELSE 3 END)"
    ages = [d.text(rnd(m, f"age{i}", 18)) for i in range(3)]
    has_flags = f"({rnd(m, 'vulnerable', 4)} = 0)"
    sharing = f"(CASE WHEN {rnd(m, 'sharing', 5)} = 0 THEN 0 ELSE 1 END)"
    created_us = f"({opened_us(m)} - {HOUR_US} - {rnd(m, 'client:lead', 86400)} * 1000000)"
    emit(f"""CREATE TEMP TABLE client_stage AS
SELECT t.*, lower(t.last_name) || ', ' || lower(t.first_name) AS sort_name,
  lower(t.first_name) || ' ' || lower(t.last_name) || ' | ' || lower(t.reference) || ' | ' || lower(t.postcode) || ' ' ||
  lower(replace(t.postcode, ' ', '')) AS search_text
FROM (SELECT s.n AS m, b.id AS centre_id, b.idx AS centre_idx,
  {d.uuid7(f'{created_us} / 1000', m, 'client')} AS id,
  b.code || '-C-' || {d.pad(f'{m} / {C} + 1', 5)} AS reference,
  {pick_random(m, 'title', TITLES)} AS title,
  {pick_random(m, 'first', FIRST_NAMES)} AS first_name,
  {pick_random(m, 'last', LAST_NAMES)} AS last_name,
  {d.text(f"1945 + {rnd(m, 'dob:y', 60)}")} || '-' || {d.pad(f"1 + {rnd(m, 'dob:m', 12)}", 2)} || '-' ||
    {d.pad(f"1 + {rnd(m, 'dob:d', 28)}", 2)} AS date_of_birth,
  CASE WHEN {rnd(m, 'ni?', 10)} < 7 THEN {pick_random(m, 'ni:p', NI_PREFIXES)} || {d.pad(rnd(m, 'ni:d', 1000000), 6)} ||
    {pick_random(m, 'ni:s', ['A', 'B', 'C', 'D'])} ELSE '' END AS ni_number,
  CASE WHEN {rnd(m, 'phone?', 4)} = 0 THEN '0161 496 0' || {d.pad(rnd(m, 'phone', 1000), 3)} ELSE '' END AS phone,
  CASE WHEN {rnd(m, 'mobile?', 10)} < 8 THEN '07700 900' || {d.pad(rnd(m, 'mobile', 1000), 3)} ELSE '' END AS mobile,
  {d.text(f"1 + {rnd(m, 'house', 180)}")} || ' ' || {pick_random(m, 'street', STREETS)} AS address_line1,
  CASE WHEN {rnd(m, 'line2?', 8)} = 0 THEN 'Flat ' || {d.text(f"1 + {rnd(m, 'flat', 40)}")} ELSE '' END AS address_line2,
  {pick(place, [p[0] for p in PLACES])} AS town,
  {pick(place, [p[1] for p in PLACES])} || ' ' || {d.text(rnd(m, 'in:d', 10))} ||
    substr('{INWARD_LETTERS}', CAST(1 + {rnd(m, 'in:a', len(INWARD_LETTERS))} AS INTEGER), 1) ||
    substr('{INWARD_LETTERS}', CAST(1 + {rnd(m, 'in:b', len(INWARD_LETTERS))} AS INTEGER), 1) AS postcode,
  1 + {rnd(m, 'adults', 2)} AS adults,
  {n_children} AS children,
  CASE {n_children} WHEN 0 THEN '' WHEN 1 THEN {ages[0]} WHEN 2 THEN {ages[0]} || ',' || {ages[1]}
    ELSE {ages[0]} || ',' || {ages[1]} || ',' || {ages[2]} END AS children_ages,
  {pick_random(m, 'marital', MARITAL)} AS marital_status,
  {pick_random(m, 'employment', EMPLOYMENT)} AS employment_status,
  {pick_random(m, 'tenure', TENURES)} AS housing_tenure,
  CASE WHEN {has_flags} THEN {pick_random(m, 'flags', FLAGS)} ELSE '' END AS vulnerability_flags,
  CASE WHEN {has_flags} THEN {d.ts(created_us)} ELSE '' END AS vulnerability_consent_at,
  {sharing} AS data_sharing_consent,
  CASE WHEN {sharing} = 1 THEN {d.ts(created_us)} ELSE '' END AS data_sharing_consent_at,
  {pick_random(m, 'contact', CONTACT)} AS preferred_contact,
  {pick_random(m, 'language', LANGUAGES)} AS language,
  {d.ts(created_us)} AS created_at
FROM {d.series('s', 0, M - 1)} JOIN bench_centres b ON b.idx = s.n % {C}) t;""")
    emit("""INSERT INTO clients (id, centre_id, reference, title, first_name, last_name, date_of_birth, ni_number, phone,
  mobile, email, address_line1, address_line2, town, postcode, adults, children_ages, marital_status, employment_status,
  housing_tenure, vulnerability_flags, vulnerability_consent_at, data_sharing_consent, data_sharing_consent_at,
  preferred_contact, language, sort_name, search_text, status, deleted_at, created_at, updated_at)
SELECT id, centre_id, reference, title, first_name, last_name, date_of_birth, ni_number, phone, mobile,
  CASE WHEN m % 2 = 0 THEN lower(replace(first_name, '''', '')) || '.' || lower(replace(last_name, '''', '')) || m ||
    '@example.com' ELSE '' END,
  address_line1, address_line2, town, postcode, adults, children_ages, marital_status, employment_status,
  housing_tenure, vulnerability_flags, vulnerability_consent_at, data_sharing_consent, data_sharing_consent_at,
  preferred_contact, language, sort_name, search_text, 'active', '', created_at, created_at
FROM client_stage ORDER BY m;""")
    if not pg:
        emit("CREATE UNIQUE INDEX client_stage_m ON client_stage (m);")

    # Cases: case n is in centre n % C, opened in the n-th slot of the two years; the newest 15% are
    # mostly still open, older ones mostly finished.
    n = "s.n"
    recent = f"({n} >= {N * 85 // 100})"
    r_status = rnd(n, "status", 100)
    status = (f"(CASE WHEN {recent} THEN (CASE WHEN {r_status} < 45 THEN 'open' WHEN {r_status} < 85 THEN 'in_progress' "
              f"WHEN {r_status} < 92 THEN 'closed' WHEN {r_status} < 96 THEN 'referred' ELSE 'cancelled' END) "
              f"ELSE (CASE WHEN {r_status} < 12 THEN 'open' WHEN {r_status} < 30 THEN 'in_progress' "
              f"WHEN {r_status} < 80 THEN 'closed' WHEN {r_status} < 90 THEN 'referred' ELSE 'cancelled' END) END)")
    emit(f"""CREATE TEMP TABLE case_stage AS
SELECT t.*, row_number() OVER (PARTITION BY t.centre_idx, t.year ORDER BY t.n) AS seq,
  {d.uuid7('t.opened_us / 1000', 't.n', 'case')} AS case_id,
  {d.uuid7(f't.opened_us / 1000 + {HOUR_US // 1000}', 't.n', 'budget')} AS budget_id FROM (
SELECT u.*, substr({d.ts('u.opened_us')}, 1, 4) AS year FROM (
SELECT s.n AS n, b.idx AS centre_idx, b.id AS centre_id, b.code AS code, cs.id AS client_id, cs.adults AS adults,
  cs.children AS children, cs.housing_tenure AS housing_tenure,
  {opened_us(n)} AS opened_us,
  {status} AS status,
  CASE WHEN {rnd(n, 'unassigned', 20)} = 0 THEN '' ELSE b.adviser_id END AS adviser_id,
  b.adviser_id AS centre_adviser_id
FROM {d.series('s', 0, N - 1)} JOIN bench_centres b ON b.idx = s.n % {C}
  JOIN client_stage cs ON cs.m = (CASE WHEN s.n < {M} THEN s.n ELSE (s.n - {M}) % {M} END)) u) t
ORDER BY t.n;""")
    final = "(s.status IN ('closed', 'referred', 'cancelled'))"
    closed_us = d.least(f"s.opened_us + {DAY_US} + {rnd('s.n', 'closed', 150)} * {DAY_US} + {rnd('s.n', 'closed:s', 86400)} * 1000000",
                        str(end_us))
    emit(f"""INSERT INTO cases (id, centre_id, client_id, reference, status, priority, adviser_id, summary, outcome,
  closure_reason, next_review_date, assets, vehicle_value, vehicle_adapted, homeowner, connected_to_england_or_wales,
  dro_in_last_six_years, bankrupt_in_last_five_years, breathing_space_in_last_year, mental_health_crisis, opened_at,
  closed_at, created_at, updated_at)
SELECT s.case_id, s.centre_id, s.client_id,
  s.code || '-' || s.year || '-' || {d.pad('s.seq', 5)}, s.status, {pick_random('s.n', 'priority', CASE_PRIORITY)},
  s.adviser_id, {pick_random('s.n', 'summary', SUMMARIES)},
  CASE WHEN s.status = 'closed' THEN {pick_random('s.n', 'outcome', OUTCOMES)} ELSE '' END,
  CASE WHEN s.status = 'closed' THEN {pick_random('s.n', 'closure', CLOSURE)}
    WHEN s.status = 'cancelled' THEN {pick_random('s.n', 'cancel', CANCEL)} ELSE '' END,
  CASE WHEN {final} THEN '' ELSE substr({d.ts(f's.opened_us + {28 * DAY_US}')}, 1, 10) END,
  {rnd('s.n', 'assets', 4)} * 25000,
  CASE WHEN {rnd('s.n', 'vehicle?', 2)} = 0 THEN 0 ELSE (50 + {rnd('s.n', 'vehicle', 551)}) * 1000 END,
  CASE WHEN {rnd('s.n', 'adapted', 50)} = 0 THEN 1 ELSE 0 END,
  CASE WHEN s.housing_tenure IN ('owner', 'mortgage') THEN 1 ELSE 0 END,
  CASE WHEN {rnd('s.n', 'connected', 100)} = 0 THEN 0 ELSE 1 END,
  CASE WHEN {rnd('s.n', 'dro', 30)} = 0 THEN 1 ELSE 0 END,
  CASE WHEN {rnd('s.n', 'bankrupt', 100)} = 0 THEN 1 ELSE 0 END,
  CASE WHEN {rnd('s.n', 'breathing', 20)} = 0 THEN 1 ELSE 0 END,
  CASE WHEN {rnd('s.n', 'crisis', 50)} = 0 THEN 1 ELSE 0 END,
  {d.ts('s.opened_us')},
  CASE WHEN {final} THEN {d.ts(closed_us)} ELSE '' END,
  {d.ts('s.opened_us')},
  CASE WHEN {final} THEN {d.ts(closed_us)} ELSE {d.ts('s.opened_us')} END
FROM case_stage s{d.in_case_order()};""")

    # Debts: 3 to 5 per case, added in the hour after the case was opened.
    dn = "(s.n * 5 + j.j)"
    pair = rnd(dn, "debt", len(DEBTS))
    balance = f"((100 + {rnd(dn, 'balance', 11901)}) * 100)"
    debt_us = f"(s.opened_us + (j.j + 1) * 600000000 + {rnd(dn, 'debt:s', 600)} * 1000000)"
    emit(f"""INSERT INTO debts (id, centre_id, case_id, creditor, debt_type, account_reference, balance, arrears,
  contractual_payment, offered_payment, interest_frozen, priority_override, priority_reason, status, created_at,
  updated_at)
SELECT {d.uuid7(f'{debt_us} / 1000', dn, 'debt')}, s.centre_id, s.case_id,
  {pick(pair, [x[1] for x in DEBTS])}, {pick(pair, [x[0] for x in DEBTS])},
  CASE WHEN {rnd(dn, 'account?', 10)} = 0 THEN '' ELSE {d.text(f"10000000 + {rnd(dn, 'account', 89999999)}")} END,
  {balance},
  CASE WHEN {pick(pair, [str(x[2]) for x in DEBTS])} = '1' THEN {balance} / (1 + {rnd(dn, 'arrears', 4)}) ELSE 0 END,
  (10 + {rnd(dn, 'contractual', 241)}) * 100, 0,
  CASE WHEN {rnd(dn, 'frozen', 3)} = 0 THEN 1 ELSE 0 END, '', '',
  {pick_random(dn, 'debt:status', DEBT_STATUS)}, {d.ts(debt_us)}, {d.ts(debt_us)}
{d.per_stage_row(f"3 + {rnd('s.n', 'debts', 3)}", 5)};""")

    # Budgets: one initial version per case, saved an hour after opening, with 8 lines (9 with children).
    budget_us = f"(s.opened_us + {HOUR_US})"
    emit(f"""INSERT INTO budgets (id, centre_id, case_id, version, kind, adults, children, notes, created_by, created_at)
SELECT s.budget_id, s.centre_id, s.case_id, 1, 'initial', s.adults, s.children,
  CASE WHEN {rnd('s.n', 'notes', 5)} = 0 THEN 'Figures from bank statements' ELSE '' END,
  CASE WHEN s.adviser_id = '' THEN s.centre_adviser_id ELSE s.adviser_id END, {d.ts(budget_us)}
FROM case_stage s{d.in_case_order()};""")
    bn = "(s.n * 9 + j.j)"
    lines = [  # (section, category, amount in pence, frequency)
        ("income", f"CASE WHEN {rnd('s.n', 'income', 2)} = 0 THEN 'wages' ELSE 'universal_credit' END",
         f"(900 + {rnd(bn, 'amount', 1501)}) * 100", "monthly"),
        ("fixed_costs", "'rent'", f"(450 + {rnd(bn, 'amount', 651)}) * 100", "monthly"),
        ("fixed_costs", "'council_tax'", f"(1200 + {rnd(bn, 'amount', 1201)}) * 100", "annual"),
        ("fixed_costs", "'electricity'", f"(60 + {rnd(bn, 'amount', 81)}) * 100", "monthly"),
        ("fixed_costs", "'water'", f"(25 + {rnd(bn, 'amount', 26)}) * 100", "monthly"),
        ("flexible_costs", "'food_and_housekeeping'", f"(50 + {rnd(bn, 'amount', 61)}) * 100", "weekly"),
        ("flexible_costs", "'communications_and_leisure'", f"(40 + {rnd(bn, 'amount', 71)}) * 100", "monthly"),
        ("flexible_costs", "'personal_costs'", f"(30 + {rnd(bn, 'amount', 61)}) * 100", "monthly"),
        ("income", "'child_benefit'", "10240", "four_weekly"),
    ]
    case_of = lambda i: "CASE j.j " + " ".join(f"WHEN {k} THEN {v[i]}" for k, v in enumerate(lines[:-1])) + \
        f" ELSE {lines[-1][i]} END"
    section = "CASE j.j " + " ".join(f"WHEN {k} THEN '{v[0]}'" for k, v in enumerate(lines[:-1])) + \
        f" ELSE '{lines[-1][0]}' END"
    frequency = "CASE j.j " + " ".join(f"WHEN {k} THEN '{v[3]}'" for k, v in enumerate(lines[:-1])) + \
        f" ELSE '{lines[-1][3]}' END"
    emit(f"""INSERT INTO budget_items (id, centre_id, budget_id, position, section, category, label, amount, frequency)
SELECT {d.uuid7(f'{budget_us} / 1000', bn, 'budget_item')}, s.centre_id, s.budget_id, j.j, {section}, {case_of(1)}, '',
  {case_of(2)}, {frequency}
{d.per_stage_row("(CASE WHEN s.children > 0 THEN 9 ELSE 8 END)", 9)};""")

    author = "(CASE WHEN s.adviser_id = '' THEN s.centre_adviser_id ELSE s.adviser_id END)"
    open_case = "(s.status IN ('open', 'in_progress'))"

    # Notes: one or two per case on the days after it opened (none later than the generation's end),
    # by the case's adviser, each with its first revision; one in ten first notes pinned.
    nn = "(s.n * 2 + j.j)"
    note_us = d.least(f"s.opened_us + (j.j + 1) * {DAY_US} + {rnd(nn, 'note:s', 28800)} * 1000000", str(end_us))
    emit(f"""INSERT INTO notes (id, centre_id, case_id, note_type, body, pinned, author_id, revision, edited_by,
  created_at, updated_at)
SELECT {d.uuid7(f'{note_us} / 1000', nn, 'note')}, s.centre_id, s.case_id, {pick_random(nn, 'note:type', NOTE_TYPES)},
  CASE WHEN {rnd(nn, 'note:rare', 2000)} = 0 THEN {sql_str(RARE_NOTE)} ELSE {pick_random(nn, 'note:body', NOTE_BODIES)} END,
  CASE WHEN j.j = 0 AND {rnd('s.n', 'note:pin', 10)} = 0 THEN 1 ELSE 0 END, {author}, 1, {author},
  {d.ts(note_us)}, {d.ts(note_us)}
{d.per_stage_row(f"1 + {rnd('s.n', 'notes#', 2)}", 2)};""")
    emit("""INSERT INTO note_revisions (note_id, centre_id, revision, note_type, body, edited_by, edited_at)
SELECT id, centre_id, 1, note_type, body, edited_by, created_at FROM notes;""")

    # Tasks: one per case for its adviser. An open or in-progress case's task is open and due from
    # 20 days ago to 40 days ahead (so some are overdue and some due today); a finished case's is done.
    task_us = f"(s.opened_us + {HOUR_US})"
    due_shift = f"({rnd('s.n', 'task:due', 61)} - 20) * {DAY_US}"
    due_open = f"substr({d.ts(f'{end_us} + {due_shift}')}, 1, 10)"
    done_us = d.least(f"s.opened_us + {rnd('s.n', 'task:done', 14)} * {DAY_US} + {2 * HOUR_US}", str(end_us))
    emit(f"""INSERT INTO tasks (id, centre_id, case_id, title, details, assignee_id, due_date, priority, status,
  created_by, completed_by, completed_at, created_at, updated_at)
SELECT {d.uuid7(f'{task_us} / 1000', 's.n', 'task')}, s.centre_id, s.case_id,
  {pick_random('s.n', 'task:title', TASK_TITLES)}, '', {author},
  CASE WHEN {open_case} THEN {due_open} ELSE substr({d.ts(f's.opened_us + {14 * DAY_US}')}, 1, 10) END,
  {pick_random('s.n', 'task:priority', TASK_PRIORITY)}, CASE WHEN {open_case} THEN 'open' ELSE 'done' END, {author},
  CASE WHEN {open_case} THEN '' ELSE {author} END, CASE WHEN {open_case} THEN '' ELSE {d.ts(done_us)} END,
  {d.ts(task_us)}, CASE WHEN {open_case} THEN {d.ts(task_us)} ELSE {d.ts(done_us)} END
FROM case_stage s{d.in_case_order()};""")

    # Appointments: a first one an hour long on the hour two days after the case opened (completed,
    # or a no-show), and for one open case in ten a follow-up in the next eight weeks, 09:00 to 16:00
    # UTC, on the hour.
    first_us = f"((s.opened_us + {2 * DAY_US}) / {HOUR_US} * {HOUR_US})"
    next_day = f"(1 + {rnd('s.n', 'appt:day', 56)}) * {DAY_US}"
    next_us = f"(({end_us} + {next_day}) / {DAY_US} * {DAY_US} + (9 + {rnd('s.n', 'appt:hour', 8)}) * {HOUR_US})"

    def appointment(start, salt, status, where):
        return f"""INSERT INTO appointments (id, centre_id, client_id, case_id, adviser_id, start_at, end_at,
  duration_minutes, mode, location, preparation, status, outcome, follow_up_date, created_by, created_at, updated_at)
SELECT {d.uuid7(f'{task_us} / 1000', 's.n', salt)}, s.centre_id, s.client_id, s.case_id, {author}, {d.ts(start)},
  {d.ts(f'{start} + {HOUR_US}')}, 60, {pick_random('s.n', salt + ':mode', APPOINTMENT_MODES)}, '', '', {status}, '',
  '', {author}, {d.ts(task_us)}, {d.ts(task_us)}
FROM case_stage s WHERE {where}{d.in_case_order()};"""
    emit(appointment(first_us, "appt", f"CASE WHEN {first_us} > {end_us} THEN 'scheduled' "
                     f"WHEN {rnd('s.n', 'appt:noshow', 12)} = 0 THEN 'no_show' ELSE 'completed' END", "1 = 1"))
    emit(appointment(next_us, "appt:next", "'scheduled'", f"{open_case} AND {rnd('s.n', 'appt:next', 10)} = 0"))

    # The search index as the server writes it (app/search: index_client, index_case, index_note): a
    # row per searchable field with its folded words; empty fields are not indexed. Generated
    # references, postcodes, names and e-mails fold by replacing their few separators (no word of
    # theirs repeats but a name's); summaries and
    # note bodies come from the lists above, folded here.
    def folded(expr):
        return f"lower(replace(replace(replace(replace({expr}, '-', ' '), '.', ' '), '@', ' '), '''', ' '))"

    def by_list(expr, values):
        whens = " ".join(f"WHEN {sql_str(v)} THEN {sql_str(fold(v))}" for v in values if v)
        return f"(CASE {expr} {whens} ELSE '' END)"

    doc_cols = "INSERT INTO search_documents (centre_id, kind, entity_id, case_id, field, label, text, words)"
    client_label = "c.first_name || ' ' || c.last_name || ' (' || c.reference || ')'"
    for field, expr in [("name", "c.first_name || ' ' || c.last_name"), ("reference", "c.reference"),
                        ("postcode", "c.postcode"), ("email", "c.email")]:
        words = folded(expr)
        if field == "name":  # each word once: "Thomas Thomas" is indexed as "thomas"
            words = f"(CASE WHEN c.first_name = c.last_name THEN lower(c.first_name) ELSE {words} END)"
        emit(f"{doc_cols}\nSELECT c.centre_id, 'client', c.id, '', '{field}', {client_label}, {expr}, {words}\n"
             f"FROM clients c WHERE {expr} <> '';")
    case_label = "k.reference || ': ' || c.first_name || ' ' || c.last_name"
    emit(f"{doc_cols}\nSELECT k.centre_id, 'case', k.id, k.id, 'reference', {case_label}, k.reference, "
         f"{folded('k.reference')}\nFROM cases k JOIN clients c ON c.id = k.client_id;")
    emit(f"{doc_cols}\nSELECT k.centre_id, 'case', k.id, k.id, 'summary', {case_label}, k.summary, "
         f"{by_list('k.summary', SUMMARIES)}\nFROM cases k JOIN clients c ON c.id = k.client_id WHERE k.summary <> '';")
    emit(f"{doc_cols}\nSELECT n.centre_id, 'note', n.id, n.case_id, 'body', n.note_type || ' note on ' || k.reference, "
         f"n.body, {by_list('n.body', NOTE_BODIES + [RARE_NOTE])}\nFROM notes n JOIN cases k ON k.id = n.case_id;")

    if pg:  # the postings the trigger of migration 0017 writes, which session_replication_role skips
        emit("INSERT INTO search_postings (centre_id, word, kind, weight, document_id)\n"
             "SELECT DISTINCT d.centre_id, w, d.kind, search_field_weight(d.field), d.id\n"
             "FROM search_documents d, regexp_split_to_table(d.words, ' ') AS w WHERE w <> '';")

    # Reference counters: new clients and cases continue after the generated references.
    emit("INSERT INTO reference_counters (centre_id, series, last_value) "
         "SELECT centre_id, 'client', count(*) FROM client_stage GROUP BY centre_id;")
    emit("INSERT INTO reference_counters (centre_id, series, last_value) "
         "SELECT centre_id, 'case-' || year, max(seq) FROM case_stage GROUP BY centre_id, year;")

    if pg:
        emit("""DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexdef FROM bench_saved_indexes LOOP EXECUTE r.indexdef; END LOOP;
END $$;""")
        emit("DROP TABLE client_stage; DROP TABLE case_stage; DROP TABLE bench_centres; DROP TABLE bench_saved_indexes;")
        emit("COMMIT;")
        emit("SET session_replication_role = origin;")
        # Sets hint bits and the visibility map now rather than during the first timed runs.
        emit("VACUUM (ANALYZE) centres, users, clients, cases, debts, budgets, budget_items, reference_counters, "
             "notes, note_revisions, tasks, appointments, search_documents, search_postings;")
    else:
        emit("DROP TABLE client_stage; DROP TABLE case_stage; DROP TABLE bench_centres;")
        emit("COMMIT;")
        emit("ANALYZE;")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dialect", choices=["postgresql", "sqlite"], required=True)
    ap.add_argument("--cases", type=int, required=True)
    ap.add_argument("--centres", type=int, required=True)
    ap.add_argument("--now-us", type=int, default=None,
                    help="the generation's 'now' in microseconds since the epoch (default: the clock)")
    args = ap.parse_args()
    if args.centres < 2:
        ap.error("--centres must be at least 2 (the demo network's MAN and LDS are centres 0 and 1)")
    if args.cases < args.centres:
        ap.error("--cases must be at least --centres")
    if args.cases >= P // 9:
        ap.error("--cases is too large for the id scheme")
    now_us = args.now_us if args.now_us is not None else time.time_ns() // 1000
    sys.stdout.write(build(args.dialect, args.cases, args.centres, now_us))


if __name__ == "__main__":
    main()

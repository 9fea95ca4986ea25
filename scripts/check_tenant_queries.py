#!/usr/bin/env python3
"""Every SQL constant the store runs against a tenant table must name the table's centre column
(compared with a bound parameter, or listed among an INSERT's columns), or be on the allow-list
below with the reason it may reach across centres. Run by `make test` (ctest: tenant_queries).

Usage: check_tenant_queries.py STORE_DIR      check the store's queries
       check_tenant_queries.py --self-test    check that the checker catches what it should
"""
import pathlib
import re
import sys

# Table -> the column that says which centre a row belongs to.
TENANT_TABLES = {
    "centres": "id",
    "users": "centre_id",
    "audit_log": "chain",
    "audit_heads": "chain",
    "access_refusals": "centre_id",
    "reference_counters": "centre_id",
    "clients": "centre_id",
    "cases": "centre_id",
    "documents": "centre_id",
    "document_versions": "centre_id",
    "debts": "centre_id",
    "budgets": "centre_id",
    "budget_items": "centre_id",
    "offer_sets": "centre_id",
    "offer_lines": "centre_id",
    "notes": "centre_id",
    "note_revisions": "centre_id",
    "tasks": "centre_id",
    "appointments": "centre_id",
    "calendar_feeds": "centre_id",
    "compliance_ticks": "centre_id",
    "dashboard_counters": "centre_id",
    "search_documents": "centre_id",
    "search_postings": "centre_id",
    "dashboard_versions": "centre_id",
    "jobs": "centre_id",
    "webhook_endpoints": "centre_id",
    "webhook_deliveries": "centre_id",
    "notifications": "centre_id",
}

# Query name -> why it may run without a centre.
ALLOWED = {
    "kListCentres": "network scope: admins list every centre",
    "kCentreCodeTaken": "centre codes are unique across the network",
    "kFindUser": "network scope (admins) and token refresh, which loads the token's own user",
    "kFindActiveUser": "authentication: the user named by a verified access token",
    "kFindUserByEmail": "sign-in and the network-wide uniqueness of e-mail addresses",
    "kRecordLogin": "sign-in: the user who has just proved their password",
    "kListUsers": "network scope: admins list every user",
    "kCountUsers": "operator commands: whether any user exists yet",
    "kListAudit": "network scope: admins read every centre's audit trail",
    "kListAuditBefore": "network scope: admins read every centre's audit trail (next pages)",
    "kListRefusals": "network scope: admins read every centre's refused requests",
    "kListRefusalsBefore": "network scope: admins read every centre's refused requests (next pages)",
    "kAuditChains": "audit verification walks every chain",
    "kFindClient": "network scope: admins read any centre's client",
    "kListClients": "network scope: admins list every centre's clients",
    "kSearchClients": "network scope: admins search every centre's clients",
    "kFindCase": "network scope: admins read any centre's case",
    "kListCases": "network scope: admins list every centre's cases (filters are appended)",
    "kFindTaskAnyCentre": "network scope: admins read any centre's task",
    "kFindAppointmentAnyCentre": "network scope: admins read any centre's appointment",
    "kFindFeedByHash": "a calendar feed's secret token is its credential, looked up before anyone is known",
    "kReadNetworkCounters": "network scope: admins read every centre's dashboard totals",
    "kFindJob": "the job queue is network-wide: workers and admins (jobs_manage) reach any centre's job",
    "kFindJobForUpdatePostgresql": "the job queue is network-wide: admins (jobs_manage) change any centre's job",
    "kClaimLapsedJobs": "workers serve every centre; a job carries its own centre",
    "kClaimDueJobs": "workers serve every centre; a job carries its own centre",
    "kClaimLapsedJobsPostgresql": "workers serve every centre; a job carries its own centre",
    "kClaimDueJobsPostgresql": "workers serve every centre; a job carries its own centre",
    "kExtendJobLease": "a worker's own claimed job, by id and lease owner",
    "kFinishJob": "a worker's own claimed job, by id and lease owner",
    "kReleaseJob": "a worker's own claimed job, by id and lease owner",
    "kUpdateJob": "network scope: admins (jobs_manage) retry or cancel any centre's job",
    "kListJobs": "network scope: admins (jobs_manage) list every centre's jobs",
    "kFindWebhookAnyCentre": "network scope: admins (webhooks_manage) reach any centre's webhook",
    "kListWebhooksAllCentres": "network scope: admins (webhooks_manage) list every centre's webhooks",
    "kCountJobsByState": "queue depth for /metrics, over every centre",
    "kOldestDueJob": "queue age for /metrics, over every centre",
}

DEFINE = re.compile(r'#define\s+(\w+)\s*(?:\\\s*)?((?:"(?:[^"\\]|\\.)*"\s*\\?\s*)+)')
CONSTANT = re.compile(r'inline\s+constexpr\s+const\s+char\s*\*\s*(k\w+)\s*=\s*((?:"(?:[^"\\]|\\.)*"|\w+|\s)+);')
LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')
TABLE = re.compile(r'\b(?:FROM|JOIN|INTO|UPDATE)\s+(\w+)', re.IGNORECASE)


def constants(text):
    macros = {}
    for m in DEFINE.finditer(text):
        macros[m.group(1)] = "".join(LITERAL.findall(m.group(2)))
    out = {}
    for m in CONSTANT.finditer(text):
        sql = ""
        for token in re.findall(r'"(?:[^"\\]|\\.)*"|\w+', m.group(2)):
            sql += token[1:-1] if token.startswith('"') else macros.get(token, "")
        out[m.group(1)] = sql
    return out


def names_centre(sql, table, column):
    if re.match(r'\s*INSERT\b', sql, re.IGNORECASE):
        cols = re.search(r'INTO\s+' + table + r'\s*\(([^)]*)\)', sql, re.IGNORECASE)
        return bool(cols) and column in [c.strip() for c in cols.group(1).split(",")]
    return re.search(r'\b(?:\w+\.)?' + column + r'\s*=\s*:\w+', sql) is not None


def problems(queries, allowed):
    found = []
    for name, sql in sorted(queries.items()):
        tables = {t.lower() for t in TABLE.findall(sql)} & TENANT_TABLES.keys()
        missing = [t for t in sorted(tables) if not names_centre(sql, t, TENANT_TABLES[t])]
        if missing and name not in allowed:
            found.append(f"{name}: touches {', '.join(missing)} without naming its centre column "
                         f"({', '.join(TENANT_TABLES[t] for t in missing)}); scope it or allow-list it with a reason")
    for name in sorted(set(allowed) - set(queries)):
        found.append(f"{name}: on the allow-list but no such query exists (remove it)")
    return found


def self_test():
    text = '''
#define COLS "id, centre_id, " \\
  "name"
#define INS_COLS     \\
  "id, centre_id"
inline constexpr const char* kGood = "SELECT " COLS " FROM users WHERE centre_id = :centre AND id = :id";
inline constexpr const char* kBad = "SELECT " COLS " FROM users WHERE id = :id";
inline constexpr const char* kInsertGood = "INSERT INTO users (id, centre_id) VALUES (:id, :c)";
inline constexpr const char* kInsertBad = "INSERT INTO audit_log (id, seq) VALUES (:id, :s)";
inline constexpr const char* kOther = "SELECT 1 FROM schema_migrations";
inline constexpr const char* kInsertMacro = "INSERT INTO users (" INS_COLS ") VALUES (:id, :c)";
'''
    q = constants(text)
    assert set(q) == {"kGood", "kBad", "kInsertGood", "kInsertBad", "kOther", "kInsertMacro"}, q
    found = problems(q, {"kGone": "stale"})
    names = sorted(p.split(":")[0] for p in found)
    assert names == ["kBad", "kGone", "kInsertBad"], found
    assert problems(q, {"kBad": "r", "kInsertBad": "r"}) == []
    print("check_tenant_queries self-test: ok")


def main():
    if sys.argv[1:] == ["--self-test"]:
        self_test()
        return 0
    root = pathlib.Path(sys.argv[1])
    queries = {}
    for path in sorted(root.rglob("*")):
        if path.suffix in (".hpp", ".cpp"):
            queries.update(constants(path.read_text()))
    if not queries:
        print(f"no SQL constants found under {root}", file=sys.stderr)
        return 1
    found = problems(queries, ALLOWED)
    for p in found:
        print(p, file=sys.stderr)
    if found:
        return 1
    tenant = sum(1 for sql in queries.values() if {t.lower() for t in TABLE.findall(sql)} & TENANT_TABLES.keys())
    print(f"{len(queries)} queries, {tenant} on tenant tables: each names its centre or is allow-listed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

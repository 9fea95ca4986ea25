#!/usr/bin/env bash
# Casework load scenarios (docs/benchmarks.md, "Casework"): a throwaway database filled with CASES cases
# over CENTRES centres (bench/casework/generate.py), `cma serve` on it, and wrk at 64 connections signed
# in as a centre's adviser: case lists (first page; filtered by status; the same a page DEEP_ROWS rows
# deep), case detail, client list, client search, create client, create case; and the casework II reads
# and write: the centre's dashboard, my tasks, the adviser's week in the diary, search for a common and a
# rare term, create appointment (bench/casework/*.lua).
# On PostgreSQL each scenario's ceiling is measured in the same session: the SQL the server runs for one
# request as a pgbench script (bench/casework/pgbench/), against the same database, alternating with the
# wrk runs; pgbench runs with 64 clients and with as many as the server has database connections, and
# the better of the two is the ceiling (64 clients queueing for one centre's audit-chain lock make the
# creates slower, not faster). Prints medians of RUNS runs as a Markdown table. Targets 127.0.0.1 only;
# every run is bounded by DURATION. The casework II scenarios have no pgbench ceiling.
#   CASES=1000000 CENTRES=100 bench/casework.sh     # PostgreSQL 15, the default
#   BENCH_DB=sqlite CASES=10000 CENTRES=2 bench/casework.sh
#   RUNS=3 DURATION=10s CONNECTIONS=64 THREADS=2 SCENARIOS="cases-open case-detail" PGBENCH=0 ...
#   KEEP_DB=/var/tmp/cma-1m CASES=1000000 CENTRES=100 bench/casework.sh   # PostgreSQL: keep the generated
#     cluster in that directory and reuse it on the next run with the same CASES and CENTRES (the create
#     scenarios' rows stay in it; generate afresh for published figures of the creates).
set -euo pipefail
cd "$(dirname "$0")/.."

CASES=${CASES:-10000}
CENTRES=${CENTRES:-2}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-2s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
BENCH_DB=${BENCH_DB:-postgresql}
KEEP_DB=${KEEP_DB:-}                                # PostgreSQL only: a directory to keep and reuse the data in
BENCH_USER=${BENCH_USER:-advisor.man@example.org}  # any centre-bound demo user
STATUS=${STATUS:-open}                             # the status the case lists filter by
SEARCH=${SEARCH:-smi}                              # the client search text
DEEP_ROWS=${DEEP_ROWS:-10000}                      # rows before the deep page (a multiple of 50)
POOL=${POOL:-10000}                                # case ids / client ids the detail and create-case scenarios draw from
PGBENCH=${PGBENCH:-1}                              # 0: no pgbench ceilings
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-}               # pgbench client counts (default: CONNECTIONS and the server's database workers)
SEARCH_COMMON=${SEARCH_COMMON:-smith}             # the casework search's common term (about 4 % of names)
SEARCH_RARE=${SEARCH_RARE:-ombudsman}              # and its rare one (one note in 2,000)
SCENARIOS=${SCENARIOS:-cases cases-open cases-deep case-detail clients clients-search create-client create-case dashboard my-tasks diary-week search-common search-rare create-appointment}
BIN=${CMA_BIN:-build/release/bin/cma}
OUT_DIR=bench/results/casework
PAGE=50
mkdir -p "$OUT_DIR"

die() { echo "casework: $*" >&2; exit 1; }
[ -x "$BIN" ] || die "build first: make build (or set CMA_BIN)"
for tool in wrk python3 curl; do command -v "$tool" >/dev/null || die "$tool is missing: scripts/bootstrap installs it"; done
case $BENCH_DB in
  postgresql) for tool in psql pgbench; do command -v "$tool" >/dev/null || die "$tool is missing"; done ;;
  sqlite) command -v sqlite3 >/dev/null || die "sqlite3 is missing: scripts/bootstrap installs it"; PGBENCH=0 ;;
  *) die "BENCH_DB must be postgresql or sqlite" ;;
esac
[[ $DURATION =~ ^[0-9]+s$ && $WARMUP =~ ^[0-9]+s$ ]] || die "DURATION and WARMUP are whole seconds, e.g. 10s"
(( DEEP_ROWS % PAGE == 0 && DEEP_ROWS > 0 )) || die "DEEP_ROWS must be a positive multiple of $PAGE"
[[ $STATUS =~ ^(open|in_progress|closed|referred|cancelled)$ ]] || die "STATUS must be a case status"
for term in "$SEARCH" "$SEARCH_COMMON" "$SEARCH_RARE"; do
  [[ $term =~ ^[A-Za-z0-9-]+$ ]] || die "SEARCH, SEARCH_COMMON and SEARCH_RARE must be letters, digits and hyphens"
done

reuse=0
if [ -n "$KEEP_DB" ]; then
  [ "$BENCH_DB" = postgresql ] || die "KEEP_DB is for PostgreSQL only"
  mkdir -p "$KEEP_DB"
  work=$(cd "$KEEP_DB" && pwd)
  [ -d "$work/pg" ] && [ "$(cat "$work/generated" 2>/dev/null)" = "$CASES $CENTRES" ] && reuse=1
  [ "$reuse" = 1 ] || rm -rf "$work/pg" "$work/generated"
else
  work=$(mktemp -d /tmp/cma-casework-XXXXXX)
fi
chmod 755 "$work"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
server_pid=""
pg_ctl=/usr/lib/postgresql/15/bin/pg_ctl
as_pg=()
[ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -d "$work/pg" ] && "${as_pg[@]}" "$pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  [ -n "$KEEP_DB" ] || rm -rf "$work"
}
trap cleanup EXIT

case $BENCH_DB in
  postgresql)
    # A throwaway cluster with durable settings (fsync on), as the postgres user when root: as bench/run.sh.
    pg_port=$(free_port)
    if [ "$reuse" = 0 ]; then
      mkdir "$work/pg"
      [ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
      "${as_pg[@]}" /usr/lib/postgresql/15/bin/initdb -D "$work/pg" -U postgres --auth=trust >/dev/null
    fi
    "${as_pg[@]}" "$pg_ctl" -D "$work/pg" -l "$work/pg/log" -w \
      -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=" start >/dev/null
    database_url="postgresql://postgres@127.0.0.1:$pg_port/postgres"
    psql_run=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres)
    sql() { "${psql_run[@]}" -At -F ' ' -c "$1"; }
    ;;
  sqlite)
    database_url="sqlite:///$work/cma.db"
    sql() { sqlite3 -batch -noheader -separator ' ' "$work/cma.db" "$1"; }
    ;;
esac
export DATA_DIR="$work" DATABASE_URL="$database_url"

if [ "$reuse" = 1 ]; then
  echo "casework: reusing the $CASES cases over $CENTRES centres kept in $work" >&2
  password=$(awk -v u="$BENCH_USER" '$1 == u {print $NF}' "$work/logins.txt")
  gen_start=0 gen_end=0
  sql "DROP TABLE IF EXISTS bench_pool_cases, bench_pool_clients; DROP FUNCTION IF EXISTS bench_uuid7" >/dev/null
else
  # The demo network (its logins are how wrk signs in), then the bulk data around it.
  "$BIN" seed-demo --clients 0 >"$work/logins.txt"
  password=$(awk -v u="$BENCH_USER" '$1 == u {print $NF}' "$work/logins.txt")
  [ -n "$password" ] || die "$BENCH_USER is not a demo login"
  echo "casework: generating $CASES cases over $CENTRES centres on $BENCH_DB" >&2
  gen_start=$(date +%s.%N)
  case $BENCH_DB in
    postgresql)
      python3 bench/casework/generate.py --dialect postgresql --cases "$CASES" --centres "$CENTRES" | "${psql_run[@]}"
      sql "CHECKPOINT" >/dev/null
      ;;
    sqlite)
      python3 bench/casework/generate.py --dialect sqlite --cases "$CASES" --centres "$CENTRES" | sqlite3 -bail "$work/cma.db"
      ;;
  esac
  gen_end=$(date +%s.%N)
  [ -z "$KEEP_DB" ] || echo "$CASES $CENTRES" >"$work/generated"
fi
gen_seconds=$(awk -v a="$gen_start" -v b="$gen_end" 'BEGIN { printf "%.1f", b - a }')
echo "casework: generated in $gen_seconds s" >&2

read -r user_id centre_id centre_code role < <(sql "SELECT u.id, u.centre_id, c.code, u.role FROM users u
  JOIN centres c ON c.id = u.centre_id WHERE u.email = '$BENCH_USER'")
[ "$role" != admin ] || die "BENCH_USER must be bound to a centre (an admin's lists span every centre; the pgbench scripts are a centre's)"
read -r n_clients n_cases n_debts n_budgets n_items < <(sql "SELECT (SELECT count(*) FROM clients),
  (SELECT count(*) FROM cases), (SELECT count(*) FROM debts), (SELECT count(*) FROM budgets), (SELECT count(*) FROM budget_items)")
read -r centre_cases < <(sql "SELECT count(*) FROM cases WHERE centre_id = '$centre_id'")
case $BENCH_DB in
  postgresql) db_size=$(sql "SELECT pg_size_pretty(pg_database_size('postgres'))") ;;
  sqlite) db_size="$(( $(stat -c %s "$work/cma.db") / 1048576 )) MB" ;;
esac

# Pools: the same ids for wrk (files) and pgbench (tables), a sample of the centre's cases and clients.
case $BENCH_DB in
  postgresql)
    "${psql_run[@]}" -v centre="$centre_id" -v pool="$POOL" -f bench/casework/pgbench/setup.sql
    sql "SELECT id FROM bench_pool_cases ORDER BY n" >"$work/case-ids.txt"
    sql "SELECT id FROM bench_pool_clients ORDER BY n" >"$work/client-ids.txt"
    ;;
  sqlite)
    sql "SELECT id FROM (SELECT id FROM cases WHERE centre_id = '$centre_id' ORDER BY substr(id, 25), id LIMIT $POOL) ORDER BY id" >"$work/case-ids.txt"
    sql "SELECT id FROM (SELECT id FROM clients WHERE centre_id = '$centre_id' AND status = 'active' ORDER BY substr(id, 25), id LIMIT $POOL) ORDER BY id" >"$work/client-ids.txt"
    ;;
esac
case_pool=$(wc -l <"$work/case-ids.txt")
today=$(TZ=Europe/London date +%F)
week_start=$(TZ=Europe/London date -d "$today -$(( $(TZ=Europe/London date +%u) - 1 )) days" +%F)
week_end=$(date -d "$week_start +7 days" +%F)  # for the label only: UTC days, an hour off London's in summer
read -r my_tasks < <(sql "SELECT count(*) FROM tasks WHERE centre_id = '$centre_id' AND assignee_id = '$user_id' AND status = 'open'")
read -r week_appointments < <(sql "SELECT count(*) FROM appointments WHERE centre_id = '$centre_id' AND adviser_id = '$user_id'
  AND start_at >= '${week_start}T00:00' AND start_at < '${week_end}T00:00'")
read -r common_hits < <(sql "SELECT count(*) FROM search_documents WHERE centre_id = '$centre_id' AND ' ' || words || ' ' LIKE '% ${SEARCH_COMMON,,}%'")
read -r rare_hits < <(sql "SELECT count(*) FROM search_documents WHERE centre_id = '$centre_id' AND ' ' || words || ' ' LIKE '% ${SEARCH_RARE,,}%'")
client_pool=$(wc -l <"$work/client-ids.txt")

# The deep page: the cursor after the DEEP_ROWS-th row of the centre's STATUS list, newest first (the
# cursor format of server/src/app/paging.cpp). A centre holding fewer rows gets the deepest full page.
deep=0
[[ " $SCENARIOS " == *" cases-deep "* ]] && deep=1
depth=$DEEP_ROWS after_key="" after_id="" cursor=""
if [ "$deep" = 1 ]; then
  status_rows=$(sql "SELECT count(*) FROM cases WHERE centre_id = '$centre_id' AND status = '$STATUS'")
  if (( status_rows < depth + PAGE )); then
    depth=$(( (status_rows - PAGE) / PAGE * PAGE ))
    (( depth >= PAGE )) || die "the centre has only $status_rows $STATUS cases: too few for a deep page"
    echo "casework: the centre has $status_rows $STATUS cases; the deep page starts after row $depth, not $DEEP_ROWS" >&2
  fi
  read -r after_key after_id < <(sql "SELECT opened_at, id FROM cases WHERE centre_id = '$centre_id'
    AND status = '$STATUS' ORDER BY opened_at DESC, id DESC LIMIT 1 OFFSET $(( depth - 1 ))")
  cursor=$(python3 -c 'import base64, sys; print(base64.urlsafe_b64encode(("v2\ncases:-opened\n" + sys.argv[1] + "\n" + sys.argv[2]).encode()).decode().rstrip("="))' "$after_key" "$after_id")
fi

# RATE_LIMIT_API_PER_MINUTE=0: wrk signs in as one user, whom the per-user limit would otherwise stop.
JWT_SECRET="bench-secret-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" PORT="$port" RATE_LIMIT_API_PER_MINUTE=0 \
  "$BIN" serve >"$work/server.log" 2>"$work/banner.log" &
server_pid=$!
# Start-up fills the dashboard counters from the generated cases first (a minute or more at 1,000,000).
for _ in $(seq 1 9000); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
curl -sf "http://127.0.0.1:$port/health" >/dev/null || die "the server did not start: $(tail -3 "$work/banner.log")"

# Access tokens live 15 minutes: a fresh one for every scenario.
login() {
  curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$BENCH_USER\",\"password\":\"$password\"}" \
    "http://127.0.0.1:$port/api/v1/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}

# The constructed cursor must be the one the API hands out after walking depth / 50 pages.
[ "$deep" = 1 ] && walked=$(python3 - "$port" "$(login)" "$STATUS" "$(( depth / PAGE ))" <<'EOF'
import json, sys, urllib.request
port, token, status, pages = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
cursor = ""
for _ in range(pages):
    url = f"http://127.0.0.1:{port}/api/v1/cases?status={status}&limit=50" + (f"&cursor={cursor}" if cursor else "")
    req = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    cursor = json.load(urllib.request.urlopen(req))["nextCursor"]
print(cursor)
EOF
)
[ "$deep" = 0 ] || [ "$walked" = "$cursor" ] || die "the constructed deep cursor differs from the walked one ($cursor vs $walked)"

# The server's database workers (server/src/main/cli.cpp default_workers: PostgreSQL max(4, 2 x cores)).
workers=${DB_POOL_SIZE:-$(( $(nproc) * 2 > 4 ? $(nproc) * 2 : 4 ))}
[ -n "$PGBENCH_CLIENTS" ] || PGBENCH_CLIENTS="$CONNECTIONS $workers"
year=$(date -u +%Y)
pg_defines=(-D "uid=$user_id" -D "centre=$centre_id" -D "code=$centre_code" -D "status=$STATUS" -D "pattern=%${SEARCH,,}%"
  -D "case_pool=$case_pool" -D "client_pool=$client_pool" -D "year=$year" -D "series=case-$year"
  -D "now=$(date -u +%Y-%m-%dT%H:%M:%S.000000Z)")
[ "$deep" = 1 ] && pg_defines+=(-D "after_key=$after_key" -D "after_id=$after_id")

# wrk prints latencies as 812.00us / 1.23ms / 1.01s: convert to milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v + 0 } else { sub(/s$/, "", v); print v * 1000 } }'; }
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

scenario_wrk() {  # sets: script, and exports CMA_PATH / CMA_POOL
  unset CMA_PATH CMA_POOL
  case $1 in
    cases) script=get.lua; export CMA_PATH="/api/v1/cases?limit=$PAGE" ;;
    cases-open) script=get.lua; export CMA_PATH="/api/v1/cases?status=$STATUS&limit=$PAGE" ;;
    cases-deep) script=get.lua; export CMA_PATH="/api/v1/cases?status=$STATUS&limit=$PAGE&cursor=$cursor" ;;
    case-detail) script=case-detail.lua; export CMA_POOL="$work/case-ids.txt" ;;
    clients) script=get.lua; export CMA_PATH="/api/v1/clients?limit=$PAGE" ;;
    clients-search) script=get.lua; export CMA_PATH="/api/v1/clients?q=$SEARCH&limit=$PAGE" ;;
    create-client) script=create-client.lua ;;
    create-case) script=create-case.lua; export CMA_POOL="$work/client-ids.txt" ;;
    dashboard) script=get.lua; export CMA_PATH="/api/v1/dashboard" ;;
    my-tasks) script=get.lua; export CMA_PATH="/api/v1/me/tasks?limit=$PAGE" ;;
    diary-week) script=get.lua; export CMA_PATH="/api/v1/diary?view=week&adviserId=$user_id" ;;
    search-common) script=get.lua; export CMA_PATH="/api/v1/search?q=$SEARCH_COMMON&limit=20" ;;
    search-rare) script=get.lua; export CMA_PATH="/api/v1/search?q=$SEARCH_RARE&limit=20" ;;
    create-appointment) script=create-appointment.lua; export CMA_POOL="$work/client-ids.txt" ;;
    *) die "unknown scenario $1" ;;
  esac
}
label() {
  case $1 in
    cases) echo "GET /api/v1/cases?limit=50" ;;
    cases-open) echo "GET /api/v1/cases?status=$STATUS&limit=50" ;;
    cases-deep) echo "… the same, page after row $depth" ;;
    case-detail) echo "GET /api/v1/cases/{id} ($case_pool ids)" ;;
    clients) echo "GET /api/v1/clients?limit=50" ;;
    clients-search) echo "GET /api/v1/clients?q=$SEARCH&limit=50" ;;
    create-client) echo "POST /api/v1/clients" ;;
    create-case) echo "POST /api/v1/cases ($client_pool clients)" ;;
    dashboard) echo "GET /api/v1/dashboard (the centre)" ;;
    my-tasks) echo "GET /api/v1/me/tasks?limit=50 ($my_tasks open)" ;;
    diary-week) echo "GET /api/v1/diary?view=week (the adviser's, $week_appointments this week)" ;;
    search-common) echo "GET /api/v1/search?q=$SEARCH_COMMON&limit=20 ($common_hits matching fields)" ;;
    search-rare) echo "GET /api/v1/search?q=$SEARCH_RARE&limit=20 ($rare_hits matching fields)" ;;
    create-appointment) echo "POST /api/v1/appointments ($client_pool clients)" ;;
  esac
}
node_rps() {  # the old Node system's figures, on 10,000 cases
  case $1 in cases) echo 337 ;; case-detail) echo 599 ;; clients) echo 860 ;; create-client) echo 477 ;; create-case) echo 1184 ;;
    dashboard) echo 232 ;; *) echo "" ;; esac
}

block=0  # create-appointment: the first block of diary slots of the next wrk run
run_wrk() {  # scenario, duration, output file
  export CMA_BLOCK=$block
  block=$(( block + THREADS ))
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --timeout 10s --latency -s "bench/casework/$script" "http://127.0.0.1:$port" >"$3"
}
run_pgbench() {  # scenario, clients, seconds, output file
  local jobs=$(( $2 < THREADS ? $2 : THREADS ))
  pgbench -h 127.0.0.1 -p "$pg_port" -U postgres -n -M prepared -c "$2" -j "$jobs" -T "$3" \
    "${pg_defines[@]}" -f "bench/casework/pgbench/$1.sql" postgres >"$4" 2>&1 || { cat "$4" >&2; die "pgbench $1 failed"; }
  grep -q "number of failed transactions: 0 " "$4" || { cat "$4" >&2; die "pgbench $1 had failed transactions"; }
}

declare -A rps p50 p99 tps
for scenario in $SCENARIOS; do
  scenario_wrk "$scenario"
  CMA_TOKEN=$(login)
  export CMA_TOKEN
  echo "casework: $scenario" >&2
  run_wrk "$scenario" "$WARMUP" "$work/warmup.txt"
  ceiling=0  # the casework II scenarios are reported without pgbench ceilings
  [ "$PGBENCH" = 1 ] && [ -f "bench/casework/pgbench/$scenario.sql" ] && ceiling=1
  if [ "$ceiling" = 1 ]; then
    for clients in $PGBENCH_CLIENTS; do run_pgbench "$scenario" "$clients" "${WARMUP%s}" "$work/warmup-pgbench.txt"; done
  fi
  for run in $(seq 1 "$RUNS"); do
    out="$OUT_DIR/$scenario-$run.txt"
    run_wrk "$scenario" "$DURATION" "$out"
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$out")
    [ -z "$non2xx" ] || die "$scenario run $run: $non2xx non-2xx responses (see $out)"
    if grep -q "Socket errors" "$out"; then echo "casework: $scenario run $run: $(grep 'Socket errors' "$out")" >&2; fi
    rps[$scenario]+="$(awk '/^Requests\/sec/ {print $2}' "$out") "
    p50[$scenario]+="$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")") "
    p99[$scenario]+="$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")") "
    if [ "$ceiling" = 1 ]; then
      for clients in $PGBENCH_CLIENTS; do
        pout="$OUT_DIR/$scenario-$run.pgbench-c$clients.txt"
        run_pgbench "$scenario" "$clients" "${DURATION%s}" "$pout"
        tps[$scenario/$clients]+="$(awk '/^tps = / {printf "%.0f", $3}' "$pout") "
      done
    fi
  done
done

m() { tr ' ' '\n' <<<"$1" | grep . | median; }
with_node=0
[ "$CASES" = 10000 ] && with_node=1
header="| scenario | req/s (median of $RUNS) | p50 ms | p99 ms |"
rule="|---|---:|---:|---:|"
if [ "$PGBENCH" = 1 ]; then
  for clients in $PGBENCH_CLIENTS; do header+=" pgbench tps, $clients clients |"; rule+="---:|"; done
  header+=" ratio to the best |"
  rule+="---:|"
fi
[ "$with_node" = 1 ] && header+=" Node req/s | × Node |" && rule+="---:|---:|"
header+=" runs (req/s) |"
rule+="---|"
if [ "$PGBENCH" = 1 ]; then
  for clients in $PGBENCH_CLIENTS; do header+=" runs (pgbench, $clients) |"; rule+="---|"; done
fi
echo
echo "$header"
echo "$rule"
for scenario in $SCENARIOS; do
  m_rps=$(m "${rps[$scenario]}")
  line=$(printf '| %s | %.0f | %.2f | %.2f |' "$(label "$scenario")" "$m_rps" "$(m "${p50[$scenario]}")" "$(m "${p99[$scenario]}")")
  if [ "$PGBENCH" = 1 ] && [ -z "${tps[$scenario/${PGBENCH_CLIENTS%% *}]:-}" ]; then
    for clients in $PGBENCH_CLIENTS; do line+=" |"; done
    line+=" |"
  elif [ "$PGBENCH" = 1 ]; then
    best=0
    for clients in $PGBENCH_CLIENTS; do
      m_tps=$(m "${tps[$scenario/$clients]}")
      line+=$(printf ' %.0f |' "$m_tps")
      best=$(awk -v a="$best" -v b="$m_tps" 'BEGIN { print (b > a ? b : a) }')
    done
    line+=$(printf ' %.2f |' "$(awk -v a="$m_rps" -v b="$best" 'BEGIN { print a / b }')")
  fi
  if [ "$with_node" = 1 ]; then
    node=$(node_rps "$scenario")
    if [ -n "$node" ]; then line+=$(printf ' %s | %.1f |' "$node" "$(awk -v a="$m_rps" -v b="$node" 'BEGIN { print a / b }')"); else line+=" | |"; fi
  fi
  line+=" ${rps[$scenario]}|"
  if [ "$PGBENCH" = 1 ]; then
    for clients in $PGBENCH_CLIENTS; do line+=" ${tps[$scenario/$clients]:-}|"; done
  fi
  echo "$line"
done
echo
echo "data: $n_cases cases ($centre_cases in $centre_code, the benchmark user's centre), $n_clients clients, $n_debts debts,"\
  "$n_budgets budgets with $n_items lines, $CENTRES centres; $db_size; generated in $gen_seconds s"
settings="database=$BENCH_DB user=$BENCH_USER connections=$CONNECTIONS threads=$THREADS duration=$DURATION runs=$RUNS"
[ "$PGBENCH" = 1 ] && settings+=" pgbench_clients=\"$PGBENCH_CLIENTS\" server_db_workers=$workers"
echo "$settings cores=$(nproc) cpu=\"$(awk -F: '/model name/ {print $2; exit}' /proc/cpuinfo | sed 's/^ //')\""

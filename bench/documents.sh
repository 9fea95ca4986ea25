#!/usr/bin/env bash
# The documents and jobs figures: upload throughput (MB/s) through `cma serve` to local files and to
# s3rver (reached through the harness's Signature V4-verifying proxy, server/tests/s3, so every
# request is signed and checked as S3 would), with the server's peak RSS during the uploads; and
# no-op job throughput (`system.noop`) with 1, 2 and 4 runners of one `cma worker`, on SQLite and
# on a throwaway PostgreSQL 15 cluster. Prints a Markdown table. 127.0.0.1 only; everything it starts
# it stops. The machine's other work shows in the figures: run it on a quiet machine.
#   UPLOADS=20 UPLOAD_MB=10 JOBS=10000 bench/documents.sh
#   DURATION_CAP=2 bench/documents.sh     # a smoke run: every phase stops after about 2 s
#   SKIP_S3=1 SKIP_PG=1 bench/documents.sh
set -euo pipefail
cd "$(dirname "$0")/.."

UPLOADS=${UPLOADS:-20}
UPLOAD_MB=${UPLOAD_MB:-10}
JOBS=${JOBS:-10000}
DURATION_CAP=${DURATION_CAP:-600}  # seconds any one phase may take before it is cut short
BIN=${CMA_BIN:-build/release/bin/cma}
[ -x "$BIN" ] || BIN=build/ci/bin/cma
[ -x "$BIN" ] || { echo "build first: make build" >&2; exit 1; }

work=$(mktemp -d /tmp/cma-bench-docs-XXXXXX)
chmod 755 "$work"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pids=()
pg_ctl=/usr/lib/postgresql/15/bin/pg_ctl
as_pg=()
[ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  [ -d "$work/pg" ] && "${as_pg[@]}" "$pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
now() { date +%s.%N; }
secret="bench-secret-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"

# One file of UPLOAD_MB of plain text (libmagic calls it text/plain, which uploads accept).
python3 - "$work/upload.txt" "$UPLOAD_MB" <<'EOF'
import sys
line = b"Line of a long plain-text statement: 0123456789 abcdefghijklmnopqrstuvwxyz.\n"
size = int(sys.argv[2]) * 1024 * 1024
with open(sys.argv[1], "wb") as f:
    f.write((line * (size // len(line) + 1))[:size])
EOF

# Starts `cma serve --demo` with the given extra environment; sets server_pid, port, token, case_id.
start_server() {
  local dir=$1
  shift
  mkdir -p "$dir"
  port=$(free_port)
  env DATA_DIR="$dir" DATABASE_URL="sqlite:///$dir/cma.db" JWT_SECRET="$secret" PORT="$port" \
    RATE_LIMIT_API_PER_MINUTE=0 RATE_LIMIT_UPLOADS_PER_HOUR=0 CMA_INPROCESS_WORKER=false "$@" \
    "$BIN" serve --demo >"$dir/server.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 0.1
  done
  local login password
  login=$(awk '/\(advisor, centre/ {print $1; exit}' "$dir/demo-logins.txt")
  password=$(awk '/\(advisor, centre/ {print $NF; exit}' "$dir/demo-logins.txt")
  token=$(curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$login\",\"password\":\"$password\"}" \
    "http://127.0.0.1:$port/api/v1/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
  case_id=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/cases?limit=1" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
}

stop_server() {
  kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
}

hwm_kib() { awk '/^VmHWM/ {print $2}' "/proc/$1/status"; }

# UPLOADS uploads one after another; prints "MB/s peak-RSS-MiB uploads-done".
measure_uploads() {
  local before after start end done_n=0
  before=$(hwm_kib "$server_pid")
  start=$(now)
  for _ in $(seq 1 "$UPLOADS"); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Expect:' \
      -F documentType=other -F "file=@$work/upload.txt;type=text/plain" \
      "http://127.0.0.1:$port/api/v1/cases/$case_id/documents")
    [ "$code" = 201 ] || { echo "upload answered $code" >&2; break; }
    done_n=$((done_n + 1))
    awk -v s="$start" -v n="$(now)" -v cap="$DURATION_CAP" 'BEGIN { exit !(n - s > cap) }' && break
  done
  end=$(now)
  after=$(hwm_kib "$server_pid")
  awk -v n="$done_n" -v mb="$UPLOAD_MB" -v s="$start" -v e="$end" -v hwm="$after" -v b="$before" \
    'BEGIN { printf "%.1f %.1f %d %.1f\n", (e > s ? n * mb / (e - s) : 0), hwm / 1024, n, (hwm - b) / 1024 }'
}

rows=()

# ---- Uploads to local files ----
start_server "$work/files"
read -r mbps peak n grew < <(measure_uploads)
rows+=("| Upload, local files | $n × $UPLOAD_MB MB | $mbps MB/s | peak RSS $peak MiB (+$grew) |")
stop_server

# ---- Uploads to s3rver behind the verifying proxy ----
if [ -z "${SKIP_S3:-}" ]; then
  if [ -d server/tests/s3/node_modules ]; then
    mkfifo "$work/s3.in"
    node server/tests/s3/serve.mjs <"$work/s3.in" >"$work/s3.json" 2>"$work/s3.log" &
    pids+=("$!")
    exec 9>"$work/s3.in"  # the harness stops when this closes
    for _ in $(seq 1 100); do [ -s "$work/s3.json" ] && break; sleep 0.1; done
    storage_url=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["storageUrl"])' "$work/s3.json")
    start_server "$work/s3" STORAGE_URL="$storage_url" AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER
    read -r mbps peak n grew < <(measure_uploads)
    rows+=("| Upload, s3rver through the SigV4-verifying proxy | $n × $UPLOAD_MB MB | $mbps MB/s | peak RSS $peak MiB (+$grew) |")
    stop_server
    exec 9>&-
  else
    rows+=("| Upload, s3rver | skipped: run \`npm ci\` in server/tests/s3 | | |")
  fi
fi

# ---- No-op jobs ----
# Inserts JOBS due system.noop jobs in one transaction, straight into the table.
insert_jobs() {
  local backend=$1 target=$2
  python3 - "$backend" "$target" "$JOBS" <<'EOF' >"$work/jobs.sql"
import sys, uuid
backend, target, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
t = "2000-01-01T00:00:00.000000Z"
rows = ",".join(f"('{uuid.uuid4()}', 'system.noop', '{{}}', 'queued', 0, 5, '{t}', '{t}', '{t}')" for _ in range(n))
print("BEGIN;")
print("INSERT INTO jobs (id, kind, payload, state, attempts, max_attempts, run_at, created_at, updated_at) VALUES " + rows + ";")
print("COMMIT;")
EOF
  if [ "$backend" = sqlite ]; then
    python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1], isolation_level=None); c.executescript(open(sys.argv[2]).read())' "$target" "$work/jobs.sql"
  else
    psql -q "$target" -f "$work/jobs.sql" >/dev/null
  fi
}
count_done() {
  local backend=$1 target=$2
  local q="SELECT COUNT(*) FROM jobs WHERE kind = 'system.noop' AND state = 'done'"
  if [ "$backend" = sqlite ]; then
    python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$target" "$q"
  else
    psql -tA "$target" -c "$q"
  fi
}

backends=(sqlite)
if [ -z "${SKIP_PG:-}" ]; then
  pg_port=$(free_port)
  mkdir "$work/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
  "${as_pg[@]}" /usr/lib/postgresql/15/bin/initdb -D "$work/pg" -U postgres --auth=trust >/dev/null
  "${as_pg[@]}" "$pg_ctl" -D "$work/pg" -l "$work/pg/log" -w \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=" start >/dev/null
  backends+=(postgresql)
fi

for backend in "${backends[@]}"; do
  for runners in 1 2 4; do
    dir="$work/jobs-$backend-$runners"
    mkdir -p "$dir"
    if [ "$backend" = sqlite ]; then
      url="sqlite:///$dir/cma.db"
      target="$dir/cma.db"
    else
      db="bench_$runners"
      psql -q "postgresql://postgres@127.0.0.1:$pg_port/postgres" -c "CREATE DATABASE $db" >/dev/null
      url="postgresql://postgres@127.0.0.1:$pg_port/$db"
      target=$url
    fi
    DATABASE_URL="$url" DATA_DIR="$dir" "$BIN" migrate >/dev/null
    DATABASE_URL="$url" DATA_DIR="$dir" PORT=0 JOB_POLL_INTERVAL_MS=20 LOG_LEVEL=warn \
      "$BIN" worker --concurrency "$runners" >"$dir/worker.log" 2>&1 &
    worker_pid=$!
    pids+=("$worker_pid")
    sleep 1  # started, migrated, idle
    insert_jobs "$backend" "$target"
    start=$(now)
    done_n=0
    while :; do
      done_n=$(count_done "$backend" "$target")
      [ "$done_n" -ge "$JOBS" ] && break
      awk -v s="$start" -v n="$(now)" -v cap="$DURATION_CAP" 'BEGIN { exit !(n - s > cap) }' && break
      sleep 0.2
    done
    end=$(now)
    kill "$worker_pid" 2>/dev/null && wait "$worker_pid" 2>/dev/null || true
    rate=$(awk -v n="$done_n" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", (e > s ? n / (e - s) : 0) }')
    rows+=("| No-op jobs, $backend, $runners runner(s) | $done_n of $JOBS jobs | $rate jobs/s | |")
  done
done

echo
echo "| Scenario | Work | Throughput | Memory |"
echo "|---|---|---|---|"
for r in "${rows[@]}"; do echo "$r"; done

#!/usr/bin/env bash
# Load scenarios for the foundation: GET /health and GET /api/v1/me at 64 connections, with wrk,
# against `cma serve` on the embedded SQLite default. Prints medians of RUNS runs as a Markdown
# table, plus the process's resident memory idle and under load. Targets 127.0.0.1 only; every run
# is bounded by DURATION.
#   RUNS=5 DURATION=10s CONNECTIONS=64 THREADS=2 bench/run.sh
#   BENCH_DB=postgresql bench/run.sh    # the same against a throwaway local PostgreSQL 15 cluster
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
BIN=${CMA_BIN:-build/release/bin/cma}
OUT_DIR=bench/results
mkdir -p "$OUT_DIR"

[ -x "$BIN" ] || { echo "build first: make build" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: scripts/bootstrap installs it" >&2; exit 1; }

BENCH_DB=${BENCH_DB:-sqlite}
work=$(mktemp -d /tmp/cma-bench-XXXXXX)
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
  rm -rf "$work"
}
trap cleanup EXIT

case $BENCH_DB in
  sqlite) database_url="sqlite:///$work/cma.db" ;;
  postgresql)
    # A throwaway cluster with durable settings (fsync on), as the postgres user when root.
    pg_port=$(free_port)
    mkdir "$work/pg"
    [ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
    "${as_pg[@]}" /usr/lib/postgresql/15/bin/initdb -D "$work/pg" -U postgres --auth=trust >/dev/null
    "${as_pg[@]}" "$pg_ctl" -D "$work/pg" -l "$work/pg/log" -w \
      -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=" start >/dev/null
    database_url="postgresql://postgres@127.0.0.1:$pg_port/postgres"
    ;;
  *) echo "BENCH_DB must be sqlite or postgresql" >&2; exit 1 ;;
esac

DATA_DIR="$work" DATABASE_URL="$database_url" JWT_SECRET="bench-secret-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
  PORT="$port" RATE_LIMIT_API_PER_MINUTE=0 "$BIN" serve --demo >"$work/server.log" 2>"$work/banner.log" &
server_pid=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -sf "http://127.0.0.1:$port/health" >/dev/null

rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status"; }
hwm_kib() { awk '/^VmHWM/ {print $2}' "/proc/$server_pid/status"; }

password=$(awk '/admin@example.org/ {print $NF}' "$work/demo-logins.txt")
token=$(curl -sf -H 'Content-Type: application/json' \
  -d "{\"email\":\"admin@example.org\",\"password\":\"$password\"}" \
  "http://127.0.0.1:$port/api/v1/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')

sleep 1
idle_rss=$(rss_kib)

# wrk prints latencies as 812.00us / 1.23ms / 1.01s: convert to milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v + 0 } else { sub(/s$/, "", v); print v * 1000 } }'; }
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

declare -A rps p50 p99
load_rss=()
for scenario in health me; do
  case $scenario in
    health) path=/health; header=() ;;
    me) path=/api/v1/me; header=(-H "Authorization: Bearer $token") ;;
  esac
  # one short warm-up run, not counted
  wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "${header[@]}" "http://127.0.0.1:$port$path" >/dev/null
  for run in $(seq 1 "$RUNS"); do
    out="$OUT_DIR/$scenario-$run.txt"
    ( sleep 3; rss_kib > "$work/rss-$scenario-$run" ) &
    sampler=$!
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${header[@]}" "http://127.0.0.1:$port$path" >"$out"
    wait "$sampler"
    load_rss+=("$(cat "$work/rss-$scenario-$run")")
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$out")
    if [ -n "$non2xx" ]; then echo "$scenario run $run: $non2xx non-2xx responses" >&2; exit 1; fi
    rps[$scenario]+="$(awk '/^Requests\/sec/ {print $2}' "$out") "
    p50[$scenario]+="$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")") "
    p99[$scenario]+="$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")") "
  done
done

peak_rss=$(hwm_kib)
echo "| scenario | req/s (median of $RUNS) | p50 ms | p99 ms | runs (req/s) |"
echo "|---|---:|---:|---:|---|"
for scenario in health me; do
  label=$([ "$scenario" = health ] && echo "GET /health" || echo "GET /api/v1/me")
  m_rps=$(tr ' ' '\n' <<<"${rps[$scenario]}" | grep . | median)
  m_p50=$(tr ' ' '\n' <<<"${p50[$scenario]}" | grep . | median)
  m_p99=$(tr ' ' '\n' <<<"${p99[$scenario]}" | grep . | median)
  printf '| %s | %.0f | %.2f | %.2f | %s|\n' "$label" "$m_rps" "$m_p50" "$m_p99" "${rps[$scenario]}"
done
m_load=$(printf '%s\n' "${load_rss[@]}" | median)
echo
echo "| memory | MiB |"
echo "|---|---:|"
printf '| RSS idle (after start and demo seed) | %.1f |\n' "$(awk -v k="$idle_rss" 'BEGIN{print k/1024}')"
printf '| RSS under load (median sample, 3 s into each run) | %.1f |\n' "$(awk -v k="$m_load" 'BEGIN{print k/1024}')"
printf '| peak RSS (VmHWM, whole session) | %.1f |\n' "$(awk -v k="$peak_rss" 'BEGIN{print k/1024}')"
echo
echo "database=$BENCH_DB connections=$CONNECTIONS threads=$THREADS duration=$DURATION runs=$RUNS cores=$(nproc) cpu=\"$(awk -F: '/model name/ {print $2; exit}' /proc/cpuinfo | sed 's/^ //')\""

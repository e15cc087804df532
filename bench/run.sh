#!/usr/bin/env bash
# The benchmark over HTTP, as users meet it (issue 12). One command:
#
#   bench/run.sh [demo|province|x10] [seconds per run, default 10]
#
# 1. generates the scale's records into its own embedded database under bench/data/<scale>
#    (the province generator: province = 50,000 children, 30,000 mothers, 2,000,000
#    contacts; x10 the same code with ten times the numbers; demo = the demo data only),
#    or reuses that database when it exists;
# 2. starts the packaged jar (java -Xmx512m -jar target/caring-mothers.jar), building it
#    when missing;
# 3. signs in as the province admin, the 忻州 city official, the 神池 county staff and the
#    娄烦 mother, warms each page up and drives it with wrk (installed from Debian when
#    missing) at 1 and 8 connections;
# 4. prints a table and writes bench/results.csv:
#    scale,page,connections,p50_ms,p95_ms,p99_ms,req_per_s,errors,sql_statements,db_only_ms
#
# sql_statements comes from target/statement-counts.csv, written by StatementCountTests
# (the count is the same at every data size, which that test asserts); run it first with
#   ./mvnw verify -Dtest=StatementCountTests -Dit.test=NoSuch
# db_only_ms: the page's statements run straight against PostgreSQL with pgbench, at the
# same number of connections (p95 of pgbench's per-transaction latencies). They are taken
# from the server's own statement log for one request of the page (bench/DbOnly.java puts
# the logged parameters back in); a page that writes runs them in a transaction that is
# rolled back. Needs pgbench and psql (PostgreSQL's client packages).
set -euo pipefail
cd "$(dirname "$0")/.."

scale=${1:-province}
seconds=${2:-10}
port=${BENCH_PORT:-18080}
base="http://localhost:$port"
case "$scale" in
  demo) numbers="" ;;
  province) numbers="50000,30000,2000000" ;;
  x10) numbers="500000,300000,20000000" ;;
  *) echo "usage: bench/run.sh [demo|province|x10] [seconds]" >&2; exit 2 ;;
esac

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get install -y -qq wrk
fi
[ -f target/caring-mothers.jar ] || ./mvnw -q -DskipTests package

data="bench/data/$scale"
args=()
if [ ! -d "$data" ] && [ -n "$numbers" ]; then
  args+=("--scale-data=$numbers")
  echo "Generating $scale data into $data (this takes a while)"
fi
mkdir -p bench/data
log="bench/data/$scale.log"
start_app() {
  EMBEDDED_DB_DIR="$data" java -Xmx512m -jar target/caring-mothers.jar --server.port="$port" "$@" >"$log" 2>&1 &
  app=$!
  for _ in $(seq 1 3600); do
    if curl -fs -o /dev/null "$base/login"; then break; fi
    if ! kill -0 $app 2>/dev/null; then echo "the application stopped; see $log" >&2; exit 1; fi
    sleep 1
  done
}
start_app "${args[@]}"
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT

jar=$(mktemp -d)
password=aixin-demo-2026
# Signs a user in; prints the session cookie header value.
sign_in() {
  local user=$1 cookies="$jar/$1"
  local csrf
  csrf=$(curl -fs -c "$cookies" -b "$cookies" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  local location
  location=$(curl -fs -o /dev/null -w '%{redirect_url}' -c "$cookies" -b "$cookies" --data-urlencode "username=$user" \
    --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" "$base/login")
  case "$location" in *error*|"") echo "sign-in of $user failed" >&2; return 1 ;; esac
  awk '(!/^#/ || /^#HttpOnly_/) && NF >= 7 { printf "%s=%s; ", $6, $7 }' "$cookies" | sed 's/; $//'
}

# The demo accounts (and generated records) are made after the server starts: wait for them.
for _ in $(seq 1 3600); do
  if grep -q "Demo data ready" "$log" && { [ -z "${args[*]:-}" ] || grep -q "Province-scale data added" "$log"; }; then break; fi
  if ! kill -0 $app 2>/dev/null; then echo "the application stopped; see $log" >&2; exit 1; fi
  sleep 1
done
admin=$(sign_in admin)
official=$(sign_in xinzhou.official)
staff=$(sign_in shenchi.staff)
mother=$(sign_in loufan.mother)

# Ids the pages need, read through the pages themselves.
shenchi=$(curl -fs -H "Cookie: $staff" "$base/dashboard" | grep -o '/dashboard/[0-9]*/ledger' | head -1 | grep -o '[0-9]\+' || true)
child=$(curl -fs -H "Cookie: $staff" "$base/children?federationCode=140927" | grep -o 'href="/children/[0-9]*"' | head -1 | grep -o '[0-9]\+' || true)
pairing=$(curl -fs -H "Cookie: $mother" "$base/" | grep -o '/my/pairings/[0-9]*/visits/new' | head -1 | grep -o '[0-9]\+' | head -1 || true)
month=$(date +%Y-%m)

# The embedded server: its port (from the log) and the superuser's password (beside its data).
db_port=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
export PGPASSWORD
PGPASSWORD=$(cat "$data-password")
psql_su() { psql -X -q -h localhost -p "$db_port" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
# The server's statement log goes to a file of its own (logging_collector, set once in the
# database's postgresql.auto.conf; it takes a restart, done here the first time).
if [ "$(psql_su -Atc 'show logging_collector')" != on ]; then
  psql_su -c "alter system set logging_collector = on" -c "alter system set log_directory = 'log'" \
    -c "alter system set log_filename = 'statements.log'" >/dev/null
  kill $app; wait $app 2>/dev/null || true
  start_app
  db_port=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
  admin=$(sign_in admin)
  official=$(sign_in xinzhou.official)
  staff=$(sign_in shenchi.staff)
  mother=$(sign_in loufan.mother)
fi
pglog="$data/log/statements.log"

# Writes the statements of one request of a page (GET, or the contact POST) as a pgbench
# script to $2; prints how many there were.
capture() { # curl arguments..., then the script path last
  local script=${*: -1} from
  psql_su -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null
  sleep 0.5
  touch "$pglog"
  from=$(($(wc -l <"$pglog") + 1))
  curl -s -o /dev/null "${@:1:$#-1}"
  sleep 1
  psql_su -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null
  local mode=""
  case " ${*:1:$#-1} " in *" --data "*|*" -d "*) mode=--rollback ;; esac
  java bench/DbOnly.java "$pglog" "$from" $mode >"$script" 2>/dev/null
  grep -c ';$' "$script" || true
}

# p95 in ms of pgbench running the script with $2 connections for the run's time.
db_only() {
  local script=$1 c=$2 dir
  dir=$(mktemp -d)
  (cd "$dir" && pgbench -n -h localhost -p "$db_port" -U postgres -c "$c" -j "$c" -T "$seconds" \
    -f "$script" --log --log-prefix=tx postgres >/dev/null 2>&1) || true
  cat "$dir"/tx* 2>/dev/null | awk '{ print $3 }' | sort -n | awk '{ a[NR] = $1 } END {
    if (NR == 0) { print ""; exit } i = int(NR * 0.95); if (i < 1) i = 1; printf "%.1f", a[i] / 1000 }'
  rm -rf "$dir"
}

counts=target/statement-counts.csv
statements() { [ -f "$counts" ] && awk -F, -v p="$1" '$1 == p { print $2 }' "$counts" || true; }

out=bench/results.csv
[ -f "$out" ] || echo "scale,page,connections,p50_ms,p95_ms,p99_ms,req_per_s,errors,sql_statements,db_only_ms" >"$out"
printf '%-28s %5s %9s %9s %9s %10s %7s %6s %7s %8s\n' page conns p50_ms p95_ms p99_ms req_per_s errors sql logged db_only

run() { # page name, statement-count name, cookie, path, [lua script]
  local name=$1 counted=$2 cookie=$3 path=$4 script=${5:-bench/report.lua}
  if [ "$script" = bench/report.lua ]; then
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$path")
    if [ "$status" != 200 ]; then
      echo "$name: $path answers $status, not 200; skipped" >&2
      return 0
    fi
  fi
  local sqlfile="$jar/db-only-${name// /-}.sql" logged
  if [ "$script" = bench/report.lua ]; then
    logged=$(capture -H "Cookie: $cookie" "$base$path" "$sqlfile")
  else
    logged=$(capture -H "Cookie: $cookie" --data "_csrf=$BENCH_CSRF&clientToken=bench-capture-$(date +%s%N)&visitDate=$BENCH_DAY&mode=PHONE&durationMinutes=20&careTypes=COMFORT&childMood=GOOD" "$base$path" "$sqlfile")
  fi
  for c in 1 8; do
    wrk -t1 -c1 -d2s -s "$script" -H "Cookie: $cookie" "$base$path" >/dev/null 2>&1 || true
    local line
    line=$(wrk -t1 -c$c -d${seconds}s -s "$script" -H "Cookie: $cookie" "$base$path" | grep '^RESULT' || echo "RESULT - - - - -")
    read -r _ p50 p95 p99 rps errors <<<"$line"
    local sqlc dbms=""
    sqlc=$(statements "$counted")
    if [ "${logged:-0}" -gt 0 ]; then dbms=$(db_only "$sqlfile" "$c"); fi
    printf '%-28s %5s %9s %9s %9s %10s %7s %6s %7s %8s\n' "$name" "$c" "$p50" "$p95" "$p99" "$rps" "$errors" "${sqlc:--}" "${logged:--}" "${dbms:--}"
    echo "$scale,$name,$c,$p50,$p95,$p99,$rps,$errors,$sqlc,$dbms" >>"$out"
  done
}

run "sign-in page" "-" "" "/login"
run "province dashboard" "province dashboard" "$admin" "/dashboard"
run "city dashboard" "city dashboard" "$official" "/dashboard"
run "county dashboard" "county dashboard" "$staff" "/dashboard"
run "staff home" "staff home" "$staff" "/"
run "children list filtered" "children list filtered" "$staff" "/children?federationCode=140927&category=LEFT_BEHIND"
run "children list page 200" "children list page 200" "$staff" "/children?federationCode=140927&category=LEFT_BEHIND&page=199"
[ -n "$child" ] && run "child page" "child page" "$staff" "/children/$child"
run "mother home" "mother home" "$mother" "/"
run "review queue" "review queue" "$staff" "/visits/review"
run "care-gap list" "care-gap list" "$staff" "/care-gaps"
[ -n "$shenchi" ] && run "county ledger workbook" "ledger workbook" "$staff" "/dashboard/$shenchi/ledger.xlsx?month=$month"
if [ -n "$pairing" ]; then
  form=$(curl -fs -H "Cookie: $mother" "$base/my/pairings/$pairing/visits/new")
  export BENCH_CSRF
  BENCH_CSRF=$(echo "$form" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  export BENCH_COOKIE="$mother" BENCH_DAY
  BENCH_DAY=$(date +%Y-%m-%d)
  cat bench/report.lua bench/contact.lua >"$jar/contact.lua"
  run "contact submission" "contact submission" "$mother" "/my/pairings/$pairing/visits" "$jar/contact.lua"
fi
echo "Written to $out"

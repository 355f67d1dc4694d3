#!/usr/bin/env bash
# The issue-4 HTTP figures in one run: a fresh SQLite store in a temporary directory, a caredesk
# server on a loopback port, then wrk with 64 connections against GET /healthz, POST
# /api/v1/contacts and GET /api/v1/cases/{reference}, each quoted against /healthz.
#   bench/http/run.sh [build/src/app/caredesk] [seconds]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
B=${1:-build/src/app/caredesk}
seconds=${2:-10}
port=${CAREDESK_BENCH_PORT:-18080}
dir=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$dir"' EXIT
db="$dir/bench.db"
"$B" migrate --db "$db" >/dev/null
"$B" department add --db "$db" --name Certificates >/dev/null
echo "correct horse battery" | "$B" user add --db "$db" --email agent@example.org \
  --name "Alex Agent" --role manager --department Certificates >/dev/null
export CAREDESK_TOKEN=$("$B" token create --db "$db" --email agent@example.org 2>/dev/null)
"$B" serve --db "$db" --listen "127.0.0.1:$port" --access-log /dev/null >"$dir/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
url="http://127.0.0.1:$port"
run() { # name script
  local out
  out=$(wrk -t2 -c64 -d"${seconds}s" --latency -s "$here/$2" "$url" 2>&1)
  local rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  local line=$(grep '^requests:' <<<"$out")
  echo "$1|$rate|$line" >>"$dir/results"
  echo "$1: $rate/s  $line"
}
run healthz healthz.lua
run post_contacts post_contacts.lua
# Every 201 above made one case: read among them.
cases=$(awk -F'|' '$1=="post_contacts" {split($3, a, /[ ,]+/); print a[2]}' "$dir/results")
CAREDESK_CASES=$cases run get_case get_case.lua
awk -F'|' 'NR==1 {base=$2} {printf "%-14s %10.0f/s  ratio %.3f\n", $1, $2, $2/base}' "$dir/results"

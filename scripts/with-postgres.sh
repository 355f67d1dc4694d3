#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 server, the shell twin of
# tests/support/pg_server.h (for load scripts and poking at a store by hand). The server lives in
# a fresh /tmp/caredesk-pg-* directory, listens on 127.0.0.1 at a random high port and on a Unix
# socket in that directory, runs with fsync on, and is stopped and removed when the command ends.
# Under root it runs as the postgres system user (or nobody): PostgreSQL refuses root.
#
#   scripts/with-postgres.sh COMMAND [ARGS...]
#
# The command sees CAREDESK_PG_URL (postgresql://postgres@127.0.0.1:PORT/caredesk) and PGHOST,
# PGPORT, PGUSER, PGDATABASE, so `scripts/with-postgres.sh psql` just works.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

bindir=${CAREDESK_PG_BINDIR:-/usr/lib/postgresql/15/bin}
if [ -z "${CAREDESK_PG_BINDIR:-}" ] && [ ! -x "$bindir/postgres" ] &&
  command -v pg_config >/dev/null 2>&1; then
  bindir=$(pg_config --bindir)
fi
if [ ! -x "$bindir/postgres" ] || [ ! -x "$bindir/initdb" ]; then
  echo "with-postgres: PostgreSQL server binaries not found in $bindir; install postgresql-15" >&2
  exit 1
fi

as_user=()
dir=$(mktemp -d /tmp/caredesk-pg-XXXXXX)
echo $$ >"$dir/owner.pid"  # lets PgServer sweep the directory if this script dies uncleanly
if [ "$(id -u)" -eq 0 ]; then
  user=postgres
  id -u "$user" >/dev/null 2>&1 || user=nobody
  as_user=(setpriv --reuid="$(id -u "$user")" --regid="$(id -g "$user")" --clear-groups)
  chown "$(id -u "$user"):$(id -g "$user")" "$dir"
fi
chmod 700 "$dir"

pid=
# shellcheck disable=SC2317  # runs from the EXIT trap
cleanup() {
  if [ -n "$pid" ] && kill -INT "$pid" 2>/dev/null; then  # SIGINT: pg_ctl's fast shutdown
    for _ in $(seq 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# How server binaries run: as the unprivileged user, from the directory, with a clean environment.
# env, setpriv and the binary each exec the next, so a background job's $! is the postmaster.
run=(env -i -C "$dir" PATH=/usr/bin:/bin LC_ALL=C LANG=C TZ=UTC "${as_user[@]}")

if ! "${run[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C \
  --no-sync --no-instructions >"$dir/initdb.log" 2>&1; then
  echo "with-postgres: initdb failed:" >&2
  tail -n 20 "$dir/initdb.log" >&2
  exit 1
fi

: >"$dir/server.log"
for attempt in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 12000))  # below the ephemeral range; retried if taken
  logged=$(wc -l <"$dir/server.log")
  # In its own session, so a Ctrl-C meant for the command (say, psql) does not reach it.
  "${run[@]}" setsid "$bindir/postgres" -D "$dir/data" -p "$port" -c listen_addresses=127.0.0.1 \
    -c "unix_socket_directories=$dir" -c fsync=on >>"$dir/server.log" 2>&1 &
  pid=$!
  deadline=$((SECONDS + 30))
  until "$bindir/pg_isready" -q -h "$dir" -p "$port" -U postgres -d postgres; do
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid" 2>/dev/null || true
      pid=
      break
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "with-postgres: postgres did not accept connections within 30 s:" >&2
      tail -n 20 "$dir/server.log" >&2
      exit 1
    fi
    sleep 0.05
  done
  [ -n "$pid" ] && break
  if [ "$attempt" -eq 5 ] || ! tail -n "+$((logged + 1))" "$dir/server.log" |
    grep -q "could not create any TCP/IP sockets"; then
    echo "with-postgres: postgres exited during start-up:" >&2
    tail -n 20 "$dir/server.log" >&2
    exit 1
  fi
done

"$bindir/psql" -X -q -h "$dir" -p "$port" -U postgres -d postgres -c 'CREATE DATABASE caredesk'

export CAREDESK_PG_URL="postgresql://postgres@127.0.0.1:$port/caredesk"
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=caredesk
# In the foreground, so Ctrl-C reaches it; the server is stopped when it ends.
status=0
"$@" || status=$?
exit "$status"

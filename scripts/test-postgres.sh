#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store's tests (`make test` starts it): Debian's
# server binaries, a data folder outside the repo, listening only on 127.0.0.1 on a fixed
# port, trust auth (loopback only, nothing worth protecting), fsync off. Prints the URL.
#
#   scripts/test-postgres.sh start [--require]   start it, or reuse it if it is running
#   scripts/test-postgres.sh stop                stop it (the data folder stays)
#   scripts/test-postgres.sh url                 print the URL tests read from TRIAGE_TEST_PG
#
# Without PostgreSQL's binaries `start` says so and exits 0 with no URL, so `make test`
# runs and the PostgreSQL tests skip; `--require` makes that an error instead.
# TRIAGE_PG_DIR, TRIAGE_PG_PORT and PG_BIN override the folder, the port and the binaries.
set -euo pipefail

DIR=${TRIAGE_PG_DIR:-/tmp/gongkai-triage-pg}
PORT=${TRIAGE_PG_PORT:-54329}
DATA=$DIR/data
LOG=$DIR/postgres.log
URL="postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"

die() {
  echo "test-postgres: $*" >&2
  exit 1
}

# The newest Debian server install, unless PG_BIN names one.
find_bin() {
  if [ -n "${PG_BIN:-}" ]; then
    echo "$PG_BIN"
    return
  fi
  local dir
  dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
  echo "${dir:-}"
}

# initdb and postgres refuse to run as root: root runs them as the Debian package's user.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() {
  "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"
}

start() {
  local require=${1:-}
  BIN=$(find_bin)
  if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ] || [ ! -x "$BIN/pg_ctl" ]; then
    local msg="PostgreSQL's server binaries are not installed (Debian package postgresql; \`make apt\` installs it)"
    [ "$require" = --require ] && die "$msg"
    echo "test-postgres: $msg; the PostgreSQL tests will skip" >&2
    return 0
  fi
  if running; then
    echo "$URL"
    return 0
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    die "running as root needs the postgres user (Debian's postgresql package creates it)"
  fi
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
  if [ ! -s "$DATA/PG_VERSION" ]; then
    rm -rf "$DATA" # a half-made cluster from an interrupted run
    as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
      >"$DIR/initdb.log" 2>&1 || die "initdb failed, see $DIR/initdb.log"
    # Settings live in the cluster, so a plain `pg_ctl start` brings back the same server.
    cat >>"$DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DIR'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
  fi
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >/dev/null ||
    die "the server did not start, see $LOG"
  echo "$URL"
}

stop() {
  BIN=$(find_bin)
  [ -n "$BIN" ] && [ -s "$DATA/PG_VERSION" ] || return 0
  if running; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
  fi
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop ;;
  url) echo "$URL" ;;
  *)
    echo "usage: $0 start [--require] | stop | url" >&2
    exit 2
    ;;
esac

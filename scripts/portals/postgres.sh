#!/usr/bin/env bash
# A real PostgreSQL 15 (Debian 12's packages) on 127.0.0.1 for the desk server's tests.
#
#   postgres.sh start DIR   install the package if missing, make a cluster in DIR/data, start
#                           it on 127.0.0.1 at a free port (its socket in DIR/socket), make the
#                           role `newsdesk` (password) and the database `desk`, print one JSON line:
#                           {"url","port","pid","dir"}
#   postgres.sh stop DIR    stop the cluster started for DIR and wait for it to end
#
# initdb refuses root: as root the cluster is made and run by the `postgres` user (runuser).
# Nothing listens anywhere but 127.0.0.1 and the socket in DIR. Progress goes to stderr;
# stdout carries only the JSON line.
set -euo pipefail

PROG=postgres.sh
STARTUP_TIMEOUT=${PG_STARTUP_TIMEOUT:-30}

say() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }
usage() {
  cat >&2 <<USAGE
usage: $PROG start DIR    start a private PostgreSQL for DIR, print its JSON description
       $PROG stop DIR     stop the PostgreSQL started for DIR
USAGE
  exit 2
}

[ $# -eq 2 ] || usage
cmd=$1
dir=$2

bindir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$found" ] || return 1
  printf '%s\n' "$found"
}

# as_owner CMD...: runs CMD as the cluster's owner (postgres when we are root).
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  if ! bin=$(bindir); then
    say "installing postgresql (Debian's package)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 || die "cannot install postgresql"
    bin=$(bindir) || die "postgresql is installed but has no /usr/lib/postgresql/*/bin"
  fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  local data=$dir/data socket=$dir/socket log=$dir/postgres.log pwfile=$dir/password
  if [ "$(id -u)" -eq 0 ]; then
    # The owner must reach DIR: every parent needs search permission for others.
    local up=$dir
    while [ "$up" != "/" ]; do chmod o+x "$up" 2>/dev/null || true; up=$(dirname "$up"); done
  fi
  if [ ! -s "$data/PG_VERSION" ]; then
    rm -rf "$data" "$socket"
    mkdir -p "$data" "$socket"
    head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$pwfile"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$data" "$socket" "$pwfile"; fi
    chmod 700 "$data"
    as_owner "$bin/initdb" -D "$data" -U newsdesk --pwfile="$pwfile" --auth-local=trust \
      --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >&2 || die "initdb failed"
  fi
  local port
  if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1 && [ -s "$dir/port" ]; then
    port=$(cat "$dir/port")
    say "already running on 127.0.0.1:$port"
    describe "$dir" "$port"
    return 0
  fi
  port=$(free_port)
  touch "$log"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$log"; fi
  as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t "$STARTUP_TIMEOUT" \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $socket -c fsync=on" start >&2 \
    || { tail -20 "$log" >&2; die "PostgreSQL did not start (log: $log)"; }
  echo "$port" > "$dir/port"
  if ! as_owner "$bin/psql" -h "$socket" -p "$port" -U newsdesk -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = 'desk'" | grep -q 1; then
    as_owner "$bin/createdb" -h "$socket" -p "$port" -U newsdesk desk >&2 || die "createdb failed"
  fi
  describe "$dir" "$port"
}

# describe DIR PORT: the JSON line.
describe() {
  local pid password
  pid=$(head -1 "$1/data/postmaster.pid")
  password=$(cat "$1/password")
  printf '{"url":"postgres://newsdesk:%s@127.0.0.1:%s/desk","port":%s,"pid":%s,"dir":"%s"}\n' \
    "$password" "$2" "$2" "$pid" "$1"
}

stop() {
  local bin data=$dir/data
  [ -f "$data/postmaster.pid" ] || { say "nothing running for $dir"; return 0; }
  bin=$(bindir) || die "no PostgreSQL binaries"
  as_owner "$bin/pg_ctl" -D "$data" -m fast -w -t 30 stop >&2 || die "pg_ctl stop failed"
}

case $cmd in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac

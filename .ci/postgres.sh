#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster (initdb + pg_ctl, as a non-root user,
# in a temporary folder, on a free port of 127.0.0.1), runs the given command
# with ISMSKIT_POSTGRES_DSN set to it, and stops and removes the cluster at
# exit. Without a command it runs the sqlstore tests:
#
#   bash .ci/postgres.sh                                  # go test -race -timeout 45m ./isms/sqlstore/...
#   bash .ci/postgres.sh go test -race -timeout 45m $(go list -m -f '{{.Dir}}/...')   # README's test command
#
# When PostgreSQL cannot be installed or started, it says so in one loud line
# and runs the command anyway (the PostgreSQL tests then skip): a missing
# server never fails the run by itself. The command's exit status is kept.
set -uo pipefail

if [ $# -eq 0 ]; then set -- go test -race -timeout 45m ./isms/sqlstore/...; fi

pg_dir=""
pg_ctl_bin=""
pg_user=""
as_user() { if [ -n "$pg_user" ]; then runuser -u "$pg_user" -- "$@"; else "$@"; fi; }
cleanup() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    [ -n "$pg_ctl_bin" ] && as_user "$pg_ctl_bin" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1
    rm -rf "$pg_dir"
  fi
}
trap cleanup EXIT

find_bin() {
  command -v "$1" 2>/dev/null && return 0
  ls /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -1 | grep . && return 0
  return 1
}

start_postgres() {
  local initdb
  if ! initdb=$(find_bin initdb); then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "postgres.sh: installing PostgreSQL (apt-get install -y postgresql)"
      (timeout 600 apt-get install -y -qq postgresql >/dev/null 2>&1 ||
        { timeout 300 apt-get update -qq >/dev/null 2>&1 && timeout 600 apt-get install -y -qq postgresql >/dev/null 2>&1; })
    fi
    initdb=$(find_bin initdb) || { why="initdb not found and PostgreSQL could not be installed"; return 1; }
  fi
  pg_ctl_bin=$(find_bin pg_ctl) || { why="pg_ctl not found"; return 1; }
  pg_dir=$(mktemp -d /tmp/ismskit-pg.XXXXXX) || { why="no temporary folder"; return 1; }
  if [ "$(id -u)" = 0 ]; then
    # PostgreSQL refuses to run as root.
    if id postgres >/dev/null 2>&1; then pg_user=postgres; else pg_user=nobody; fi
    chown "$pg_user" "$pg_dir" || { why="cannot give $pg_dir to $pg_user"; return 1; }
    chmod 700 "$pg_dir"
  fi
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null || break
  done
  as_user "$initdb" -D "$pg_dir/data" -U ismskit -A trust --no-sync -E UTF8 >"$pg_dir/initdb.log" 2>&1 ||
    { why="initdb failed: $(tail -1 "$pg_dir/initdb.log")"; return 1; }
  as_user "$pg_ctl_bin" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $pg_dir -F -c fsync=off -c full_page_writes=off" start >/dev/null 2>&1 ||
    { why="pg_ctl start failed: $(tail -1 "$pg_dir/server.log" 2>/dev/null)"; return 1; }
  export ISMSKIT_POSTGRES_DSN="postgres://ismskit@127.0.0.1:$port/postgres?sslmode=disable"
  echo "postgres.sh: PostgreSQL $("$pg_ctl_bin" --version | awk '{print $3}') on 127.0.0.1:$port ($pg_dir), ISMSKIT_POSTGRES_DSN set"
}

why=""
if ! start_postgres; then
  unset ISMSKIT_POSTGRES_DSN
  echo "!!!!! POSTGRESQL UNAVAILABLE: $why; the PostgreSQL tests will SKIP !!!!!"
fi
"$@"

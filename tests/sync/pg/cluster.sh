#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the kiosk-central tests (CTest fixture kiosk_pg).
#
#   cluster.sh start STATE_DIR   initdb + pg_ctl start on a free loopback port, in a temp dir,
#                                as a non-root user; writes STATE_DIR/url (the admin connection
#                                string the tests read through $KIOSK_PG_URL_FILE)
#   cluster.sh stop STATE_DIR    stops it and removes its files
#
# PostgreSQL refuses to run as root, so under root the cluster runs as the system user
# "kioskpg" (created here if missing). Exits non-zero with the server log when anything fails,
# so the tests that need the cluster fail rather than skip.
set -euo pipefail

PG_BIN=${KIOSK_PG_BIN:-/usr/lib/postgresql/15/bin}
PG_USER=kioskpg
cmd=${1:?usage: cluster.sh start|stop STATE_DIR}
state=${2:?usage: cluster.sh start|stop STATE_DIR}

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$PG_USER" -- "$@"
  else
    "$@"
  fi
}

stop_cluster() {
  if [ -f "$state/datadir" ]; then
    local dir
    dir=$(cat "$state/datadir")
    if [ -d "$dir/data" ]; then
      as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
  fi
  rm -f "$state/datadir" "$state/url"
}

free_port() {
  # A port nobody answers on; pg_ctl start is retried if another process takes it meanwhile.
  local p
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

start_cluster() {
  [ -x "$PG_BIN/initdb" ] || { echo "cluster.sh: no $PG_BIN/initdb (install postgresql-15)" >&2; exit 1; }
  mkdir -p "$state"
  stop_cluster  # a cluster left over from an interrupted run
  if [ "$(id -u)" -eq 0 ] && ! id "$PG_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
  fi
  local dir
  dir=$(mktemp -d /tmp/kiosk-pg.XXXXXX)
  echo "$dir" > "$state/datadir"
  if [ "$(id -u)" -eq 0 ]; then chown "$PG_USER" "$dir"; fi
  chmod 700 "$dir"
  # The non-root user must be able to reach initdb: a root directory of mode 0700 (seen in
  # chroots made under mktemp -d) makes every exec fail with a bare "Permission denied".
  if ! as_pg test -x "$PG_BIN/initdb"; then
    echo "cluster.sh: user $PG_USER cannot execute $PG_BIN/initdb;" \
      "modes: / $(stat -c %a /), /usr $(stat -c %a /usr), $PG_BIN $(stat -c %a "$PG_BIN")" >&2
    exit 1
  fi
  as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  local port
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    if as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" \
        start >/dev/null; then
      echo "postgresql://postgres@127.0.0.1:$port/postgres" > "$state/url"
      echo "cluster.sh: PostgreSQL 15 on 127.0.0.1:$port (data in $dir)"
      return 0
    fi
  done
  echo "cluster.sh: PostgreSQL did not start" >&2
  cat "$dir/server.log" >&2 || true
  exit 1
}

case "$cmd" in
  start) start_cluster ;;
  stop) stop_cluster ;;
  *) echo "usage: cluster.sh start|stop STATE_DIR" >&2; exit 2 ;;
esac

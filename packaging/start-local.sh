#!/usr/bin/env bash
# The embedded default, the whole system on one machine, from built binaries:
#   1. a local central server (kiosk-central on SQLite, loopback only) holding the demo job offers,
#   2. the kiosk's sync daemon (kiosk-sync), enrolled against that server on its first start,
#   3. the kiosk UI on a local SQLite database in the per-user data directory.
# The server and the daemon stop when the kiosk exits. Usage: start-local.sh BUILD_DIR [kiosk
# arguments...]; packaging/run-local.sh builds and calls it. KIOSK_CENTRAL_LISTEN moves the local
# server (default 127.0.0.1:8787). Logs (codes and counts, no personal data) go beside the data.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:?usage: start-local.sh BUILD_DIR [kiosk arguments...]}"
shift
central_bin="$bin/sync/server/kiosk-central"
sync_bin="$bin/sync/client/kiosk-sync"
listen="${KIOSK_CENTRAL_LISTEN:-127.0.0.1:8787}"
url="http://$listen"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
central="$data_home/kiosk-central"
kiosk="$data_home/kiosk"
mkdir -p "$central" "$kiosk"
chmod 700 "$central" "$kiosk"

# The local central server's key pair and schema (kept; `init` never overwrites them). The kiosk
# seals every registration to server.pub and refuses registrations without it (sync/README.md).
"$central_bin" init --db "$central/central.db" --keys "$central/keys" >/dev/null
cp "$central/keys/server.pub" "$kiosk/server.pub"

# The demo job offers. Importing again is cheap: an offer that did not change is not published
# again, so kiosks pull only what is new.
"$central_bin" jobs import --db "$central/central.db" assets/demo/offers.json \
  >"$central/import.log" 2>&1 || {
  echo "start-local: the demo offers did not all import; see $central/import.log" >&2
  exit 1
}

pids=()
stop_all() {
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap stop_all EXIT

"$central_bin" serve --db "$central/central.db" --keys "$central/keys" --listen "$listen" \
  >>"$central/serve.log" 2>&1 &
pids+=($!)
host="${listen%:*}"
port="${listen##*:}"
for _ in $(seq 100); do
  if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then
    break
  fi
  if ! kill -0 "${pids[0]}" 2>/dev/null; then
    echo "start-local: kiosk-central could not start on $listen (is the port taken?); see $central/serve.log" >&2
    tail -n 5 "$central/serve.log" >&2
    exit 1
  fi
  sleep 0.1
done

# Enrol on the first start; one pass brings the offers down before the window opens; enrol again
# when that pass found the server no longer knows this kiosk (its database was removed): then
# `status` reports "enrolment needed" and exits non-zero. The queue is kept either way.
enrol() {
  local code
  code="$("$central_bin" enrol-code --db "$central/central.db" --centre "Demo centre" | head -n 1)"
  "$sync_bin" enroll --db "$kiosk/kiosk.db" --server "$url" --code "$code"
}
"$sync_bin" status --db "$kiosk/kiosk.db" | grep -qx "enrolled: yes" || enrol
"$sync_bin" once --db "$kiosk/kiosk.db" >>"$kiosk/sync.log" 2>&1 || true
"$sync_bin" status --db "$kiosk/kiosk.db" >/dev/null || enrol

"$sync_bin" run --db "$kiosk/kiosk.db" >>"$kiosk/sync.log" 2>&1 &
pids+=($!)

"$bin/kiosk/app/kiosk" "$@"

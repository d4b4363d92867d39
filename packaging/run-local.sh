#!/usr/bin/env bash
# The embedded default on one machine: install what is needed, build the release preset and start
# the kiosk on a local SQLite database in the per-user data directory, with demo content.
# Extra arguments go to the kiosk (for example --fullscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run-local: no display; run it under a desktop session or: xvfb-run -a bash packaging/run-local.sh" >&2
  exit 1
fi
# The local central server's key pair (kept; `init` never overwrites it). The kiosk seals every
# registration to server.pub and refuses registrations without it (sync/README.md).
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
central="$data_home/kiosk-central"
mkdir -p "$central" "$data_home/kiosk"
chmod 700 "$central" "$data_home/kiosk"
./build/release/sync/server/kiosk-central init --db "$central/central.db" --keys "$central/keys" >/dev/null
cp "$central/keys/server.pub" "$data_home/kiosk/server.pub"
exec ./build/release/kiosk/app/kiosk "$@"

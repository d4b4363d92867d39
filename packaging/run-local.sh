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
exec ./build/release/kiosk/app/kiosk "$@"

#!/usr/bin/env bash
# The embedded default on one machine: install what is needed, build the release preset and start
# the whole system (packaging/start-local.sh): a local central server with the demo job offers,
# the kiosk's sync daemon enrolled against it, and the kiosk UI on a local SQLite database.
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
exec bash packaging/start-local.sh build/release "$@"

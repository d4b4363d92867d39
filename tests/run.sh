#!/usr/bin/env bash
# The whole test suite, as CI runs it: install what is needed, configure the `ci` preset
# (warnings are errors), build everything, run every test with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake --workflow --preset ci

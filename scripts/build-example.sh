#!/usr/bin/env bash
# Set up everything from nothing, then build the example brief into dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/brief build examples/thorn "$@"

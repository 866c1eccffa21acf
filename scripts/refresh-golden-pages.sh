#!/usr/bin/env bash
# Rewrite the golden PNGs of the example's pages (tests/golden-pages/) after a deliberate change of
# the layout. Look at the new pages before you commit them.
set -euo pipefail
cd "$(dirname "$0")/.."
BRIEF_REFRESH_GOLDEN=1 .venv/bin/python -m pytest -q -p no:randomly tests/write/test_golden_pages.py \
  -k match_the_golden
git status --short tests/golden-pages

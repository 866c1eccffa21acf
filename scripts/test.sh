#!/usr/bin/env bash
# Set up everything from nothing, then run the whole test suite (the README's test command).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy  # the type checker, pinned in constraints.txt; configuration in pyproject.toml
.venv/bin/python -m pytest -q "$@"

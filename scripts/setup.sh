#!/usr/bin/env bash
# Install everything brief needs on a fresh Debian/Ubuntu machine with Python 3.11+:
# system libraries for WeasyPrint, validators (Java for epubcheck, poppler, zbar), and a virtualenv
# in .venv with brief and its test tools. Safe to run again; it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fontconfig  # WeasyPrint
  default-jre-headless                                         # epubcheck runs its jar with Java
  poppler-utils                                                # pdftotext, pdffonts, pdfinfo, pdftoppm
  zbar-tools                                                   # zbarimg decodes printed QR codes
  chromium                                                     # DAISY Ace and the serve browser test
  python3-venv
)
command -v npm >/dev/null || APT_PACKAGES+=(nodejs npm)       # DAISY Ace comes from npm
missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -c constraints.txt -e ".[test]" 2> >(grep -v "^WARNING: Location" >&2)
# An editable install is not byte-compiled (a wheel install is): compile once, so that no build
# pays for it, even where PYTHONDONTWRITEBYTECODE is set.
.venv/bin/python -m compileall -q brief >/dev/null
# DAISY Ace (EPUB accessibility), pinned in tools/ace/package-lock.json; it drives Debian's
# chromium, so puppeteer must not download a browser of its own.
if [ ! -x tools/ace/node_modules/.bin/ace-cli ] || [ tools/ace/package-lock.json -nt tools/ace/node_modules ]; then
  (cd tools/ace && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
echo "setup: ready ($(.venv/bin/brief --version))"

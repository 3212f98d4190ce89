#!/usr/bin/env bash
# Create .venv and install docgen into it. "runtime": the package only; "test": with the test extra.
# System packages (LibreOffice, pandoc, fonts) are listed in scripts/apt-packages.txt and installed
# here when missing, so a fresh Debian 12 machine needs nothing done by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-runtime}"

missing=()
if [ -s scripts/apt-packages.txt ]; then
  while read -r pkg; do
    [ -z "$pkg" ] || [[ "$pkg" == \#* ]] && continue
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done < scripts/apt-packages.txt
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Free fonts that stand in for the Windows Chinese fonts named in the documents.
if [ -x scripts/install-fonts.sh ]; then
  bash scripts/install-fonts.sh
fi

PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$mode" = "test" ]; then
  .venv/bin/python -m pip install -q -e '.[test]'
else
  .venv/bin/python -m pip install -q -e .
fi

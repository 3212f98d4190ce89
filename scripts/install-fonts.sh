#!/usr/bin/env bash
# Install the free Fandol fonts (仿宋/楷体/黑体/宋体 with full simplified-Chinese coverage) that
# docgen's fontconfig aliases map the Windows font names to (docgen/fonts/fonts.conf).
#
# Debian ships them only inside texlive-lang-chinese (98 MB, pulls TeX Live); we download that one
# package, unpack it in a scratch folder and copy just the fandol/*.otf files (~35 MB). Idempotent:
# does nothing when every file is already in place. Fails loudly (set -e, explicit checks).
#
# Target folder: $DOCGEN_FONT_DIR, else /usr/local/share/docgen/fonts as root, else
# ${XDG_DATA_HOME:-~/.local/share}/docgen/fonts. docgen looks in the same places
# (docgen/fonts/runtime.py). The folder is deliberately outside the system font path: Fandol's
# bold faces carry a wrong weight, and the fix (a fontconfig scan rule) only takes effect in a
# font cache that docgen builds itself, not in the system cache fc-cache would build here.
set -euo pipefail

FONTS=(FandolFang-Regular.otf FandolKai-Regular.otf FandolHei-Regular.otf FandolHei-Bold.otf
       FandolSong-Regular.otf FandolSong-Bold.otf)

if [ -n "${DOCGEN_FONT_DIR:-}" ]; then
  dest="$DOCGEN_FONT_DIR"
elif [ "$(id -u)" -eq 0 ]; then
  dest=/usr/local/share/docgen/fonts
else
  dest="${XDG_DATA_HOME:-$HOME/.local/share}/docgen/fonts"
fi

have_all=1
for f in "${FONTS[@]}"; do
  [ -s "$dest/$f" ] || have_all=0
done
if [ "$have_all" -eq 1 ]; then
  echo "== Fandol fonts already in $dest"
  exit 0
fi

for tool in apt-get dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "install-fonts.sh: $tool not found (Debian/Ubuntu only)" >&2; exit 1; }
done

echo "== installing Fandol fonts into $dest"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
# apt-get download needs package lists; refresh them once when the package is unknown.
if ! apt-get download texlive-lang-chinese >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  apt-get download texlive-lang-chinese
fi
deb="$(ls texlive-lang-chinese_*.deb)"
dpkg-deb -x "$deb" unpacked
src=unpacked/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
mkdir -p "$dest"
for f in "${FONTS[@]}"; do
  [ -s "$src/$f" ] || { echo "install-fonts.sh: $f missing from $deb" >&2; exit 1; }
  install -m 0644 "$src/$f" "$dest/$f"
done
# The licence travels with the fonts (GPL with the font exception).
readme=unpacked/usr/share/texlive/texmf-dist/doc/fonts/fandol/README
[ -f "$readme" ] && install -m 0644 "$readme" "$dest/README.fandol"
echo "== Fandol fonts installed: $(ls "$dest" | tr '\n' ' ')"

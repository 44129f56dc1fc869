#!/bin/sh
# Rebuilds assets/analysis/places-de-kreise.txt from the npm package landkreise-deutschland
# (CC-BY-4.0, Alexander Wunschik; data: Destatis Gemeindeverzeichnis, Stand 31.12.2018,
# Datenlizenz Deutschland – Namensnennung 2.0). Run from the repository root.
set -eu
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
(cd "$W" && npm pack --silent landkreise-deutschland@3.0.0 >/dev/null && tar xzf landkreise-deutschland-3.0.0.tgz)
OUT=assets/analysis/places-de-kreise.txt
{
  echo "# Kreise and kreisfreie Städte of Germany: one name a line."
  echo "# Source: npm landkreise-deutschland 3.0.0 (CC-BY-4.0, Alexander Wunschik), data from"
  echo "# Destatis, Gemeindeverzeichnis, Stand 31.12.2018 (dl-de/by-2-0). Made by"
  echo "# crates/suggest/tools/make-gazetteer.sh; names that are also common words are left out."
  tail -n +2 "$W/package/data/districts.csv" | cut -d';' -f3 | sed 's/,.*//; s/^Landkreis //; s/^Kreis //; s/^Regionalverband //' \
    | grep -vxE 'Leer|Regen|Hof|Lippe|Weiden|Roth|Stade|Neustadt|Kusel|Olpe|Unna|Lahn' | sort -u
} > "$OUT"
wc -l "$OUT"

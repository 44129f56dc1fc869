#!/usr/bin/env bash
# Draws the Newsdesk icon (a dark-blue rounded square with a white serif "N" over a red rule)
# and writes the PNG sizes tauri.conf.json names into assets/icons/. Needs ImageMagick 6.
# Run from anywhere: scripts/make-icons.sh   (the icons are committed; run it only to change them)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/assets/icons
CONVERT=/usr/bin/convert   # another `convert` may stand earlier on PATH
FONT=/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf
[ -f "$FONT" ] || FONT=/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf
mkdir -p "$OUT"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT

# 1024x1024 master: transparent margin, rounded square, letter, rule.
"$CONVERT" -size 1024x1024 xc:none \
  \( -size 880x880 gradient:'#1f4f8f-#0b1f3f' \
     \( -size 880x880 xc:none -fill white -draw 'roundrectangle 0,0 879,879 190,190' \) \
     -compose DstIn -composite \) \
  -geometry +72+72 -compose Over -composite \
  -font "$FONT" -pointsize 700 -fill white -gravity center -annotate +0-40 'N' \
  -fill '#e0483e' -draw 'rectangle 282,790 742,830' \
  "$TMP/master.png"

for size in 32 128 256 512; do
  "$CONVERT" "$TMP/master.png" -filter Lanczos -resize ${size}x${size} -strip "PNG32:$TMP/$size.png"
done
cp "$TMP/32.png" "$OUT/32x32.png"
cp "$TMP/128.png" "$OUT/128x128.png"
cp "$TMP/256.png" "$OUT/128x128@2x.png"
cp "$TMP/512.png" "$OUT/icon.png"
echo "icons written to $OUT"
